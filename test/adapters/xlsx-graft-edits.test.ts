/**
 * Fix edits written into the original package (graft-edits.ts): the cell patch on hand-written
 * sheet XML, every other part byte-identical, read back by the project's reader and by LibreOffice,
 * `phancong fix` on the real-workbook corpus, and the standalone host's download after apply/undo.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { graftEdits, patchSheetXml } from '../../src/adapters/xlsx/graft-edits';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { StandaloneHost } from '../../src/adapters/standalone/host';
import type { CellValue } from '../../src/engine/types';
import { main } from '../../src/cli/main';
import { extractPlan } from '../../src/engine/plan-text/extract';
import { recordingIO } from '../helpers/cli-io';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'phu-luc-mau.xlsx');

const sheet = (
  data: string,
  after = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><dimension ref="A1:C3"/><sheetData>${data}</sheetData>${after}</worksheet>`;
const patch = (cells: [string, CellValue][], merges: string[] = []) => ({
  cells: new Map(cells),
  merges,
});

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, Buffer.from(await zip.files[name].async('uint8array')));
  return out;
}

describe('patchSheetXml', () => {
  const data =
    '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="C1" s="3"><v>5</v></c></row><row r="3"><c r="B3" s="4"><f>A1&amp;"x"</f><v>ax</v></c></row>';

  test('a shared-string cell becomes an inline string with its style; a number a <v>; a boolean t="b"', () => {
    const { xml, formula } = patchSheetXml(
      sheet(data),
      patch([
        ['A1', 'Sở <Tài> chính & _x0041_'],
        ['C1', 12.5],
        ['B3', true],
      ]),
    );
    expect(xml).toContain(
      '<c r="A1" s="2" t="inlineStr"><is><t xml:space="preserve">Sở &lt;Tài&gt; chính &amp; _x005F_x0041_</t></is></c>',
    );
    expect(xml).toContain('<c r="C1" s="3"><v>12.5</v></c>');
    // The formula is dropped, the style kept.
    expect(xml).toContain('<c r="B3" s="4" t="b"><v>1</v></c>');
    expect(formula).toBe(true);
    expect(xml).not.toContain('<f>');
  });

  test('null removes the value but keeps the cell and its style', () => {
    const { xml, formula } = patchSheetXml(
      sheet(data),
      patch([
        ['A1', null],
        ['C1', ''],
      ]),
    );
    expect(xml).toContain('<row r="1" spans="1:3"><c r="A1" s="2"/><c r="C1" s="3"/></row>');
    expect(formula).toBe(false);
  });

  test('a missing cell and a missing row are created in sorted order; dimension and spans follow', () => {
    const { xml } = patchSheetXml(
      sheet(data),
      patch([
        ['B1', 'giữa'],
        ['D3', 7],
        ['B2', 'mới'],
        ['A5', 'cuối'],
        ['E9', null],
      ]),
    );
    expect(xml).toContain(
      '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">giữa</t></is></c><c r="C1" s="3"><v>5</v></c></row>',
    );
    expect(xml).toContain(
      '<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve">mới</t></is></c></row><row r="3">',
    );
    expect(xml).toContain(
      '<f>A1&amp;"x"</f><v>ax</v></c><c r="D3"><v>7</v></c></row><row r="5"><c r="A5" t="inlineStr">',
    );
    expect(xml).not.toContain('E9');
    expect(xml).toContain('<dimension ref="A1:D5"/>');
  });

  test('merges: added to <mergeCells> with its count, or a new block before pageMargins; other cells of a merge emptied', () => {
    const withBlock = patchSheetXml(
      sheet(
        data,
        '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins left="0.7"/>',
      ),
      patch([], ['B3:B4', 'A1:C1']),
    );
    expect(withBlock.xml).toContain(
      '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B3:B4"/></mergeCells><pageMargins',
    );
    const created = patchSheetXml(
      sheet(
        data,
        '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting><pageMargins left="0.7"/>',
      ),
      patch([], ['A1:A3']),
    );
    expect(created.xml).toContain(
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells><conditionalFormatting',
    );
    // A1 keeps its value; a cell under it that had one loses it (as a merge does), keeping its style.
    const under = patchSheetXml(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="7" t="s"><v>1</v></c></row>',
      ),
      patch([], ['A1:A2']),
    );
    expect(under.xml).toContain(
      '<c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="7"/></row>',
    );
  });

  test('the other cells of a shared formula whose master is edited keep their values, not an orphan formula', () => {
    const shared =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c><c r="B2"><f t="shared" ref="B2:B3" si="1">C2</f><v>0</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="B3"><f t="shared" si="1"/><v>0</v></c></row>';
    const { xml } = patchSheetXml(sheet(shared), patch([['A1', 'x']]));
    expect(xml).toContain('<c r="A2"><v>4</v></c>');
    expect(xml).toContain('<c r="A3"><v>6</v></c>');
    expect(xml).toContain('<c r="B3"><f t="shared" si="1"/><v>0</v></c>');
  });

  test('the x: prefix is kept; rows without positions get them, and the cells of an edited row', () => {
    const x = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c/></x:row><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const { xml } = patchSheetXml(
      x,
      patch(
        [
          ['B1', 'b'],
          ['A4', 3],
        ],
        ['A1:B1'],
      ),
    );
    expect(xml).toBe(
      `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"/></x:row><x:row r="2"><x:c><x:v>1</x:v></x:c></x:row><x:row r="4"><x:c r="A4"><x:v>3</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`,
    );
  });
});

describe('graftEdits on a package', () => {
  const file = path.join(REAL, 'keeps-everything.xlsm');
  const edits: [string, CellValue][] = [
    ['D6', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['B4', 'Mục một (đã sửa)'],
    ['H12', 42],
  ];
  let out: Uint8Array;
  beforeAll(async () => {
    out = await graftEdits(new Uint8Array(fs.readFileSync(file)), [
      {
        sheet: 'Phụ lục',
        edits: edits.map(([cell, after]) => ({ sheet: 'Phụ lục', cell, before: null, after })),
        merges: [],
      },
    ]);
  });

  test('every part but the edited sheet is byte-identical (macros, charts, comments, PivotTable…)', async () => {
    const before = await parts(new Uint8Array(fs.readFileSync(file)));
    const after = await parts(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before]
      .filter(([name, bytes]) => Buffer.compare(bytes, after.get(name)!) !== 0)
      .map(([name]) => name);
    expect(changed).toEqual(['xl/worksheets/sheet1.xml']);
  });

  test('reads back with the project reader: the edited values, everything else as before', async () => {
    const a = (await readWorkbook(new Uint8Array(fs.readFileSync(file)))).sheets;
    const b = (await readWorkbook(out)).sheets;
    const expected = a.find((s) => s.name === 'Phụ lục')!.values.map((r) => [...r]);
    for (const [cell, v] of edits) {
      const [, col, row] = /^([A-Z])(\d+)$/.exec(cell)!;
      const r = Number(row) - 1;
      const c = col.charCodeAt(0) - 65;
      while (expected.length <= r) expected.push([]);
      expected[r][c] = v;
    }
    const got = b.find((s) => s.name === 'Phụ lục')!.values;
    for (const [cell] of edits) {
      const [, col, row] = /^([A-Z])(\d+)$/.exec(cell)!;
      expect([cell, got[Number(row) - 1][col.charCodeAt(0) - 65]]).toEqual([
        cell,
        expected[Number(row) - 1][col.charCodeAt(0) - 65],
      ]);
    }
    const tableOf = (v: unknown[][]) => v.slice(0, 9).map((r) => r.slice(0, 6));
    expect(tableOf(got)).toEqual(tableOf(expected));
    for (const s of a.filter((x) => x.name !== 'Phụ lục'))
      expect(b.find((x) => x.name === s.name)!.values).toEqual(s.values);
  });

  test('a dropped formula takes calcChain.xml with it; no edit returns the bytes unchanged', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(REAL, 'exceljs-plain.xlsx')));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file(
      'xl/worksheets/sheet1.xml',
      sheetXml.replace(
        /<c r="A5"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/,
        '<c r="A5"><f>1+1</f><v>2</v></c>',
      ),
    );
    zip.file('xl/calcChain.xml', `<calcChain xmlns="${NS}"><c r="A5" i="1"/></calcChain>`);
    zip.file(
      'xl/_rels/workbook.xml.rels',
      (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
        '</Relationships>',
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    zip.file(
      '[Content_Types].xml',
      (await zip.file('[Content_Types].xml')!.async('string')).replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const input = await zip.generateAsync({ type: 'uint8array' });
    const patched = await parts(
      await graftEdits(input, [
        {
          sheet: 'Phụ lục',
          edits: [{ sheet: 'Phụ lục', cell: 'A5', before: 2, after: 'x' }],
          merges: [],
        },
      ]),
    );
    expect(patched.has('xl/calcChain.xml')).toBe(false);
    expect(patched.get('xl/_rels/workbook.xml.rels')!.toString()).not.toContain('calcChain');
    expect(patched.get('[Content_Types].xml')!.toString()).not.toContain('calcChain');
    expect(await graftEdits(input, [])).toBe(input);
    await expect(
      graftEdits(input, [
        {
          sheet: 'Không có',
          edits: [{ sheet: 'Không có', cell: 'A1', before: null, after: 1 }],
          merges: [],
        },
      ]),
    ).rejects.toThrow('no-sheet:Không có');
  });

  const soffice = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  })();
  (soffice ? test : test.skip)(
    'LibreOffice reads the edited values',
    () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-graft-edits-'));
      try {
        const input = path.join(tmp, 'edited.xlsx');
        fs.writeFileSync(input, out);
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${tmp}/profile`,
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
        const csv = fs
          .readFileSync(
            path.join(
              tmp,
              fs.readdirSync(tmp).find((f) => f.endsWith('.csv'))!,
            ),
            'utf8',
          )
          .split(/\r?\n/);
        expect(csv[5]).toContain('"Sở Văn hóa, Thể thao và Du lịch"');
        expect(csv[3]).toContain('Mục một (đã sửa)');
        expect(csv[11].split(',')[7]).toBe('42');
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
    150000,
  );
});

describe('phancong fix keeps every part it does not edit', () => {
  const files = fs
    .readdirSync(REAL)
    .filter(
      (f) => /\.xls[xm]$/.test(f) && f !== 'merges-20000.xlsx' && f !== 'shared-strings-60000.xlsx',
    );
  test.each(files)('%s', async (name) => {
    const file = path.join(REAL, name);
    const io = recordingIO();
    expect(
      await main(['fix', file, '--out', 'fixed.xlsx', '--as-of', '2026-06-15', '--json'], io),
    ).toBe(0);
    const doc = JSON.parse(io.out);
    expect(doc.summary.fixes).toBeGreaterThan(0);
    const before = await parts(new Uint8Array(fs.readFileSync(file)));
    const after = await parts(io.files.get('fixed.xlsx')!);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before]
      .filter(([n, b]) => Buffer.compare(b, after.get(n)!) !== 0)
      .map(([n]) => n);
    expect(changed).toHaveLength(1);
    // …the worksheet of the fixed sheet.
    expect(after.get(changed[0])!.toString('utf8')).toMatch(/<(?:x:)?sheetData\b/);
    // The fixed values read back, and a new check offers no fix.
    const values = (await readWorkbook(io.files.get('fixed.xlsx')!)).sheets.find(
      (s) => s.name === 'Phụ lục',
    )!.values;
    for (const fix of doc.sheets[0].applied)
      for (const e of fix.edits) {
        const [, col, row] = /^([A-Z])(\d+)$/.exec(e.cell)!;
        expect(values[Number(row) - 1][col.charCodeAt(0) - 65]).toEqual(e.after);
      }
    const again = recordingIO();
    again.files.set('fixed.xlsx', io.files.get('fixed.xlsx')!);
    await main(
      ['check', 'fixed.xlsx', '--as-of', '2026-06-15', '--json', '--sheet', 'Phụ lục'],
      again,
    );
    expect(
      JSON.parse(again.out).sheets[0].findings.filter(
        (f: { fixes?: unknown[] }) => f.fixes?.length,
      ),
    ).toEqual([]);
  });
});

describe('standalone download', () => {
  test('holds the applied fixes; after undo, the original values and the original sheet part', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const host = await StandaloneHost.open(bytes, { fileName: 'mau.xlsx' });
    const name = (await host.listSheets()).find((s) => !s.own)!.name;
    const read = await host.readSheet(name);
    const original = (await readWorkbook(bytes)).sheets.find((s) => s.name === name)!;
    // Rewrite the first two non-empty text cells of column B.
    const targets = original.values
      .map((r, i) => ({ v: r[1], row: i + 1 }))
      .filter((x) => typeof x.v === 'string' && x.v !== '')
      .slice(0, 2);
    const batch = {
      sheet: name,
      edits: targets.map((x) => ({
        sheet: name,
        cell: `B${x.row}`,
        before: x.v,
        after: `${x.v} (sửa)`,
      })),
      merges: [],
    };
    const record = await host.applyEdits(batch, read.fingerprint);
    const edited = (await readWorkbook(await host.checkedBytes(null, 'vi'))).sheets.find(
      (s) => s.name === name,
    )!;
    for (const x of targets) expect(edited.values[x.row - 1][1]).toBe(`${x.v} (sửa)`);
    await host.undoEdits(record);
    const download = await host.checkedBytes(null, 'vi');
    expect((await readWorkbook(download)).sheets.find((s) => s.name === name)!.values).toEqual(
      original.values,
    );
    const [a, b] = [await parts(bytes), await parts(download)];
    for (const [n, buf] of a)
      if (/worksheets\//.test(n)) expect([n, Buffer.compare(buf, b.get(n)!)]).toEqual([n, 0]);
  });

  test('a sheet made in the page (a draft appendix) is in the download with the fixes', async () => {
    const host = await StandaloneHost.open(fs.readFileSync(SAMPLE), { fileName: 'mau.xlsx' });
    const draft = extractPlan(
      fs.readFileSync(
        path.join(__dirname, '..', 'fixtures', 'seeds', '000-lao-cai-ke-hoach-2026.txt'),
        'utf8',
      ),
    );
    const { sheet } = await host.writeAppendix(draft, 'vi');
    const read = await host.readSheet(sheet);
    const before = read.snapshot.values[read.snapshot.values.length - 1][1];
    const row = read.snapshot.values.length;
    await host.applyEdits(
      { sheet, edits: [{ sheet, cell: `B${row}`, before, after: 'Đã sửa' }], merges: [] },
      read.fingerprint,
    );
    const names = (await readWorkbook(await host.checkedBytes(null, 'vi'))).sheets;
    expect(names.find((s) => s.name === sheet)!.values[row - 1][1]).toBe('Đã sửa');
  });
});
