import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';

const fx = (n: string) => join(__dirname, '..', 'fixtures', 'xlsx', n);
const AS_OF = new Date('2026-11-22T08:00:00');

/** 002-pasted as an agency sends it back: a "Tình trạng" column in J, some values filled. */
async function report(
  fill: (ws: ExcelJS.Worksheet, rowOf: (section: string, tt: string) => number) => void,
): Promise<Uint8Array> {
  const bytes = (await import('fs')).readFileSync(fx('002-pasted.xlsx'));
  const snap = await readWorkbook(bytes);
  const rep = analyzeSheet(snap.sheets[0], { asOf: '2026-11-22' });
  const rowOf = (section: string, tt: string) =>
    rep.tasks.find((t) => t.section === section && t.tt === tt)!.row;
  const ws = snap.workbook.worksheets[0];
  ws.getCell('L6').value = 'Tình trạng';
  fill(ws, rowOf);
  return new Uint8Array(await snap.workbook.xlsx.writeBuffer());
}

describe('phancong merge', () => {
  it('applies the reports to a copy of the master, lists the conflict, logs on PC Gộp báo cáo; exit 1', async () => {
    const io = recordingIO(AS_OF);
    let r11 = 0;
    let r12 = 0;
    io.files.set(
      'a.xlsx',
      await report((ws, rowOf) => {
        r11 = rowOf('I', '1');
        r12 = rowOf('I', '2');
        ws.getCell(`L${r11}`).value = 'Hoàn thành';
        ws.getCell(`L${r12}`).value = 'Đang thực hiện';
        ws.getCell(`H${r11}`).value = 'Đã ban hành Kế hoạch số 10/KH-UBND';
      }),
    );
    io.files.set(
      'b.xlsx',
      await report((ws, rowOf) => {
        ws.getCell(`L${rowOf('I', '2')}`).value = 'Hoàn thành';
      }),
    );
    const code = await main(
      ['merge', fx('002-pasted.xlsx'), 'a.xlsx', 'b.xlsx', '--out', 'merged.xlsx', '--json'],
      io,
    );
    expect(io.err).toBe('');
    expect(code).toBe(1);
    const doc = JSON.parse(io.out);
    expect(doc.addedColumns.map((c: { header: string }) => c.header)).toEqual([
      'Tình trạng',
      'Ngày hoàn thành',
    ]);
    const statusCol = doc.addedColumns[0].col;
    expect(doc.applied).toEqual([
      {
        row: r11,
        col: statusCol,
        tt: '1',
        field: 'status',
        before: '',
        after: 'Hoàn thành',
        source: { file: 'a.xlsx', sheet: 'Phụ lục 02', row: r11 },
      },
      expect.objectContaining({
        row: r11,
        field: 'result',
        after: 'Đã ban hành Kế hoạch số 10/KH-UBND',
      }),
    ]);
    expect(doc.conflicts).toEqual([
      expect.objectContaining({
        row: r12,
        field: 'status',
        values: [
          expect.objectContaining({ value: 'Đang thực hiện' }),
          expect.objectContaining({ value: 'Hoàn thành' }),
        ],
      }),
    ]);
    expect(doc.unmatched).toEqual([]);

    const master = await readWorkbook((await import('fs')).readFileSync(fx('002-pasted.xlsx')));
    const merged = await readWorkbook(io.files.get('merged.xlsx')!);
    const before = master.sheets[0];
    const after = merged.sheets.find((s) => s.name === 'Phụ lục 02')!;
    // Only the applied cells and the new header cells differ.
    const changed: string[] = [];
    for (let r = 0; r < Math.max(before.values.length, after.values.length); r++) {
      for (let c = 0; c < Math.max(before.values[0].length, after.values[0].length); c++) {
        if ((before.values[r]?.[c] ?? null) !== (after.values[r]?.[c] ?? null))
          changed.push(`${r + 1}:${c + 1}`);
      }
    }
    expect(changed.sort()).toEqual(
      [`6:${statusCol}`, `6:${statusCol + 1}`, `${r11}:${statusCol}`, `${r11}:8`].sort(),
    );
    const log = merged.workbook.getWorksheet('PC Gộp báo cáo')!;
    expect(log.getCell('A2').value).toBe('Đã cập nhật');
    expect(JSON.stringify(log.getCell('B2').value)).toContain("#'Phụ lục 02'!");
  });

  it('human output; exit 0 when everything is applied', async () => {
    const io = recordingIO(AS_OF);
    io.files.set(
      'a.xlsx',
      await report((ws, rowOf) => {
        ws.getCell(`L${rowOf('II', '1')}`).value = 'Hoàn thành';
      }),
    );
    expect(await main(['merge', fx('002-pasted.xlsx'), 'a.xlsx', '--out', 'm.xlsx'], io)).toBe(0);
    expect(io.out).toContain('Đã cập nhật (1):');
    expect(io.out).toContain('Đã gộp hết.');
  });

  it('a report that is no appendix or is unreadable: a clear message, nothing written, exit 2', async () => {
    const io = recordingIO(AS_OF);
    expect(
      await main(['merge', fx('002-pasted.xlsx'), fx('no-table.xlsx'), '--out', 'm.xlsx'], io),
    ).toBe(2);
    expect(io.err).toContain('không có bảng phân công nhiệm vụ');
    io.files.set('bad.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]));
    expect(await main(['merge', fx('002-pasted.xlsx'), 'bad.xlsx', '--out', 'm.xlsx'], io)).toBe(2);
    expect(io.files.has('m.xlsx')).toBe(false);
  });
});
