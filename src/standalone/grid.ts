/**
 * Pure helpers of the sheet preview: what each cell shows, where merges span, which rows carry
 * which mark. No React, no ExcelJS (tested in Node, used by SheetPreview).
 */
import { MARK_ORDER, type MarkKind } from '../engine/marks';
import { columnIndex } from '../engine/text';
import type { CellValue, MergedArea, SheetSnapshot } from '../engine/types';
import { isDateFormat, serialToMs } from '../engine/workbook';

/** A cell's text as Excel would roughly show it (dates as dd/mm/yyyy). */
export function displayValue(value: CellValue, numberFormat: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateFormat(numberFormat)) {
      const d = new Date(serialToMs(value));
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    }
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  }
  return value;
}

export interface Span {
  rowSpan: number;
  colSpan: number;
}

/** Merges by master cell ("r,c" 0-based → span) and the set of covered cells (not drawn). */
export function mergeLayout(merges: MergedArea[]): {
  masters: Map<string, Span>;
  covered: Set<string>;
} {
  const masters = new Map<string, Span>();
  const covered = new Set<string>();
  for (const m of merges) {
    masters.set(`${m.top},${m.left}`, {
      rowSpan: m.bottom - m.top + 1,
      colSpan: m.right - m.left + 1,
    });
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
  }
  return { masters, covered };
}

/** A1 range → 0-based inclusive bounds. */
export function parseRange(
  range: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const l = columnIndex(m[1]);
  const t = Number(m[2]) - 1;
  const r = m[3] ? columnIndex(m[3]) : l;
  const b = m[4] ? Number(m[4]) - 1 : t;
  return {
    top: Math.min(t, b),
    left: Math.min(l, r),
    bottom: Math.max(t, b),
    right: Math.max(l, r),
  };
}

export interface RowMark {
  kind: MarkKind;
  left: number;
  right: number;
}

/**
 * Per 0-based row, the mark drawn there (the first rule in priority order wins, as in Excel:
 * `areas` come in the workbook's rule order, ours first).
 */
export function rowMarks(areas: { kind: MarkKind; ranges: string[] }[]): Map<number, RowMark> {
  const out = new Map<number, RowMark>();
  const ordered = [...areas].sort(
    (a, b) => MARK_ORDER.indexOf(a.kind) - MARK_ORDER.indexOf(b.kind),
  );
  for (const area of ordered) {
    for (const range of area.ranges) {
      const b = parseRange(range);
      if (!b) continue;
      for (let r = b.top; r <= b.bottom; r++)
        if (!out.has(r)) out.set(r, { kind: area.kind, left: b.left, right: b.right });
    }
  }
  return out;
}

/** Rows marked per kind (for the legend). */
export function markCounts(marks: Map<number, RowMark>): Partial<Record<MarkKind, number>> {
  const out: Partial<Record<MarkKind, number>> = {};
  for (const m of marks.values()) out[m.kind] = (out[m.kind] ?? 0) + 1;
  return out;
}

/** "E12" → 0-based {row, col}. */
export function parseCell(cell: string): { row: number; col: number } | null {
  const b = parseRange(cell);
  return b ? { row: b.top, col: b.left } : null;
}

/** The cell that shows `cell` (its merge's master when it is covered). */
export function visibleCell(
  snapshot: Pick<SheetSnapshot, 'merges'>,
  row: number,
  col: number,
): { row: number; col: number } {
  for (const m of snapshot.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)
      return { row: m.top, col: m.left };
  }
  return { row, col };
}

/** Rows the preview draws: all up to `limit`, else a window of `limit` rows around the selected row. */
export function rowWindow(
  total: number,
  limit: number,
  selectedRow: number | null,
): { from: number; to: number } {
  if (total <= limit) return { from: 0, to: total };
  if (selectedRow === null || selectedRow < limit) return { from: 0, to: limit };
  const from = Math.max(0, Math.min(total - limit, selectedRow - Math.floor(limit / 2)));
  return { from, to: from + limit };
}
