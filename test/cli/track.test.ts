/**
 * `phancong track`: the tracking columns written through ExcelJS (header style copied, drop-down and
 * date rule with Vietnamese messages), user cells never moved or overwritten, refusal when the cells
 * to the right are not empty, and the input never modified.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { TRACKING_STATUSES } from '../../src/engine/tracking-columns';

const PASTED = 'test/fixtures/xlsx/002-pasted.xlsx';
const FIXTURE = 'test/fixtures/xlsx/two-row-header.xlsx';
let SHEET = '';
beforeAll(async () => {
  SHEET = (await load(new Uint8Array(readFileSync(FIXTURE)))).worksheets[0].name;
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    out[r] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[r][c] = cell.value;
    });
  });
  return out;
}

describe('phancong track', () => {
  it('appends Tình trạng, Ngày hoàn thành, Kết quả / minh chứng with validation; every user cell kept', async () => {
    const io = recordingIO();
    const before = readFileSync(FIXTURE);
    const code = await main(['track', FIXTURE, '--out', 'out.xlsx'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(FIXTURE).equals(before)).toBe(true);
    const src = (await load(new Uint8Array(before))).getWorksheet(SHEET)!;
    const ws = (await load(io.files.get('out.xlsx')!)).getWorksheet(SHEET)!;
    const a = values(src);
    const b = values(ws);
    // Every user cell is where it was, with its value.
    a.forEach((row, r) =>
      row?.forEach((v, c) => v !== undefined && expect([r, c, b[r]?.[c]]).toEqual([r, c, v])),
    );
    const width = Math.max(...a.filter(Boolean).map((r) => r.length)) - 1;
    const header = ws.getRow(4);
    expect([1, 2, 3].map((k) => header.getCell(width + k).value)).toEqual([
      'Tình trạng',
      'Ngày hoàn thành',
      'Kết quả / minh chứng',
    ]);
    // In the header's style.
    expect(header.getCell(width + 1).font?.bold).toBe(header.getCell(width).font?.bold);
    const status = ws.getCell(6, width + 1).dataValidation;
    expect(status).toMatchObject({
      type: 'list',
      formulae: [`"${TRACKING_STATUSES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Tình trạng không hợp lệ',
    });
    expect(ws.getCell(17, width + 1).dataValidation?.type).toBe('list');
    expect(ws.getCell(18, width + 1).dataValidation).toBeUndefined();
    // The two-row header: each new header cell spans both rows.
    expect(ws.getCell(5, width + 1).isMerged).toBe(true);
    expect(ws.getCell(5, width + 1).master.address).toBe(ws.getCell(4, width + 1).address);
    const date = ws.getCell(6, width + 2).dataValidation;
    expect(date).toMatchObject({
      type: 'date',
      operator: 'between',
      errorTitle: 'Ngày không hợp lệ',
    });
    expect(ws.getCell(6, width + 2).numFmt).toBe('dd/mm/yyyy');
    expect(io.out).toContain('out.xlsx');
    // Read back: the engine finds the new columns and no longer lacks them.
    const again = await readWorkbook(io.files.get('out.xlsx')!);
    const report = analyzeSheet(
      again.sheets.find((s) => s.name === SHEET)!,
      { asOf: '2026-03-01' },
    );
    expect(report.columns.status).toBeDefined();
    expect(report.columns['done-date']).toBeDefined();
  });

  it('refuses on the pasted 002 table, whose rows spill into I:K, naming the cells', async () => {
    const io = recordingIO();
    expect(await main(['track', PASTED, '--out', 'out.xlsx'], io)).toBe(1);
    expect(io.files.size).toBe(0);
    expect(io.err).toMatch(/không trống \(I101, I103/);
  });

  it('refuses with a clear message, writing nothing, when a cell to the right is not empty', async () => {
    const wb = await load(new Uint8Array(readFileSync(FIXTURE)));
    const ws = wb.getWorksheet(SHEET)!;
    const src = values(ws);
    const width = Math.max(...src.filter(Boolean).map((r) => r.length)) - 1;
    ws.getCell(10, width + 2).value = 'ghi chú của tôi';
    const io = recordingIO();
    io.files.set('in.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const code = await main(['track', 'in.xlsx', '--out', 'out.xlsx'], io);
    expect(code).toBe(1);
    expect(io.files.has('out.xlsx')).toBe(false);
    expect(io.err).toContain('không trống');
    expect(io.err).toContain(`${ws.getCell(10, width + 2).address}`);
  });

  it('a second run has nothing to add; the same file as output is refused', async () => {
    const io = recordingIO();
    expect(await main(['track', FIXTURE, '--out', 'a.xlsx'], io)).toBe(0);
    const io2 = recordingIO();
    io2.files.set('a.xlsx', io.files.get('a.xlsx')!);
    expect(await main(['track', 'a.xlsx', '--out', 'b.xlsx'], io2)).toBe(1);
    expect(io2.err).toContain('đã có đủ cột');
    const io3 = recordingIO();
    expect(await main(['track', FIXTURE, '--out', FIXTURE], io3)).toBe(2);
  });
});
