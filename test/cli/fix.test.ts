/** `phancong fix` against the engine's own fixes (a small table with a blank lead, markup, a missing year). */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KH');
  ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
  ws.addRow(['I', 'Mục một']);
  ws.addRow(['1', 'Việc một', 'Sở Tài chính', 'Quý IV/2026']);
  ws.addRow(['2', 'Việc hai', null, 'Thường xuyên']);
  ws.addRow(['3', 'Việc <b>ba</b>', 'Sở Nội vụ', 'Năm 2026']);
  ws.addRow(['4', 'Việc bốn', 'Sở Tài chính', '30/6']);
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
  test('prints every edit, writes a copy with the formats kept, leaves the input alone (exit 0)', async () => {
    const io = recordingIO();
    const input = await workbook();
    io.files.set('in.xlsx', input);
    const code = await main(['fix', 'in.xlsx', '--out', 'out.xlsx', '--as-of', '2026-11-22'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toContain('Trang "KH": 3 cách sửa, 3 ô.');
    expect(io.out).toContain('[lead-missing] C4: Điền "Sở Tài chính" (như dòng 3)');
    expect(io.out).toContain('C4: "(trống)" → "Sở Tài chính"');
    expect(io.out).toContain('B5: "Việc <b>ba</b>" → "Việc ba"');
    expect(io.out).toContain('D6: "30/6" → "30/6/2026"');
    expect(io.out).toContain(
      'Đã ghi bản đã sửa vào: out.xlsx (tệp gốc giữ nguyên). Tổng: 3 cách sửa, 3 ô, 0 bỏ qua.',
    );
    expect(io.files.get('in.xlsx')).toBe(input);

    const out = (await load(io.files.get('out.xlsx')!)).getWorksheet('KH')!;
    const orig = (await load(input)).getWorksheet('KH')!;
    expect(out.getCell('C4').value).toBe('Sở Tài chính');
    expect(out.getCell('C4').fill).toEqual(orig.getCell('C4').fill);
    expect(out.getCell('B5').value).toBe('Việc ba');
    expect(out.getCell('B5').font).toEqual(orig.getCell('B5').font);
    expect(out.getCell('D6').value).toBe('30/6/2026');
    orig.eachRow((row) =>
      row.eachCell((cell) => {
        if (!['C4', 'B5', 'D6'].includes(cell.address))
          expect([cell.address, out.getCell(cell.address).value]).toEqual([
            cell.address,
            cell.value,
          ]);
      }),
    );
    // The fixed copy: none of those findings is raised again.
    const again = recordingIO();
    again.files.set('out.xlsx', io.files.get('out.xlsx')!);
    expect(await main(['check', 'out.xlsx', '--as-of', '2026-11-22', '--json'], again)).toBe(0);
    const findings = JSON.parse(again.out).sheets[0].findings;
    expect(findings.filter((f: { fixes?: unknown[] }) => f.fixes)).toEqual([]);
  });

  test('--choice merge restores the merge; --rule limits the fixes; --json lists them', async () => {
    const io = recordingIO();
    io.files.set('in.xlsx', await workbook());
    expect(
      await main(
        [
          'fix',
          'in.xlsx',
          '-o',
          'out.xlsx',
          '--choice',
          'merge',
          '--rule',
          'lead-missing',
          '--json',
        ],
        io,
      ),
    ).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc.summary).toEqual({ fixes: 1, cells: 2, skipped: 0 });
    expect(doc.sheets[0].applied).toEqual([
      expect.objectContaining({
        id: 'lead-missing:C4:merge',
        code: 'lead-missing',
        cell: 'C4',
        merges: ['C3:C4'],
        message: 'Gộp lại ô C3:C4 (giá trị "Sở Tài chính" ở dòng 3)',
      }),
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
    expect(io.out).toContain(
      'Dry run (--dry-run): no file written. Total: 3 fixes, 3 cells, 0 skipped.',
    );
    expect([...io.files.keys()]).toEqual(['in.xlsx']);
    const check = recordingIO();
    check.files.set('in.xlsx', io.files.get('in.xlsx')!);
    await main(['check', 'in.xlsx', '--json'], check);
    const lost = JSON.parse(check.out).sheets[0].findings.find(
      (f: { code: string }) => f.code === 'lead-missing',
    );
    expect(lost.fixes.map((f: { id: string }) => f.id)).toEqual([
      'lead-missing:C4:fill',
      'lead-missing:C4:merge',
    ]);
  });

  test.each([
    [['fix', 'in.xlsx'], 'Cần --out tệp-đã-sửa.xlsx'],
    [['fix', 'in.xlsx', '--out', 'in.xlsx'], 'phải khác tệp đầu vào'],
    [['fix', 'in.xlsx', '--out', './in.xlsx'], 'phải khác tệp đầu vào'],
    [['fix', 'in.xlsx', '--out', 'f.csv'], 'phải có đuôi .xlsx'],
    [['fix', 'in.xlsx', '--out', 'f.xlsx', '--choice', 'guess'], 'Cách sửa "guess" không có'],
    [
      ['fix', 'in.xlsx', '--out', 'f.xlsx', '--rule', 'lead-missing,nope'],
      'Không có quy tắc "nope"',
    ],
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

  test('002-raw: fix, then check shows the same tasks with no markup, trailing-dot or shifted-cell finding left', async () => {
    const io = recordingIO();
    const file = join(__dirname, '..', 'fixtures', 'xlsx', '002-raw.xlsx');
    expect(
      await main(['fix', file, '--out', 'f.xlsx', '--as-of', '2026-11-22', '--json'], io),
    ).toBe(0);
    const fixed = JSON.parse(io.out);
    expect(fixed.summary.fixes).toBeGreaterThan(0);
    const before = recordingIO();
    await main(['check', file, '--as-of', '2026-11-22', '--json'], before);
    const after = recordingIO();
    after.files.set('f.xlsx', io.files.get('f.xlsx')!);
    await main(['check', 'f.xlsx', '--as-of', '2026-11-22', '--json'], after);
    const [b, a] = [JSON.parse(before.out).sheets[0], JSON.parse(after.out).sheets[0]];
    expect(a.tasks.length).toBe(b.tasks.length);
    const left = new Set(a.findings.map((f: { code: string }) => f.code));
    for (const code of ['markup-in-cell', 'tt-format', 'cells-shifted'])
      expect([code, left.has(code)]).toEqual([code, false]);
  });
});
