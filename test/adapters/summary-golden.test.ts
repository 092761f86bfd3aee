/**
 * Golden output of the two summary writers (issue 14 §3): every cell the ExcelJS writer puts on the
 * add-in's own sheets (value or formula with its cached result, number format, font, fill, border,
 * alignment, merges, views, widths, page setup) and every cell, chart and PivotTable the Office.js
 * writer leaves in the Excel fake, for the small user workbook of the writer tests and the bundled
 * sample. Generated from the code before the summary layout became data, so that the refactor shows
 * the output did not change (and, where the writers disagreed, exactly what changed).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { applyReports } from '../../src/adapters/xlsx/write';
import { analyzeSheet } from '../../src/engine/analyze';
import { OWN_SHEETS } from '../../src/engine/tables';
import { createExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { AS_OF, buildUserWorkbook } from './xlsx-write.fixture';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'Excel' } }));

const SAMPLE = join(__dirname, '..', 'fixtures', 'xlsx', '002-bold.xlsx');

function dumpSheet(ws: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      const style: Record<string, unknown> = {};
      if (cell.numFmt) style.nf = cell.numFmt;
      if (cell.font && Object.keys(cell.font).length) style.font = cell.font;
      if (cell.fill) style.fill = cell.fill;
      if (cell.border && Object.keys(cell.border).length) style.border = cell.border;
      if (cell.alignment && Object.keys(cell.alignment).length) style.al = cell.alignment;
      if ((v === null || v === undefined) && Object.keys(style).length === 0) return;
      lines.push(
        `${ws.name}!${cell.address} ${JSON.stringify(v instanceof Date ? { date: v.toISOString() } : v)} ${JSON.stringify(style)}`,
      );
      void r;
      void c;
    });
  });
  const merges = Object.keys(
    (ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {},
  ).sort();
  lines.push(`${ws.name} merges ${JSON.stringify(merges)}`);
  lines.push(`${ws.name} views ${JSON.stringify(ws.views)}`);
  lines.push(
    `${ws.name} widths ${JSON.stringify(ws.columns?.map((col) => col.width ?? null) ?? [])}`,
  );
  lines.push(`${ws.name} pageSetup ${JSON.stringify({ ...ws.pageSetup })}`);
  const tables =
    (ws as unknown as { tables?: Record<string, { table?: { name: string; ref: string } }> })
      .tables ?? {};
  lines.push(
    `${ws.name} tables ${JSON.stringify(Object.values(tables).map((tb) => [tb.table?.name, tb.table?.ref]))}`,
  );
  return lines;
}

/** The sample's task, agency and findings tables are long: its golden keeps the summary and report sheets. */
const LAYOUT_KINDS = new Set(['summary', 'report', 'reminders']);

async function xlsxGolden(bytes: Uint8Array, lang: 'vi' | 'en', all = true): Promise<string[]> {
  const { sheets, workbook } = await readWorkbook(bytes);
  const reports = sheets.map((s) => analyzeSheet(s, { asOf: AS_OF, lang }));
  const result = applyReports(workbook, reports, { lang });
  const lines = [
    `result ${JSON.stringify(result)}`,
    `sheets ${JSON.stringify(workbook.worksheets.map((w) => w.name))}`,
  ];
  for (const [kind, name] of Object.entries(result.sheets))
    if (all || LAYOUT_KINDS.has(kind)) lines.push(...dumpSheet(workbook.getWorksheet(name)!));
  return lines;
}

async function officeGolden(bytes: Uint8Array, lang: 'vi' | 'en', all = true): Promise<string[]> {
  const wb = await readWorkbook(bytes);
  const fake = createExcelFake({ apiVersion: '1.13' });
  for (const s of wb.sheets) fake.addSheet(s);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const lines: string[] = [];
  for (const name of fake.sheetNames()) {
    if ((Object.values(OWN_SHEETS) as string[]).includes(name)) continue;
    const read = await host.readSheet(name);
    const report = analyzeSheet(read.snapshot, { asOf: AS_OF, lang });
    if (report.headerRow === null) continue;
    const result = await host.writeSummary(report, lang);
    lines.push(`result ${JSON.stringify(result)}`);
    const layoutSheets = new Set([
      OWN_SHEETS.summary,
      OWN_SHEETS.report,
      OWN_SHEETS.reminders,
    ] as string[]);
    for (const own of result.sheets.filter((n) => all || layoutSheets.has(n))) {
      const s = fake.sheet(own)!;
      for (const [addr, cell] of Object.entries(fake.cells(own)))
        lines.push(`${own}!${addr} ${JSON.stringify(cell)}`);
      lines.push(`${own} charts ${JSON.stringify(s.charts.map(({ id: _id, ...c }) => c))}`);
      lines.push(
        `${own} pivots ${JSON.stringify(s.pivots.map((p) => ({ name: p.name, rows: p.rows, columns: p.columns, data: p.data })))}`,
      );
      lines.push(`${own} tables ${JSON.stringify(s.tables.map((tb) => [tb.name, tb.area]))}`);
      lines.push(`${own} frozen ${s.frozenRows},${s.frozenColumns}`);
    }
  }
  return lines;
}

describe('summary writers: golden output', () => {
  test('ExcelJS, small workbook (vi)', async () => {
    expect(await xlsxGolden(await buildUserWorkbook(), 'vi')).toMatchSnapshot();
  });
  test('ExcelJS, small workbook (en)', async () => {
    expect(await xlsxGolden(await buildUserWorkbook(), 'en')).toMatchSnapshot();
  });
  test('ExcelJS, the sample (vi)', async () => {
    expect(await xlsxGolden(new Uint8Array(readFileSync(SAMPLE)), 'vi', false)).toMatchSnapshot();
  });
  test('Office.js, small workbook (vi)', async () => {
    expect(await officeGolden(await buildUserWorkbook(), 'vi')).toMatchSnapshot();
  });
  test('Office.js, the sample (vi)', async () => {
    expect(await officeGolden(new Uint8Array(readFileSync(SAMPLE)), 'vi', false)).toMatchSnapshot();
  });
});
