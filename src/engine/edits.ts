/**
 * Applying fixes to a sheet snapshot, purely: the same edits a host writes into a workbook, on the
 * engine's own data. Used by tests (apply, check again, undo) and by hosts that work on snapshots.
 * Nothing outside the listed cells and merges changes; formats (bold, number formats) are kept.
 */
import type { CellEdit, CellValue, Fix, MergedArea, SheetSnapshot } from './types';
import { columnIndex, columnLetter, isErrorValue } from './text';

/** What a snapshot apply changed, enough to restore it exactly. */
export interface SnapshotUndo {
  sheet: string;
  /** Per touched cell: its value before the apply and the value written (A1 on the user's sheet). */
  cells: { cell: string; before: CellValue; after: CellValue }[];
  /** Merges the apply created (undo removes them). */
  merges: string[];
}

/** An edit whose cell no longer holds its `before` value, or a merge that overlaps another. */
export class EditConflictError extends Error {
  constructor(
    public readonly sheet: string,
    public readonly cells: string[],
  ) {
    super(`edit-conflict:${sheet}:${cells.join(',')}`);
    this.name = 'EditConflictError';
  }
}

const A1 = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i;

/** "E12" → 1-based row 12, column 5. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = A1.exec(ref.trim());
  if (!m) throw new Error(`bad cell reference: ${ref}`);
  return { row: Number(m[2]), col: columnIndex(m[1]) + 1 };
}

/** "E8:E10" → its corners (1-based); a single cell is a one-cell range. */
export function parseRange(ref: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [a, b = a] = ref.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** The A1 cells of a range, top to bottom, left to right. */
export function rangeCells(ref: string): string[] {
  const r = parseRange(ref);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(`${columnLetter(col - 1)}${row}`);
  return out;
}

/** Two cell values are the same value (an absent cell and null are both empty). */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (isErrorValue(x) || isErrorValue(y))
    return isErrorValue(x) && isErrorValue(y) && x.error === y.error;
  return x === y;
}

function overlaps(a: MergedArea, b: MergedArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Apply cell edits and merges to a snapshot; returns a new snapshot (the input is not changed) and
 * what undo needs. Identical edits or merges listed twice count once. Throws EditConflictError when
 * a cell does not hold its `before` value, when two edits of one cell disagree, or when a merge
 * overlaps an existing merged area.
 */
export function applyEdits(
  snapshot: SheetSnapshot,
  batch: { edits: CellEdit[]; merges?: string[] },
): { snapshot: SheetSnapshot; undo: SnapshotUndo } {
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const at = (cell: string) => {
    const { row, col } = parseA1(cell);
    const r = row - 1 - origin.row;
    const c = col - 1 - origin.col;
    if (r < 0 || c < 0) throw new Error(`cell outside the snapshot: ${cell}`);
    return { r, c };
  };
  const values = snapshot.values.slice();
  const copied = new Set<number>();
  const get = (r: number, c: number): CellValue => values[r]?.[c] ?? null;
  const set = (r: number, c: number, v: CellValue) => {
    if (!copied.has(r)) {
      values[r] = values[r] ? values[r].slice() : [];
      copied.add(r);
    }
    const row = values[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  const byCell = new Map<string, CellEdit>();
  const conflicts: string[] = [];
  for (const e of batch.edits) {
    if (e.sheet !== snapshot.name) throw new Error(`edit for another sheet: ${e.sheet}`);
    const key = parseA1(e.cell);
    const k = `${key.row}:${key.col}`;
    const prev = byCell.get(k);
    if (prev) {
      if (!sameValue(prev.before, e.before) || !sameValue(prev.after, e.after))
        conflicts.push(e.cell);
      continue;
    }
    byCell.set(k, e);
    const { r, c } = at(e.cell);
    if (!sameValue(get(r, c), e.before)) conflicts.push(e.cell);
  }
  const merges = [...new Set(batch.merges ?? [])];
  const existing = snapshot.merges ?? [];
  const added: MergedArea[] = [];
  for (const m of merges) {
    const p = parseRange(m);
    const area: MergedArea = {
      top: p.top - 1 - origin.row,
      left: p.left - 1 - origin.col,
      bottom: p.bottom - 1 - origin.row,
      right: p.right - 1 - origin.col,
    };
    if (area.top < 0 || area.left < 0) throw new Error(`merge outside the snapshot: ${m}`);
    if ([...existing, ...added].some((x) => overlaps(x, area))) conflicts.push(m);
    added.push(area);
  }
  if (conflicts.length) throw new EditConflictError(snapshot.name, conflicts);
  const cells: SnapshotUndo['cells'] = [];
  for (const e of byCell.values()) {
    const { r, c } = at(e.cell);
    cells.push({ cell: e.cell, before: get(r, c), after: e.after });
    set(r, c, e.after);
  }
  const out: SheetSnapshot = { ...snapshot, values };
  if (added.length) out.merges = [...existing, ...added];
  return { snapshot: out, undo: { sheet: snapshot.name, cells, merges } };
}

/**
 * Restore what an apply changed: every touched cell gets its previous value back and the merges
 * the apply created are removed. Throws EditConflictError when a touched cell no longer holds what
 * the apply wrote.
 */
export function undoEdits(snapshot: SheetSnapshot, undo: SnapshotUndo): SheetSnapshot {
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const values = snapshot.values.slice();
  const changed: string[] = [];
  const pos = undo.cells.map((x) => {
    const { row, col } = parseA1(x.cell);
    const r = row - 1 - origin.row;
    const c = col - 1 - origin.col;
    if (!sameValue(values[r]?.[c], x.after)) changed.push(x.cell);
    return { r, c, before: x.before };
  });
  if (changed.length) throw new EditConflictError(snapshot.name, changed);
  const copied = new Set<number>();
  for (const { r, c, before } of pos) {
    if (!copied.has(r)) {
      values[r] = values[r] ? values[r].slice() : [];
      copied.add(r);
    }
    const row = values[r];
    while (row.length <= c) row.push(null);
    row[c] = before;
  }
  const out: SheetSnapshot = { ...snapshot, values };
  if (undo.merges.length) {
    const gone = new Set(
      undo.merges.map((m) => {
        const p = parseRange(m);
        return `${p.top - 1 - origin.row}:${p.left - 1 - origin.col}:${p.bottom - 1 - origin.row}:${p.right - 1 - origin.col}`;
      }),
    );
    const kept = (snapshot.merges ?? []).filter(
      (x) => !gone.has(`${x.top}:${x.left}:${x.bottom}:${x.right}`),
    );
    if (kept.length) out.merges = kept;
    else delete out.merges;
  }
  return out;
}

/**
 * Choose fixes that can be applied together, in order: a fix is left out when one of its cells or
 * merges is already taken by an earlier chosen fix with a different edit (identical edits and merges
 * may be shared). Returns the chosen fixes' edits and merges and the ids of both lists.
 */
export function combineFixes(fixes: Fix[]): {
  edits: CellEdit[];
  merges: string[];
  applied: string[];
  skipped: string[];
} {
  const taken = new Map<string, CellEdit>();
  const mergeCells = new Map<string, string>();
  const edits: CellEdit[] = [];
  const merges: string[] = [];
  const applied: string[] = [];
  const skipped: string[] = [];
  for (const f of fixes) {
    const clash =
      f.edits.some((e) => {
        const t = taken.get(`${e.sheet}!${e.cell}`);
        return t !== undefined && (!sameValue(t.before, e.before) || !sameValue(t.after, e.after));
      }) ||
      // (A merge fix lists the cells it covers as edits, so the test above also keeps other edits out of them.)
      (f.merges ?? []).some((m) =>
        rangeCells(m).some((c) => mergeCells.has(c) && mergeCells.get(c) !== m),
      );
    if (clash) {
      skipped.push(f.id);
      continue;
    }
    for (const e of f.edits) {
      const k = `${e.sheet}!${e.cell}`;
      if (!taken.has(k)) {
        taken.set(k, e);
        edits.push(e);
      }
    }
    for (const m of f.merges ?? []) {
      if (merges.includes(m)) continue;
      merges.push(m);
      for (const c of rangeCells(m)) mergeCells.set(c, m);
    }
    applied.push(f.id);
  }
  return { edits, merges, applied, skipped };
}

/** Apply the fixes that can be applied together (see combineFixes) to a snapshot. */
export function applyFixes(
  snapshot: SheetSnapshot,
  fixes: Fix[],
): { snapshot: SheetSnapshot; undo: SnapshotUndo; applied: string[]; skipped: string[] } {
  const { edits, merges, applied, skipped } = combineFixes(fixes);
  const res = applyEdits(snapshot, { edits, merges });
  return { ...res, applied, skipped };
}
