/// <reference types="office-js" />
/**
 * WorkbookHost on Office.js (inside Excel). Office.js and Excel are injected so tests can pass the
 * fake in test/fakes/excel-fake.ts; src/adapters/office/index.ts passes the real globals.
 *
 * Round trips (context.sync calls) per command, asserted by test/adapters/office.test.ts:
 * - listSheets: 1.
 * - readSheet: 1. Values, valueTypes, number formats, bold flags (getCellProperties, ExcelApi 1.9)
 *   and merged areas (getMergedAreasOrNullObject, ExcelApi 1.13) of the used range are all queued
 *   before the same sync. Only when that response is too large (Excel on the web: ~5 MB payload,
 *   ResponsePayloadSizeLimitExceeded) does it fall back to reading in chunks: 1 sync for the geometry,
 *   then 1 sync per chunk of at most `chunkCells` cells (default 1,000,000; whole rows). If the merged
 *   areas cannot be returned (more than 512 of them), it reads again without merges (1 more sync).
 * - applyMarks: 2. Sync 1 re-reads the values (for the fingerprint) and loads the conditional
 *   formats; if the fingerprint differs it throws StaleSheetError having written nothing. Sync 2
 *   deletes the add-in's own rules and adds the new ones (skipped when there is nothing to do).
 * - clearMarks: 2 at most (load, then delete; 1 when there is nothing to delete).
 * - selectCell: 1. loadSettings: 0. saveSettings: 0 (document settings, saveAsync).
 * - writeSummary: 3 at most (see summary.ts).
 * - writeAppendix: 2 (see appendix.ts). readColumnText: 1.
 * - applyEdits: 2 (the stale-sheet check of applyMarks, then one write); undoEdits: 2 (see edits.ts).
 */
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
import { fingerprintValues } from './fingerprint';
import { scanOwn } from './own';
import { writeSummary } from './summary';
import { readColumnText, writeAppendix } from './appendix';
import { applyEditsOffice, undoEditsOffice } from './edits';
import type { EditBatch, UndoRecord } from '../../host/types';

export type ExcelApi = typeof Excel;
export type OfficeApi = typeof Office;

export interface OfficeHostOptions {
  /** Cells read per sync when a sheet is too large to read in one response. Default 1,000,000. */
  chunkCells?: number;
  /** Longest address list given to one getRanges() call (one conditional format). Default 2,000 chars. */
  maxAddressChars?: number;
}

/** Document settings key (Office.context.document.settings): the whole WorkbookSettings as JSON. */
export const SETTINGS_KEY = 'phancong.settings';

const PAYLOAD_CODES = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'PayloadTooLarge']);

function errorCode(e: unknown): string {
  const any = e as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  return String(any?.code ?? any?.debugInfo?.code ?? '');
}

function isTooLarge(e: unknown): boolean {
  return PAYLOAD_CODES.has(errorCode(e)) || /payload|size limit/i.test(String((e as Error)?.message ?? ''));
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
    out.push({ top: r0 - origin.row, left: c0 - origin.col, bottom: r1 - origin.row, right: c1 - origin.col });
  }
  return out;
}

type Extra = (ws: Excel.Worksheet) => void;

/** Queue the reads of one range; returns a function that collects them after the sync. */
function queueRangeRead(range: Excel.Range, want: Want) {
  range.load(want.formats ? 'values, valueTypes, numberFormat' : 'values, valueTypes');
  const props = want.bold ? range.getCellProperties({ format: { font: { bold: true } } }) : null;
  return () => {
    const values = range.values.map((row, r) => row.map((v, c) => toCell(v, range.valueTypes[r]?.[c])));
    const numberFormats = want.formats ? (range.numberFormat as string[][]).map((row) => row.map(String)) : undefined;
    const bold = props ? props.value.map((row) => row.map((p) => p.format?.font?.bold === true)) : undefined;
    return { values, numberFormats, bold };
  };
}

export function createOfficeHost(excel: ExcelApi, office: OfficeApi, options: OfficeHostOptions = {}): WorkbookHost {
  const chunkCells = options.chunkCells ?? 1_000_000;
  const maxAddressChars = options.maxAddressChars ?? 2000;
  const supports = (v: string) => {
    try {
      return office.context.requirements.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };

  /** Everything in one sync (the normal case). */
  async function readOnce(ctx: Excel.RequestContext, sheet: string, want: Want, extra?: Extra): Promise<UsedRead> {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRange(true); // the top-left cell when the sheet is blank
    used.load('rowIndex, columnIndex');
    const collect = queueRangeRead(used, want);
    const merged = want.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    extra?.(ws);
    await ctx.sync();
    const origin = { row: used.rowIndex, col: used.columnIndex };
    const got = collect();
    return { origin, ...got, merges: merged && !merged.isNullObject ? parseAreas(merged.address, origin) : want.merges ? [] : undefined };
  }

  /** The used range is too large for one response: geometry first, then chunks of whole rows. */
  async function readChunked(ctx: Excel.RequestContext, sheet: string, want: Want, extra?: Extra): Promise<UsedRead> {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRange(true);
    used.load('rowIndex, columnIndex, rowCount, columnCount');
    const merged = want.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    extra?.(ws);
    await ctx.sync();
    const origin = { row: used.rowIndex, col: used.columnIndex };
    const rows = used.rowCount;
    const cols = used.columnCount;
    const per = Math.max(1, Math.floor(chunkCells / cols));
    const out: UsedRead = {
      origin,
      values: [],
      numberFormats: want.formats ? [] : undefined,
      bold: want.bold ? [] : undefined,
      merges: merged ? (merged.isNullObject ? [] : parseAreas(merged.address, origin)) : undefined,
    };
    for (let r = 0; r < rows; r += per) {
      const part = ws.getRangeByIndexes(origin.row + r, origin.col, Math.min(per, rows - r), cols);
      const collect = queueRangeRead(part, want);
      await ctx.sync();
      const got = collect();
      out.values.push(...got.values);
      if (got.numberFormats) out.numberFormats!.push(...got.numberFormats);
      if (got.bold) out.bold!.push(...got.bold);
    }
    return out;
  }

  /** Read the used range (values only → valuesOnly used range). `extra` queues more loads in the first sync. */
  async function readUsed(ctx: Excel.RequestContext, sheet: string, want: Want, extra?: Extra): Promise<UsedRead> {
    try {
      return await readOnce(ctx, sheet, want, extra);
    } catch (e) {
      if (isTooLarge(e)) {
        try {
          return await readChunked(ctx, sheet, want, extra);
        } catch (e2) {
          if (!want.merges) throw e2;
          return readChunked(ctx, sheet, { ...want, merges: false }, extra);
        }
      }
      // getMergedAreasOrNullObject fails beyond 512 merged areas: read again without them.
      if (want.merges && !['ItemNotFound', 'InvalidReference'].includes(errorCode(e)))
        return readUsed(ctx, sheet, { ...want, merges: false }, extra);
      throw e;
    }
  }

  function loadOwnRules(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
    // The whole sheet's rules. customOrNullObject: reading `custom` of a non-custom rule fails.
    const cfs = ws.getRange().conditionalFormats;
    cfs.load('items/customOrNullObject/rule/formula');
    return cfs;
  }

  function ownRules(cfs: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
    return cfs.items.filter((cf) => !cf.customOrNullObject.isNullObject && isOwnMarkFormula(cf.customOrNullObject.rule.formula));
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
      return excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name, items/visibility');
        const active = sheets.getActiveWorksheet();
        active.load('name');
        const names = ctx.workbook.names;
        names.load('items/name, items/comment, items/value');
        await ctx.sync();
        const scan = scanOwn(
          names.items.map((n) => ({ name: n.name, comment: n.comment, value: n.value })),
          sheets.items.map((s) => s.name),
        );
        const own = new Set(scan.own.map((o) => o.sheet.toLowerCase()));
        return sheets.items
          .filter((s) => s.visibility === 'Visible')
          .map((s) => ({ name: s.name, active: s.name === active.name, own: own.has(s.name.toLowerCase()) }));
      });
    },

    async readSheet(name: string): Promise<ReadSheet> {
      const want: Want = { formats: true, bold: supports('1.9'), merges: supports('1.13') };
      const got = await excel.run((ctx) => readUsed(ctx, name, want));
      const blank = got.values.length === 1 && got.values[0].length === 1 && got.values[0][0] === null;
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
      await excel.run(async (ctx) => {
        let cfs: Excel.ConditionalFormatCollection | undefined;
        const got = await readUsed(ctx, plan.sheet, { formats: false, bold: false, merges: false }, (ws) => {
          cfs = loadOwnRules(ws);
        });
        if (fingerprintValues(got.values, got.origin) !== fingerprint) throw new StaleSheetError(plan.sheet);
        const ws = ctx.workbook.worksheets.getItem(plan.sheet);
        let ops = 0;
        for (const cf of ownRules(cfs!)) {
          cf.delete();
          ops++;
        }
        for (const rule of plan.rules) {
          const targets = multi ? groupRanges(rule.ranges).map((g) => ws.getRanges(g.join(','))) : rule.ranges.map((r) => ws.getRange(r));
          for (const target of targets) {
            const cf = target.conditionalFormats.add(excel.ConditionalFormatType.custom);
            cf.custom.rule.formula = rule.formula;
            cf.custom.format.fill.color = rule.style.fill;
            cf.custom.format.font.color = rule.style.font;
            ops++;
          }
        }
        if (ops) await ctx.sync();
      });
    },

    async clearMarks(sheet: string): Promise<void> {
      await excel.run(async (ctx) => {
        const cfs = loadOwnRules(ctx.workbook.worksheets.getItem(sheet));
        await ctx.sync();
        const own = ownRules(cfs);
        for (const cf of own) cf.delete();
        if (own.length) await ctx.sync();
      });
    },

    async writeSummary(report: SheetReport, lang: 'vi' | 'en'): Promise<SummaryResult> {
      return excel.run((ctx) => writeSummary(excel, ctx, report, lang, { pivotTables: supports('1.8') }));
    },

    async writeAppendix(draft: PlanDraft, lang: 'vi' | 'en'): Promise<{ sheet: string }> {
      const support = { dataValidation: supports('1.8'), freezePanes: supports('1.7'), pageLayout: supports('1.9') };
      return excel.run((ctx) => writeAppendix(ctx, draft, lang, support));
    },

    async applyEdits(batch: EditBatch, fingerprint: string): Promise<UndoRecord> {
      const options = { mergedAreas: supports('1.13') };
      return excel.run((ctx) =>
        applyEditsOffice(ctx, batch, fingerprint, (c, sheet, extra) => readUsed(c, sheet, { formats: false, bold: false, merges: false }, extra), options),
      );
    },

    async undoEdits(record: UndoRecord): Promise<void> {
      await excel.run((ctx) => undoEditsOffice(ctx, record, { mergedAreas: supports('1.13') }));
    },

    async readColumnText(sheet: string, column: string): Promise<string> {
      return excel.run((ctx) => readColumnText(ctx, sheet, column));
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      await excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
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
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as WorkbookSettings) : {};
    },

    async saveSettings(settings: WorkbookSettings): Promise<void> {
      const doc = office.context.document.settings;
      doc.set(SETTINGS_KEY, JSON.stringify(settings));
      await new Promise<void>((resolve, reject) => {
        doc.saveAsync((result: Office.AsyncResult<void>) => {
          if (result.status === office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? 'saveAsync failed'));
          else resolve();
        });
      });
    },
  };
  return host;
}
