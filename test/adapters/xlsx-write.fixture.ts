/**
 * Shared fixture of the .xlsx writer tests: a small assignment table as a user would type it, and
 * the CLI's check (read → analyse every sheet → write).
 */
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { writeCheckedWorkbook } from '../../src/adapters/xlsx/write';
import { analyzeSheet } from '../../src/engine/analyze';
import { OWN_SHEETS } from '../../src/engine/tables';
import type { SheetReport } from '../../src/engine/types';

export const AS_OF = '2026-11-22';
export const USER_SHEET = 'Phụ lục 02';

/** A small assignment table, with a user sheet that happens to be named like an own sheet. */
export async function buildUserWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(USER_SHEET);
  ws.getCell('A1').value = 'PHỤ LỤC 02: PHÂN CÔNG NHIỆM VỤ NĂM 2026';
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.mergeCells('A1:E1');
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const header = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];
  header.forEach((h, i) => {
    const c = ws.getCell(3, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6E0B4' } };
    c.border = { bottom: { style: 'thin' } };
  });
  const rows: ExcelJS.CellValue[][] = [
    ['I', 'PHÁT TRIỂN DU LỊCH', null, null, null],
    [
      '1',
      'Xây dựng kế hoạch quảng bá du lịch',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Tài chính',
      new Date(Date.UTC(2026, 8, 30)),
    ],
    [
      '2',
      'Kiểm tra an toàn thực phẩm tại điểm du lịch',
      'Sở Y tế',
      'Sở Công Thương',
      'Thường xuyên',
    ],
    [
      '3',
      'Báo cáo đánh giá hạ tầng du lịch',
      'Sở Xây dựng',
      'Sở Tài chính',
      new Date(Date.UTC(2026, 10, 30)),
    ],
    ['II', 'Y TẾ', null, null, null],
    ['4', 'Tổ chức hội nghị xúc tiến đầu tư', null, 'Sở Tài chính', 'Quý IV/2026'],
    [
      '5',
      'Xây dựng đề án y tế du lịch',
      'Sở Y tế; Sở Tài chính',
      null,
      new Date(Date.UTC(2027, 2, 31)),
    ],
    [
      '6',
      'Tập huấn sơ cứu cho hướng dẫn viên',
      'Sở Y tế',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Tháng 6/2027',
    ],
  ];
  rows.forEach((values, i) => {
    values.forEach((v, j) => {
      const c = ws.getCell(4 + i, j + 1);
      c.value = v;
      c.border = { left: { style: 'thin' }, right: { style: 'thin' } };
      if (v instanceof Date) c.numFmt = 'dd/mm/yyyy';
      if (values[0] === 'I' || values[0] === 'II') c.font = { bold: true };
    });
  });
  ws.getColumn(2).width = 48;
  // A user rule of their own, which must survive.
  ws.addConditionalFormatting({
    ref: 'E4:E11',
    rules: [
      {
        type: 'containsText',
        operator: 'containsText',
        text: 'Quý',
        priority: 1,
        style: { font: { italic: true } },
      },
    ],
  });
  // A user sheet named like one of the add-in's sheets: never to be overwritten.
  const clash = wb.addWorksheet(OWN_SHEETS.summary);
  clash.getCell('A1').value = 'Tổng hợp của tôi';
  clash.getCell('B2').value = 42;
  clash.getCell('B2').font = { color: { argb: 'FFFF0000' } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Check as the CLI does: read, analyse every sheet, write. */
export async function check(
  bytes: Uint8Array,
  lang: 'vi' | 'en' = 'vi',
): Promise<{ out: Uint8Array; reports: SheetReport[] }> {
  const { sheets, workbook } = await readWorkbook(bytes);
  const reports = sheets.map((s) => analyzeSheet(s, { asOf: AS_OF, lang }));
  const out = await writeCheckedWorkbook(workbook, reports, { lang });
  return { out, reports };
}
