/**
 * "Gộp báo cáo" and "So sánh với bản trước" on the standalone page in real Chromium: the bundled
 * sample is the open workbook; report files and an older version are picked through the file inputs
 * and read in the page (ExcelJS chunk). Counts are compared with the engine run here on the same files.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { compareReports } from '../../src/engine/compare';
import { gather, prepareMaster } from '../../src/engine/gather';
import { t } from '../../src/messages';
import {
  axeSerious,
  describeBrowser,
  launchBrowser,
  ROOT,
  screenshot,
  serveStatic,
  type Browser,
  type StaticServer,
} from './harness';

jest.setTimeout(180_000);

const SAMPLE = path.join(ROOT, 'assets', 'sample', 'phu-luc-mau.xlsx');
const AS_OF = '2026-05-01';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(path.join(ROOT, 'dist', 'addin'));
  browser = await launchBrowser(server.origin);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(browser.blocked).toEqual([]);
  expect(browser.problems).toEqual([]);
});

/** The sample with an edit, as .xlsx bytes. */
async function edited(
  edit: (ws: ExcelJS.Worksheet, rows: number[], lastCol: number) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const snap = (await readWorkbook(fs.readFileSync(SAMPLE))).sheets[0];
  const report = analyzeSheet(snap, { asOf: AS_OF });
  edit(
    ws,
    report.tasks.map((x) => x.row),
    Math.max(...snap.values.map((r) => r.length)),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openSample(page: Page): Promise<void> {
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector('[data-standalone]');
  await page.getByRole('button', { name: t('vi', 'standalone.sample') }).click();
  await page.waitForSelector('[data-standalone="workbook"] [data-preview="Phụ lục 02"]');
  await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
  await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
  await page.waitForSelector('[data-notice="ui.done.checked"]');
}

async function showTab(page: Page, tab: 'track' | 'report'): Promise<void> {
  await page.locator(`#pc-tab-${tab}`).click();
  await page.waitForSelector(`[role="tabpanel"][data-tab="${tab}"]`);
}

describeBrowser('gather and compare on the standalone page', () => {
  test('Gộp báo cáo: two reports picked, the plan shown as the engine computes it, applied with a log sheet', async () => {
    const reportA = await edited((ws, rows, last) => {
      ws.getCell(findHeader(ws), last + 1).value = 'Tình trạng';
      ws.getCell(rows[0], last + 1).value = 'Hoàn thành';
      ws.getCell(rows[1], last + 1).value = 'Đang thực hiện';
    });
    const reportB = await edited((ws, rows, last) => {
      ws.getCell(findHeader(ws), last + 1).value = 'Tình trạng';
      ws.getCell(rows[1], last + 1).value = 'Hoàn thành';
      ws.getCell(rows[2], last + 1).value = 'Chưa thực hiện';
    });
    // What the engine says for the same files.
    const master = (await readWorkbook(fs.readFileSync(SAMPLE))).sheets[0];
    const prepared = prepareMaster(master, { asOf: AS_OF });
    const inputs = await Promise.all(
      [
        ['so-a.xlsx', reportA],
        ['so-b.xlsx', reportB],
      ].map(async ([file, bytes]) => {
        const snap = (await readWorkbook(bytes as Buffer)).sheets[0];
        return {
          file: file as string,
          snapshot: snap,
          report: analyzeSheet(snap, { asOf: AS_OF }),
        };
      }),
    );
    const expected = gather(prepared, inputs);
    expect(expected.applied.length).toBeGreaterThan(0);
    expect(expected.conflicts.length).toBe(1);

    const page = await browser.newPage();
    await openSample(page);
    await showTab(page, 'track');
    await page.setInputFiles('#pc-gather-files', [
      { name: 'so-a.xlsx', mimeType: XLSX, buffer: reportA },
      { name: 'so-b.xlsx', mimeType: XLSX, buffer: reportB },
    ]);
    await page.waitForSelector('[data-testid="pc-gather-plan"]');
    const summary = t('vi', 'ui.gather.summary', {
      applied: expected.applied.length,
      conflicts: expected.conflicts.length,
      unmatched: expected.unmatched.length,
    });
    await expect(page.getByText(summary).count()).resolves.toBe(1);
    await page.getByRole('button', { name: t('vi', 'ui.gather.apply') }).click();
    await page.waitForSelector(`text=${t('vi', 'ui.gather.done', { sheet: 'PC Gộp báo cáo' })}`);
    const tabs = await page.$$eval('[data-sheet-tab]', (els) =>
      els.map((e) => e.getAttribute('data-sheet-tab')),
    );
    expect(tabs).toContain('PC Gộp báo cáo');
    await screenshot(page, 'standalone-gather');
    expect(await axeSerious(page)).toEqual([]);
    await page.close();
  });

  test('So sánh với bản trước: an older version picked; grouped list as the engine computes it; PC So sánh written', async () => {
    const older = await edited((ws, rows) => {
      const cell = ws.getCell(rows[3], 2);
      cell.value = `${String(cell.value)} trên địa bàn`;
    });
    const snapOld = (await readWorkbook(older)).sheets[0];
    const snapNew = (await readWorkbook(fs.readFileSync(SAMPLE))).sheets[0];
    const c = compareReports(
      analyzeSheet(snapOld, { asOf: AS_OF }),
      analyzeSheet(snapNew, { asOf: AS_OF }),
    );
    expect(c.changed.map((x) => x.field)).toEqual(['task']);

    const page = await browser.newPage();
    await openSample(page);
    await showTab(page, 'report');
    await page.setInputFiles('#pc-compare-file', {
      name: 'ban-truoc.xlsx',
      mimeType: XLSX,
      buffer: older,
    });
    await page.waitForSelector('[data-testid="pc-compare-result"]');
    await expect(
      page.getByText(t('vi', 'ui.compare.group.changed', { count: 1 })).count(),
    ).resolves.toBe(1);
    await expect(page.locator('[data-testid="pc-compare-result"] del').count()).resolves.toBe(1);
    const tabs = await page.$$eval('[data-sheet-tab]', (els) =>
      els.map((e) => e.getAttribute('data-sheet-tab')),
    );
    expect(tabs).toContain('PC So sánh');
    await screenshot(page, 'standalone-compare');
    expect(await axeSerious(page)).toEqual([]);
    await page.close();
  });
});

function findHeader(ws: ExcelJS.Worksheet): number {
  let found = 1;
  ws.eachRow((row, n) => {
    if (
      found === 1 &&
      String(row.getCell(1).value ?? '')
        .trim()
        .toUpperCase() === 'TT'
    )
      found = n;
  });
  return found;
}
