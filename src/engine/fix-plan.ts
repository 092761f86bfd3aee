/**
 * Choosing and combining fixes (issue 10), shared by the task pane and `phancong fix`. Pure.
 *
 * A finding may carry several fixes (two choices, e.g. "fill from the row above" or "restore the
 * merge"); the user (or --choice) picks at most one per finding. Fixes chosen together may touch the
 * same cell (two findings on one cell, a merge covering a cell another fix writes): they are taken
 * in the order given and the first one wins; each later one that touches a cell already taken is
 * skipped as a whole, never applied in part, and reported with the fix it yields to.
 */
import type { CellEdit, CellValue, Finding, Fix } from './types';
import { a1, columnIndex } from './text';

/** The edits and merges of one sheet, written together (structurally the host's EditBatch). */
export interface FixBatch {
  sheet: string;
  edits: CellEdit[];
  merges: string[];
}

export interface SkippedFix {
  fix: Fix;
  /** The fix that took the cells first. */
  yieldsTo: Fix;
  /** The cells both touch. */
  cells: string[];
}

export interface FixPlan {
  /** One batch per sheet, in the order the sheets first appear. */
  batches: FixBatch[];
  /** Fixes kept, in the order given. */
  applied: Fix[];
  skipped: SkippedFix[];
}

/**
 * The choice a fix stands for: the last part of its id ("lead-missing:E12:fill" → "fill"; a repeated
 * id's "#2" suffix is not part of it).
 */
export function fixChoice(fix: Fix): string {
  const id = fix.id.replace(/#\d+$/, '');
  const i = id.lastIndexOf(':');
  return i >= 0 ? id.slice(i + 1) : id;
}

/** The rule code of a fix (first part of its id). */
export function fixCode(fix: Fix): string {
  const i = fix.id.indexOf(':');
  return i >= 0 ? fix.id.slice(0, i) : fix.id;
}

const RANGE_RE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/** Every cell of an A1 range ("E8:E10" → E8, E9, E10), upper-case; [] for a malformed range. */
export function rangeCells(range: string): string[] {
  const m = RANGE_RE.exec(range.trim());
  if (!m) return [];
  const c0 = columnIndex(m[1].toUpperCase());
  const r0 = Number(m[2]) - 1;
  const c1 = m[3] ? columnIndex(m[3].toUpperCase()) : c0;
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const out: string[] = [];
  for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++)
    for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) out.push(a1(r + 1, c + 1));
  return out;
}

/** The sheet a fix belongs to: its first edit's sheet, else `fallback` (a merge-only fix). */
export function fixSheet(fix: Fix, fallback: string): string {
  return fix.edits[0]?.sheet ?? fallback;
}

/** "Sheet!CELL" keys of every cell a fix writes or merges. */
function touched(fix: Fix, sheet: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fix.edits) out.set(`${e.sheet}!${e.cell.toUpperCase()}`, e.cell.toUpperCase());
  for (const m of fix.merges ?? []) for (const c of rangeCells(m)) out.set(`${sheet}!${c}`, c);
  return out;
}

/**
 * Combine fixes into batches, first come first served. `sheet` names the sheet of fixes that list
 * merges only (the report's sheet).
 */
export function planFixes(fixes: readonly Fix[], sheet: string): FixPlan {
  const owner = new Map<string, Fix>();
  const batches = new Map<string, FixBatch>();
  const applied: Fix[] = [];
  const skipped: SkippedFix[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    if (seen.has(fix.id)) continue;
    seen.add(fix.id);
    const home = fixSheet(fix, sheet);
    const cells = touched(fix, home);
    const clash = [...cells.keys()].filter((k) => owner.has(k));
    if (clash.length > 0) {
      skipped.push({ fix, yieldsTo: owner.get(clash[0])!, cells: clash.map((k) => cells.get(k)!) });
      continue;
    }
    for (const k of cells.keys()) owner.set(k, fix);
    applied.push(fix);
    for (const e of fix.edits) {
      let b = batches.get(e.sheet);
      if (!b) batches.set(e.sheet, (b = { sheet: e.sheet, edits: [], merges: [] }));
      b.edits.push({ ...e, cell: e.cell.toUpperCase() });
    }
    if (fix.merges?.length) {
      let b = batches.get(home);
      if (!b) batches.set(home, (b = { sheet: home, edits: [], merges: [] }));
      b.merges.push(...fix.merges.map((m) => m.toUpperCase()));
    }
  }
  return { batches: [...batches.values()], applied, skipped };
}

export interface FixSelection {
  /** Only these rule codes (default: all). */
  rules?: readonly string[];
  /** Preferred choice where a finding offers several ("fill", "merge"); default: the first fix. */
  choice?: string;
}

/**
 * One fix per finding with fixes, in the findings' order: the one whose choice is `choice` when
 * the finding offers it, else its first fix.
 */
export function selectFixes(findings: readonly Finding[], selection: FixSelection = {}): Fix[] {
  const rules = selection.rules ? new Set(selection.rules) : null;
  const out: Fix[] = [];
  for (const f of findings) {
    if (!f.fixes?.length) continue;
    if (rules && !rules.has(f.code)) continue;
    const chosen =
      (selection.choice && f.fixes.find((x) => fixChoice(x) === selection.choice)) || f.fixes[0];
    out.push(chosen);
  }
  return out;
}

/** Two cell values are the same (an empty string counts as empty). */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const norm = (v: CellValue | undefined) => (v === undefined || v === '' ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (x === null || y === null) return x === y;
  if (typeof x === 'object' || typeof y === 'object')
    return typeof x === 'object' && typeof y === 'object' && x.error === y.error;
  return x === y;
}

/** A cell value as the preview and the CLI show it ("" for an empty cell). */
export function showCellValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return String(v);
}
