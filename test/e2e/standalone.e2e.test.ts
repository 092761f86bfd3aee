/**
 * The standalone page in real Chromium (Debian's, driven by playwright-core): the built pane
 * (dist/addin) opened outside Office, the bundled sample appendix checked, marked, summarised and
 * downloaded, every number compared with the engine's report computed here on the same file.
 * Every request that is not to the loopback server fails the suite (nothing leaves the machine),
 * and axe-core finds no serious or critical violation in any state.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { readWorkbook, sheetSnapshot } from '../../src/adapters/xlsx/read';
import { writeCheckedWorkbook } from '../../src/adapters/xlsx/write';
import { readOwnMarks } from '../../src/adapters/xlsx/marks';
import { analyzeSheet } from '../../src/engine/analyze';
import { planMarks } from '../../src/engine/marks';
import { OWN_SHEETS } from '../../src/engine/tables';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';
import { counters } from '../../src/taskpane/state/selectors';
import { columnIndex } from '../../src/engine/text';
import { t } from '../../src/messages';
import { CHART_BARS } from '../../src/standalone/SummaryChart';
import {
  axeSerious,
  describeBrowser,
  launchBrowser,
  ROOT,
  screenshot,
  serveStatic,
  type Browser,
  type StaticServer,
  findingsDrawn,
} from './harness';

jest.setTimeout(180_000);

const SAMPLE = path.join(ROOT, 'assets', 'sample', 'phu-luc-mau.xlsx');
const AS_OF = '2026-05-01';
const DUE_SOON = 15;

let server: StaticServer;
let browser: Browser;
let snapshot: SheetSnapshot;
let report: SheetReport;

beforeAll(async () => {
  server = await serveStatic(path.join(ROOT, 'dist', 'addin'));
  browser = await launchBrowser(server.origin);
  const wb = await readWorkbook(fs.readFileSync(SAMPLE));
  snapshot = wb.sheets[0];
  report = analyzeSheet(snapshot, { asOf: AS_OF, dueSoonDays: DUE_SOON, lang: 'vi' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  // Nothing may leave the machine; nothing may fail silently in the page.
  expect(browser.blocked).toEqual([]);
  expect(browser.problems).toEqual([]);
});

async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await axeSerious(page);
  expect({ state, violations }).toEqual({ state, violations: [] });
}

async function openStart(page: Page, query = ''): Promise<void> {
  await page.goto(`${server.origin}/taskpane.html${query}`);
  await page.waitForSelector('[data-standalone]');
}

/** Open the sample, set the as-of date, check; resolves when the report is on screen. */
async function checkSample(page: Page): Promise<void> {
  await openStart(page);
  await page.getByRole('button', { name: t('vi', 'standalone.sample') }).click();
  await page.waitForSelector('[data-standalone="workbook"] [data-preview="Phụ lục 02"]');
  await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
  await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
  await page.waitForSelector('[data-notice="ui.done.checked"]');
  await findingsDrawn(page);
}

async function counterValues(page: Page): Promise<Record<string, number>> {
  return page.$$eval('li[data-counter]', (items) =>
    Object.fromEntries(
      items.map((li) => [
        li.getAttribute('data-counter')!,
        Number(li.textContent!.match(/\d+/)![0]),
      ]),
    ),
  );
}

/** Marked rows in the preview, by kind. */
async function previewMarks(page: Page): Promise<Record<string, number[]>> {
  const rows = await page.$$eval('[data-preview] tr[data-mark]', (trs) =>
    trs.map(
      (tr) =>
        [tr.getAttribute('data-mark')!, Number(tr.getAttribute('data-row'))] as [string, number],
    ),
  );
  const out: Record<string, number[]> = {};
  for (const [kind, row] of rows) (out[kind] ??= []).push(row);
  return out;
}

/** The user sheet's values in the workbook the page downloads. */
async function downloadedValues(page: Page): Promise<unknown[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('vi', 'standalone.download') }).click(),
  ]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-fix-')), 'fixed.xlsx');
  await download.saveAs(saved);
  const got = await readWorkbook(fs.readFileSync(saved));
  return sheetSnapshot(got.workbook.getWorksheet('Phụ lục 02')!).values;
}

/** Show one of the pane's views (Kiểm tra · Sửa · Theo dõi · Báo cáo). */
async function showTab(page: Page, tab: 'check' | 'fix' | 'track' | 'report'): Promise<void> {
  await page.locator(`#pc-tab-${tab}`).click();
  await page.waitForSelector(`[role="tabpanel"][data-tab="${tab}"]`);
}

/** The pane column back at its top (actions scrolled it), for the screenshots. */
async function scrollPaneToTop(page: Page): Promise<void> {
  await page
    .locator('[data-standalone] > div')
    .first()
    .evaluate((el) => el.scrollTo(0, 0));
}

function planRows(): Record<string, number[]> {
  const plan = planMarks(report);
  return Object.fromEntries(plan.rules.map((r) => [r.kind, r.rows]));
}

describeBrowser('standalone page (real Chromium)', () => {
  test('start screen outside Office: open a file or the sample; nothing remote is loaded', async () => {
    const page = await browser.newPage();
    await openStart(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      t('vi', 'standalone.title'),
    );
    await expect(
      page.getByRole('button', { name: t('vi', 'standalone.open') }).isVisible(),
    ).resolves.toBe(true);
    await expect(
      page.getByRole('button', { name: t('vi', 'standalone.sample') }).isVisible(),
    ).resolves.toBe(true);
    // office.js is not even loaded outside Office.
    const scripts = await page.$$eval('script[src]', (s) =>
      s.map((e) => (e as HTMLScriptElement).src),
    );
    expect(scripts.some((s) => /office\.js|microsoft/i.test(s))).toBe(false);
    // ExcelJS comes in its own chunk, loaded only here: the add-in's entry does not contain it.
    const entry = fs
      .readdirSync(path.join(ROOT, 'dist', 'addin'))
      .find((f) => /^taskpane\..*\.js$/.test(f))!;
    expect(fs.readFileSync(path.join(ROOT, 'dist', 'addin', entry), 'utf8')).not.toContain(
      'xl/workbook.xml',
    );
    await screenshot(page, 'standalone-start');
    await expectAccessible(page, 'start');
    await page.close();
  });

  test('sample: check, counters and findings equal the engine report; a finding scrolls the preview', async () => {
    const page = await browser.newPage();
    await checkSample(page);

    const expected = counters(report);
    expect(await counterValues(page)).toEqual({ ...expected });
    const codes = await page.$$eval('li[data-finding]', (lis) =>
      lis.map((li) => li.getAttribute('data-finding')!),
    );
    expect(codes.sort()).toEqual(report.findings.map((f) => f.code).sort());
    await expect(
      page
        .getByRole('heading', {
          name: t('vi', 'ui.findings.heading', { count: report.findings.length }),
        })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'checked');

    // Click the finding lowest on the sheet: the preview scrolls to its cell and outlines it.
    const target = [...report.findings]
      .filter((f) => f.cell && f.row !== null)
      .sort((a, b) => b.row! - a.row!)[0];
    const button = page.getByRole('button', {
      name: t('vi', 'ui.findings.goTo', {
        cell: target.cell!,
        message: t('vi', target.messageId, target.data),
      }),
    });
    await button.first().click();
    const selected = page.locator('[data-preview] td[data-selected="true"]');
    await selected.waitFor();
    const address = await selected.getAttribute('data-cell');
    expect(Number(address!.replace(/^[A-Z]+/, ''))).toBeLessThanOrEqual(target.row!);
    const inView = await selected.evaluate((cell) => {
      const box = cell.getBoundingClientRect();
      const frame = cell.closest('[data-preview]')!.getBoundingClientRect();
      return box.bottom > frame.top && box.top < frame.bottom;
    });
    expect(inView).toBe(true);
    await page.close();
  });

  test('sample: marks on and off, summaries (tables and chart), download equals `phancong check --out`', async () => {
    const page = await browser.newPage();
    await checkSample(page);
    const expectedMarks = planRows();
    expect(Object.keys(expectedMarks).length).toBeGreaterThan(0);

    // Tô màu (the Theo dõi view): the preview draws exactly the rows the engine's plan marks.
    await showTab(page, 'track');
    await page.getByRole('button', { name: t('vi', 'ui.actions.mark'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.marked"]');
    expect(await previewMarks(page)).toEqual(expectedMarks);
    await page.waitForSelector('[data-legend="marks"]');
    await scrollPaneToTop(page);
    await screenshot(page, 'standalone-checked');
    await expectAccessible(page, 'marked');

    // Xóa tô màu: none left.
    await page.getByRole('button', { name: t('vi', 'ui.actions.unmark'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.unmarked"]');
    expect(await previewMarks(page)).toEqual({});
    await page.waitForSelector('[data-legend="none"]');

    // Tạo bảng tổng hợp (the Báo cáo view): the own sheets appear as tabs, the summary sheet shows with its chart.
    await showTab(page, 'report');
    await page.getByRole('button', { name: t('vi', 'ui.actions.summary'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.summary"]');
    const tabs = await page.$$eval('[data-sheet-tab]', (els) =>
      els.map((e) => e.getAttribute('data-sheet-tab')),
    );
    expect(tabs).toEqual([
      'Phụ lục 02',
      OWN_SHEETS.tasks,
      OWN_SHEETS.agencies,
      OWN_SHEETS.summary,
      OWN_SHEETS.report,
      OWN_SHEETS.reminders,
      OWN_SHEETS.findings,
    ]);
    await page.waitForSelector(`[data-preview="${OWN_SHEETS.summary}"]`);
    const bars = await page.$$eval('[data-chart="byLead"] g[data-bar]', (gs) =>
      gs.map((g) => [g.getAttribute('data-bar'), Number(g.getAttribute('data-total'))]),
    );
    const leads = report.summary.byLead
      .filter((e) => (e.counts.total ?? 0) > 0)
      .slice(0, CHART_BARS);
    expect(bars).toEqual(
      leads.map((e) => [e.key === '' ? t('vi', 'lead.none') : e.key, e.counts.total]),
    );
    // The summary table's grand total is the engine's task count.
    const cells = await page.$$eval(`[data-preview="${OWN_SHEETS.summary}"] tr`, (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')),
    );
    const totalRow = cells.find((row) => row[0] === t('vi', 'xlsx.summary.allTasks'));
    expect(totalRow && Number(totalRow[totalRow.length - 1])).toBe(report.summary.total);
    await screenshot(page, 'standalone-summary');
    await expectAccessible(page, 'summary');

    // Download: the same workbook `phancong check --out` writes (marks and own sheets).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t('vi', 'standalone.download') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `phu-luc-mau (${t('vi', 'standalone.checkedSuffix')}).xlsx`,
    );
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-dl-')), 'checked.xlsx');
    await download.saveAs(saved);
    await page.waitForSelector('[data-notice="standalone.downloaded"]');

    const got = await readWorkbook(fs.readFileSync(saved));
    const cliBook = await readWorkbook(fs.readFileSync(SAMPLE));
    const cliReports = cliBook.sheets.map((s) =>
      analyzeSheet(s, { asOf: AS_OF, lang: 'vi', dueSoonDays: DUE_SOON }),
    );
    const expectedBytes = await writeCheckedWorkbook(
      cliBook.workbook,
      cliReports.filter((r) => r.headerRow !== null),
      { lang: 'vi' },
    );
    const want = await readWorkbook(expectedBytes);
    expect(got.workbook.worksheets.map((ws) => ws.name)).toEqual(
      want.workbook.worksheets.map((ws) => ws.name),
    );
    for (const ws of want.workbook.worksheets) {
      const mine = got.workbook.getWorksheet(ws.name)!;
      expect({ sheet: ws.name, values: sheetSnapshot(mine).values }).toEqual({
        sheet: ws.name,
        values: sheetSnapshot(ws).values,
      });
      expect({ sheet: ws.name, marks: readOwnMarks(mine) }).toEqual({
        sheet: ws.name,
        marks: readOwnMarks(ws),
      });
    }
    const names = (wb: ExcelJS.Workbook) => {
      const out: string[] = [];
      wb.definedNames.forEach((name) => out.push(name));
      return out.sort();
    };
    expect(names(got.workbook)).toEqual(names(want.workbook));
    // The user's sheet kept its values: only conditional formats were added.
    expect(sheetSnapshot(got.workbook.getWorksheet('Phụ lục 02')!).values).toEqual(snapshot.values);
    await page.close();
  });

  test('open a file with the button, by drag and drop, and refuse a file that is not .xlsx', async () => {
    const page = await browser.newPage();
    await openStart(page);
    const other = path.join(ROOT, 'test', 'fixtures', 'xlsx', 'two-row-header.xlsx');
    await page.setInputFiles('[data-testid="file-input"]', other);
    await page.waitForSelector('[data-preview="Nhiệm vụ CCHC 2026"]');
    await expect(
      page
        .getByRole('heading', {
          name: t('vi', 'standalone.fileLabel', { file: 'two-row-header.xlsx' }),
        })
        .count(),
    ).resolves.toBe(1);

    // Drag and drop the sample onto the page.
    const bytes = fs.readFileSync(SAMPLE).toString('base64');
    const transfer = await page.evaluateHandle(
      ({ b64, name }) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(
          new File([data], name, {
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
        );
        return dt;
      },
      { b64: bytes, name: 'keo-tha.xlsx' },
    );
    await page.dispatchEvent('[data-standalone]', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('[data-standalone]', 'drop', { dataTransfer: transfer });
    await page.waitForSelector('[data-preview="Phụ lục 02"]');
    await expect(
      page
        .getByRole('heading', { name: t('vi', 'standalone.fileLabel', { file: 'keo-tha.xlsx' }) })
        .count(),
    ).resolves.toBe(1);

    // Not a workbook: a message, and the open workbook stays.
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'ghi-chu.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('không phải Excel'),
    });
    await page.waitForSelector('[data-notice="read.error.not-xlsx"]');
    await expect(page.locator('[data-preview="Phụ lục 02"]').count()).resolves.toBe(1);
    await page.close();
  });

  test('every unreadable file of the hostile corpus gets the same clear message as the command line', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const corpus = require('../robustness/hostile-corpus.js') as {
      CORPUS: { file: string; expect: string }[];
    };
    const unreadable = corpus.CORPUS.filter((c) => c.expect !== 'read');
    expect(unreadable.length).toBeGreaterThanOrEqual(5);
    const page = await browser.newPage();
    await openStart(page);
    for (const entry of unreadable) {
      await page.setInputFiles(
        '[data-testid="file-input"]',
        path.join(ROOT, 'test', 'fixtures', 'hostile', entry.file),
      );
      // The notice that names this file (the previous file's notice may still be on the page).
      const notice = page.locator(`[data-notice="read.error.${entry.expect}"]`, {
        hasText: entry.file,
      });
      await notice.waitFor();
      await expect(notice.innerText()).resolves.toContain(
        t('vi', `read.error.${entry.expect}`, { file: entry.file }),
      );
    }
    await page.close();
  });

  test('cell text is shown as text, never run as HTML; links in cells are not followed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
    ws.addRow(['I', 'Mục <b>một</b>']);
    ws.addRow([
      1,
      '<img src="x" onerror="window.__pwned=1">Việc một',
      'Sở Tài chính',
      'Quý IV/2026',
    ]);
    ws.addRow([
      2,
      '<script>window.__pwned=2</script>Việc hai',
      '<a href="javascript:window.__pwned=3">Sở Nội vụ</a>',
      'Quý IV/2026',
    ]);
    ws.addRow([3, 'Xem https://www.google.com/search?q=sapa', 'Sở Xây dựng', 'Quý IV/2026']);
    ws.getCell('B5').value = {
      text: 'https://example.com/tai-lieu',
      hyperlink: 'https://example.com/tai-lieu',
    };
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await browser.newPage();
    await openStart(page);
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'the-html.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.waitForSelector('[data-preview="Phụ lục"]');
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.checked"]');
    await findingsDrawn(page);
    // Click every finding (they select cells holding the tags) and the link cell's text.
    for (const b of await page.locator('[data-finding] button[data-goto]').all()) await b.click();
    await page.getByText('https://example.com/tai-lieu').first().click();
    const preview = page.locator('[data-standalone="workbook"]');
    await expect(
      preview.getByText('<img src="x" onerror="window.__pwned=1">Việc một').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(preview.locator('img, script, a[href^="javascript"]').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    await page.close();
    // afterEach: no request left the machine (example.com and google.com were never fetched).
  });

  test('sample: Sửa previews every edit of a rule, Áp dụng writes only those cells and checks again, Hoàn tác restores', async () => {
    const page = await browser.newPage();
    await checkSample(page);
    const groups = new Map<string, typeof report.findings>();
    for (const f of report.findings)
      if (f.fixes?.length) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
    expect(groups.size).toBeGreaterThan(0);
    const fixable = [...groups.values()].reduce((n, g) => n + g.length, 0);
    await expect(
      page.getByRole('tab', { name: t('vi', 'ui.tab.fixCount', { count: fixable }) }).count(),
    ).resolves.toBe(1);

    // Sửa beside a finding in the Kiểm tra list opens its preview in the Sửa view.
    const first = report.findings.find((f) => f.fixes?.length && f.cell)!;
    await page
      .getByRole('button', { name: t('vi', 'ui.fix.oneLabel', { cell: first.cell! }) })
      .first()
      .click();
    await page.waitForSelector('[role="tabpanel"][data-tab="fix"] [data-fix-preview="finding"]');
    await scrollPaneToTop(page);
    await screenshot(page, 'standalone-fix-preview');
    await expectAccessible(page, 'fix-preview');
    await page.getByRole('button', { name: t('vi', 'ui.fix.close') }).click();

    // Sửa tất cả of the markup group: a checklist of every edit, before → after.
    const code = groups.has('markup-in-cell') ? 'markup-in-cell' : [...groups.keys()][0];
    const items = groups.get(code)!;
    await page.locator(`[data-fix-rule="${code}"] button`).first().click();
    await page.waitForSelector('[data-fix-preview="rule"]');
    const edits = items.flatMap((f) => f.fixes![0].edits);
    const shown = await page.$$eval('[data-fix-preview] tr[data-edit]', (trs) =>
      trs.map((tr) => tr.getAttribute('data-edit')),
    );
    expect(shown).toEqual(edits.map((e) => e.cell));
    await expect(page.locator('[data-fix-preview] input[type="checkbox"]').count()).resolves.toBe(
      items.length,
    );
    await expectAccessible(page, 'fix-checklist');

    // Áp dụng: the workbook holds exactly those edits (downloaded and read back), and the sheet is
    // checked again (the rule's findings are gone).
    await page
      .getByRole('button', {
        name: new RegExp(
          `^${t('vi', 'ui.fix.apply', { count: 0 }).replace(/\(0\)/, '\\(\\d+\\)')}$`,
        ),
      })
      .click();
    await page.waitForSelector(
      '[data-notice="ui.done.fixed"], [data-notice="ui.done.fixedSkipped"]',
    );
    await expect(page.locator(`[data-fix-rule="${code}"]`).count()).resolves.toBe(0);
    const expected = snapshot.values.map((row) => [...row]);
    for (const e of edits) {
      const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(e.cell)!;
      expected[Number(row) - 1][columnIndex(letters)] = e.after;
    }
    expect(await downloadedValues(page)).toEqual(expected);

    // Hoàn tác: every cell back, the findings back.
    await showTab(page, 'fix');
    await page.getByRole('button', { name: t('vi', 'ui.fix.undo'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.undone"]');
    await expect(page.locator(`[data-fix-rule="${code}"]`).count()).resolves.toBe(1);
    expect(await downloadedValues(page)).toEqual(snapshot.values);
    await page.close();
  });

  test('`?sample=1` (what `npm start` opens) starts with the sample loaded; English follows the pane', async () => {
    const page = await browser.newPage({ width: 420, height: 800 });
    await openStart(page, '?sample=1');
    await page.waitForSelector('[data-preview="Phụ lục 02"]');
    await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.checked"]');
    // At the pane's width the workbook comes under the pane: show it.
    await page
      .locator('[data-standalone] > section')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'standalone-narrow');
    await expectAccessible(page, 'narrow');
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: t('en', 'standalone.download') }).waitFor();
    await expectAccessible(page, 'english');
    await page.close();
  });
});
