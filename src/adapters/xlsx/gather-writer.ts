/**
 * Write a gathering into the master workbook (ExcelJS): the tracking header cells first (when they
 * were missing), then each applied value into its master cell, then the "PC Gộp báo cáo" log.
 * Only those cells change; the caller writes the bytes to a new file (the input is never modified).
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../engine/types';
import type { GatherResult } from '../../engine/gather';
import { buildGatherTable, COMPARE_SHEETS } from '../../engine/compare-table';
import { serialToMs } from '../../engine/workbook';
import { writeOwnTableSheet } from './own-table';

export function applyGather(workbook: ExcelJS.Workbook, result: GatherResult, lang: Lang): { logSheet: string } {
  const ws = workbook.getWorksheet(result.master.sheet);
  if (!ws) throw new Error(`No sheet ${result.master.sheet}`);
  for (const p of result.addedColumns) {
    const cell = ws.getCell(p.sheetRow, p.sheetCol);
    const left = ws.getCell(p.sheetRow, p.sheetCol - 1);
    cell.value = p.header;
    if (left.style) cell.style = JSON.parse(JSON.stringify(left.style)) as Partial<ExcelJS.Style>;
    const width = ws.getColumn(p.sheetCol - 1).width;
    ws.getColumn(p.sheetCol).width = p.role === 'result' ? 40 : Math.max(width ?? 14, 16);
  }
  for (const a of result.applied) {
    const cell = ws.getCell(a.row, a.col);
    const v = a.value;
    if (v.isDate && typeof v.value === 'number') {
      cell.value = new Date(serialToMs(v.value));
      cell.numFmt = 'dd/mm/yyyy';
    } else if (v.value !== null && typeof v.value === 'object') {
      cell.value = v.text;
    } else {
      cell.value = v.value;
    }
  }
  const logSheet = writeOwnTableSheet(workbook, 'Merge', COMPARE_SHEETS.merge, buildGatherTable(result, lang, result.master.sheet), {
    widths: [16, 10, 7, 50, 20, 30, 30, 24, 16, 10],
    linkCols: [1],
    wrapCols: [3, 5, 6],
  });
  return { logSheet };
}
