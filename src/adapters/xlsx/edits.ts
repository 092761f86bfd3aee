/**
 * Apply and undo a batch of fix edits on an ExcelJS worksheet (issue 10). The one place that
 * writes fixes with ExcelJS: the standalone host (src/adapters/standalone/host.ts) and
 * `phancong fix` (src/cli/fix.ts) both call it.
 *
 * - Every edited cell must still hold the edit's `before` value (as sheetSnapshot reads it), and no
 *   cell of a merge to restore may be merged already; otherwise EditsChangedError, nothing written.
 * - A value is written into the cell's own value; the cell's style (number format, font, fill,
 *   borders, alignment) is left as it is. A string is written as a string: ExcelJS never turns
 *   text into a formula or a number.
 * - Merges are restored without copying the top-left cell's style over the others
 *   (mergeCellsWithoutStyle), so every cell keeps its own format.
 * - Only the listed cells and the cells of the listed merges are touched.
 * - Undo needs the cells to still hold what the apply wrote and the merges to still be there
 *   (EditsChangedError otherwise); it unmerges, then restores each cell's exact value (rich text,
 *   hyperlinks, formulas included, from `raw`) and style.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';
import { rangeCells, sameCellValue } from '../../engine/fix-plan';
import { EditsChangedError, type EditBatch, type UndoRecord } from '../../host/types';
import { cellSnapshotValue } from './read';

/** A cell's exact ExcelJS value and style before an apply (what the UndoRecord cannot hold). */
export interface RawCell {
  cell: string;
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

export interface XlsxApplied {
  record: UndoRecord;
  raw: RawCell[];
}

/** Deep copy of plain data with Dates (cell values and styles). */
function copy<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map((x) => copy(x)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = copy(x);
    return out as T;
  }
  return v;
}

/** The ExcelJS value to write for an engine value. */
function toExcelJs(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

function numberFormatOf(cell: ExcelJS.Cell): string {
  return typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : 'General';
}

/** Cells of the batch in order: edited cells first, then the cells of the merges. */
function touchedCells(batch: EditBatch): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (c: string) => {
    const u = c.toUpperCase();
    if (!seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  };
  for (const e of batch.edits) add(e.cell);
  for (const m of batch.merges) for (const c of rangeCells(m)) add(c);
  return out;
}

/** Check, then write the batch. @throws EditsChangedError (nothing written). */
export function applyEditBatch(ws: ExcelJS.Worksheet, batch: EditBatch): XlsxApplied {
  const changed = batch.edits
    .filter((e) => !sameCellValue(cellSnapshotValue(ws.getCell(e.cell)), e.before))
    .map((e) => e.cell.toUpperCase());
  for (const m of batch.merges)
    for (const c of rangeCells(m)) if (ws.getCell(c).isMerged) changed.push(c);
  if (changed.length > 0) throw new EditsChangedError(batch.sheet, [...new Set(changed)]);

  const cells = touchedCells(batch);
  const raw: RawCell[] = cells.map((c) => {
    const cell = ws.getCell(c);
    return { cell: c, value: copy(cell.value), style: copy(cell.style ?? {}) };
  });
  const before = cells.map((c) => ({
    value: cellSnapshotValue(ws.getCell(c)),
    numberFormat: numberFormatOf(ws.getCell(c)),
  }));

  for (const e of batch.edits) ws.getCell(e.cell).value = toExcelJs(e.after);
  for (const m of batch.merges) ws.mergeCellsWithoutStyle(m);

  const record: UndoRecord = {
    sheet: batch.sheet,
    cells: cells.map((c, i) => ({
      cell: c,
      before: before[i].value,
      numberFormat: before[i].numberFormat,
      after: cellSnapshotValue(ws.getCell(c)),
    })),
    merges: batch.merges.map((m) => m.toUpperCase()),
  };
  return { record, raw };
}

/** Restore what applyEditBatch changed. @throws EditsChangedError when those cells changed since. */
export function undoEditBatch(
  ws: ExcelJS.Worksheet,
  record: UndoRecord,
  raw?: readonly RawCell[],
): void {
  const changed = record.cells
    .filter((c) => !sameCellValue(cellSnapshotValue(ws.getCell(c.cell)), c.after))
    .map((c) => c.cell);
  for (const m of record.merges) {
    const [top, ...rest] = rangeCells(m);
    const master = ws.getCell(top);
    if (!master.isMerged) changed.push(top);
    for (const c of rest) if (!ws.getCell(c).isMergedTo(master)) changed.push(c);
  }
  if (changed.length > 0) throw new EditsChangedError(record.sheet, [...new Set(changed)]);

  for (const m of record.merges) ws.unMergeCells(m);
  const exact = new Map((raw ?? []).map((r) => [r.cell, r]));
  for (const c of record.cells) {
    const cell = ws.getCell(c.cell);
    const r = exact.get(c.cell);
    if (r) {
      cell.value = copy(r.value);
      cell.style = copy(r.style);
    } else {
      cell.value = toExcelJs(c.before);
      if (c.numberFormat !== null)
        cell.numFmt =
          c.numberFormat === 'General' ? (undefined as unknown as string) : c.numberFormat;
    }
  }
}
