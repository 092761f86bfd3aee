/// <reference types="office-js" />
/**
 * writeSummary on Office.js: the add-in's own sheets, in at most THREE round trips.
 *
 * Sync 1 — look: sheet names, named items (own-sheet markers, see own.ts) and table names.
 * Sync 2 — write: delete the previous own sheets and their markers (never a sheet without a marker),
 *   then add, in this order, "PC Tổng hợp" (summary: counts by state, cross-tables lead/leader/quarter
 *   × state written as plain cells, and a clustered bar chart of lead × state), "PC Nhiệm vụ" (the task
 *   table as an Excel Table, due date as a date serial with a date format), "PC Cơ quan" (task ×
 *   agency long table) and "PC Kết quả kiểm tra" (findings, with a hyperlink to each cell). Each new
 *   sheet gets its marker name right after it is added, so a batch that fails halfway still leaves
 *   sheets the next run recognises and replaces.
 * Sync 3 — PivotTables (lead × state, leader × state, quarter × state; source: the task Table) on the
 *   summary sheet, only when ExcelApi 1.8 is supported (else SummaryResult.skipped gets 'pivotTables')
 *   and there is at least one task. Kept apart from sync 2 so that a PivotTable failure cannot cost
 *   the sheets: it is reported as skipped.
 *
 * When a user sheet already has an own sheet's name, the own sheet is written as "<name> (2)".
 */
import type { Lang, SheetReport, SummaryCount, TaskState } from '../../engine/types';
import { buildFindingsTable, buildTaskAgencyTable, buildTaskTable, OWN_MARKER, OWN_SHEETS, TASK_COLUMNS, type OutCell, type OutTable } from '../../engine/tables';
import { columnLetter } from '../../engine/text';
import { t } from '../../messages';
import type { SummaryResult } from '../../host/types';
import { office as officeMessages } from '../../messages/office';
import { freeSheetName, freeTableName, ownNameFor, scanOwn, type OwnKind } from './own';

/** Until src/messages/office.ts is registered in the catalogue, look its ids up here first. */
function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  const own = officeMessages[lang][id] ?? officeMessages.vi[id];
  if (own === undefined) return t(lang, id, data);
  return own.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export const DATE_FORMAT = 'dd/mm/yyyy';
/** Excel keeps at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32767;
/** Order of state columns in the summary cross-tables (only states that occur are shown). */
export const STATE_ORDER: TaskState[] = ['overdue', 'due-soon', 'open', 'done-late', 'done-on-time', 'done', 'recurring', 'no-deadline'];
/** Bars in the chart: the lead agencies with most tasks. */
const CHART_MAX_ROWS = 15;
/** PivotTables stand side by side on the summary sheet from this column, this far apart. */
const PIVOT_FIRST_COL = 12;
const PIVOT_STRIDE = 12;

const EPOCH = Date.UTC(1899, 11, 30);

/** ISO date → Excel serial number (1900 date system). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86400000);
}

type XlValue = string | number | boolean;

/** An OutCell as a value Excel's `values` accepts. Text starting with "=" is kept as text. */
export function toExcelValue(cell: OutCell): XlValue {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    const s = cell.length > MAX_CELL_TEXT ? cell.slice(0, MAX_CELL_TEXT) : cell;
    return s.startsWith('=') ? `'${s}` : s;
  }
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if ('date' in cell) return isoToSerial(cell.date);
  return toExcelValue(cell.text);
}

function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function area(r0: number, c0: number, r1: number, c1: number): string {
  return `${a1(r0, c0)}:${a1(r1, c1)}`;
}

/** Pad rows to one width (Excel wants rectangular arrays). */
function rect(rows: XlValue[][]): XlValue[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<XlValue>(width - r.length).fill('')]);
}

/** Write an OutTable at A1 as an Excel Table; returns nothing to sync. */
function writeTable(ws: Excel.Worksheet, table: OutTable, tableName: string): void {
  const cols = table.headers.length;
  const body = table.rows.length ? table.rows : [table.headers.map(() => null)];
  const grid = [table.headers.map(toExcelValue), ...body.map((r) => r.map(toExcelValue))];
  const range = ws.getRange(area(0, 0, grid.length - 1, cols - 1));
  range.values = grid;
  // Date columns: any column holding a {date} cell gets a date format on its body.
  for (let c = 0; c < cols; c++) {
    if (table.rows.some((r) => r[c] !== null && typeof r[c] === 'object' && 'date' in (r[c] as object))) {
      ws.getRange(area(1, c, body.length, c)).numberFormat = body.map(() => [DATE_FORMAT]);
    }
  }
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null && typeof cell === 'object' && 'link' in cell) {
        ws.getRange(a1(r + 1, c)).hyperlink = { documentReference: cell.link, textToDisplay: String(toExcelValue(cell.text)) };
      }
    }),
  );
  const xlTable = ws.tables.add(range, true);
  xlTable.name = tableName;
  ws.freezePanes.freezeRows(1);
}

function keyLabel(kind: 'lead' | 'leader' | 'quarter', key: string, lang: Lang): string {
  if (kind === 'quarter') {
    const m = /^(\d)\/(\d{4})$/.exec(key);
    return m ? t(lang, 'quarter.label', { q: m[1], year: m[2] }) : t(lang, 'quarter.none');
  }
  if (key === '') return t(lang, kind === 'lead' ? 'lead.none' : 'leader.none');
  return key;
}

interface Block {
  row: number;
  rows: number;
  cols: number;
}

/** The summary sheet's cells; returns where the lead × state block is (for the chart) and where to put the chart. */
function summaryGrid(report: SheetReport, lang: Lang, states: TaskState[]) {
  const rows: XlValue[][] = [];
  const bold: number[] = [];
  const s = report.summary;
  bold.push(rows.length);
  rows.push([msg(lang, 'office.summary.title', { sheet: report.name })]);
  rows.push([]);
  rows.push([msg(lang, 'office.summary.total'), s.total]);
  rows.push([msg(lang, 'office.summary.unassigned'), s.unassigned]);
  rows.push([]);
  bold.push(rows.length);
  rows.push([msg(lang, 'office.summary.byState')]);
  for (const st of STATE_ORDER) if (s.byState[st]) rows.push([t(lang, `state.${st}`), s.byState[st]!]);
  const blocks: Record<string, Block> = {};
  const cross = (kind: 'lead' | 'leader' | 'quarter', heading: string, roleHeader: string, counts: SummaryCount[]) => {
    rows.push([]);
    bold.push(rows.length);
    rows.push([msg(lang, heading)]);
    const top = rows.length;
    bold.push(rows.length);
    rows.push([roleHeader, ...states.map((st) => t(lang, `state.${st}`)), t(lang, 'table.total')]);
    for (const c of counts) rows.push([keyLabel(kind, c.key, lang), ...states.map((st) => c.counts[st] ?? 0), c.counts.total ?? 0]);
    blocks[kind] = { row: top, rows: counts.length + 1, cols: states.length + 2 };
  };
  cross('lead', 'office.summary.byLead', t(lang, 'table.lead'), s.byLead);
  cross('leader', 'office.summary.byLeader', t(lang, 'table.leader'), s.byLeader);
  cross('quarter', 'office.summary.byQuarter', t(lang, 'table.quarter'), s.byQuarter);
  rows.push([]);
  const chartRow = rows.length;
  const grid = rect(rows).map((r) => r.map((v) => (typeof v === 'string' ? toExcelValue(v) : v)));
  return { grid, bold, blocks, chartRow };
}

export interface SummaryOptions {
  pivotTables: boolean;
}

export async function writeSummary(
  excel: typeof Excel,
  ctx: Excel.RequestContext,
  report: SheetReport,
  lang: Lang,
  opts: SummaryOptions,
): Promise<SummaryResult> {
  // ---- sync 1: look
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const names = wb.names;
  names.load('items/name, items/comment, items/value');
  const tables = wb.tables;
  tables.load('items/name, items/worksheet/name');
  await ctx.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const nameItems = names.items;
  const scan = scanOwn(
    nameItems.map((n) => ({ name: n.name, comment: n.comment, value: n.value })),
    sheetNames,
  );
  const ownLower = new Set(scan.own.map((o) => o.sheet.toLowerCase()));
  const taken = new Set(sheetNames.filter((n) => !ownLower.has(n.toLowerCase())).map((n) => n.toLowerCase()));
  const tableTaken = new Set(
    tables.items.filter((tb) => !ownLower.has(tb.worksheet.name.toLowerCase())).map((tb) => tb.name.toLowerCase()),
  );

  const target = {} as Record<OwnKind, string>;
  for (const kind of ['summary', 'tasks', 'agencies', 'findings'] as OwnKind[]) {
    target[kind] = freeSheetName(OWN_SHEETS[kind], taken);
    taken.add(target[kind].toLowerCase());
  }

  const taskTable = buildTaskTable(report, lang);
  const agencyTable = buildTaskAgencyTable(report, lang);
  const findingsTable = buildFindingsTable(report, lang);
  const tableName = (tb: OutTable) => {
    const n = freeTableName(tb.name, tableTaken);
    tableTaken.add(n.toLowerCase());
    return n;
  };
  const taskTableName = tableName(taskTable);

  // ---- sync 2: replace the own sheets
  for (const o of scan.own) sheets.getItem(o.sheet).delete();
  for (const i of [...scan.own.map((o) => o.nameIndex), ...scan.orphans]) nameItems[i].delete();

  const addOwn = (kind: OwnKind): Excel.Worksheet => {
    const ws = sheets.add(target[kind]);
    wb.names.add(ownNameFor(kind), ws.getRange('A1'), OWN_MARKER);
    return ws;
  };

  // Summary sheet: plain cells + chart.
  const summaryWs = addOwn('summary');
  const present = STATE_ORDER.filter((st) => report.summary.byState[st]);
  const states = present.length ? present : (['open'] as TaskState[]);
  const sum = summaryGrid(report, lang, states);
  summaryWs.getRange(area(0, 0, sum.grid.length - 1, sum.grid[0].length - 1)).values = sum.grid;
  for (const r of sum.bold) summaryWs.getRange(area(r, 0, r, sum.grid[0].length - 1)).format.font.bold = true;
  const lead = sum.blocks.lead;
  if (report.summary.byLead.length > 0) {
    const rows = Math.min(lead.rows, CHART_MAX_ROWS + 1);
    const source = summaryWs.getRange(area(lead.row, 0, lead.row + rows - 1, states.length));
    const chart = summaryWs.charts.add(excel.ChartType.barClustered, source, excel.ChartSeriesBy.columns);
    chart.title.text = msg(lang, 'office.chart.byLead');
    chart.setPosition(a1(sum.chartRow, 0), a1(sum.chartRow + 22, 9));
  }

  const tasksWs = addOwn('tasks');
  writeTable(tasksWs, taskTable, taskTableName);
  const agenciesWs = addOwn('agencies');
  writeTable(agenciesWs, agencyTable, tableName(agencyTable));
  const findingsWs = addOwn('findings');
  writeTable(findingsWs, findingsTable, tableName(findingsTable));

  const note = opts.pivotTables
    ? msg(lang, 'office.summary.pivots', { table: taskTableName })
    : msg(lang, 'office.summary.noPivots');
  summaryWs.getRange(a1(0, PIVOT_FIRST_COL)).values = [[note]];
  await ctx.sync();

  const result: SummaryResult = { sheets: [target.summary, target.tasks, target.agencies, target.findings], skipped: [] };

  // ---- sync 3: PivotTables
  if (!opts.pivotTables) {
    result.skipped.push('pivotTables');
    return result;
  }
  if (report.tasks.length === 0) return result;
  try {
    const source = wb.tables.getItem(taskTableName);
    const ws = sheets.getItem(target.summary);
    const header = (id: (typeof TASK_COLUMNS)[number]) => taskTable.headers[TASK_COLUMNS.indexOf(id)];
    const fields: [string, (typeof TASK_COLUMNS)[number]][] = [
      ['PhanCong_Lead', 'lead'],
      ['PhanCong_Leader', 'leader'],
      ['PhanCong_Quarter', 'quarter'],
    ];
    fields.forEach(([name, field], i) => {
      const pivot = ws.pivotTables.add(name, source, ws.getRange(a1(2, PIVOT_FIRST_COL + i * PIVOT_STRIDE)));
      pivot.rowHierarchies.add(pivot.hierarchies.getItem(header(field)));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem(header('state')));
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(header('row')));
      data.summarizeBy = excel.AggregationFunction.count;
      data.name = msg(lang, 'office.pivot.count');
    });
    await ctx.sync();
  } catch {
    result.skipped.push('pivotTables');
  }
  return result;
}
