/**
 * What the Office adapter sends to Excel for a value, and how big a request or response is.
 *
 * Excel coerces what is written through `Range.values` as if it were typed: a text starting with "=",
 * "+" or "-" becomes a formula (Excel.Range `values`: "If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; office-js issue #3256),
 * and number-, date- or boolean-like text becomes a number, a date or a boolean (office-js #229) —
 * unless the cell's number format is text ("@"). Microsoft documents no quote prefix ("'") for
 * `values`, so the adapter never relies on one: text is kept as text by the "@" format, written before
 * the values in the same batch (own sheets), or — for a user's cell whose format must be kept — only
 * when the text would not be coerced (see cellWrite).
 *
 * Excel on the web refuses requests and responses over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded; "Resource limits and performance optimization for Office
 * Add-ins"). The adapter estimates sizes with jsonBytes and keeps each batch under PAYLOAD_BUDGET.
 */
import type { OutCell } from '../../engine/tables';
import { isoToSerial } from '../../engine/calendar';

/** Excel keeps at most 32,767 characters in a cell. */
export const MAX_CELL_TEXT = 32767;
/** Excel's text number format: what is written is kept as text. */
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Excel on the web's limit for one request and for one response (bytes). */
export const PAYLOAD_LIMIT = 5_000_000;
/** What the adapter lets one batch carry by its own estimate: the rest is margin for Office.js's framing. */
export const PAYLOAD_BUDGET = 3_500_000;
/**
 * Estimated bytes of one queued operation beyond its arguments: Office.js sends each call as an action
 * record with its object path; a typical operation here is two calls (getRange, then a property set).
 */
export const OP_BYTES = 500;

export type XlValue = string | number | boolean;

/**
 * A value's size as JSON, counted strictly: every non-ASCII character as a 6-byte \uXXXX escape
 * (Vietnamese text is mostly non-ASCII; in UTF-8 such a character takes 2 or 3 bytes).
 */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) extra += 5;
  return json.length + extra;
}

/** Text Excel would not keep as text in a cell that is not formatted "@" (a formula, number, date, time or boolean). */
export function wouldCoerce(text: string): boolean {
  const s = text.trim();
  if (/^[=+-]/.test(text)) return true;
  if (/\d/.test(s) && /^[+-]?[$€£¥₫]?\s*(\d[\d.,\s]*|[.,]\d+)(e[+-]?\d+)?\s*%?[$€£¥₫]?$/i.test(s))
    return true;
  if (
    /^(\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?|\d{1,2}:\d{2}(:\d{2})?)(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.test(
      s,
    )
  )
    return true;
  return /^(true|false)$/i.test(s);
}

/**
 * An OutCell as the value to send through `values`: text as it is (cut to 32,767 characters), a date as
 * its serial, a link as its text. Text arrives as text only in a cell formatted "@" (cellFormat gives
 * the format to set first); in any other cell use cellWrite.
 */
export function toExcelValue(cell: OutCell): XlValue {
  if (cell === null) return '';
  if (typeof cell === 'string')
    return cell.length > MAX_CELL_TEXT ? cell.slice(0, MAX_CELL_TEXT) : cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if ('date' in cell) return isoToSerial(cell.date);
  return toExcelValue(cell.text);
}

/** The number format a cell of the add-in's own sheets gets before its value: "@" for text, a date format for dates. */
export function cellFormat(cell: OutCell): string {
  if (cell === null || typeof cell === 'number' || typeof cell === 'boolean') return 'General';
  if (typeof cell === 'object' && 'date' in cell) return DATE_FORMAT;
  return TEXT_FORMAT;
}

/**
 * What to send to write `cell` into a cell whose number format is `currentFormat` (a user's cell, whose
 * format must be kept when possible). `numberFormat` is set only when the text would otherwise be
 * coerced: then the cell needs "@" before the value (the caller records the old format to undo it).
 */
export function cellWrite(
  cell: OutCell,
  currentFormat: string | null | undefined,
): { value: XlValue; numberFormat?: string } {
  const value = toExcelValue(cell);
  if (
    typeof value === 'string' &&
    value !== '' &&
    currentFormat !== TEXT_FORMAT &&
    wouldCoerce(value)
  ) {
    return { value, numberFormat: TEXT_FORMAT };
  }
  return { value };
}

/**
 * Split `rows` (their estimated sizes) into consecutive runs [start, end) of at most `budget` bytes
 * each; a single row above the budget gets a run of its own.
 */
export function chunkRows(sizes: number[], budget: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let sum = 0;
  sizes.forEach((size, i) => {
    if (i > start && sum + size > budget) {
      out.push([start, i]);
      start = i;
      sum = 0;
    }
    sum += size;
  });
  if (sizes.length > start) out.push([start, sizes.length]);
  return out;
}
