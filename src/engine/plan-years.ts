/**
 * The plan's years: read from the title ("giai đoạn 2026–2030", "năm 2026", "2025 và những năm
 * tiếp theo") or, failing that, from the years the deadlines name. Pure: no Node APIs.
 */
import { fold } from './text';

/** The years a plan covers; `to` is null for an open end ("2025 và những năm tiếp theo"). */
export interface PlanYears {
  from: number;
  to: number | null;
}

const Y = '((?:19|20|21)\\d\\d)';
/** "giai đoạn 2026 - 2030", "2026-2030", "từ năm 2026 đến năm 2030", "2026 đến 2030". */
const RANGE = new RegExp(`(?:^|\\D)${Y} (?:gach|den)(?: nam)? ${Y}(?!\\d)`);
/** "2025 và những năm tiếp theo", "năm 2025 và các năm tiếp theo", "từ năm 2025 trở đi". */
const OPEN = new RegExp(`(?:^|\\D)${Y} (?:va (?:nhung|cac) nam (?:tiep theo|sau)|tro di)`);
/** "năm 2026", not "đến năm 2030" / "tầm nhìn đến năm 2045". */
const YEAR = new RegExp(`(?:^|\\s)(\\S+\\s)?nam\\s+${Y}(?!\\d)`, 'g');

/** The years named in a title, or null. */
export function titleYears(title: string): PlanYears | null {
  // fold keeps letters, digits and spaces only: a dash of any kind is kept as the word "gach".
  const f = fold(title.replace(/[\u2010-\u2015\u2212-]/g, ' gach '));
  const r = RANGE.exec(f);
  if (r) {
    const a = Number(r[1]);
    const b = Number(r[2]);
    if (b >= a && b - a <= 30) return { from: a, to: b };
  }
  const o = OPEN.exec(f);
  if (o) return { from: Number(o[1]), to: null };
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(f))) {
    const before = (m[1] ?? '').trim();
    if (before === 'den' || before === 'toi' || before === 'nhin') continue;
    const y = Number(m[2]);
    return { from: y, to: y };
  }
  return null;
}

/**
 * The years the deadlines name: the run of consecutive years around the plan year (the most named)
 * that are each named by at least 2 deadlines and a fifth as many as the plan year. A year named
 * by a stray deadline or two stays outside.
 */
export function deadlineYears(dueYears: readonly number[], planYear: number): PlanYears {
  const counts = new Map<number, number>();
  for (const y of dueYears) counts.set(y, (counts.get(y) ?? 0) + 1);
  const top = counts.get(planYear) ?? 0;
  const enough = (y: number) => (counts.get(y) ?? 0) >= Math.max(2, Math.ceil(top / 5));
  let from = planYear;
  let to = planYear;
  while (enough(from - 1)) from--;
  while (enough(to + 1)) to++;
  return { from, to };
}

/** A due year is outside the plan: before its first year, or after its last (a one-year plan allows the next year's first months). */
export function outsideYears(year: number, years: PlanYears): boolean {
  if (year < years.from) return true;
  if (years.to === null) return false;
  const last = years.from === years.to ? years.to + 1 : years.to;
  return year > last;
}
