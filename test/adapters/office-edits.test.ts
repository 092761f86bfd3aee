/**
 * The Office host's applyEdits / undoEdits (src/adapters/office/edits.ts) against the Excel fake:
 * round trips counted, nothing outside the listed cells changes, formats stay, undo is exact, and
 * both refuse (writing nothing) when the sheet or the cells changed.
 */
import { createExcelFake, type SheetSeed } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { excelWrite } from '../../src/adapters/office/edits';
import { EditsChangedError, StaleSheetError, type EditBatch } from '../../src/host/types';

const S = 'Phụ lục 02';
const SEED: SheetSeed = {
  name: S,
  values: [
    ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
    ['1.', '<b>Xây dựng</b> kế hoạch', 'Sở Tài chính', '30/6'],
    ['2', 'Tổ chức hội nghị', null, 46203],
    ['3', 'Báo cáo', null, 'Quý IV'],
    ['Ghi chú', null, null, null],
  ],
  numberFormats: [
    ['General', 'General', 'General', 'General'],
    ['@', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'dd/mm/yyyy'],
    ['General', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'General'],
  ],
  bold: [
    [true, true, true, true],
    [false, false, false, false],
    [false, false, true, false],
    [false, false, false, false],
    [false, false, false, false],
  ],
  merges: [{ top: 4, left: 0, bottom: 4, right: 3 }],
  origin: { row: 2, col: 1 }, // the table starts at B3
};

// Cells on the sheet: TT column B, task C, lead D, deadline E; rows 3–7.
const BATCH: EditBatch = {
  sheet: S,
  edits: [
    { sheet: S, cell: 'B4', before: '1.', after: '1' },
    { sheet: S, cell: 'C4', before: '<b>Xây dựng</b> kế hoạch', after: 'Xây dựng kế hoạch' },
    { sheet: S, cell: 'E4', before: '30/6', after: '30/6/2026' },
    { sheet: S, cell: 'D5', before: null, after: '=Sở Tài chính' },
    { sheet: S, cell: 'D6', before: null, after: null },
  ],
  merges: ['D5:D6'],
};
const TOUCHED = ['B4', 'C4', 'E4', 'D5', 'D6'];

async function setup(apiVersion = '1.13') {
  const fake = createExcelFake({ apiVersion });
  fake.addSheet(SEED);
  fake.sheet(S)!.cells.get('3,2')!.fill = '#FFFF00'; // C4 has a fill of the user's
  const host = createOfficeHost(fake.Excel, fake.Office);
  const { fingerprint } = await host.readSheet(S);
  fake.resetSyncs();
  return { fake, host, fingerprint };
}

describe('Office host: applyEdits / undoEdits', () => {
  test('apply: 2 round trips, only the listed cells and merge change, formats stay, strings stay text', async () => {
    const { fake, host, fingerprint } = await setup();
    const before = fake.cells(S);
    const record = await host.applyEdits!(BATCH, fingerprint);
    expect(fake.syncs).toBe(2);
    const after = fake.cells(S);
    for (const addr of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (!TOUCHED.includes(addr)) expect([addr, after[addr]]).toEqual([addr, before[addr]]);
    expect(after.B4).toEqual({ v: '1', nf: '@' }); // text format kept, value written as is
    expect(after.C4).toEqual({ v: 'Xây dựng kế hoạch', fill: '#FFFF00' });
    expect(after.E4).toEqual({ v: '30/6/2026' }); // date-like text stays text
    expect(after.D5).toEqual({ v: '=Sở Tài chính', bold: true }); // not a formula; bold kept
    expect(after.D6).toBeUndefined();
    expect(fake.sheet(S)!.merges).toEqual([
      { r0: 6, c0: 1, r1: 6, c1: 4 },
      { r0: 4, c0: 3, r1: 5, c1: 3 },
    ]);
    expect(record).toEqual({
      sheet: S,
      cells: [
        { cell: 'B4', before: '1.', numberFormat: '@', after: '1' },
        {
          cell: 'C4',
          before: '<b>Xây dựng</b> kế hoạch',
          numberFormat: 'General',
          after: 'Xây dựng kế hoạch',
        },
        { cell: 'E4', before: '30/6', numberFormat: 'General', after: '30/6/2026' },
        { cell: 'D5', before: null, numberFormat: 'General', after: '=Sở Tài chính' },
        { cell: 'D6', before: null, numberFormat: 'General', after: null },
      ],
      merges: ['D5:D6'],
    });
  });

  test('undo: 2 round trips, every cell, format and merge exactly as before', async () => {
    const { fake, host, fingerprint } = await setup();
    const original = fake.cells(S);
    const merges = structuredClone(fake.sheet(S)!.merges);
    const record = await host.applyEdits!(BATCH, fingerprint);
    fake.resetSyncs();
    await host.undoEdits!(record);
    expect(fake.syncs).toBe(2);
    expect(fake.cells(S)).toEqual(original);
    expect(fake.sheet(S)!.merges).toEqual(merges);
    expect((await host.readSheet(S)).fingerprint).toBe(fingerprint);
  });

  test('apply refuses a stale sheet after 1 round trip, writing nothing', async () => {
    const { fake, host, fingerprint } = await setup();
    fake.setCell(S, 'E7', 'sửa tay');
    const before = fake.cells(S);
    await expect(host.applyEdits!(BATCH, fingerprint)).rejects.toBeInstanceOf(StaleSheetError);
    expect(fake.syncs).toBe(1);
    expect(fake.cells(S)).toEqual(before);
  });

  test('apply refuses when a cell does not hold its before value, or the merge is already there', async () => {
    const { fake, host, fingerprint } = await setup();
    const before = fake.cells(S);
    const wrong = { ...BATCH, edits: [{ sheet: S, cell: 'D4', before: 'Sở Nội vụ', after: 'x' }] };
    await expect(host.applyEdits!(wrong, fingerprint)).rejects.toEqual(
      expect.objectContaining({ name: 'EditsChangedError', cells: ['D4'] }),
    );
    await expect(
      host.applyEdits!({ sheet: S, edits: [], merges: ['C7:C8'] }, fingerprint),
    ).rejects.toBeInstanceOf(EditsChangedError);
    expect(fake.cells(S)).toEqual(before);
    expect(fake.sheet(S)!.merges).toHaveLength(1);
  });

  test('undo refuses (1 round trip, nothing written) when an edited cell changed since, or the merge was removed', async () => {
    const { fake, host, fingerprint } = await setup();
    const record = await host.applyEdits!(BATCH, fingerprint);
    fake.setCell(S, 'E4', '31/12/2026');
    const edited = fake.cells(S);
    fake.resetSyncs();
    await expect(host.undoEdits!(record)).rejects.toEqual(
      expect.objectContaining({ name: 'EditsChangedError', cells: ['E4'] }),
    );
    expect(fake.syncs).toBe(1);
    expect(fake.cells(S)).toEqual(edited);
    fake.setCell(S, 'E4', '30/6/2026');
    fake.sheet(S)!.merges.pop();
    await expect(host.undoEdits!(record)).rejects.toEqual(
      expect.objectContaining({ cells: ['D5'] }),
    );
  });

  test('without ExcelApi 1.13 (no merged-area reads) apply and undo still work, 2 round trips each', async () => {
    const { fake, host, fingerprint } = await setup('1.9');
    const original = fake.cells(S);
    const record = await host.applyEdits!(BATCH, fingerprint);
    expect(fake.syncs).toBe(2);
    fake.resetSyncs();
    await host.undoEdits!(record);
    expect(fake.syncs).toBe(2);
    expect(fake.cells(S)).toEqual(original);
  });

  test('excelWrite: strings Excel would coerce get the text format first, others (and text-formatted cells) keep theirs', () => {
    for (const s of ['=A1', '+84 912', '-', '30/6/2026', '2026', '1.5', '50%', 'TRUE'])
      expect(excelWrite(s, 'General')).toEqual({ value: s, numberFormat: '@' });
    for (const s of ['Sở Tài chính', 'Quý IV/2026', 'Thường xuyên', "'quoted"])
      expect(excelWrite(s, 'General')).toEqual({ value: s });
    expect(excelWrite('30/6/2026', '@')).toEqual({ value: '30/6/2026' });
    expect(excelWrite(46203)).toEqual({ value: 46203 });
    expect(excelWrite(null)).toEqual({ value: '' });
  });
});
