/**
 * The workbook layer every adapter shares (src/engine/workbook): the cases each adapter's own copy
 * used to handle, so that moving them to one place changed nothing but the named bugs.
 */
import {
  DUE_SOON_DEFAULT_DAYS,
  DUE_SOON_MAX_DAYS,
  freeSheetName,
  freeTableName,
  isDateFormat,
  isDueSoonDays,
  isIsoDate,
  lowerNames,
  msToSerial,
  normalizeColumn,
  numberFormatKind,
  serialToMs,
  todayIso,
} from '../../src/engine/workbook';
import { parseCheckArgs } from '../../src/cli/check';
import { isoToSerial } from '../../src/engine/calendar';

describe('number formats', () => {
  // What the engine's reader called a date (deadline.test.ts keeps the full list).
  it.each([
    'dd/mm/yyyy',
    'mmmm yyyy',
    'mmm',
    '"Năm" yyyy',
    '[$-F800]dddd, mmmm dd, yyyy',
    'dd/mm/yyyy hh:mm',
    'DD/MM/YYYY',
  ])('%s shows a date', (f) => {
    expect(numberFormatKind(f)).toBe('date');
    expect(isDateFormat(f)).toBe(true);
  });

  // What the .xlsx reader called a date: the same answers.
  it.each(['mm-dd-yy', 'd/m/yy h:mm', '[$-42A]dd/mm/yyyy', 'yyyy'])(
    '%s shows a date (the .xlsx reader’s cases)',
    (f) => {
      expect(isDateFormat(f)).toBe(true);
    },
  );
  it.each([
    'General',
    '0.00',
    '#,##0',
    '@',
    '"Ngày"0',
    '0%',
    '',
    '0.00E+00',
    '[Red]0.00',
    '#,##0 "ngày"',
  ])('%s shows neither a date nor a time', (f) => {
    expect(numberFormatKind(f)).toBeNull();
    expect(isDateFormat(f)).toBe(false);
  });

  // Where the two copies disagreed: the .xlsx reader took a time of day for a date, the engine did
  // not. A time alone is not a calendar date; the kind keeps "time" apart for the reader.
  it.each(['h:mm', '[h]:mm:ss', 'mm:ss', 'h:mm AM/PM', '[mm]:ss'])(
    '%s is a time of day, not a date',
    (f) => {
      expect(numberFormatKind(f)).toBe('time');
      expect(isDateFormat(f)).toBe(false);
    },
  );
  it('treats an absent format as neither', () => {
    expect(numberFormatKind(undefined)).toBeNull();
    expect(numberFormatKind(null)).toBeNull();
  });
});

describe('date serials', () => {
  it('converts instants to serials and back, as ExcelJS writes them', () => {
    const at = Date.UTC(2026, 3, 30);
    expect(msToSerial(at)).toBe(isoToSerial('2026-04-30'));
    expect(msToSerial(Date.UTC(2026, 3, 30, 12))).toBe(isoToSerial('2026-04-30') + 0.5);
    expect(serialToMs(46142)).toBe(at);
    expect(serialToMs(msToSerial(Date.UTC(2026, 0, 1, 8, 30, 15, 250)))).toBe(
      Date.UTC(2026, 0, 1, 8, 30, 15, 250),
    );
  });
});

describe('ISO dates and today', () => {
  it('accepts real calendar dates only', () => {
    for (const d of ['2026-01-01', '2028-02-29', '2026-12-31']) expect(isIsoDate(d)).toBe(true);
    for (const d of [
      '2026-02-30',
      '2026-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '26-01-01',
      '2026-01-01T00:00',
      '',
    ])
      expect(isIsoDate(d)).toBe(false);
  });

  it('the command line refuses 2026-02-30 as the pane does (it used to accept it)', () => {
    expect(() => parseCheckArgs(['a.xlsx', '--as-of', '2026-02-30'], '2026-05-20')).toThrow(
      expect.objectContaining({ messageId: 'cli.error.asOf' }),
    );
    expect(parseCheckArgs(['a.xlsx', '--as-of', '2028-02-29'], '2026-05-20').asOf).toBe(
      '2028-02-29',
    );
  });

  it('today is the local calendar date of the instant given', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(todayIso(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});

describe('the due-soon window', () => {
  it('has one default and one limit for the pane and the command line', () => {
    expect(DUE_SOON_DEFAULT_DAYS).toBe(15);
    expect(parseCheckArgs(['a.xlsx'], '2026-05-20').dueSoonDays).toBe(DUE_SOON_DEFAULT_DAYS);
    expect(isDueSoonDays(0)).toBe(true);
    expect(isDueSoonDays(DUE_SOON_MAX_DAYS)).toBe(true);
    expect(isDueSoonDays(DUE_SOON_MAX_DAYS + 1)).toBe(false);
    expect(isDueSoonDays(-1)).toBe(false);
    expect(isDueSoonDays(1.5)).toBe(false);
    // The command line took at most 365, the pane 366: both take 366 now.
    expect(parseCheckArgs(['a.xlsx', '--due-soon', '366'], '2026-05-20').dueSoonDays).toBe(366);
    expect(() => parseCheckArgs(['a.xlsx', '--due-soon', '367'], '2026-05-20')).toThrow(
      expect.objectContaining({
        messageId: 'cli.error.dueSoon',
        data: { value: '367', max: '366' },
      }),
    );
  });
});

describe('free names', () => {
  it('keeps a free sheet name, else numbers it as Excel names copies (case-insensitively)', () => {
    expect(freeSheetName('PC Tổng hợp', lowerNames(['Phụ lục']))).toBe('PC Tổng hợp');
    expect(freeSheetName('PC Tổng hợp', lowerNames(['PC TỔNG HỢP']))).toBe('PC Tổng hợp (2)');
    expect(freeSheetName('PC Tổng hợp', new Set(['pc tổng hợp', 'pc tổng hợp (2)']))).toBe(
      'PC Tổng hợp (3)',
    );
  });

  it('keeps a sheet name within 31 characters, suffix included, and without the characters Excel refuses', () => {
    const long = 'Phụ lục phân công nhiệm vụ năm 2026 của tỉnh';
    expect(freeSheetName(long, new Set())).toBe(long.slice(0, 31));
    const second = freeSheetName(long, lowerNames([long.slice(0, 31)]));
    expect(second).toHaveLength(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(freeSheetName('Kế hoạch 1/2026: [dự thảo]?', new Set())).toBe(
      'Kế hoạch 1 2026   dự thảo  ',
    );
  });

  it('numbers a taken table name with an underscore', () => {
    expect(freeTableName('PC_Tasks', new Set())).toBe('PC_Tasks');
    expect(freeTableName('PC_Tasks', lowerNames(['pc_TASKS', 'PC_Tasks_2']))).toBe('PC_Tasks_3');
  });

  it('reads a column as typed', () => {
    expect(normalizeColumn(' ab ')).toBe('AB');
    expect(normalizeColumn('XFD')).toBe('XFD');
    expect(normalizeColumn('XFE')).toBeNull();
    expect(normalizeColumn('A1')).toBeNull();
  });
});
