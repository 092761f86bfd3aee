/**
 * A fingerprint of a sheet's values, to refuse writes when the sheet changed after it was checked.
 * Pure: the Office.js and the standalone (ExcelJS) hosts both use it.
 *
 * FNV-1a, two independent 32-bit lanes (different offset bases and a different mixing of each
 * character) → 16 hex digits. Not cryptographic: it guards against edits, not against an attacker.
 *
 * The hash covers only non-empty cells, each with its absolute sheet position (origin + index), in
 * row-major order. So the same sheet gives the same fingerprint whether a host reads it as a tight
 * used range (Office.js) or from A1 with ragged rows (ExcelJS), and inserting a row above the table
 * (which moves every value) changes it.
 */
import type { CellValue } from '../types';

const PRIME = 0x01000193;

function token(v: CellValue | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${Object.is(v, -0) ? 0 : v}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  return `e${v.error}`;
}

export class Fnv64 {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;

  update(text: string): this {
    let { a, b } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a = Math.imul(a ^ (ch & 0xff), PRIME);
      a = Math.imul(a ^ (ch >>> 8), PRIME);
      b = Math.imul(b ^ ch, PRIME);
      b = Math.imul(b ^ (i & 0xff), PRIME);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  hex(): string {
    return (
      (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0')
    );
  }
}

/** Hash rows `from` to `to` (exclusive) of a grid into `h`. */
function hashRows(
  h: Fnv64,
  values: readonly (readonly CellValue[])[],
  origin: { row: number; col: number },
  from: number,
  to: number,
): void {
  for (let r = from; r < to; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = token(row[c]);
      if (t === null) continue;
      // \u0001 and \u0002 cannot be typed into a cell easily; they keep positions and text apart.
      h.update(`\u0001${origin.row + r},${origin.col + c}\u0002${t}`);
    }
  }
}

/** Fingerprint of a grid of values whose [0][0] sits at `origin` (0-based) on the sheet. */
export function fingerprintValues(
  values: readonly (readonly CellValue[])[],
  origin: { row: number; col: number } = { row: 0, col: 0 },
): string {
  const h = new Fnv64();
  hashRows(h, values, origin, 0, values.length);
  return h.hex();
}

/**
 * fingerprintSnapshot in steps of `rows` rows: the caller may yield between two (a page's thread
 * stays responsive over a 50,000-row sheet); the generator's return value is the same fingerprint.
 */
export function* fingerprintSteps(
  s: { values: CellValue[][]; origin?: { row: number; col: number } },
  rows = 4000,
): Generator<void, string> {
  const h = new Fnv64();
  const origin = s.origin ?? { row: 0, col: 0 };
  for (let from = 0; from < s.values.length; from += rows) {
    if (from > 0) yield;
    hashRows(h, s.values, origin, from, Math.min(from + rows, s.values.length));
  }
  return h.hex();
}

/** Fingerprint of a snapshot's values (the same value whatever host read it). */
export function fingerprintSnapshot(s: {
  values: CellValue[][];
  origin?: { row: number; col: number };
}): string {
  return fingerprintValues(s.values, s.origin ?? { row: 0, col: 0 });
}
