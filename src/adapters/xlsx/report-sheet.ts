/**
 * The standard report ("PC Báo cáo") and the reminder list ("PC Đôn đốc") as ExcelJS sheets, written
 * with the other summary sheets (write.ts). The report's figures are live COUNTIFS formulas over the
 * task table ("PC Nhiệm vụ": the total row, tasks without a lead) and the task × agency table ("PC Cơ
 * quan": one row per lead agency), with the engine's counts cached as results; A4 landscape, the two
 * header rows repeated on every page, fit to the page width.
 */
import ExcelJS from 'exceljs';
import type { Lang, SheetReport } from '../../engine/types';
import { buildReminders, buildStandardReport, quarterPeriod, REPORT_COLUMNS, REPORT_COLUMN_CATEGORIES, type ReportColumn, type ReportPeriod } from '../../engine/tracking';
import { columnLetter, cellText } from '../../engine/text';
import { t } from '../../messages';

/** A written table: its sheet, its data rows (below a header on row 1) and the 0-based columns used. */
export interface ReportSources {
  tasks: { sheet: string; rowCount: number; lead: number; category: number };
  agencies: { sheet: string; rowCount: number; role: number; agency: number; category: number };
}

/** The report's columns: the engine's one list (engine/tracking.ts). */
export const REPORT_SHEET_COLUMNS: readonly ReportColumn[] = REPORT_COLUMNS;

/** Header groups (row 1 of the two header rows): a group spans its sub-columns. */
const GROUPS: { id: string; cols: ReportColumn[] }[] = [
  { id: 'done', cols: ['done', 'doneOnTime', 'doneLate'] },
  { id: 'inProgress', cols: ['inProgress', 'inProgressOnTime', 'inProgressLate'] },
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
} as ExcelJS.Borders;

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function range(sheet: string, col: number, rows: number): string {
  const l = columnLetter(col);
  return `${quote(sheet)}!$${l}$2:$${l}$${rows + 1}`;
}

/** The plan's name: the longest text above the header of the first checked sheet (its title block). */
export function planTitle(workbook: ExcelJS.Workbook, reports: SheetReport[]): string {
  for (const rep of reports) {
    const ws = workbook.getWorksheet(rep.name);
    if (!ws || rep.headerRow === null) continue;
    let best = '';
    for (let r = 1; r < rep.headerRow; r++) {
      ws.getRow(r).eachCell((cell) => {
        const text = cellText(typeof cell.value === 'string' ? cell.value : cell.text).replace(/\s+/g, ' ').trim();
        if (text.length > best.length && text.length < 300) best = text;
      });
    }
    if (best) return best;
  }
  return reports.map((r) => r.name).join(', ');
}

export interface ReportSheetLayout {
  /** 1-based rows: the two header rows, the first and last agency rows, the total row. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  totalRow: number;
  /** 1-based column of each REPORT_SHEET_COLUMNS entry. */
  cols: Record<ReportColumn, number>;
  /** The agency label on each agency row, top to bottom. */
  agencies: string[];
}

/** Needs an exact match: COUNTIFS would read wildcards or an operator in the name. */
const needsExact = (s: string) => /[*?~]/.test(s) || /^[=<>]/.test(s) || s.length > 250;

export function writeReportSheet(
  ws: ExcelJS.Worksheet,
  reports: SheetReport[],
  sources: ReportSources,
  opts: { lang: Lang; asOf: string; title: string; period?: ReportPeriod },
): ReportSheetLayout {
  const { lang, asOf } = opts;
  const period = opts.period ?? quarterPeriod(asOf);
  const tasks = reports.flatMap((r) => r.tasks);
  const report = buildStandardReport(tasks);
  const width = 2 + REPORT_SHEET_COLUMNS.length;
  const last = columnLetter(width - 1);

  ws.getCell('A1').value = t(lang, 'report.sheet.title');
  ws.getCell('A2').value = t(lang, 'report.sheet.plan', { title: opts.title });
  ws.getCell('A3').value = t(lang, 'report.sheet.period', { q: period.quarter, year: period.year, from: vn(period.from), to: vn(period.to), asOf: vn(asOf) });
  for (const [a, size, bold] of [['A1', 14, true], ['A2', 12, true], ['A3', 11, false]] as const) {
    ws.mergeCells(`${a}:${last}${a.slice(1)}`);
    const c = ws.getCell(a);
    c.font = { name: 'Times New Roman', size, bold, italic: !bold };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  ws.getRow(2).height = 36;

  const h1 = 5;
  const h2 = 6;
  const cols = {} as Record<ReportColumn, number>;
  REPORT_SHEET_COLUMNS.forEach((c, i) => (cols[c] = i + 3));
  const head = (r: number, c: number, text: string) => {
    const cell = ws.getCell(r, c);
    cell.value = text;
  };
  head(h1, 1, t(lang, 'report.col.stt'));
  head(h1, 2, t(lang, 'report.col.agency'));
  ws.mergeCells(h1, 1, h2, 1);
  ws.mergeCells(h1, 2, h2, 2);
  const grouped = new Set(GROUPS.flatMap((g) => g.cols));
  for (const c of REPORT_SHEET_COLUMNS) {
    if (grouped.has(c)) continue;
    head(h1, cols[c], t(lang, `report.col.${c}`));
    ws.mergeCells(h1, cols[c], h2, cols[c]);
  }
  for (const g of GROUPS) {
    const first = cols[g.cols[0]];
    head(h1, first, t(lang, `report.group.${g.id}`));
    ws.mergeCells(h1, first, h1, cols[g.cols[g.cols.length - 1]]);
    for (const c of g.cols) head(h2, cols[c], t(lang, `report.col.${c}.sub`));
  }
  for (let r = h1; r <= h2; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: 'Times New Roman', size: 11, bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }
  ws.getRow(h1).height = 45;
  ws.getRow(h2).height = 30;

  const A = sources.agencies;
  const T = sources.tasks;
  const haveRows = A.rowCount > 0 || T.rowCount > 0;
  const noLead = t(lang, 'lead.none');
  const catLabel = (c: string) => literal(t(lang, `category.${c}`));
  /** COUNTIFS of one agency row and one category ('' = any). */
  const countAgency = (name: string, cat: string | null): string => {
    if (name === '') {
      const parts = [range(T.sheet, T.lead, T.rowCount), literal(noLead)];
      if (cat) parts.push(range(T.sheet, T.category, T.rowCount), catLabel(cat));
      return `COUNTIFS(${parts.join(',')})`;
    }
    if (needsExact(name)) {
      const f = [`EXACT(${range(A.sheet, A.agency, A.rowCount)},${literal(name)})`, `(${range(A.sheet, A.role, A.rowCount)}=${literal(t(lang, 'role.lead'))})`];
      if (cat) f.push(`(${range(A.sheet, A.category, A.rowCount)}=${catLabel(cat)})`);
      return `SUMPRODUCT(${f.join('*')})`;
    }
    const parts = [range(A.sheet, A.agency, A.rowCount), literal(name), range(A.sheet, A.role, A.rowCount), literal(t(lang, 'role.lead'))];
    if (cat) parts.push(range(A.sheet, A.category, A.rowCount), catLabel(cat));
    return `COUNTIFS(${parts.join(',')})`;
  };
  const countTotal = (cat: string | null): string =>
    cat ? `COUNTIFS(${range(T.sheet, T.category, T.rowCount)},${catLabel(cat)})` : `COUNTA(${range(T.sheet, T.category, T.rowCount)})`;

  const writeRow = (r: number, label: string, counts: Record<ReportColumn, number>, count: (cat: string | null) => string, bold: boolean) => {
    const row = ws.getRow(r);
    row.getCell(2).value = label;
    for (const c of REPORT_SHEET_COLUMNS) {
      const cell = row.getCell(cols[c]);
      const result = counts[c];
      if (c === 'onTimeRate') {
        const tot = `${columnLetter(cols.total - 1)}${r}`;
        const on = `${columnLetter(cols.doneOnTime - 1)}${r}`;
        cell.value = { formula: `IF(${tot}=0,0,ROUND(${on}/${tot}*100,1))`, result };
        cell.numFmt = '0.0';
      } else if (!haveRows) {
        cell.value = result;
      } else if (c === 'total') {
        cell.value = { formula: count(null), result };
      } else {
        const cats = REPORT_COLUMN_CATEGORIES[c];
        cell.value = { formula: cats.map((k) => count(k)).join('+'), result };
      }
    }
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = THIN;
      cell.font = { name: 'Times New Roman', size: 11, bold };
      cell.alignment = c === 2 ? { vertical: 'middle', wrapText: true } : { horizontal: 'center', vertical: 'middle' };
    }
  };

  let r = h2 + 1;
  const agencies: string[] = [];
  report.rows.forEach((row, i) => {
    const label = row.agency === '' ? noLead : row.agency;
    ws.getCell(r, 1).value = i + 1;
    writeRow(r, label, row.counts, (cat) => countAgency(row.agency, cat), false);
    agencies.push(label);
    r++;
  });
  const totalRow = r;
  writeRow(totalRow, t(lang, 'report.total'), report.total.counts, countTotal, true);
  ws.getCell(totalRow + 2, 2).value = t(lang, 'report.note');
  ws.getCell(totalRow + 2, 2).font = { name: 'Times New Roman', italic: true, size: 10 };

  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  for (const c of REPORT_SHEET_COLUMNS) ws.getColumn(cols[c]).width = c === 'onTimeRate' ? 13 : 11;
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${h1}:${h2}`,
  } as Partial<ExcelJS.PageSetup>;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: h2 }];
  return { headerRow: h1, firstRow: h2 + 1, lastRow: totalRow - 1, totalRow, cols, agencies };
}

/** "PC Đôn đốc": per lead agency, its overdue and due-soon tasks, most overdue first. */
export function writeRemindersSheet(ws: ExcelJS.Worksheet, reports: SheetReport[], opts: { lang: Lang; asOf: string }): number {
  const { lang, asOf } = opts;
  const reminders = buildReminders(reports.flatMap((r) => r.tasks), asOf);
  ws.getCell('A1').value = t(lang, 'remind.sheet.title', { asOf: vn(asOf) });
  ws.getCell('A1').font = { bold: true, size: 14 };
  const headers = ['agency', 'tt', 'task', 'deadline', 'days', 'leader', 'status', 'category'].map((h) => t(lang, `remind.col.${h}`));
  const h = 3;
  headers.forEach((text, i) => {
    const cell = ws.getCell(h, i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  let r = h + 1;
  for (const a of reminders) {
    for (const task of a.tasks) {
      const row = ws.getRow(r);
      const days = task.due ? (task.daysOverdue > 0 ? t(lang, 'remind.daysOverdue', { n: task.daysOverdue }) : t(lang, 'remind.daysLeft', { n: -task.daysOverdue })) : '';
      const values = [a.agency === '' ? t(lang, 'lead.none') : a.agency, task.tt, task.task, task.deadline, days, task.leader ?? '', task.status ?? '', t(lang, `category.${task.category}`)];
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v === '' ? null : v;
        cell.border = THIN;
        cell.alignment = { vertical: 'top', wrapText: i === 2 || i === 0 };
      });
      r++;
    }
  }
  if (r === h + 1) ws.getCell(r, 1).value = t(lang, 'remind.none');
  [30, 7, 60, 18, 16, 22, 20, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${h}:${h}` } as Partial<ExcelJS.PageSetup>;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: h }];
  return r - h - 1;
}
