/**
 * WorkbookHost over an ExcelJS workbook held in the browser's memory: the standalone page (Excel
 * versions without add-ins, LibreOffice users, Linux). Nothing leaves the machine: the workbook
 * comes from a File the user chose (or the bundled sample, fetched from the page's own origin), and
 * goes back as a download made from a Blob.
 *
 * The same code paths as the CLI's `phancong check --out`:
 * - readSheet: sheetSnapshot (src/adapters/xlsx/read.ts), fingerprinted like the Office host
 *   (src/engine/workbook/fingerprint.ts), so a stale write is refused the same way.
 * - applyMarks / clearMarks: the add-in's own conditional formats (src/adapters/xlsx/marks.ts).
 * - writeSummary: writeOwnSheets (src/adapters/xlsx/write.ts): the same four own sheets.
 * - download: writeCheckedWorkbook as `check --out` writes it, grafted onto the opened file (graft.ts)
 *   with the applied fixes written in (graft-edits.ts).
 * - writeAppendix: addDraftSheet (src/adapters/xlsx/draft-writer.ts), the writer of `phancong draft`.
 * - addTrackingColumns / undoTrackingColumns: the writer of `phancong track` on the workbook in memory;
 *   the columns added and not undone are written into the original package for the download
 *   (graft-tracking.ts), as `phancong track` writes its copy.
 * - applyEdits / undoEdits: src/adapters/xlsx/edits.ts, the checker of `phancong fix`; the exact
 *   previous cells (rich text, styles) are kept beside each UndoRecord for its undo. The cells the
 *   applied fixes changed (undone ones excepted) and their merges are written into the original
 *   package for the download (graft-edits.ts), as `phancong fix` writes its copy.
 *
 * Besides the WorkbookHost calls, the host is a small store for the preview (src/standalone):
 * subscribe()/preview() give a version that changes with every change of the workbook, the sheet
 * shown, and the cell last selected (a finding was clicked: the preview scrolls to it).
 *
 * Settings (column corrections, language, due-soon days) are kept for the session only: ExcelJS
 * cannot read or write the Office document settings where the add-in keeps them.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, Lang, SheetReport, SheetSnapshot } from '../../engine/types';
import type { MarkPlan } from '../../engine/marks';
import {
  StaleSheetError,
  type HostCapabilities,
  type ReadSheet,
  type SheetInfo,
  type SummaryResult,
  type WorkbookHost,
  type WorkbookSettings,
  type EditBatch,
  type UndoRecord,
} from '../../host/types';
import { fingerprintSnapshot, fingerprintSteps, normalizeColumn } from '../../engine/workbook';
import { readWorkbookWithin, sheetSnapshot } from '../xlsx/read';
import { graftCheckedCopy } from '../xlsx/graft';
import { graftEdits, type SheetPatch } from '../xlsx/graft-edits';
import { sameCellValue } from '../../engine/fix-plan';

/** How long the page waits for a workbook to be read (real appendices take about a second). */
export const READ_LIMIT_MS = 60_000;
import { addMarkRules, readOwnMarks, removeOwnMarks, type OwnMarkArea } from '../xlsx/marks';
import {
  isOwnSheet,
  ownSheetKind,
  writeCheckedWorkbook,
  writeOwnSheets,
  type OwnSheetKind,
} from '../xlsx/write';
import { addDraftSheet } from '../xlsx/draft-writer';
import { applyGather } from '../xlsx/gather-writer';
import { writeOwnTableSheet } from '../xlsx/own-table';
import {
  addTrackingColumns as addTrackingColumnsXlsx,
  removeTrackingColumns,
  trackingTrace,
  type TrackingTrace,
} from '../xlsx/tracking';
import { graftTracking } from '../xlsx/graft-tracking';
import type { TrackingPlan } from '../../engine/tracking-columns';
import { TrackingCellsBusyError } from '../../host/types';
import { applyEditBatch, undoEditBatch, type RawCell } from '../xlsx/edits';
import { columnIndex } from '../../engine/text';
import type { PlanDraft } from '../../engine/plan-text/extract';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the preview shows; a new object whenever something changed. */
export interface PreviewState {
  /** Bumps on every change of the workbook (marks, own sheets). */
  version: number;
  fileName: string;
  /** The sheet shown in the preview. */
  sheet: string;
  /** The cell last selected through selectCell (a finding was clicked). */
  selected: { sheet: string; cell: string } | null;
  /** Bumps on every selectCell, so that selecting the same cell again scrolls again. */
  selectSeq: number;
  /** The report the own sheets were last written for (the preview draws its chart). */
  summary: { report: SheetReport; lang: Lang } | null;
}

export interface StandaloneHostOptions {
  fileName: string;
  /** Milliseconds the read may take before it stops with a "too heavy" message (READ_LIMIT_MS). */
  readLimitMs?: number;
  /** Language of that message (the page's). */
  lang?: Lang;
  /**
   * Reads the file first somewhere that can be stopped (the pane's worker, under its deadline and
   * memory budget: src/taskpane/check-runner), so that a file too heavy to read never reaches the
   * page's thread; its sheets serve the first check without being read again.
   */
  guard?: (bytes: Uint8Array) => Promise<SheetSnapshot[]>;
  /** The fingerprint of a sheet the guard gave, when it hashed one (the page need not hash it again). */
  knownFingerprint?: (snapshot: SheetSnapshot) => string | undefined;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** "Phụ lục.xlsx" → "Phụ lục (đã kiểm tra).xlsx" (the suffix in the page's language). */
export function checkedFileName(fileName: string, suffix: string): string {
  const base = fileName.replace(/\.xlsx$/i, '') || 'workbook';
  return `${base} (${suffix}).xlsx`;
}

export class StandaloneHost implements WorkbookHost {
  readonly kind = 'standalone' as const;
  readonly workbook: ExcelJS.Workbook;
  private settings: WorkbookSettings = {};
  private state: PreviewState;
  private listeners = new Set<() => void>();
  private snapshots = new Map<string, { version: number; snapshot: SheetSnapshot }>();
  /** Each cached snapshot's fingerprint (a re-check of an unchanged sheet does not hash it again). */
  private fingerprints = new WeakMap<SheetSnapshot, string>();
  /** Exact cell values and styles before each apply (rich text, formulas), for undo. */
  private undoRaw = new WeakMap<UndoRecord, RawCell[]>();

  /** The bytes of the opened file: the download is written by adding to them. */
  original: Uint8Array | null = null;
  /**
   * The fixes applied so far, for the download (written into the original package): per sheet, per
   * cell its value in the opened file and its value now; the merges restored and not undone.
   */
  /** The sheets of the opened file. */
  private readonly opened: Set<string>;
  private applied = new Map<
    string,
    { cells: Map<string, { original: CellValue; now: CellValue }>; merges: string[] }
  >();
  /** The tracking columns added and not undone, in order, for the download (graft-tracking.ts) and the undo. */
  private tracking = new Map<UndoRecord, { plan: TrackingPlan; trace: TrackingTrace }>();

  constructor(workbook: ExcelJS.Workbook, options: StandaloneHostOptions) {
    this.workbook = workbook;
    this.opened = new Set(workbook.worksheets.map((ws) => ws.name));
    const first = this.userSheets()[0] ?? workbook.worksheets[0];
    this.state = {
      version: 0,
      fileName: options.fileName,
      sheet: first?.name ?? '',
      selected: null,
      selectSeq: 0,
      summary: null,
    };
  }

  /** Open .xlsx bytes. @throws WorkbookReadError (not an .xlsx, encrypted, damaged). */
  static async open(
    bytes: ArrayBuffer | Uint8Array,
    options: StandaloneHostOptions,
  ): Promise<StandaloneHost> {
    const guarded = options.guard
      ? await options.guard(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
      : null;
    // Under a deadline: a file too heavy to read stops with a message instead of hanging the tab.
    const { workbook } = await readWorkbookWithin(
      bytes,
      options.readLimitMs ?? READ_LIMIT_MS,
      options.lang ?? 'vi',
    );
    const host = new StandaloneHost(workbook, options);
    // The same bytes through the same reader: the guard's snapshots are the workbook's as opened.
    for (const snapshot of guarded ?? [])
      if (workbook.getWorksheet(snapshot.name)) {
        host.snapshots.set(snapshot.name, { version: 0, snapshot });
        const fingerprint = options.knownFingerprint?.(snapshot);
        if (fingerprint !== undefined) host.fingerprints.set(snapshot, fingerprint);
      }
    // The download adds to the original package (graft.ts), so everything ExcelJS cannot keep stays.
    host.original = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return host;
  }

  // ------------------------------------------------------------------ preview store

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  preview = (): PreviewState => this.state;

  private update(patch: Partial<PreviewState>, changed = false): void {
    this.state = { ...this.state, ...patch, version: this.state.version + (changed ? 1 : 0) };
    for (const l of [...this.listeners]) l();
  }

  /** Show another sheet in the preview. */
  showSheet(name: string): void {
    if (this.workbook.getWorksheet(name) && name !== this.state.sheet) this.update({ sheet: name });
  }

  /** A sheet's snapshot, cached until the workbook changes (the preview renders it). */
  snapshot(name: string): SheetSnapshot | null {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) return null;
    const cached = this.snapshots.get(name);
    if (cached && cached.version === this.state.version) return cached.snapshot;
    const snapshot = sheetSnapshot(ws);
    this.snapshots.set(name, { version: this.state.version, snapshot });
    return snapshot;
  }

  /** The add-in's marks on a sheet, read back from the workbook's conditional formats. */
  marks(name: string): OwnMarkArea[] {
    const ws = this.workbook.getWorksheet(name);
    return ws ? readOwnMarks(ws) : [];
  }

  /** Column widths in Excel's character units (undefined: the default width), for the preview. */
  columnWidths(name: string, count: number): (number | undefined)[] {
    const ws = this.workbook.getWorksheet(name);
    return Array.from({ length: count }, (_, i) => {
      const width = ws?.getColumn(i + 1).width;
      return typeof width === 'number' && width > 0 ? width : undefined;
    });
  }

  /** Which own sheet a sheet is (tasks, agencies, summary, findings), or null for a user sheet. */
  ownKind(name: string): OwnSheetKind | null {
    const ws = this.workbook.getWorksheet(name);
    return ws ? ownSheetKind(ws) : null;
  }

  /** Every sheet, in workbook order (the preview's tabs). */
  sheetNames(): string[] {
    return this.workbook.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => ws.name);
  }

  private userSheets(): ExcelJS.Worksheet[] {
    return this.workbook.worksheets.filter((ws) => !isOwnSheet(ws));
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`no-sheet:${name}`);
    return ws;
  }

  /**
   * The checked workbook as `phancong check --out` writes it (marks and own sheets for the report),
   * applied to the workbook in memory too, so the preview shows what the file holds.
   */
  async checkedBytes(report: SheetReport | null, lang: Lang): Promise<Uint8Array> {
    const reports =
      report && report.headerRow !== null && this.workbook.getWorksheet(report.name)
        ? [report]
        : [];
    const scratch = await writeCheckedWorkbook(this.workbook, reports, { lang });
    // A sheet made in the page (a draft appendix) is not in the original package: then the copy is
    // ExcelJS's, which holds it (graft.ts adds only the add-in's own sheets).
    const made = this.workbook.worksheets.some(
      (ws) => !isOwnSheet(ws) && !this.opened.has(ws.name),
    );
    const plans = [...this.tracking.values()].map((x) => x.plan);
    const bytes =
      this.original && !made
        ? await graftCheckedCopy(
            await graftTracking(await graftEdits(this.original, this.appliedPatches()), plans),
            scratch,
          )
        : scratch;
    this.update(
      { summary: report && reports.length ? { report, lang } : this.state.summary },
      true,
    );
    return bytes;
  }

  /** Save the checked workbook through the browser's download (a Blob; nothing is uploaded). */
  async download(report: SheetReport | null, lang: Lang, suffix: string): Promise<string> {
    const bytes = await this.checkedBytes(report, lang);
    const name = checkedFileName(this.state.fileName, suffix);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return name;
  }

  // ------------------------------------------------------------------ WorkbookHost

  capabilities(): HostCapabilities {
    return {
      pivotTables: false,
      charts: false,
      cellProperties: true,
      conditionalFormats: true,
      download: true,
    };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets
      .filter((ws) => ws.state !== 'veryHidden')
      .map((ws) => ({ name: ws.name, active: ws.name === this.state.sheet, own: isOwnSheet(ws) }));
  }

  async readSheet(name: string): Promise<ReadSheet> {
    this.sheet(name);
    // Cached until the workbook changes (every change bumps the version).
    const snapshot = this.snapshot(name)!;
    if (!isOwnSheet(this.sheet(name))) this.showSheet(name);
    return { snapshot, fingerprint: await this.fingerprintOf(snapshot) };
  }

  /** A snapshot's fingerprint, hashed once, a few thousand rows at a time (the page stays responsive). */
  private async fingerprintOf(snapshot: SheetSnapshot): Promise<string> {
    let fingerprint = this.fingerprints.get(snapshot);
    if (fingerprint === undefined) {
      const steps = fingerprintSteps(snapshot);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          fingerprint = step.value;
          break;
        }
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
      this.fingerprints.set(snapshot, fingerprint);
    }
    return fingerprint;
  }

  async applyMarks(plan: MarkPlan, fingerprint: string): Promise<void> {
    const ws = this.sheet(plan.sheet);
    if (fingerprintSnapshot(sheetSnapshot(ws)) !== fingerprint)
      throw new StaleSheetError(plan.sheet);
    removeOwnMarks(ws);
    addMarkRules(ws, plan.rules);
    this.update({ sheet: plan.sheet }, true);
  }

  /** "Thêm cột theo dõi" (issue 12): the same writer as `phancong track`, after the same refusals as Excel. */
  async addTrackingColumns(plan: TrackingPlan, fingerprint: string): Promise<UndoRecord> {
    const ws = this.sheet(plan.sheet);
    if (fingerprintSnapshot(sheetSnapshot(ws)) !== fingerprint)
      throw new StaleSheetError(plan.sheet);
    const busy: string[] = [];
    for (const c of plan.columns) {
      for (let r = plan.headerRow; r <= plan.lastRow; r++) {
        const v = ws.getCell(r, c.col).value;
        if (v !== null && v !== undefined && v !== '') busy.push(`${c.letter}${r}`);
      }
    }
    if (busy.length) throw new TrackingCellsBusyError(plan.sheet, busy);
    const trace = trackingTrace(this.workbook, plan);
    const written = addTrackingColumnsXlsx(this.workbook, plan);
    this.update({ sheet: plan.sheet }, true);
    const header = new Map(plan.columns.map((c) => [`${c.letter}${plan.headerRow}`, c.header]));
    const record: UndoRecord = {
      sheet: plan.sheet,
      cells: written.map((cell) => ({
        cell,
        before: null,
        numberFormat: null,
        after: header.get(cell) ?? null,
      })),
      merges: [...plan.headerMerges],
    };
    this.tracking.set(record, { plan, trace });
    return record;
  }

  /** Undo "Thêm cột theo dõi": the columns leave the sheet in memory and the download (as an undone fix). */
  async undoTrackingColumns(record: UndoRecord): Promise<void> {
    const added = this.tracking.get(record);
    if (!added) throw new Error(`unknown-tracking:${record.sheet}`);
    removeTrackingColumns(this.workbook, added.plan, added.trace);
    this.tracking.delete(record);
    this.update({ sheet: record.sheet }, true);
  }

  async clearMarks(sheet: string): Promise<void> {
    removeOwnMarks(this.sheet(sheet));
    this.update({}, true);
  }

  async writeSummary(report: SheetReport, lang: 'vi' | 'en'): Promise<SummaryResult> {
    const result = writeOwnSheets(this.workbook, [report], { lang });
    this.update({ summary: { report, lang }, sheet: result.sheets.summary }, true);
    return {
      sheets: [
        result.sheets.tasks,
        result.sheets.agencies,
        result.sheets.summary,
        result.sheets.report,
        result.sheets.reminders,
        result.sheets.findings,
      ],
      skipped: [],
    };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.sheet(sheet);
    this.update({
      sheet,
      selected: { sheet, cell: cell.toUpperCase() },
      selectSeq: this.state.selectSeq + 1,
    });
  }

  /** "Tạo phụ lục từ văn bản": the appendix as a new sheet (the same writer as `phancong draft`). */
  async writeAppendix(draft: PlanDraft, lang: 'vi' | 'en'): Promise<{ sheet: string }> {
    const sheet = addDraftSheet(this.workbook, draft, lang);
    this.update({ sheet }, true);
    return { sheet };
  }

  /** "Gộp báo cáo": the gathering written into the open workbook (the writer of `phancong merge`). */
  async applyGather(
    result: import('../../engine/gather').GatherResult,
    lang: 'vi' | 'en',
  ): Promise<{ logSheet: string }> {
    const out = applyGather(this.workbook, result, lang);
    this.update({}, true);
    return out;
  }

  /** "So sánh với bản trước": the PC So sánh sheet (the writer of `phancong diff --out`). */
  async writeComparison(table: import('../../engine/tables').OutTable): Promise<{ sheet: string }> {
    const sheet = writeOwnTableSheet(this.workbook, 'Compare', 'PC So sánh', table, {
      widths: [22, 10, 7, 7, 10, 10, 20, 50, 50, 30],
      linkCols: [1],
      wrapCols: [7, 8],
    });
    this.update({}, true);
    return { sheet };
  }

  /** The column's non-empty cells, top to bottom, joined with newlines (as the Office host reads them). */
  async readColumnText(sheet: string, column: string): Promise<string> {
    const col = normalizeColumn(column);
    if (!col)
      throw Object.assign(new Error(`bad column ${column}`), {
        messageId: 'ui.error.column',
        data: { column },
      });
    const c = columnIndex(col);
    return sheetSnapshot(this.sheet(sheet))
      .values.map((row) => row[c])
      .map((v) =>
        v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v).trim(),
      )
      .filter((v) => v !== '')
      .join('\n');
  }

  /** Fixes (issue 10): the same ExcelJS edit code as `phancong fix` (src/adapters/xlsx/edits.ts). */
  async applyEdits(batch: EditBatch, fingerprint: string): Promise<UndoRecord> {
    const ws = this.sheet(batch.sheet);
    if (fingerprintSnapshot(sheetSnapshot(ws)) !== fingerprint)
      throw new StaleSheetError(batch.sheet);
    const { record, raw } = applyEditBatch(ws, batch);
    this.undoRaw.set(record, raw);
    this.track(record.sheet, record.cells, (c) => c.after, record.merges, []);
    this.update({ sheet: batch.sheet }, true);
    return record;
  }

  async undoEdits(record: UndoRecord): Promise<void> {
    undoEditBatch(this.sheet(record.sheet), record, this.undoRaw.get(record));
    this.undoRaw.delete(record);
    this.track(record.sheet, record.cells, (c) => c.before, [], record.merges);
    this.update({ sheet: record.sheet }, true);
  }

  /** Keep the cells' values now (the first `before` seen is the opened file's) and the merges. */
  private track(
    sheet: string,
    cells: UndoRecord['cells'],
    now: (c: UndoRecord['cells'][number]) => CellValue,
    merged: string[],
    unmerged: string[],
  ): void {
    const s = this.applied.get(sheet) ?? { cells: new Map(), merges: [] };
    this.applied.set(sheet, s);
    for (const c of cells) {
      const key = c.cell.toUpperCase();
      const seen = s.cells.get(key);
      s.cells.set(key, { original: seen ? seen.original : c.before, now: now(c) });
    }
    const gone = new Set(unmerged.map((m) => m.toUpperCase()));
    s.merges = [...s.merges.filter((m) => !gone.has(m)), ...merged.map((m) => m.toUpperCase())];
  }

  /** What the download writes into the original package: the cells that differ from it, the merges. */
  private appliedPatches(): Map<string, SheetPatch> {
    const out = new Map<string, SheetPatch>();
    for (const [sheet, s] of this.applied) {
      const cells = new Map<string, CellValue>();
      for (const [cell, v] of s.cells)
        if (!sameCellValue(v.original, v.now)) cells.set(cell, v.now);
      out.set(sheet, { cells, merges: [...s.merges] });
    }
    return out;
  }

  async loadSettings(): Promise<WorkbookSettings> {
    return copy(this.settings);
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.settings = copy(settings);
  }
}
