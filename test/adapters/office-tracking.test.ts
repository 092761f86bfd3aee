/**
 * "Thêm cột theo dõi" through the Office adapter against the Excel fake: round trips counted, user
 * cells untouched, header look copied, merges down a two-row header, validation with Vietnamese
 * messages (ExcelApi 1.8; skipped below it), refusal on a changed sheet or a busy target cell.
 */
import { createExcelFake, type SheetSeed } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { analyzeSheet } from '../../src/engine/analyze';
import {
  planTrackingColumns,
  TRACKING_STATUSES,
  type TrackingPlan,
} from '../../src/engine/tracking-columns';
import { StaleSheetError, TrackingCellsBusyError } from '../../src/host/types';
import type { SheetSnapshot } from '../../src/engine/types';

const SHEET = 'Phụ lục';
const SEED: SheetSeed & SheetSnapshot = {
  name: SHEET,
  values: [
    ['KẾ HOẠCH 2026', null, null, null, null],
    ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
    ['1', 'Xây dựng kế hoạch', 'Sở Tài chính', 'Sở Nội vụ', 'Quý I/2026'],
    ['2', 'Tổ chức hội nghị', 'Sở Nội vụ', null, 'Tháng 6/2026'],
    ['3', 'Báo cáo', 'Sở Tài chính', null, 'Năm 2026'],
  ],
  bold: [
    [true, false, false, false, false],
    [true, true, true, true, true],
    [false, false, false, false, false],
    [false, false, false, false, false],
    [false, false, false, false, false],
  ],
  origin: { row: 1, col: 1 },
};

async function setup(apiVersion = '1.13') {
  const fake = createExcelFake({ apiVersion });
  fake.addSheet(SEED);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const { snapshot, fingerprint } = await host.readSheet(SHEET);
  const res = planTrackingColumns(snapshot, analyzeSheet(snapshot, { asOf: '2026-03-01' }));
  if (!res.ok) throw new Error(res.message);
  return { fake, host, plan: res.plan as TrackingPlan, fingerprint };
}

describe('Office adapter: addTrackingColumns', () => {
  it('writes the headers in the header look, number format and validation, in 2 round trips', async () => {
    const { fake, host, plan, fingerprint } = await setup();
    expect(plan.range).toBe('G3:I6');
    const before = fake.cells(SHEET);
    fake.resetSyncs();
    const undo = await host.addTrackingColumns!(plan, fingerprint);
    expect(fake.syncs).toBe(2);
    const after = fake.cells(SHEET);
    for (const [a, cell] of Object.entries(before)) expect(after[a]).toEqual(cell);
    expect([after.G3?.v, after.H3?.v, after.I3?.v]).toEqual([
      'Tình trạng',
      'Ngày hoàn thành',
      'Kết quả / minh chứng',
    ]);
    expect(after.G3.bold).toBe(true);
    expect(after.H4.nf).toBe('dd/mm/yyyy');
    expect(after.H6.nf).toBe('dd/mm/yyyy');
    const sheet = fake.sheet(SHEET)!;
    const list = sheet.validations.find((v) => v.rule.list);
    expect(list).toMatchObject({
      area: { r0: 3, r1: 5, c0: 6, c1: 6 },
      rule: { list: { source: TRACKING_STATUSES.join(',') } },
    });
    expect(list!.errorAlert).toMatchObject({ title: 'Tình trạng không hợp lệ', style: 'Stop' });
    const date = sheet.validations.find((v) => v.rule.date);
    expect(date).toMatchObject({
      area: { r0: 3, r1: 5, c0: 7, c1: 7 },
      rule: { date: { operator: 'Between' } },
    });
    expect(undo.cells.map((c) => c.cell)).toEqual(['G3', 'H3', 'I3']);
    // The engine now reads the new columns.
    const again = await host.readSheet(SHEET);
    expect(analyzeSheet(again.snapshot, { asOf: '2026-03-01' }).columns).toMatchObject({
      status: 'G',
      'done-date': 'H',
    });
  });

  it('below ExcelApi 1.8: columns without validation, still 2 round trips', async () => {
    const { fake, host, plan, fingerprint } = await setup('1.7');
    fake.resetSyncs();
    await host.addTrackingColumns!(plan, fingerprint);
    expect(fake.syncs).toBe(2);
    expect(fake.sheet(SHEET)!.validations).toEqual([]);
    expect(fake.cells(SHEET).G3?.v).toBe('Tình trạng');
  });

  it('refuses a changed sheet and a busy target cell, writing nothing', async () => {
    const a = await setup();
    a.fake.setCell(SHEET, 'C4', 'Sửa tên');
    await expect(a.host.addTrackingColumns!(a.plan, a.fingerprint)).rejects.toBeInstanceOf(
      StaleSheetError,
    );
    expect(a.fake.cells(SHEET).G3).toBeUndefined();

    const b = await setup();
    // A cell to the right filled after the check, outside the used range the fingerprint covers.
    b.fake.setCell(SHEET, 'H5', 'ghi chú');
    const before = b.fake.cells(SHEET);
    const err = await b.host.addTrackingColumns!(b.plan, b.fingerprint).catch((e) => e);
    expect(err instanceof StaleSheetError || err instanceof TrackingCellsBusyError).toBe(true);
    expect(b.fake.cells(SHEET)).toEqual(before);
  });
});

describe('standalone host: addTrackingColumns', () => {
  it('the same writer as phancong track, refused on a stale sheet', async () => {
    const fs = await import('fs');
    const { StandaloneHost } = await import('../../src/adapters/standalone');
    const host = await StandaloneHost.open(
      fs.readFileSync('test/fixtures/xlsx/two-row-header.xlsx'),
      { fileName: 'x.xlsx' },
    );
    const name = (await host.listSheets())[0].name;
    const { snapshot, fingerprint } = await host.readSheet(name);
    const res = planTrackingColumns(snapshot, analyzeSheet(snapshot, { asOf: '2026-03-01' }));
    if (!res.ok) throw new Error(res.message);
    const undo = await host.addTrackingColumns(res.plan, fingerprint);
    expect(undo.cells.map((c) => c.after)).toEqual([
      'Tình trạng',
      'Ngày hoàn thành',
      'Kết quả / minh chứng',
    ]);
    const ws = host.workbook.getWorksheet(name)!;
    expect(ws.getCell('F4').value).toBe('Tình trạng');
    expect(ws.getCell('F6').dataValidation?.type).toBe('list');
    await expect(host.addTrackingColumns(res.plan, fingerprint)).rejects.toBeInstanceOf(
      StaleSheetError,
    );
  });
});
