/**
 * `phancong track` writes its copy into the ORIGINAL package (graft-tracking.ts, issues 12 and 17):
 * on every file of the real-workbook corpus, every part but the tracked sheet and styles.xml is
 * byte-identical (an .xlsm keeps its macros and content type); the sheet XML holds the headers in the
 * table's header style, the body formats, the drop-down and date rule with Vietnamese messages; a
 * user's validation over the new cells gives them up; the engine and LibreOffice read the copy back.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { TRACKING_STATUSES } from '../../src/engine/tracking-columns';
import { withoutCells } from '../../src/adapters/xlsx/graft-tracking';
import { SOFFICE, describeIfSoffice } from '../helpers/libreoffice';

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

async function track(file: string, ...args: string[]) {
  const io = recordingIO();
  const code = await main(['track', file, '--out', 'tracked.xlsx', ...args], io);
  return { code, io, bytes: io.files.get('tracked.xlsx')! };
}

/** The cell element of `ref` in the sheet XML. */
const cellTag = (xml: string, ref: string) =>
  new RegExp(`<(?:x:)?c r="${ref}"[^>]*>`).exec(xml)?.[0] ?? '';

describe('phancong track keeps every part it does not own', () => {
  test.each(FILES)('%s', async (name) => {
    const file = path.join(REAL, name);
    const { code, io, bytes } = await track(file, '--validate-existing');
    expect([code, io.err]).toEqual([0, '']);
    const before = await parts(new Uint8Array(fs.readFileSync(file)));
    const after = await parts(bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before]
      .filter(([n, b]) => Buffer.compare(b, after.get(n)!) !== 0)
      .map(([n]) => n);
    // The tracked worksheet and styles.xml (its new cell formats), nothing else.
    expect(changed).toHaveLength(2);
    const isStyles = (n: string) => /<(?:\w+:)?styleSheet\b/.test(after.get(n)!.toString('utf8'));
    const stylesPart = changed.find(isStyles)!;
    expect(stylesPart).toBeDefined();
    const sheetPart = changed.find((n) => n !== stylesPart)!;
    const xml = after.get(sheetPart)!.toString('utf8');
    const orig = before.get(sheetPart)!.toString('utf8');
    // Headers in the header style of the table's last header cell (F3: Tình trạng, already there).
    const style = (tag: string) => /\ss="(\d+)"/.exec(tag)?.[1] ?? '0';
    expect(xml).toMatch(
      /<(?:x:)?c r="G3"[^>]*><(?:x:)?is><(?:x:)?t xml:space="preserve">Ngày hoàn thành</,
    );
    const headerTag = cellTag(orig, 'F3'); // absent where the part leaves out cell positions
    if (headerTag) expect(style(cellTag(xml, 'G3'))).toBe(style(headerTag));
    expect(style(cellTag(xml, 'H3'))).toBe(style(cellTag(xml, 'G3')));
    // Body cells: a format of their own (dd/mm/yyyy for the date column).
    expect(style(cellTag(xml, 'G4'))).not.toBe('0');
    const styles = after.get(stylesPart)!.toString('utf8');
    const xfs = [...styles.matchAll(/<(?:x:)?xf\b[^>]*>/g)].map((m) => m[0]);
    const cellXfs = styles.slice(styles.search(/<(?:x:)?cellXfs\b/));
    const xfG4 = [...cellXfs.matchAll(/<(?:x:)?xf\b[^>]*>/g)][Number(style(cellTag(xml, 'G4')))][0];
    const fmt = /numFmtId="(\d+)"/.exec(xfG4)![1];
    expect(styles).toContain(`numFmtId="${fmt}" formatCode="dd/mm/yyyy"`);
    expect(xfs.length).toBeGreaterThan(0);
    // Drop-down and date rule, with their Vietnamese messages, in the sheet XML.
    expect(xml).toMatch(
      new RegExp(`<(?:x:)?formula1>"${TRACKING_STATUSES.join(',')}"</(?:x:)?formula1>`),
    );
    expect(xml).toMatch(/type="list"[^>]*errorTitle="Tình trạng không hợp lệ"[^>]*sqref="F4:F9"/);
    expect(xml).toMatch(
      /type="date" operator="between"[^>]*promptTitle="Ngày hoàn thành"[^>]*sqref="G4:G9"/,
    );
    // The engine reads the copy: the table and its new columns.
    const sheets = (await readWorkbook(bytes)).sheets;
    const report = analyzeSheet(
      sheets.find((s) => s.name === 'Phụ lục')!,
      { asOf: '2026-06-15' },
    );
    expect(report.columns).toMatchObject({ status: 'F', 'done-date': 'G' });
    const a = (await readWorkbook(new Uint8Array(fs.readFileSync(file)))).sheets;
    for (const s of a.filter((x) => x.name !== 'Phụ lục'))
      expect(sheets.find((x) => x.name === s.name)!.values).toEqual(s.values);
  });

  test('an .xlsm stays an .xlsm: macro project and content type kept', async () => {
    const file = path.join(REAL, 'keeps-everything.xlsm');
    const { bytes } = await track(file);
    const after = await parts(bytes);
    expect(after.get('[Content_Types].xml')!.toString()).toContain(
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    );
    expect([...after.keys()].some((n) => /vbaProject\.bin$/.test(n))).toBe(true);
  });
});

describe('a user’s validation over the new cells', () => {
  test('gives up exactly those cells (whole sheet, whole columns); one covered entirely goes', () => {
    const whole =
      '<dataValidation type="textLength" sqref="A1:XFD1048576"><formula1>9</formula1></dataValidation>';
    expect(withoutCells(whole, [{ r0: 4, c0: 7, r1: 9, c1: 7 }])).toContain(
      'sqref="A1:XFD3 A10:XFD1048576 A4:F9 H4:XFD9"',
    );
    const cols =
      '<dataValidation type="list" sqref="F:G"><formula1>"a"</formula1></dataValidation>';
    expect(withoutCells(cols, [{ r0: 4, c0: 6, r1: 9, c1: 7 }])).toContain(
      'sqref="F1:G3 F10:G1048576"',
    );
    expect(
      withoutCells('<dataValidation sqref="G5"/>', [{ r0: 4, c0: 7, r1: 9, c1: 7 }]),
    ).toBeNull();
    const apart = '<dataValidation sqref="A1:B2 D4"><formula1>1</formula1></dataValidation>';
    expect(withoutCells(apart, [{ r0: 4, c0: 7, r1: 9, c1: 7 }])).toBe(apart);
  });
});

describeIfSoffice('the tracked copy of an .xlsm read back by LibreOffice')(
  'LibreOffice reads the grafted tracking columns',
  () => {
    test('headers, drop-down, date rule and the user’s cells survive a LibreOffice round trip', async () => {
      const { bytes } = await track(
        path.join(REAL, 'keeps-everything.xlsm'),
        '--validate-existing',
      );
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-graft-track-'));
      try {
        const dir = path.join(tmp, 'in');
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'tracked.xlsm'), bytes);
        execFileSync(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${path.join(tmp, 'profile')}`,
            '--headless',
            '--norestore',
            '--convert-to',
            'xlsx:Calc MS Excel 2007 XML',
            '--outdir',
            tmp,
            path.join(dir, 'tracked.xlsm'),
          ],
          { stdio: 'pipe', timeout: 120000 },
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(
          fs.readFileSync(path.join(tmp, 'tracked.xlsx')) as unknown as ExcelJS.Buffer,
        );
        const ws = wb.getWorksheet('Phụ lục')!;
        expect(['F3', 'G3', 'H3'].map((a) => ws.getCell(a).value)).toEqual([
          'Tình trạng',
          'Ngày hoàn thành',
          'Kết quả / minh chứng',
        ]);
        const list = ws.getCell('F5').dataValidation;
        expect(list?.type).toBe('list');
        expect(String(list?.formulae?.[0])).toBe(`"${TRACKING_STATUSES.join(',')}"`);
        expect(list?.errorTitle).toBe('Tình trạng không hợp lệ');
        const date = ws.getCell('G5').dataValidation;
        expect(date?.type).toBe('date');
        expect(date?.prompt).toBe('Nhập ngày hoàn thành dạng dd/mm/yyyy.');
        expect(ws.getCell('G5').numFmt).toMatch(/dd\/mm\/yyyy/i);
        const original = (
          await readWorkbook(
            new Uint8Array(fs.readFileSync(path.join(REAL, 'keeps-everything.xlsm'))),
          )
        ).sheets.find((s) => s.name === 'Phụ lục')!;
        expect(ws.getCell('B4').value).toBe(original.values[3][1]);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }, 180000);
  },
);
