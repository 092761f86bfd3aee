import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import {
  WorkbookReadError,
  dateToSerial,
  readWorkbook,
  sheetSnapshot,
} from '../../src/adapters/xlsx/read';
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import { isDateFormat } from '../../src/engine/workbook';

const ROOT = path.resolve(__dirname, '../..');
const XLSX_DIR = path.join(ROOT, 'test/fixtures/xlsx');
const GENERATOR = path.join(ROOT, 'test/fixtures/generate.js');
const SEED_002 = path.join(ROOT, 'test/fixtures/seeds/002-lao-cai-du-lich-2026.txt');

const FIXTURES = [
  '002-raw.xlsx',
  '002-bold.xlsx',
  '002-pasted.xlsx',
  'list-5col.xlsx',
  'two-row-header.xlsx',
  'tracking-status.xlsx',
  'no-table.xlsx',
];

async function read(name: string): Promise<SheetSnapshot[]> {
  return (await readWorkbook(fs.readFileSync(path.join(XLSX_DIR, name)))).sheets;
}

/** 1-based sheet row → the row's values. */
function row(s: SheetSnapshot, sheetRow: number): CellValue[] {
  return s.values[sheetRow - 1];
}

function str(v: CellValue): string {
  return typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v);
}

const seedLines = fs.readFileSync(SEED_002, 'utf8').replace(/\r\n?/g, '\n').split('\n');

describe('002-raw.xlsx: the seed, one cell per tab, tags kept', () => {
  let s: SheetSnapshot;
  beforeAll(async () => {
    const sheets = await read('002-raw.xlsx');
    expect(sheets).toHaveLength(1);
    s = sheets[0];
  });

  it('keeps one sheet row per seed line', () => {
    expect(s.name).toBe('Phụ lục 02');
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values).toHaveLength(seedLines.length); // 210: the seed has no trailing newline
    expect(s.values.every((r) => r.length === 11)).toBe(true); // widest row: the 11-cell rows
    expect(s.merges).toEqual([]);
    expect(s.hiddenRows).toEqual([]);
  });

  it('matches the seed cell by cell in the table part', () => {
    for (let i = 10; i < seedLines.length; i++) {
      const cells = seedLines[i] === '' ? [] : seedLines[i].split('\t');
      const got = row(s, i + 1).map(str);
      for (let c = 0; c < 11; c++) expect([i + 1, c, got[c]]).toEqual([i + 1, c, cells[c] ?? '']);
    }
  });

  it('puts the title block in column A, ** removed and bold', () => {
    expect(row(s, 1).every((v) => v === null)).toBe(true);
    expect(row(s, 3)[0]).toBe('Phụ lục 02:');
    expect(row(s, 5)[0]).toBe('PHÂN CÔNG NHIỆM VỤ');
    expect(s.bold![4][0]).toBe(true);
    expect(row(s, 7)[0]).toBe('Kế hoạch triển khai Đề án Phát triển du lịch tỉnh Lào Cai năm 2026');
    expect(s.bold![6][0]).toBe(true);
    expect(String(row(s, 9)[0])).toMatch(/^\(Kèm theo Kế hoạch/);
    expect(s.bold![8][0]).toBe(false);
  });

  it('keeps <b> and <a href> tags literally, with no bold font', () => {
    expect(row(s, 12)[0]).toBe('<b>I</b>');
    expect(String(row(s, 12)[1])).toMatch(/^<b>Đổi mới tư duy.*<\/b>$/);
    expect(row(s, 17)[0]).toBe('<b>TT</b>');
    expect(String(row(s, 127)[7])).toContain('<a href="https://thongke.tourism.vn/">');
    expect(s.bold!.slice(10).every((r) => r.every((b) => !b))).toBe(true);
    // TT values stay text ("1", "1.10", "3.4.")
    expect(row(s, 13)[0]).toBe('1');
    expect(row(s, 77)[0]).toBe('1.10');
    expect(row(s, 161)[0]).toBe('3.4.');
  });

  it('keeps the ragged rows: 9- and 11-cell rows spill past column H', () => {
    // 11-cell rows: 2.6 has its result in I, 2.9 and 2.10 fill I:K
    expect(row(s, 148)[8]).toMatch(/^Tổ chức 01 Hội nghị kích cầu/);
    expect(
      row(s, 150)
        .slice(8)
        .every((v) => typeof v === 'string' && v !== ''),
    ).toBe(true);
    expect(row(s, 151)[9]).toBe('Quý IV/2026');
    expect(row(s, 183)[7]).toBe('Hàng năm');
    // 9-cell rows (XIII): result in I
    expect(row(s, 203)[8]).toMatch(/^Xây dựng nền tảng/);
    expect(row(s, 204)[7]).toBe('Năm 2026'); // shifted right by one
    // an 8-cell row leaves I:K empty
    expect(row(s, 13).slice(8)).toEqual([null, null, null]);
  });

  it('keeps repeated headers and blank rows', () => {
    const headers = s.values.filter((r) => /^(<b>)?TT(<\/b>)?$/.test(str(r[0])));
    expect(headers).toHaveLength(29); // the first header and 28 page-break repeats
    expect(row(s, 16).every((v) => v === null)).toBe(true);
  });
});

describe('002-bold.xlsx: the same grid with real bold fonts', () => {
  let s: SheetSnapshot;
  beforeAll(async () => {
    s = (await read('002-bold.xlsx'))[0];
  });

  it('has no tag left anywhere', () => {
    for (const r of s.values) for (const v of r) expect(str(v)).not.toMatch(/<\/?(b|a)\b/);
    expect(s.values).toHaveLength(210);
  });

  it('turns <b> cells into bold cells and nothing else', () => {
    expect(row(s, 12)[0]).toBe('I');
    expect(s.bold![11][0]).toBe(true);
    expect(s.bold![11][1]).toBe(true);
    expect(s.bold![16].slice(0, 8)).toEqual(new Array(8).fill(true)); // the <b> header (line 17)
    expect(s.bold![10].slice(0, 8)).toEqual(new Array(8).fill(false)); // the untagged header (line 11)
    expect(s.bold![12].some(Boolean)).toBe(false);
    const boldCells = s.bold!.slice(10).flat().filter(Boolean).length;
    const tagged = seedLines
      .slice(10)
      .flatMap((l) => l.split('\t'))
      .filter((c) => c.includes('<b>')).length;
    expect(boldCells).toBe(tagged);
    expect(row(s, 62)[0]).toBe('1'); // bold group row "1" under VI
    expect(s.bold![61][0]).toBe(true);
  });

  it('turns the <a href> cell into a hyperlink cell read back as its text', () => {
    const v = String(row(s, 127)[7]);
    expect(v).toContain('hệ thống https://thongke.tourism.vn/ , phục vụ');
  });
});

describe('002-pasted.xlsx: as pasted from Word', () => {
  let s: SheetSnapshot;
  beforeAll(async () => {
    s = (await read('002-pasted.xlsx'))[0];
  });

  it('has the title block, one header, no blank or repeated header rows', () => {
    expect(row(s, 1)[0]).toBe('Phụ lục 02:');
    expect(row(s, 2)[0]).toBe('PHÂN CÔNG NHIỆM VỤ');
    expect(row(s, 6)[0]).toBe('TT');
    expect(s.bold![5].slice(0, 8).every(Boolean)).toBe(true);
    const headers = s.values.filter((r) => r[0] === 'TT');
    expect(headers).toHaveLength(1);
    const body = s.values.slice(6);
    expect(body.some((r) => r.every((v) => v === null))).toBe(false);
    // 200 table lines − 29 headers − 28 blank lines − 3 continuation rows = 140 rows
    expect(body).toHaveLength(140);
    expect(s.values).toHaveLength(146);
  });

  it('merges section and group titles over B:H and titles over A:H', () => {
    const merges = s.merges!;
    const at = (top: number) => merges.filter((m) => m.top === top);
    expect(at(1)).toEqual([{ top: 1, left: 0, bottom: 1, right: 7 }]);
    const sectionRows = s.values
      .map((r, i) => ({ r, i }))
      .filter(({ r, i }) => i > 5 && s.bold![i][0] && /^[IVX]+$/.test(str(r[0])));
    expect(sectionRows.map(({ r }) => r[0])).toEqual([
      'I',
      'II',
      'III',
      'VI',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
      'XIII',
      'XVI',
    ]);
    for (const { i } of sectionRows) {
      expect(merges).toContainEqual({ top: i, left: 1, bottom: i, right: 7 });
      expect(s.values[i].slice(2, 8).every((v) => v === null)).toBe(true);
    }
    // Group row "1" under VI (2nd): bold number, title merged B:H
    const g = s.values.findIndex((r, i) => r[0] === 1 && s.bold![i][0]);
    expect(g).toBeGreaterThan(0);
    expect(merges).toContainEqual({ top: g, left: 1, bottom: g, right: 7 });
  });

  it('merges blank leader/inspector cells into the filled one above, within a section', () => {
    const merges = s.merges!;
    const vertical = merges.filter((m) => m.bottom > m.top);
    expect(vertical.length).toBeGreaterThan(20);
    expect(vertical.every((m) => m.left === m.right && (m.left === 2 || m.left === 3))).toBe(true);
    // Section I: the leader on task 1 covers tasks 1–3; the one written again on task 4 covers 4–8.
    const t1 = s.values.findIndex((r) => r[0] === 1);
    expect(str(s.values[t1][2])).toBe('Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh');
    expect(merges).toContainEqual({ top: t1, left: 2, bottom: t1 + 2, right: 2 });
    expect(merges).toContainEqual({ top: t1 + 3, left: 2, bottom: t1 + 7, right: 2 });
    // Inspector: "Giám đốc Sở VHTTDL" on task 4 covers task 5; task 6 has its own.
    expect(merges).toContainEqual({ top: t1 + 3, left: 3, bottom: t1 + 4, right: 3 });
    // Covered cells read as null.
    for (let i = t1 + 1; i <= t1 + 7; i++) if (i !== t1 + 3) expect(s.values[i][2]).toBeNull();
    // No vertical merge crosses a section row.
    const sectionIdx = new Set(
      s.values
        .map((r, i) => (s.bold![i][0] && /^[IVX]+$/.test(str(r[0])) ? i : -1))
        .filter((i) => i >= 0),
    );
    for (const m of vertical)
      for (let i = m.top; i <= m.bottom; i++) expect(sectionIdx.has(i)).toBe(false);
  });

  it('joins continuation rows back into their task', () => {
    const find = (tt: string) => s.values.find((r) => r[0] === tt)!;
    expect(str(find('1.9')[1])).toMatch(/Sa Pa to Love”$/);
    expect(str(find('1.9')[1])).toContain(' với chất liệu tuyết');
    const ix22 = s.values.find(
      (r) => r[0] === '2.2' && str(r[1]).startsWith('Quảng bá thường xuyên'),
    )!;
    expect(str(ix22[1])).toContain('duy trì quảng bá trên dulichlaocai.vn');
    // 3.5 (X.3, an 11-cell row) takes the shifted cells of the row after the page break
    const x35 = s.values.find((r) => r[0] === '3.5')!;
    expect(str(x35[2])).toBe('Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh');
    expect(str(x35[8])).toBe('Cử tối thiểu 02 đồng chí cùng đoàn công tác sang Pháp học');
    expect(s.values.some((r, i) => i > 5 && (r[0] === null || r[0] === ''))).toBe(false);
  });

  it('keeps the source defects', () => {
    const tts = s.values.slice(6).map((r) => r[0]);
    expect(tts.filter((t) => t === '1.1')).toHaveLength(4); // VI.1, IX.1 twice, X.1
    expect(tts).toContain('3.4.');
    // 11-cell rows still spill into I:K
    const r29 = s.values.find((r) => r[0] === '2.9' && typeof r[8] === 'string')!;
    expect(r29[10]).toMatch(/^Đảm bảo tần suất/);
    // integer TT values became numbers, dotted ones stay text
    expect(tts.filter((t) => typeof t === 'number').length).toBeGreaterThan(50);
  });

  it('has a hyperlink cell read as text, wrap text and widths', async () => {
    const task7 = s.values.find((r) =>
      str(r[1]).startsWith('Tổ chức Tập huấn kỹ năng sử dụng phần mềm'),
    )!;
    expect(str(task7[7])).toContain('https://thongke.tourism.vn/ , phục vụ');
    const { workbook } = await readWorkbook(
      fs.readFileSync(path.join(XLSX_DIR, '002-pasted.xlsx')),
    );
    const ws = workbook.worksheets[0];
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getCell('B8').alignment?.wrapText).toBe(true);
    const link = ws
      .getRows(1, ws.rowCount)!
      .flatMap((r) => [r.getCell(8)])
      .find((c) => c.hyperlink);
    expect(link?.hyperlink).toBe('https://thongke.tourism.vn/');
  });
});

describe('the small layouts', () => {
  it('list-5col: title, 5-column header, 3 sections, 12 tasks, one-cell organisation', async () => {
    const [s] = await read('list-5col.xlsx');
    expect(row(s, 5)).toEqual([
      'TT',
      'Nội dung công việc',
      'Tổ chức thực hiện',
      'Thời gian hoàn thành',
      'Ghi chú',
    ]);
    const sections = s.values.filter((r) => /^(I|II|III)$/.test(str(r[0])));
    expect(sections).toHaveLength(3);
    const tasks = s.values.filter((r) => typeof r[0] === 'number');
    expect(tasks).toHaveLength(12);
    expect(tasks.every((r) => r.length === 5)).toBe(true);
    expect(str(row(s, 9)[2])).toBe(
      'Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ; UBND các xã, phường',
    );
    expect(s.merges).toContainEqual({ top: 5, left: 1, bottom: 5, right: 4 });
    expect(s.bold![5][0]).toBe(true);
  });

  it('two-row-header: stacked header with merged cells', async () => {
    const [s] = await read('two-row-header.xlsx');
    expect(row(s, 4)).toEqual(['TT', 'Nội dung nhiệm vụ', 'Cơ quan', null, 'Thời hạn']);
    expect(row(s, 5)).toEqual([null, null, 'Chủ trì', 'Phối hợp', null]);
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 3, left: 0, bottom: 4, right: 0 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 2, bottom: 3, right: 3 },
        { top: 3, left: 4, bottom: 4, right: 4 },
      ]),
    );
    expect(s.bold![3].every(Boolean) && s.bold![4].every(Boolean)).toBe(true);
    expect(s.values.filter((r) => typeof r[0] === 'number')).toHaveLength(9);
    // task 3: a date cell deadline
    expect(row(s, 9)[4]).toBe(46203); // 30/06/2026
    expect(s.numberFormats![8][4]).toBe('dd/mm/yyyy');
  });

  it('tracking-status: date serials and formats, status, done dates, a hidden row', async () => {
    const [s] = await read('tracking-status.xlsx');
    expect(row(s, 3)).toEqual([
      'TT',
      'Nhiệm vụ',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời gian thực hiện',
      'Tình trạng',
      'Ngày hoàn thành',
      'Ghi chú',
    ]);
    const byTt = (tt: string) => s.values.findIndex((r) => r[0] === tt);
    const tasks = s.values.filter(
      (r, i) => i > 2 && /^\d+\.\d+(\.\d+)?$/.test(str(r[0])) && r[2] !== null,
    );
    expect(tasks).toHaveLength(15);

    const i12 = byTt('1.2');
    expect(s.values[i12][4]).toBe(46203); // 30/06/2026
    expect(s.values[i12][5]).toBe('Đã hoàn thành');
    expect(s.values[i12][6]).toBe(46193); // 20/06/2026
    expect(s.numberFormats![i12][4]).toBe('dd/mm/yyyy');
    expect(s.numberFormats![i12][6]).toBe('dd/mm/yyyy');

    const i22 = byTt('2.2');
    expect(s.values[i22][4]).toBe(dateToSerial(new Date(Date.UTC(2026, 2, 31))));
    expect(s.values[i22][4]).toBe(46112);
    expect(s.values[i22][6]).toBe(46122); // 10/04/2026: done late

    expect(s.values[byTt('1.3')][4]).toBe('Quý II/2026');
    expect(s.numberFormats![byTt('1.3')][4]).toBe('General');
    expect(s.values[byTt('1.6')][5]).toBeNull();

    // A completion date typed without a format: Excel's default short date (numFmtId 14).
    const i26 = byTt('2.6');
    expect(s.values[i26][6]).toBe(46371); // 15/12/2026
    expect(isDateFormat(s.numberFormats![i26][6])).toBe(true);

    expect(s.hiddenRows).toEqual([byTt('2.4.1')]);
    expect(s.values.filter((r) => typeof r[4] === 'number')).toHaveLength(5);
  });

  it('no-table: prose only, and numbers with formulas and error values', async () => {
    const sheets = await read('no-table.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(['Thuyết minh', 'Số liệu']);
    const [prose, nums] = sheets;
    expect(prose.values[0][0]).toBe('KẾ HOẠCH phát triển các ngành công nghiệp văn hóa năm 2026');
    expect(prose.bold![0][0]).toBe(true); // all rich-text runs bold
    expect(prose.values.every((r) => r.length === 1)).toBe(true);
    expect(nums.values).toEqual([
      [2024, 1250.5, 13000, 25],
      [2025, 1410, 14500, 27.5],
      [2026, 1600, 16000, 30],
      [3, 4260.5, { error: '#DIV/0!' }, { error: '#REF!' }],
    ]);
    expect(nums.numberFormats![3][1]).toBe('#,##0.0');
  });
});

describe('sheetSnapshot on an in-memory worksheet', () => {
  it('converts dates, formulas, hyperlinks, rich text, errors and booleans', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('T');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 11, 31));
    ws.getCell('B1').value = new Date(Date.UTC(2026, 0, 1, 12));
    ws.getCell('B1').numFmt = 'dd/mm/yyyy hh:mm';
    ws.getCell('C1').value = { formula: 'A1+1' } as ExcelJS.CellFormulaValue;
    ws.getCell('D1').value = {
      formula: 'A1',
      result: new Date(Date.UTC(2026, 5, 30)),
    } as ExcelJS.CellFormulaValue;
    ws.getCell('E1').value = {
      formula: 'X1',
      result: { error: '#N/A' },
    } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = {
      text: { richText: [{ text: 'Cổng ' }, { text: 'thông tin' }] },
      hyperlink: 'https://example.vn',
    } as unknown as ExcelJS.CellHyperlinkValue;
    ws.getCell('B2').value = {
      richText: [
        { text: 'Sở ', font: { bold: true } },
        { text: 'VHTTDL', font: { bold: false } },
      ],
    };
    ws.getCell('C2').value = true;
    ws.getCell('D2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('E2').value = 'x';
    ws.getCell('E2').font = { bold: true };
    ws.mergeCells('A4:C5');
    ws.getCell('A4').value = 'merged';

    const s = sheetSnapshot(ws);
    expect(s.values[0]).toEqual([46387, 46023.5, null, 46203, { error: '#N/A' }]);
    expect(s.numberFormats![0][0]).toBe('dd/mm/yyyy');
    expect(s.numberFormats![0][1]).toBe('dd/mm/yyyy hh:mm');
    expect(s.numberFormats![0][3]).toBe('dd/mm/yyyy');
    expect(s.values[1]).toEqual(['Cổng thông tin', 'Sở VHTTDL', true, { error: '#REF!' }, 'x']);
    expect(s.bold![1]).toEqual([false, false, false, false, true]);
    expect(s.values[3]).toEqual(['merged', null, null, null, null]);
    expect(s.values[4]).toEqual([null, null, null, null, null]);
    expect(s.merges).toEqual([{ top: 3, left: 0, bottom: 4, right: 2 }]);
    expect(s.values).toHaveLength(5);
  });

  it('gives an empty snapshot for an empty sheet', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('Trống');
    expect(sheetSnapshot(ws)).toMatchObject({
      name: 'Trống',
      values: [],
      merges: [],
      hiddenRows: [],
    });
  });

  it('recognises date formats (the workbook layer decides, as for Excel)', () => {
    for (const f of ['dd/mm/yyyy', 'mm-dd-yy', 'd/m/yy h:mm', '[$-42A]dd/mm/yyyy', 'yyyy'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '@', '"Ngày"0', '0%', ''])
      expect(isDateFormat(f)).toBe(false);
  });

  it('gives a date cell without a date or time format dd/mm/yyyy, and keeps a time format as it is', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('Ngày');
    const at = new Date(Date.UTC(2026, 2, 31, 8, 30));
    for (const [col, fmt] of [
      [1, 'General'],
      [2, 'h:mm'],
      [3, '[h]:mm:ss'],
      [4, 'dd/mm/yyyy hh:mm'],
      [5, 'mmmm yyyy'],
    ] as const) {
      const cell = ws.getCell(1, col);
      cell.value = at;
      cell.numFmt = fmt;
    }
    const s = sheetSnapshot(ws);
    expect(s.numberFormats![0]).toEqual([
      'dd/mm/yyyy',
      'h:mm',
      '[h]:mm:ss',
      'dd/mm/yyyy hh:mm',
      'mmmm yyyy',
    ]);
    expect(s.values[0][0]).toBe(dateToSerial(at));
  });
});

describe('unreadable input', () => {
  async function reason(bytes: Uint8Array | ArrayBuffer): Promise<string> {
    try {
      await readWorkbook(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message.length).toBeGreaterThan(10);
      return (e as WorkbookReadError).reason;
    }
    return 'no error';
  }

  it('rejects text, an empty file and a PDF as not-xlsx', async () => {
    expect(await reason(new TextEncoder().encode('TT\tNhiệm vụ\n1\tViệc'))).toBe('not-xlsx');
    expect(await reason(new Uint8Array(0))).toBe('not-xlsx');
    expect(await reason(new TextEncoder().encode('%PDF-1.7\n'))).toBe('not-xlsx');
  });

  it('reports a truncated zip as corrupt', async () => {
    const whole = fs.readFileSync(path.join(XLSX_DIR, 'list-5col.xlsx'));
    expect(await reason(whole.subarray(0, Math.floor(whole.length / 2)))).toBe('corrupt');
    expect(await reason(whole.subarray(0, 30))).toBe('corrupt');
  });

  it('reports an OLE compound file as encrypted (and a legacy .xls as legacy)', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await reason(ole)).toBe('encrypted');
    const withStream = (name: string): Uint8Array => {
      const b = ole.slice();
      for (let i = 0; i < name.length; i++) b[1024 + i * 2] = name.charCodeAt(i);
      return b;
    };
    expect(await reason(withStream('EncryptedPackage'))).toBe('encrypted');
    expect(await reason(withStream('Workbook'))).toBe('legacy');
  });

  it('reports a zip with no worksheet (e.g. a .docx) as not-xlsx', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's own copy of JSZip, found from its folder
    const JSZip = require(
      require.resolve('jszip', { paths: [path.dirname(require.resolve('exceljs/package.json'))] }),
    );
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file('word/document.xml', '<w:document/>');
    const bytes: Uint8Array = await zip.generateAsync({ type: 'uint8array' });
    expect(['not-xlsx', 'corrupt']).toContain(await reason(bytes));
  });

  it('accepts an ArrayBuffer as well as a Buffer', async () => {
    const buf = fs.readFileSync(path.join(XLSX_DIR, 'no-table.xlsx'));
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const { sheets } = await readWorkbook(ab);
    expect(sheets).toHaveLength(2);
  });
});

describe('the committed fixtures are what the generator writes', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-fixtures-'));
    execFileSync(process.execPath, [GENERATOR, tmp], { cwd: ROOT, stdio: 'pipe' });
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes exactly the committed set of files', () => {
    expect(fs.readdirSync(tmp).sort()).toEqual([...FIXTURES].sort());
    for (const f of FIXTURES) expect(fs.existsSync(path.join(XLSX_DIR, f))).toBe(true);
  });

  it.each(FIXTURES)('%s reads back the same', async (name) => {
    const committed = await readWorkbook(fs.readFileSync(path.join(XLSX_DIR, name)));
    const fresh = await readWorkbook(fs.readFileSync(path.join(tmp, name)));
    expect(fresh.sheets).toEqual(committed.sheets);
  });
});
