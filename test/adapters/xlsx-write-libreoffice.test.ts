/**
 * End to end, with LibreOffice as an independent reader: the summary sheet's formulas, recomputed
 * by LibreOffice Calc, give the engine's counts. The cached results are removed first and Calc is
 * told to recalculate on load, so every figure checked here is LibreOffice's own.
 *
 * Needs `soffice` (Debian: apt-get install -y libreoffice-calc); skipped with a message otherwise.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SUMMARY_STATES } from '../../src/adapters/xlsx/write';
import { OWN_SHEETS } from '../../src/engine/tables';
import type { SheetReport, SummaryCount } from '../../src/engine/types';
import { t } from '../../src/messages';
import { xlsx } from '../../src/messages/xlsx';
import { USER_SHEET, buildUserWorkbook, check } from './xlsx-write.fixture';
import {
  SOFFICE,
  describeIfSoffice as describeIfSofficeFor,
  makeProfile,
  parseCsv,
} from '../helpers/libreoffice';

const describeIfSoffice = describeIfSofficeFor('the end-to-end recalculation check');

/** Check a workbook, strip the summary's cached results, let LibreOffice recalculate: the CSV grid. */
async function recalculatedSummary(
  userBytes: Uint8Array,
  summaryName: string,
): Promise<{ grid: string[][]; report: SheetReport }> {
  const { out, reports } = await check(userBytes);
  const report = reports.find((r) => r.headerRow !== null)!;
  // Drop every cached formula result, so that only a recalculation can fill the cells.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
  const summary = wb.getWorksheet(summaryName)!;
  let formulas = 0;
  summary.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue;
      if (v && typeof v === 'object' && typeof v.formula === 'string') {
        cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        formulas++;
      }
    }),
  );
  expect(formulas).toBeGreaterThan(20);
  const sheetIndex = wb.worksheets.indexOf(summary) + 1;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-lo-'));
  try {
    const input = path.join(tmp, 'checked.xlsx');
    fs.writeFileSync(input, new Uint8Array(await wb.xlsx.writeBuffer()));
    // CSV filter options: comma, double quote, UTF-8, from row 1, …, the 12th token picks the sheet.
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetIndex}`;
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=${makeProfile(tmp)}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        tmp,
        input,
      ],
      { stdio: 'pipe', timeout: 120000 },
    );
    const csv = fs.readdirSync(tmp).find((f) => f.endsWith('.csv'));
    expect(csv).toBeDefined();
    return { grid: parseCsv(fs.readFileSync(path.join(tmp, csv!), 'utf8')), report };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The block under the header row whose first cell is the key header: key → column → figure. */
function block(grid: string[][], keyHeaderId: string): Map<string, Map<string, string>> {
  const h = grid.findIndex(
    (r) => r[0] === t('vi', keyHeaderId) && r[1] === t('vi', 'state.overdue'),
  );
  expect(h).toBeGreaterThanOrEqual(0);
  const header = grid[h];
  const out = new Map<string, Map<string, string>>();
  for (let r = h + 1; r < grid.length && grid[r][0]; r++) {
    out.set(grid[r][0], new Map(header.map((label, c) => [label, grid[r][c]])));
  }
  return out;
}

function expectBlock(
  grid: string[][],
  report: SheetReport,
  keyHeaderId: string,
  counts: SummaryCount[],
  label: (key: string) => string,
): void {
  const b = block(grid, keyHeaderId);
  expect(b.size).toBe(counts.length + 1);
  for (const c of counts) {
    const row = b.get(label(c.key));
    expect(row).toBeDefined();
    const got = SUMMARY_STATES.map((s) => Number(row!.get(t('vi', `state.${s}`))));
    expect([label(c.key), got]).toEqual([
      label(c.key),
      SUMMARY_STATES.map((s) => c.counts[s] ?? 0),
    ]);
    expect(Number(row!.get(t('vi', 'table.total')))).toBe(c.counts.total);
  }
  const all = b.get(xlsx.vi['xlsx.summary.allTasks'])!;
  expect(all).toBeDefined();
  expect(SUMMARY_STATES.map((s) => Number(all.get(t('vi', `state.${s}`))))).toEqual(
    SUMMARY_STATES.map((s) => report.summary.byState[s] ?? 0),
  );
  expect(Number(all.get(t('vi', 'table.total')))).toBe(report.summary.total);
}

const quarterLabel = (k: string) => {
  const m = /^(\d)\/(\d{4})$/.exec(k);
  return m ? t('vi', 'quarter.label', { q: m[1], year: m[2] }) : t('vi', 'quarter.none');
};

describeIfSoffice(
  'xlsx writer × LibreOffice: the summary formulas recalculate to the engine counts',
  () => {
    let grid: string[][];
    let report: SheetReport;

    beforeAll(async () => {
      ({ grid, report } = await recalculatedSummary(
        await buildUserWorkbook(),
        `${OWN_SHEETS.summary} (2)`,
      ));
      expect(report.name).toBe(USER_SHEET);
    }, 180000);

    it('by lead agency (a task with two leads counts for each; no lead counted too)', () => {
      expect(report.summary.byLead.some((e) => e.key === '')).toBe(true);
      expectBlock(grid, report, 'table.lead', report.summary.byLead, (k) =>
        k === '' ? t('vi', 'lead.none') : k,
      );
    });

    it('by leader (blank cells counted through an empty criterion)', () => {
      expectBlock(grid, report, 'table.leader', report.summary.byLeader, (k) =>
        k === '' ? t('vi', 'leader.none') : k,
      );
    });

    it('by quarter', () => {
      expectBlock(grid, report, 'table.quarter', report.summary.byQuarter, quarterLabel);
    });

    it('by section', () => {
      expectBlock(grid, report, 'table.section', report.summary.bySection, (k) =>
        k === '' ? t('vi', 'section.none') : k,
      );
    });

    it('keys COUNTIFS cannot match exactly (case twins, wildcards, numbers) use exact formulas', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Kế hoạch');
      ws.addRow(['TT', 'Nhiệm vụ', 'Lãnh đạo phụ trách', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
      ws.getRow(1).font = { bold: true };
      const leaders = ['Đ/c Hà', 'Đ/c HÀ', 'Đ/c Hà', 'PCT*', 'PCT Nam', '2026', null, 'Đ/c Hà?'];
      leaders.forEach((leader, i) =>
        ws.addRow([
          String(i + 1),
          `Nhiệm vụ số ${i + 1}`,
          leader,
          i % 2 ? 'Sở Y tế' : 'Sở Xây dựng',
          i % 3 ? 'Quý IV/2026' : 'Tháng 3/2027',
        ]),
      );
      const tricky = await recalculatedSummary(
        new Uint8Array(await wb.xlsx.writeBuffer()),
        OWN_SHEETS.summary,
      );
      // The engine keeps these keys apart; COUNTIFS alone would not.
      expect(tricky.report.summary.byLeader.map((e) => e.key)).toEqual(
        expect.arrayContaining(['Đ/c Hà', 'Đ/c HÀ', 'PCT*', '2026', 'Đ/c Hà?']),
      );
      expectBlock(
        tricky.grid,
        tricky.report,
        'table.leader',
        tricky.report.summary.byLeader,
        (k) => (k === '' ? t('vi', 'leader.none') : k),
      );
      expectBlock(tricky.grid, tricky.report, 'table.lead', tricky.report.summary.byLead, (k) =>
        k === '' ? t('vi', 'lead.none') : k,
      );
      expectBlock(
        tricky.grid,
        tricky.report,
        'table.quarter',
        tricky.report.summary.byQuarter,
        quarterLabel,
      );
    }, 180000);
  },
);

if (!SOFFICE) {
  describe('xlsx writer × LibreOffice', () => {
    it.skip('LibreOffice (soffice) is not installed: the end-to-end recalculation check is skipped', () =>
      undefined);
  });
}
