/**
 * Office.js writes of the comparison and the gathering ("PC So sánh", "PC Gộp báo cáo" and the
 * gathered values in the open workbook). Two round trips each: one to look (sheet names, own
 * markers, and for a gathering the cells it will write), one to write.
 *
 * Own sheets follow own.ts: a workbook name `PhanCong_Own_<Kind>` (comment OWN_MARKER) marks the
 * sheet; a marked sheet still carrying its base name is replaced; a user sheet with that name is never
 * touched (the own sheet goes to "<name> (2)"). Links use Range.hyperlink (ExcelApi 1.7) with a
 * documentReference; text is written under the text format "@" so Excel does not coerce it.
 */
import type { Lang } from '../../engine/types';
import type { OutTable } from '../../engine/tables';
import { OWN_MARKER } from '../../engine/tables';
import { a1, fold } from '../../engine/text';
import type { GatherResult } from '../../engine/gather';
import { buildGatherTable, COMPARE_SHEETS } from '../../engine/compare-table';
import { StaleSheetError } from '../../host/types';
import { nameTargetSheet, OWN_NAME_PREFIX } from './own';
import { freeSheetName } from '../../engine/workbook';
import { cellWrite, DATE_FORMAT, TEXT_FORMAT, toExcelValue } from './values';
import { busyCells, queueTrackingRead, queueTrackingWrite, type TrackingSupport } from './tracking';
import { queueQuietly, syncQuietly } from './quiet';

export type TableSheetKind = 'Compare' | 'Merge';
const BASE: Record<TableSheetKind, string> = {
  Compare: COMPARE_SHEETS.compare,
  Merge: COMPARE_SHEETS.merge,
};

interface Looked {
  sheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
}

/** Queue the loads of the first round trip (sheet names and workbook names). */
function look(context: Excel.RequestContext): Looked {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name, items/comment, items/value');
  return { sheets, names };
}

/** Queue the replacement of the own sheet of `kind` with `table` (after `look` was synced). Returns its name. */
function queueTableSheet(
  context: Excel.RequestContext,
  looked: Looked,
  kind: TableSheetKind,
  table: OutTable,
  linkCol: number,
): string {
  const marker = `${OWN_NAME_PREFIX}${kind}`;
  const base = BASE[kind];
  const sheetNames = looked.sheets.items.map((s) => s.name);
  const isBase = (n: string) =>
    n.toLowerCase() === base.toLowerCase() ||
    new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`, 'i').test(n);
  const removed = new Set<string>();
  for (const n of looked.names.items) {
    if (n.name.toLowerCase() !== marker.toLowerCase() || n.comment !== OWN_MARKER) continue;
    const target = nameTargetSheet(n.value);
    const sheet =
      target === null
        ? undefined
        : sheetNames.find((s) => s.toLowerCase() === target.toLowerCase());
    if (sheet && isBase(sheet)) {
      context.workbook.worksheets.getItem(sheet).delete();
      removed.add(sheet.toLowerCase());
    }
    n.delete();
  }
  const taken = new Set(sheetNames.map((s) => s.toLowerCase()).filter((s) => !removed.has(s)));
  const name = freeSheetName(base, taken);
  const ws = context.workbook.worksheets.add(name);
  const width = table.headers.length;
  const grid = [
    table.headers,
    ...table.rows.map((r) =>
      r.map((c) => (c !== null && typeof c === 'object' && 'link' in c ? '' : toExcelValue(c))),
    ),
  ];
  const formats = grid.map((r) => r.map((v) => (typeof v === 'string' ? TEXT_FORMAT : 'General')));
  const range = ws.getRange(`A1:${a1(grid.length, width)}`);
  range.numberFormat = formats;
  range.values = grid;
  ws.getRange(`A1:${a1(1, width)}`).format.font.bold = true;
  table.rows.forEach((r, i) => {
    const c = r[linkCol];
    if (c !== null && typeof c === 'object' && 'link' in c) {
      ws.getRange(a1(i + 2, linkCol + 1)).hyperlink = {
        documentReference: c.link,
        textToDisplay: c.text,
      };
    }
  });
  context.workbook.names.add(marker, ws.getRange('A1'), OWN_MARKER);
  return name;
}

/** Write (or replace) the "PC So sánh" sheet: two round trips. */
export async function writeComparisonOffice(
  context: Excel.RequestContext,
  table: OutTable,
): Promise<{ sheet: string }> {
  const looked = look(context);
  await context.sync();
  const sheet = queueTableSheet(context, looked, 'Compare', table, 1);
  await context.sync();
  return { sheet };
}

/**
 * Write a gathering into the open workbook: the missing tracking columns (as "Thêm cột theo dõi"
 * adds them: tracking.ts), each applied value, and the "PC Gộp báo cáo" log. Refuses
 * (StaleSheetError, nothing written) when a cell where a column goes is no longer empty or an
 * applied cell no longer shows the value the gathering read ("before"). Two round trips.
 *
 * The write batch runs with events off (quiet.ts, ExcelApi 1.8, when `support.quiet`): the gathered
 * values land in the checked sheet, and the pane's live re-check must not be woken by the add-in's own
 * write. Should the batch fail, events are switched back on (one more round trip) and the error rethrown.
 */
export async function applyGatherOffice(
  context: Excel.RequestContext,
  result: GatherResult,
  lang: Lang,
  support: TrackingSupport & { quiet?: boolean } = { dataValidation: false },
): Promise<{ logSheet: string }> {
  const sheetName = result.master.sheet;
  const ws = context.workbook.worksheets.getItem(sheetName);
  const looked = look(context);
  const tracking = result.tracking ? queueTrackingRead(ws, result.tracking) : null;
  const cells = result.applied.map((x) => {
    const r = ws.getRange(a1(x.row, x.col));
    r.load('text, numberFormat');
    return r;
  });
  await context.sync();
  const changed =
    (tracking !== null && busyCells(result.tracking!, tracking.target).length > 0) ||
    cells.some((r, i) => fold(String(r.text[0][0])) !== fold(result.applied[i].before));
  if (changed) throw new StaleSheetError(sheetName);

  const quiet = support.quiet === true;
  const logSheet = queueQuietly(context, quiet, () => {
    if (tracking) queueTrackingWrite(ws, result.tracking!, tracking.source, support);
    result.applied.forEach((x, i) => {
      const v = x.value;
      if (v.isDate && typeof v.value === 'number') {
        cells[i].numberFormat = [[DATE_FORMAT]];
        cells[i].values = [[v.value]];
        return;
      }
      const plain = v.value !== null && typeof v.value === 'object' ? v.text : (v.value ?? '');
      const w = cellWrite(
        typeof plain === 'string' ? plain : (plain as number | boolean),
        String(cells[i].numberFormat[0][0]),
      );
      if (w.numberFormat) cells[i].numberFormat = [[w.numberFormat]];
      cells[i].values = [[w.value]];
    });
    return queueTableSheet(context, looked, 'Merge', buildGatherTable(result, lang, sheetName), 1);
  });
  await syncQuietly(context, quiet);
  return { logSheet };
}
