/**
 * Dates as a workbook holds them, for every adapter: which number formats show a date, Excel
 * serials ⇄ instants, the ISO dates the user types, "today", and the due-soon window. Pure: no
 * clock (callers pass the instant), no host API.
 */
import { parseIso } from '../calendar';

/** What a number format shows: a calendar date (with or without a time), a time of day only, or neither. */
export type FormatKind = 'date' | 'time' | null;

/**
 * What an Excel number format shows. Day, month or year tokens (d, m, y, e, g; b1/b2 calendars
 * aside) outside quoted text, bracketed sections ([$-42A], [Red], [h]) and escaped characters make
 * a date; "m" next to h or s is minutes. Hours, minutes or seconds alone make a time.
 */
export function numberFormatKind(numberFormat: string | undefined | null): FormatKind {
  if (!numberFormat || numberFormat === 'General') return null;
  // A sheet has a handful of formats, asked about once per cell: each is read once.
  const known = formatKinds.get(numberFormat);
  if (known !== undefined) return known;
  const kind = readFormatKind(numberFormat);
  if (formatKinds.size < 1000) formatKinds.set(numberFormat, kind);
  return kind;
}

const formatKinds = new Map<string, FormatKind>();

function readFormatKind(numberFormat: string): FormatKind {
  let f = '';
  const s = numberFormat;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      const j = s.indexOf('"', i + 1);
      if (j < 0) break;
      i = j;
    } else if (ch === '[') {
      const j = s.indexOf(']', i + 1);
      if (j < 0) break;
      // Elapsed-time sections ([h], [mm], [ss]) are times; the others (locale, colour) are not.
      if (/^\[(h+|m+|s+)\]$/i.test(s.slice(i, j + 1))) f += 'h';
      i = j;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++; // escaped / padding / fill character
    } else {
      f += ch.toLowerCase();
    }
  }
  f = f.replace(/general/g, '').replace(/e[+-]/g, '');
  if (/[dyeg]/.test(f)) return 'date';
  // "m" alone is a month ("mmm", "mmmm yyyy"); next to h or s it is minutes.
  if (/[hs]/.test(f)) return 'time';
  if (/m/.test(f)) return 'date';
  return null;
}

/** True when an Excel number format shows a calendar date ("dd/mm/yyyy", "mmmm yyyy"); a time of day alone is not one. */
export function isDateFormat(numberFormat: string | undefined | null): boolean {
  return numberFormatKind(numberFormat) === 'date';
}

/** Instant of serial 0 in the 1900 date system (1899-12-30 UTC), in ms since the Unix epoch. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86400000;

/**
 * An instant (ms since the Unix epoch, read as UTC, as ExcelJS gives dates) → Excel serial, 1900
 * system, time of day as the fraction (millisecond precision).
 */
export function msToSerial(ms: number): number {
  const days = (ms - EXCEL_EPOCH_MS) / MS_PER_DAY;
  return Math.round(days * MS_PER_DAY) / MS_PER_DAY;
}

/** Excel serial → the instant ExcelJS writes for it (ms since the Unix epoch, UTC), rounded to the millisecond. */
export function serialToMs(serial: number): number {
  return EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY);
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseIso(text) !== null;
}

/** The local calendar date of an instant, YYYY-MM-DD (the caller passes the instant: the engine has no clock). */
export function todayIso(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Days before its due date that make a task "due soon", when the user names none. */
export const DUE_SOON_DEFAULT_DAYS = 15;
/** The most due-soon days accepted (a leap year). */
export const DUE_SOON_MAX_DAYS = 366;

/** A due-soon window the add-in and the command line accept: a whole number of days, 0 to DUE_SOON_MAX_DAYS. */
export function isDueSoonDays(days: number): boolean {
  return Number.isInteger(days) && days >= 0 && days <= DUE_SOON_MAX_DAYS;
}
