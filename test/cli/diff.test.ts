import { join } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';
import { readWorkbook } from '../../src/adapters/xlsx/read';

const fx = (n: string) => join(__dirname, '..', 'fixtures', 'xlsx', n);

async function editedPasted(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fx('002-pasted.xlsx'));
  edit(wb.worksheets[0]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('phancong diff', () => {
  it('exits 0 and says so when the versions are the same', async () => {
    const io = recordingIO();
    expect(await main(['diff', fx('002-pasted.xlsx'), fx('002-pasted.xlsx')], io)).toBe(0);
    expect(io.out).toContain('Hai bản giống nhau');
  });

  it('--json lists added, removed, moved and changed, exit 1', async () => {
    const io = recordingIO();
    // Find two tasks of the fixture to edit: I.1's deadline and a task text.
    const before = await readWorkbook(await editedPasted(() => undefined));
    const ws = before.workbook.worksheets[0];
    let deadlineRow = 0;
    ws.eachRow((row, n) => {
      if (!deadlineRow && /^Quý II\/2026$/.test(String(row.getCell(7).value ?? '')))
        deadlineRow = n;
    });
    expect(deadlineRow).toBeGreaterThan(0);
    io.files.set(
      'new.xlsx',
      await editedPasted((w) => {
        w.getCell(`G${deadlineRow}`).value = '30/6/2026';
        w.getCell('B8').value = `${String(w.getCell('B8').value)} trong toàn tỉnh`;
      }),
    );
    const code = await main(['diff', fx('002-pasted.xlsx'), 'new.xlsx', '--json'], io);
    expect(code).toBe(1);
    const doc = JSON.parse(io.out);
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['added', 'removed', 'moved', 'changed']),
    );
    expect(doc.added).toEqual([]);
    expect(doc.removed).toEqual([]);
    expect(doc.moved).toEqual([]);
    expect(doc.changed).toEqual(
      [
        expect.objectContaining({
          row: 8,
          field: 'task',
          words: expect.arrayContaining([{ kind: 'added', text: 'trong toàn tỉnh' }]),
        }),
        expect.objectContaining({
          row: deadlineRow,
          field: 'deadline',
          before: 'Quý II/2026',
          after: '30/6/2026',
          sameDue: true,
        }),
      ].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    );
  });

  it('--out writes the newer workbook with a PC So sánh sheet linking to the cells', async () => {
    const io = recordingIO();
    io.files.set(
      'new.xlsx',
      await editedPasted((w) => {
        w.spliceRows(8, 1);
      }),
    );
    const code = await main(['diff', fx('002-pasted.xlsx'), 'new.xlsx', '--out', 'diff.xlsx'], io);
    expect(code).toBe(1);
    expect(io.out).toContain('Nhiệm vụ bị bỏ (1)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.files.get('diff.xlsx') as unknown as ExcelJS.Buffer);
    const own = wb.getWorksheet('PC So sánh')!;
    expect(own).toBeDefined();
    expect(own.getCell('A2').value).toBe('Bị bỏ');
    // The user's sheet is untouched apart from what the new version holds.
    expect(wb.worksheets[0].name).toBe('Phụ lục 02');
    // A second run replaces the sheet rather than adding another.
    io.files.set('diff2-in.xlsx', io.files.get('diff.xlsx')!);
    await main(['diff', fx('002-pasted.xlsx'), 'diff2-in.xlsx', '--out', 'diff2.xlsx'], io);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(io.files.get('diff2.xlsx') as unknown as ExcelJS.Buffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['Phụ lục 02', 'PC So sánh']);
  });

  it('exits 2 with a clear message on unreadable input or a file without a table', async () => {
    const io = recordingIO();
    expect(await main(['diff', fx('002-pasted.xlsx'), fx('no-table.xlsx')], io)).toBe(2);
    expect(io.err).toContain('không có bảng phân công');
    const io2 = recordingIO();
    io2.files.set('bad.xlsx', new Uint8Array([1, 2, 3, 4]));
    expect(await main(['diff', 'bad.xlsx', fx('002-pasted.xlsx'), '--json'], io2)).toBe(2);
    expect(JSON.parse(io2.out).error.file).toBe('bad.xlsx');
    expect(await main(['diff', fx('002-pasted.xlsx')], recordingIO())).toBe(2);
  });
});
