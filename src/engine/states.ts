/**
 * Task states as of a date: done (on time / late), open, due soon, overdue, recurring, no deadline.
 */
import type { Deadline, TaskState } from './types';
import { fold } from './text';

/** Days between two ISO dates (b − a), by calendar arithmetic only (no clock, no time zones). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO date → days since 1970-01-01 (proleptic Gregorian). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  // Algorithm from H. Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DONE = /^(da )?hoan thanh\b|^xong\b|^da xong\b|^completed?\b|^done\b/;
/**
 * Whole words only: folded text loses its diacritics, so a bare substring test would also find
 * "dang" in "đăng" (published) and "chua" in "chuẩn" (standard).
 */
const NOT_DONE = /\bchua\b|\bkhong (hoan thanh|thuc hien|dat)\b|^dang\b|\bdang (thuc hien|trien khai|lam|xu ly|hoan thien)\b|\bmot phan\b/;
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
}

export function taskState(input: StateInput, asOf: string, dueSoonDays: number): TaskState {
  const { deadline } = input;
  if (isDoneStatus(input.status) || (input.doneDate && !input.status)) {
    if (input.doneDate && deadline.due) {
      return input.doneDate <= deadline.due ? 'done-on-time' : 'done-late';
    }
    return 'done';
  }
  if (deadline.kind === 'recurring') return 'recurring';
  if (!deadline.due) return 'no-deadline';
  const left = daysBetween(asOf, deadline.due);
  if (left < 0) return 'overdue';
  if (left <= dueSoonDays) return 'due-soon';
  return 'open';
}
