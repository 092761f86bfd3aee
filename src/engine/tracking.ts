/**
 * Tracking the plan through the year (issue 12): the reporting category of each task (the
 * categories of the progress reports under Quyết định 42/2014/QĐ-TTg and its provincial copies),
 * the standard per-agency report, the reminder lists ("đôn đốc"), and the plan of the tracking
 * columns a table lacks. Pure: no Office.js, no DOM, no Node APIs.
 *
 * `state` (states.ts) keeps its values; the category is a second reading beside it:
 * - done on time / late: from the completion date against the due date, else from the status text
 *   ("Hoàn thành quá hạn"); a done task with neither is on time when the as-of date is not past its
 *   due date (it was done before the deadline), else its timing is unknown ("done-undated");
 * - not done: in progress (Đang thực hiện, Tạm dừng, "Quá hạn") or not started (Chưa thực hiện, or
 *   an empty status: nothing was reported), each within time or overdue by the as-of date; a task
 *   not done and due within the due-soon window is "due-soon" (its own column in the report);
 * - a recurring task not done is "recurring"; one without a usable deadline is "no-deadline".
 */
import type { Deadline, Progress, Task, TaskState } from './types';
import { daysBetween, endOfQuarter, startOfQuarter } from './calendar';
import { isDoneStatus } from './states';

export const REPORT_CATEGORIES = [
  'done-on-time',
  'done-late',
  'done-undated',
  'in-progress-on-time',
  'in-progress-late',
  'not-started-on-time',
  'not-started-late',
  'due-soon',
  'recurring',
  'no-deadline',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export interface CategoryInput {
  deadline: Deadline;
  status: string | null;
  doneDate: string | null;
  progress?: Progress | null;
}

/** A task's reporting category as of a date (see the module comment). */
export function taskCategory(
  input: CategoryInput,
  asOf: string,
  dueSoonDays: number,
): ReportCategory {
  const { deadline, progress } = input;
  const due = deadline.kind === 'recurring' ? null : deadline.due;
  const done = progress
    ? progress.status === 'done'
    : isDoneStatus(input.status) || (!!input.doneDate && !input.status);
  if (done) {
    if (input.doneDate && due) return input.doneDate <= due ? 'done-on-time' : 'done-late';
    if (progress?.timing) return progress.timing === 'on-time' ? 'done-on-time' : 'done-late';
    if (!due) return deadline.kind === 'recurring' ? 'done-on-time' : 'done-undated';
    return daysBetween(asOf, due) >= 0 ? 'done-on-time' : 'done-undated';
  }
  const started = progress ? progress.status !== 'not-started' : !!input.status;
  if (deadline.kind === 'recurring')
    return progress?.timing === 'late' ? 'in-progress-late' : 'recurring';
  if (!due) {
    if (progress?.timing === 'late') return started ? 'in-progress-late' : 'not-started-late';
    return 'no-deadline';
  }
  const left = daysBetween(asOf, due);
  if (left < 0 || progress?.timing === 'late')
    return started ? 'in-progress-late' : 'not-started-late';
  if (left <= dueSoonDays) return 'due-soon';
  return started ? 'in-progress-on-time' : 'not-started-on-time';
}

/** For tasks built without a category (older callers): the nearest category of a state. */
export function categoryOfState(state: TaskState): ReportCategory {
  switch (state) {
    case 'done-on-time':
    case 'done-late':
      return state;
    case 'done':
      return 'done-undated';
    case 'open':
      return 'in-progress-on-time';
    case 'overdue':
      return 'in-progress-late';
    default:
      return state;
  }
}

export function categoryOf(task: Task): ReportCategory {
  return task.category ?? categoryOfState(task.state);
}

/** The columns of the standard report, in order (headers are `report.col.<id>` in the catalogue). */
export const REPORT_COLUMNS = [
  'total',
  'done',
  'doneOnTime',
  'doneLate',
  'inProgress',
  'inProgressOnTime',
  'inProgressLate',
  'notStarted',
  'dueSoon',
  'recurring',
  'noDeadline',
  'onTimeRate',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** Which categories each count column adds up (the rate is computed). */
export const REPORT_COLUMN_CATEGORIES: Record<
  Exclude<ReportColumn, 'total' | 'onTimeRate'>,
  readonly ReportCategory[]
> = {
  done: ['done-on-time', 'done-late', 'done-undated'],
  doneOnTime: ['done-on-time'],
  doneLate: ['done-late'],
  inProgress: ['in-progress-on-time', 'in-progress-late'],
  inProgressOnTime: ['in-progress-on-time'],
  inProgressLate: ['in-progress-late'],
  notStarted: ['not-started-on-time', 'not-started-late'],
  dueSoon: ['due-soon'],
  recurring: ['recurring'],
  noDeadline: ['no-deadline'],
};

export type ReportCounts = Record<ReportColumn, number>;

export interface ReportRow {
  /** The lead agency ("" for tasks with no lead agency). */
  agency: string;
  counts: ReportCounts;
  /** Tasks by category (every category present, zero when none). */
  byCategory: Record<ReportCategory, number>;
}

export interface StandardReport {
  rows: ReportRow[];
  total: ReportRow;
}

function emptyCategories(): Record<ReportCategory, number> {
  return Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, 0])) as Record<ReportCategory, number>;
}

/** On-time completion rate (%), one decimal: tasks done on time over tasks assigned. */
export function onTimeRate(doneOnTime: number, total: number): number {
  return total ? Math.round((doneOnTime / total) * 1000) / 10 : 0;
}

function countsOf(byCategory: Record<ReportCategory, number>, total: number): ReportCounts {
  const out = { total } as ReportCounts;
  for (const [col, cats] of Object.entries(REPORT_COLUMN_CATEGORIES)) {
    out[col as ReportColumn] = cats.reduce((s, c) => s + byCategory[c], 0);
  }
  out.onTimeRate = onTimeRate(out.doneOnTime, total);
  return out;
}

/** Lead agency names of a task, each once; [""] when it has none. */
export function leadNames(task: Task): string[] {
  const { lead } = task;
  if (lead.length === 1) return [lead[0].name];
  return lead.length ? [...new Set(lead.map((r) => r.name))] : [''];
}

/**
 * The standard per-agency report: one row per lead agency (a task with two leads counts for each),
 * most tasks first, the no-lead row last; the total counts each task once.
 */
export function buildStandardReport(tasks: readonly Task[]): StandardReport {
  const per = new Map<string, { n: number; cats: Record<ReportCategory, number> }>();
  const all = emptyCategories();
  for (const task of tasks) {
    const cat = categoryOf(task);
    all[cat]++;
    for (const name of leadNames(task)) {
      let e = per.get(name);
      if (!e) per.set(name, (e = { n: 0, cats: emptyCategories() }));
      e.n++;
      e.cats[cat]++;
    }
  }
  const rows = [...per.entries()]
    .map(([agency, e]) => ({ agency, counts: countsOf(e.cats, e.n), byCategory: e.cats }))
    .sort(
      (a, b) =>
        (a.agency === '' ? 1 : 0) - (b.agency === '' ? 1 : 0) ||
        b.counts.total - a.counts.total ||
        a.agency.localeCompare(b.agency, 'vi'),
    );
  return { rows, total: { agency: '', counts: countsOf(all, tasks.length), byCategory: all } };
}

export interface ReminderTask {
  row: number;
  tt: string;
  task: string;
  deadline: string;
  /** ISO due date. */
  due: string | null;
  /** Days past the due date (> 0: overdue) or, negative, days left. */
  daysOverdue: number;
  leader: string | null;
  status: string | null;
  category: ReportCategory;
}

export interface AgencyReminder {
  agency: string;
  overdue: number;
  dueSoon: number;
  tasks: ReminderTask[];
}

const LATE: ReadonlySet<ReportCategory> = new Set(['in-progress-late', 'not-started-late']);

/**
 * Per lead agency, its overdue and due-soon tasks, most overdue first (then by sheet row);
 * agencies with the most overdue tasks first. Tasks with no lead agency are listed under "".
 */
export function buildReminders(tasks: readonly Task[], asOf: string): AgencyReminder[] {
  const per = new Map<string, ReminderTask[]>();
  for (const task of tasks) {
    const category = categoryOf(task);
    if (!LATE.has(category) && category !== 'due-soon') continue;
    const due = task.deadline.kind === 'recurring' ? null : task.deadline.due;
    const item: ReminderTask = {
      row: task.row,
      tt: task.tt,
      task: task.task,
      deadline: task.deadline.text,
      due,
      daysOverdue: due ? daysBetween(due, asOf) : 0,
      leader: task.leader,
      status: task.status,
      category,
    };
    for (const name of leadNames(task)) {
      let list = per.get(name);
      if (!list) per.set(name, (list = []));
      list.push(item);
    }
  }
  const out: AgencyReminder[] = [];
  for (const [agency, list] of per) {
    list.sort((a, b) => b.daysOverdue - a.daysOverdue || a.row - b.row);
    const overdue = list.filter((x) => LATE.has(x.category)).length;
    out.push({ agency, overdue, dueSoon: list.length - overdue, tasks: list });
  }
  return out.sort(
    (a, b) =>
      (a.agency === '' ? 1 : 0) - (b.agency === '' ? 1 : 0) ||
      b.overdue - a.overdue ||
      b.dueSoon - a.dueSoon ||
      a.agency.localeCompare(b.agency, 'vi'),
  );
}

/** The reporting period: a quarter (default: the as-of date's). */
export interface ReportPeriod {
  year: number;
  quarter: number;
  from: string;
  to: string;
}

export function quarterPeriod(
  asOf: string,
  quarter?: { year: number; quarter: number },
): ReportPeriod {
  const year = quarter?.year ?? Number(asOf.slice(0, 4));
  const q = quarter?.quarter ?? Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1;
  return { year, quarter: q, from: startOfQuarter(year, q), to: endOfQuarter(year, q) };
}
