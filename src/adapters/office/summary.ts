/// <reference types="office-js" />
/**
 * writeSummary on Office.js: the add-in's own sheets, built beside the old ones and swapped in at the
 * end, so that a failure leaves the previous summary as it was.
 *
 * Sync 1 — look: sheet names, named items (own-sheet markers, see own.ts), table names.
 * Syncs 2…n — build: four new sheets under temporary names ("~PC …", free names; each with a temporary
 *   marker name PhanCong_Tmp_<kind>_<run>, so that a write cut off before its clean-up leaves sheets the
 *   next write recognises and deletes), in this order the
 *   summary (the engine's summary layout, engine/summary-layout.ts, as values: the blocks lead /
 *   leader / quarter / section × state; a clustered bar chart of lead × state), the task table (an
 *   Excel Table, due dates as serials with a date format),
 *   the task × agency table and the findings (a hyperlink to each cell). Every cell gets its number
 *   format before its value: "@" for text, so that task texts such as "- Tổ chức…", "+5%", "=…",
 *   "1.10" or "01" stay the text they are (Excel would take them as formulas or numbers, values.ts).
 *   The batches are cut by rows so that each request stays under PAYLOAD_BUDGET by the adapter's own
 *   estimate (Excel on the web refuses requests over 5 MB): a small report is ONE build sync.
 * The swap ends the last build batch: delete the previous own sheets and their markers (never a sheet
 *   without a marker), rename the new sheets and tables to their names, add the markers. Excel runs a
 *   batch in order and stops at the first failing operation, so if any write fails the swap never runs:
 *   the previous summary sheets stay, and the new ones are deleted (one more sync) before the error is
 *   passed on.
 * Sync n+1 — PivotTables (lead, leader, quarter × state; source: the task Table) on the summary sheet,
 *   when ExcelApi 1.8 is supported and there is a task. If that sync fails, one more sync reads which
 *   PivotTables exist (a batch is not a transaction), and the result names them: `pivotTables` lists
 *   those created, `skipped` gets 'pivotTables' when not all three were.
 *
 * A small report therefore takes 3 syncs (look, build + swap, PivotTables), as before.
 * When a user sheet already has an own sheet's name, the own sheet is written as "<name> (2)".
 */
import type { Lang, SheetReport } from '../../engine/types';
import {
  buildFindingsTable,
  buildTaskAgencyTable,
  buildTaskTable,
  OWN_MARKER,
  OWN_SHEETS,
  TASK_COLUMNS,
  type OutCell,
  type OutTable,
} from '../../engine/tables';
import { columnLetter } from '../../engine/text';
import { t } from '../../messages';
import type { SummaryResult } from '../../host/types';
import { office as officeMessages } from '../../messages/office';
import { ownNameFor, scanOwn, OWN_KINDS, TEMP_NAME_PREFIX, type OwnKind } from './own';
import { freeSheetName, freeTableName } from '../../engine/workbook';
import { summaryLayout, type CellStyle, type LayoutCell } from '../../engine/summary-layout';
import { remindersSheetLayout, reportSheetLayout } from '../../engine/report-layout';
import { REPORT_COLUMNS } from '../../engine/tracking';

/** The report sheet's PivotTable (issue 12). */
const REPORT_PIVOT = 'PhanCong_Report';
import {
  cellFormat,
  chunkRows,
  jsonBytes,
  OP_BYTES,
  PAYLOAD_BUDGET,
  toExcelValue,
  type XlValue,
} from './values';

export { toExcelValue, cellWrite, cellFormat, wouldCoerce, DATE_FORMAT } from './values';

/** Until src/messages/office.ts is registered in the catalogue, look its ids up here first. */
function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  const own = officeMessages[lang][id] ?? officeMessages.vi[id];
  if (own === undefined) return t(lang, id, data);
  return own.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** Bars in the chart: the lead agencies with most tasks. */
const CHART_MAX_ROWS = 15;
/** PivotTables stand side by side on the summary sheet from this column, this far apart. */
const PIVOT_FIRST_COL = 12;
const PIVOT_STRIDE = 12;
/** The PivotTables' names, with the task-table column each puts on rows. */
const PIVOTS: [string, (typeof TASK_COLUMNS)[number]][] = [
  ['PhanCong_Lead', 'lead'],
  ['PhanCong_Leader', 'leader'],
  ['PhanCong_Quarter', 'quarter'],
];
/** Temporary sheet names while building ("~" sorts them apart; free names are chosen). */
const TEMP_PREFIX = '~PC ';

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

/**
 * Queues operations and syncs before a batch would pass the payload budget (by the adapter's estimate),
 * so that no request exceeds Excel on the web's 5 MB limit.
 */
class Batch {
  private bytes = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  /** Call before queuing operations of about `bytes`: syncs first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }

  async flush(): Promise<void> {
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}

/** Write cells at A1 in runs of rows that fit the budget: number formats first ("@" for text), then values. */
async function writeGrid(
  ws: Excel.Worksheet,
  batch: Batch,
  budget: number,
  values: XlValue[][],
  formats: string[][],
  extraBytes: (row: number) => number = () => 0,
  extra: (row: number) => void = () => {},
): Promise<void> {
  const cols = values[0].length;
  const sizes = values.map((row, r) => jsonBytes(row) + jsonBytes(formats[r]) + extraBytes(r));
  for (const [a, b] of chunkRows(sizes, budget - 4 * OP_BYTES)) {
    let bytes = 2 * OP_BYTES;
    for (let r = a; r < b; r++) bytes += sizes[r];
    await batch.reserve(bytes);
    const range = ws.getRange(area(a, 0, b - 1, cols - 1));
    range.numberFormat = formats.slice(a, b);
    range.values = values.slice(a, b);
    for (let r = a; r < b; r++) extra(r);
  }
}

/** Write an OutTable at A1 as an Excel Table named `tableName`, in as many batches as its size needs. */
async function writeTable(
  ws: Excel.Worksheet,
  batch: Batch,
  budget: number,
  table: OutTable,
  tableName: string,
): Promise<void> {
  const cols = table.headers.length;
  const body: OutCell[][] = table.rows.length ? table.rows : [table.headers.map(() => null)];
  const cells: OutCell[][] = [table.headers, ...body];
  const values = cells.map((row) => row.map(toExcelValue));
  const formats = cells.map((row) => row.map(cellFormat));
  const links = cells.map((row) =>
    row.flatMap((cell, c) =>
      cell !== null && typeof cell === 'object' && 'link' in cell
        ? [
            {
              c,
              link: {
                documentReference: cell.link,
                textToDisplay: String(toExcelValue(cell.text)),
              },
            },
          ]
        : [],
    ),
  );
  await writeGrid(
    ws,
    batch,
    budget,
    values,
    formats,
    (r) => links[r].reduce((n, l) => n + OP_BYTES + jsonBytes(l.link), 0),
    (r) => {
      for (const l of links[r]) ws.getRange(a1(r, l.c)).hyperlink = l.link;
    },
  );
  await batch.reserve(3 * OP_BYTES);
  const xlTable = ws.tables.add(ws.getRange(area(0, 0, cells.length - 1, cols - 1)), true);
  xlTable.name = tableName;
  ws.freezePanes.freezeRows(1);
}

/** Styles the Office writer shows bold (it renders values, bold rows and merges of a layout). */
const BOLD = new Set<CellStyle>([
  'title',
  'blockTitle',
  'headerKey',
  'header',
  'total',
  'reportTitle',
  'reportPlan',
  'reportHeader',
  'reportLabelBold',
  'reportCellBold',
  'reportRateBold',
  'remindTitle',
  'remindHeader',
]);

/**
 * A sheet layout of the engine (engine/summary-layout.ts, engine/report-layout.ts) as values (the
 * counts the engine computed; the PivotTables recompute), with the rows to show bold and the row
 * below the layout (after a blank row) where a chart can go.
 */
function layoutGrid(layout: { rows: (LayoutCell | null)[][] }) {
  const rows: XlValue[][] = layout.rows.map((cells) =>
    cells.map((c) => (c === null || c.value === null ? '' : c.value)),
  );
  const bold = layout.rows.flatMap((cells, r) =>
    cells.some((c) => c?.style && BOLD.has(c.style)) ? [r] : [],
  );
  const grid = rect(rows).map((r) => r.map((v) => (typeof v === 'string' ? toExcelValue(v) : v)));
  return { grid, bold, chartRow: rows.length + 1 };
}

export interface SummaryOptions {
  pivotTables: boolean;
  /** Bytes one request may carry by the adapter's estimate (default PAYLOAD_BUDGET). */
  payloadBudget?: number;
}

export async function writeSummary(
  excel: typeof Excel,
  context: Excel.RequestContext,
  report: SheetReport,
  lang: Lang,
  opts: SummaryOptions,
): Promise<SummaryResult> {
  const budget = opts.payloadBudget ?? PAYLOAD_BUDGET;
  // ---- sync 1: look
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/name');
  const names = wb.names;
  names.load('items/name, items/comment, items/value');
  const tables = wb.tables;
  tables.load('items/name, items/worksheet/name');
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const nameItems = names.items;
  const scan = scanOwn(
    nameItems.map((n) => ({ name: n.name, comment: n.comment, value: n.value })),
    sheetNames,
  );
  // Own sheets, and sheets left by a summary write that was cut off: both are replaced.
  const ownLower = new Set([...scan.own, ...scan.leftovers].map((o) => o.sheet.toLowerCase()));
  const taken = new Set(
    sheetNames.filter((n) => !ownLower.has(n.toLowerCase())).map((n) => n.toLowerCase()),
  );
  const allSheets = new Set(sheetNames.map((n) => n.toLowerCase()));

  const target = {} as Record<OwnKind, string>;
  const temp = {} as Record<OwnKind, string>;
  for (const kind of OWN_KINDS) {
    target[kind] = freeSheetName(OWN_SHEETS[kind], taken);
    taken.add(target[kind].toLowerCase());
  }
  for (const kind of OWN_KINDS) {
    temp[kind] = freeSheetName(
      `${TEMP_PREFIX}${OWN_SHEETS[kind].replace(/^PC /, '')}`,
      new Set([...allSheets, ...taken]),
    );
    allSheets.add(temp[kind].toLowerCase());
  }

  // Tables and defined names share one namespace in Excel: a final table name must be free among the
  // user's tables and every defined name; a temporary one among all tables and names.
  const definedLower = nameItems.map((n) => n.name.toLowerCase());
  const finalTaken = new Set([
    ...tables.items
      .filter((tb) => !ownLower.has(tb.worksheet.name.toLowerCase()))
      .map((tb) => tb.name.toLowerCase()),
    ...definedLower,
  ]);
  const tempTaken = new Set([...tables.items.map((tb) => tb.name.toLowerCase()), ...definedLower]);
  const tableNames = (tb: OutTable) => {
    const final = freeTableName(tb.name, finalTaken);
    finalTaken.add(final.toLowerCase());
    tempTaken.add(final.toLowerCase());
    const tmp = freeTableName(`${final}_tmp`, tempTaken);
    tempTaken.add(tmp.toLowerCase());
    return { final, tmp };
  };

  const taskTable = buildTaskTable(report, lang);
  const agencyTable = buildTaskAgencyTable(report, lang);
  const findingsTable = buildFindingsTable(report, lang);
  const taskNames = tableNames(taskTable);
  const agencyNames = tableNames(agencyTable);
  const findingsNames = tableNames(findingsTable);

  // ---- syncs 2…n: build under temporary names; the swap ends the last batch.
  const batch = new Batch(context, budget);
  const built = {} as Record<OwnKind, Excel.Worksheet>;
  // Each new sheet carries a temporary marker while it is built: should the write be cut off (Excel
  // closed, connection lost) before the clean-up below, the next write still knows the sheet is ours.
  const run = Date.now().toString(36);
  const tempMarker = (kind: OwnKind) => `${TEMP_NAME_PREFIX}${kind}_${run}`;
  const tempMarkers: Excel.NamedItem[] = [];
  try {
    await batch.reserve(8 * OP_BYTES);
    for (const kind of OWN_KINDS) {
      built[kind] = sheets.add(temp[kind]);
      tempMarkers.push(wb.names.add(tempMarker(kind), built[kind].getRange('A1'), OWN_MARKER));
    }

    // Summary sheet: the engine's layout as values, and a chart of the lead block.
    const summaryWs = built.summary;
    const asOf = report.asOf;
    const layout = summaryLayout(report.summary, {
      lang,
      asOf,
      sheet: report.name,
      live: false,
      taskRows: taskTable.rows.length,
    });
    const sum = layoutGrid(layout);
    const width = sum.grid[0].length;
    await writeGrid(
      summaryWs,
      batch,
      budget,
      sum.grid,
      sum.grid.map((row) => row.map((v) => (typeof v === 'string' ? '@' : 'General'))),
    );
    await batch.reserve((sum.bold.length + 4) * OP_BYTES);
    for (const r of sum.bold) summaryWs.getRange(area(r, 0, r, width - 1)).format.font.bold = true;
    const lead = layout.blocks.find((b) => b.kind === 'lead')!;
    if (report.summary.byLead.length > 0) {
      // The header and the first agencies' rows, key and state columns (not the total).
      const rows = Math.min(lead.lastRow - lead.headerRow + 1, CHART_MAX_ROWS + 1);
      const source = summaryWs.getRange(
        area(lead.headerRow, 0, lead.headerRow + rows - 1, layout.states.length),
      );
      const chart = summaryWs.charts.add(
        excel.ChartType.barClustered,
        source,
        excel.ChartSeriesBy.columns,
      );
      chart.title.text = msg(lang, 'office.chart.byLead');
      chart.setPosition(a1(sum.chartRow, 0), a1(sum.chartRow + 22, 9));
    }
    const note = opts.pivotTables
      ? msg(lang, 'office.summary.pivots', { table: taskNames.final })
      : msg(lang, 'office.summary.noPivots');
    const noteCell = summaryWs.getRange(a1(0, PIVOT_FIRST_COL));
    noteCell.numberFormat = [['@']];
    noteCell.values = [[note]];

    await writeTable(built.tasks, batch, budget, taskTable, taskNames.tmp);
    await writeTable(built.agencies, batch, budget, agencyTable, agencyNames.tmp);
    await writeTable(built.findings, batch, budget, findingsTable, findingsNames.tmp);
    // Issue 12: the standard report and the reminder list, as values (the report's PivotTable follows).
    const sizes = { taskRows: taskTable.rows.length, agencyRows: agencyTable.rows.length };
    for (const [kind, layout] of [
      ['report', reportSheetLayout(report.tasks, { lang, asOf, title: report.name, ...sizes })],
      ['reminders', remindersSheetLayout(report.tasks, { lang, asOf })],
    ] as const) {
      const grid = layoutGrid(layout);
      const values = grid.grid;
      const ws = built[kind];
      await writeGrid(
        ws,
        batch,
        budget,
        values,
        values.map((row) => row.map((v) => (typeof v === 'string' ? '@' : 'General'))),
      );
      await batch.reserve((grid.bold.length + layout.merges.length + 2) * OP_BYTES);
      for (const r of grid.bold)
        ws.getRange(area(r, 0, r, values[0].length - 1)).format.font.bold = true;
      for (const m of layout.merges)
        ws.getRange(area(m.top, m.left, m.bottom, m.right)).merge(false);
      ws.freezePanes.freezeRows(layout.freeze.rows);
    }

    // The swap: queued after every write, so it runs only if they all succeeded.
    await batch.reserve(
      (scan.own.length + scan.leftovers.length + nameItems.length + 16) * OP_BYTES,
    );
    for (const o of [...scan.own, ...scan.leftovers]) sheets.getItem(o.sheet).delete();
    for (const i of [
      ...scan.own.map((o) => o.nameIndex),
      ...scan.leftovers.map((o) => o.nameIndex),
      ...scan.orphans,
    ])
      nameItems[i].delete();
    for (const marker of tempMarkers) marker.delete();
    for (const kind of OWN_KINDS) built[kind].name = target[kind];
    wb.tables.getItem(taskNames.tmp).name = taskNames.final;
    wb.tables.getItem(agencyNames.tmp).name = agencyNames.final;
    wb.tables.getItem(findingsNames.tmp).name = findingsNames.final;
    for (const kind of OWN_KINDS)
      wb.names.add(ownNameFor(kind), built[kind].getRange('A1'), OWN_MARKER);
    await batch.flush();
  } catch (e) {
    await dropTemporary(
      context,
      new Set(OWN_KINDS.map((k) => temp[k].toLowerCase())),
      new Set(OWN_KINDS.map((k) => tempMarker(k).toLowerCase())),
    );
    throw e;
  }

  const result: SummaryResult = {
    sheets: [
      target.summary,
      target.tasks,
      target.agencies,
      target.findings,
      target.report,
      target.reminders,
    ],
    skipped: [],
    pivotTables: [],
  };

  // ---- sync n+1: PivotTables
  if (!opts.pivotTables) {
    result.skipped.push('pivotTables');
    return result;
  }
  if (report.tasks.length === 0) return result;
  const summaryWs = built.summary;
  try {
    const source = wb.tables.getItem(taskNames.final);
    const header = (id: (typeof TASK_COLUMNS)[number]) =>
      taskTable.headers[TASK_COLUMNS.indexOf(id)];
    PIVOTS.forEach(([name, field], i) => {
      const pivot = summaryWs.pivotTables.add(
        name,
        source,
        summaryWs.getRange(a1(2, PIVOT_FIRST_COL + i * PIVOT_STRIDE)),
      );
      pivot.rowHierarchies.add(pivot.hierarchies.getItem(header(field)));
      pivot.columnHierarchies.add(pivot.hierarchies.getItem(header('state')));
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(header('row')));
      data.summarizeBy = excel.AggregationFunction.count;
      data.name = msg(lang, 'office.pivot.count');
    });
    // Issue 12: the report's PivotTable (role, agency × reporting category) beside its values.
    const agencySource = wb.tables.getItem(agencyNames.final);
    const rp = built.report.pivotTables.add(
      REPORT_PIVOT,
      agencySource,
      built.report.getRange(a1(4, REPORT_COLUMNS.length + 4)),
    );
    rp.rowHierarchies.add(rp.hierarchies.getItem(agencyTable.headers[2]));
    rp.rowHierarchies.add(rp.hierarchies.getItem(agencyTable.headers[3]));
    rp.columnHierarchies.add(
      rp.hierarchies.getItem(agencyTable.headers[agencyTable.headers.length - 1]),
    );
    const rd = rp.dataHierarchies.add(rp.hierarchies.getItem(agencyTable.headers[0]));
    rd.summarizeBy = excel.AggregationFunction.count;
    rd.name = msg(lang, 'office.pivot.count');
    await context.sync();
    result.pivotTables = [...PIVOTS.map(([name]) => name), REPORT_PIVOT];
  } catch {
    // A batch is not a transaction: PivotTables added before the failing operation exist. Say which.
    result.skipped.push('pivotTables');
    try {
      const pivots = summaryWs.pivotTables;
      pivots.load('items/name');
      const reportPivots = built.report.pivotTables;
      reportPivots.load('items/name');
      await context.sync();
      const ours = new Set(PIVOTS.map(([name]) => name.toLowerCase()));
      result.pivotTables = pivots.items.map((p) => p.name).filter((n) => ours.has(n.toLowerCase()));
      if (reportPivots.items.some((p) => p.name === REPORT_PIVOT))
        result.pivotTables.push(REPORT_PIVOT);
    } catch {
      result.pivotTables = undefined; // unknown
    }
  }
  return result;
}

/**
 * After a failed build: delete this run's temporary markers and the sheets still under a temporary
 * name (best effort; the previous summary sheets were never touched). What cannot be deleted now
 * keeps its marker, and the next write deletes it.
 */
async function dropTemporary(
  context: Excel.RequestContext,
  temps: Set<string>,
  markers: Set<string>,
): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const names = context.workbook.names;
    names.load('items/name');
    await context.sync();
    const doomed = sheets.items.filter((s) => temps.has(s.name.toLowerCase()));
    const marks = names.items.filter((n) => markers.has(n.name.toLowerCase()));
    for (const n of marks) n.delete();
    for (const s of doomed) s.delete();
    if (doomed.length || marks.length) await context.sync();
  } catch {
    // Nothing more can be done here; the error that stopped the build is what the user must see.
  }
}
