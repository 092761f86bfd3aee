/**
 * Header detection: find the header row (or two stacked rows) in the first rows of a sheet and map
 * its columns to roles. Matching ignores case, diacritics, tone-mark placement, spacing, line breaks
 * and punctuation (text.fold).
 */
import type { CellValue, ColumnMap, HeaderInfo, MergedArea, Role } from './types';
import { cellText, fold } from './text';

/** How far down the header may be. */
export const HEADER_SCAN_ROWS = 60;
/** Header cells are short; a long cell is body text that happens to contain a header word. */
const MAX_HEADER_LEN = 140;

interface RolePattern {
  role: Role;
  /** Folded phrases; a header cell matches when it contains one (as whole words). */
  phrases: string[];
  /** Folded texts that match only exactly. */
  exact?: string[];
}

/**
 * Ordered: the first pattern that matches decides. More specific phrases come before the general
 * ones they contain ("co quan phoi hop thuc hien" is support before "co quan" is lead;
 * "kiem tra don doc, tham muu to chuc thuc hien" is inspector before "to chuc thuc hien" is lead).
 */
const PATTERNS: RolePattern[] = [
  { role: 'tt', phrases: ['so thu tu', 'so tt'], exact: ['tt', 'stt', 'so', 'thu tu', 'no'] },
  { role: 'done-date', phrases: ['ngay hoan thanh', 'hoan thanh thuc te', 'thoi diem hoan thanh'] },
  { role: 'inspector', phrases: ['kiem tra don doc', 'don doc', 'theo doi don doc'] },
  {
    role: 'leader',
    phrases: [
      'lanh dao tinh phu trach',
      'lanh dao phu trach',
      'co quan chi dao',
      'chi dao thuc hien',
      'lanh dao chi dao',
      'nguoi phu trach',
    ],
  },
  { role: 'support', phrases: ['phoi hop'] },
  { role: 'lead', phrases: ['chu tri'] },
  {
    role: 'status',
    exact: [
      'tinh trang',
      'trang thai',
      'tien do',
      'ket qua thuc hien',
      'tinh hinh thuc hien',
      'tinh trang thuc hien',
    ],
    phrases: ['tinh trang', 'trang thai'],
  },
  {
    role: 'deadline',
    phrases: [
      'thoi gian thuc hien',
      'thoi gian hoan thanh',
      'thoi han',
      'tien do thuc hien',
      'thoi gian',
      'han hoan thanh',
    ],
  },
  {
    role: 'result',
    phrases: ['ket qua trien khai', 'san pham', 'ket qua du kien', 'ket qua dau ra', 'ket qua'],
  },
  {
    role: 'task',
    phrases: ['nhiem vu', 'noi dung', 'chi tieu', 'cong viec', 'giai phap', 'hoat dong'],
  },
  {
    role: 'lead',
    phrases: [
      'co quan thuc hien',
      'tham muu thuc hien',
      'to chuc thuc hien',
      'don vi thuc hien',
      'co quan tham muu',
      'don vi',
      'co quan',
    ],
  },
  { role: 'note', phrases: ['ghi chu'] },
];

function containsPhrase(folded: string, phrase: string): boolean {
  if (folded === phrase) return true;
  const i = folded.indexOf(phrase);
  if (i < 0) return false;
  const before = i === 0 || folded[i - 1] === ' ';
  const after = i + phrase.length === folded.length || folded[i + phrase.length] === ' ';
  return before && after;
}

/** The role a header cell's text names, or null. */
export function roleOfHeader(text: string): Role | null {
  if (!text || text.length > MAX_HEADER_LEN) return null;
  return roleOfFolded(fold(text));
}

/** roleOfHeader for a text already folded (and no longer than MAX_HEADER_LEN). */
function roleOfFolded(f: string): Role | null {
  if (!f) return null;
  for (const p of PATTERNS) {
    if (p.exact?.includes(f)) return p.role;
    if (p.phrases.some((ph) => containsPhrase(f, ph))) return p.role;
  }
  return null;
}

export interface HeaderCandidate extends HeaderInfo {
  /** Roles named by more than one column: role → all columns (the first is used). */
  ambiguous: Partial<Record<Role, number[]>>;
}

/** Texts of one row, with horizontal merges spread across the columns they cover (header rows only). */
function headerRowTexts(
  values: CellValue[][],
  r: number,
  width: number,
  merges: MergedArea[],
): string[] {
  const row = values[r] ?? [];
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(cellText(row[c]));
  for (const m of merges) {
    if (r < m.top || r > m.bottom) continue;
    const v = cellText(values[m.top]?.[m.left]);
    for (let c = m.left; c <= m.right && c < width; c++) if (!out[c]) out[c] = v;
  }
  return out;
}

function mapRoles(texts: string[]): {
  columns: ColumnMap;
  ambiguous: Partial<Record<Role, number[]>>;
  score: number;
} {
  const columns: ColumnMap = {};
  const all: Partial<Record<Role, number[]>> = {};
  texts.forEach((text, c) => {
    const role = roleOfHeader(text);
    if (!role) return;
    (all[role] ??= []).push(c);
  });
  const ambiguous: Partial<Record<Role, number[]>> = {};
  for (const [role, cols] of Object.entries(all) as [Role, number[]][]) {
    columns[role] = cols[0];
    if (cols.length > 1) ambiguous[role] = cols;
  }
  return { columns, ambiguous, score: Object.keys(columns).length };
}

/** The header signature used to recognise repeated header rows further down. */
export function headerSignature(texts: string[]): string[] {
  return texts.map((t) => fold(t));
}

/**
 * Find the header. A row qualifies when it names at least 3 roles including task or tt; the row
 * naming the most roles wins (the first on ties). A second row directly below whose cells refine
 * the first ("Cơ quan" over "Chủ trì | Phối hợp") is stacked onto it.
 */
export function detectHeader(
  values: CellValue[][],
  merges: MergedArea[] = [],
): HeaderCandidate | null {
  const width = values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  let best: { r: number; texts: string[]; m: ReturnType<typeof mapRoles> } | null = null;
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const texts = headerRowTexts(values, r, width, merges);
    const m = mapRoles(texts);
    if (m.score < 3 || (m.columns.task === undefined && m.columns.tt === undefined)) continue;
    if (!best || m.score > best.m.score) best = { r, texts, m };
  }
  if (!best) return null;
  // The best row may be the lower of two stacked rows whose upper cells are merged down over it
  // ("TT", "Nội dung" spanning both rows, "Cơ quan" over "Chủ trì | Phối hợp").
  const prevRow = best.r - 1;
  if (prevRow >= 0 && merges.some((m) => m.top === prevRow && m.bottom >= best!.r)) {
    const upper = headerRowTexts(values, prevRow, width, merges);
    const lower = best.texts;
    const combined = upper.map((t, c) => {
      const b = lower[c];
      if (!b || b === t) return t;
      if (!t) return b;
      return `${t} ${b}`;
    });
    const m2 = mapRoles(combined);
    if (m2.score >= best.m.score) {
      return {
        row: prevRow,
        height: 2,
        columns: m2.columns,
        ambiguous: m2.ambiguous,
        texts: combined,
      };
    }
  }
  // Two stacked rows?
  const next = best.r + 1;
  if (next < values.length) {
    const below = headerRowTexts(values, next, width, merges);
    const belowRoles = below.map((t) => roleOfHeader(t));
    const refines =
      belowRoles.filter((r) => r !== null).length >= 1 &&
      below.every((t, c) => !t || belowRoles[c] !== null || t === best!.texts[c]);
    const firstCell = below.find((t) => t);
    const looksLikeData = firstCell !== undefined && /^\d/.test(firstCell);
    if (refines && !looksLikeData && belowRoles.some((r) => r !== null)) {
      const combined = best.texts.map((t, c) => {
        const b = below[c];
        if (!b || b === t) return t;
        return `${t} ${b}`.trim();
      });
      const m2 = mapRoles(combined);
      if (m2.score >= best.m.score) {
        return {
          row: best.r,
          height: 2,
          columns: m2.columns,
          ambiguous: m2.ambiguous,
          texts: combined,
        };
      }
    }
  }
  return {
    row: best.r,
    height: 1,
    columns: best.m.columns,
    ambiguous: best.m.ambiguous,
    texts: best.texts,
  };
}

/** The header's folded texts and roles, computed once per header (rows are compared to it one by one). */
const signatures = new WeakMap<
  HeaderInfo,
  { sig: string[]; roles: (Role | null)[]; named: number }
>();

function signatureOf(header: HeaderInfo): { sig: string[]; roles: (Role | null)[]; named: number } {
  let s = signatures.get(header);
  if (!s) {
    const sig = header.texts.map((t) => fold(t));
    s = { sig, roles: header.texts.map((t) => roleOfHeader(t)), named: sig.filter(Boolean).length };
    signatures.set(header, s);
  }
  return s;
}

/** Is this row a repeat of the header (at a page break)? Compares folded texts of the role columns. */
export function isRepeatedHeader(rowTexts: string[], header: HeaderInfo): boolean {
  const { sig, roles, named } = signatureOf(header);
  if (named < 2) return false;
  const needed = Math.max(2, Math.ceil(named * 0.6));
  let same = 0;
  let left = named;
  for (let c = 0; c < sig.length; c++) {
    if (!sig[c]) continue;
    left--;
    const text = rowTexts[c] ?? '';
    if (text) {
      const f = fold(text);
      if (f === sig[c]) same++;
      else if (
        f &&
        text.length <= MAX_HEADER_LEN &&
        roles[c] !== null &&
        roleOfFolded(f) === roles[c]
      )
        same++;
    }
    if (same >= needed) return true;
    if (same + left < needed) return false;
  }
  return false;
}

const COLUMN_NUMBER = /^(?:\((\d{1,2})\)|(\d{1,2}))$/;

/**
 * A row that numbers the table's columns, as many official forms print under the header ("1 | 2 |
 * 3 …" or "(1) | (2) | …", numbers growing with the column; a cell may be blank): part of the
 * header, not a task numbered 1 whose lead is "4" and deadline "6". At least three numbers, for at
 * least half of the header's named columns.
 */
export function isColumnNumbering(rowTexts: string[], header: HeaderInfo): boolean {
  let count = 0;
  let offset: number | null = null;
  for (let c = 0; c < rowTexts.length; c++) {
    const text = rowTexts[c];
    if (!text) continue;
    const m = COLUMN_NUMBER.exec(text.trim());
    if (!m) return false;
    const k = Number(m[1] ?? m[2]) - c;
    if (offset === null) offset = k;
    else if (k !== offset) return false;
    count++;
  }
  let named = 0;
  for (const t of header.texts) if (t) named++;
  return count >= 3 && count * 2 >= named;
}
