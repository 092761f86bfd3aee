/**
 * Workbooks for the pane's browser bench (pane-longtask.ts) and its e2e test
 * (test/e2e/pane-worker.e2e.test.ts): the bench's generated appendix (bench-sheets.ts) written as an
 * .xlsx, and a hostile workbook whose cell count is past the standalone page's memory budget.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { generateSheet } from './bench-sheets';
import { columnLetter } from '../../engine/text';

/** The bench's generated appendix of `rows` task rows as .xlsx bytes. */
export async function appendixXlsx(rows: number, seed = rows, width = 8): Promise<Buffer> {
  const snapshot = generateSheet(rows, width, seed);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(snapshot.name);
  snapshot.values.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = row.getCell(c + 1);
      cell.value = typeof v === 'object' ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      const format = snapshot.numberFormats?.[r]?.[c];
      if (format && format !== 'General') cell.numFmt = format;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A valid workbook with `rows` × `cols` numeric cells (written as XML, small once zipped): at
 * 2,100,000 cells it is past the page's budget (1,536 MB at about 750 bytes a cell in ExcelJS).
 */
export async function manyCellsXlsx(rows: number, cols: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Dữ liệu').getCell('A1').value = 1;
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const letters = Array.from({ length: cols }, (_, c) => columnLetter(c));
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (const l of letters) row += `<c r="${l}${r}"><v>${r}</v></c>`;
    parts.push(`${row}</row>`);
  }
  const name = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(name)!.async('string');
  zip.file(
    name,
    xml
      .replace(
        /<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/,
        `<sheetData>${parts.join('')}</sheetData>`,
      )
      .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${letters[cols - 1]}${rows}"/>`),
  );
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 1 },
  });
}
