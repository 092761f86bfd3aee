/**
 * Names in a workbook, for every adapter: free sheet and table names, and column letters. Excel
 * compares sheet and table names case-insensitively; `taken` always holds lower-cased names.
 */
import { columnIndex, columnLetter } from '../text';

export { columnIndex, columnLetter };

/** Longest sheet name Excel accepts. */
export const MAX_SHEET_NAME = 31;

/** The lower-cased set of names (what `taken` expects). */
export function lowerNames(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const n of names) out.add(n.toLowerCase());
  return out;
}

/**
 * The name to add a sheet under: `base` (characters Excel refuses in a sheet name replaced by a
 * space, cut to 31) unless `taken` holds it, then "<base> (2)", "(3)", … (Excel's own convention
 * for copies), cut so that the suffix fits.
 */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[\\/?*[\]:]/g, ' ').slice(0, MAX_SHEET_NAME);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A table name not in `taken`: base, base_2, base_3, … (tables and defined names share one namespace in Excel). */
export function freeTableName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base}_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** "b", " AB " → "B", "AB"; null when it is not a column of a sheet (A … XFD). */
export function normalizeColumn(column: string): string | null {
  const c = column.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(c)) return null;
  return columnIndex(c) < 16384 ? c : null;
}
