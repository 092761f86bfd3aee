/**
 * Write a gathering into the master workbook (ExcelJS): the missing tracking columns first, as
 * `phancong track` adds them (addTrackingColumns: header style, drop-down, date rule), then each applied value into its master cell, then the "PC Gộp báo cáo" log.
 * Only those cells change; the caller writes the bytes to a new file (the input is never modified).
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../engine/types';
import type { GatherResult } from '../../engine/gather';
import { buildGatherTable, COMPARE_SHEETS } from '../../engine/compare-table';
import { serialToMs } from '../../engine/workbook';
import { writeOwnTableSheet } from './own-table';
import { addTrackingColumns } from './tracking';
import { graftCheckedCopy } from './graft';
import { graftCells } from './graft-cells';
import { a1 } from '../../engine/text';

export function applyGather(
  workbook: ExcelJS.Workbook,
  result: GatherResult,
  lang: Lang,
): { logSheet: string } {
  const ws = workbook.getWorksheet(result.master.sheet);
  if (!ws) throw new Error(`No sheet ${result.master.sheet}`);
  if (result.tracking) addTrackingColumns(workbook, result.tracking);
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
  const logSheet = writeOwnTableSheet(
    workbook,
    'Merge',
    COMPARE_SHEETS.merge,
    buildGatherTable(result, lang, result.master.sheet),
    {
      widths: [16, 10, 7, 50, 20, 30, 30, 24, 16, 10],
      linkCols: [1],
      wrapCols: [3, 5, 6],
    },
  );
  return { logSheet };
}

/**
 * The copy `phancong merge --out` writes: the ORIGINAL package (the master's bytes) with the
 * gathered values and the added tracking columns grafted into the master sheet, and the
 * "PC Gộp báo cáo" sheet added (issue 17: every other part kept byte for byte, an .xlsm stays one).
 * `workbook` is the master as ExcelJS read it; it becomes the scratch copy the parts come from.
 */
export async function writeGatheredCopy(
  original: Uint8Array,
  workbook: ExcelJS.Workbook,
  result: GatherResult,
  lang: Lang,
): Promise<{ bytes: Uint8Array; logSheet: string }> {
  const { logSheet } = applyGather(workbook, result, lang);
  const buf = await workbook.xlsx.writeBuffer();
  const scratch = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  const plan = result.tracking;
  const cells = [
    ...(plan?.range ? [plan.range] : []),
    ...result.applied.map((a) => a1(a.row, a.col)),
  ];
  const withCells = await graftCells(original, scratch, {
    sheet: result.master.sheet,
    cells,
    validationsWithin: plan?.range ? [plan.range] : [],
    merges: plan?.headerMerges ?? [],
  });
  const bytes = await graftCheckedCopy(withCells, scratch, [], { ownSheets: [logSheet] });
  return { bytes, logSheet };
}
