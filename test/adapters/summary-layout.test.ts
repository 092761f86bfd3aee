/**
 * The summary sheet is described once (engine/summary-layout.ts) and each writer only renders it:
 * the ExcelJS sheet (formulas with cached results) and the Office.js sheet (values) show the same
 * cells for the same report, and the layout's states are TASK_STATES in order.
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

test('ExcelJS and Office.js show the same summary cells (but the as-of note: formulas vs values)', async () => {
  const bytes = await buildUserWorkbook();

  const { sheets, workbook } = await readWorkbook(bytes);
  const reports = sheets.map((s) => analyzeSheet(s, { asOf: AS_OF, lang: 'vi' }));
  const written = applyReports(workbook, reports, { lang: 'vi', asOf: AS_OF });
  const xlsx: Shown = {};
  workbook.getWorksheet(written.sheets.summary)!.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      // ExcelJS keeps no cached result of 0 (Excel recomputes on opening).
      const shown = v !== null && typeof v === 'object' && 'formula' in v ? ((v.result as number | undefined) ?? 0) : (v as string | number);
      if (shown !== null && shown !== '') xlsx[cell.address] = shown;
    }),
  );

  const fake = createExcelFake({ apiVersion: '1.13' });
  for (const s of (await readWorkbook(bytes)).sheets) fake.addSheet(s);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const read = await host.readSheet(USER_SHEET);
  const report = analyzeSheet(read.snapshot, { asOf: AS_OF, lang: 'vi' });
  const result = await host.writeSummary(report, 'vi');
  const office: Shown = {};
  for (const [addr, cell] of Object.entries(fake.cells(result.sheets[0]))) {
    const col = addr.replace(/\d+$/, '');
    // Column M on: the PivotTables' note, beside the layout.
    if (cell.v !== null && cell.v !== undefined && cell.v !== '' && col.length === 1 && col < 'K') office[addr] = cell.v as string | number;
  }

  expect(xlsx.A2).toContain('công thức');
  expect(office.A2).toBe(t('vi', 'xlsx.summary.asOfValues', { sheet: USER_SHEET, date: '22/11/2026' }));
  delete xlsx.A2;
  delete office.A2;
  expect(Object.keys(xlsx).length).toBeGreaterThan(50);
  expect(office).toEqual(xlsx);
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
  const layout = summaryLayout(summary, { lang: 'en', asOf: AS_OF, sheet: 'PC Nhiệm vụ', live: true, taskRows: 3 });
  const lead = layout.blocks[0];
  expect(layout.blocks.map((b) => b.kind)).toEqual(['lead', 'leader', 'quarter', 'section']);
  expect(layout.rows[lead.headerRow].slice(1, -1).map((c) => c!.value)).toEqual(TASK_STATES.map((s) => t('en', `state.${s}`)));
  expect(layout.rows[lead.firstRow].map((c) => c!.value)).toEqual(['Sở Y tế', 2, 0, 0, 0, 0, 0, 0, 0, 2]);
  // A named lead is counted on the agency table's lead rows; no lead on the task table.
  expect(layout.rows[lead.firstRow][1]!.formula).toMatchObject({ fn: 'countIfs', criteria: [{ range: { table: 'agencies', column: 'agency' } }, { range: { table: 'agencies', column: 'role' } }, {}] });
  expect(layout.rows[lead.lastRow][0]!.value).toBe(t('en', 'lead.none'));
  expect(layout.rows[lead.lastRow][1]!.formula).toMatchObject({ fn: 'countIfs', criteria: [{ range: { table: 'tasks', column: 'lead' } }, {}] });
  expect(layout.rows[lead.totalRow].map((c) => c!.value)).toEqual([t('en', 'xlsx.summary.allTasks'), 2, 0, 0, 0, 0, 1, 0, 0, 3]);
  const leader = layout.blocks[1];
  expect(leader.lastRow).toBe(leader.firstRow - 1);
  expect(layout.rows[layout.blocks[2].firstRow][0]!.value).toBe(t('en', 'quarter.label', { q: '4', year: '2026' }));
  // A key COUNTIFS would read as a number is counted exactly.
  const numeric = summaryLayout({ ...summary, bySection: [{ key: '2026', counts: { total: 1, done: 1 } }] }, { lang: 'en', asOf: AS_OF, sheet: 'x', live: true, taskRows: 3 });
  expect(numeric.rows[numeric.blocks[3].firstRow][1]!.formula).toMatchObject({ fn: 'countExact', exact: { range: { table: 'tasks', column: 'section' } } });
  // No task rows: the counts are plain numbers.
  const empty = summaryLayout(summary, { lang: 'en', asOf: AS_OF, sheet: 'x', live: true, taskRows: 0 });
  expect(empty.rows[empty.blocks[0].firstRow][1]).toEqual({ value: 2 });
});
