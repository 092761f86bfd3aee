/**
 * "PC Báo cáo" end to end: for every fixture in test/fixtures/xlsx, the checked copy's report
 * formulas, with their cached results removed and recalculated by LibreOffice Calc, equal the
 * engine's per-agency report (summary.report). Also the sheet's print setup and the "PC Đôn đốc"
 * list. Needs `soffice`; skipped with a message otherwise.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { writeCheckedWorkbook } from '../../src/adapters/xlsx/write';
import { REPORT_SHEET_COLUMNS } from '../../src/adapters/xlsx/report-sheet';
import { analyzeSheet } from '../../src/engine/analyze';
import { buildStandardReport, buildReminders } from '../../src/engine/tracking';
import { OWN_SHEETS } from '../../src/engine/tables';
import type { SheetReport } from '../../src/engine/types';
import { t } from '../../src/messages';
import {
  SOFFICE,
  describeIfSoffice as describeIfSofficeFor,
  makeProfile,
  parseCsv,
} from '../helpers/libreoffice';

const describeIfSoffice = describeIfSofficeFor('the report recalculation check');

const DIR = 'test/fixtures/xlsx';
const FIXTURES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();
const AS_OF = '2026-05-15';

const csvOf = (dir: string, file: string, sheet: string) =>
  parseCsv(fs.readFileSync(path.join(dir, `${file.replace(/\.xlsx$/, '')}-${sheet}.csv`), 'utf8'));

interface Checked {
  file: string;
  reports: SheetReport[];
}

describeIfSoffice('PC Báo cáo recalculated by LibreOffice equals the engine', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-report-'));
  const checked: Checked[] = [];

  beforeAll(async () => {
    const inDir = path.join(tmp, 'in');
    fs.mkdirSync(inDir);
    for (const file of FIXTURES) {
      const wb = await readWorkbook(fs.readFileSync(path.join(DIR, file)));
      const reports = wb.sheets
        .map((s) => analyzeSheet(s, { asOf: AS_OF }))
        .filter((r) => r.headerRow !== null);
      const bytes = await writeCheckedWorkbook(wb.workbook, reports, { lang: 'vi' });
      // Strip every cached result of the report, so that only a recalculation fills its cells.
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const ws = out.getWorksheet(OWN_SHEETS.report)!;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as ExcelJS.CellFormulaValue;
          if (v && typeof v === 'object' && typeof v.formula === 'string')
            cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }),
      );
      fs.writeFileSync(path.join(inDir, file), new Uint8Array(await out.xlsx.writeBuffer()));
      checked.push({ file, reports });
    }
    execFileSync(
      SOFFICE!,
      // CSV of every sheet (the 12th filter token -1: one file per sheet, "<file>-<sheet>.csv").
      [
        `-env:UserInstallation=${makeProfile(tmp)}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        tmp,
        ...FIXTURES.map((f) => path.join(inDir, f)),
      ],
      { stdio: 'pipe', timeout: 240000 },
    );
  }, 300000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the report sheet is print-ready: A4 landscape, fit to width, header rows repeated', async () => {
    const wb = await readWorkbook(fs.readFileSync(path.join(DIR, '002-pasted.xlsx')));
    const reports = wb.sheets
      .map((s) => analyzeSheet(s, { asOf: AS_OF }))
      .filter((r) => r.headerRow !== null);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(
      (await writeCheckedWorkbook(wb.workbook, reports, {
        lang: 'vi',
      })) as unknown as ExcelJS.Buffer,
    );
    const ws = out.getWorksheet(OWN_SHEETS.report)!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe('5:6');
    expect(String(ws.getCell('A3').value)).toContain('Quý 2/2026');
    expect(String(ws.getCell('A3').value)).toContain('15/05/2026');
    expect(
      String(
        ws.getCell('D7').value && (ws.getCell('D7').value as ExcelJS.CellFormulaValue).formula,
      ),
    ).toMatch(/^COUNTIFS\('PC Cơ quan'!/);
  });

  it('covers every fixture', () => {
    expect(checked.map((c) => c.file)).toEqual(FIXTURES);
    expect(FIXTURES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(FIXTURES)('%s: every agency row and the total', async (file) => {
    const { reports } = checked.find((c) => c.file === file)!;
    const engine = buildStandardReport(reports.flatMap((r) => r.tasks));
    const grid = csvOf(tmp, file, OWN_SHEETS.report);
    const first = 6; // 0-based CSV row of the first agency (sheet row 7)
    const rows = [...engine.rows, { ...engine.total, agency: '*total*' }];
    rows.forEach((row, i) => {
      const line = grid[first + i];
      expect(line[1]).toBe(
        row.agency === '*total*'
          ? t('vi', 'report.total')
          : row.agency === ''
            ? t('vi', 'lead.none')
            : row.agency,
      );
      const got = REPORT_SHEET_COLUMNS.map((c, k) => [c, Number(line[2 + k])]);
      const want = REPORT_SHEET_COLUMNS.map((c) => [c, row.counts[c]]);
      expect(got).toEqual(want);
    });
    expect(grid[first + rows.length]?.[1] ?? '').toBe('');
  });

  it('the reminder sheet lists each agency’s overdue and due-soon tasks', async () => {
    const c = checked.find((x) => x.file === '002-pasted.xlsx')!;
    const grid = csvOf(tmp, c.file, OWN_SHEETS.reminders);
    const want = buildReminders(
      c.reports.flatMap((r) => r.tasks),
      AS_OF,
    ).flatMap((a) => a.tasks.map((x) => `${a.agency || t('vi', 'lead.none')}|${x.tt}`));
    const got: string[] = [];
    for (let r = 3; grid[r]?.[0]; r++) got.push(`${grid[r][0]}|${grid[r][1]}`);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });
});
