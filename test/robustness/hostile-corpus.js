#!/usr/bin/env node
/**
 * The hostile workbook corpus: files that staff really hand the checker (or that a disk, a mail
 * gateway or a careless rename produce). Committed in test/fixtures/hostile/ (small: well under
 * 2 MB together) and rebuilt by this script; deterministic (fixed document and zip entry dates),
 * so re-running gives the same bytes and the test checks the committed files are current.
 *
 *   node test/robustness/hostile-corpus.js            # writes test/fixtures/hostile/*
 *   node test/robustness/hostile-corpus.js /tmp/out   # writes into another folder
 *
 * CORPUS below lists each file and what reading it must give: 'read' (a workbook, checked: exit
 * code 0, 1 or 3) or the WorkbookReadError reason ('not-xlsx' | 'encrypted' | 'corrupt' |
 * 'unreadable': exit code 2).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const EXCELJS_DIR = path.dirname(require.resolve('exceljs/package.json'));
const JSZip = require(require.resolve('jszip', { paths: [EXCELJS_DIR] }));
const Encryptor = require(path.join(EXCELJS_DIR, 'lib', 'utils', 'encryptor.js'));

const { FIXED_DATE } = require('../fixtures/generate.js');
const DEFAULT_OUT = path.join(__dirname, '..', 'fixtures', 'hostile');
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

const HEADER = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];
const TASKS = [
  ['I', 'PHÁT TRIỂN SẢN PHẨM DU LỊCH'],
  [
    '1',
    'Xây dựng kế hoạch phát triển du lịch năm 2026',
    'Sở Văn hóa, Thể thao và Du lịch',
    'Sở Tài chính; UBND các xã, phường',
    'Quý II/2026',
  ],
  ['2', 'Tổ chức Lễ hội Hoa Tam giác mạch', 'UBND xã Bắc Hà', 'Sở VHTTDL', 'Quý IV/2026'],
  ['II', 'HẠ TẦNG'],
  [
    '1',
    'Rà soát hạ tầng giao thông kết nối các điểm du lịch',
    'Sở Xây dựng',
    'Sở Tài chính',
    'Năm 2026',
  ],
  ['2', 'Chuyển đổi số trong quản lý du lịch', 'Sở Khoa học và Công nghệ', '', 'Thường xuyên'],
];

// Deterministic workbooks and bytes, as for the fixtures.
const fixtures = require('../fixtures/generate.js');
const newWorkbook = () => fixtures.newWorkbook('Phân công hostile corpus');
const { toBuffer } = fixtures;

function addTable(ws, startRow, rows = TASKS, header = HEADER) {
  ws.getRow(startRow).values = header;
  ws.getRow(startRow).font = { bold: true };
  rows.forEach((r, i) => {
    ws.getRow(startRow + 1 + i).values = r;
  });
}

/** A minimal OLE compound file header (D0 CF 11 E0 A1 B1 1A E1) and one directory sector naming
 * the given streams in UTF-16LE. Not a real compound file: enough for readWorkbook's sniffing. */
function oleWithStreams(names) {
  const buf = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 0x18); // minor version
  buf.writeUInt16LE(0x0003, 0x1a); // major version 3
  buf.writeUInt16LE(0xfffe, 0x1c); // byte order
  buf.writeUInt16LE(0x0009, 0x1e); // sector shift (512)
  buf.writeUInt16LE(0x0006, 0x20); // mini sector shift
  const dir = 512;
  ['Root Entry', ...names].forEach((name, i) => {
    const off = dir + i * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(buf, off);
    buf.writeUInt16LE(utf16.length, off + 64);
    buf.writeUInt8(i === 0 ? 5 : 2, off + 66); // root storage / stream
  });
  return buf;
}

/** Each entry: file name, what reading must give, and a builder returning the bytes. */
const CORPUS = [
  {
    file: 'empty-workbook.xlsx',
    expect: 'read',
    about: 'one sheet, no cell at all',
    build: async () => {
      const wb = newWorkbook();
      wb.addWorksheet('Sheet1');
      return toBuffer(wb);
    },
  },
  {
    file: 'empty-sheets.xlsx',
    expect: 'read',
    about: 'three sheets, all empty (one only formatted)',
    build: async () => {
      const wb = newWorkbook();
      wb.addWorksheet('Trống 1');
      const ws = wb.addWorksheet('Trống 2');
      ws.getCell('C5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      ws.getColumn(3).width = 40;
      wb.addWorksheet('Trống 3');
      return toBuffer(wb);
    },
  },
  {
    file: 'only-title.xlsx',
    expect: 'read',
    about: 'only a title, merged across A1:E1, and a date line',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Phụ lục');
      ws.getCell('A1').value = 'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NĂM 2026';
      ws.getCell('A1').font = { bold: true, size: 14 };
      ws.mergeCells('A1:E1');
      ws.getCell('A2').value = '(Kèm theo Kế hoạch số 123/KH-UBND ngày 15/01/2026)';
      return toBuffer(wb);
    },
  },
  {
    file: 'header-row-40.xlsx',
    expect: 'read',
    about: '39 rows of prose, the header at row 40, then tasks',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Phụ lục 02');
      for (let r = 1; r < 40; r++)
        ws.getCell(r, 1 + (r % 3)).value =
          r % 5 === 0
            ? null
            : `Đoạn văn bản thứ ${r} của kế hoạch, căn cứ Nghị quyết số ${r}/NQ-HĐND.`;
      addTable(ws, 40);
      return toBuffer(wb);
    },
  },
  {
    file: 'formulas-errors.xlsx',
    expect: 'read',
    about:
      'formulas with cached results, with no result, and error values (#REF!, #N/A, …) in every column',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Công thức');
      addTable(ws, 1, []);
      const errors = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?'];
      for (let i = 0; i < 5; i++) {
        const r = 2 + i;
        ws.getCell(r, 1).value = { formula: `ROW()-1`, result: i + 1 };
        ws.getCell(r, 2).value =
          i === 0
            ? { formula: 'Sheet9!B2', result: { error: '#REF!' } }
            : { formula: `"Nhiệm vụ "&A${r}`, result: `Nhiệm vụ ${i + 1}` };
        ws.getCell(r, 3).value =
          i === 1
            ? { error: '#N/A' }
            : { formula: 'VLOOKUP(A2,Z:Z,2,0)', result: { error: errors[i] } };
        ws.getCell(r, 4).value =
          i === 2
            ? { formula: 'C2&""' }
            : { formula: 'IFERROR(1/0,"Sở Tài chính")', result: 'Sở Tài chính' };
        ws.getCell(r, 5).value = { error: errors[(i + 2) % errors.length] };
      }
      ws.getCell('A8').value = '6';
      ws.getCell('B8').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('C8').value = { formula: 'NOW()', result: utc(2026, 3, 1) };
      ws.getCell('C8').numFmt = 'dd/mm/yyyy';
      ws.getCell('E8').value = { formula: 'DATE(2026,6,30)', result: 46203 };
      ws.getCell('E8').numFmt = 'dd/mm/yyyy';
      ws.getCell('F8').value = { sharedFormula: 'E8', result: 7 };
      return toBuffer(wb);
    },
  },
  {
    file: 'dates-mixed.xlsx',
    expect: 'read',
    about:
      'deadlines as real dates, serial numbers (with and without a date format), date strings and nonsense',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Ngày tháng');
      addTable(ws, 1, []);
      const deadlines = [
        [utc(2026, 4, 30), 'dd/mm/yyyy'],
        [utc(2026, 12, 31), 'mm-dd-yy'],
        [46203, 'dd/mm/yyyy'],
        [46203, 'General'],
        ['30/4/2026', null],
        ['2026-06-30', null],
        ['ngày 30 tháng 4 năm 2026', null],
        ['31/02/2026', null],
        [utc(1900, 1, 1), 'dd/mm/yyyy'],
        [utc(9999, 12, 31), 'dd/mm/yyyy'],
        [-5, 'dd/mm/yyyy'],
        [2958466, 'dd/mm/yyyy'],
        [true, null],
      ];
      deadlines.forEach(([v, fmt], i) => {
        const row = ws.getRow(2 + i);
        row.values = [String(i + 1), `Nhiệm vụ ngày tháng ${i + 1}`, 'Sở Nội vụ', '', v];
        if (fmt) row.getCell(5).numFmt = fmt;
      });
      return toBuffer(wb);
    },
  },
  {
    file: 'hidden-rows-cols.xlsx',
    expect: 'read',
    about: 'hidden rows inside the table, a hidden column, a hidden sheet',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Ẩn');
      addTable(ws, 3);
      ws.getCell('A1').value = 'PHÂN CÔNG NHIỆM VỤ';
      ws.getRow(5).hidden = true;
      ws.getRow(7).hidden = true;
      ws.getColumn(4).hidden = true;
      ws.getColumn(2).width = 60;
      const hidden = wb.addWorksheet('Ẩn cả trang', { state: 'hidden' });
      addTable(hidden, 1);
      return toBuffer(wb);
    },
  },
  {
    file: 'protected-sheet.xlsx',
    expect: 'read',
    about: 'a password-protected sheet (sheet protection, not file encryption) with locked cells',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Đã khóa');
      addTable(ws, 1);
      ws.getCell('B3').protection = { locked: false };
      // What ws.protect('matkhau', …) writes, with a fixed salt (protect() draws a random one).
      const saltValue = Buffer.alloc(16, 7).toString('base64');
      ws.sheetProtection = {
        sheet: true,
        algorithmName: 'SHA-512',
        saltValue,
        spinCount: 1000,
        hashValue: Encryptor.convertPasswordToHash('matkhau', 'SHA512', saltValue, 1000),
        selectLockedCells: true,
        selectUnlockedCells: true,
      };
      return toBuffer(wb);
    },
  },
  {
    file: 'very-wide.xlsx',
    expect: 'read',
    about: 'rows 300 columns wide under a 5-column header',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Rất rộng');
      addTable(ws, 1);
      for (let r = 2; r <= 7; r++)
        for (let c = 6; c <= 300; c++)
          if ((r + c) % 4 === 0) ws.getCell(r, c).value = c % 3 === 0 ? `ô ${r}:${c}` : r * c;
      return toBuffer(wb);
    },
  },
  {
    file: 'long-cells.xlsx',
    expect: 'read',
    about: '5,000-character cells in every column, and one 32,767-character cell (Excel’s limit)',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Ô dài');
      addTable(ws, 1);
      const long = (s) => s.repeat(Math.ceil(5000 / s.length)).slice(0, 5000);
      ws.getRow(8).values = [
        long('1.'),
        long('Nhiệm vụ rất dài '),
        long('Sở Văn hóa, '),
        long('Sở Tài chính; '),
        long('Quý II/2026 ('),
      ];
      ws.getCell('B9').value = 'x'.repeat(32767);
      ws.getCell('A9').value = '7';
      return toBuffer(wb);
    },
  },
  {
    file: 'markup-urls.xlsx',
    expect: 'read',
    about:
      '<b>/<a href> tags typed into cells, pasted URLs, a hyperlink cell, rich text, formula-looking text',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Đánh dấu');
      addTable(ws, 1, []);
      ws.getRow(2).values = ['<b>I</b>', '<b>PHÁT TRIỂN SẢN PHẨM</b>'];
      ws.getRow(3).values = [
        '1',
        'Quảng bá tại <a href="https://www.google.com/search?q=lao+cai">Lào Cai</a>',
        '<b>Sở VHTTDL</b>',
        'https://www.google.com/search?q=s%E1%BB%9F+t%C3%A0i+ch%C3%ADnh',
        'Quý II/2026',
      ];
      ws.getRow(4).values = [
        '2',
        { text: 'Cổng thông tin điện tử', hyperlink: 'https://laocai.gov.vn' },
        {
          richText: [
            { text: 'Sở ', font: { bold: true } },
            { text: 'Tài chính', font: { italic: true } },
          ],
        },
        '=SUM(A1:A3)',
        '<script>alert(1)</script>',
      ];
      ws.getRow(5).values = [
        '3',
        '<i>Nhiệm vụ</i> <u>gạch chân</u><br>xuống dòng',
        'Sở Nội vụ',
        '<a href="javascript:alert(1)">x</a>',
        'Tháng 6/2026',
      ];
      return toBuffer(wb);
    },
  },
  {
    file: 'own-sheet-name-taken.xlsx',
    expect: 'read',
    about:
      'a user sheet already named like the add-in’s own sheet (no marker): it must survive --out',
    build: async () => {
      const wb = newWorkbook();
      const ws = wb.addWorksheet('Phụ lục 02');
      addTable(ws, 1);
      const mine = wb.addWorksheet('PC Nhiệm vụ');
      mine.getCell('A1').value = 'Sổ theo dõi riêng của tôi';
      mine.getCell('B2').value = 42;
      return toBuffer(wb);
    },
  },
  {
    file: 'truncated.xlsx',
    expect: 'corrupt',
    about: 'a real workbook cut off halfway (an interrupted download)',
    build: async () => {
      const wb = newWorkbook();
      addTable(wb.addWorksheet('Phụ lục 02'), 1);
      const bytes = await toBuffer(wb);
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    },
  },
  {
    file: 'broken-xml.xlsx',
    expect: 'corrupt',
    about:
      'a whole zip whose sheet XML is cut off mid-element (a writer that crashed): damaged, not "unreadable"',
    build: async () => {
      const wb = newWorkbook();
      addTable(wb.addWorksheet('Phụ lục 02'), 1);
      const zip = await JSZip.loadAsync(await toBuffer(wb));
      const sheet = await zip.file('xl/worksheets/sheet1.xml').async('string');
      zip.file('xl/worksheets/sheet1.xml', sheet.slice(0, sheet.indexOf('</sheetData>') - 20), {
        date: FIXED_DATE,
        createFolders: false,
      });
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
    },
  },
  {
    file: 'valid-unreadable.xlsx',
    expect: 'unreadable',
    about:
      'a valid package the reader cannot read (a conditional format naming a format the file does not define): "save a copy", never "damaged"',
    build: async () => {
      const wb = newWorkbook();
      addTable(wb.addWorksheet('Phụ lục 02'), 1);
      const zip = await JSZip.loadAsync(await toBuffer(wb));
      const sheet = await zip.file('xl/worksheets/sheet1.xml').async('string');
      const cf =
        '<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="7" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>';
      zip.file('xl/worksheets/sheet1.xml', sheet.replace('<pageMargins', `${cf}<pageMargins`), {
        date: FIXED_DATE,
        createFolders: false,
      });
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
    },
  },
  {
    file: 'not-xlsx.xlsx',
    expect: 'not-xlsx',
    about:
      'an HTML page saved with an .xlsx name (what “Export to Excel” of some web portals gives)',
    build: async () =>
      Buffer.from(
        '<html><body><table><tr><td>TT</td><td>Nhiệm vụ</td></tr></table></body></html>\n',
        'utf8',
      ),
  },
  {
    file: 'csv-renamed.xlsx',
    expect: 'not-xlsx',
    about: 'a CSV file renamed .xlsx',
    build: async () =>
      Buffer.from('\uFEFFTT,Nhiệm vụ,Cơ quan chủ trì\n1,Xây dựng kế hoạch,Sở Nội vụ\n', 'utf8'),
  },
  {
    file: 'zero-bytes.xlsx',
    expect: 'not-xlsx',
    about: 'an empty file',
    build: async () => Buffer.alloc(0),
  },
  {
    file: 'docx-renamed.xlsx',
    expect: 'not-xlsx',
    about: 'a zip that holds no worksheet (a Word document renamed .xlsx)',
    build: async () => {
      const zip = new JSZip();
      zip.file(
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        { date: FIXED_DATE, createFolders: false },
      );
      zip.file(
        'word/document.xml',
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
        { date: FIXED_DATE, createFolders: false },
      );
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
    },
  },
  {
    file: 'encrypted.xlsx',
    // ExcelJS cannot encrypt a workbook. This is NOT a real encrypted package: an OLE compound-file
    // signature with directory entries named EncryptionInfo and EncryptedPackage (UTF-16LE), which
    // is exactly what readWorkbook's sniffing looks for. A real Excel-encrypted file has the same
    // outer shape; testing with one is left to a manual check.
    expect: 'encrypted',
    about:
      'a password-protected (encrypted) workbook: OLE container with an EncryptedPackage stream (simulated)',
    build: async () => oleWithStreams(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']),
  },
  {
    file: 'legacy-xls.xlsx',
    // Likewise simulated: an OLE container with a "Workbook" stream, the shape of an Excel 97-2003 file.
    expect: 'legacy',
    about:
      'an old Excel 97-2003 workbook (.xls) renamed .xlsx (simulated: OLE container with a Workbook stream)',
    build: async () => oleWithStreams(['Workbook', '\u0005SummaryInformation']),
  },
];

async function writeCorpus(dir = DEFAULT_OUT) {
  fs.mkdirSync(dir, { recursive: true });
  const written = [];
  for (const entry of CORPUS) {
    const bytes = await entry.build();
    const file = path.join(dir, entry.file);
    fs.writeFileSync(file, bytes);
    written.push({ file, bytes: bytes.length });
  }
  return written;
}

module.exports = { CORPUS, writeCorpus, DEFAULT_OUT };

if (require.main === module) {
  writeCorpus(process.argv[2] || DEFAULT_OUT).then(
    (written) => {
      for (const w of written) console.log(`${w.file}  ${w.bytes} bytes`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
