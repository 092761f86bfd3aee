/**
 * Calendar arithmetic on plain integers (proleptic Gregorian), ISO YYYY-MM-DD strings and Excel
 * serial numbers (1900 date system). Pure: no Date object, no clock.
 */

/** A calendar day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y`; 0 for a month out of range. */
export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) return 0;
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

/** True when y-m-d names a real day (years 1–9999). */
export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(d) &&
    y >= 1 &&
    y <= 9999 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** y, m, d → "YYYY-MM-DD" (no validation). */
export function toIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** "YYYY-MM-DD" → parts, or null when the text is not a valid ISO day. */
export function parseIso(iso: string): Ymd | null {
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (!isValidDate(y, m, d)) return null;
  return { y, m, d };
}

/** ISO date of the last day of month `m` (1–12) in year `y`. */
export function endOfMonth(y: number, m: number): string {
  return toIso(y, m, daysInMonth(y, m));
}

/** ISO date of the first day of month `m` in year `y`. */
export function startOfMonth(y: number, m: number): string {
  return toIso(y, m, 1);
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm; exact integer math). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Whole days from ISO date a to ISO date b (b − a); NaN when either is invalid. */
export function daysBetween(a: string, b: string): number {
  return isoDayNumber(b) - isoDayNumber(a);
}

/** Day numbers of recent ISO texts: every task of a sheet is measured from the same as-of date. */
const dayMemo = new Map<string, number>();

/** Days since 1970-01-01 of an ISO day; NaN when the text is not a valid ISO day. */
export function isoDayNumber(iso: string): number {
  let n = dayMemo.get(iso);
  if (n === undefined) {
    const p = parseIso(iso);
    n = p ? daysFromCivil(p.y, p.m, p.d) : NaN;
    if (typeof iso === 'string') {
      if (dayMemo.size >= 2000) dayMemo.clear();
      dayMemo.set(iso, n);
    }
  }
  return n;
}

/** ISO date plus n days; the input unchanged when it is not a valid ISO date. */
export function addDays(iso: string, n: number): string {
  const p = parseIso(iso);
  if (!p) return iso;
  const c = civilFromDays(daysFromCivil(p.y, p.m, p.d) + Math.trunc(n));
  return toIso(c.y, c.m, c.d);
}

/** The quarter an ISO date falls in (NaN year for an invalid date). */
export function quarterOf(iso: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const p = parseIso(iso);
  if (!p) {
    const y = Number(String(iso).slice(0, 4));
    const m = Number(String(iso).slice(5, 7));
    const q = m >= 1 && m <= 12 ? Math.ceil(m / 3) : 1;
    return { year: Number.isFinite(y) ? y : NaN, quarter: q as 1 | 2 | 3 | 4 };
  }
  return { year: p.y, quarter: Math.ceil(p.m / 3) as 1 | 2 | 3 | 4 };
}

/** First day of quarter q (1–4) of year y. */
export function startOfQuarter(y: number, q: number): string {
  return toIso(y, (q - 1) * 3 + 1, 1);
}

/** Last day of quarter q (1–4) of year y. */
export function endOfQuarter(y: number, q: number): string {
  return endOfMonth(y, q * 3);
}

// Excel 1900 date system. Serial 1 = 1900-01-01; serial 60 is Excel's fictitious 1900-02-29 (the
// Lotus 1-2-3 leap-year bug); from serial 61 (1900-03-01) on, serial = days since 1899-12-30.
const EPOCH_1899_12_30 = daysFromCivil(1899, 12, 30);
const EPOCH_1899_12_31 = daysFromCivil(1899, 12, 31);

/**
 * Excel serial (1900 system) → ISO date. The fraction (time of day) is dropped. Serial 60 gives
 * "1900-02-29", the day Excel shows although it never existed. Serials below 1 are not dates
 * (Excel shows 0 as 00/01/1900); they map to the days before 1900-01-01.
 */
export function serialToIso(serial: number): string {
  const s = Math.floor(serial);
  if (s === 60) return '1900-02-29';
  const days = s < 60 ? EPOCH_1899_12_31 + s : EPOCH_1899_12_30 + s;
  const c = civilFromDays(days);
  return toIso(c.y, c.m, c.d);
}

/** ISO date → Excel serial (1900 system); "1900-02-29" → 60; NaN for an invalid date. */
export function isoToSerial(iso: string): number {
  if (iso === '1900-02-29') return 60;
  const p = parseIso(iso);
  if (!p) return NaN;
  const days = daysFromCivil(p.y, p.m, p.d);
  const s = days - EPOCH_1899_12_30;
  return s < 61 ? days - EPOCH_1899_12_31 : s;
}

/** ISO → "dd/mm/yyyy" (the Vietnamese display form); the input unchanged if it is not ISO. */
export function isoToVn(iso: string): string {
  if (typeof iso !== 'string' || iso.length !== 10) return iso;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
