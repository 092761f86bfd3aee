/**
 * The Theo dõi and Báo cáo views in real Chromium, Office mode (the Excel double of
 * test/e2e/office-double.ts, as office.e2e.test.ts): add the tracking columns (preview, then apply),
 * turn the live re-check on, pick a status (the drop-down's value set in the fake's cell, which raises
 * onChanged as Excel does) and watch the counters and marks follow, write the report (PC Báo cáo),
 * download a reminder letter. Round trips are asserted; screenshots go to assets/screenshots.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import type { FakeCF } from '../fakes/excel-fake';
import { analyzeSheet } from '../../src/engine/analyze';
import { planTrackingColumns, TRACKING_STATUSES } from '../../src/engine/tracking-columns';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';
import { t } from '../../src/messages';
import { describeBrowser, ROOT, screenshot, type Browser, type StaticServer } from './harness';
import { startOfficeMode } from './office-double';

jest.setTimeout(240_000);

// A two-row-header appendix without status, completion-date or evidence column (the sample's 002
// table cannot take them: its rows spill into the cells to the right).
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'xlsx', 'two-row-header.xlsx');
const SHEET = 'Nhiệm vụ CCHC 2026';
const AS_OF = '2026-12-31'; // six tasks overdue: one is marked done, the others still get letters

let server: StaticServer;
let browser: Browser;
let initScript: string;
let snapshot: SheetSnapshot;
let report: SheetReport;

beforeAll(async () => {
  ({ server, browser, initScript, snapshot } = await startOfficeMode(SAMPLE, SHEET));
  report = analyzeSheet(snapshot, { asOf: AS_OF, lang: 'vi' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(browser.blocked).toEqual([]);
  expect(browser.problems).toEqual([]);
});

type Fake = import('../fakes/excel-fake').ExcelFake;

/** What the fake's workbook holds now (round trips, sheets, the checked sheet's cells, marks, validation). */
async function view(page: Page) {
  return page.evaluate((sheet) => {
    const fake = (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__;
    const s = fake.sheet(sheet)!;
    return {
      syncs: fake.syncs,
      sheets: fake.sheetNames(),
      cells: fake.cells(sheet),
      cfs: JSON.parse(JSON.stringify(s.cfs)) as FakeCF[],
      validations: JSON.parse(JSON.stringify(s.validations)) as { rule: Record<string, unknown> }[],
    };
  }, SHEET);
}

const resetSyncs = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { __PHANCONG_FAKE__: { resetSyncs(): void } }
    ).__PHANCONG_FAKE__.resetSyncs(),
  );

async function counter(page: Page, name: string): Promise<number> {
  return page.$eval(`li[data-counter="${name}"]`, (li) => Number(li.textContent!.match(/\d+/)![0]));
}

/** Rows (1-based) carrying an own mark of `kind`. */
function markRows(cfs: FakeCF[], kind: string): number[] {
  const rows: number[] = [];
  for (const cf of cfs)
    if ((cf.formula ?? '').includes(`"phancong:${kind}"`))
      for (const a of cf.areas) for (let r = a.r0; r <= a.r1; r++) rows.push(r + 1);
  return rows.sort((a, b) => a - b);
}

async function showTab(page: Page, tab: 'check' | 'fix' | 'track' | 'report'): Promise<void> {
  await page.locator(`#pc-tab-${tab}`).click();
  await page.waitForSelector(`[role="tabpanel"][data-tab="${tab}"]`);
}

describeBrowser('Theo dõi and Báo cáo in Office mode (real Chromium)', () => {
  test('tracking columns, a status picked, counters and marks follow, the report, a letter', async () => {
    const plan = planTrackingColumns(snapshot, report);
    if (!plan.ok) throw new Error(plan.message);
    const status = plan.plan.columns.find((c) => c.kind === 'status')!;
    const overdue = report.tasks.find((x) => x.state === 'overdue')!;
    expect(status).toBeDefined();
    expect(overdue).toBeDefined();

    const page = await browser.newPage({ width: 420, height: 800 });
    await page.addInitScript({ content: initScript });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.checked"]');
    const before = await view(page);

    // Thêm cột theo dõi…: a preview that writes nothing, then the write (2 round trips) and the check (1).
    await showTab(page, 'track');
    await page.getByRole('button', { name: t('vi', 'ui.track.preview'), exact: true }).click();
    await page.getByTestId('pc-track-preview').waitFor();
    expect(await page.getByTestId('pc-track-preview').textContent()).toContain(plan.plan.range);
    expect((await view(page)).cells).toEqual(before.cells); // a preview writes nothing
    await page.evaluate(() =>
      document.getElementById('pc-track')!.scrollIntoView({ block: 'start' }),
    );
    await screenshot(page, 'office-track-preview');
    await resetSyncs(page);
    await page.getByRole('button', { name: t('vi', 'ui.track.apply'), exact: true }).click();
    await page
      .getByText(
        t('vi', 'track.done', {
          count: plan.plan.columns.length,
          headers: plan.plan.columns.map((c) => c.header).join(', '),
          sheet: SHEET,
          range: plan.plan.range,
        }),
      )
      .waitFor();
    const added = await view(page);
    expect(added.syncs).toBe(3);
    for (const c of plan.plan.columns)
      expect(added.cells[`${c.letter}${plan.plan.headerRow}`]?.v).toBe(c.header);
    for (const [a, cell] of Object.entries(before.cells))
      expect([a, added.cells[a]]).toEqual([a, cell]);
    expect(added.validations.some((v) => v.rule.list)).toBe(true);
    expect(added.validations.some((v) => v.rule.date)).toBe(true);

    // Tô màu, then the live re-check on.
    await page.getByRole('button', { name: t('vi', 'ui.actions.mark'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.marked"]');
    expect(markRows((await view(page)).cfs, 'overdue')).toContain(overdue.row);
    await page.getByRole('switch', { name: t('vi', 'ui.live.label') }).check();
    await page.getByText(t('vi', 'ui.live.on', { sheet: SHEET })).waitFor();
    const overdueBefore = await counter(page, 'overdue');

    // The user picks "Đã hoàn thành" in the drop-down of an overdue task (the cell's value set in Excel).
    expect(TRACKING_STATUSES).toContain('Đã hoàn thành');
    await page.evaluate(
      ([sheet, cell]) =>
        (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__.setCell(
          sheet,
          cell,
          'Đã hoàn thành',
        ),
      [SHEET, `${status.letter}${overdue.row}`] as const,
    );
    await page.waitForFunction(
      ([n]) =>
        Number(
          document.querySelector('li[data-counter="overdue"]')?.textContent?.match(/\d+/)?.[0],
        ) === n,
      [overdueBefore - 1] as const,
      { timeout: 15_000 },
    );
    await page.waitForFunction(
      ([sheet, row]) => {
        const fake = (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__;
        return !fake
          .sheet(sheet)!
          .cfs.some(
            (cf) =>
              (cf.formula ?? '').includes('"phancong:overdue"') &&
              cf.areas.some((a) => a.r0 <= row - 1 && row - 1 <= a.r1),
          );
      },
      [SHEET, overdue.row] as const,
      { timeout: 15_000 },
    );
    expect(markRows((await view(page)).cfs, 'overdue')).not.toContain(overdue.row);
    await page.evaluate(() =>
      document.getElementById('pc-track')!.scrollIntoView({ block: 'start' }),
    );
    await screenshot(page, 'office-track-live');
    await page.getByRole('switch', { name: t('vi', 'ui.live.on', { sheet: SHEET }) }).uncheck();

    // Báo cáo: the summary writes PC Báo cáo with the other own sheets; a letter per late agency.
    await showTab(page, 'report');
    await page.getByRole('button', { name: t('vi', 'ui.actions.summary'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.summary"]');
    expect((await view(page)).sheets).toContain('PC Báo cáo');
    const items = page.getByTestId('pc-remind-item');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await items
      .first()
      .getByRole('button', { name: /^Tải công văn đôn đốc gửi / })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^don-doc-.+\.docx$/);
    const saved = await file.path();
    expect(fs.readFileSync(saved!).subarray(0, 2).toString()).toBe('PK');
    await page.evaluate(() =>
      document.getElementById('pc-remind')!.scrollIntoView({ block: 'start' }),
    );
    await screenshot(page, 'office-report-reminders');
    await page.close();
  });
});
