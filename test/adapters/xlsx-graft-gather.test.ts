/**
 * `phancong merge --out` and `phancong diff --out` write their copy by adding to the ORIGINAL
 * package (issue 17 item 3): the gathered values, the tracking columns `track` would add (header,
 * body format, drop-down and date rule) grafted into the master sheet's XML, the own sheet added;
 * every other part byte-identical. Checked part by part on the real-workbook corpus, read back by
 * the project's reader and by LibreOffice.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { openPkg } from '../../src/adapters/xlsx/graft';
import { recordingIO } from '../helpers/cli-io';
import { describeIfSoffice, makeProfile, parseCsv, SOFFICE } from '../helpers/libreoffice';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const FILES = fs
  .readdirSync(REAL)
  .filter(
    (f) => /\.xls[xm]$/.test(f) && f !== 'merges-20000.xlsx' && f !== 'shared-strings-60000.xlsx',
  );

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.files[name].async('uint8array')));
  return out;
}

/** An agency's copy of the corpus table: status of II.2, completion date of I.2, result of I.1 filled in. */
async function agencyReport(): Promise<Uint8Array> {
  const plain = (
    await readWorkbook(new Uint8Array(fs.readFileSync(path.join(REAL, 'exceljs-plain.xlsx'))))
  ).sheets.find((s) => s.name === 'Phụ lục')!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  plain.values.forEach((row, r) =>
    row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)),
  );
  ws.getCell('G3').value = 'Ngày hoàn thành';
  ws.getCell('H3').value = 'Kết quả / minh chứng';
  ws.getCell('F9').value = 'Đang thực hiện';
  ws.getCell('G6').value = '15/10/2026';
  ws.getCell('H5').value = 'Kế hoạch số 12/KH-SVHTTDL';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('phancong merge --out: the master package plus the gathered cells and PC Gộp báo cáo', () => {
  let report: Uint8Array;
  beforeAll(async () => {
    report = await agencyReport();
  });

  test.each(FILES)('%s', async (name) => {
    const file = path.join(REAL, name);
    const input = new Uint8Array(fs.readFileSync(file));
    const out = name.endsWith('.xlsm') ? 'merged.xlsm' : 'merged.xlsx';
    const io = recordingIO();
    io.files.set('report.xlsx', report);
    const code = await main(
      ['merge', file, 'report.xlsx', '--out', out, '--json', '--sheet', 'Phụ lục'],
      io,
    );
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc.addedColumns.map((c: { header: string; col: number }) => [c.header, c.col])).toEqual(
      [
        ['Ngày hoàn thành', 7],
        ['Kết quả / minh chứng', 8],
      ],
    );
    expect(
      doc.applied.map((a: { row: number; field: string; after: string }) => [
        a.row,
        a.field,
        a.after,
      ]),
    ).toEqual([
      [5, 'result', 'Kế hoạch số 12/KH-SVHTTDL'],
      [6, 'done-date', '15/10/2026'],
      [9, 'status', 'Đang thực hiện'],
    ]);
    const copy = io.files.get(out)!;

    // Part by part: every input part is there; only the master sheet, the styles, the workbook,
    // its relationships and the content types may differ; the new parts are the log sheet's.
    const pkg = await openPkg(input);
    const editable = new Set([
      pkg.sheets.find((s) => s.name === 'Phụ lục')!.part!,
      pkg.workbookPart,
      pkg.workbookPart.replace(/([^/]+)$/, '_rels/$1.rels'),
      '[Content_Types].xml',
      pkg.rels.find((r) => /\/styles$/.test(r.type))?.target ?? '',
    ]);
    const before = await parts(input);
    const after = await parts(copy);
    for (const [part, bytes] of before) {
      expect({ part, present: after.has(part) }).toEqual({ part, present: true });
      if (!editable.has(part))
        expect({ part, same: Buffer.compare(bytes, after.get(part)!) === 0 }).toEqual({
          part,
          same: true,
        });
    }
    const added = [...after.keys()].filter((p) => !before.has(p));
    expect(
      added.every((p) =>
        /worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$|tables\/table\d+\.xml$/.test(p),
      ),
    ).toBe(true);
    if (name.endsWith('.xlsm'))
      expect(after.get('[Content_Types].xml')!.toString('utf8')).toContain(
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      );

    // Read back: every cell as it was but the gathered ones and the new headers; the log sheet added.
    const a = (await readWorkbook(input)).sheets;
    const b = await readWorkbook(copy);
    const master = b.sheets.find((s) => s.name === 'Phụ lục')!;
    const was = a.find((s) => s.name === 'Phụ lục')!;
    const expected = was.values.map((r) => r.slice());
    const set = (r: number, c: number, v: unknown) => {
      while (expected[r - 1].length < c) expected[r - 1].push(null);
      expected[r - 1][c - 1] = v as never;
    };
    set(3, 7, 'Ngày hoàn thành');
    set(3, 8, 'Kết quả / minh chứng');
    set(5, 8, 'Kế hoạch số 12/KH-SVHTTDL');
    set(6, 7, 46310); // 15/10/2026, a real date
    set(9, 6, 'Đang thực hiện');
    const trim = (rows: unknown[][]) =>
      rows.map((r) =>
        Array.from({ length: 8 }, (_, c) => (r[c] === '' || r[c] === undefined ? null : r[c])),
      );
    expect(trim(master.values)).toEqual(trim(expected));
    expect(master.numberFormats?.[5]?.[6]).toBe('dd/mm/yyyy');
    for (const s of a)
      if (s.name !== 'Phụ lục')
        expect(b.sheets.find((x) => x.name === s.name)?.values).toEqual(s.values);
    expect(b.sheets.map((s) => s.name)).toContain('PC Gộp báo cáo');
    // The drop-down of statuses and the date rule of the new completion-date column came along.
    const sheetXml = after
      .get(pkg.sheets.find((s) => s.name === 'Phụ lục')!.part!)!
      .toString('utf8');
    expect(sheetXml).toMatch(/<(?:x:)?dataValidation\b[^>]*type="date"[^>]*sqref="G4:G9"/);
  });

  test('a second merge into the copy replaces its PC Gộp báo cáo, keeps the other own sheets as they were', async () => {
    const io = recordingIO();
    io.files.set('report.xlsx', report);
    await main(
      [
        'check',
        path.join(REAL, 'keeps-everything.xlsm'),
        '--out',
        'checked.xlsm',
        '--as-of',
        '2026-06-15',
      ],
      io,
    );
    await main(
      ['merge', 'checked.xlsm', 'report.xlsx', '--out', 'once.xlsm', '--sheet', 'Phụ lục'],
      io,
    );
    await main(
      ['merge', 'once.xlsm', 'report.xlsx', '--out', 'twice.xlsm', '--sheet', 'Phụ lục'],
      io,
    );
    const checked = await parts(io.files.get('checked.xlsm')!);
    const twice = await parts(io.files.get('twice.xlsm')!);
    const pkg = await openPkg(io.files.get('checked.xlsm')!);
    // The check's own sheets (PC Nhiệm vụ, PC Báo cáo…) are byte for byte the check's.
    for (const s of pkg.sheets.filter((x) => x.name.startsWith('PC ')))
      expect({
        sheet: s.name,
        same: Buffer.compare(checked.get(s.part!)!, twice.get(s.part!)!) === 0,
      }).toEqual({ sheet: s.name, same: true });
    const wb = twice.get(pkg.workbookPart)!.toString('utf8');
    expect(wb.match(/PhanCong_Own_Merge/gi)).toHaveLength(1);
    expect(wb.match(/name="PC Gộp báo cáo/g)).toHaveLength(1);
    expect(wb.match(/PhanCong_Own_tasks/gi)).toHaveLength(1);
  });
});

describe("phancong diff --out: the newer file's package plus PC So sánh", () => {
  test('keeps-everything.xlsm: every part kept, PC So sánh added', async () => {
    const file = path.join(REAL, 'keeps-everything.xlsm');
    const io = recordingIO();
    io.files.set('older.xlsx', await agencyReport());
    expect(
      await main(['diff', 'older.xlsx', file, '--out', 'diff.xlsm', '--sheet', 'Phụ lục'], io),
    ).toBe(1);
    const before = await parts(new Uint8Array(fs.readFileSync(file)));
    const after = await parts(io.files.get('diff.xlsm')!);
    const pkg = await openPkg(new Uint8Array(fs.readFileSync(file)));
    const editable = new Set([
      pkg.workbookPart,
      pkg.workbookPart.replace(/([^/]+)$/, '_rels/$1.rels'),
      '[Content_Types].xml',
      'xl/styles.xml',
    ]);
    for (const [part, bytes] of before)
      if (!editable.has(part))
        expect({ part, same: Buffer.compare(bytes, after.get(part)!) === 0 }).toEqual({
          part,
          same: true,
        });
    expect((await readWorkbook(io.files.get('diff.xlsm')!)).sheets.map((s) => s.name)).toContain(
      'PC So sánh',
    );
  });
});

describeIfSoffice('the merged copy read back by LibreOffice')('LibreOffice', () => {
  test('keeps-everything.xlsm merged: LibreOffice reads the gathered values, the date as a date', async () => {
    const io = recordingIO();
    io.files.set('report.xlsx', await agencyReport());
    expect(
      await main(
        [
          'merge',
          path.join(REAL, 'keeps-everything.xlsm'),
          'report.xlsx',
          '--out',
          'merged.xlsm',
          '--sheet',
          'Phụ lục',
        ],
        io,
      ),
    ).toBe(0);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-graft-gather-'));
    try {
      const input = path.join(tmp, 'merged.xlsm');
      fs.writeFileSync(input, io.files.get('merged.xlsm')!);
      execFileSync(
        SOFFICE!,
        [
          `-env:UserInstallation=${makeProfile(tmp)}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1',
          '--outdir',
          tmp,
          input,
        ],
        { stdio: 'pipe', timeout: 120000 },
      );
      const csv = parseCsv(
        fs.readFileSync(
          path.join(
            tmp,
            fs.readdirSync(tmp).find((f) => f.endsWith('.csv'))!,
          ),
          'utf8',
        ),
      );
      expect(csv[2].slice(6, 8)).toEqual(['Ngày hoàn thành', 'Kết quả / minh chứng']);
      expect(csv[4][7]).toBe('Kế hoạch số 12/KH-SVHTTDL');
      // A date, not the serial 46310 (cells are exported unformatted: LibreOffice's default M/D/YYYY).
      expect(csv[5][6]).toBe('10/15/2026');
      expect(csv[8][5]).toBe('Đang thực hiện');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 150000);
});
