/** Date serials and date formats of the snapshot, without ExcelJS (read.ts and fast-read.ts share them). */
/** Excel serial number of 1899-12-30 (serial 0 in the 1900 date system), in ms since the epoch. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86400000;
/** Format given to a Date cell whose own format is not a date format. */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

/** A JS Date (ExcelJS gives dates as UTC) → Excel serial number, 1900 system. */
export function dateToSerial(date: Date): number {
  const days = (date.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
  // Remove floating noise from time parts (keep millisecond precision).
  return Math.round(days * MS_PER_DAY) / MS_PER_DAY;
}

/** True when a number format shows a date or time (d, m, y, h, s tokens outside quotes/brackets). */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  if (/^general$/i.test(format.trim())) return false;
  // Only the first section (positive numbers) matters for dates.
  const stripped = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  return /[dmyhs]/i.test(stripped) && !/^[#0.,%\s]*$/.test(stripped);
}
