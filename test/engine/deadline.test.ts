import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import {
  parseDeadline,
  isDateFormat,
  serialToIso,
  isoToSerial,
  inferPlanYear,
  quarterOf,
  endOfMonth,
  daysInMonth,
  isLeapYear,
  addDays,
  daysBetween,
  parseIso,
} from '../../src/engine/deadline';
import type { Deadline } from '../../src/engine/types';

const P = { planYear: 2026 };

/** Shorthand: the fields that matter for a text, with a plan year of 2026. */
function d(text: string, opts: { planYear?: number | null; numberFormat?: string } = P): Deadline {
  return parseDeadline(text, opts);
}

describe('calendar helpers', () => {
  it('knows leap years and month lengths', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 13)).toBe(0);
  });

  it('gives the end of a month', () => {
    expect(endOfMonth(2026, 2)).toBe('2026-02-28');
    expect(endOfMonth(2028, 2)).toBe('2028-02-29');
    expect(endOfMonth(2026, 4)).toBe('2026-04-30');
    expect(endOfMonth(2026, 12)).toBe('2026-12-31');
    expect(endOfMonth(2026, 1)).toBe('2026-01-31');
  });

  it('gives the quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
  });

  it('adds and counts days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(parseIso('2026-02-30')).toBeNull();
    expect(parseIso('2026-2-3')).toBeNull();
  });
});

describe('Excel serials (1900 date system)', () => {
  it('maps the first serials, including the fictitious 29/02/1900', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(31)).toBe('1900-01-31');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBe('1900-02-29');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(367)).toBe('1901-01-01');
  });

  it('maps modern serials', () => {
    expect(serialToIso(36526)).toBe('2000-01-01');
    expect(serialToIso(45658)).toBe('2025-01-01');
    expect(serialToIso(46023)).toBe('2026-01-01');
    expect(serialToIso(46142)).toBe('2026-04-30');
    expect(serialToIso(46142.99)).toBe('2026-04-30'); // time of day dropped
    expect(serialToIso(46811)).toBe('2028-02-28');
    expect(serialToIso(46812)).toBe('2028-02-29');
    expect(serialToIso(73050)).toBe('2099-12-31');
    expect(serialToIso(2958465)).toBe('9999-12-31');
  });

  it('converts back', () => {
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-02-29')).toBe(60);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('2026-04-30')).toBe(46142);
    expect(isoToSerial('2026-02-30')).toBeNaN();
    expect(isoToSerial('garbage')).toBeNaN();
  });

  it('round-trips every serial from 1 to 80000', () => {
    for (let s = 1; s <= 80000; s++) {
      const iso = serialToIso(s);
      if (isoToSerial(iso) !== s) throw new Error(`serial ${s} → ${iso} → ${isoToSerial(iso)}`);
    }
  });

  it('is consecutive: each serial after 61 is the next calendar day', () => {
    for (let s = 61; s < 50000; s++) {
      if (addDays(serialToIso(s), 1) !== serialToIso(s + 1))
        throw new Error(`gap after serial ${s}`);
    }
  });
});

describe('isDateFormat', () => {
  it.each([
    'dd/mm/yyyy',
    'd/m/yyyy',
    'm/d/yy',
    'yyyy-mm-dd',
    'yyyy-mm-dd;@',
    '[$-42A]dd/mm/yyyy',
    '[$-F800]dddd, mmmm dd, yyyy',
    'd-mmm-yy',
    'mmmm yyyy',
    'mmm',
    '"Năm" yyyy',
    'dd/mm/yyyy hh:mm',
    'DD/MM/YYYY',
  ])('%s is a date format', (f) => {
    expect(isDateFormat(f)).toBe(true);
  });

  it.each([
    'General',
    'GENERAL',
    'General;General',
    '@',
    '0',
    '0.00',
    '#,##0',
    '#,##0 "ngày"',
    '0.00E+00',
    '[Red]0.00',
    '0%',
    'h:mm',
    '[h]:mm:ss',
    'mm:ss',
    'h:mm AM/PM',
    '',
  ])('%s is not a date format', (f) => {
    expect(isDateFormat(f)).toBe(false);
  });

  it('treats an absent format as not a date', () => {
    expect(isDateFormat(undefined)).toBe(false);
  });
});

describe('parseDeadline: cell values that are not text', () => {
  it('reads a number with a date format as a date serial', () => {
    expect(parseDeadline(46142, { numberFormat: 'dd/mm/yyyy' })).toEqual({
      text: '30/04/2026',
      due: '2026-04-30',
      kind: 'date',
      start: '2026-04-30',
    });
    expect(parseDeadline(46142.5, { numberFormat: 'dd/mm/yyyy hh:mm' }).due).toBe('2026-04-30');
    expect(parseDeadline(46812, { numberFormat: 'd/m/yyyy' }).text).toBe('29/02/2028');
  });

  it('follows the format even for small serials (the 1900 bug included)', () => {
    expect(parseDeadline(60, { numberFormat: 'dd/mm/yyyy' })).toMatchObject({
      text: '29/02/1900',
      due: '1900-02-29',
    });
    expect(parseDeadline(61, { numberFormat: 'dd/mm/yyyy' }).due).toBe('1900-03-01');
    expect(parseDeadline(2026, { numberFormat: 'dd/mm/yyyy' })).toMatchObject({
      kind: 'date',
      due: '1905-07-18',
    });
  });

  it('does not read serial 0, negatives or a pure time as a date', () => {
    expect(parseDeadline(0, { numberFormat: 'dd/mm/yyyy' }).kind).toBe('unknown');
    expect(parseDeadline(-5, { numberFormat: 'dd/mm/yyyy' }).kind).toBe('unknown');
    expect(parseDeadline(0.5, { numberFormat: 'h:mm' }).kind).toBe('unknown');
    expect(parseDeadline(Number.NaN).kind).toBe('unknown');
    expect(parseDeadline(Infinity, { numberFormat: 'dd/mm/yyyy' }).kind).toBe('unknown');
  });

  it('reads a plausible serial without a date format as a date', () => {
    expect(parseDeadline(46142)).toMatchObject({
      kind: 'date',
      due: '2026-04-30',
      text: '30/04/2026',
    });
    expect(parseDeadline(46142, { numberFormat: 'General' }).due).toBe('2026-04-30');
    expect(parseDeadline(36526).due).toBe('2000-01-01');
    expect(parseDeadline(73050).due).toBe('2099-12-31');
  });

  it('reads a bare year number as that year', () => {
    expect(parseDeadline(2026)).toEqual({
      text: '2026',
      due: '2026-12-31',
      kind: 'period',
      start: '2026-01-01',
    });
    expect(parseDeadline(2026, { numberFormat: 'General' }).due).toBe('2026-12-31');
    expect(parseDeadline(2030, { numberFormat: '0' }).due).toBe('2030-12-31');
  });

  it('leaves other numbers unknown', () => {
    expect(parseDeadline(12)).toEqual({ text: '12', due: null, kind: 'unknown' });
    expect(parseDeadline(3.5).kind).toBe('unknown');
    expect(parseDeadline(36525).kind).toBe('unknown');
    expect(parseDeadline(73051).kind).toBe('unknown');
    expect(parseDeadline(73051, { numberFormat: 'dd/mm/yyyy' }).due).toBe('2100-01-01');
    expect(parseDeadline(80000).kind).toBe('unknown');
  });

  it('reads empty cells as missing', () => {
    expect(parseDeadline(null)).toEqual({ text: '', due: null, kind: 'missing' });
    expect(parseDeadline('')).toEqual({ text: '', due: null, kind: 'missing' });
    expect(parseDeadline('   \n\t ')).toEqual({ text: '', due: null, kind: 'missing' });
    expect(parseDeadline('\u00a0')).toEqual({ text: '', due: null, kind: 'missing' });
    expect(parseDeadline('<b></b>').kind).toBe('missing');
  });

  it('reads a cell of punctuation only as missing', () => {
    for (const t of ['-', '–', '...', '…', '/', '()'])
      expect(parseDeadline(t).kind).toBe('missing');
  });

  it('reads errors and booleans as unknown', () => {
    expect(parseDeadline({ error: '#REF!' })).toEqual({
      text: '#REF!',
      due: null,
      kind: 'unknown',
    });
    expect(parseDeadline({ error: '#N/A' }).kind).toBe('unknown');
    expect(parseDeadline(true)).toEqual({ text: 'TRUE', due: null, kind: 'unknown' });
    expect(parseDeadline(false).kind).toBe('unknown');
  });
});

describe('parseDeadline: quarters', () => {
  it.each([
    ['Quý I/2026', '2026-01-01', '2026-03-31'],
    ['Quý II/2026', '2026-04-01', '2026-06-30'],
    ['Quý III/2026', '2026-07-01', '2026-09-30'],
    ['Quý IV/2026', '2026-10-01', '2026-12-31'],
    ['Quý IV/ 2026', '2026-10-01', '2026-12-31'],
    ['Quý IV /2026', '2026-10-01', '2026-12-31'],
    ['quý 1 năm 2026', '2026-01-01', '2026-03-31'],
    ['Quý 2/2026', '2026-04-01', '2026-06-30'],
    ['QUÝ III NĂM 2026', '2026-07-01', '2026-09-30'],
    ['quy iv/2026', '2026-10-01', '2026-12-31'],
    ['Quí II/2026', '2026-04-01', '2026-06-30'],
    ['Q3/2026', '2026-07-01', '2026-09-30'],
    ['Quý II - 2026', '2026-04-01', '2026-06-30'],
    ['Quý I/26', '2026-01-01', '2026-03-31'],
    ['Quý II/2027', '2027-04-01', '2027-06-30'],
    ['Hoàn thành trong Quý I/2026', '2026-01-01', '2026-03-31'],
    ['Hoàn thành trong Quý IV/2026', '2026-10-01', '2026-12-31'],
    ['Trong quý III/2026', '2026-07-01', '2026-09-30'],
    ['Trước Quý III/2026', '2026-07-01', '2026-09-30'],
    ['Cuối quý II/2026', '2026-04-01', '2026-06-30'],
    ['Quý II/2026.', '2026-04-01', '2026-06-30'],
    ['<b>Quý I/2026</b>', '2026-01-01', '2026-03-31'],
  ])('%s', (text, start, due) => {
    expect(d(text)).toMatchObject({ kind: 'period', start, due });
    expect(d(text).yearInferred).toBeUndefined();
  });

  it.each([
    ['Quý III – IV/2026', '2026-07-01', '2026-12-31'],
    ['Quý III - IV/2026', '2026-07-01', '2026-12-31'],
    ['Quý III—IV/2026', '2026-07-01', '2026-12-31'],
    ['Quý III ÷ IV/2026', '2026-07-01', '2026-12-31'],
    ['Quý II hoặc Quý III/2026', '2026-04-01', '2026-09-30'],
    ['Quý II hoặc III/2026', '2026-04-01', '2026-09-30'],
    ['Quý I, II/2026', '2026-01-01', '2026-06-30'],
    ['Quý I,II,III/2026', '2026-01-01', '2026-09-30'],
    ['Quý 1-2/2026', '2026-01-01', '2026-06-30'],
    ['Quý 1, 2/2026', '2026-01-01', '2026-06-30'],
    ['Quý 3 và quý 4 năm 2026', '2026-07-01', '2026-12-31'],
    ['Quý II và Quý III năm 2026', '2026-04-01', '2026-09-30'],
    ['Từ Quý II đến Quý IV/2026', '2026-04-01', '2026-12-31'],
  ])('%s is due at the end of the later quarter', (text, start, due) => {
    expect(d(text)).toMatchObject({ kind: 'period', start, due });
  });

  it('reads a reversed range as the same range', () => {
    expect(d('Quý IV – III/2026')).toMatchObject({
      kind: 'period',
      start: '2026-07-01',
      due: '2026-12-31',
    });
    expect(d('Quý III, I/2026')).toMatchObject({ start: '2026-01-01', due: '2026-09-30' });
  });

  it('spans years', () => {
    expect(d('Quý IV/2026 - Quý I/2027')).toMatchObject({
      kind: 'period',
      start: '2026-10-01',
      due: '2027-03-31',
      multiYear: true,
    });
  });

  it('rejects quarters that do not exist', () => {
    expect(d('Quý V/2026').kind).toBe('unknown');
    expect(d('Quý 5/2026').kind).toBe('unknown');
    expect(d('Quý 0/2026').kind).toBe('unknown');
  });
});

describe('parseDeadline: months and parts of the year', () => {
  it.each([
    ['Tháng 6/2026', '2026-06-01', '2026-06-30'],
    ['tháng 02 năm 2026', '2026-02-01', '2026-02-28'],
    ['Tháng 2/2028', '2028-02-01', '2028-02-29'],
    ['Tháng 12/2026', '2026-12-01', '2026-12-31'],
    ['THÁNG 10 / 2026', '2026-10-01', '2026-10-31'],
    ['Tháng IX/2026', '2026-09-01', '2026-09-30'],
    ['Trong tháng 3/2026', '2026-03-01', '2026-03-31'],
    ['06/2026', '2026-06-01', '2026-06-30'],
    ['1/2026', '2026-01-01', '2026-01-31'],
    ['Tháng 6-8/2026', '2026-06-01', '2026-08-31'],
    ['Tháng 6 – 8/2026', '2026-06-01', '2026-08-31'],
    ['Tháng 6, 7/2026', '2026-06-01', '2026-07-31'],
    ['Tháng 6, 7-8/2026', '2026-06-01', '2026-08-31'],
    ['Từ tháng 3 đến tháng 6/2026', '2026-03-01', '2026-06-30'],
    ['6 tháng đầu năm 2026', '2026-01-01', '2026-06-30'],
    ['6 tháng cuối năm 2026', '2026-07-01', '2026-12-31'],
    ['9 tháng đầu năm 2026', '2026-01-01', '2026-09-30'],
    ['3 tháng cuối năm 2026', '2026-10-01', '2026-12-31'],
    ['Nửa đầu năm 2026', '2026-01-01', '2026-06-30'],
    ['Nửa cuối năm 2026', '2026-07-01', '2026-12-31'],
    ['Đầu năm 2026', '2026-01-01', '2026-03-31'],
    ['Giữa năm 2026', '2026-04-01', '2026-09-30'],
    ['Cuối năm 2026', '2026-10-01', '2026-12-31'],
  ])('%s', (text, start, due) => {
    expect(d(text)).toMatchObject({ kind: 'period', start, due });
    expect(d(text).yearInferred).toBeUndefined();
  });

  it('uses the plan year for "6 tháng cuối năm" and "6 tháng đầu năm"', () => {
    expect(d('6 tháng cuối năm')).toMatchObject({
      due: '2026-12-31',
      start: '2026-07-01',
      yearInferred: true,
    });
    expect(d('6 tháng đầu năm')).toMatchObject({
      due: '2026-06-30',
      start: '2026-01-01',
      yearInferred: true,
    });
  });

  it('spans a year end', () => {
    expect(d('Tháng 12/2025 - Tháng 01/2026')).toMatchObject({
      start: '2025-12-01',
      due: '2026-01-31',
      multiYear: true,
    });
  });

  it('rejects months that do not exist', () => {
    expect(d('Tháng 13/2026').kind).toBe('unknown');
    expect(d('Tháng 0/2026').kind).toBe('unknown');
    expect(d('13/2026').kind).toBe('unknown');
  });
});

describe('parseDeadline: dates', () => {
  it.each([
    ['30/4/2026', '2026-04-30'],
    ['30/04/2026', '2026-04-30'],
    ['30-4-2026', '2026-04-30'],
    ['30.4.2026', '2026-04-30'],
    ['30 / 4 / 2026', '2026-04-30'],
    ['30/4/26', '2026-04-30'],
    ['01/01/2027', '2027-01-01'],
    ['ngày 30 tháng 4 năm 2026', '2026-04-30'],
    ['Ngày 30/4/2026', '2026-04-30'],
    ['30 tháng 4 năm 2026', '2026-04-30'],
    ['trước ngày 25/11/2026', '2026-11-25'],
    ['Trước 30/6/2026', '2026-06-30'],
    ['Chậm nhất ngày 15/12/2026', '2026-12-15'],
    ['Hoàn thành trước ngày 31/12/2026', '2026-12-31'],
    ['Đến ngày 30/6/2026', '2026-06-30'],
    ['29/2/2028', '2028-02-29'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2026', '2026-12-31'],
  ])('%s', (text, due) => {
    expect(d(text)).toMatchObject({ kind: 'date', due, start: due });
    expect(d(text).yearInferred).toBeUndefined();
  });

  it.each([
    '31/4/2026',
    '29/2/2027',
    '29/2/2026',
    '30/2/2028',
    '32/1/2026',
    '0/1/2026',
    '15/13/2026',
    'ngày 31 tháng 6 năm 2026',
  ])('%s is not a real day: unknown', (text) => {
    expect(d(text)).toEqual({ text, due: null, kind: 'unknown' });
  });

  it('reads a range of dates as a period', () => {
    expect(d('Từ 01/3/2026 đến 30/4/2026')).toMatchObject({
      kind: 'period',
      start: '2026-03-01',
      due: '2026-04-30',
    });
    expect(d('01/3 - 30/4/2026')).toMatchObject({
      kind: 'period',
      start: '2026-03-01',
      due: '2026-04-30',
    });
  });

  it('reads a year written apart from the date', () => {
    expect(d('30/4 - 2026')).toMatchObject({ kind: 'date', due: '2026-04-30' });
  });
});

describe('parseDeadline: years and multi-year periods', () => {
  it.each([
    ['Năm 2026', '2026-01-01', '2026-12-31'],
    ['Trong năm 2026', '2026-01-01', '2026-12-31'],
    ['trong năm 2026', '2026-01-01', '2026-12-31'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['Năm 2026.', '2026-01-01', '2026-12-31'],
    ['Cả năm 2026', '2026-01-01', '2026-12-31'],
    ['Thực hiện trong năm 2026', '2026-01-01', '2026-12-31'],
    ['đến hết năm 2026', '2026-01-01', '2026-12-31'],
    ['Năm 2027', '2027-01-01', '2027-12-31'],
  ])('%s', (text, start, due) => {
    const r = d(text);
    expect(r).toMatchObject({ kind: 'period', start, due });
    expect(r.multiYear).toBeUndefined();
    expect(r.yearInferred).toBeUndefined();
  });

  it.each([
    ['Giai đoạn 2026-2030', '2026-01-01', '2030-12-31'],
    ['Giai đoạn 2026 - 2030', '2026-01-01', '2030-12-31'],
    ['2026 - 2030', '2026-01-01', '2030-12-31'],
    ['2026 – 2030', '2026-01-01', '2030-12-31'],
    ['Năm 2026-2027', '2026-01-01', '2027-12-31'],
    ['Năm 2025 - 2026', '2025-01-01', '2026-12-31'],
    ['Từ năm 2026 đến năm 2030', '2026-01-01', '2030-12-31'],
    ['2030 - 2026', '2026-01-01', '2030-12-31'],
  ])('%s is multi-year', (text, start, due) => {
    expect(d(text)).toMatchObject({ kind: 'period', start, due, multiYear: true });
  });

  it('reads "đến năm 2030" as multi-year, from the plan year when it is known', () => {
    expect(d('đến năm 2030')).toMatchObject({
      kind: 'period',
      due: '2030-12-31',
      start: '2026-01-01',
      multiYear: true,
    });
    expect(d('Đến năm 2030', { planYear: null })).toMatchObject({
      due: '2030-12-31',
      start: null,
      multiYear: true,
    });
    expect(d('Tới năm 2030', {})).toMatchObject({ due: '2030-12-31', multiYear: true });
    const same = d('đến năm 2030', { planYear: 2030 });
    expect(same).toMatchObject({ due: '2030-12-31', start: '2030-01-01' });
    expect(same.multiYear).toBeUndefined();
  });

  it("reads a year next to another period as that period's year", () => {
    expect(d('Năm 2026, Quý II')).toMatchObject({ start: '2026-04-01', due: '2026-06-30' });
    expect(d('Quý II, năm 2026')).toMatchObject({ start: '2026-04-01', due: '2026-06-30' });
  });

  it('uses the plan year for "Trong năm"', () => {
    expect(d('Trong năm')).toMatchObject({ due: '2026-12-31', yearInferred: true });
  });
});

describe('parseDeadline: recurring', () => {
  it.each([
    'Thường xuyên',
    'thường xuyên',
    'THƯỜNG XUYÊN',
    'Thường xuyên.',
    'Hằng năm',
    'Hàng năm',
    'Hàng năm.',
    'hằng quý',
    'Hàng tháng',
    'Định kỳ',
    'Định kỳ theo yêu cầu',
    'Định kỳ hằng năm',
    'Thường xuyên, hằng năm',
    'Thường xuyên; hàng năm',
    'Liên tục',
    'Thường niên',
    'Mỗi năm',
    'Theo yêu cầu',
    'Khi có yêu cầu',
    'Theo chỉ đạo của UBND tỉnh',
    'Hàng năm và theo dự án',
    'Thường xuyên, báo cáo trước 15/12 hằng năm',
  ])('%s', (text) => {
    expect(d(text)).toMatchObject({ text, kind: 'recurring', due: null, start: null });
  });

  it.each([
    ['Năm 2026 và các năm tiếp theo', '2026-01-01'],
    ['năm 2026 và những năm tiếp theo', '2026-01-01'],
    ['đến năm 2030 và các năm tiếp theo', '2026-01-01'],
    ['Thường xuyên Năm 2026', '2026-01-01'],
    ['Thường xuyên – Năm 2026', '2026-01-01'],
    ['Quý I/2026 và hằng năm', '2026-01-01'],
    ['Từ năm 2026 trở đi', '2026-01-01'],
    ['Từ Quý III/2026 và các năm tiếp theo', '2026-07-01'],
  ])('%s is recurring from the period named', (text, start) => {
    expect(d(text)).toMatchObject({ kind: 'recurring', due: null, start });
  });

  it('does not need a plan year', () => {
    expect(d('Thường xuyên', {})).toMatchObject({ kind: 'recurring', due: null });
  });

  it('keeps a bracket as a remark', () => {
    expect(d('Hằng năm (trước 15/12)')).toMatchObject({ kind: 'recurring', remark: 'trước 15/12' });
  });

  it('does not take a recurring phrase inside prose for a deadline', () => {
    expect(d('Đánh giá kết quả hợp tác và định hướng chiến lược cho các năm tiếp theo.').kind).toBe(
      'unknown',
    );
    expect(
      d('Phục dựng và duy trì hoạt động lễ hội đặc sắc hằng năm tại các điểm du lịch').kind,
    ).toBe('unknown');
  });
});

describe('parseDeadline: no year named', () => {
  it('uses the plan year and says so', () => {
    expect(d('Quý II')).toEqual({
      text: 'Quý II',
      due: '2026-06-30',
      kind: 'period',
      start: '2026-04-01',
      yearInferred: true,
    });
    expect(d('Tháng 10')).toMatchObject({ due: '2026-10-31', yearInferred: true });
    expect(d('30/4')).toMatchObject({ kind: 'date', due: '2026-04-30', yearInferred: true });
    expect(d('ngày 30/4')).toMatchObject({ kind: 'date', due: '2026-04-30', yearInferred: true });
    expect(d('Quý III – IV')).toMatchObject({
      due: '2026-12-31',
      start: '2026-07-01',
      yearInferred: true,
    });
    expect(d('Quý II', { planYear: 2025 })).toMatchObject({
      due: '2025-06-30',
      yearInferred: true,
    });
  });

  it('checks the day against the plan year', () => {
    expect(d('29/2', { planYear: 2028 })).toMatchObject({ due: '2028-02-29', yearInferred: true });
    expect(d('29/2', { planYear: 2026 }).kind).toBe('unknown');
  });

  it('is unknown without a plan year', () => {
    for (const t of ['Quý II', 'Tháng 10', '30/4', 'Trong năm', '6 tháng cuối năm']) {
      expect(d(t, {})).toEqual({ text: t, due: null, kind: 'unknown' });
      expect(d(t, { planYear: null })).toEqual({ text: t, due: null, kind: 'unknown' });
    }
  });

  it('takes the year written later in the same text', () => {
    const r = d('Quý I, II/2026', {});
    expect(r).toMatchObject({ due: '2026-06-30', start: '2026-01-01' });
    expect(r.yearInferred).toBeUndefined();
  });
});

describe('parseDeadline: brackets', () => {
  it('refines a period by a date inside it', () => {
    expect(d('Quý II/2026 ( vào dịp 30/4)')).toEqual({
      text: 'Quý II/2026 ( vào dịp 30/4)',
      due: '2026-04-30',
      kind: 'date',
      start: '2026-04-01',
    });
  });

  it('refines a period by a month inside it', () => {
    expect(d('Quý III/2026 (tháng 9/2026)')).toEqual({
      text: 'Quý III/2026 (tháng 9/2026)',
      due: '2026-09-30',
      kind: 'period',
      start: '2026-07-01',
    });
    expect(d('Năm 2026 (Quý II)')).toMatchObject({ due: '2026-06-30', kind: 'period' });
  });

  it('reports a refining part outside the period as a conflict and keeps the period', () => {
    expect(d('Quý III/2026 (tháng 10/2026)')).toEqual({
      text: 'Quý III/2026 (tháng 10/2026)',
      due: '2026-09-30',
      kind: 'period',
      start: '2026-07-01',
      conflict: 'tháng 10/2026',
    });
    expect(d('Quý I/2026 (tháng 10/2026)')).toMatchObject({
      due: '2026-03-31',
      conflict: 'tháng 10/2026',
    });
    expect(d('Quý II năm 2026 (vào dịp 2/9)')).toMatchObject({
      due: '2026-06-30',
      conflict: 'vào dịp 2/9',
    });
    expect(d('Quý II/2026 (tháng 5 - 7/2026)')).toMatchObject({
      due: '2026-06-30',
      conflict: 'tháng 5 - 7/2026',
    });
  });

  it('keeps other brackets as remarks', () => {
    expect(d('Năm 2026 (theo chương trình HT)')).toEqual({
      text: 'Năm 2026 (theo chương trình HT)',
      due: '2026-12-31',
      kind: 'period',
      start: '2026-01-01',
      remark: 'theo chương trình HT',
    });
    expect(d('Quý I/2026 (tích hợp Quy hoạch tỉnh)')).toMatchObject({
      due: '2026-03-31',
      remark: 'tích hợp Quy hoạch tỉnh',
    });
    expect(d('Năm 2026 (theo KH các tỉnh TBMR)').remark).toBe('theo KH các tỉnh TBMR');
    // A bracket that contains the period adds nothing.
    expect(d('Quý II/2026 (năm 2026)')).toMatchObject({ due: '2026-06-30', remark: 'năm 2026' });
    expect(d('Giai đoạn 2026 - 2030 (ưu tiên năm 2026)')).toMatchObject({
      due: '2030-12-31',
      multiYear: true,
      remark: 'ưu tiên năm 2026',
    });
  });

  it('handles several brackets', () => {
    expect(d('Quý II/2026 (30/4) (trình HĐND)')).toMatchObject({
      due: '2026-04-30',
      kind: 'date',
      remark: 'trình HĐND',
    });
    expect(d('Quý II/2026 (tháng 10/2026) (tháng 11/2026)').conflict).toBe(
      'tháng 10/2026; tháng 11/2026',
    );
  });

  it('reads a cell that is only a bracket', () => {
    expect(d('(Quý II/2026)')).toMatchObject({ kind: 'period', due: '2026-06-30' });
    expect(d('(vào dịp 30/4)')).toMatchObject({
      kind: 'date',
      due: '2026-04-30',
      yearInferred: true,
    });
  });

  it('survives unbalanced brackets', () => {
    expect(d('Quý II/2026 (vào dịp 30/4')).toMatchObject({ due: '2026-04-30' });
    expect(d('Quý II/2026) ')).toMatchObject({ due: '2026-06-30' });
  });

  it('uses the bracket year from the main period, not the plan year', () => {
    expect(d('Quý II/2027 (30/4)', { planYear: 2026 })).toMatchObject({ due: '2027-04-30' });
    expect(d('Quý II/2027 (30/4)').yearInferred).toBeUndefined();
  });
});

describe('parseDeadline: text that is no deadline', () => {
  it.each([
    'Theo kế hoạch',
    'Theo tiến độ dự án',
    'Hoàn thành',
    'Thời gian thực hiện',
    'Sở VHTTDL',
    'Sở VHTTDL, các sở, ngành, địa phương liên quan',
    'Hiệp hội du lịch tỉnh, Các sở, ngành, địa phương có liên quan',
    'Nghiên cứu triển khai xây dựng giai đoạn 2026 - 2030',
    'Hoàn thành tư liệu hóa kiến trúc – văn hóa tại Sa Pa (2026), Bắc Hà (2027), Y Tý (2028).',
    'Trình Ban Thường vụ Tỉnh ủy xem xét phê duyệt Quy hoạch tích hợp du lịch trong năm 2026.',
    'Ban hành 01 Nghị quyết/Quyết định về cơ chế GPMB cho các dự án du lịch được ưu tiên.',
    'Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh',
    'x',
    '12345',
    'Quý',
    'Tháng',
    'ngày 30',
    '#',
  ])('%s', (text) => {
    expect(d(text)).toEqual({ text, due: null, kind: 'unknown' });
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [
      '((((',
      '))))',
      '[[[]]',
      '1/'.repeat(400),
      'Quý I, '.repeat(60) + '/2026',
      'a'.repeat(10000),
      '\u0000\uffff\ud800',
      'Quý\u0301 I/2026',
      '😀 Quý I/2026',
      undefined,
      {},
      [],
    ];
    for (const v of odd) expect(() => parseDeadline(v as never, P)).not.toThrow();
    expect(parseDeadline('a'.repeat(10000)).kind).toBe('unknown');
  });

  it('reads decomposed Vietnamese (NFD) like composed', () => {
    const nfd = 'Quý IV/2026'.normalize('NFD');
    expect(d(nfd).due).toBe('2026-12-31');
    expect(d('Thường xuyên'.normalize('NFD')).kind).toBe('recurring');
  });
});

describe('parseDeadline: prose after a deadline', () => {
  it('keeps the deadline and the rest as a remark', () => {
    expect(d('Quý I/2026, trình UBND tỉnh')).toMatchObject({
      kind: 'period',
      due: '2026-03-31',
      remark: 'trình UBND tỉnh',
    });
    expect(d('Năm 2026 - Hoàn thành dự thảo')).toMatchObject({
      due: '2026-12-31',
      remark: 'Hoàn thành dự thảo',
    });
  });

  it('does not read prose before a deadline', () => {
    expect(d('Trình UBND tỉnh trong Quý I/2026').kind).toBe('unknown');
  });
});

describe('parseDeadline: text and purity', () => {
  it('gives the squashed visible text', () => {
    expect(d('  Quý   I/2026\n').text).toBe('Quý I/2026');
    expect(d('<b>Quý I/2026</b>').text).toBe('Quý I/2026');
  });

  it('is deterministic, and its results are frozen values no caller can change for the next', () => {
    const a = d('Quý III/2026 (tháng 10/2026)');
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      a.due = 'changed';
    }).toThrow(TypeError);
    const b = d('Quý III/2026 (tháng 10/2026)');
    expect(b.due).toBe('2026-09-30');
    expect(b.conflict).toBe('tháng 10/2026');
    expect(b).toEqual(a);
  });

  it('depends on the plan year it is given', () => {
    expect(d('Quý II', { planYear: 2026 }).due).toBe('2026-06-30');
    expect(d('Quý II', { planYear: 2027 }).due).toBe('2027-06-30');
    expect(d('Quý II', {}).kind).toBe('unknown');
  });

  // No pathological pattern: 100,000 readings finish (jest's test timeout is the bound; the time
  // itself is a benchmark figure, `npm run bench`), and they read.
  it('reads 50,000 distinct cells and 50,000 repeated ones', () => {
    const texts = [
      'Quý I/2026',
      'Trong năm 2026',
      'Thường xuyên',
      'Quý III – IV/2026',
      'Sở VHTTDL, Sở Tài chính, Ngân hàng Nhà nước Chi nhánh khu vực 4, các sở, ngành, địa phương',
      'Quý II/2026 ( vào dịp 30/4)',
      'Hoàn thành tư liệu hóa kiến trúc – văn hóa tại Sa Pa (2026), Bắc Hà (2027), Y Tý (2028).',
    ];
    let dated = 0;
    for (let i = 0; i < 50000; i++) {
      // Distinct texts, so that the small result cache does not hide the parser's cost.
      const r = parseDeadline(
        `${texts[i % texts.length]} ${i % 2 === 0 ? '' : '.'}${' '.repeat(i % 13)}x${i}`,
        P,
      );
      if (r.due) dated++;
    }
    expect(dated).toBeGreaterThan(0);
    // Repeated texts (served from the cache) read as each text reads alone.
    const alone = texts.map((t) => (parseDeadline(t, P).due ? 1 : 0));
    let repeated = 0;
    let expected = 0;
    for (let i = 0; i < 50000; i++) {
      if (parseDeadline(texts[i % texts.length], P).due) repeated++;
      expected += alone[i % texts.length];
    }
    expect(repeated).toBe(expected);
    expect(expected).toBeGreaterThan(25000);
  });
});

describe('inferPlanYear', () => {
  it('takes the year most deadlines name', () => {
    expect(
      inferPlanYear(['Quý I/2026', 'Năm 2026', 'Quý I/2027', 'Thường xuyên'], 'Kế hoạch năm 2025'),
    ).toBe(2026);
  });

  it('counts a year once per text', () => {
    expect(
      inferPlanYear([
        'Giai đoạn 2030-2030',
        'Năm 2030 (2030)',
        'Quý I/2026',
        'Quý II/2026',
        'Quý III/2026',
      ]),
    ).toBe(2026);
  });

  it('breaks a tie by the title year, else the later year', () => {
    expect(inferPlanYear(['Quý I/2025', 'Quý I/2026'], 'Kế hoạch năm 2025')).toBe(2025);
    expect(inferPlanYear(['Quý I/2025', 'Quý I/2026'], 'Kế hoạch')).toBe(2026);
    expect(inferPlanYear(['Quý I/2025', 'Quý I/2026'])).toBe(2026);
  });

  it('falls back on the title', () => {
    expect(
      inferPlanYear(
        ['Thường xuyên', 'Quý II'],
        'Kế hoạch triển khai Đề án Phát triển du lịch tỉnh Lào Cai năm 2026',
      ),
    ).toBe(2026);
    expect(inferPlanYear([], 'Kế hoạch số 30/2025/KH-UBND thực hiện năm 2026')).toBe(2026);
    expect(inferPlanYear([], 'Kế hoạch giai đoạn 2026 - 2030')).toBe(2026);
  });

  it('is null when nothing names a year', () => {
    expect(inferPlanYear([])).toBeNull();
    expect(inferPlanYear(['Thường xuyên', 'Quý II'])).toBeNull();
    expect(inferPlanYear(['Thường xuyên'], 'Kế hoạch phát triển du lịch')).toBeNull();
  });

  it('ignores numbers that are no plausible year', () => {
    expect(inferPlanYear(['46142', '1234', '3000', 'Quý I/2026', '12/2026'])).toBe(2026);
    expect(inferPlanYear(['1989', '2101'])).toBeNull();
  });
});

describe('the seed documents', () => {
  const dir = join(__dirname, '..', 'fixtures', 'seeds');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const table = readFileSync(
    join(
      dir,
      files.find((f) => f.startsWith('002'))!,
    ),
    'utf8',
  );
  const cells = table
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 7)
    .map((c) => c[6]);

  it('infers 2026 for the 002 table', () => {
    expect(
      inferPlanYear(cells, 'Kế hoạch triển khai Đề án Phát triển du lịch tỉnh Lào Cai năm 2026'),
    ).toBe(2026);
  });

  it('reads every deadline cell of the 002 table without an unknown among the real deadlines', () => {
    const counts: Record<string, number> = {};
    for (const c of cells) {
      const r = parseDeadline(c, { planYear: 2026 });
      counts[r.kind] = (counts[r.kind] ?? 0) + 1;
      if (/^(Quý|Tháng|Năm|Trong năm|Hoàn thành trong)/.test(r.text)) {
        expect(['period', 'date', 'recurring']).toContain(r.kind);
      }
      if (/^Thường xuyên/.test(r.text)) expect(r.kind).toBe('recurring');
      if (r.due) expect(r.due.startsWith('2026')).toBe(true);
    }
    expect(counts.period).toBeGreaterThan(60);
    expect(counts.recurring).toBeGreaterThan(5);
    // The shifted cells (agency lists, the repeated header) stay unknown.
    expect(counts.unknown).toBeGreaterThan(20);
  });

  it('reads the "Thời gian thực hiện:" lines of the prose plans', () => {
    for (const f of files.filter((x) => /^00[03]/.test(x))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/Thời gian thực hiện:\s*([^\n]*)/g)) {
        const r = parseDeadline(m[1], { planYear: 2026 });
        expect(['recurring', 'period', 'date']).toContain(r.kind);
      }
    }
  });
});
