/**
 * Text helpers shared by every part of the engine: Vietnamese folding for matching, cell text,
 * markup detection, A1 references.
 */
import type { CellValue } from './types';

/**
 * Fold Vietnamese text for matching: lower case, no diacritics (so tone-mark placement such as
 * "hoá"/"hóa" and "uỷ"/"ủy" no longer matters), đ → d, punctuation and line breaks to single spaces.
 */
export function fold(text: string): string {
  let f = foldMemo.get(text);
  if (f === undefined) {
    f = foldUncached(text);
    if (foldMemo.size >= FOLD_MEMO_MAX) foldMemo.clear();
    foldMemo.set(text, f);
  }
  return f;
}

/** fold() is pure and called on the same header, agency and deadline texts row after row. */
const foldMemo = new Map<string, string>();
const FOLD_MEMO_MAX = 50_000;

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Collapse runs of white space (including non-breaking spaces and line breaks) to one space. */
export function squash(text: string): string {
  return isSquashed(text) ? text : text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * True when squash would give `text` back unchanged: its only white space is single ASCII spaces
 * between other characters. Most cells are so; the test costs less than the replacement.
 */
function isSquashed(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
    } else if (isWhiteSpace(c)) return false;
  }
  return true;
}

/** The characters of /[\s\u00a0\u200b]/ but the ASCII space. */
function isWhiteSpace(c: number): boolean {
  if (c < 160) return c >= 9 && c <= 13;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const TAG = /<\/?(?:b|i|u|a|strong|em|span|font|br|p)\b[^>]*>/gi;

/** True when the text holds HTML-like markup left over from a paste (<b>, <a href>). */
export function hasMarkup(text: string): boolean {
  TAG.lastIndex = 0;
  return TAG.test(text);
}

/** The text with markup tags removed (the visible text). */
export function stripMarkup(text: string): string {
  return text.replace(TAG, '');
}

/** A cell value as display text (markup stripped, white space squashed); '' for empty. */
const NEEDS_CLEANING = /[<\s\u00a0\u200b]/;
const PLAIN_SPACES = /^\S(?:[^\s<\u00a0\u200b]| (?! ))*\S$|^\S$/;

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    // Fast path: most cells are already clean (no tags, single inner spaces, nothing to trim).
    if (!NEEDS_CLEANING.test(value) || PLAIN_SPACES.test(value)) return value;
    return squash(stripMarkup(value));
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.error;
}

/** The cell value is an Excel error (#REF!, #N/A, …). */
export function isErrorValue(value: CellValue | undefined): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 1-based row and column → "E12". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col - 1)}${row}`;
}
