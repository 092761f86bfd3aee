/**
 * The standard report and the reminder list as plain grids (values, no formulas), for hosts that
 * write cells rather than formulas (the Office adapter, whose summaries are values plus
 * PivotTables), and for the pane's text. Pure: no Office.js, no ExcelJS.
 */
import type { Lang, SheetReport } from '../engine/types';
import { buildReminders, buildStandardReport, quarterPeriod, REPORT_COLUMNS, type ReportColumn, type ReportPeriod } from '../engine/tracking';
import { t } from '../messages';

/** The report's columns: the engine's one list (engine/tracking.ts). */
export const REPORT_GRID_COLUMNS: readonly ReportColumn[] = REPORT_COLUMNS;

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface GridLayout {
  rows: (string | number)[][];
  /** 0-based rows to show bold (titles, header, total). */
  bold: number[];
  /** 0-based header row. */
  headerRow: number;
}

export function reportGrid(reports: SheetReport[], lang: Lang, asOf: string, title: string, period: ReportPeriod = quarterPeriod(asOf)): GridLayout {
  const report = buildStandardReport(reports.flatMap((r) => r.tasks));
  const rows: (string | number)[][] = [
    [t(lang, 'report.sheet.title')],
    [t(lang, 'report.sheet.plan', { title })],
    [t(lang, 'report.sheet.period', { q: period.quarter, year: period.year, from: vn(period.from), to: vn(period.to), asOf: vn(asOf) })],
    [],
    [t(lang, 'report.col.stt'), t(lang, 'report.col.agency'), ...REPORT_GRID_COLUMNS.map((c) => t(lang, `report.col.${c}`))],
  ];
  report.rows.forEach((r, i) => rows.push([i + 1, r.agency === '' ? t(lang, 'lead.none') : r.agency, ...REPORT_GRID_COLUMNS.map((c) => r.counts[c])]));
  rows.push(['', t(lang, 'report.total'), ...REPORT_GRID_COLUMNS.map((c) => report.total.counts[c])]);
  rows.push([], ['', t(lang, 'report.note')]);
  return { rows, bold: [0, 1, 4, rows.length - 3], headerRow: 4 };
}

export function remindersGrid(reports: SheetReport[], lang: Lang, asOf: string): GridLayout {
  const reminders = buildReminders(reports.flatMap((r) => r.tasks), asOf);
  const rows: (string | number)[][] = [
    [t(lang, 'remind.sheet.title', { asOf: vn(asOf) })],
    [],
    ['agency', 'tt', 'task', 'deadline', 'days', 'leader', 'status', 'category'].map((h) => t(lang, `remind.col.${h}`)),
  ];
  for (const a of reminders) {
    for (const task of a.tasks) {
      const days = task.due ? (task.daysOverdue > 0 ? t(lang, 'remind.daysOverdue', { n: task.daysOverdue }) : t(lang, 'remind.daysLeft', { n: -task.daysOverdue })) : '';
      rows.push([a.agency === '' ? t(lang, 'lead.none') : a.agency, task.tt, task.task, task.deadline, days, task.leader ?? '', task.status ?? '', t(lang, `category.${task.category}`)]);
    }
  }
  if (rows.length === 3) rows.push([t(lang, 'remind.none')]);
  return { rows, bold: [0, 2], headerRow: 2 };
}
