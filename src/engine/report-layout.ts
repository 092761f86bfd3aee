/**
 * The standard report ("PC Báo cáo") and the reminder list ("PC Đôn đốc") described once, as data
 * (the same cells, formulas and styles as summary-layout.ts): the ExcelJS writer
 * (adapters/xlsx/report-sheet.ts) renders the figures as live formulas over the task tables with
 * the engine's counts cached, the Office.js writer (adapters/office/summary.ts) as values beside a
 * PivotTable. Pure.
 *
 * The report: the title block (rows 1–3, merged across the table), two header rows (a group spans
 * its sub-columns), one row per lead agency, a total row and a note. Per agency the figures count
 * the lead rows of the task × agency table; tasks without a lead and the total row count the task
 * table. A name COUNTIFS would read as a pattern (wildcards, a leading operator, over 250
 * characters) is counted exactly.
 */
import type { Lang, Task } from './types';
import {
  buildReminders,
  buildStandardReport,
  quarterPeriod,
  REPORT_COLUMNS,
  REPORT_COLUMN_CATEGORIES,
  type ReportColumn,
  type ReportPeriod,
} from './tracking';
import type {
  CellRef,
  CellStyle,
  Criterion,
  Formula,
  LayoutCell,
  LayoutMerge,
} from './summary-layout';
import { t } from '../messages';

/** A sheet described as data: cells, merges, sizes, what stays in view and how it prints. */
export interface SheetLayout {
  /** Rows top to bottom (index = sheet row − 1), cells left to right; null is an empty cell. */
  rows: (LayoutCell | null)[][];
  width: number;
  merges: LayoutMerge[];
  /** Column widths in characters. */
  widths: number[];
  /** Row heights in points, by 0-based row. */
  heights: Record<number, number>;
  freeze: { rows: number; cols: number };
  /** A4 landscape, fit to the page width, these 0-based rows repeated on every page. */
  print?: {
    titleRows: [number, number];
    centered?: boolean;
    margins?: {
      left: number;
      right: number;
      top: number;
      bottom: number;
      header: number;
      footer: number;
    };
  };
}

/** Where the report's parts are (0-based rows; columns of each report column). */
export interface ReportSheetLayout extends SheetLayout {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  totalRow: number;
  cols: Record<ReportColumn, number>;
  /** The agency label on each agency row, top to bottom. */
  agencies: string[];
}

/** Header groups (the first of the two header rows): a group spans its sub-columns. */
const GROUPS: { id: string; cols: ReportColumn[] }[] = [
  { id: 'done', cols: ['done', 'doneOnTime', 'doneLate'] },
  { id: 'inProgress', cols: ['inProgress', 'inProgressOnTime', 'inProgressLate'] },
];

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Needs an exact match: COUNTIFS would read wildcards or an operator in the name. */
const needsExact = (s: string) => /[*?~]/.test(s) || /^[=<>]/.test(s) || s.length > 250;

class Grid {
  rows: (LayoutCell | null)[][] = [];
  put(r: number, c: number, cell: LayoutCell): void {
    while (this.rows.length <= r) this.rows.push([]);
    const row = this.rows[r];
    while (row.length < c) row.push(null);
    row[c] = cell;
  }
}

export interface ReportLayoutOptions {
  lang: Lang;
  asOf: string;
  /** The plan's name (the title block's second line). */
  title: string;
  period?: ReportPeriod;
  /** Data rows of the task table and of the task × agency table: without any, the figures are plain numbers. */
  taskRows: number;
  agencyRows: number;
}

export function reportSheetLayout(
  tasks: readonly Task[],
  opts: ReportLayoutOptions,
): ReportSheetLayout {
  const { lang, asOf } = opts;
  const period = opts.period ?? quarterPeriod(asOf);
  const report = buildStandardReport(tasks);
  const width = 2 + REPORT_COLUMNS.length;
  const g = new Grid();
  const merges: LayoutMerge[] = [];

  const titles: [string, CellStyle][] = [
    [t(lang, 'report.sheet.title'), 'reportTitle'],
    [t(lang, 'report.sheet.plan', { title: opts.title }), 'reportPlan'],
    [
      t(lang, 'report.sheet.period', {
        q: period.quarter,
        year: period.year,
        from: vn(period.from),
        to: vn(period.to),
        asOf: vn(asOf),
      }),
      'reportPeriod',
    ],
  ];
  titles.forEach(([value, style], r) => {
    g.put(r, 0, { value, style });
    merges.push({ top: r, left: 0, bottom: r, right: width - 1 });
  });

  const h1 = 4;
  const h2 = 5;
  const cols = {} as Record<ReportColumn, number>;
  REPORT_COLUMNS.forEach((c, i) => (cols[c] = i + 2));
  const labels = new Map<string, string>();
  const head = (r: number, c: number, text: string) => labels.set(`${r},${c}`, text);
  head(h1, 0, t(lang, 'report.col.stt'));
  head(h1, 1, t(lang, 'report.col.agency'));
  merges.push(
    { top: h1, left: 0, bottom: h2, right: 0 },
    { top: h1, left: 1, bottom: h2, right: 1 },
  );
  const grouped = new Set(GROUPS.flatMap((gr) => gr.cols));
  for (const c of REPORT_COLUMNS) {
    if (grouped.has(c)) continue;
    head(h1, cols[c], t(lang, `report.col.${c}`));
    merges.push({ top: h1, left: cols[c], bottom: h2, right: cols[c] });
  }
  for (const gr of GROUPS) {
    const first = cols[gr.cols[0]];
    head(h1, first, t(lang, `report.group.${gr.id}`));
    merges.push({ top: h1, left: first, bottom: h1, right: cols[gr.cols[gr.cols.length - 1]] });
    for (const c of gr.cols) head(h2, cols[c], t(lang, `report.col.${c}.sub`));
  }
  for (let r = h1; r <= h2; r++)
    for (let c = 0; c < width; c++)
      g.put(r, c, { value: labels.get(`${r},${c}`) ?? null, style: 'reportHeader' });

  const haveRows = opts.agencyRows > 0 || opts.taskRows > 0;
  const noLead = t(lang, 'lead.none');
  const lead = t(lang, 'role.lead');
  const cat = (c: string): Criterion['match'] => ({ text: t(lang, `category.${c}`) });
  /** One agency row's count of one category (null = any). */
  const countAgency = (name: string, c: string | null): Formula => {
    if (name === '') {
      const criteria: Criterion[] = [
        { range: { table: 'tasks', column: 'lead' }, match: { text: noLead } },
      ];
      if (c) criteria.push({ range: { table: 'tasks', column: 'category' }, match: cat(c) });
      return { fn: 'countIfs', criteria };
    }
    const agency: Criterion = {
      range: { table: 'agencies', column: 'agency' },
      match: { text: name },
    };
    const rest: Criterion[] = [
      { range: { table: 'agencies', column: 'role' }, match: { text: lead } },
    ];
    if (c) rest.push({ range: { table: 'agencies', column: 'category' }, match: cat(c) });
    return needsExact(name)
      ? { fn: 'countExact', exact: agency, equal: rest }
      : { fn: 'countIfs', criteria: [agency, ...rest] };
  };
  const countTotal = (c: string | null): Formula =>
    c
      ? {
          fn: 'countIfs',
          criteria: [{ range: { table: 'tasks', column: 'category' }, match: cat(c) }],
        }
      : { fn: 'countA', range: { table: 'tasks', column: 'category' } };

  const putRow = (
    r: number,
    label: string,
    counts: Record<ReportColumn, number>,
    count: (c: string | null) => Formula,
    bold: boolean,
  ) => {
    const suffix = bold ? 'Bold' : '';
    for (let c = 0; c < width; c++)
      if (c !== 1 && !REPORT_COLUMNS.some((k) => cols[k] === c))
        g.put(r, c, {
          value: g.rows[r]?.[c]?.value ?? null,
          style: `reportCell${suffix}` as CellStyle,
        });
    g.put(r, 1, { value: label, style: `reportLabel${suffix}` as CellStyle });
    for (const c of REPORT_COLUMNS) {
      const value = counts[c];
      const at: CellRef = { row: r, col: cols[c] };
      if (c === 'onTimeRate') {
        g.put(r, at.col, {
          value,
          formula: {
            fn: 'percent',
            part: { row: r, col: cols.doneOnTime },
            whole: { row: r, col: cols.total },
          },
          style: `reportRate${suffix}` as CellStyle,
        });
      } else if (!haveRows) {
        g.put(r, at.col, { value, style: `reportCell${suffix}` as CellStyle });
      } else if (c === 'total') {
        g.put(r, at.col, {
          value,
          formula: count(null),
          style: `reportCell${suffix}` as CellStyle,
        });
      } else {
        const cats = REPORT_COLUMN_CATEGORIES[c];
        const terms = cats.map((k) => count(k));
        g.put(r, at.col, {
          value,
          formula: terms.length === 1 ? terms[0] : { fn: 'plus', terms },
          style: `reportCell${suffix}` as CellStyle,
        });
      }
    }
  };

  let r = h2 + 1;
  const agencies: string[] = [];
  report.rows.forEach((row, i) => {
    const label = row.agency === '' ? noLead : row.agency;
    g.put(r, 0, { value: i + 1 });
    putRow(r, label, row.counts, (c) => countAgency(row.agency, c), false);
    agencies.push(label);
    r++;
  });
  const totalRow = r;
  putRow(totalRow, t(lang, 'report.total'), report.total.counts, countTotal, true);
  g.put(totalRow + 2, 1, { value: t(lang, 'report.note'), style: 'reportNote' });

  return {
    rows: g.rows,
    width,
    merges,
    widths: [6, 40, ...REPORT_COLUMNS.map((c) => (c === 'onTimeRate' ? 13 : 11))],
    heights: { 1: 36, [h1]: 45, [h2]: 30 },
    freeze: { rows: h2 + 1, cols: 2 },
    print: {
      titleRows: [h1, h2],
      centered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerRow: h1,
    firstRow: h2 + 1,
    lastRow: totalRow - 1,
    totalRow,
    cols,
    agencies,
  };
}

/** "PC Đôn đốc": per lead agency, its overdue and due-soon tasks, most overdue first. */
export function remindersSheetLayout(
  tasks: readonly Task[],
  opts: { lang: Lang; asOf: string },
): SheetLayout & { headerRow: number; count: number } {
  const { lang, asOf } = opts;
  const reminders = buildReminders(tasks, asOf);
  const g = new Grid();
  g.put(0, 0, { value: t(lang, 'remind.sheet.title', { asOf: vn(asOf) }), style: 'remindTitle' });
  const h = 2;
  const headers = ['agency', 'tt', 'task', 'deadline', 'days', 'leader', 'status', 'category'].map(
    (id) => t(lang, `remind.col.${id}`),
  );
  headers.forEach((value, c) => g.put(h, c, { value, style: 'remindHeader' }));
  let r = h + 1;
  for (const a of reminders) {
    for (const task of a.tasks) {
      const days = task.due
        ? task.daysOverdue > 0
          ? t(lang, 'remind.daysOverdue', { n: task.daysOverdue })
          : t(lang, 'remind.daysLeft', { n: -task.daysOverdue })
        : '';
      const values = [
        a.agency === '' ? t(lang, 'lead.none') : a.agency,
        task.tt,
        task.task,
        task.deadline,
        days,
        task.leader ?? '',
        task.status ?? '',
        t(lang, `category.${task.category}`),
      ];
      values.forEach((v, c) =>
        g.put(r, c, {
          value: v === '' ? null : v,
          style: c === 0 || c === 2 ? 'remindWrap' : 'remindCell',
        }),
      );
      r++;
    }
  }
  const count = r - h - 1;
  if (count === 0) g.put(r, 0, { value: t(lang, 'remind.none') });
  return {
    rows: g.rows,
    width: headers.length,
    merges: [],
    widths: [30, 7, 60, 18, 16, 22, 20, 24],
    heights: {},
    freeze: { rows: h + 1, cols: 0 },
    print: { titleRows: [h, h] },
    headerRow: h,
    count,
  };
}
