/**
 * Deadline parser: reads a "Thời gian thực hiện" cell ("Quý I/2026", "30/4/2026", "Thường xuyên",
 * an Excel date cell, …) into a `Deadline`: due = the last day of the period named.
 *
 * Pure and deterministic: no clock, no Date object, integer calendar math (calendar.ts). Linear in
 * the text length: the text is folded once and read by a small hand-written token parser, with no
 * backtracking regular expressions. How ambiguous forms are read: ./README.md#deadlines (and the
 * unit tests).
 */
import type { CellValue, Deadline } from './types';
import { cellText, isErrorValue, squash, stripMarkup } from './text';
import { isDateFormat } from './workbook/dates';
import {
  endOfMonth,
  endOfQuarter,
  isValidDate,
  isoToVn,
  serialToIso,
  startOfMonth,
  startOfQuarter,
  toIso,
} from './calendar';

/** Number formats are the workbook layer's (workbook/dates.ts); re-exported for the engine's readers. */
export { isDateFormat };

export {
  serialToIso,
  isoToSerial,
  quarterOf,
  endOfMonth,
  startOfMonth,
  endOfQuarter,
  startOfQuarter,
  isLeapYear,
  daysInMonth,
  isValidDate,
  daysFromCivil,
  civilFromDays,
  daysBetween,
  addDays,
  parseIso,
  toIso,
  isoToVn,
} from './calendar';

export interface ParseDeadlineOptions {
  /** The cell's number format ("dd/mm/yyyy", "General", …). */
  numberFormat?: string;
  /** Year used for a deadline that names none ("Quý II"). */
  planYear?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Number formats and numbers

const SERIAL_MIN = 36526; // 2000-01-01
const SERIAL_MAX = 73050; // 2099-12-31
const EXCEL_MAX = 2958465; // 9999-12-31

// ---------------------------------------------------------------------------------------------
// Folding with offsets and tokens

interface Token {
  /** w = word, n = number, p = punctuation. */
  k: 'w' | 'n' | 'p';
  v: string;
  n: number;
  /** Offsets in the source text. */
  s: number;
  e: number;
}

const charCache = new Map<string, string>();

function foldChar(ch: string): string {
  let f = charCache.get(ch);
  if (f !== undefined) return f;
  if (/[\u2010-\u2015\u2212\u00f7~\u2053\ufe58\ufe63\uff0d]/.test(ch)) f = '-';
  else if (ch === '\uff0f' || ch === '\u2044') f = '/';
  else
    f = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
  if (charCache.size < 4096) charCache.set(ch, f);
  return f;
}

function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x200b ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000
  );
}

/** Folds `text` (lower case, no diacritics, dashes unified) and splits it into tokens. */
function tokenize(text: string): Token[] {
  // Fold character by character, keeping for each folded character its source offsets.
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      folded += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
      from.push(i);
      to.push(i + 1);
      continue;
    }
    const f = foldChar(text[i]);
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      from.push(i);
      to.push(i + 1);
    }
  }
  const tokens: Token[] = [];
  let p = 0;
  while (p < folded.length) {
    const c = folded.charCodeAt(p);
    let q = p + 1;
    let k: Token['k'];
    if (isLetter(c)) {
      while (q < folded.length && isLetter(folded.charCodeAt(q))) q++;
      k = 'w';
    } else if (isDigit(c)) {
      while (q < folded.length && isDigit(folded.charCodeAt(q))) q++;
      k = 'n';
    } else if (isSpace(c) || (c >= 0x300 && c <= 0x36f)) {
      p = q;
      continue;
    } else {
      k = 'p';
    }
    const v = folded.slice(p, q);
    tokens.push({ k, v, n: k === 'n' ? Number(v) : NaN, s: from[p], e: to[q - 1] });
    p = q;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Grammar

type Unit = 'q' | 'm' | 'd' | 'y' | 'h';

interface Item {
  unit: Unit;
  /** q: quarter; m: month; d: day; h: first month. */
  a: number;
  /** d: month; h: last month. */
  b: number;
  year: number | null;
  /** "đến năm 2030": everything up to that year. */
  until?: boolean;
}

const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
};

/** Words that may stand around a deadline without changing it. */
const FILLER = new Set([
  'hoan',
  'thanh',
  'thuc',
  'hien',
  'trien',
  'khai',
  'trong',
  'truoc',
  'den',
  'toi',
  'tu',
  'ke',
  'vao',
  'cham',
  'nhat',
  'du',
  'kien',
  'thoi',
  'gian',
  'han',
  'bat',
  'ket',
  'xong',
  'het',
  'giai',
  'doan',
  'va',
  'hoac',
  'la',
  'dip',
  'khoang',
  'ca',
  'suot',
  'ngay',
  'dau',
  'giua',
  'cuoi',
  'muon',
  'tiep',
  'tuc',
]);

/** Punctuation that separates or decorates parts of a deadline. */
const GLUE = new Set([
  '-',
  ',',
  ';',
  ':',
  '.',
  '/',
  '&',
  '+',
  '"',
  "'",
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '*',
  '\u2026',
  '!',
  '?',
]);
/** Punctuation after which trailing prose is read as a remark. */
const SEPARATOR = new Set(['-', ',', ';', ':', '.', '\u2026']);

const RECURRING: string[][] = [
  ['thuong', 'xuyen'],
  ['hang', 'nam'],
  ['hang', 'quy'],
  ['hang', 'thang'],
  ['hang', 'tuan'],
  ['hang', 'ngay'],
  ['moi', 'nam'],
  ['dinh', 'ky'],
  ['lien', 'tuc'],
  ['thuong', 'nien'],
  ['theo', 'yeu', 'cau'],
  ['khi', 'co', 'yeu', 'cau'],
  ['theo', 'chi', 'dao'],
  ['khi', 'co', 'chi', 'dao'],
  ['cac', 'nam', 'tiep', 'theo'],
  ['nhung', 'nam', 'tiep', 'theo'],
  ['nam', 'tiep', 'theo'],
  ['cac', 'nam', 'sau'],
  ['tro', 'di'],
];

const RECURRING_BY_FIRST = new Map<string, string[][]>();
for (const phrase of RECURRING) {
  const list = RECURRING_BY_FIRST.get(phrase[0]) ?? [];
  list.push(phrase);
  RECURRING_BY_FIRST.set(phrase[0], list);
}

interface ParseState {
  items: Item[];
  recurring: boolean;
  /** Index of the first token not read (tokens.length when all were read). */
  stop: number;
  /** Index of the first token of trailing prose after a separator (remark), or -1. */
  remarkFrom: number;
}

class Parser {
  i = 0;
  constructor(private readonly t: Token[]) {}

  private word(k = 0): string | null {
    const tok = this.t[this.i + k];
    return tok && tok.k === 'w' ? tok.v : null;
  }
  private num(k = 0): Token | null {
    const tok = this.t[this.i + k];
    return tok && tok.k === 'n' ? tok : null;
  }
  private punct(k = 0): string | null {
    const tok = this.t[this.i + k];
    return tok && tok.k === 'p' ? tok.v : null;
  }

  /** A 4-digit year 1900–2100 at offset k. */
  private year4(k = 0): number | null {
    const tok = this.num(k);
    return tok && tok.v.length === 4 && tok.n >= 1900 && tok.n <= 2100 ? tok.n : null;
  }

  /** Quarter number (I–IV or 1–4) at offset k. */
  private quarterNo(k = 0): number | null {
    const w = this.word(k);
    if (w !== null) {
      const r = ROMAN[w];
      return r !== undefined && r <= 4 ? r : null;
    }
    const n = this.num(k);
    return n && n.v.length <= 2 && n.n >= 1 && n.n <= 4 ? n.n : null;
  }

  /** Month number (1–12 or I–XII) at offset k. */
  private monthNo(k = 0): number | null {
    const w = this.word(k);
    if (w !== null) return ROMAN[w] ?? null;
    const n = this.num(k);
    return n && n.v.length <= 2 && n.n >= 1 && n.n <= 12 ? n.n : null;
  }

  /** "/2026", "/ 26", "-2026", "năm 2026", "2026" after a quarter or month; consumes it. */
  private yearSuffix(): number | null {
    const p = this.punct();
    if (p === '/' || p === '-' || p === '.') {
      const y = this.year4(1);
      if (y !== null) {
        this.i += 2;
        return y;
      }
      const n = this.num(1);
      if (p === '/' && n && n.v.length === 2 && !this.num(2) && this.punct(2) !== '/') {
        this.i += 2;
        return 2000 + n.n;
      }
      return null;
    }
    if (this.word() === 'nam') {
      const y = this.year4(1);
      if (y !== null) {
        this.i += 2;
        return y;
      }
      return null;
    }
    const y = this.year4();
    if (y !== null) {
      this.i += 1;
      return y;
    }
    return null;
  }

  /** Year in a date: 4 digits, or 2 digits (20yy). */
  private dateYear(k: number): number | null {
    const y = this.year4(k);
    if (y !== null) return y;
    const n = this.num(k);
    return n && n.v.length === 2 ? 2000 + n.n : null;
  }

  /** d/m[/y], d-m[-y], d.m[.y] or "d tháng m [năm y]" at the cursor; consumes it. */
  private dateCore(): Item | null {
    const d = this.num();
    if (!d || d.v.length > 2 || d.n < 1 || d.n > 31) return null;
    const sep = this.punct(1);
    if (sep === '/' || sep === '-' || sep === '.') {
      const m = this.num(2);
      if (!m || m.v.length > 2 || m.n < 1 || m.n > 12) return null;
      if (this.punct(3) === sep) {
        const y = this.dateYear(4);
        if (y !== null && !this.num(5)) {
          this.i += 5;
          return { unit: 'd', a: d.n, b: m.n, year: y };
        }
        if (sep === '.') {
          // "30.4." (a trailing full stop): a date without a year.
          this.i += 3;
          return { unit: 'd', a: d.n, b: m.n, year: null };
        }
        return null;
      }
      this.i += 3;
      return { unit: 'd', a: d.n, b: m.n, year: null };
    }
    if (this.word(1) === 'thang') {
      const m = this.monthNo(2);
      if (m === null) return null;
      this.i += 3;
      const y = this.yearSuffix();
      return { unit: 'd', a: d.n, b: m, year: y };
    }
    return null;
  }

  /** One period at the cursor, or null (cursor unchanged). `ctx` = unit of the previous part. */
  atom(ctx: Unit | null): Item | null {
    const start = this.i;
    const w = this.word();
    const w1 = this.word(1);
    const w2 = this.word(2);

    // Quý I/2026, quý 1 năm 2026, Q2/2026
    if (w === 'quy' || w === 'qui' || w === 'q') {
      const q = this.quarterNo(1);
      if (q !== null) {
        this.i += 2;
        return { unit: 'q', a: q, b: 0, year: this.yearSuffix() };
      }
    }
    // Tháng 6/2026, tháng 02 năm 2026
    if (w === 'thang') {
      const m = this.monthNo(1);
      if (m !== null) {
        this.i += 2;
        return { unit: 'm', a: m, b: 0, year: this.yearSuffix() };
      }
    }
    // ngày 30/4/2026, ngày 30 tháng 4 năm 2026
    if (w === 'ngay' && this.num(1)) {
      this.i += 1;
      const d = this.dateCore();
      if (d) return d;
      this.i = start;
    }
    // 6 tháng đầu năm (2026), 3 tháng cuối năm
    const n = this.num();
    if (n && w1 === 'thang' && (w2 === 'dau' || w2 === 'cuoi') && this.word(3) === 'nam') {
      if (n.n >= 1 && n.n <= 12) {
        this.i += 4;
        const y = this.yearSuffix();
        return w2 === 'dau'
          ? { unit: 'h', a: 1, b: n.n, year: y }
          : { unit: 'h', a: 13 - n.n, b: 12, year: y };
      }
      return null;
    }
    // nửa đầu năm, nửa cuối năm
    if (w === 'nua' && (w1 === 'dau' || w1 === 'cuoi') && w2 === 'nam') {
      this.i += 3;
      const y = this.yearSuffix();
      return w1 === 'dau'
        ? { unit: 'h', a: 1, b: 6, year: y }
        : { unit: 'h', a: 7, b: 12, year: y };
    }
    // đầu năm, giữa năm, cuối năm
    if ((w === 'dau' || w === 'giua' || w === 'cuoi') && w1 === 'nam') {
      this.i += 2;
      const y = this.yearSuffix();
      if (w === 'dau') return { unit: 'h', a: 1, b: 3, year: y };
      if (w === 'giua') return { unit: 'h', a: 4, b: 9, year: y };
      return { unit: 'h', a: 10, b: 12, year: y };
    }
    let deferred = false;
    if (n) {
      // 30/4/2026, 30-4-2026, 30/4, 30 tháng 4 năm 2026
      const d = this.dateCore();
      if (d) {
        // In a quarter or month list "I, 2-3/2026" continues the list; "Quý II, 1/5" is a date.
        if (!(ctx === 'q' || ctx === 'm') || d.year !== null || this.t[start + 1].v !== '-')
          return d;
        this.i = start;
        deferred = true;
      }
    }
    // Bare numbers continuing a list: "Quý I, II/2026", "Tháng 6-8/2026"
    if (ctx === 'q') {
      const q = this.quarterNo();
      if (q !== null) {
        this.i += 1;
        return { unit: 'q', a: q, b: 0, year: this.yearSuffix() };
      }
    }
    if (ctx === 'm') {
      const m = this.monthNo();
      if (m !== null) {
        this.i += 1;
        return { unit: 'm', a: m, b: 0, year: this.yearSuffix() };
      }
    }
    if (n) {
      // 06/2026: month and year
      const p = this.punct(1);
      if (n.v.length <= 2 && n.n >= 1 && n.n <= 12 && (p === '/' || p === '-' || p === '.')) {
        const y = this.year4(2);
        if (y !== null) {
          this.i += 3;
          return { unit: 'm', a: n.n, b: 0, year: y };
        }
      }
      if (deferred) return this.dateCore();
      // 2026
      const y = this.year4();
      if (y !== null) {
        this.i += 1;
        return { unit: 'y', a: 0, b: 0, year: y };
      }
      return null;
    }
    // năm 2026; "năm" alone (trong năm) = the plan year
    if (w === 'nam') {
      const y = this.year4(1);
      if (y !== null) {
        this.i += 2;
        return { unit: 'y', a: 0, b: 0, year: y };
      }
      this.i += 1;
      return { unit: 'y', a: 0, b: 0, year: null };
    }
    return null;
  }

  /** A recurring phrase at the cursor: its length in tokens, or 0. */
  recurringAt(): number {
    const first = this.word();
    if (first === null) return 0;
    const phrases = RECURRING_BY_FIRST.get(first);
    if (!phrases) return 0;
    for (const phrase of phrases) {
      let ok = true;
      for (let k = 0; k < phrase.length; k++) {
        if (this.word(k) !== phrase[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return phrase.length;
    }
    return 0;
  }

  /**
   * Running text: every period anywhere in the tokens, with its source offsets. Words that are not
   * fillers end a list ("quý II hoặc III" is one list; "quý II …; tổng kết tháng 11" two parts). A
   * year counts only as "năm 2026" (a bare number may be a document's symbol: "176/2025/QH15").
   */
  scan(): { items: Item[]; from: number[]; to: number[] } {
    const t = this.t;
    const items: Item[] = [];
    const from: number[] = [];
    const to: number[] = [];
    let ctx: Unit | null = null;
    while (this.i < t.length) {
      const start = this.i;
      const it = this.atom(ctx);
      if (it) {
        if (it.unit !== 'y' || (t[start].v === 'nam' && it.year !== null)) {
          items.push(it);
          from.push(t[start].s);
          to.push(t[this.i - 1].e);
        }
        ctx = it.unit;
        continue;
      }
      const tok = t[this.i];
      if (
        !(tok.k === 'w' && FILLER.has(tok.v)) &&
        !(tok.k === 'p' && GLUE.has(tok.v) && tok.v !== ';' && tok.v !== '.')
      )
        ctx = null;
      this.i++;
    }
    return { items, from, to };
  }

  parse(): ParseState {
    const t = this.t;
    const items: Item[] = [];
    let recurring = false;
    let ctx: Unit | null = null;
    let until = false;
    while (this.i < t.length) {
      const r = this.recurringAt();
      if (r > 0) {
        recurring = true;
        this.i += r;
        ctx = null;
        continue;
      }
      const item = this.atom(ctx);
      if (item) {
        if (until && item.unit === 'y' && item.year !== null && items.length === 0)
          item.until = true;
        until = false;
        items.push(item);
        ctx = item.unit;
        continue;
      }
      const tok = t[this.i];
      if (tok.k === 'w' && FILLER.has(tok.v)) {
        if (tok.v === 'den' || tok.v === 'toi') until = true;
        else if (tok.v === 'het') until = false;
        this.i++;
        continue;
      }
      if (tok.k === 'p' && GLUE.has(tok.v)) {
        this.i++;
        continue;
      }
      break;
    }
    let remarkFrom = -1;
    if (this.i < t.length && (items.length > 0 || recurring)) {
      // Trailing prose after a separator: "Quý I/2026, trình UBND tỉnh".
      let k = this.i - 1;
      while (k >= 0 && t[k].k === 'w' && FILLER.has(t[k].v)) k--;
      if (k >= 0 && t[k].k === 'p' && SEPARATOR.has(t[k].v)) remarkFrom = k + 1;
    }
    return { items, recurring, stop: this.i, remarkFrom };
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution of parsed parts into dates

interface Span {
  start: string | null;
  due: string;
  inferred: boolean;
  multiYear: boolean;
  /** A single day. */
  single: boolean;
}

type Resolved = Span | 'no-year' | 'invalid' | 'empty';

function resolve(items: Item[], fallbackYear: number | null, yearsArePeriods = false): Resolved {
  if (items.length === 0) return 'empty';
  // A year next to another period only qualifies it: "Năm 2026, Quý II" (in a cell; in running
  // text "trong năm 2026 …; sơ kết tháng 6" the year is a period of its own).
  const periods =
    !yearsArePeriods && items.some((it) => it.unit !== 'y')
      ? items.filter((it) => it.unit !== 'y')
      : items;
  // Year of the nearest part after (else before) each part that names one.
  const nextYear: (number | null)[] = new Array(items.length).fill(null);
  const prevYear: (number | null)[] = new Array(items.length).fill(null);
  for (let k = items.length - 2; k >= 0; k--) nextYear[k] = items[k + 1].year ?? nextYear[k + 1];
  for (let k = 1; k < items.length; k++) prevYear[k] = items[k - 1].year ?? prevYear[k - 1];
  let start: string | null = null;
  let startKnown = true;
  let due: string | null = null;
  let inferred = false;
  let multi = false;
  for (let idx = 0; idx < items.length; idx++) {
    const it = items[idx];
    if (periods !== items && it.unit === 'y') continue;
    let year = it.year ?? nextYear[idx] ?? prevYear[idx];
    if (year === null) {
      if (fallbackYear === null || fallbackYear === undefined) return 'no-year';
      year = fallbackYear;
      inferred = true;
    }
    let s: string | null;
    let e: string;
    switch (it.unit) {
      case 'q':
        s = startOfQuarter(year, it.a);
        e = endOfQuarter(year, it.a);
        break;
      case 'm':
        s = startOfMonth(year, it.a);
        e = endOfMonth(year, it.a);
        break;
      case 'd':
        if (!isValidDate(year, it.b, it.a)) return 'invalid';
        s = e = toIso(year, it.b, it.a);
        break;
      case 'h':
        s = startOfMonth(year, it.a);
        e = endOfMonth(year, it.b);
        break;
      default:
        e = toIso(year, 12, 31);
        s = toIso(year, 1, 1);
        if (it.until && periods.length === 1) {
          if (fallbackYear !== null && fallbackYear !== undefined && fallbackYear < year) {
            s = toIso(fallbackYear, 1, 1);
            multi = true;
          } else if (fallbackYear === null || fallbackYear === undefined) {
            s = null;
            multi = true;
          }
        }
    }
    if (s === null) startKnown = false;
    else if (start === null || s < start) start = s;
    if (due === null || e > due) due = e;
  }
  if (due === null) return 'empty';
  if (!startKnown) start = null;
  if (start !== null && start.slice(0, 4) !== due.slice(0, 4)) multi = true;
  const single = periods.length === 1 && periods[0].unit === 'd';
  return { start, due, inferred, multiYear: multi, single };
}

// ---------------------------------------------------------------------------------------------
// Brackets

interface Split {
  main: string;
  brackets: string[];
}

/**
 * Splits top-level "( … )" and "[ … ]" parts off the (squashed) text. An unclosed bracket runs to
 * the end.
 */
function splitBrackets(text: string): Split {
  if (!/[()[\]\uff08\uff09]/.test(text)) return { main: text, brackets: [] };
  let main = '';
  const brackets: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '\uff08') {
      if (depth > 0) cur += ch;
      else main += ' ';
      depth++;
    } else if (ch === ')' || ch === ']' || ch === '\uff09') {
      if (depth === 0) {
        main += ' ';
        continue;
      }
      depth--;
      if (depth > 0) cur += ch;
      else {
        brackets.push(cur.trim());
        cur = '';
      }
    } else if (depth > 0) cur += ch;
    else main += ch;
  }
  if (depth > 0) brackets.push(cur.trim());
  return { main: main.trim(), brackets: brackets.filter((b) => b !== '') };
}

// ---------------------------------------------------------------------------------------------
// Text deadlines

interface TextResult {
  kind: 'date' | 'period' | 'recurring' | 'unknown' | 'empty' | 'no-year';
  span?: Span;
  remark?: string;
  /** The tokens read (reused to read the text as a sentence). */
  tokens?: Token[];
}

function wordCount(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.k === 'w') n++;
  return n;
}

/** Reads one text (no brackets) against a fallback year. */
function readText(text: string, fallbackYear: number | null, allowPartial: boolean): TextResult {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { kind: 'empty' };
  const st = new Parser(tokens).parse();
  const complete = st.stop >= tokens.length;
  if (!complete && !allowPartial) return { kind: 'unknown' };
  let remark: string | undefined;
  if (!complete) {
    if (allowPartial && st.remarkFrom >= 0) {
      remark = squash(text.slice(tokens[st.remarkFrom].s));
    } else {
      // Prose: still recurring when it starts with a recurring phrase or is very short.
      if (allowPartial) {
        const p = new Parser(tokens);
        while (p.i < tokens.length && tokens[p.i].k === 'w' && FILLER.has(tokens[p.i].v)) p.i++;
        if (p.recurringAt() > 0) return { kind: 'recurring' };
        if (wordCount(tokens) <= 4) {
          for (let k = 0; k < tokens.length; k++) {
            p.i = k;
            if (p.recurringAt() > 0) return { kind: 'recurring' };
          }
        }
      }
      return { kind: 'unknown', tokens };
    }
  }
  if (st.recurring) {
    const r = resolve(st.items, fallbackYear);
    return typeof r === 'object'
      ? { kind: 'recurring', span: r, remark }
      : { kind: 'recurring', remark };
  }
  if (st.items.length === 0) {
    // Only fillers and punctuation ("Hoàn thành", "-"): no date named.
    return wordCount(tokens) === 0 && !/[0-9]/.test(text) ? { kind: 'empty' } : { kind: 'unknown' };
  }
  const r = resolve(st.items, fallbackYear);
  if (r === 'no-year') return { kind: 'no-year' };
  if (r === 'invalid' || r === 'empty') return { kind: 'unknown' };
  return remark
    ? { kind: r.single ? 'date' : 'period', span: r, remark, tokens }
    : { kind: r.single ? 'date' : 'period', span: r };
}

/** Words and shapes every date or period part holds (quý, tháng, ngày, năm, d/m, nửa/đầu/cuối năm). */
const SENTENCE_MARK = /qu[yýỳ]|th[aá]ng|ng[aà]y|n[aă]m|\d[/.-]\d/gi;

/**
 * A cell of running text naming several dates or periods ("Sơ kết trong quý II hoặc quý III; tổng
 * kết vào tháng 11/2026"): every part is read, the latest is due, the earliest starts. Kind 'date'
 * when every part is a date, else 'period'; `parts` lists what was read, as written. Null when
 * fewer than two parts are found or they do not resolve.
 */
function readSentence(text: string, planYear: number | null, read?: Token[]): Deadline | null {
  // Cheap test first: two parts need two period words or numeric dates.
  SENTENCE_MARK.lastIndex = 0;
  let marks = 0;
  while (marks < 2 && SENTENCE_MARK.test(text)) marks++;
  if (marks < 2) return null;
  const tokens = read ?? tokenize(text);
  const { items, from, to } = new Parser(tokens).scan();
  if (items.length < 2) return null;
  const r = resolve(items, planYear, true);
  if (typeof r !== 'object') return null;
  const out: Deadline = {
    text,
    due: r.due,
    kind: items.every((it) => it.unit === 'd') ? 'date' : 'period',
    start: r.start,
    parts: items.map((_, k) => squash(text.slice(from[k], to[k]))),
  };
  if (r.inferred) out.yearInferred = true;
  if (r.multiYear) out.multiYear = true;
  return out;
}

function joinRemark(a: string | undefined, b: string): string {
  return a ? `${a}; ${b}` : b;
}

function parseText(text: string, planYear: number | null): Deadline {
  const { main, brackets } = splitBrackets(text);
  let head = readText(main, planYear, true);
  let rest = brackets;
  if (head.kind === 'empty' && brackets.length > 0) {
    // The cell is only a bracket: "(Quý II/2026)".
    head = readText(brackets[0], planYear, true);
    rest = brackets.slice(1);
  }
  if (head.kind === 'empty') {
    return brackets.length === 0 && !/[0-9\p{L}]/u.test(text)
      ? { text, due: null, kind: 'missing' }
      : { text, due: null, kind: 'unknown' };
  }
  // Tokens of the main text are those of the whole text when it has no brackets.
  const read = brackets.length === 0 ? head.tokens : undefined;
  if (head.kind === 'unknown' || head.kind === 'no-year')
    return readSentence(text, planYear, read) ?? { text, due: null, kind: 'unknown' };
  // A period followed by prose that names more periods ("Quý II/2026, tổng kết vào tháng 11/2026"):
  // read them all.
  if (head.kind !== 'recurring' && head.remark && rest.length === 0) {
    const all = readSentence(text, planYear, read);
    if (all) return all;
  }

  if (head.kind === 'recurring') {
    const out: Deadline = {
      text,
      due: null,
      kind: 'recurring',
      start: head.span ? head.span.start : null,
    };
    if (head.span && head.span.inferred) out.yearInferred = true;
    let remark = head.remark;
    for (const b of rest) remark = joinRemark(remark, b);
    if (remark) out.remark = remark;
    return out;
  }

  const span = head.span as Span;
  const out: Deadline = {
    text,
    due: span.due,
    kind: head.kind === 'date' ? 'date' : 'period',
    start: span.start,
  };
  if (span.inferred) out.yearInferred = true;
  if (span.multiYear) out.multiYear = true;
  let remark = head.remark;
  let conflict: string | undefined;
  const dueYear = Number(span.due.slice(0, 4));
  for (const b of rest) {
    const br = readText(b, dueYear, false);
    if ((br.kind === 'date' || br.kind === 'period') && br.span) {
      const bs = br.span;
      const bStart = bs.start ?? bs.due;
      const mStart = span.start;
      const mDue = span.due;
      const contains = bStart <= (mStart ?? bStart) && bs.due >= mDue;
      const inside = (mStart === null || bStart >= mStart) && bs.due <= mDue;
      if (contains) remark = joinRemark(remark, b);
      else if (inside) {
        out.due = bs.due;
        out.kind = br.kind;
      } else conflict = conflict ? `${conflict}; ${b}` : b;
    } else {
      remark = joinRemark(remark, b);
    }
  }
  if (conflict) out.conflict = conflict;
  if (remark) out.remark = remark;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public entry points

/** Longer texts are prose, never a deadline (and this bounds the work per cell). */
const MAX_TEXT = 500;
const CACHE_SIZE = 4000;
const cache = new Map<string, Deadline>();

function serialDeadline(serial: number): Deadline {
  const iso = serialToIso(serial);
  return { text: isoToVn(iso), due: iso, kind: 'date', start: iso };
}

/**
 * Reads a deadline cell. Never throws. See the module comment for the forms and decisions.
 */
export function parseDeadline(value: CellValue, opts: ParseDeadlineOptions = {}): Deadline {
  const planYear =
    typeof opts.planYear === 'number' && Number.isInteger(opts.planYear) && opts.planYear > 0
      ? opts.planYear
      : null;
  try {
    if (value === null || value === undefined) return { text: '', due: null, kind: 'missing' };
    if (isErrorValue(value)) return { text: value.error, due: null, kind: 'unknown' };
    if (typeof value === 'boolean') return { text: cellText(value), due: null, kind: 'unknown' };
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { text: String(value), due: null, kind: 'unknown' };
      if (isDateFormat(opts.numberFormat)) {
        if (value >= 1 && value < EXCEL_MAX + 1) return serialDeadline(value);
        return { text: String(value), due: null, kind: 'unknown' };
      }
      if (Number.isInteger(value) && value >= 1900 && value <= 2100) {
        return {
          text: String(value),
          due: toIso(value, 12, 31),
          kind: 'period',
          start: toIso(value, 1, 1),
        };
      }
      if (value >= SERIAL_MIN && value < SERIAL_MAX + 1) return serialDeadline(value);
      return { text: String(value), due: null, kind: 'unknown' };
    }
    if (typeof value !== 'string') return { text: '', due: null, kind: 'unknown' };
    // Tables repeat the same few texts: remember recent results. A result is a value, frozen and
    // shared by every cell with the same text.
    const key = value.length <= 300 ? `${planYear ?? ''}|${value}` : null;
    const hit = key !== null ? cache.get(key) : undefined;
    if (hit) return hit;
    const text = squash(value.indexOf('<') >= 0 ? stripMarkup(value) : value);
    const out: Deadline =
      text === ''
        ? { text: '', due: null, kind: 'missing' }
        : text.length > MAX_TEXT
          ? { text, due: null, kind: 'unknown' }
          : parseText(text, planYear);
    if (key === null) return out;
    if (cache.size >= CACHE_SIZE) cache.clear();
    const frozen = Object.freeze(out);
    cache.set(key, frozen);
    return frozen;
  } catch {
    return {
      text: typeof value === 'string' ? squash(value) : String(value),
      due: null,
      kind: 'unknown',
    };
  }
}

/** Scratch list for countYears (the engine is synchronous: one text at a time). */
const YEARS_SEEN: number[] = [];

/** Counts each 4-digit year 1990–2100 once per text, into `counts`. */
function countYears(text: string, counts: Map<number, number>): void {
  // Years already counted for this text (a text names one or two; a list beats a Set here).
  const seen = YEARS_SEEN;
  seen.length = 0;
  let k = 0;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) {
      let j = k + 1;
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      if (j - k === 4) {
        const y = Number(text.slice(k, j));
        if (y >= 1990 && y <= 2100 && !seen.includes(y)) {
          seen.push(y);
          counts.set(y, (counts.get(y) ?? 0) + 1);
        }
      }
      k = j;
    } else k++;
  }
}

/** The year in a title: the one after "năm" if any, else the first 4-digit year 1990–2100. */
function titleYear(title: string): number | null {
  const tokens = tokenize(title);
  let first: number | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.k === 'n' && t.v.length === 4 && t.n >= 1990 && t.n <= 2100) {
      const prev = tokens[k - 1];
      if (prev && prev.k === 'w' && prev.v === 'nam') return t.n;
      if (first === null) first = t.n;
    }
  }
  return first;
}

/**
 * The plan year: the year most deadline texts name (each text counts a year once); on a tie the
 * title's year if it is among the tied, else the later year. With no year in the texts, the year
 * of the title ("… năm 2026"); else null.
 */
export function inferPlanYear(texts: string[], title?: string): number | null {
  const counts = new Map<number, number>();
  for (const t of texts) if (typeof t === 'string' && t) countYears(t, counts);
  const ty = title ? titleYear(title) : null;
  if (counts.size === 0) return ty;
  let best: number | null = null;
  let bestCount = -1;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  if (ty !== null && counts.get(ty) === bestCount) return ty;
  return best;
}
