/**
 * The standalone host (WorkbookHost over ExcelJS in memory) and the preview's pure helpers, in Node:
 * the same results as the CLI's writer and the Office host's fingerprint; user formats kept.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { StandaloneHost, checkedFileName } from '../../src/adapters/standalone';
import { fingerprintSnapshot } from '../../src/engine/workbook';
import { readWorkbook, sheetSnapshot } from '../../src/adapters/xlsx/read';
import { readOwnMarks, worksheetCfs } from '../../src/adapters/xlsx/marks';
import { applyReports, isOwnSheet, writeCheckedWorkbook } from '../../src/adapters/xlsx/write';
import { analyzeSheet } from '../../src/engine/analyze';
import { planMarks } from '../../src/engine/marks';
import { extractPlan } from '../../src/engine/plan-text/extract';
import { OWN_SHEETS } from '../../src/engine/tables';
import { StaleSheetError } from '../../src/host/types';
import { createController } from '../../src/taskpane/state/controller';
import {
  displayValue,
  mergeLayout,
  parseRange,
  rowMarks,
  rowWindow,
  visibleCell,
} from '../../src/standalone/grid';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'phu-luc-mau.xlsx');
const SHEET = 'Phụ lục 02';
const AS_OF = '2026-05-01';

async function open(): Promise<StandaloneHost> {
  const host = await StandaloneHost.open(fs.readFileSync(SAMPLE), { fileName: 'phu-luc-mau.xlsx' });
  return host;
}

function userRule(ws: ExcelJS.Worksheet): void {
  ws.addConditionalFormatting({
    ref: 'B8:B20',
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['LEN(B8)>200'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } },
      },
    ],
  });
}

describe('StandaloneHost', () => {
  test('the sample is the 002 appendix as pasted, bundled in assets/sample', () => {
    expect(fs.readFileSync(SAMPLE)).toEqual(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'xlsx', '002-pasted.xlsx')),
    );
  });

  test('lists sheets, reads a snapshot with the Office host fingerprint, and keeps settings for the session', async () => {
    const host = await open();
    expect(host.kind).toBe('standalone');
    expect(host.capabilities()).toMatchObject({ download: true, conditionalFormats: true });
    expect(await host.listSheets()).toEqual([{ name: SHEET, active: true, own: false }]);
    const read = await host.readSheet(SHEET);
    expect(read.snapshot).toEqual(sheetSnapshot(host.workbook.getWorksheet(SHEET)!));
    expect(read.fingerprint).toBe(fingerprintSnapshot(read.snapshot));
    await host.saveSettings({ dueSoonDays: 7, lang: 'en' });
    expect(await host.loadSettings()).toEqual({ dueSoonDays: 7, lang: 'en' });
    await expect(host.readSheet('nope')).rejects.toThrow();
  });

  test('the sheets read by the worker serve the first check with the fingerprint it hashed; a change makes a new snapshot, hashed here', async () => {
    const bytes = fs.readFileSync(SAMPLE);
    const { sheets } = await readWorkbook(bytes);
    const hashed = new Map(sheets.map((s) => [s, fingerprintSnapshot(s)]));
    const host = await StandaloneHost.open(bytes, {
      fileName: 'phu-luc-mau.xlsx',
      guard: async () => sheets,
      knownFingerprint: (s) => hashed.get(s),
    });
    const read = await host.readSheet(SHEET);
    // The very object the worker gave (the worker holds it too), and its fingerprint.
    expect(read.snapshot).toBe(sheets[0]);
    expect(read.fingerprint).toBe(hashed.get(sheets[0]));
    expect(read.snapshot).toEqual(sheetSnapshot(host.workbook.getWorksheet(SHEET)!));
    // Unchanged: the same snapshot again. Marked: another snapshot, fingerprinted on the page.
    expect((await host.readSheet(SHEET)).snapshot).toBe(read.snapshot);
    const report = analyzeSheet(read.snapshot, { asOf: AS_OF });
    await host.applyMarks(planMarks(report), read.fingerprint);
    const again = await host.readSheet(SHEET);
    expect(again.snapshot).not.toBe(read.snapshot);
    expect(again.fingerprint).toBe(fingerprintSnapshot(again.snapshot));
  });

  test('applyMarks writes the plan as own conditional formats; clearMarks removes only those; a stale sheet is refused', async () => {
    const host = await open();
    const ws = host.workbook.getWorksheet(SHEET)!;
    userRule(ws);
    const read = await host.readSheet(SHEET);
    const report = analyzeSheet(read.snapshot, { asOf: AS_OF, lang: 'vi' });
    const plan = planMarks(report);
    const version = host.preview().version;
    await host.applyMarks(plan, read.fingerprint);
    expect(host.preview().version).toBe(version + 1);
    expect(readOwnMarks(ws)).toEqual(plan.rules.map((r) => ({ kind: r.kind, ranges: r.ranges })));
    expect(host.marks(SHEET)).toEqual(readOwnMarks(ws));
    await host.clearMarks(SHEET);
    expect(readOwnMarks(ws)).toEqual([]);
    expect(
      worksheetCfs(ws).flatMap((cf) =>
        cf.rules.map((r) => (r as { formulae?: string[] }).formulae?.[0]),
      ),
    ).toEqual(['LEN(B8)>200']);

    ws.getCell('B8').value = 'đã sửa';
    await expect(host.applyMarks(plan, read.fingerprint)).rejects.toBeInstanceOf(StaleSheetError);
    expect(readOwnMarks(ws)).toEqual([]);
  });

  test('writeSummary writes the same own sheets as the CLI writer, and never touches the marks', async () => {
    const host = await open();
    const read = await host.readSheet(SHEET);
    const report = analyzeSheet(read.snapshot, { asOf: AS_OF, lang: 'vi' });
    const result = await host.writeSummary(report, 'vi');
    expect(result).toEqual({
      sheets: [
        OWN_SHEETS.tasks,
        OWN_SHEETS.agencies,
        OWN_SHEETS.summary,
        OWN_SHEETS.report,
        OWN_SHEETS.reminders,
        OWN_SHEETS.findings,
      ],
      skipped: [],
    });
    expect(readOwnMarks(host.workbook.getWorksheet(SHEET)!)).toEqual([]);
    expect(host.preview().sheet).toBe(OWN_SHEETS.summary);
    expect(host.preview().summary?.report).toBe(report);
    expect(host.ownKind(OWN_SHEETS.summary)).toBe('summary');
    expect((await host.listSheets()).filter((s) => s.own).map((s) => s.name)).toEqual(
      result.sheets,
    );

    const cli = await readWorkbook(fs.readFileSync(SAMPLE));
    applyReports(cli.workbook, [report], { lang: 'vi' });
    for (const name of result.sheets) {
      expect(sheetSnapshot(host.workbook.getWorksheet(name)!).values).toEqual(
        sheetSnapshot(cli.workbook.getWorksheet(name)!).values,
      );
    }
    // Again: replaced, not doubled.
    await host.writeSummary(report, 'vi');
    expect(host.workbook.worksheets.filter(isOwnSheet).map((w) => w.name)).toEqual(result.sheets);
  });

  test('an as-of date changed after the check does not reach the summary: the sheets show the date their counts were made for', async () => {
    const host = await open();
    const controller = createController(host, { today: () => '2026-05-20' });
    await controller.loadSheets();
    await controller.check(SHEET, '2026-03-01', 15);
    const checkedFor = controller.getState().report!;
    expect(checkedFor.asOf).toBe('2026-03-01');
    // The user types another date, and writes the summary without checking again.
    controller.setAsOf('2026-12-31');
    await controller.writeSummary();
    expect(controller.getState().error).toBeNull();

    const text = (name: string) =>
      JSON.stringify(sheetSnapshot(host.workbook.getWorksheet(name)!).values);
    for (const name of [OWN_SHEETS.summary, OWN_SHEETS.report, OWN_SHEETS.reminders]) {
      expect(text(name)).toContain('01/03/2026');
      expect(text(name)).not.toContain('31/12/2026');
    }
    // Counts and dates together: exactly what the CLI writes for a check on 1 March.
    const cli = await readWorkbook(fs.readFileSync(SAMPLE));
    const march = analyzeSheet(
      cli.sheets.find((x) => x.name === SHEET)!,
      { asOf: '2026-03-01', dueSoonDays: 15, lang: 'vi' },
    );
    applyReports(cli.workbook, [march], { lang: 'vi' });
    for (const name of [
      OWN_SHEETS.summary,
      OWN_SHEETS.report,
      OWN_SHEETS.reminders,
      OWN_SHEETS.tasks,
    ]) {
      expect(sheetSnapshot(host.workbook.getWorksheet(name)!).values).toEqual(
        sheetSnapshot(cli.workbook.getWorksheet(name)!).values,
      );
    }
  });

  test('checkedBytes is what `phancong check --out` writes', async () => {
    const host = await open();
    const read = await host.readSheet(SHEET);
    const report = analyzeSheet(read.snapshot, { asOf: AS_OF, lang: 'vi' });
    const mine = await readWorkbook(await host.checkedBytes(report, 'vi'));
    const cli = await readWorkbook(fs.readFileSync(SAMPLE));
    const want = await readWorkbook(
      await writeCheckedWorkbook(cli.workbook, [report], { lang: 'vi' }),
    );
    expect(mine.sheets.map((s) => s.values)).toEqual(want.sheets.map((s) => s.values));
    expect(readOwnMarks(mine.workbook.getWorksheet(SHEET)!)).toEqual(
      readOwnMarks(want.workbook.getWorksheet(SHEET)!),
    );
    expect(readOwnMarks(host.workbook.getWorksheet(SHEET)!).length).toBeGreaterThan(0);
    expect(checkedFileName('phu-luc-mau.xlsx', 'đã kiểm tra')).toBe(
      'phu-luc-mau (đã kiểm tra).xlsx',
    );
    expect(checkedFileName('Bảng.XLSX', 'checked')).toBe('Bảng (checked).xlsx');
  });

  test('selectCell moves the preview to the cell; writeAppendix adds a new sheet; readColumnText reads a column', async () => {
    const host = await open();
    const seen: number[] = [];
    const stop = host.subscribe(() => seen.push(host.preview().selectSeq));
    await host.selectCell(SHEET, 'e12');
    await host.selectCell(SHEET, 'E12');
    expect(host.preview().selected).toEqual({ sheet: SHEET, cell: 'E12' });
    expect(seen).toEqual([1, 2]);
    stop();

    const text = await host.readColumnText(SHEET, 'b');
    expect(text.split('\n')[0]).toBe('Nhiệm vụ');
    await expect(host.readColumnText(SHEET, '1A')).rejects.toMatchObject({
      messageId: 'ui.error.column',
    });

    const plan = fs.readFileSync(
      path.join(__dirname, '..', 'fixtures', 'seeds', '000-lao-cai-ke-hoach-2026.txt'),
      'utf8',
    );
    const draft = extractPlan(plan);
    const { sheet } = await host.writeAppendix(draft, 'vi');
    expect(host.sheetNames()).toEqual([SHEET, sheet]);
    expect(host.preview().sheet).toBe(sheet);
    // The new sheet is an appendix the engine reads, with the draft's tasks.
    const report = analyzeSheet((await host.readSheet(sheet)).snapshot, {
      asOf: AS_OF,
      lang: 'vi',
    });
    expect(report.tasks.length).toBe(draft.tasks.length);
    expect((await host.writeAppendix(draft, 'vi')).sheet).not.toBe(sheet);
  });
});

describe('preview helpers', () => {
  test('values as Excel shows them', () => {
    expect(displayValue(46143, 'dd/mm/yyyy')).toBe('01/05/2026');
    expect(displayValue(3, 'General')).toBe('3');
    expect(displayValue(0.1 + 0.2, 'General')).toBe('0.3');
    expect(displayValue(true, undefined)).toBe('TRUE');
    expect(displayValue({ error: '#REF!' }, undefined)).toBe('#REF!');
    expect(displayValue(null, undefined)).toBe('');
  });

  test('merges, ranges, marks and the row window', () => {
    const layout = mergeLayout([{ top: 0, left: 0, bottom: 1, right: 2 }]);
    expect(layout.masters.get('0,0')).toEqual({ rowSpan: 2, colSpan: 3 });
    expect([...layout.covered].sort()).toEqual(['0,1', '0,2', '1,0', '1,1', '1,2']);
    expect(visibleCell({ merges: [{ top: 0, left: 0, bottom: 1, right: 2 }] }, 1, 2)).toEqual({
      row: 0,
      col: 0,
    });
    expect(parseRange('$B$3:A10')).toEqual({ top: 2, left: 0, bottom: 9, right: 1 });
    const marks = rowMarks([
      { kind: 'unassigned', ranges: ['A5:H6'] },
      { kind: 'overdue', ranges: ['A6:H6'] },
    ]);
    expect(marks.get(4)?.kind).toBe('unassigned');
    expect(marks.get(5)).toEqual({ kind: 'overdue', left: 0, right: 7 });
    expect(rowWindow(100, 1500, 50)).toEqual({ from: 0, to: 100 });
    expect(rowWindow(5000, 1500, 3000)).toEqual({ from: 2250, to: 3750 });
    expect(rowWindow(5000, 1500, 4990)).toEqual({ from: 3500, to: 5000 });
  });
});
