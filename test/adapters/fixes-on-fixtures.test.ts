/**
 * Every fix the engine offers on every committed fixture, applied through both hosts' edit code:
 * ExcelJS (src/adapters/xlsx/edits.ts: the standalone page and `phancong fix`) and Office.js against
 * the Excel fake (src/adapters/office/edits.ts). For each sheet: one fix per finding, conflicts
 * planned away (src/engine/fix-plan.ts), one batch, then
 * - no cell outside the batch changes (values and formats), no merge other than the batch's appears;
 * - each edited cell holds its `after`;
 * - undo restores every cell (values and formats) and the merges exactly.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook, sheetSnapshot } from '../../src/adapters/xlsx/read';
import { applyEditBatch, undoEditBatch } from '../../src/adapters/xlsx/edits';
import { createOfficeHost } from '../../src/adapters/office/host';
import { analyzeSheet } from '../../src/engine/analyze';
import { planFixes, rangeCells, selectFixes } from '../../src/engine/fix-plan';
import { columnIndex } from '../../src/engine/text';
import { createExcelFake } from '../fakes/excel-fake';

const DIR = path.join(__dirname, '..', 'fixtures', 'xlsx');
const FIXTURES = fs.readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));
const AS_OF = '2026-11-22';

/** Every cell's own value and style, and the merges. */
function dump(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.isMerged && cell.master !== cell ? null : cell.value;
      const entry = JSON.parse(JSON.stringify({ v, s: cell.style ?? {} }));
      if (entry.v !== null || Object.keys(entry.s).length > 0) cells[cell.address] = entry;
    }),
  );
  return {
    cells,
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
  };
}

describe.each(FIXTURES)('fixes on %s', (file) => {
  test('ExcelJS and Office.js: only the listed cells change, undo is exact', async () => {
    const { workbook, sheets } = await readWorkbook(fs.readFileSync(path.join(DIR, file)));
    let applied = 0;
    for (const snapshot of sheets) {
      const report = analyzeSheet(snapshot, { asOf: AS_OF, lang: 'vi' });
      const plan = planFixes(selectFixes(report.findings), snapshot.name);
      for (const batch of plan.batches) {
        applied += batch.edits.length + batch.merges.length;
        const touched = new Set([
          ...batch.edits.map((e) => e.cell),
          ...batch.merges.flatMap(rangeCells),
        ]);

        // ExcelJS
        const ws = workbook.getWorksheet(batch.sheet)!;
        const before = dump(ws);
        const { record, raw } = applyEditBatch(ws, batch);
        const after = dump(ws);
        for (const addr of new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]))
          if (!touched.has(addr))
            expect([file, addr, after.cells[addr]]).toEqual([file, addr, before.cells[addr]]);
        expect(after.merges).toEqual([...before.merges, ...batch.merges].sort());
        const values = sheetSnapshot(ws);
        for (const e of batch.edits) {
          const m = /^([A-Z]+)(\d+)$/.exec(e.cell)!;
          const inMerge = batch.merges.some((r) => rangeCells(r).slice(1).includes(e.cell));
          // As the engine reads it again: the new value (a cell a merge covers reads as blank).
          const read = values.values[Number(m[2]) - 1]?.[columnIndex(m[1])] ?? null;
          expect([file, e.cell, read]).toEqual([file, e.cell, inMerge ? null : e.after]);
        }
        undoEditBatch(ws, record, raw);
        expect(dump(ws)).toEqual(before);

        // Office.js against the fake, seeded with the same snapshot.
        const fake = createExcelFake({ apiVersion: '1.13' });
        fake.addSheet(snapshot);
        const host = createOfficeHost(fake.Excel, fake.Office);
        const read = await host.readSheet(snapshot.name);
        const cellsBefore = fake.cells(snapshot.name);
        const mergesBefore = JSON.stringify(fake.sheet(snapshot.name)!.merges);
        fake.resetSyncs();
        const officeRecord = await host.applyEdits!(batch, read.fingerprint);
        expect(fake.syncs).toBe(2);
        const cellsAfter = fake.cells(snapshot.name);
        for (const addr of new Set([...Object.keys(cellsBefore), ...Object.keys(cellsAfter)]))
          if (!touched.has(addr))
            expect([file, addr, cellsAfter[addr]]).toEqual([file, addr, cellsBefore[addr]]);
        for (const e of batch.edits)
          expect([file, e.cell, cellsAfter[e.cell]?.v ?? null]).toEqual([file, e.cell, e.after]);
        fake.resetSyncs();
        await host.undoEdits!(officeRecord);
        expect(fake.syncs).toBe(2);
        expect(fake.cells(snapshot.name)).toEqual(cellsBefore);
        expect(JSON.stringify(fake.sheet(snapshot.name)!.merges)).toBe(mergesBefore);
      }
    }
    if (file.startsWith('002-')) expect(applied).toBeGreaterThan(0);
  });
});
