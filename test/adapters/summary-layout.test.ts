/**
 * The summary sheet is described once (engine/summary-layout.ts) and each writer only renders it:
 * the ExcelJS sheet (formulas with cached results) and the Office.js sheet (values) show the same
 * cells for the same report (and so do the report and reminder sheets), and the layout's states are
 * TASK_STATES in order.
 */
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { applyReports } from '../../src/adapters/xlsx/write';
import { analyzeSheet } from '../../src/engine/analyze';
import { summaryLayout } from '../../src/engine/summary-layout';
import { TASK_STATES } from '../../src/engine/types';
import { t } from '../../src/messages';
import { createExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { AS_OF, USER_SHEET, buildUserWorkbook } from './xlsx-write.fixture';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'Excel' } }));

type Shown = Record<string, string | number>;

function shownXlsx(ws: import('exceljs').Worksheet): Shown {
  const out: Shown = {};
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (cell.isMerged && cell.master !== cell) return;
      // ExcelJS keeps no cached result of 0 (Excel recomputes on opening).
      const shown =
        v !== null && typeof v === 'object' && 'formula' in v
          ? ((v.result as number | undefined) ?? 0)
          : (v as string | number);
      if (shown !== null && shown !== '') out[cell.address] = shown;
    }),
  );
  return out;
}

test('ExcelJS and Office.js show the same summary, report and reminder cells (but the notes that name their source)', async () => {
  const bytes = await buildUserWorkbook();

  const { sheets, workbook } = await readWorkbook(bytes);
  const reports = sheets.map((s) => analyzeSheet(s, { asOf: AS_OF, lang: 'vi' }));
  const written = applyReports(workbook, reports, { lang: 'vi' });

  const fake = createExcelFake({ apiVersion: '1.13' });
  for (const s of (await readWorkbook(bytes)).sheets) fake.addSheet(s);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const read = await host.readSheet(USER_SHEET);
  const report = analyzeSheet(read.snapshot, { asOf: AS_OF, lang: 'vi' });
  const result = await host.writeSummary(report, 'vi');
  const officeOf = (name: string, lastCol: string): Shown => {
    const out: Shown = {};
    for (const [addr, cell] of Object.entries(fake.cells(name))) {
      const col = addr.replace(/\d+$/, '');
      // Beyond the layout: the PivotTables and their note.
      if (
        cell.v !== null &&
        cell.v !== undefined &&
        cell.v !== '' &&
        col.length === 1 &&
        col <= lastCol
      )
        out[addr] = cell.v as string | number;
    }
    return out;
  };

  const xlsx = shownXlsx(workbook.getWorksheet(written.sheets.summary)!);
  const office = officeOf(result.sheets[0], 'J');
  expect(xlsx.A2).toContain('công thức');
  expect(office.A2).toBe(
    t('vi', 'xlsx.summary.asOfValues', { sheet: USER_SHEET, date: '22/11/2026' }),
  );
  delete xlsx.A2;
  delete office.A2;
  expect(Object.keys(xlsx).length).toBeGreaterThan(50);
  expect(office).toEqual(xlsx);

  // The report: the plan's name (A2) is the title block's text in the file, the sheet's name in Excel.
  const xlsxReport = shownXlsx(workbook.getWorksheet(written.sheets.report)!);
  const officeReport = officeOf(result.sheets[4], 'N');
  delete xlsxReport.A2;
  delete officeReport.A2;
  expect(Object.keys(xlsxReport).length).toBeGreaterThan(40);
  expect(officeReport).toEqual(xlsxReport);
  const xlsxMerges = Object.keys(
    (
      workbook.getWorksheet(written.sheets.report) as unknown as {
        _merges: Record<string, unknown>;
      }
    )._merges,
  ).sort();
  const letters = (n: number) => String.fromCharCode(65 + n);
  const officeMerges = fake
    .sheet(result.sheets[4])!
    .merges.map((m) => letters(m.c0) + (m.r0 + 1))
    .sort();
  expect(officeMerges).toEqual(xlsxMerges);

  expect(officeOf(result.sheets[5], 'H')).toEqual(
    shownXlsx(workbook.getWorksheet(written.sheets.reminders)!),
  );
});

test('the layout: every state in TASK_STATES order, a total per block, formulas only over a non-empty table', () => {
  const summary = {
    total: 3,
    byState: { overdue: 2, done: 1 },
    unassigned: 1,
    byLead: [
      { key: 'Sở Y tế', counts: { total: 2, overdue: 2 } },
      { key: '', counts: { total: 1, done: 1 } },
    ],
    byLeader: [],
    byQuarter: [{ key: '4/2026', counts: { total: 3, overdue: 2, done: 1 } }],
    bySection: [],
    bySupport: [],
  };
  const layout = summaryLayout(summary, {
    lang: 'en',
    asOf: AS_OF,
    sheet: 'PC Nhiệm vụ',
    live: true,
    taskRows: 3,
  });
  const lead = layout.blocks[0];
  expect(layout.blocks.map((b) => b.kind)).toEqual(['lead', 'leader', 'quarter', 'section']);
  expect(layout.rows[lead.headerRow].slice(1, -1).map((c) => c!.value)).toEqual(
    TASK_STATES.map((s) => t('en', `state.${s}`)),
  );
  expect(layout.rows[lead.firstRow].map((c) => c!.value)).toEqual([
    'Sở Y tế',
    2,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    2,
  ]);
  // A named lead is counted on the agency table's lead rows; no lead on the task table.
  expect(layout.rows[lead.firstRow][1]!.formula).toMatchObject({
    fn: 'countIfs',
    criteria: [
      { range: { table: 'agencies', column: 'agency' } },
      { range: { table: 'agencies', column: 'role' } },
      {},
    ],
  });
  expect(layout.rows[lead.lastRow][0]!.value).toBe(t('en', 'lead.none'));
  expect(layout.rows[lead.lastRow][1]!.formula).toMatchObject({
    fn: 'countIfs',
    criteria: [{ range: { table: 'tasks', column: 'lead' } }, {}],
  });
  expect(layout.rows[lead.totalRow].map((c) => c!.value)).toEqual([
    t('en', 'xlsx.summary.allTasks'),
    2,
    0,
    0,
    0,
    0,
    1,
    0,
    0,
    3,
  ]);
  const leader = layout.blocks[1];
  expect(leader.lastRow).toBe(leader.firstRow - 1);
  expect(layout.rows[layout.blocks[2].firstRow][0]!.value).toBe(
    t('en', 'quarter.label', { q: '4', year: '2026' }),
  );
  // A key COUNTIFS would read as a number is counted exactly.
  const numeric = summaryLayout(
    { ...summary, bySection: [{ key: '2026', counts: { total: 1, done: 1 } }] },
    { lang: 'en', asOf: AS_OF, sheet: 'x', live: true, taskRows: 3 },
  );
  expect(numeric.rows[numeric.blocks[3].firstRow][1]!.formula).toMatchObject({
    fn: 'countExact',
    exact: { range: { table: 'tasks', column: 'section' } },
  });
  // No task rows: the counts are plain numbers.
  const empty = summaryLayout(summary, {
    lang: 'en',
    asOf: AS_OF,
    sheet: 'x',
    live: true,
    taskRows: 0,
  });
  expect(empty.rows[empty.blocks[0].firstRow][1]).toEqual({ value: 2 });
});
