/**
 * Own sheets of the comparison and the gathering ("PC So sánh", "PC Gộp báo cáo"), written with
 * ExcelJS under the same conventions as `write.ts`: a workbook defined name `PhanCong_Own_<Kind>`
 * marks the sheet; a second run replaces a marked sheet that still has its own name; a user sheet
 * with that name is never touched (the own sheet gets "… (2)").
 */
import ExcelJS from 'exceljs';
import type { OutTable } from '../../engine/tables';
import { freeSheetName, lowerNames } from '../../engine/workbook';
import { OWN_NAME_PREFIX, quoteSheet } from './write';
import { writeTable, type TableLayout } from './write-tables';

const sameName = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

function markerCells(wb: ExcelJS.Workbook, marker: string): { sheetName?: string }[] {
  const out: { sheetName?: string }[] = [];
  wb.definedNames.forEach((name, cell) => {
    if (name.toLowerCase() === marker.toLowerCase())
      out.push(cell as unknown as { sheetName?: string });
  });
  return out;
}

function unquote(name: string | undefined): string {
  if (!name) return '';
  const inner = name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1) : name;
  return inner.replace(/''/g, "'");
}

function hasBaseName(name: string, base: string): boolean {
  if (sameName(name, base)) return true;
  const m = /^(.*) \((\d+)\)$/.exec(name);
  return m !== null && sameName(m[1], base);
}

/**
 * Replace the own sheet of `kind` ("Compare", "Merge") with `table`; returns the sheet's name.
 * Only a sheet that carries this kind's marker and still has the base name is removed.
 */
export function writeOwnTableSheet(
  wb: ExcelJS.Workbook,
  kind: string,
  base: string,
  table: OutTable,
  layout: TableLayout,
): string {
  const marker = `${OWN_NAME_PREFIX}${kind}`;
  const marked = markerCells(wb, marker).map((c) => unquote(c.sheetName));
  for (const ws of [...wb.worksheets]) {
    if (marked.some((n) => sameName(n, ws.name)) && hasBaseName(ws.name, base))
      wb.removeWorksheet(ws.id);
  }
  for (const cell of markerCells(wb, marker)) wb.definedNames.removeEx(cell as never, marker);
  const ws = wb.addWorksheet(freeSheetName(base, lowerNames(wb.worksheets.map((w) => w.name))));
  wb.definedNames.add(`${quoteSheet(ws.name)}!$A$1`, marker);
  writeTable(wb, ws, table, layout);
  return ws.name;
}
