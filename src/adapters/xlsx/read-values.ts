/** Date serials and date formats of the snapshot, without ExcelJS (read.ts and fast-read.ts share them). */
// The dates module itself, not the workbook index (which loads the tables and the messages).
import { msToSerial, numberFormatKind } from '../../engine/workbook/dates';

/** Format given to a Date cell whose own format shows neither a date nor a time. */
export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

/** A JS Date (ExcelJS gives dates as UTC) → Excel serial number, 1900 system. */
export function dateToSerial(date: Date): number {
  return msToSerial(date.getTime());
}

/** The format a date cell keeps in the snapshot: its own when it shows a date or a time, else dd/mm/yyyy. */
export function dateCellFormat(numFmt: string): string {
  return numberFormatKind(numFmt) === null ? DEFAULT_DATE_FORMAT : numFmt;
}
