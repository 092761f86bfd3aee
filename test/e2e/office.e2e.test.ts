/**
 * Office mode in real Chromium: the same built page, with a test double of the Excel object model
 * injected before load (test/fakes/excel-fake.ts and the real Office.js adapter, bundled for the
 * browser by office-double.ts): window.Excel / window.Office are the fake's, and the bootstrap's
 * host hook window.__PHANCONG_HOST__ is the Office adapter over them. Driven through the real UI;
 * the fake's workbook and its round trips (context.sync) are asserted after every action.
 */
import path from 'path';
import type { Page } from 'playwright-core';
import type { CellDump, FakeCF } from '../fakes/excel-fake';
import { analyzeSheet } from '../../src/engine/analyze';
import { planMarks } from '../../src/engine/marks';
import { OWN_SHEETS } from '../../src/engine/tables';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';
import { t } from '../../src/messages';
import { counters } from '../../src/taskpane/state/selectors';
import {
  axeSerious,
  describeBrowser,
  ROOT,
  screenshot,
  type Browser,
  type StaticServer,
  findingsDrawn,
} from './harness';
import { startOfficeMode } from './office-double';

jest.setTimeout(180_000);

const SAMPLE = path.join(ROOT, 'assets', 'sample', 'phu-luc-mau.xlsx');
const SHEET = 'Phụ lục 02';
const AS_OF = '2026-05-01';
const DUE_SOON = 15;

let server: StaticServer;
let browser: Browser;
let initScript: string;
/** What the Office adapter reads from the fake (computed here, on a fake seeded the same way). */
let officeSnapshot: SheetSnapshot;
let report: SheetReport;

interface FakeView {
  syncs: number;
  sheets: string[];
  cfs: FakeCF[];
  cells: CellDump;
  selection: unknown;
  pivots: number;
  charts: number;
}

beforeAll(async () => {
  ({
    server,
    browser,
    initScript,
    snapshot: officeSnapshot,
  } = await startOfficeMode(SAMPLE, SHEET));
  report = analyzeSheet(officeSnapshot, { asOf: AS_OF, dueSoonDays: DUE_SOON, lang: 'vi' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(browser.blocked).toEqual([]);
  expect(browser.problems).toEqual([]);
});

async function fakeView(page: Page): Promise<FakeView> {
  return page.evaluate((sheet) => {
    const fake = (
      window as unknown as { __PHANCONG_FAKE__: import('../fakes/excel-fake').ExcelFake }
    ).__PHANCONG_FAKE__;
    const s = fake.sheet(sheet)!;
    const summary = fake.book.sheets.filter((x) => !x.deleted);
    return {
      syncs: fake.syncs,
      sheets: fake.sheetNames(),
      cfs: JSON.parse(JSON.stringify(s.cfs)),
      cells: fake.cells(sheet),
      selection: s.selection,
      pivots: summary.reduce((n, x) => n + x.pivots.length, 0),
      charts: summary.reduce((n, x) => n + x.charts.length, 0),
    };
  }, SHEET);
}

const resetSyncs = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { __PHANCONG_FAKE__: { resetSyncs(): void } }
    ).__PHANCONG_FAKE__.resetSyncs(),
  );

/** Own conditional formats → rows (1-based) per mark kind. */
function ownMarkRows(cfs: FakeCF[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const cf of cfs) {
    const kind = /"phancong:([a-z-]+)"/.exec(cf.formula ?? '')?.[1];
    if (!kind) continue;
    const rows = (out[kind] ??= []);
    for (const a of cf.areas) for (let r = a.r0; r <= a.r1; r++) rows.push(r + 1);
    rows.sort((x, y) => x - y);
  }
  return out;
}

/** Show one of the pane's views (Kiểm tra · Sửa · Theo dõi · Báo cáo). */
async function showTab(page: Page, tab: 'check' | 'fix' | 'track' | 'report'): Promise<void> {
  await page.locator(`#pc-tab-${tab}`).click();
  await page.waitForSelector(`[role="tabpanel"][data-tab="${tab}"]`);
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await axeSerious(page);
  expect({ state, violations }).toEqual({ state, violations: [] });
}

describeBrowser('Office mode with an injected Excel double (real Chromium)', () => {
  test('check, mark, unmark, summary and a finding click, through the real UI', async () => {
    const page = await browser.newPage({ width: 420, height: 800 });
    await page.addInitScript({ content: initScript });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).waitFor();
    // The pane, not the standalone page: the injected host was used.
    await expect(page.locator('[data-standalone]').count()).resolves.toBe(0);
    // Start-up: the sheet list in one round trip (settings come from document settings: none).
    expect((await fakeView(page)).syncs).toBe(1);
    const before = await fakeView(page);

    // Kiểm tra: one round trip (the whole used range with formats, bold and merges).
    await resetSyncs(page);
    await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.checked"]');
    expect((await fakeView(page)).syncs).toBe(1);
    const shown = await page.$$eval('li[data-counter]', (items) =>
      Object.fromEntries(
        items.map((li) => [
          li.getAttribute('data-counter')!,
          Number(li.textContent!.match(/\d+/)![0]),
        ]),
      ),
    );
    expect(shown).toEqual({ ...counters(report) });
    await findingsDrawn(page);
    expect(await page.locator('li[data-finding]').count()).toBe(report.findings.length);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'office-checked');
    await expectAccessible(page, 'office checked');

    // Tô màu: two round trips; the fake holds exactly the plan's rules; no user cell changed.
    await showTab(page, 'track');
    await resetSyncs(page);
    await page.getByRole('button', { name: t('vi', 'ui.actions.mark'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.marked"]');
    const marked = await fakeView(page);
    expect(marked.syncs).toBe(2);
    const plan = planMarks(report);
    expect(ownMarkRows(marked.cfs)).toEqual(
      Object.fromEntries(plan.rules.map((r) => [r.kind, r.rows])),
    );
    expect(marked.cells).toEqual(before.cells);

    // Xóa tô màu: at most two round trips; none of ours left.
    await resetSyncs(page);
    await page.getByRole('button', { name: t('vi', 'ui.actions.unmark'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.unmarked"]');
    const unmarked = await fakeView(page);
    expect(unmarked.syncs).toBeLessThanOrEqual(2);
    expect(ownMarkRows(unmarked.cfs)).toEqual({});
    expect(unmarked.cfs).toEqual(before.cfs);

    // Tạo bảng tổng hợp: three round trips (look, write, PivotTables); the own sheets, a chart and
    // three PivotTables; the user's sheet untouched.
    await showTab(page, 'report');
    await resetSyncs(page);
    await page.getByRole('button', { name: t('vi', 'ui.actions.summary'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.summary"]');
    const summarised = await fakeView(page);
    expect(summarised.syncs).toBe(3);
    expect([...summarised.sheets].sort()).toEqual([SHEET, ...Object.values(OWN_SHEETS)].sort());
    expect(summarised.pivots).toBe(4); // lead, leader, quarter; and the report's (issue 12)
    expect(summarised.charts).toBe(1);
    expect(summarised.cells).toEqual(before.cells);
    await screenshot(page, 'office-summary');
    await expectAccessible(page, 'office summary');

    // A finding with a cell: one round trip, and Excel's selection is that cell.
    await showTab(page, 'check');
    await resetSyncs(page);
    const target = report.findings.find((f) => f.cell)!;
    await page
      .getByRole('button', {
        name: t('vi', 'ui.findings.goTo', {
          cell: target.cell!,
          message: t('vi', target.messageId, target.data),
        }),
      })
      .first()
      .click();
    await page.waitForFunction(
      (sheet) =>
        (
          window as unknown as { __PHANCONG_FAKE__: import('../fakes/excel-fake').ExcelFake }
        ).__PHANCONG_FAKE__.sheet(sheet)!.selection !== null,
      SHEET,
    );
    const selected = await fakeView(page);
    expect(selected.syncs).toBe(1);
    const m = /^([A-Z]+)(\d+)$/.exec(target.cell!)!;
    const row = Number(m[2]) - 1;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const area = selected.selection as { r0: number; c0: number; r1: number; c1: number };
    expect(area.r0 <= row && row <= area.r1 && area.c0 <= col && col <= area.c1).toBe(true);
    await page.close();
  });

  test('fixes: preview, Áp dụng (stale check + one write, then the check), Hoàn tác, through the real UI', async () => {
    const page = await browser.newPage({ width: 420, height: 800 });
    await page.addInitScript({ content: initScript });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.checked"]');
    const before = await fakeView(page);

    const groups = new Map<string, typeof report.findings>();
    for (const f of report.findings)
      if (f.fixes?.length) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
    const code = groups.has('lead-missing') ? 'lead-missing' : [...groups.keys()][0];
    const items = groups.get(code)!;
    await showTab(page, 'fix');
    await page.locator(`[data-fix-rule="${code}"] button`).first().click();
    await page.waitForSelector('[data-fix-preview="rule"]');
    const edits = items.flatMap((f) => f.fixes![0].edits);
    const shown = await page.$$eval('[data-fix-preview] tr[data-edit]', (trs) =>
      trs.map((tr) => tr.getAttribute('data-edit')),
    );
    expect(shown).toEqual(edits.map((e) => e.cell));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'office-fix-preview');
    await expectAccessible(page, 'office fix preview');

    // Áp dụng: 2 round trips to write (stale check, one write) + 1 to check again; only the listed
    // cells changed, each to its new value, formats kept.
    await resetSyncs(page);
    await page.getByRole('button', { name: /^Áp dụng \(\d+\)$/ }).click();
    await page.waitForSelector(
      '[data-notice="ui.done.fixed"], [data-notice="ui.done.fixedSkipped"]',
    );
    const fixed = await fakeView(page);
    expect(fixed.syncs).toBe(3);
    const touched = new Set(edits.map((e) => e.cell));
    for (const addr of new Set([...Object.keys(before.cells), ...Object.keys(fixed.cells)])) {
      if (!touched.has(addr)) expect([addr, fixed.cells[addr]]).toEqual([addr, before.cells[addr]]);
    }
    for (const e of edits) {
      expect([e.cell, fixed.cells[e.cell]?.v ?? null]).toEqual([e.cell, e.after]);
      expect([e.cell, fixed.cells[e.cell]?.nf, fixed.cells[e.cell]?.bold]).toEqual([
        e.cell,
        before.cells[e.cell]?.nf,
        before.cells[e.cell]?.bold,
      ]);
    }
    await expect(page.locator(`[data-fix-rule="${code}"]`).count()).resolves.toBe(0);

    // Hoàn tác: 2 round trips + the check; every cell exactly as before.
    await resetSyncs(page);
    await page.getByRole('button', { name: t('vi', 'ui.fix.undo'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.undone"]');
    const undone = await fakeView(page);
    expect(undone.syncs).toBe(3);
    expect(undone.cells).toEqual(before.cells);
    await page.close();
  });
});
