/**
 * The pane's flows for "Gộp báo cáo" and "So sánh với bản trước" (issue 13), host-agnostic: the
 * current sheet is read through the WorkbookHost; a picked .xlsx file is read with ExcelJS in the
 * pane (src/adapters/xlsx/read.ts, loaded on demand so it stays a separate chunk). Business rules
 * live in the engine (compare.ts, gather.ts); components only show what these return.
 */
import type { Lang } from '../../engine/types';
import type { WorkbookHost } from '../../host/types';
import { compareReports, isSameVersion, type Comparison } from '../../engine/compare';
import { buildCompareTable } from '../../engine/compare-table';
import { gather, prepareMaster, type GatherResult, type ReportInput } from '../../engine/gather';
import { pickTableSheet } from '../../engine/pick-sheet';
import { planCompareMarks, type MarkPlan } from '../../engine/marks';

export interface PickedFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

/** A picked file the flow cannot use: which file, and the catalogue id of why. */
export class PickedFileError extends Error {
  constructor(
    public readonly file: string,
    public readonly messageId: string,
  ) {
    super(`${messageId}:${file}`);
    this.name = 'PickedFileError';
  }
}

async function readPicked(file: PickedFile, asOf: string, lang: Lang, prefer?: string) {
  const { readWorkbook, WorkbookReadError } = await import(
    /* webpackChunkName: "xlsx" */ '../../adapters/xlsx/read'
  );
  let wb;
  try {
    wb = await readWorkbook(file.bytes);
  } catch (e) {
    throw new PickedFileError(
      file.name,
      `read.error.${e instanceof WorkbookReadError ? e.reason : 'corrupt'}`,
    );
  }
  const picked = pickTableSheet(wb.sheets, { asOf, lang }, undefined, prefer);
  if (!picked.ok) throw new PickedFileError(file.name, 'merge.error.notAppendix');
  return picked;
}

export interface CompareOutcome {
  comparison: Comparison;
  same: boolean;
  /** Each entry's cell on the current sheet (for the click-to-cell list), by kind. */
  sheet: string;
  /** The marks of the rows added, moved or changed (owned conditional formats), and the read they plan on. */
  marks: MarkPlan;
  fingerprint: string;
}

/** Compare the current sheet (newer) with a picked older file; optionally write the PC So sánh sheet. */
export async function compareWithOlder(
  host: WorkbookHost,
  sheet: string,
  older: PickedFile,
  o: { asOf: string; lang: Lang; writeSheet?: boolean },
): Promise<CompareOutcome & { written: string | null }> {
  const current = await host.readSheet(sheet);
  const newer = pickTableSheet([current.snapshot], { asOf: o.asOf, lang: o.lang });
  if (!newer.ok) throw new PickedFileError(sheet, 'diff.error.noTable');
  const old = await readPicked(older, o.asOf, o.lang, sheet);
  const comparison = compareReports(old.report, newer.report);
  let written: string | null = null;
  if (o.writeSheet && host.writeComparison) {
    const cols = newer.report.columnIndexes;
    const origin = current.snapshot.origin ?? { row: 0, col: 0 };
    const col = (c: number | undefined) => (c === undefined ? undefined : origin.col + c + 1);
    const table = buildCompareTable(comparison, o.lang, sheet, col(cols.tt) ?? 1, {
      task: col(cols.task),
      leader: col(cols.leader),
      lead: col(cols.lead),
      support: col(cols.support),
      deadline: col(cols.deadline),
      status: col(cols.status),
    });
    written = (await host.writeComparison(table)).sheet;
  }
  const taskRows = new Map(newer.report.tasks.map((t) => [t.row, t.rows] as const));
  const marks = planCompareMarks(
    sheet,
    comparison,
    taskRows,
    newer.report.firstColumn,
    newer.report.lastColumn,
  );
  return {
    comparison,
    same: isSameVersion(comparison),
    sheet,
    written,
    marks,
    fingerprint: current.fingerprint,
  };
}

/** Gather picked reports into the current sheet (the master): the plan, not yet written. */
export async function planGather(
  host: WorkbookHost,
  sheet: string,
  files: PickedFile[],
  o: { asOf: string; lang: Lang },
): Promise<GatherResult> {
  const current = await host.readSheet(sheet);
  const master = pickTableSheet([current.snapshot], { asOf: o.asOf, lang: o.lang });
  if (!master.ok) throw new PickedFileError(sheet, 'merge.error.masterNotAppendix');
  const inputs: ReportInput[] = [];
  for (const f of files) {
    const r = await readPicked(f, o.asOf, o.lang);
    inputs.push({ file: f.name, snapshot: r.snapshot, report: r.report });
  }
  const prepared = prepareMaster(current.snapshot, { asOf: o.asOf, lang: o.lang });
  return gather(prepared, inputs);
}

/** Apply a planned gathering through the host (it refuses when the sheet changed since). */
export async function applyGatherPlan(
  host: WorkbookHost,
  result: GatherResult,
  lang: Lang,
): Promise<{ logSheet: string }> {
  if (!host.applyGather) throw new Error('applyGather unsupported');
  return host.applyGather(result, lang);
}

// ---------------------------------------------------------------------------------------------
// A small store for the two pane sections (kept apart from the pane's reducer: the flows only need
// the host, the sheet, the date and the language, which the components pass in).

export interface GatherPaneState {
  busy: 'gather' | 'apply' | 'compare' | 'mark' | null;
  /** Catalogue id (and data) of the last failure. */
  error: { id: string; data?: Record<string, string | number> } | null;
  /** The planned gathering (before apply) and the files it came from. */
  plan: GatherResult | null;
  files: string[];
  /** The log sheet written by the last apply. */
  applied: string | null;
  comparison: CompareOutcome | null;
  compareFile: string | null;
  /** The PC So sánh sheet written by the last compare. */
  compareSheet: string | null;
  /** What the last mark / clear did (catalogue id and data), for the status line. */
  marks: { id: string; data: Record<string, string | number> } | null;
}

export interface GatherStore {
  getState(): GatherPaneState;
  subscribe(listener: () => void): () => void;
  available: { gather: boolean; compare: boolean };
  plan(sheet: string, files: PickedFile[], o: { asOf: string; lang: Lang }): Promise<void>;
  apply(lang: Lang): Promise<void>;
  compare(
    sheet: string,
    file: PickedFile,
    o: { asOf: string; lang: Lang; writeSheet: boolean },
  ): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  /** Mark the last comparison's rows on the current sheet (replaces the add-in's marks there). */
  mark(): Promise<void>;
  /** Remove the add-in's marks from the compared sheet. */
  unmark(): Promise<void>;
}

export function createGatherStore(host: WorkbookHost): GatherStore {
  let state: GatherPaneState = {
    busy: null,
    error: null,
    plan: null,
    files: [],
    applied: null,
    comparison: null,
    compareFile: null,
    compareSheet: null,
    marks: null,
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<GatherPaneState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const failure = (e: unknown, fallback: string): GatherPaneState['error'] =>
    e instanceof PickedFileError
      ? { id: e.messageId, data: { file: e.file } }
      : { id: fallback, data: { reason: (e as Error)?.message ?? String(e) } };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    available: { gather: typeof host.applyGather === 'function', compare: true },
    async plan(sheet, files, o) {
      set({
        busy: 'gather',
        error: null,
        plan: null,
        applied: null,
        files: files.map((f) => f.name),
      });
      try {
        set({ plan: await planGather(host, sheet, files, o), busy: null });
      } catch (e) {
        set({ busy: null, error: failure(e, 'ui.gather.error') });
      }
    },
    async apply(lang) {
      if (!state.plan) return;
      set({ busy: 'apply', error: null });
      try {
        const { logSheet } = await applyGatherPlan(host, state.plan, lang);
        set({ busy: null, applied: logSheet });
      } catch (e) {
        set({
          busy: null,
          error:
            (e as Error)?.name === 'StaleSheetError'
              ? { id: 'ui.gather.stale' }
              : failure(e, 'ui.gather.error'),
        });
      }
    },
    async compare(sheet, file, o) {
      set({
        busy: 'compare',
        error: null,
        comparison: null,
        compareFile: file.name,
        compareSheet: null,
        marks: null,
      });
      try {
        const out = await compareWithOlder(host, sheet, file, o);
        set({ busy: null, comparison: out, compareSheet: out.written });
      } catch (e) {
        set({ busy: null, error: failure(e, 'ui.compare.error') });
      }
    },
    async mark() {
      const c = state.comparison;
      if (!c) return;
      set({ busy: 'mark', error: null });
      try {
        await host.applyMarks(c.marks, c.fingerprint);
        const rows = c.marks.rules.reduce((n, r) => n + r.rows.length, 0);
        set({ busy: null, marks: { id: 'ui.compare.marked', data: { rows, sheet: c.sheet } } });
      } catch (e) {
        set({
          busy: null,
          error:
            (e as Error)?.name === 'StaleSheetError'
              ? { id: 'ui.compare.stale' }
              : failure(e, 'ui.compare.markError'),
        });
      }
    },
    async unmark() {
      const sheet = state.comparison?.sheet;
      if (!sheet) return;
      set({ busy: 'mark', error: null });
      try {
        await host.clearMarks(sheet);
        set({ busy: null, marks: { id: 'ui.compare.unmarked', data: { sheet } } });
      } catch (e) {
        set({ busy: null, error: failure(e, 'ui.compare.markError') });
      }
    },
    async select(sheet, cell) {
      try {
        await host.selectCell(sheet, cell);
      } catch {
        // a removed task has no cell: nothing to select
      }
    },
  };
}
