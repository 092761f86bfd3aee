/**
 * Task states as of a date: done (on time / late), open, due soon, overdue, recurring, no deadline.
 */
import type { Deadline, Progress, TaskState } from './types';
import { fold } from './text';
import { daysBetween } from './calendar';

export { daysBetween } from './calendar';

const DONE = /^(da )?hoan thanh\b|^xong\b|^da xong\b|^completed?\b|^done\b/;
/**
 * Whole words only: folded text loses its diacritics, so a bare substring test would also find
 * "dang" in "đăng" (published) and "chua" in "chuẩn" (standard).
 */
const NOT_DONE =
  /\bchua\b|\bkhong (hoan thanh|thuc hien|dat)\b|^dang\b|\bdang (thuc hien|trien khai|lam|xu ly|hoan thien)\b|\bmot phan\b/;
/** "Hoàn thành 50%": partly done. */
const PARTIAL_PERCENT = /(^|[^\d.,])\d{1,2}([.,]\d+)?\s*%/;

/** The status text says the task is done ("Đã hoàn thành", "Hoàn thành", …). */
export function isDoneStatus(status: string | null): boolean {
  if (!status) return false;
  const f = fold(status);
  if (NOT_DONE.test(f) || PARTIAL_PERCENT.test(status)) return false;
  return DONE.test(f);
}

export interface StateInput {
  deadline: Deadline;
  status: string | null;
  /** ISO completion date when known. */
  doneDate: string | null;
  /** The status read against the progress-report vocabulary (status.ts), when it was recognised. */
  progress?: Progress | null;
}

/**
 * A task's state. A recognised status decides done / not done; a completion date beats the
 * status text's "đúng hạn / quá hạn"; a task not done whose status says it is late is overdue.
 */
export function taskState(input: StateInput, asOf: string, dueSoonDays: number): TaskState {
  const { deadline, progress } = input;
  const done = progress ? progress.status === 'done' : isDoneStatus(input.status);
  if (done || (input.doneDate && !input.status)) {
    if (input.doneDate && deadline.due) {
      return input.doneDate <= deadline.due ? 'done-on-time' : 'done-late';
    }
    if (progress?.timing) return progress.timing === 'on-time' ? 'done-on-time' : 'done-late';
    return 'done';
  }
  if (progress?.timing === 'late') return 'overdue';
  if (deadline.kind === 'recurring') return 'recurring';
  if (!deadline.due) return 'no-deadline';
  const left = daysBetween(asOf, deadline.due);
  if (left < 0) return 'overdue';
  if (left <= dueSoonDays) return 'due-soon';
  return 'open';
}
