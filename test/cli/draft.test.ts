/**
 * `phancong draft`: plan text (.txt, .docx) → a new appendix workbook in the standard layout,
 * checked after writing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { readFile, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runDraft, type DraftIO } from '../../src/cli/draft';
import { writeDraftWorkbook, STATUS_VALUES, displayTt } from '../../src/adapters/xlsx/draft-writer';
import { extractPlan } from '../../src/engine/plan-text/extract';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'phancong-draft-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): DraftIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: async (p) => new Uint8Array(await readFile(p)),
    writeFile: (p, d) => writeFile(p, d),
    now: () => new Date(2026, 4, 15),
  };
}

async function load(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const text = (ws: ExcelJS.Worksheet, r: number, c: number) => {
  const v = ws.getCell(r, c).value;
  return v === null || v === undefined ? '' : String(v);
};

describe('phancong draft on plan 000 (.txt)', () => {
  let ws: ExcelJS.Worksheet;
  let code: number;
  let stdout: string;
  const out = () => join(dir, '000.xlsx');

  beforeAll(async () => {
    const o = io();
    code = await runDraft([join(SEEDS, '000-lao-cai-ke-hoach-2026.txt'), '--out', out()], o);
    stdout = o.out.join('');
    ws = await load(out());
  });

  test('writes the workbook and prints what it read and what the check found', () => {
    expect([0, 1]).toContain(code);
    expect(stdout).toContain('Đã lập 13 nhiệm vụ (2 nhóm)');
    expect(stdout).toContain('Năm kế hoạch: 2026.');
    expect(stdout).toContain(
      'Không lập bảng cho các mục: I. MỤC ĐÍCH, YÊU CẦU; II. MỤC TIÊU NĂM 2026; IV. KINH PHÍ THỰC HIỆN; V. TỔ CHỨC THỰC HIỆN.',
    );
    expect(stdout).toMatch(/Kiểm tra phụ lục vừa lập \(ngày 2026-05-15\)/);
    // No task of 000 names a deadline: the checker says so, on column E.
    expect(stdout).toMatch(/E\d+ \[/);
  });

  test('title block and header', () => {
    expect(text(ws, 1, 1)).toBe('PHÂN CÔNG NHIỆM VỤ');
    expect(text(ws, 2, 1)).toContain('Triển khai thực hiện các nhiệm vụ chiến lược');
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => text(ws, 4, c))).toEqual([
      'TT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
      'Sản phẩm',
      'Tình trạng',
      'Ghi chú',
    ]);
    expect(ws.getCell(4, 2).font?.bold).toBe(true);
  });

  test('section rows are bold and merged across the table; groups are bold; tasks follow', () => {
    // The appendix numbers its own sections: the plan's section III is the appendix's I.
    expect(text(ws, 5, 1)).toBe('I');
    expect(text(ws, 5, 2)).toBe('NỘI DUNG THỰC HIỆN');
    expect(ws.getCell(5, 2).font?.bold).toBe(true);
    expect(ws.getCell(5, 8).isMerged).toBe(true);
    expect(ws.getCell(5, 8).master.address).toBe('B5');
    expect([text(ws, 6, 1), text(ws, 6, 2)]).toEqual(['1', 'Nhiệm vụ và giải pháp chung']);
    expect(ws.getCell(6, 1).font?.bold).toBe(true);
    expect(text(ws, 7, 1)).toBe('1.1');
    expect(text(ws, 7, 3)).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(ws.getCell(7, 2).font?.bold).toBeFalsy();
    expect(ws.getCell(7, 2).alignment?.wrapText).toBe(true);
    const tts: string[] = [];
    for (let r = 5; r <= ws.rowCount; r++) tts.push(text(ws, r, 1));
    expect(tts).toEqual([
      'I',
      '1',
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
    ]);
    expect(text(ws, 15, 6)).toMatch(/^Doanh thu lĩnh vực điện ảnh/);
  });

  test('status column has a drop-down list on every task row', () => {
    const dv = ws.getCell(7, 7).dataValidation;
    expect(dv?.type).toBe('list');
    expect(dv?.formulae?.[0]).toBe(`"${STATUS_VALUES.join(',')}"`);
    expect(ws.getCell(20, 7).dataValidation?.type).toBe('list'); // last task row
    expect(ws.getCell(5, 7).dataValidation?.type).toBeUndefined(); // section row
  });

  test('frozen header, A4 landscape, header repeated on every printed page', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
  });

  test('the checker reads the written layout: all roles found, sections and groups recognised', async () => {
    const wb = await readWorkbook(readFileSync(out()));
    const report = analyzeSheet(wb.sheets[0]!, { asOf: '2026-05-15' });
    expect(report.headerRow).toBe(4);
    expect(report.missingRoles).toEqual([]);
    expect(report.sections.map((s) => s.label)).toEqual(['I']);
    expect(report.findings.filter((f) => f.role !== 'deadline')).toEqual([]);
    expect(report.tasks.map((t) => t.tt)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
    ]);
    expect(report.tasks.every((t) => t.state === 'no-deadline')).toBe(true);
  });
});

describe('phancong draft on plan 003 and in English', () => {
  test('003: leads, supports and deadlines land in their columns', async () => {
    const file = join(dir, '003.xlsx');
    const o = io();
    const code = await runDraft(
      [join(SEEDS, '003-hai-duong-ke-hoach-2024.txt'), `--out=${file}`, '--as-of', '2024-12-31'],
      o,
    );
    expect([0, 1]).toContain(code);
    const ws = await load(file);
    expect([text(ws, 5, 1), text(ws, 5, 2)]).toEqual(['I', 'NHIỆM VỤ VÀ GIẢI PHÁP']);
    expect(text(ws, 6, 5)).toBe('Thường xuyên');
    expect(text(ws, 7, 5)).toBe('đến năm 2030 và các năm tiếp theo');
    expect(text(ws, 13, 3)).toBe(
      'Sở Công thương, Sở Lao động - Thương binh và Xã hội, Văn phòng UBND tỉnh',
    );
    expect(o.out.join('')).toContain('Năm kế hoạch: 2024.');
  });

  test('--lang en: messages in English, headers keep the Vietnamese words the checker reads', async () => {
    const draft = extractPlan(readFileSync(join(SEEDS, '003-hai-duong-ke-hoach-2024.txt'), 'utf8'));
    const bytes = await writeDraftWorkbook(draft, 'en');
    const wb = await readWorkbook(bytes);
    const report = analyzeSheet(wb.sheets[0]!, { asOf: '2024-12-31', lang: 'en' });
    expect(report.missingRoles).toEqual([]);
    expect(Object.keys(report.columns).sort()).toEqual([
      'deadline',
      'lead',
      'note',
      'result',
      'status',
      'support',
      'task',
      'tt',
    ]);
    const o = io();
    await runDraft(
      [
        join(SEEDS, '003-hai-duong-ke-hoach-2024.txt'),
        '-o',
        join(dir, '003-en.xlsx'),
        '--lang',
        'en',
      ],
      o,
    );
    expect(o.out.join('')).toContain('Drafted 8 tasks (0 groups) in 1 sections');
  });

  test('a lettered item is written "a)" in the TT column', () => {
    expect(displayTt('1.a')).toBe('a)');
    expect(displayTt('b')).toBe('b)');
    expect(displayTt('2.1')).toBe('2.1');
  });
});

// A minimal WordprocessingML document, zipped with JSZip (there is no .docx writer installed).
async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs
    .map((p) => {
      // "**…**" marks a bold run, as a writer of plans does with labels.
      const runs = p
        .split(/(\*\*[^*]+\*\*)/)
        .filter(Boolean)
        .map((r) =>
          r.startsWith('**')
            ? `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(r.slice(2, -2))}</w:t></w:r>`
            : `<w:r><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`,
        );
      return `<w:p>${runs.join('')}</w:p>`;
    })
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('phancong draft on a .docx', () => {
  test('reads the paragraphs with mammoth and drafts the table', async () => {
    const docx = join(dir, 'plan.docx');
    await writeFile(
      docx,
      await makeDocx([
        'KẾ HOẠCH',
        'Phát triển du lịch năm 2026',
        'I. MỤC ĐÍCH, YÊU CẦU',
        'Nâng cao chất lượng dịch vụ.',
        'II. NHIỆM VỤ VÀ GIẢI PHÁP',
        '1. Xây dựng sản phẩm du lịch đêm',
        '- **Đơn vị chủ trì:** Sở Văn hóa, Thể thao và Du lịch.',
        '- **Đơn vị phối hợp:** Sở Công Thương; UBND các xã, phường.',
        '- **Thời gian thực hiện:** Quý III/2026.',
        '2. Quảng bá điểm đến (Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch chủ trì, phối hợp với Sở Ngoại vụ; thời gian: Quý IV/2026)',
        'Trên đây là Kế hoạch phát triển du lịch năm 2026.',
      ]),
    );
    const file = join(dir, 'docx.xlsx');
    const o = io();
    const code = await runDraft([docx, '--out', file, '--as-of', '2026-05-15'], o);
    expect(o.err).toEqual([]);
    expect([0, 1]).toContain(code);
    expect(o.out.join('')).toContain('Đã lập 2 nhiệm vụ');
    const ws = await load(file);
    expect(text(ws, 2, 1)).toContain('Phát triển du lịch năm 2026');
    const row = (r: number) => [1, 2, 3, 4, 5].map((c) => text(ws, r, c));
    expect(row(5).slice(0, 2)).toEqual(['I', 'NHIỆM VỤ VÀ GIẢI PHÁP']);
    expect(row(6)).toEqual([
      '1',
      'Xây dựng sản phẩm du lịch đêm',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Công Thương; UBND các xã, phường',
      'Quý III/2026',
    ]);
    expect(row(7)).toEqual([
      '2',
      'Quảng bá điểm đến',
      'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch',
      'Sở Ngoại vụ',
      'Quý IV/2026',
    ]);
  });

  test('a file that is not a Word document is reported, exit code 2', async () => {
    const bad = join(dir, 'bad.docx');
    await writeFile(bad, 'not a zip');
    const o = io();
    expect(await runDraft([bad, '--out', join(dir, 'bad.xlsx')], o)).toBe(2);
    expect(o.err.join('')).toContain('không phải tài liệu Word');
  });
});

describe('usage', () => {
  test.each([
    [[] as string[], 'Thiếu tệp kế hoạch'],
    [['plan.txt'], 'Thiếu tệp kết quả'],
    [['plan.pdf', '--out', 'a.xlsx'], 'Chỉ đọc được tệp .txt hoặc .docx'],
    [['plan.txt', '--out', 'a.csv'], 'phải có đuôi .xlsx'],
    [['plan.txt', '--out', 'a.xlsx', '--as-of', '15/05/2026'], 'Ngày không hợp lệ'],
    [['plan.txt', '--out', 'a.xlsx', '--bogus'], 'Không hiểu tùy chọn'],
  ])('%j → exit 2', async (args, msg) => {
    const o = io();
    expect(await runDraft(args, o)).toBe(2);
    expect(o.err.join('')).toContain(msg);
    expect(o.err.join('')).toContain('Cách dùng: phancong draft');
  });

  test('a missing input file and a text with no task are reported', async () => {
    let o = io();
    expect(await runDraft([join(dir, 'none.txt'), '--out', join(dir, 'x.xlsx')], o)).toBe(2);
    expect(o.err.join('')).toContain('Không đọc được tệp');
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '\uFEFFI. MỤC ĐÍCH\nNâng cao nhận thức.\n');
    o = io();
    expect(await runDraft([empty, '--out', join(dir, 'x.xlsx')], o)).toBe(2);
    expect(o.err.join('')).toContain('Không tìm thấy nhiệm vụ nào');
  });

  test('--help prints the usage', async () => {
    const o = io();
    expect(await runDraft(['--help'], o)).toBe(0);
    expect(o.out.join('')).toContain('--to-chuc');
  });
});
