/**
 * "Tiến độ" and "Tiến độ thực hiện" head a deadline column in plans ("Quý II/2026") and a status
 * column in progress reports ("Hoàn thành", "Đang thực hiện"). The header alone maps them (status
 * and deadline respectively); when the column's cells say otherwise, the content decides.
 * Pure: no Node APIs.
 */
import type { CellValue, Role } from './types';
import type { HeaderCandidate } from './header';
import { cellText, fold } from './text';
import { readStatus } from './status';
import { parseDeadline } from './deadline';

/** Folded header texts whose role depends on the column's content. */
const PROGRESS_HEADERS = new Set([
  'tien do',
  'tien do thuc hien',
  'tien do hoan thanh',
  'tien do trien khai',
]);
/** Body rows looked at (the first ones are enough to tell). */
const SAMPLE = 200;

/** What a column's cells read as: how many statuses, how many deadlines. */
function tally(
  values: CellValue[][],
  from: number,
  col: number,
): { statuses: number; deadlines: number } {
  let statuses = 0;
  let deadlines = 0;
  for (let r = from; r < values.length && r < from + SAMPLE; r++) {
    const v = values[r]?.[col];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string' && readStatus(cellText(v))) statuses++;
    else {
      const d = parseDeadline(v);
      if (d.kind === 'date' || d.kind === 'period' || d.kind === 'recurring') deadlines++;
    }
  }
  return { statuses, deadlines };
}

function move(
  columns: HeaderCandidate['columns'],
  ambiguous: HeaderCandidate['ambiguous'],
  col: number,
  from: Role,
  to: Role,
): void {
  const others = (ambiguous[from] ?? [col]).filter((c) => c !== col);
  if (others.length) columns[from] = others[0];
  else delete columns[from];
  if (others.length > 1) ambiguous[from] = others;
  else delete ambiguous[from];
  const target = [
    ...(ambiguous[to] ?? (columns[to] !== undefined ? [columns[to]!] : [])),
    col,
  ].sort((a, b) => a - b);
  columns[to] = target[0];
  if (target.length > 1) ambiguous[to] = target;
}

/**
 * The header with its progress columns settled by content: a "Tiến độ thực hiện" column of
 * statuses becomes the status column; a "Tiến độ" column of deadlines becomes the deadline column
 * when the sheet has no other one. Unchanged (the same object) when nothing moves.
 */
export function settleProgressColumns(
  header: HeaderCandidate | null,
  values: CellValue[][],
): HeaderCandidate | null {
  if (!header) return header;
  const from = header.row + header.height;
  let out: HeaderCandidate | null = null;
  header.texts.forEach((text, col) => {
    if (!PROGRESS_HEADERS.has(fold(text))) return;
    const h = out ?? header;
    const role = (Object.keys(h.columns) as Role[]).find(
      (r) => h.columns[r] === col || h.ambiguous[r]?.includes(col),
    );
    if (role !== 'deadline' && role !== 'status') return;
    const { statuses, deadlines } = tally(values, from, col);
    const wanted: Role | null =
      statuses > deadlines ? 'status' : deadlines > statuses ? 'deadline' : null;
    if (!wanted || wanted === role) return;
    // A status column of dates only when there is no deadline column: two deadline columns say nothing new.
    if (wanted === 'deadline' && h.columns.deadline !== undefined) return;
    if (!out)
      out = { ...header, columns: { ...header.columns }, ambiguous: { ...header.ambiguous } };
    move(out.columns, out.ambiguous, col, role, wanted);
  });
  return out ?? header;
}
