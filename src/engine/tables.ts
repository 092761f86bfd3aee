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
  string | number | boolean | null | { date: string } | { link: string; text: string };

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

/**
 * Each own sheet carries a workbook-scoped defined name `PhanCong_Own_<kind>` that refers to its A1:
 * the one marker both writers use (Office.js adds OWN_MARKER as the name's comment; ExcelJS cannot
 * write name comments, so a reader must not require it). Names compare case-insensitively, as in Excel.
 */
export const OWN_NAME_PREFIX = 'PhanCong_Own_';
export type OwnSheetKind = keyof typeof OWN_SHEETS;

export function ownMarkerName(kind: OwnSheetKind): string {
  return `${OWN_NAME_PREFIX}${kind}`;
}

/** Own sheets written outside the summary, each by its own command (issue 13: PC So sánh, PC Gộp báo cáo). */
export const OTHER_OWN_KINDS = ['compare', 'merge'] as const;

/** Any of the add-in's own-sheet marker names (the summary's kinds and OTHER_OWN_KINDS), any case. */
export function isOwnMarkerName(name: string): boolean {
  if (ownKindOfName(name) !== null) return true;
  const rest = name.slice(OWN_NAME_PREFIX.length).toLowerCase();
  return (
    name.slice(0, OWN_NAME_PREFIX.length).toLowerCase() === OWN_NAME_PREFIX.toLowerCase() &&
    (OTHER_OWN_KINDS as readonly string[]).includes(rest)
  );
}

/** The own-sheet kind a defined name marks ("PhanCong_Own_tasks", any case), or null. */
export function ownKindOfName(name: string): OwnSheetKind | null {
  if (
    name.length <= OWN_NAME_PREFIX.length ||
    name.slice(0, OWN_NAME_PREFIX.length).toLowerCase() !== OWN_NAME_PREFIX.toLowerCase()
  )
    return null;
  const kind = name.slice(OWN_NAME_PREFIX.length).toLowerCase();
  return (Object.keys(OWN_SHEETS) as OwnSheetKind[]).find((k) => k.toLowerCase() === kind) ?? null;
}

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

/** Column ids of the task × agency table, in order; headers are `table.<id>` in the catalogue. */
export const AGENCY_COLUMNS = [
  'row',
  'tt',
  'role',
  'agency',
  'raw',
  'state',
  'quarter',
  'category',
] as const;

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
    headers: AGENCY_COLUMNS.map((c) => t(lang, `table.${c}`)),
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
    headers: ['severity', 'code', 'cell', 'row', 'role', 'message', 'suggestion'].map((c) =>
      t(lang, `table.${c}`),
    ),
    rows,
  };
}
