/// <reference types="office-js" />
/**
 * Fix edits through Office.js (issue 10): applyEdits and undoEdits of the Office host (host.ts
 * wires them in and passes its used-range reader for the stale-sheet check).
 *
 * Round trips (asserted by test/adapters/office-edits.test.ts):
 * - apply: 2. Sync 1 reads the used range's values (the fingerprint, as applyMarks does) and, in
 *   the same batch, the value, type and number format of every cell the batch touches and the
 *   merged areas over each merge to restore (ExcelApi 1.13). If the sheet changed: StaleSheetError;
 *   if a cell does not hold its `before` value or a merge is already there: EditsChangedError;
 *   nothing is written in either case. Sync 2 writes the values, merges, and reads the touched
 *   cells back (queued after the writes, so the record holds what Excel actually stored).
 * - undo: 2. Sync 1 reads the touched cells and the merged areas; if a cell no longer holds what
 *   the apply wrote, or a merge is gone or different: EditsChangedError, nothing written. Sync 2
 *   unmerges, writes back each cell's value and number format.
 *
 * The write batch of each runs with events off (quiet.ts, ExcelApi 1.8 when `options.quiet`), in the
 * same sync: the fix does not wake the pane's own live re-check.
 *
 * Only `values` of the listed cells are written (a text Excel would coerce goes in under "@", then
 * the cell's own format is put back: see writeCell), so number formats, fonts, fills, borders and
 * alignment stay. Merging uses `merge(false)`, which keeps formats too. Per-character
 * formatting inside an edited cell (rich text) cannot be restored through `values`.
 */
import type { CellValue } from '../../engine/types';
import { rangeCells, sameCellValue } from '../../engine/fix-plan';
import {
  EditsChangedError,
  StaleSheetError,
  type EditBatch,
  type UndoRecord,
} from '../../host/types';
import { fingerprintValues } from '../../engine/workbook';
import { cellWrite } from './values';
import { queueQuietly, syncQuietly } from './quiet';

/**
 * How to write an engine value into a user's cell whose number format is `numberFormat`: the value to
 * put in `Range.values` and, only when Excel would otherwise coerce the text (a formula from "=", "+",
 * "-"; a number, date, time or boolean from text-like input), the "@" format to set first. Microsoft
 * documents no quote prefix for `values` (see values.ts), so text is kept as text by the format alone;
 * the record keeps the old format so undo restores it. The one place fix edits go to Excel.
 */
export function excelWrite(
  value: CellValue,
  numberFormat: string | null = null,
): { value: string | number | boolean; numberFormat?: string } {
  if (value !== null && typeof value === 'object') return { value: value.error };
  return cellWrite(value, numberFormat);
}

/**
 * Write a value into a user's cell and leave its number format as it was. A text Excel would coerce
 * is written under "@" and the cell's own format is put back afterwards in the same batch: Excel does
 * not re-type a cell's content when its number format changes later ("Unexpected behavior with numbers
 * formatted as text", Microsoft KB Q141765: the content must be re-entered to change its type), so the
 * text stays text and the format is the user's.
 */
function writeCell(range: Excel.Range, value: CellValue, numberFormat: string | null): void {
  const w = excelWrite(value, numberFormat);
  if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
  range.values = [[w.value]];
  if (w.numberFormat && numberFormat !== null && numberFormat !== w.numberFormat)
    range.numberFormat = [[numberFormat]];
}

/** A value read from Office.js → engine value (as the host's readSheet reads it). */
function readCell(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Reads the used range's values in the next sync, with `extra` loads queued into the same batch. */
export type UsedValuesReader = (
  context: Excel.RequestContext,
  sheet: string,
  extra: (ws: Excel.Worksheet) => void,
) => Promise<{ values: CellValue[][]; origin: { row: number; col: number } }>;

interface CellRead {
  cell: string;
  range: Excel.Range;
}

function touchedCells(batch: EditBatch): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of [
    ...batch.edits.map((e) => e.cell),
    ...batch.merges.flatMap((m) => rangeCells(m)),
  ]) {
    const u = c.toUpperCase();
    if (!seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  }
  return out;
}

function loadCells(ws: Excel.Worksheet, cells: string[], formats: boolean): CellRead[] {
  return cells.map((cell) => {
    const range = ws.getRange(cell);
    // eslint-disable-next-line office-addins/no-empty-load -- not empty: the rule reads only a literal argument
    range.load(formats ? 'values, valueTypes, numberFormat' : 'values, valueTypes');
    return { cell, range };
  });
}

function loadMerges(
  ws: Excel.Worksheet,
  merges: string[],
  supported: boolean,
): Excel.RangeAreas[] | null {
  if (!supported || merges.length === 0) return null;
  return merges.map((m) => {
    const areas = ws.getRange(m).getMergedAreasOrNullObject();
    areas.load('address');
    return areas;
  });
}

/** "Sheet!E8:E10" (or "'My sheet'!$E$8:$E$10") → "E8:E10". */
function localAddress(address: string): string {
  return address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .toUpperCase();
}

export async function applyEditsOffice(
  context: Excel.RequestContext,
  batch: EditBatch,
  fingerprint: string,
  readUsed: UsedValuesReader,
  options: { mergedAreas: boolean; quiet?: boolean },
): Promise<UndoRecord> {
  const cells = touchedCells(batch);
  let reads: CellRead[] = [];
  let merged: Excel.RangeAreas[] | null = null;
  const got = await readUsed(context, batch.sheet, (ws) => {
    reads = loadCells(ws, cells, true);
    merged = loadMerges(ws, batch.merges, options.mergedAreas);
  });
  if (fingerprintValues(got.values, got.origin) !== fingerprint)
    throw new StaleSheetError(batch.sheet);
  const current = new Map(
    reads.map((r) => [r.cell, readCell(r.range.values[0][0], r.range.valueTypes[0][0])]),
  );
  const changed = batch.edits
    .filter((e) => !sameCellValue(current.get(e.cell.toUpperCase()), e.before))
    .map((e) => e.cell.toUpperCase());
  (merged as Excel.RangeAreas[] | null)?.forEach((areas, i) => {
    if (!areas.isNullObject) changed.push(...rangeCells(batch.merges[i]).slice(0, 1));
  });
  if (changed.length > 0) throw new EditsChangedError(batch.sheet, [...new Set(changed)]);

  const formats = new Map(reads.map((r) => [r.cell, String(r.range.numberFormat[0][0])]));
  const ws = context.workbook.worksheets.getItem(batch.sheet);
  const quiet = options.quiet === true;
  queueQuietly(context, quiet, () => {
    for (const e of batch.edits) {
      const cell = e.cell.toUpperCase();
      writeCell(ws.getRange(cell), e.after, formats.get(cell) ?? null);
    }
    for (const m of batch.merges) ws.getRange(m).merge(false);
  });
  const back = loadCells(ws, cells, false);
  await syncQuietly(context, quiet);
  return {
    sheet: batch.sheet,
    cells: reads.map((r, i) => ({
      cell: r.cell,
      before: current.get(r.cell) ?? null,
      numberFormat: formats.get(r.cell) ?? null,
      after: readCell(back[i].range.values[0][0], back[i].range.valueTypes[0][0]),
    })),
    merges: batch.merges.map((m) => m.toUpperCase()),
  };
}

export async function undoEditsOffice(
  context: Excel.RequestContext,
  record: UndoRecord,
  options: { mergedAreas: boolean; quiet?: boolean },
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(record.sheet);
  const reads = loadCells(
    ws,
    record.cells.map((c) => c.cell),
    false,
  );
  const merged = loadMerges(ws, record.merges, options.mergedAreas);
  await context.sync();
  const changed = record.cells
    .filter(
      (c, i) =>
        !sameCellValue(
          readCell(reads[i].range.values[0][0], reads[i].range.valueTypes[0][0]),
          c.after,
        ),
    )
    .map((c) => c.cell);
  merged?.forEach((areas, i) => {
    const want = record.merges[i].toUpperCase();
    if (areas.isNullObject || areas.address.split(',').map(localAddress).join(',') !== want)
      changed.push(rangeCells(want)[0]);
  });
  if (changed.length > 0) throw new EditsChangedError(record.sheet, [...new Set(changed)]);

  const quiet = options.quiet === true;
  queueQuietly(context, quiet, () => {
    for (const m of record.merges) ws.getRange(m).unmerge();
    for (const c of record.cells) {
      const range = ws.getRange(c.cell);
      // The old format first; a text that Excel would coerce in it needs "@" to come back as text.
      if (c.numberFormat !== null) range.numberFormat = [[c.numberFormat]];
      writeCell(range, c.before, c.numberFormat);
    }
  });
  await syncQuietly(context, quiet);
}
