/**
 * Real workbooks (issue 17), on test/fixtures/real (built by real-corpus.js): each reads, gives the
 * same table as the plain ExcelJS file, and the heavy ones finish within the guard's limits; the
 * package normaliser's pieces on their own; honest messages for what still cannot be read.
 */
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, basename } from 'path';
import JSZip from 'jszip';
import { readWorkbook, WorkbookReadError } from '../../src/adapters/xlsx/read';
import {
  clipSqref,
  clipValidations,
  parseRangeToken,
  preparePackage,
  scanSheetData,
  stripMainPrefix,
} from '../../src/adapters/xlsx/package';
import {
  describeHeavy,
  formatSeconds,
  memoryLimitText,
  timeLimitText,
  tooHeavy,
} from '../../src/adapters/xlsx/heavy';
import { readSheetsGuarded } from '../../src/cli/read-guard';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain .js module, shared with the corpus script
const corpus = require('./real-corpus.js') as {
  FILES: { file: string; expect: string; about: string; heavy: boolean }[];
  writeCorpus(
    dir: string,
    o?: { libreOffice?: boolean },
  ): Promise<{ file: string; bytes: number }[]>;
  DEFAULT_OUT: string;
};
const REAL = corpus.DEFAULT_OUT;
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(REAL, f)));

/**
 * The table region of the sample (title row 1, header row 3, six task rows, six columns). An empty
 * string and an empty cell are the same here: writers differ in whether they store a "" cell.
 */
const tableOf = (values: unknown[][]) =>
  values.slice(0, 9).map((r) => r.slice(0, 6).map((v) => (v === '' ? null : v)));

describe('real-workbooks corpus', () => {
  it('the committed files are what real-corpus.js builds (LibreOffice output aside)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phancong-real-'));
    try {
      const written = await corpus.writeCorpus(dir, { libreOffice: false });
      for (const w of written) {
        const same =
          Buffer.compare(readFileSync(join(REAL, basename(w.file))), readFileSync(w.file)) === 0;
        expect({ file: basename(w.file), same }).toEqual({ file: basename(w.file), same: true });
      }
      expect(written.reduce((n, w) => n + w.bytes, 0)).toBeLessThan(2 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  let baseline: unknown[][];
  beforeAll(async () => {
    baseline = tableOf((await readWorkbook(bytesOf('exceljs-plain.xlsx'))).sheets[0].values);
  });

  describe.each(corpus.FILES.map((f) => [f.file, f] as const))('%s', (file, entry) => {
    it(`reads: the same table as the plain file (${entry.about})`, async () => {
      const { sheets } = await readWorkbook(bytesOf(file));
      const sheet = sheets.find((s) => s.name === 'Phụ lục');
      expect(sheet).toBeDefined();
      expect(tableOf(sheet!.values)).toEqual(baseline);
      expect(sheet!.merges?.[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 5 });
    });

    it('check --json: exit 0 or 1 and the five tasks', async () => {
      const io = recordingIO();
      const code = await main(
        ['check', join(REAL, file), '--json', '--sheet', 'Phụ lục', '--as-of', '2026-06-15'],
        io,
      );
      expect(io.err).toBe('');
      expect([0, 1]).toContain(code);
      const doc = JSON.parse(io.out);
      expect(doc.sheets[0].headerRow).toBe(3);
      expect(doc.sheets[0].tasks).toHaveLength(4);
    });
  });

  it('heavy files finish in a worker within the default limits', async () => {
    for (const f of corpus.FILES.filter((x) => x.heavy)) {
      const sheets = await readSheetsGuarded(bytesOf(f.file), 'vi');
      expect({ file: f.file, first: sheets[0].name }).toEqual({ file: f.file, first: 'Phụ lục' });
    }
  }, 120000);

  it('a read past its limit stops with too-heavy, naming what made the file heavy', async () => {
    const err = await readSheetsGuarded(bytesOf('merges-20000.xlsx'), 'vi', {
      timeMs: 4000,
      memoryMb: 24,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).reason).toBe('too-heavy');
    expect(String((err as WorkbookReadError).data.limit)).toMatch(/giây|MB/);
  }, 60000);
});

describe('package normaliser', () => {
  it('a time limit reads in the language\'s numbers, and one under a tenth of a second is not "0"', () => {
    expect([formatSeconds(1, 'vi'), formatSeconds(300, 'vi'), formatSeconds(60_000, 'vi')]).toEqual(
      ['0,001', '0,3', '60'],
    );
    expect([formatSeconds(1250, 'en'), timeLimitText(40, 'en'), timeLimitText(300, 'vi')]).toEqual([
      '1.3',
      '0.04 s',
      '0,3 giây',
    ]);
  });

  it('one "too heavy" failure for every reader: the elapsed time, the limit and what is heavy', async () => {
    const m = await preparePackage(bytesOf('merges-20000.xlsx'));
    const failure = tooHeavy(2345, memoryLimitText(1536, 'vi'), m.facts, 'vi');
    expect(failure.data).toEqual({
      seconds: '2,3',
      limit: memoryLimitText(1536, 'vi'),
      what: describeHeavy(m.facts, 'vi'),
    });
    expect(failure.data.limit).toContain('1536');
    expect(failure.message).toBe(
      `Stopped reading after 2,3 s (limit ${failure.data.limit}): ${failure.data.what}.`,
    );
    expect(tooHeavy(50, timeLimitText(40, 'en'), null, 'en').data).toEqual({
      seconds: '0.05',
      limit: '0.04 s',
      what: describeHeavy(null, 'en'),
    });
  });

  it('facts count what makes a file heavy', async () => {
    const v = await preparePackage(bytesOf('validation-8-columns.xlsx'));
    expect(v.facts.validationCells).toBe(8 * 1048576);
    expect(v.changes).toContain('validations');
    expect(describeHeavy(v.facts, 'vi')).toContain(
      'kiểm tra dữ liệu (Data Validation) phủ 8.388.608 ô',
    );
    const m = await preparePackage(bytesOf('merges-20000.xlsx'));
    expect(m.facts.merges).toBe(20001);
    expect(describeHeavy(m.facts, 'en')).toContain('20,001 merged ranges');
    const plain = await preparePackage(bytesOf('exceljs-plain.xlsx'));
    expect(plain.changes).toEqual([]);
    expect(describeHeavy(plain.facts, 'vi')).toBe('tệp lớn hoặc phức tạp');
  });

  it('changes only what the file needs', async () => {
    expect((await preparePackage(bytesOf('x-prefixed.xlsx'))).changes).toEqual(['prefix']);
    expect((await preparePackage(bytesOf('no-position-attributes.xlsx'))).changes).toEqual([
      'positions',
    ]);
    expect((await preparePackage(bytesOf('own-part-paths.xlsx'))).changes).toEqual(['relocated']);
    expect((await preparePackage(bytesOf('keeps-everything.xlsm'))).changes).toEqual([]);
  });

  it('ranges: whole columns, whole rows and the whole sheet are clipped to the used range', () => {
    expect(parseRangeToken('F:G')).toEqual({ top: 1, left: 6, bottom: 1048576, right: 7 });
    expect(parseRangeToken('3:5')).toEqual({ top: 3, left: 1, bottom: 5, right: 16384 });
    expect(parseRangeToken('$B$2')).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(clipSqref('A1:A1048576 F:G C20:D30', 9, 7)).toBe('A1:A9 F1:G9');
    expect(clipSqref('A1:XFD1048576', 9, 6)).toBe('A1:F9');
    expect(clipSqref('K1:K5', 9, 6)).toBe('');
    const xml =
      '<dataValidations count="2"><dataValidation type="list" sqref="E1:E1048576"><formula1>"a"</formula1></dataValidation><dataValidation type="list" sqref="Z1"><formula1>"b"</formula1></dataValidation></dataValidations>';
    const r = clipValidations(xml, 9, 6);
    expect(r.xml).toBe(
      '<dataValidations count="1"><dataValidation type="list" sqref="E1:E9"><formula1>"a"</formula1></dataValidation></dataValidations>',
    );
    expect(r.cellsBefore).toBe(1048577);
  });

  it('prefixes and positions', () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c r="C1"/><x:c/></x:row><x:row r="4"><x:c/></x:row><x:row/></x:sheetData></x:worksheet>`;
    const plain = stripMainPrefix(xml);
    expect(plain).toBe(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="s"><v>0</v></c><c r="C1"/><c/></row><row r="4"><c/></row><row/></sheetData></worksheet>',
    );
    const scan = scanSheetData(plain);
    expect(scan.xml).toContain(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"/><c r="D1"/></row><row r="4"><c r="A4"/></row><row r="5"/>',
    );
    expect([scan.lastRow, scan.lastCol, scan.cells]).toEqual([5, 4, 4]);
  });
});

describe('honest refusals', () => {
  it('a valid package that the reader still cannot read is "unreadable" (Excel can open it), not "damaged"', async () => {
    // A conditional format that names a differential style the file does not define: ExcelJS fails
    // on it, Excel opens the file.
    const zip = await JSZip.loadAsync(bytesOf('exceljs-plain.xlsx'));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file(
      'xl/worksheets/sheet1.xml',
      sheet.replace(
        '<pageMargins',
        '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="7" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><pageMargins',
      ),
    );
    const io = recordingIO();
    io.files.set('odd.xlsx', await zip.generateAsync({ type: 'uint8array' }));
    expect(await main(['check', 'odd.xlsx', '--json'], io)).toBe(2);
    expect(JSON.parse(io.out).error.code).toBe('read-unreadable');
    expect(io.err).toContain('Excel mở được tệp này');
    expect(io.err).toContain('Lưu thành');
    expect(io.err).not.toMatch(/hỏng/);
  });

  it('encrypted files are explained, Excel default encryption (VelvetSweatshop) included', async () => {
    const io = recordingIO();
    expect(
      await main(['check', join(__dirname, '..', 'fixtures', 'hostile', 'encrypted.xlsx')], io),
    ).toBe(2);
    expect(io.err).toContain('VelvetSweatshop');
    expect(io.err).toContain('không hỏi mật khẩu');
  });
});

// ---------------------------------------------------------------------------------------------
// The checked copy keeps everything: part by part

const FIXTURES = join(__dirname, '..', 'fixtures', 'xlsx');
const HOSTILE = join(__dirname, '..', 'fixtures', 'hostile');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain .js module, shared with the corpus script
const hostile = require('./hostile-corpus.js') as { CORPUS: { file: string; expect: string }[] };

/** Every file of the corpora that reads (the two slowest heavy files aside: they are read above). */
const COPY_INPUTS = [
  ...corpus.FILES.filter(
    (f) => f.file !== 'merges-20000.xlsx' && f.file !== 'shared-strings-60000.xlsx',
  ).map((f) => join(REAL, f.file)),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, f)),
  ...hostile.CORPUS.filter((c) => c.expect === 'read').map((c) => join(HOSTILE, c.file)),
];

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.files[name].async('uint8array')));
  return out;
}

/** workbook part, its rels, styles, and the worksheet parts of the named sheets of a package. */
async function editableParts(bytes: Uint8Array, sheets: string[]): Promise<Set<string>> {
  const zip = await JSZip.loadAsync(bytes);
  const rootRels = await zip.file('_rels/.rels')!.async('string');
  const wbTarget =
    /Target="\/?([^"]+)"[^>]*Type="[^"]*officeDocument"|Type="[^"]*officeDocument"[^>]*Target="\/?([^"]+)"/.exec(
      rootRels,
    )!;
  const wb = wbTarget[1] ?? wbTarget[2];
  const dir = wb.slice(0, wb.lastIndexOf('/') + 1);
  const relsName = `${dir}_rels/${wb.slice(dir.length)}.rels`;
  const rels = await zip.file(relsName)!.async('string');
  const wbXml = await zip.file(wb)!.async('string');
  const out = new Set(['[Content_Types].xml', wb, relsName]);
  const targetOf = (id: string) => {
    const m = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`).exec(rels)![0];
    const t = /Target="([^"]+)"/.exec(m)![1];
    return t.startsWith('/') ? t.slice(1) : dir + t;
  };
  const styles = /<Relationship [^>]*Type="[^"]*\/styles"[^>]*>/.exec(rels);
  if (styles)
    out.add(/Id="([^"]+)"/.exec(styles[0])![1] && targetOf(/Id="([^"]+)"/.exec(styles[0])![1]));
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])![1];
    if (sheets.includes(name)) out.add(targetOf(/:id="([^"]+)"/.exec(m[0])![1]));
  }
  return out;
}

describe('check --out: the copy is the original package plus the add-in’s parts', () => {
  it.each(COPY_INPUTS.map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const input = new Uint8Array(readFileSync(file));
    const io = recordingIO();
    const code = await main(
      ['check', file, '--out', 'copy.xlsx', '--json', '--as-of', '2026-06-15'],
      io,
    );
    expect(io.err).toBe('');
    if (code === 3) {
      expect(io.files.size).toBe(0);
      return;
    }
    expect([0, 1]).toContain(code);
    const copy = io.files.get('copy.xlsx')!;
    const checked = (JSON.parse(io.out).sheets as { name: string; headerRow: number | null }[])
      .filter((s) => s.headerRow !== null)
      .map((s) => s.name);
    const before = await parts(input);
    const after = await parts(copy);
    const editable = await editableParts(input, checked);
    // Every part of the input is in the copy; all but the few the add-in edits are byte-identical.
    for (const [name, bytes] of before) {
      expect({ name, present: after.has(name) }).toEqual({ name, present: true });
      if (!editable.has(name))
        expect({ name, same: Buffer.compare(bytes, after.get(name)!) === 0 }).toEqual({
          name,
          same: true,
        });
    }
    // The copy reads, with the user's sheets as they were and the add-in's sheets after them.
    const a = await readWorkbook(input);
    const b = await readWorkbook(copy);
    for (const s of a.sheets) {
      const t = b.sheets.find((x) => x.name === s.name)!;
      expect({ sheet: s.name, values: t.values, merges: t.merges }).toEqual({
        sheet: s.name,
        values: s.values,
        merges: s.merges,
      });
    }
    expect(b.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['PC Nhiệm vụ', 'PC Tổng hợp', 'PC Kết quả kiểm tra']),
    );
  });

  it('keeps a macro workbook whole: the macro project and its content type, charts, chart sheet, PivotTable, comments, links, custom XML', async () => {
    const file = join(REAL, 'keeps-everything.xlsm');
    const io = recordingIO();
    await main(['check', file, '--out', 'copy.xlsm', '--as-of', '2026-06-15'], io);
    const after = await parts(io.files.get('copy.xlsm')!);
    for (const name of [
      'xl/vbaProject.bin',
      'xl/charts/chart1.xml',
      'xl/chartsheets/sheet1.xml',
      'xl/pivotTables/pivotTable1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml',
      'xl/comments1.xml',
      'xl/externalLinks/externalLink1.xml',
      'customXml/item1.xml',
      'xl/printerSettings/printerSettings1.bin',
    ]) {
      expect({ name, present: after.has(name) }).toEqual({ name, present: true });
    }
    const types = after.get('[Content_Types].xml')!.toString('utf8');
    expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    const wb = after.get('xl/workbook.xml')!.toString('utf8');
    expect(wb).toContain('<sheet name="Biểu đồ"');
    expect(wb).toContain('<definedName name="DanhSachCoQuan">');
    expect(wb).toContain('<pivotCache cacheId="1"');
    const sheet = after.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<hyperlinks>');
    expect(sheet).toContain('<legacyDrawing r:id="rIdVml1"/>');
    expect(sheet).toContain('phancong:');
  });

  it('a second check of the copy replaces the add-in’s sheets and marks instead of adding more', async () => {
    const io = recordingIO();
    await main(
      ['check', join(REAL, 'keeps-everything.xlsm'), '--out', 'once.xlsm', '--as-of', '2026-06-15'],
      io,
    );
    io.files.set('once.xlsm', io.files.get('once.xlsm')!);
    await main(['check', 'once.xlsm', '--out', 'twice.xlsm', '--as-of', '2026-06-15'], io);
    const once = await parts(io.files.get('once.xlsm')!);
    const twice = await parts(io.files.get('twice.xlsm')!);
    expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
    const wb = twice.get('xl/workbook.xml')!.toString('utf8');
    expect(wb.match(/PhanCong_Own_tasks/gi)).toHaveLength(1);
    expect(wb.match(/name="PC Nhiệm vụ"/g)).toHaveLength(1);
    const sheet = twice.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet.match(/phancong:/g)?.length).toBe(
      once
        .get('xl/worksheets/sheet1.xml')!
        .toString('utf8')
        .match(/phancong:/g)?.length,
    );
    const { sheets } = await readWorkbook(io.files.get('twice.xlsm')!);
    expect(sheets.map((s) => s.name)).toEqual([
      'Phụ lục',
      'Ghi chú',
      'PC Nhiệm vụ',
      'PC Cơ quan',
      'PC Tổng hợp',
      'PC Báo cáo',
      'PC Đôn đốc',
      'PC Kết quả kiểm tra',
    ]);
  });
});
