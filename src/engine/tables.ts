/**
 * The tables the add-in writes into the workbook, as data: both writers (Office.js and ExcelJS)
 * render these. One row per task (the normalised task table), long tables of task × agency, and
 * the findings with a link to each cell. Headers come from the message catalogue.
 */
import type { Lang, SheetReport, Task } from './types';
import { t } from '../messages';
import { quarterKey } from './summary';
import { categoryOf } from './tracking';

export type OutCell =
  | string
  | number
  | boolean
  | null
  | { date: string }
  | { link: string; text: string };

export interface OutTable {
  /** Table name (an Excel Table name: letters, digits, underscore). */
  name: string;
  headers: string[];
  rows: OutCell[][];
}

/** The add-in's own sheets. Fixed names in every language, so a second run replaces them. */
export const OWN_SHEETS = {
  tasks: 'PC Nhiệm vụ',
  agencies: 'PC Cơ quan',
  summary: 'PC Tổng hợp',
  findings: 'PC Kết quả kiểm tra',
  /** The standard per-agency report (issue 12). */
  report: 'PC Báo cáo',
  /** Overdue and due-soon tasks by lead agency (issue 12). */
  reminders: 'PC Đôn đốc',
} as const;

/** Written by the add-in on each of its own sheets (where the writer keeps its marker). */
export const OWN_MARKER = 'phancong:own';

/** A reference to a cell on the checked sheet, for a hyperlink: 'Phụ lục 02'!E12 */
export function sheetCellRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function joinNames(refs: readonly { name: string }[]): string {
  return refs.map((r) => r.name).join('; ');
}

function joinRaw(refs: readonly { raw: string }[]): string {
  return refs.map((r) => r.raw).join('; ');
}

/** Column ids of the task table, in order; headers are `table.<id>` in the catalogue. */
export const TASK_COLUMNS = [
  'sheet',
  'row',
  'tt',
  'section',
  'task',
  'leader',
  'lead',
  'leadRaw',
  'support',
  'deadline',
  'due',
  'quarter',
  'state',
  'unassigned',
  'status',
  'category',
] as const;

export function quarterLabel(task: Task, lang: Lang): string {
  const q = quarterKey(task);
  return q ? t(lang, 'quarter.label', { q: q.quarter, year: q.year }) : t(lang, 'quarter.none');
}

export function leadLabel(task: Task, lang: Lang): string {
  return task.lead.length ? joinNames(task.lead) : t(lang, 'lead.none');
}

export function buildTaskTable(report: SheetReport, lang: Lang): OutTable {
  const rows: OutCell[][] = report.tasks.map((task) => [
    report.name,
    task.row,
    task.tt,
    task.section ?? '',
    task.task,
    task.leader ?? '',
    leadLabel(task, lang),
    joinRaw(task.lead),
    joinNames(task.support),
    task.deadline.text,
    task.deadline.due ? { date: task.deadline.due } : null,
    quarterLabel(task, lang),
    t(lang, `state.${task.state}`),
    task.unassigned,
    task.status ?? '',
    t(lang, `category.${categoryOf(task)}`),
  ]);
  return {
    name: 'PC_NhiemVu',
    headers: TASK_COLUMNS.map((c) => t(lang, `table.${c}`)),
    rows,
  };
}

/** Long table: one row per task × agency (lead or support). */
export function buildTaskAgencyTable(report: SheetReport, lang: Lang): OutTable {
  const rows: OutCell[][] = [];
  for (const task of report.tasks) {
    for (const [role, refs] of [
      ['lead', task.lead],
      ['support', task.support],
    ] as const) {
      for (const ref of refs) {
        rows.push([
          task.row,
          task.tt,
          t(lang, `role.${role}`),
          ref.name,
          ref.raw,
          t(lang, `state.${task.state}`),
          quarterLabel(task, lang),
          t(lang, `category.${categoryOf(task)}`),
        ]);
      }
    }
  }
  return {
    name: 'PC_CoQuan',
    headers: ['row', 'tt', 'role', 'agency', 'raw', 'state', 'quarter', 'category'].map((c) => t(lang, `table.${c}`)),
    rows,
  };
}

export function buildFindingsTable(report: SheetReport, lang: Lang): OutTable {
  const rows: OutCell[][] = report.findings.map((f) => [
    t(lang, `severity.${f.severity}`),
    f.code,
    f.cell ? { link: sheetCellRef(report.name, f.cell), text: f.cell } : '',
    f.row ?? '',
    f.role ? t(lang, `role.${f.role}`) : '',
    f.message,
    f.suggestion ?? '',
  ]);
  return {
    name: 'PC_KetQua',
    headers: ['severity', 'code', 'cell', 'row', 'role', 'message', 'suggestion'].map((c) => t(lang, `table.${c}`)),
    rows,
  };
}
