/// <reference types="office-js" />
/**
 * WorkbookHost on Office.js (inside Excel). Office.js and Excel are injected so tests can pass the
 * fake in test/fakes/excel-fake.ts; src/adapters/office/index.ts passes the real globals.
 *
 * Round trips (context.sync calls) per command, asserted by test/adapters/office.test.ts:
 * - listSheets: 1.
 * - readSheet: 1 for a used range of at most 1,000 rows (FIRST_ROWS: about 3 KB a row assumed, 20
 *   columns of 150 bytes, so about 3 MB at most for a typical appendix). Values, valueTypes, number formats, bold flags
 *   (getCellProperties, ExcelApi 1.9) and merged areas (getMergedAreasOrNullObject, ExcelApi 1.13) are
 *   queued before the same sync, with the used range's size. Larger sheets are read on in runs of whole
 *   rows sized by an estimate of the response: the bytes per row measured so far (values.ts jsonBytes),
 *   so that each response stays under PAYLOAD_BUDGET (3.5 MB; Excel on the web refuses responses over
 *   5 MB): 1 more sync per run. Should a run still be refused as too large (RangeExceedsLimit,
 *   ResponsePayloadSizeLimitExceeded, RequestPayloadSizeLimitExceeded), it is read again in halves.
 *   If the merged areas cannot be returned (more than 512 of them), it reads again without merges.
 * - applyMarks: 2 (more for a sheet read in runs, as readSheet). Sync 1 re-reads the values (for the
 *   fingerprint) and loads the conditional formats; if the fingerprint differs it throws
 *   StaleSheetError having written nothing. Sync 2 deletes the add-in's own rules and adds the new
 *   ones (skipped when there is nothing to do).
 * - clearMarks: 2 at most (load, then delete; 1 when there is nothing to delete).
 * - selectCell: 1. loadSettings: 0. saveSettings: 0 (document settings, saveAsync).
 * - writeSummary: 3 for a small report; more batches for a large one, each under the payload budget
 *   (see summary.ts).
 * - writeAppendix: 2 (see appendix.ts). readColumnText: 1.
 * - applyEdits: 2 (the stale-sheet check of applyMarks, then one write); undoEdits: 2 (see edits.ts).
 * Every write into the checked sheet (marks, including the comparison's, fix edits and their undo,
 * tracking columns, gathered values) is queued
 * between runtime.enableEvents = false and = true (quiet.ts, ExcelApi 1.8) in its write batch: no
 * extra round trip, and the pane's live re-check is not woken by the add-in's own writes.
 * - addTrackingColumns: 2 (sync 1 re-reads the values for the fingerprint, the target cells and the
 *   header cell's look; sync 2 writes; more for a sheet read in runs, as readSheet).
 */
import { applyGatherOffice, writeComparisonOffice } from './gather';
import type { CellValue, MergedArea, SheetSnapshot, SheetReport } from '../../engine/types';
import type { MarkPlan } from '../../engine/marks';
import type { PlanDraft } from '../../engine/plan-text/extract';
import { isOwnMarkFormula } from '../../engine/marks';
import { columnIndex } from '../../engine/text';
import {
  StaleSheetError,
  type HostCapabilities,
  type ReadSheet,
  type SheetInfo,
  type SummaryResult,
  type WorkbookHost,
  type WorkbookSettings,
} from '../../host/types';
import { fingerprintValues } from '../../engine/workbook';
import { nameTargetSheet, scanOwn } from './own';
import { isOwnMarkerName } from '../../engine/tables';
import { writeSummary } from './summary';
import { jsonBytes, PAYLOAD_BUDGET } from './values';
import { readColumnText, writeAppendix } from './appendix';
import type { TrackingPlan } from '../../engine/tracking-columns';
import { busyCells, queueTrackingRead, queueTrackingWrite } from './tracking';
import { TrackingCellsBusyError } from '../../host/types';
import { applyEditsOffice, undoEditsOffice } from './edits';
import { queueQuietly, syncQuietly } from './quiet';
import type { EditBatch, UndoRecord } from '../../host/types';

export type ExcelApi = typeof Excel;
export type OfficeApi = typeof Office;

export interface OfficeHostOptions {
  /** At most this many cells per read (far below Excel's 5,000,000-cell read limit). Default 1,000,000. */
  chunkCells?: number;
  /** Rows read in the first sync, before anything is known of the sheet's size. Default FIRST_ROWS (1,000). */
  firstRows?: number;
  /** Bytes one request or response may carry by the adapter's estimate. Default PAYLOAD_BUDGET. */
  payloadBudget?: number;
  /** Longest address list given to one getRanges() call (one conditional format). Default 2,000 chars. */
  maxAddressChars?: number;
}

/** Rows read in the first sync of a read: sized for about 3 KB a row (20 columns of about 150 bytes). */
export const FIRST_ROWS = 1000;

/** Document settings key (Office.context.document.settings): the whole WorkbookSettings as JSON. */
export const SETTINGS_KEY = 'phancong.settings';

/**
 * Errors that mean "too large" (application-specific-api-error-handling.md): the payload limits of Excel
 * on the web, and RangeExceedsLimit ("The cell count in the range has exceeded the maximum supported
 * number"). PayloadTooLarge is not an Office.js code (Microsoft Graph's 413), kept in case a host passes it on.
 */
const PAYLOAD_CODES = new Set([
  'ResponsePayloadSizeLimitExceeded',
  'RequestPayloadSizeLimitExceeded',
  'RangeExceedsLimit',
  'PayloadTooLarge',
]);

function errorCode(e: unknown): string {
  const any = e as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  return String(any?.code ?? any?.debugInfo?.code ?? '');
}

function isTooLarge(e: unknown): boolean {
  return (
    PAYLOAD_CODES.has(errorCode(e)) ||
    /payload|size limit/i.test(String((e as Error)?.message ?? ''))
  );
}

interface Want {
  formats: boolean;
  bold: boolean;
  merges: boolean;
}

interface UsedRead {
  origin: { row: number; col: number };
  values: CellValue[][];
  numberFormats?: string[][];
  bold?: boolean[][];
  merges?: MergedArea[];
}

function toCell(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

const AREA_RE = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?=,|$)/g;

/** Parse a RangeAreas address ("Sheet1!A1:B2,Sheet1!D4") into areas relative to `origin`. */
export function parseAreas(address: string, origin: { row: number; col: number }): MergedArea[] {
  const out: MergedArea[] = [];
  for (const m of address.matchAll(AREA_RE)) {
    const c0 = columnIndex(m[1]);
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? columnIndex(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    out.push({
      top: r0 - origin.row,
      left: c0 - origin.col,
      bottom: r1 - origin.row,
      right: c1 - origin.col,
    });
  }
  return out;
}

type Extra = (ws: Excel.Worksheet) => void;

/** Queue the reads of one range; returns a function that collects them after the sync. */
function queueRangeRead(range: Excel.Range, want: Want) {
  range.load(want.formats ? 'values, valueTypes, numberFormat' : 'values, valueTypes');
  const props = want.bold ? range.getCellProperties({ format: { font: { bold: true } } }) : null;
  return () => {
    const values = range.values.map((row, r) =>
      row.map((v, c) => toCell(v, range.valueTypes[r]?.[c])),
    );
    const numberFormats = want.formats
      ? (range.numberFormat as string[][]).map((row) => row.map(String))
      : undefined;
    const bold = props
      ? props.value.map((row) => row.map((p) => p.format?.font?.bold === true))
      : undefined;
    // What the response carried, as the adapter estimates it (to size the next read).
    const bytes =
      jsonBytes(range.values) +
      jsonBytes(range.valueTypes) +
      (want.formats ? jsonBytes(range.numberFormat) : 0) +
      (props ? jsonBytes(props.value) : 0);
    return { values, numberFormats, bold, bytes };
  };
}

export function createOfficeHost(
  excel: ExcelApi,
  office: OfficeApi,
  options: OfficeHostOptions = {},
): WorkbookHost {
  const chunkCells = options.chunkCells ?? 1_000_000;
  const firstRows = options.firstRows ?? FIRST_ROWS;
  const payloadBudget = options.payloadBudget ?? PAYLOAD_BUDGET;
  const maxAddressChars = options.maxAddressChars ?? 2000;
  const supports = (v: string) => {
    try {
      return office.context.requirements.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };

  /**
   * Sync 1: the used range's place and size, its merged areas, `extra`, and its first `first` rows.
   * Then runs of whole rows, each sized so that its response stays under the budget by the bytes per
   * row measured so far; a run refused as too large is read again in halves.
   */
  async function readUsedOnce(
    context: Excel.RequestContext,
    sheet: string,
    want: Want,
    first: number,
    extra?: Extra,
  ): Promise<UsedRead> {
    const ws = context.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRange(true); // the top-left cell when the sheet is blank
    used.load('rowIndex, columnIndex, rowCount, columnCount');
    const head = used
      .getRow(0)
      .getResizedRange(first - 1, 0)
      .getIntersection(used);
    const collect = queueRangeRead(head, want);
    const merged = want.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    extra?.(ws);
    await context.sync();
    const origin = { row: used.rowIndex, col: used.columnIndex };
    const rows = used.rowCount;
    const cols = used.columnCount;
    const got = collect();
    const out: UsedRead = {
      origin,
      values: got.values,
      numberFormats: got.numberFormats,
      bold: got.bold,
      merges: merged ? (merged.isNullObject ? [] : parseAreas(merged.address, origin)) : undefined,
    };
    let perRow = got.bytes / Math.max(1, got.values.length);
    let r = got.values.length;
    while (r < rows) {
      let count = Math.max(
        1,
        Math.min(
          rows - r,
          Math.floor(chunkCells / cols),
          Math.floor(payloadBudget / Math.max(1, perRow * 1.25)),
        ),
      );
      for (;;) {
        const part = ws.getRangeByIndexes(origin.row + r, origin.col, count, cols);
        const collectPart = queueRangeRead(part, want);
        try {
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each run is sized from the previous response (payload limit)
          await context.sync();
        } catch (e) {
          if (isTooLarge(e) && count > 1) {
            count = Math.ceil(count / 2);
            continue;
          }
          throw e;
        }
        const part2 = collectPart();
        out.values.push(...part2.values);
        if (part2.numberFormats) out.numberFormats!.push(...part2.numberFormats);
        if (part2.bold) out.bold!.push(...part2.bold);
        perRow = Math.max(perRow, part2.bytes / count);
        r += count;
        break;
      }
    }
    return out;
  }

  /** Read the used range (values only → valuesOnly used range). `extra` queues more loads in the first sync. */
  async function readUsed(
    context: Excel.RequestContext,
    sheet: string,
    want: Want,
    extra?: Extra,
    first = firstRows,
    rows?: number,
  ): Promise<UsedRead> {
    try {
      return await readUsedOnce(context, sheet, want, first, extra);
    } catch (e) {
      // Even the first rows were too large (very wide rows, very long texts): half as many first rows
      // (of those the sheet has: its row count costs one small sync, once).
      if (isTooLarge(e) && first > 1) {
        const count = rows ?? (await usedRowCount(context, sheet));
        return readUsed(context, sheet, want, extra, Math.ceil(Math.min(first, count) / 2), count);
      }
      // getMergedAreasOrNullObject fails beyond 512 merged areas: read again without them.
      if (
        want.merges &&
        !isTooLarge(e) &&
        !['ItemNotFound', 'InvalidReference'].includes(errorCode(e))
      )
        return readUsed(context, sheet, { ...want, merges: false }, extra, first, rows);
      throw e;
    }
  }

  async function usedRowCount(context: Excel.RequestContext, sheet: string): Promise<number> {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true);
    used.load('rowCount');
    await context.sync();
    return used.rowCount;
  }

  function loadOwnRules(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
    // The whole sheet's rules. customOrNullObject: reading `custom` of a non-custom rule fails.
    const cfs = ws.getRange().conditionalFormats;
    cfs.load('items/customOrNullObject/rule/formula');
    return cfs;
  }

  function ownRules(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
    return cfs.items.filter(
      (cf) =>
        !cf.customOrNullObject.isNullObject && isOwnMarkFormula(cf.customOrNullObject.rule.formula),
    );
  }

  /** Group a rule's ranges so that each getRanges() address stays short. */
  function groupRanges(ranges: string[]): string[][] {
    const groups: string[][] = [];
    let cur: string[] = [];
    let len = 0;
    for (const r of ranges) {
      if (cur.length && len + r.length + 1 > maxAddressChars) {
        groups.push(cur);
        cur = [];
        len = 0;
      }
      cur.push(r);
      len += r.length + 1;
    }
    if (cur.length) groups.push(cur);
    return groups;
  }

  const host: WorkbookHost = {
    kind: 'excel',

    capabilities(): HostCapabilities {
      return {
        pivotTables: supports('1.8'),
        charts: true,
        cellProperties: supports('1.9'),
        conditionalFormats: supports('1.6'),
        download: false,
      };
    },

    async listSheets(): Promise<SheetInfo[]> {
      return excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name, items/visibility');
        const active = sheets.getActiveWorksheet();
        active.load('name');
        const names = context.workbook.names;
        names.load('items/name, items/comment, items/value');
        await context.sync();
        const scan = scanOwn(
          names.items.map((n) => ({ name: n.name, comment: n.comment, value: n.value })),
          sheets.items.map((s) => s.name),
        );
        const own = new Set([...scan.own, ...scan.leftovers].map((o) => o.sheet.toLowerCase()));
        // PC So sánh, PC Gộp báo cáo (their own commands' markers) are the add-in's too.
        for (const n of names.items) {
          const target = isOwnMarkerName(n.name) ? nameTargetSheet(n.value) : null;
          if (target) own.add(target.toLowerCase());
        }
        return sheets.items
          .filter((s) => s.visibility === 'Visible')
          .map((s) => ({
            name: s.name,
            active: s.name === active.name,
            own: own.has(s.name.toLowerCase()),
          }));
      });
    },

    async readSheet(name: string): Promise<ReadSheet> {
      const want: Want = { formats: true, bold: supports('1.9'), merges: supports('1.13') };
      const got = await excel.run((context) => readUsed(context, name, want));
      const blank =
        got.values.length === 1 && got.values[0].length === 1 && got.values[0][0] === null;
      const snapshot: SheetSnapshot = {
        name,
        values: blank ? [] : got.values,
        origin: got.origin,
      };
      if (got.numberFormats && !blank) snapshot.numberFormats = got.numberFormats;
      if (got.bold && !blank) snapshot.bold = got.bold;
      if (got.merges) snapshot.merges = got.merges;
      return { snapshot, fingerprint: fingerprintValues(got.values, got.origin) };
    },

    async applyMarks(plan: MarkPlan, fingerprint: string): Promise<void> {
      const multi = supports('1.9');
      await excel.run(async (context) => {
        let cfs: Excel.ConditionalFormatCollection | undefined;
        const got = await readUsed(
          context,
          plan.sheet,
          { formats: false, bold: false, merges: false },
          (ws) => {
            cfs = loadOwnRules(ws);
          },
        );
        if (fingerprintValues(got.values, got.origin) !== fingerprint)
          throw new StaleSheetError(plan.sheet);
        const ws = context.workbook.worksheets.getItem(plan.sheet);
        const own = ownRules(cfs!);
        if (own.length === 0 && plan.rules.length === 0) return;
        const quiet = supports('1.8');
        queueQuietly(context, quiet, () => {
          for (const cf of own) cf.delete();
          for (const rule of plan.rules) {
            const targets = multi
              ? groupRanges(rule.ranges).map((g) => ws.getRanges(g.join(',')))
              : rule.ranges.map((r) => ws.getRange(r));
            for (const target of targets) {
              const cf = target.conditionalFormats.add(excel.ConditionalFormatType.custom);
              cf.custom.rule.formula = rule.formula;
              cf.custom.format.fill.color = rule.style.fill;
              cf.custom.format.font.color = rule.style.font;
            }
          }
        });
        await syncQuietly(context, quiet);
      });
    },

    async clearMarks(sheet: string): Promise<void> {
      await excel.run(async (context) => {
        const cfs = loadOwnRules(context.workbook.worksheets.getItem(sheet));
        await context.sync();
        const own = ownRules(cfs);
        if (own.length === 0) return;
        const quiet = supports('1.8');
        queueQuietly(context, quiet, () => own.forEach((cf) => cf.delete()));
        await syncQuietly(context, quiet);
      });
    },

    async writeSummary(report: SheetReport, lang: 'vi' | 'en'): Promise<SummaryResult> {
      return excel.run((context) =>
        writeSummary(excel, context, report, lang, { pivotTables: supports('1.8'), payloadBudget }),
      );
    },

    async watchSheet(sheet: string, onChange: () => void): Promise<(() => Promise<void>) | null> {
      if (!supports('1.7')) return null;
      return excel.run(async (context) => {
        const reg = context.workbook.worksheets
          .getItem(sheet)
          .onChanged.add(async () => onChange());
        await context.sync();
        // Removing needs the context the handler was added in (Excel.run(reg.context, …)).
        return async () => {
          await excel.run(
            ((reg as unknown as { context?: Excel.RequestContext }).context ??
              context) as Excel.RequestContext,
            async (c) => {
              reg.remove();
              await c.sync();
            },
          );
        };
      });
    },

    async addTrackingColumns(plan: TrackingPlan, fingerprint: string): Promise<UndoRecord> {
      return excel.run(async (context) => {
        let read: ReturnType<typeof queueTrackingRead> | undefined;
        const got = await readUsed(
          context,
          plan.sheet,
          { formats: false, bold: false, merges: false },
          (ws) => {
            read = queueTrackingRead(ws, plan);
          },
        );
        if (fingerprintValues(got.values, got.origin) !== fingerprint)
          throw new StaleSheetError(plan.sheet);
        const busy = busyCells(plan, read!.target);
        if (busy.length) throw new TrackingCellsBusyError(plan.sheet, busy);
        const ws = context.workbook.worksheets.getItem(plan.sheet);
        // The add-in's own write does not wake the live re-check (events off for this batch, ExcelApi 1.8).
        const quiet = supports('1.8');
        const undo = queueQuietly(context, quiet, () =>
          queueTrackingWrite(ws, plan, read!.source, { dataValidation: supports('1.8') }),
        );
        await syncQuietly(context, quiet);
        return undo;
      });
    },

    async writeAppendix(draft: PlanDraft, lang: 'vi' | 'en'): Promise<{ sheet: string }> {
      const support = {
        dataValidation: supports('1.8'),
        freezePanes: supports('1.7'),
        pageLayout: supports('1.9'),
      };
      return excel.run((context) => writeAppendix(context, draft, lang, support));
    },

    async applyEdits(batch: EditBatch, fingerprint: string): Promise<UndoRecord> {
      const options = { mergedAreas: supports('1.13'), quiet: supports('1.8') };
      return excel.run((context) =>
        applyEditsOffice(
          context,
          batch,
          fingerprint,
          (c, sheet, extra) =>
            readUsed(c, sheet, { formats: false, bold: false, merges: false }, extra),
          options,
        ),
      );
    },

    async undoEdits(record: UndoRecord): Promise<void> {
      await excel.run((context) =>
        undoEditsOffice(context, record, { mergedAreas: supports('1.13'), quiet: supports('1.8') }),
      );
    },

    async readColumnText(sheet: string, column: string): Promise<string> {
      return excel.run((context) => readColumnText(context, sheet, column));
    },

    async applyGather(result, lang) {
      return excel.run((context) =>
        applyGatherOffice(context, result, lang, {
          dataValidation: supports('1.8'),
          quiet: supports('1.8'),
        }),
      );
    },

    async writeComparison(table) {
      return excel.run((context) => writeComparisonOffice(context, table));
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      await excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },

    async loadSettings(): Promise<WorkbookSettings> {
      const raw: unknown = office.context.document.settings.get(SETTINGS_KEY);
      let value: unknown = raw;
      if (typeof raw === 'string') {
        try {
          value = JSON.parse(raw);
        } catch {
          return {};
        }
      }
      return value && typeof value === 'object' && !Array.isArray(value)
        ? (value as WorkbookSettings)
        : {};
    },

    async saveSettings(settings: WorkbookSettings): Promise<void> {
      const doc = office.context.document.settings;
      doc.set(SETTINGS_KEY, JSON.stringify(settings));
      await new Promise<void>((resolve, reject) => {
        doc.saveAsync((result: Office.AsyncResult<void>) => {
          if (result.status === office.AsyncResultStatus.Failed)
            reject(new Error(result.error?.message ?? 'saveAsync failed'));
          else resolve();
        });
      });
    },
  };
  return host;
}
