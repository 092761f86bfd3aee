/**
 * The command's fast read (src/adapters/xlsx/fast-read.ts) against the ExcelJS read it stands in
 * for (read.ts): on every workbook of the fixtures, the same snapshots, or none (the command then
 * reads with ExcelJS); and `phancong check` prints the same bytes, text and --json, either way.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fastReadSheets } from '../../src/adapters/xlsx/fast-read';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

const FIXTURES = join(__dirname, '..', 'fixtures');
const corpus = ['xlsx', 'real', 'hostile']
  .flatMap((d) =>
    readdirSync(join(FIXTURES, d))
      .filter((f) => /\.xls[xm]$/.test(f))
      .map((f) => join(FIXTURES, d, f)),
  )
  .filter((f) => !/validation-whole-sheet|merges-20000/.test(f)); // heavy for ExcelJS: covered by the limits' tests

/** A workbook with what appendices hold: merges, bold and rich text, dates, formulas, hidden rows, row and column styles. */
async function variety(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục 01');
  ws.getColumn(6).numFmt = 'dd/mm/yyyy';
  ws.getColumn(7).font = { bold: true };
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = 'PHÂN CÔNG NHIỆM VỤ <2026> & "kế hoạch"';
  ws.getCell('A1').font = { bold: true };
  ws.getRow(3).values = [
    'TT',
    'Nhiệm vụ',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời gian thực hiện',
    'Ngày xong',
  ];
  ws.getRow(3).font = { bold: true };
  ws.getRow(4).values = [
    'I',
    {
      richText: [
        { text: 'NHÓM ', font: { bold: true } },
        { text: 'MỘT', font: { bold: true, italic: true } },
      ],
    },
  ];
  ws.getRow(5).values = [
    1,
    'Xây dựng\r\nkế hoạch _x000D_',
    'Sở VHTTDL',
    'Sở Tài chính',
    new Date(Date.UTC(2026, 5, 30)),
    null,
  ];
  ws.getRow(6).values = [
    2,
    { richText: [{ text: 'Rà soát ' }, { text: 'đậm', font: { bold: true } }] },
    { formula: 'C5', result: 'Sở VHTTDL' },
    null,
    'Quý II/2026',
  ];
  ws.getCell('F6').value = { formula: 'E5+1', result: new Date(Date.UTC(2026, 6, 1)) };
  ws.getRow(7).values = [3, 'Ẩn', { error: '#REF!' }, true, 46100.5];
  ws.getRow(7).hidden = true;
  ws.getRow(8).numFmt = '0.00';
  ws.getCell('B8').value = 'dòng có định dạng';
  ws.getCell('J8').value = 7;
  ws.mergeCells('B9:C10');
  ws.getCell('B9').value = 'gộp';
  ws.getCell('E9').value = { formula: 'NOW()' };
  ws.getCell('D12').numFmt = '0%';
  const second = wb.addWorksheet('Ghi chú');
  second.getCell('A1').value = 'ghi chú';
  second.state = 'hidden';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The workbook's first worksheet XML, and `read`: the workbook with that part replaced by another
 * text, read both ways (ExcelJS's answer is its error when it refuses the file).
 */
async function withSheetXml(wb: ExcelJS.Workbook) {
  const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const read = async (x: string) => {
    zip.file('xl/worksheets/sheet1.xml', x);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    let full: unknown;
    try {
      full = (await readWorkbook(bytes)).sheets;
    } catch (e) {
      full = e;
    }
    return { fast: await fastReadSheets(bytes), full };
  };
  return { xml, read };
}

describe('the fast read gives ExcelJS’s snapshots, or declines', () => {
  const accepted: string[] = [];
  afterAll(() => {
    // The appendices themselves take the fast path (not a test that passes by declining everything).
    expect(accepted).toEqual(
      expect.arrayContaining([
        '002-bold.xlsx',
        '002-pasted.xlsx',
        '002-raw.xlsx',
        'list-5col.xlsx',
        'tracking-status.xlsx',
        'libreoffice.xlsx',
        'exceljs-plain.xlsx',
      ]),
    );
  });

  test.each(corpus.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const fast = await fastReadSheets(bytes);
    let full: unknown;
    try {
      full = (await readWorkbook(bytes)).sheets;
    } catch (e) {
      full = e;
    }
    if (fast === null) return;
    accepted.push(file.replace(/.*\//, ''));
    expect(full).not.toBeInstanceOf(Error);
    expect(fast).toStrictEqual(full);
  });

  test('merges, rich text, dates, formulas, hidden rows, row and column styles', async () => {
    const bytes = await variety();
    const fast = await fastReadSheets(bytes);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual((await readWorkbook(bytes)).sheets);
    // and it read what is there
    expect(fast![0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 8, left: 1, bottom: 9, right: 2 },
    ]);
    expect(fast![0].hiddenRows).toEqual([6]);
    expect(fast![0].values[3][1]).toBe('NHÓM MỘT');
    expect(fast![0].bold![3][1]).toBe(true);
    expect(fast!.map((s) => s.name)).toEqual(['Phụ lục 01', 'Ghi chú']);
  });

  test('hyperlinks show their text (or the target when the text is not text)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.getCell('A1').value = { text: 'trang', hyperlink: 'https://example.vn' };
    ws.getCell('B2').value = {
      text: { richText: [{ text: 'đậm', font: { bold: true } }] },
      hyperlink: 'https://example.vn/b',
    } as unknown as ExcelJS.CellValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const fast = await fastReadSheets(bytes);
    expect(fast).toStrictEqual((await readWorkbook(bytes)).sheets);
    expect(fast![0].values[0][0]).toBe('trang');
  });

  test('cell and row tags written otherwise: quotes, spaces around "=", order, extra attributes, a value that looks like an attribute', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.getRow(1).values = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì'];
    ws.getRow(2).values = [1, 'Một', 'Sở Tài chính'];
    ws.getRow(3).values = [2, 'Hai', 'Sở Nội vụ'];
    ws.getCell('B2').font = { bold: true };
    const { xml, read } = await withSheetXml(wb);
    const readFast: number[] = [];
    const variants = [
      (x: string) => x.replace(/<c r="(\w+)"/g, '<c  r = "$1" foo="1"'),
      (x: string) => x.replace(/<c r="(\w+)"( s="\d+")?( t="\w+")?/g, '<c$3$2 r="$1"'),
      (x: string) => x.replace(/<row r="(\d+)" spans="[^"]*"/g, '<row\tr="$1" hidden="0"'),
      (x: string) => x.replace('<row r="2"', '<row r="2" r="2"'),
      (x: string) => x.replace('<c r="A3"', '<c foo="a r=\'Z9\'" r="A3"'),
      (x: string) => x.replace('<c r="A3"', '<c r="A3" r="B7"'),
    ];
    for (const variant of variants) {
      const changed = variant(xml);
      expect(changed).not.toBe(xml);
      const { fast, full } = await read(changed);
      if (fast !== null) readFast.push(variants.indexOf(variant));
      if (fast !== null) expect(fast).toStrictEqual(full);
    }
    // The plain tags are read; duplicate attributes decline (ExcelJS refuses them), and so does a
    // value that looks like an attribute (the regular expression of a tag that is not plain sees two r).
    expect(readFast).toEqual([0, 1, 2]);
  });

  test('wide rows: a merge across many cells, cells out of order, empty cells a row style creates, a cell given twice', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.getRow(1).values = Array.from({ length: 24 }, (_, i) => `cột ${i + 1}`);
    ws.getRow(2).values = Array.from({ length: 24 }, (_, i) => (i % 5 === 0 ? null : i));
    ws.mergeCells('C2:T3');
    ws.getRow(4).numFmt = '0.00';
    ws.getRow(4).font = { bold: true };
    ws.getCell('A4').value = 1;
    ws.getCell('X4').value = 'xa';
    const { xml, read } = await withSheetXml(wb);
    const asWritten = await read(xml);
    expect(asWritten.fast).not.toBeNull();
    expect(asWritten.fast).toStrictEqual(asWritten.full);
    expect(asWritten.fast![0].values[3][23]).toBe('xa');
    expect(asWritten.fast![0].numberFormats![3][10]).toBe('0.00');
    expect(asWritten.fast![0].bold![3][10]).toBe(true);
    // The first cell of row 1 written last.
    const a1 = /<c r="A1"[^>]*>.*?<\/c>/.exec(xml)![0];
    const reordered = await read(xml.replace(a1, '').replace('</row>', `${a1}</row>`));
    expect(reordered.fast).not.toBeNull();
    expect(reordered.fast).toStrictEqual(reordered.full);
    // A cell of a 24-cell row given twice: ExcelJS keeps one, the fast read declines.
    const w1 = /<c r="W1"[^>]*>.*?<\/c>/.exec(xml)![0];
    expect((await read(xml.replace('</row>', `${w1}</row>`))).fast).toBeNull();
  });

  test('declines a worksheet with a comment, CDATA or a prefixed element, wherever it stands', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.getRow(1).values = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì'];
    ws.getRow(2).values = [1, 'Một', 'Sở Tài chính'];
    const { xml, read } = await withSheetXml(wb);
    expect((await read(xml)).fast).not.toBeNull();
    const a2 = /<c r="A2"[^>]*>/.exec(xml)![0];
    const variants = [
      xml.replace('<row ', '<!-- giữa các dòng --><row '), // in sheetData, between tags
      xml.replace('</row>', '<y:c r="Z9" xmlns:y="urn:y"/></row>'), // a prefixed cell in a row
      xml.replace(a2, `${a2}<!-- trong ô -->`), // in a cell's content
      xml.replace(a2, `${a2.slice(0, -1)} y="<!--">`), // in a tag (not plain)
      xml.replace('</sheetData>', '</sheetData><![CDATA[x]]>'), // after sheetData
      xml.replace('<sheetData', '<!-- trước --><sheetData'), // before it
    ];
    for (const v of variants) {
      expect(v).not.toBe(xml);
      expect((await read(v)).fast).toBeNull();
    }
  });

  test('declines what it does not cover: a package that needs normalising, a file ExcelJS refuses', async () => {
    expect(
      await fastReadSheets(
        new Uint8Array(readFileSync(join(FIXTURES, 'hostile', 'valid-unreadable.xlsx'))),
      ),
    ).toBeNull();
    const prefixed = new Uint8Array(readFileSync(join(FIXTURES, 'real', 'x-prefixed.xlsx')));
    expect(await fastReadSheets(prefixed)).toBeNull();
    expect(await fastReadSheets(new TextEncoder().encode('not a workbook'))).toBeNull();
  });
});

describe('phancong check prints the same bytes with the fast read and with ExcelJS', () => {
  const appendices = corpus.filter((f) => /fixtures\/(xlsx|real)\//.test(f));
  jest.setTimeout(180_000);
  test.each(appendices.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s', async (_name, file) => {
    for (const args of [[], ['--json'], ['--all', '--lang', 'en']]) {
      const full = recordingIO();
      const fullCode = await main(['check', file, '--as-of', '2026-11-22', ...args], full);
      const fast = recordingIO();
      fast.readWorkbook = async (bytes) =>
        (await fastReadSheets(bytes)) ?? (await readWorkbook(bytes)).sheets;
      const fastCode = await main(['check', file, '--as-of', '2026-11-22', ...args], fast);
      expect(fast.out).toBe(full.out);
      expect(fast.err).toBe(full.err);
      expect(fastCode).toBe(fullCode);
    }
  });
});

describe('snapshots cross from the read worker packed, and arrive the same', () => {
  test.each([
    'xlsx/002-bold.xlsx',
    'real/libreoffice.xlsx',
    'hostile/dates-mixed.xlsx',
    'hostile/hidden-rows-cols.xlsx',
  ])('%s', async (name) => {
    const { packSheets, unpackSheets } = await import('../../src/adapters/xlsx/packed-sheet');
    const sheets = (await readWorkbook(new Uint8Array(readFileSync(join(FIXTURES, name))))).sheets;
    expect(unpackSheets(packSheets(sheets))).toStrictEqual(sheets);
    // Through the structured clone the worker's message takes (its objects are of Node's realm, not jest's: compared as JSON).
    expect(JSON.stringify(unpackSheets(structuredClone(packSheets(sheets))))).toBe(
      JSON.stringify(sheets),
    );
    expect(unpackSheets(packSheets([{ name: 'x', values: [[1]] }]))).toStrictEqual([
      { name: 'x', values: [[1]] },
    ]);
    // Every kind of value (and -0, NaN, an error value, the same text twice), and rows with holes.
    const odd = [
      {
        name: 'y',
        values: [['a', 'a', -0, NaN, 1.5, true, false, null, { error: '#N/A' }], [], ['a']],
      },
    ];
    expect(unpackSheets(packSheets(odd))).toStrictEqual(odd);
    const cloned = unpackSheets(structuredClone(packSheets(odd)))[0].values;
    expect(JSON.stringify(cloned)).toBe(JSON.stringify(odd[0].values));
    expect(Object.is(cloned[0][2], -0) && Number.isNaN(cloned[0][3])).toBe(true);
    const holey = [{ name: 'z', values: [[1, , 'b']] }]; // eslint-disable-line no-sparse-arrays
    expect(unpackSheets(packSheets(holey as never))).toStrictEqual(holey);
  });
});
