/**
 * The workbook layer every adapter shares (Office.js, ExcelJS for files, the standalone page):
 * Excel's own conventions, written once. Pure, like the rest of the engine.
 */
export {
  freeSheetName,
  freeTableName,
  lowerNames,
  normalizeColumn,
  columnIndex,
  columnLetter,
  MAX_SHEET_NAME,
} from './names';
export {
  numberFormatKind,
  isDateFormat,
  msToSerial,
  serialToMs,
  isIsoDate,
  todayIso,
  isDueSoonDays,
  DUE_SOON_DEFAULT_DAYS,
  DUE_SOON_MAX_DAYS,
  type FormatKind,
} from './dates';
export { fingerprintSnapshot, fingerprintSteps, fingerprintValues, Fnv64 } from './fingerprint';
export {
  ownMarkerName,
  ownKindOfName,
  isOwnMarkerName,
  OWN_NAME_PREFIX,
  OWN_SHEETS,
  OWN_MARKER,
  type OwnSheetKind,
} from '../tables';
