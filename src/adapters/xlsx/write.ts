/**
 * Write a checked workbook (.xlsx bytes) with ExcelJS: the `--out` file of `phancong check`, and
 * the standalone browser mode's download. Bytes in, bytes out: no Node APIs in this file. What it
 * changes in the workbook and why (own-sheet marker, links, summary formulas): ./README.md.
 * The tables are written by write-tables.ts, the summary sheet by write-summary.ts (rendering the
 * engine's layout, engine/summary-layout.ts), the report and reminder sheets by report-sheet.ts.
 */
import ExcelJS from 'exceljs';
import type { Lang, SheetReport } from '../../engine/types';
import { planMarks, type MarkRule } from '../../engine/marks';
import { addMarkRules, removeOwnMarks } from './marks';
import {
  AGENCY_COLUMNS,
  buildFindingsTable,
  buildTaskAgencyTable,
  buildTaskTable,
  OWN_SHEETS,
  TASK_COLUMNS,
} from '../../engine/tables';
import { summaryLayout } from '../../engine/summary-layout';
import { concatTables, dedupeAgencyRows, withSheetColumn, writeTable } from './write-tables';
import { mergeSummaries, renderSummary, type SummaryBlockLayout } from './write-summary';
import { planTitle, writeRemindersSheet, writeReportSheet } from './report-sheet';
import { freeSheetName, lowerNames } from '../../engine/workbook';

/** The as-of date and the due-soon window come from the reports (what their counts were made for). */
export interface WriteOptions {
  lang: Lang;
}

export type { OwnSheetKind } from '../../engine/tables';

export { OWN_NAME_PREFIX } from '../../engine/tables';
import {
  OWN_NAME_PREFIX,
  isOwnMarkerName,
  ownKindOfName,
  ownMarkerName,
  type OwnSheetKind,
} from '../../engine/tables';

const OWN_KINDS: OwnSheetKind[] = [
  'tasks',
  'agencies',
  'summary',
  'findings',
  'report',
  'reminders',
];

// ---------------------------------------------------------------------------------------------
// Small helpers

/** 'Sheet name' quoted for a reference, with quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function unquoteSheet(name: string | undefined): string {
  if (!name) return '';
  const inner = name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1) : name;
  return inner.replace(/''/g, "'");
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

// ---------------------------------------------------------------------------------------------
// Own-sheet marker

interface NamedCell {
  name: string;
  cell: { sheetName?: string; address?: string; row?: number; col?: number };
}

function ownNamedCells(wb: ExcelJS.Workbook): NamedCell[] {
  const out: NamedCell[] = [];
  wb.definedNames.forEach((name, cell) => {
    if (name.toLowerCase().startsWith(OWN_NAME_PREFIX.toLowerCase())) {
      out.push({ name, cell: cell as unknown as NamedCell['cell'] });
    }
  });
  return out;
}

/** The kind of own sheet a worksheet is (by its marker name), or null for a user sheet. */
export function ownSheetKind(ws: ExcelJS.Worksheet): OwnSheetKind | null {
  for (const { name, cell } of ownNamedCells(ws.workbook)) {
    if (!sameName(unquoteSheet(cell.sheetName), ws.name)) continue;
    const kind = ownKindOfName(name);
    if (kind) return kind;
  }
  return null;
}

/** True when the worksheet is one of the add-in's own sheets (it carries the marker name). */
export function isOwnSheet(ws: ExcelJS.Worksheet): boolean {
  if (ownSheetKind(ws) !== null) return true;
  // PC So sánh, PC Gộp báo cáo: own too, though not the summary's.
  return ownNamedCells(ws.workbook).some(
    ({ name, cell }) => isOwnMarkerName(name) && sameName(unquoteSheet(cell.sheetName), ws.name),
  );
}

/** True for "PC Nhiệm vụ" and "PC Nhiệm vụ (2)", … for any own sheet name. */
function hasOwnSheetName(name: string): boolean {
  return OWN_KINDS.some((k) => {
    const base = OWN_SHEETS[k];
    if (sameName(name, base)) return true;
    const m = /^(.*) \((\d+)\)$/.exec(name);
    return m !== null && sameName(m[1], base);
  });
}

/** Remove the previous run's own sheets and all own markers. */
function removeOwnSheets(wb: ExcelJS.Workbook): void {
  for (const ws of [...wb.worksheets]) {
    if (isOwnSheet(ws) && hasOwnSheetName(ws.name)) wb.removeWorksheet(ws.id);
  }
  // Only the summary's markers: PC So sánh and PC Gộp báo cáo (OTHER_OWN_KINDS) keep theirs.
  for (const { name, cell } of ownNamedCells(wb)) {
    if (ownKindOfName(name) !== null) wb.definedNames.removeEx(cell as never, name);
  }
}

function addOwnSheet(wb: ExcelJS.Workbook, kind: OwnSheetKind): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(
    freeSheetName(OWN_SHEETS[kind], lowerNames(wb.worksheets.map((w) => w.name))),
  );
  wb.definedNames.add(`${quoteSheet(ws.name)}!$A$1`, ownMarkerName(kind));
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Marks (conditional formats on the checked sheet)

export { removeOwnMarks } from './marks';

/** Replace the add-in's conditional formats on the report's sheet with the report's marks. */
export function applyMarks(ws: ExcelJS.Worksheet, report: SheetReport): MarkRule[] {
  removeOwnMarks(ws);
  if (report.headerRow === null) return [];
  const plan = planMarks(report);
  addMarkRules(ws, plan.rules);
  return plan.rules;
}

// ---------------------------------------------------------------------------------------------
// Tables

export { writeTable, type TableLayout } from './write-tables';
export { mergeSummaries, SUMMARY_STATES, type SummaryBlockLayout } from './write-summary';

// ---------------------------------------------------------------------------------------------
// Entry point

export interface WriteResult {
  /** Name actually given to each own sheet (a user sheet may have had the plain name). */
  sheets: Record<OwnSheetKind, string>;
  summaryBlocks: SummaryBlockLayout[];
}

/**
 * Apply the reports to the workbook (marks on the checked sheets, the own sheets replaced) and
 * return the workbook's new bytes. `workbook` is the one readWorkbook returned; it is modified.
 */
export async function writeCheckedWorkbook(
  workbook: ExcelJS.Workbook,
  reports: SheetReport[],
  opts: WriteOptions,
): Promise<Uint8Array> {
  applyReports(workbook, reports, opts);
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** The workbook changes of writeCheckedWorkbook, without serialising (exported for tests). */
export function applyReports(
  workbook: ExcelJS.Workbook,
  reports: SheetReport[],
  opts: WriteOptions,
): WriteResult {
  // Own sheets are never checked sheets: drop reports about them (a re-run reads them too).
  removeOwnSheets(workbook);
  for (const rep of reports) {
    const ws = workbook.getWorksheet(rep.name);
    if (ws) applyMarks(ws, rep);
  }
  return writeOwnSheets(workbook, reports, opts);
}

/**
 * Only the own sheets of applyReports (tasks, agencies, summary, findings), replacing the previous
 * ones; the checked sheets' marks are left as they are. The standalone host's "Tạo bảng tổng hợp".
 */
export function writeOwnSheets(
  workbook: ExcelJS.Workbook,
  reports: SheetReport[],
  opts: WriteOptions,
): WriteResult {
  const { lang } = opts;
  // The date the counts were made for (one check gives every report the same one).
  const asOf = reports[0]?.asOf ?? '';
  removeOwnSheets(workbook);
  const checked = reports.filter((rep) => workbook.getWorksheet(rep.name) !== undefined);

  const withTable = checked.filter((rep) => rep.headerRow !== null);
  const taskTables = withTable.map((rep) => buildTaskTable(rep, lang));
  const tasksTable = concatTables(taskTables, buildTaskTable({ ...emptyReport(), name: '' }, lang));
  const agencyTable = dedupeAgencyRows(
    concatTables(
      withTable.map((rep) => withSheetColumn(buildTaskAgencyTable(rep, lang), rep.name, lang)),
      withSheetColumn(buildTaskAgencyTable(emptyReport(), lang), '', lang),
    ),
  );
  const findingsTable = concatTables(
    checked.map((rep) => withSheetColumn(buildFindingsTable(rep, lang), rep.name, lang)),
    withSheetColumn(buildFindingsTable(emptyReport(), lang), '', lang),
  );

  const sheets = {} as Record<OwnSheetKind, string>;
  const wsTasks = addOwnSheet(workbook, 'tasks');
  sheets.tasks = wsTasks.name;
  const col = (id: (typeof TASK_COLUMNS)[number]) => TASK_COLUMNS.indexOf(id);
  writeTable(workbook, wsTasks, tasksTable, {
    widths: [18, 7, 7, 8, 60, 24, 32, 32, 32, 22, 13, 13, 22, 11, 22],
    dateCols: [col('due')],
    wrapCols: [col('task')],
  });

  const wsAgencies = addOwnSheet(workbook, 'agencies');
  sheets.agencies = wsAgencies.name;
  writeTable(workbook, wsAgencies, agencyTable, { widths: [18, 7, 7, 18, 36, 36, 22, 13] });

  const wsSummary = addOwnSheet(workbook, 'summary');
  sheets.summary = wsSummary.name;
  const summary = mergeSummaries(
    withTable.map((rep) => rep.summary).concat(withTable.length ? [] : [emptyReport().summary]),
  );
  const summaryBlocks = renderSummary(
    wsSummary,
    summaryLayout(summary, {
      lang,
      asOf,
      sheet: wsTasks.name,
      live: true,
      taskRows: tasksTable.rows.length,
    }),
    {
      tasks: {
        sheet: wsTasks.name,
        rowCount: tasksTable.rows.length,
        column: (id) => TASK_COLUMNS.indexOf(id as (typeof TASK_COLUMNS)[number]),
      },
      // The agency table as written starts with the sheet column.
      agencies: {
        sheet: wsAgencies.name,
        rowCount: agencyTable.rows.length,
        column: (id) => 1 + AGENCY_COLUMNS.indexOf(id as (typeof AGENCY_COLUMNS)[number]),
      },
    },
  );

  // Issue 12: the standard report and the reminder list, over the same tables.
  const wsReport = addOwnSheet(workbook, 'report');
  sheets.report = wsReport.name;
  writeReportSheet(
    wsReport,
    withTable,
    {
      tasks: {
        sheet: wsTasks.name,
        rowCount: tasksTable.rows.length,
        lead: col('lead'),
        category: col('category'),
      },
      agencies: {
        sheet: wsAgencies.name,
        rowCount: agencyTable.rows.length,
        role: 3,
        agency: 4,
        category: agencyTable.headers.length - 1,
      },
    },
    { lang, asOf, title: planTitle(workbook, withTable) },
  );
  const wsReminders = addOwnSheet(workbook, 'reminders');
  sheets.reminders = wsReminders.name;
  writeRemindersSheet(wsReminders, withTable, { lang, asOf });

  const wsFindings = addOwnSheet(workbook, 'findings');
  sheets.findings = wsFindings.name;
  writeTable(workbook, wsFindings, findingsTable, {
    widths: [18, 11, 22, 8, 7, 22, 80, 30],
    linkCols: [3],
    wrapCols: [6, 7],
  });

  fixActiveTab(workbook);
  return { sheets, summaryBlocks };
}

function emptyReport(): SheetReport {
  return {
    name: '',
    asOf: '',
    dueSoonDays: 0,
    headerRow: null,
    headerHeight: 0,
    firstColumn: 1,
    lastColumn: 1,
    headerCells: [],
    columns: {},
    columnIndexes: {},
    missingRoles: [],
    planYear: null,
    sections: [],
    tasks: [],
    rows: [],
    findings: [],
    summary: {
      total: 0,
      byState: {},
      unassigned: 0,
      byLead: [],
      byLeader: [],
      byQuarter: [],
      bySection: [],
      bySupport: [],
    },
  };
}

/** Removing sheets can leave the workbook view pointing past the last sheet. */
function fixActiveTab(wb: ExcelJS.Workbook): void {
  const count = wb.worksheets.length;
  for (const view of wb.views ?? []) {
    const v = view as { activeTab?: number; firstSheet?: number };
    if (typeof v.activeTab === 'number' && v.activeTab >= count) v.activeTab = 0;
    if (typeof v.firstSheet === 'number' && v.firstSheet >= count) v.firstSheet = 0;
  }
}
