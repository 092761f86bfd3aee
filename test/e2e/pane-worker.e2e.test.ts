/**
 * The pane's worker in real Chromium (issue 15, issue 17 item 1): on the standalone page the file is
 * read and the check runs in the bundled Web Worker (same origin, nothing remote); while a check
 * runs the pane shows its progress and "Hủy", which stops it (that the previous results stay is
 * tested on the controller: test/taskpane/check-runner.test.ts); a
 * workbook past the page's memory budget is refused with the CLI's "too heavy" message, and the
 * page still opens the next file.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { t } from '../../src/messages';
import { counters } from '../../src/taskpane/state/selectors';
import { appendixXlsx, manyCellsXlsx } from '../../src/tools/bench/pane-sheets';
import {
  describeBrowser,
  launchBrowser,
  ROOT,
  serveStatic,
  type Browser,
  type StaticServer,
} from './harness';

jest.setTimeout(300_000);

const AS_OF = '2026-05-01';
// Big enough for the check to still be running when Hủy is clicked (the worker, warmed up and
// holding the sheet it read, checks 3,000 rows faster than a click lands), small enough to be
// written and read within the test's time.
const BIG_ROWS = 25_000;

let server: StaticServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await serveStatic(path.join(ROOT, 'dist', 'addin'));
  browser = await launchBrowser(server.origin);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-pane-worker-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  expect(browser.blocked).toEqual([]);
  expect(browser.problems).toEqual([]);
});

async function openFile(page: Page, file: string): Promise<void> {
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector('[data-standalone]');
  await page.getByTestId('file-input').setInputFiles(file);
}

async function counterValues(page: Page): Promise<Record<string, number>> {
  return page.$$eval('li[data-counter]', (items) =>
    Object.fromEntries(
      items.map((li) => [
        li.getAttribute('data-counter')!,
        Number(li.textContent!.replace(/\D/g, '')),
      ]),
    ),
  );
}

async function check(page: Page, asOf: string): Promise<void> {
  await page.getByLabel(t('vi', 'ui.asOf.label')).fill(asOf);
  await page
    .getByRole('button', { name: t('vi', 'ui.check.again'), exact: true })
    .or(page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }))
    .click();
}

describeBrowser('the pane’s worker (real Chromium)', () => {
  test('a check runs in the bundled worker, shows its progress, and Hủy stops it', async () => {
    const file = path.join(dir, 'lon.xlsx');
    fs.writeFileSync(file, await appendixXlsx(BIG_ROWS));
    const { sheets } = await readWorkbook(fs.readFileSync(file));
    const expected = counters(
      analyzeSheet(sheets[0], { asOf: AS_OF, dueSoonDays: 15, lang: 'vi' }),
    );

    const page = await browser.newPage();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // What the page posts to its workers, by kind (a check of a sheet the worker holds names it by key).
    await page.addInitScript(() => {
      const posted: string[] = [];
      (window as unknown as { __posted: string[] }).__posted = posted;
      const native = Worker.prototype.postMessage as (...args: unknown[]) => void;
      Worker.prototype.postMessage = function (
        this: Worker,
        message: { kind: string; held?: string },
        ...rest: unknown[]
      ) {
        posted.push(message.kind === 'check' ? `check:${message.held ?? '-'}` : message.kind);
        native.call(this, message, ...rest);
      } as typeof Worker.prototype.postMessage;
    });
    const posted = () =>
      page.evaluate(() => (window as unknown as { __posted: string[] }).__posted);
    await openFile(page, file);
    await page.waitForSelector('[data-standalone="workbook"]', { timeout: 120_000 });
    // The file was read in the page's worker (same origin) before the page's own read.
    expect(workers.length).toBeGreaterThanOrEqual(1);
    expect(workers.every((u) => u.startsWith(`${server.origin}/phancong-check.`))).toBe(true);

    // The first check of the session, cancelled while it runs in the worker: the progress shows, Hủy ends it.
    await check(page, AS_OF);
    await page.waitForSelector('[data-progress="ui.busy.analyzing"]');
    await page.getByRole('button', { name: t('vi', 'ui.cancel.label') }).click();
    await page.waitForSelector('[data-notice="ui.done.cancelled"]');
    expect(await page.locator('[data-progress]').count()).toBe(0);
    expect(await page.locator('li[data-counter]').count()).toBe(0);
    // The worker started with the page (warming up), read the file, and was asked to check the
    // sheet it read by its key: the sheet was not sent back.
    const first = await posted();
    expect(first.slice(0, 2)).toEqual(['warm', 'read']);
    const checks = first.filter((k) => k.startsWith('check:'));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatch(/^check:r\d+:0$/);
    expect(first).not.toContain('sheet-part');

    // The next check starts a new worker and finishes, with the engine's counters.
    await check(page, AS_OF);
    await page.waitForSelector('[data-notice="ui.done.checked"]', { timeout: 120_000 });
    // The new worker holds nothing: the sheet went to it in parts of rows.
    const second = (await posted()).slice(first.length);
    expect(second.filter((k) => k === 'sheet-part').length).toBeGreaterThan(1);
    expect(second.filter((k) => k.startsWith('check:'))).toHaveLength(1);
    const shown = await counterValues(page);
    expect(shown).toMatchObject({
      tasks: expected.tasks,
      overdue: expected.overdue,
      dueSoon: expected.dueSoon,
    });

    await page.close();
  });

  test('a workbook past the memory budget is refused before parsing, with the CLI’s message; the page opens the next file', async () => {
    const heavy = path.join(dir, 'nang.xlsx');
    fs.writeFileSync(heavy, await manyCellsXlsx(30_000, 70));
    const page = await browser.newPage();
    await openFile(page, heavy);
    const notice = page.locator('[data-notice="read.error.too-heavy"]');
    await notice.waitFor({ timeout: 120_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Đã dừng đọc tệp "nang.xlsx"');
    expect(text).toContain(t('vi', 'read.limit.memory', { mb: 1536 }));
    expect(text).toContain(
      t('vi', 'read.heavy.cells', { count: (2_100_000).toLocaleString('vi-VN') }),
    );
    expect(await page.locator('[data-standalone="start"]').count()).toBe(1);
    // The page is still alive: the sample opens.
    await page.getByRole('button', { name: t('vi', 'standalone.sample') }).click();
    await page.waitForSelector('[data-standalone="workbook"]');
    await page.close();
  });
});
