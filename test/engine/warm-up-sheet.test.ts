/**
 * The warm-up's sheets (src/engine/warm-up-sheet.ts): the made-up appendix, and slices of a sheet
 * the user opened (what the pane's worker checks while idle after a read, results thrown away).
 */
import { analyzeSheet } from '../../src/engine/analyze';
import type { SheetSnapshot } from '../../src/engine/types';
import { warmUpSheet, warmUpSlices } from '../../src/engine/warm-up-sheet';
import { generateSheet } from '../../src/tools/bench/bench-sheets';

describe('slices of a sheet', () => {
  const sheet = generateSheet(1000, 8, 4); // a title block of three rows, the header on row 4
  const HEAD = 4;

  test('each is the rows down to the header, then its own body rows; all of them, the whole body once', () => {
    const next = warmUpSlices(sheet, 150);
    const bodies: unknown[] = [];
    let n = 0;
    for (let slice = next(0); slice; slice = next(++n)) {
      expect(slice.values.slice(0, HEAD)).toEqual(sheet.values.slice(0, HEAD));
      expect(slice.numberFormats!.slice(0, HEAD)).toEqual(sheet.numberFormats!.slice(0, HEAD));
      expect(slice.values.length - HEAD).toBeLessThanOrEqual(150);
      expect(slice.numberFormats).toHaveLength(slice.values.length);
      bodies.push(...slice.values.slice(HEAD));
      // Read as an appendix: the header found where it is in the sheet.
      expect(analyzeSheet(slice, { asOf: '2026-06-15' }).headerRow).toBe(HEAD);
    }
    expect(n).toBe(Math.ceil((sheet.values.length - HEAD) / 150));
    expect(bodies).toEqual(sheet.values.slice(HEAD));
    expect(next(n + 5)).toBeNull();
  });

  test('merges wholly inside a slice move up with their rows; header merges stay; others are left out', () => {
    const merged: SheetSnapshot = {
      ...sheet,
      merges: [
        { top: 0, left: 1, bottom: 0, right: 4 }, // title
        { top: HEAD + 10, left: 2, bottom: HEAD + 12, right: 2 }, // inside slice 0
        { top: HEAD + 103, left: 3, bottom: HEAD + 104, right: 3 }, // inside slice 1
        { top: HEAD + 99, left: 4, bottom: HEAD + 100, right: 4 }, // across slices 0 and 1
      ],
    };
    const next = warmUpSlices(merged, 100);
    expect(next(0)!.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 4 },
      { top: HEAD + 10, left: 2, bottom: HEAD + 12, right: 2 },
    ]);
    expect(next(1)!.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 4 },
      { top: HEAD + 3, left: 3, bottom: HEAD + 4, right: 3 },
    ]);
  });

  test('a slice has the sheet’s fields, in its order; hidden rows move up with their rows', () => {
    const hidden: SheetSnapshot = {
      ...sheet,
      origin: { row: 2, col: 1 },
      hiddenRows: [1, HEAD + 5, HEAD + 150, HEAD + 170],
    };
    const next = warmUpSlices(hidden, 100);
    expect(Object.keys(next(0)!)).toEqual(Object.keys(hidden));
    expect(next(0)!.origin).toEqual({ row: 2, col: 1 });
    expect(next(0)!.hiddenRows).toEqual([1, HEAD + 5]);
    expect(next(1)!.hiddenRows).toEqual([1, HEAD + 50, HEAD + 70]);
  });

  test('a sheet without a header is sliced from its first row', () => {
    const plain: SheetSnapshot = { name: 'x', values: [['a'], ['b'], ['c'], ['d'], ['e']] };
    const next = warmUpSlices(plain, 2);
    expect([next(0)!.values, next(1)!.values, next(2)!.values, next(3)]).toEqual([
      [['a'], ['b']],
      [['c'], ['d']],
      [['e']],
      null,
    ]);
  });
});

test('the made-up appendix is a checked appendix with findings when varied', () => {
  const plain = analyzeSheet(warmUpSheet(400), { asOf: '2026-06-15' });
  const varied = analyzeSheet(warmUpSheet(400, 1, true), { asOf: '2026-06-15' });
  expect(plain.headerRow).toBe(1);
  expect(plain.tasks.length).toBeGreaterThan(300);
  expect(varied.findings.length).toBeGreaterThan(plain.findings.length);
});
