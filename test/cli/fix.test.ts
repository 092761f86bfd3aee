/**
 * `phancong fix`. Until every rule produces its fixes, the engine is wrapped so that two findings
 * carry fixes built here the way the rules describe them (merge-lost: fill or merge; markup-in-cell:
 * remove the tags), plus a second fix on the same cell to show how a conflict is reported.
 */
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

jest.mock('../../src/engine/analyze', () => require('../helpers/test-fixes').analyzeModuleWithTestFixes());

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KH');
  ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
  ws.addRow(['I', 'Mục một']);
  ws.addRow(['1', 'Việc một', 'Sở Tài chính', 'Quý IV/2026']);
  ws.addRow(['2', 'Việc hai', null, 'Thường xuyên']);
  ws.addRow(['3', 'Việc <b>ba</b>', 'Sở Nội vụ', 'Năm 2026']);
  ws.getCell('C4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B5').font = { italic: true };
  wb.addWorksheet('Ghi chú').addRow(['không phải bảng']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe('phancong fix', () => {
  test('prints every edit, skips the later of two fixes on one cell, writes a copy, leaves the input alone (exit 0)', async () => {
    const io = recordingIO();
    const input = await workbook();
    io.files.set('in.xlsx', input);
    const code = await main(['fix', 'in.xlsx', '--out', 'out.xlsx', '--as-of', '2026-11-22'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toContain('Trang "KH": 2 cách sửa, 2 ô.');
    expect(io.out).toContain('[merge-lost] C4:');
    expect(io.out).toContain('C4: "(trống)" → "Sở Tài chính"');
    expect(io.out).toContain('B5: "Việc <b>ba</b>" → "Việc ba"');
    expect(io.out).toContain('Bỏ qua [url-in-cell] B5: trùng ô B5 với [markup-in-cell] B5 đã sửa trước');
    expect(io.out).toContain('Đã ghi bản đã sửa vào: out.xlsx (tệp gốc giữ nguyên). Tổng: 2 cách sửa, 2 ô, 1 bỏ qua.');
    expect(io.files.get('in.xlsx')).toBe(input);

    const out = (await load(io.files.get('out.xlsx')!)).getWorksheet('KH')!;
    const orig = (await load(input)).getWorksheet('KH')!;
    expect(out.getCell('C4').value).toBe('Sở Tài chính');
    expect(out.getCell('C4').fill).toEqual(orig.getCell('C4').fill);
    expect(out.getCell('B5').value).toBe('Việc ba');
    expect(out.getCell('B5').font).toEqual(orig.getCell('B5').font);
    orig.eachRow((row, r) =>
      row.eachCell((cell) => {
        if (cell.address !== 'C4' && cell.address !== 'B5') expect([cell.address, out.getCell(cell.address).value]).toEqual([cell.address, cell.value]);
      }),
    );
    // The fixed copy has no merge-lost or markup finding left (checked with the same wrapped engine).
    const again = recordingIO();
    again.files.set('out.xlsx', io.files.get('out.xlsx')!);
    await main(['check', 'out.xlsx', '--as-of', '2026-11-22', '--json'], again);
    const codes = JSON.parse(again.out).sheets[0].findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('merge-lost');
    expect(codes).not.toContain('markup-in-cell');
  });

  test('--choice merge restores the merge; --rule limits the fixes; --json lists them', async () => {
    const io = recordingIO();
    io.files.set('in.xlsx', await workbook());
    expect(await main(['fix', 'in.xlsx', '-o', 'out.xlsx', '--choice', 'merge', '--rule', 'merge-lost', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc.summary).toEqual({ fixes: 1, cells: 2, skipped: 0 });
    expect(doc.sheets[0].applied).toEqual([
      expect.objectContaining({ id: 'merge-lost:C4:merge', code: 'merge-lost', cell: 'C4', edits: [], merges: ['C3:C4'] }),
    ]);
    const ws = (await load(io.files.get('out.xlsx')!)).getWorksheet('KH')!;
    expect(ws.getCell('C4').isMerged).toBe(true);
    expect(ws.getCell('B5').value).toBe('Việc <b>ba</b>'); // not a chosen rule
  });

  test('--dry-run lists and writes nothing; check --json carries the fixes', async () => {
    const io = recordingIO();
    io.files.set('in.xlsx', await workbook());
    expect(await main(['fix', 'in.xlsx', '--dry-run', '--lang', 'en'], io)).toBe(0);
    expect(io.out).toContain('C4: "(empty)" → "Sở Tài chính"');
    expect(io.out).toContain('Dry run (--dry-run): no file written. Total: 2 fixes, 2 cells, 1 skipped.');
    expect([...io.files.keys()]).toEqual(['in.xlsx']);
    const check = recordingIO();
    check.files.set('in.xlsx', io.files.get('in.xlsx')!);
    await main(['check', 'in.xlsx', '--json'], check);
    const lost = JSON.parse(check.out).sheets[0].findings.find((f: { code: string }) => f.code === 'merge-lost');
    expect(lost.fixes.map((f: { id: string }) => f.id)).toEqual(['merge-lost:C4:fill', 'merge-lost:C4:merge']);
  });

  test.each([
    [['fix', 'in.xlsx'], 'Cần --out tệp-đã-sửa.xlsx'],
    [['fix', 'in.xlsx', '--out', 'in.xlsx'], 'phải khác tệp đầu vào'],
    [['fix', 'in.xlsx', '--out', './in.xlsx'], 'phải khác tệp đầu vào'],
    [['fix', 'in.xlsx', '--out', 'f.csv'], 'phải có đuôi .xlsx'],
    [['fix', 'in.xlsx', '--out', 'f.xlsx', '--choice', 'guess'], 'Cách sửa "guess" không có'],
    [['fix', 'in.xlsx', '--out', 'f.xlsx', '--rule', 'lead-missing,nope'], 'Không có quy tắc "nope"'],
    [['fix', 'in.xlsx', '--out', 'f.xlsx', '--bogus'], 'Không có tuỳ chọn --bogus'],
    [['fix'], 'Cách dùng: phancong fix'],
  ])('bad options exit 2 with a clear message: %j', async (argv, message) => {
    const io = recordingIO();
    io.files.set('in.xlsx', await workbook());
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toContain(message);
    expect([...io.files.keys()]).toEqual(['in.xlsx']);
  });

  test('an unreadable input or an unknown sheet exits 2', async () => {
    const io = recordingIO();
    io.files.set('bad.xlsx', new TextEncoder().encode('not a workbook'));
    expect(await main(['fix', 'bad.xlsx', '--out', 'f.xlsx'], io)).toBe(2);
    expect(io.err).toContain('không phải tệp Excel');
    const io2 = recordingIO();
    io2.files.set('in.xlsx', await workbook());
    expect(await main(['fix', 'in.xlsx', '--out', 'f.xlsx', '--sheet', 'Không có'], io2)).toBe(2);
    expect(io2.err).toContain('Không có trang "Không có"');
    expect(io2.files.has('f.xlsx')).toBe(false);
  });
});
