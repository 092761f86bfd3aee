/**
 * "Gộp báo cáo" and "So sánh với bản trước" in real Chromium, Office mode (the Excel double of
 * test/e2e/office-double.ts, as office.e2e.test.ts and track.e2e.test.ts): the 002 appendix is the
 * open workbook in the fake; agency reports and an older version are generated from the same fixture
 * (as test/cli/merge.test.ts does) and picked through the pane's file inputs. What the pane does is
 * checked in the fake's workbook (cells, own sheets, selection, own conditional formats, round trips)
 * against the engine run here on the same inputs, and against answers known from the edits made.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import type { CellDump, FakeCF } from '../fakes/excel-fake';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { compareReports } from '../../src/engine/compare';
import { gather, prepareMaster } from '../../src/engine/gather';
import { planCompareMarks } from '../../src/engine/marks';
import { a1 } from '../../src/engine/text';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';
import { t } from '../../src/messages';
import {
  axeSerious,
  describeBrowser,
  ROOT,
  screenshot,
  type Browser,
  type StaticServer,
} from './harness';
import { startOfficeMode } from './office-double';

jest.setTimeout(240_000);

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'xlsx', '002-pasted.xlsx');
const SHEET = 'Phụ lục 02';
const AS_OF = '2026-11-22';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: StaticServer;
let browser: Browser;
let initScript: string;
/** The master as the Office adapter reads it from the fake, and its check. */
let snapshot: SheetSnapshot;
let report: SheetReport;
const rowOf = (section: string, tt: string) =>
  report.tasks.find((x) => x.section === section && x.tt === tt)!.row;

beforeAll(async () => {
  ({ server, browser, initScript, snapshot } = await startOfficeMode(FIXTURE, SHEET));
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

interface FakeView {
  syncs: number;
  sheets: string[];
  cells: CellDump;
  cfs: FakeCF[];
  selection: { r0: number; c0: number; r1: number; c1: number } | null;
}

/** What the fake's workbook holds now: round trips, sheet names, the master's cells, marks and selection. */
async function view(page: Page): Promise<FakeView> {
  return page.evaluate((sheet) => {
    const fake = (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__;
    const s = fake.sheet(sheet)!;
    return {
      syncs: fake.syncs,
      sheets: fake.sheetNames(),
      cells: fake.cells(sheet),
      cfs: JSON.parse(JSON.stringify(s.cfs)) as FakeCF[],
      selection: s.selection as FakeView['selection'],
    };
  }, SHEET);
}

/** One of the fake's sheets as rows of values (for the own sheets the pane writes). */
async function sheetRows(page: Page, sheet: string): Promise<unknown[][]> {
  return page.evaluate((name) => {
    const fake = (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__;
    const rows: unknown[][] = [];
    for (const [addr, cell] of Object.entries(fake.cells(name))) {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const r = Number(m[2]) - 1;
      const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      (rows[r] ??= [])[c] = cell.v;
    }
    return rows.map((r) => (r ? [...r].map((v) => v ?? null) : []));
  }, sheet);
}

const resetSyncs = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { __PHANCONG_FAKE__: { resetSyncs(): void } }
    ).__PHANCONG_FAKE__.resetSyncs(),
  );

/** Rows (1-based) per own mark kind. */
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

/** The 002 fixture edited with ExcelJS, as .xlsx bytes (an agency's report, or an older version). */
async function edited(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const snap = await readWorkbook(fs.readFileSync(FIXTURE));
  const ws = snap.workbook.worksheets[0];
  edit(ws);
  return Buffer.from(await snap.workbook.xlsx.writeBuffer());
}

/** As an agency sends the appendix back: a "Tình trạng" column in L (the header row is 6), some values filled. */
const agencyReport = (fill: (ws: ExcelJS.Worksheet) => void) =>
  edited((ws) => {
    ws.getCell('L6').value = 'Tình trạng';
    fill(ws);
  });

async function openChecked(page: Page): Promise<void> {
  await page.addInitScript({ content: initScript });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
  await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
  await page.waitForSelector('[data-notice="ui.done.checked"]');
  await expect(page.locator('[data-standalone]').count()).resolves.toBe(0);
}

async function showTab(page: Page, tab: 'check' | 'fix' | 'track' | 'report'): Promise<void> {
  await page.locator(`#pc-tab-${tab}`).click();
  await page.waitForSelector(`[role="tabpanel"][data-tab="${tab}"]`);
}

/** Scroll a section's heading to just below the pane's sticky overview and tabs (for the screenshot). */
async function scrollToSection(page: Page, id: string): Promise<void> {
  await page.evaluate((heading) => {
    document.getElementById(heading)!.scrollIntoView({ block: 'start' });
    const tabs = document.querySelector('[role="tablist"]')!.getBoundingClientRect();
    window.scrollBy(0, -(tabs.bottom + 8));
  }, id);
}

const colNumber = (addr: string) =>
  [.../^[A-Z]+/.exec(addr)![0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

describeBrowser('Gộp báo cáo and So sánh với bản trước in Office mode (real Chromium)', () => {
  test('Gộp báo cáo: two agency reports into the open workbook; values, conflict, log sheet; nothing else changed', async () => {
    const RESULT = 'Đã ban hành Kế hoạch số 10/KH-UBND';
    const reportA = await agencyReport((ws) => {
      ws.getCell(`L${rowOf('I', '1')}`).value = 'Hoàn thành';
      ws.getCell(`L${rowOf('I', '2')}`).value = 'Đang thực hiện';
      ws.getCell(`H${rowOf('I', '1')}`).value = RESULT;
    });
    const reportB = await agencyReport((ws) => {
      ws.getCell(`L${rowOf('I', '2')}`).value = 'Hoàn thành';
      ws.getCell(`L${rowOf('II', '1')}`).value = 'Đang thực hiện';
    });

    // What the engine says for the same inputs (the master as the Office adapter reads it).
    const prepared = prepareMaster(snapshot, { asOf: AS_OF, lang: 'vi' });
    const inputs = await Promise.all(
      (
        [
          ['so-a.xlsx', reportA],
          ['so-b.xlsx', reportB],
        ] as const
      ).map(async ([file, bytes]) => {
        const snap = (await readWorkbook(bytes)).sheets[0];
        return { file, snapshot: snap, report: analyzeSheet(snap, { asOf: AS_OF, lang: 'vi' }) };
      }),
    );
    const expected = gather(prepared, inputs);
    // …and what the edits made say it must be: three values applied, one conflict (I.2, both values).
    expect(expected.applied.map((x) => [x.row, x.field, x.after, x.source.file])).toEqual([
      [rowOf('I', '1'), 'status', 'Hoàn thành', 'so-a.xlsx'],
      [rowOf('I', '1'), 'result', RESULT, 'so-a.xlsx'],
      [rowOf('II', '1'), 'status', 'Đang thực hiện', 'so-b.xlsx'],
    ]);
    expect(
      expected.conflicts.map((x) => [
        x.row,
        x.field,
        x.values.map((v) => [v.value, v.source.file]),
      ]),
    ).toEqual([
      [
        rowOf('I', '2'),
        'status',
        [
          ['Đang thực hiện', 'so-a.xlsx'],
          ['Hoàn thành', 'so-b.xlsx'],
        ],
      ],
    ]);
    expect(expected.unmatched).toEqual([]);
    const added = prepared.added;
    expect(added.map((c) => c.header)).toEqual(['Tình trạng', 'Ngày hoàn thành']);

    const page = await browser.newPage({ width: 420, height: 800 });
    await openChecked(page);
    const before = await view(page);
    await showTab(page, 'track');

    // The plan: one round trip (the master read); nothing written.
    await resetSyncs(page);
    await page.setInputFiles('#pc-gather-files', [
      { name: 'so-a.xlsx', mimeType: XLSX, buffer: reportA },
      { name: 'so-b.xlsx', mimeType: XLSX, buffer: reportB },
    ]);
    const plan = page.getByTestId('pc-gather-plan');
    await plan.waitFor();
    const planned = await view(page);
    expect(planned.syncs).toBe(1);
    expect(planned.cells).toEqual(before.cells);
    await expect(
      plan
        .getByText(t('vi', 'ui.gather.summary', { applied: 3, conflicts: 1, unmatched: 0 }))
        .count(),
    ).resolves.toBe(1);
    await expect(
      plan
        .getByText(t('vi', 'ui.gather.addedColumns', { columns: 'Tình trạng, Ngày hoàn thành' }))
        .count(),
    ).resolves.toBe(1);
    const conflict = expected.conflicts[0];
    const conflictText = conflict.values
      .map((v) =>
        t('vi', 'ui.gather.conflictValue', {
          value: v.value,
          file: v.source.file,
          row: v.source.row,
        }),
      )
      .join(' / ');
    await expect(plan.locator('li', { hasText: conflictText }).count()).resolves.toBe(1);

    // Áp dụng: two round trips (look, write).
    await resetSyncs(page);
    await page.getByRole('button', { name: t('vi', 'ui.gather.apply'), exact: true }).click();
    await page.getByText(t('vi', 'ui.gather.done', { sheet: 'PC Gộp báo cáo' })).waitFor();
    const after = await view(page);
    expect(after.syncs).toBe(2);
    expect(after.sheets).toEqual([SHEET, 'PC Gộp báo cáo']);

    // The master's tracking cells: the reports' values; the conflicting cell left empty.
    const at = (row: number, col: number) => after.cells[a1(row, col)]?.v ?? null;
    for (const x of expected.applied)
      expect([x.field, at(x.row, x.col)]).toEqual([x.field, x.after]);
    expect(at(conflict.row, conflict.col)).toBeNull();
    for (const c of added) expect(at(c.sheetRow, c.sheetCol)).toBe(c.header);
    // Nothing else in the sheet changed: outside the added columns only the applied cells differ;
    // in the added columns, values only in the header and the applied cells.
    const appliedCells = new Set(expected.applied.map((x) => a1(x.row, x.col)));
    const addedCols = new Set(added.map((c) => c.sheetCol));
    const headerRow = String(added[0].sheetRow);
    for (const addr of new Set([...Object.keys(before.cells), ...Object.keys(after.cells)])) {
      if (appliedCells.has(addr)) continue;
      if (addedCols.has(colNumber(addr))) {
        if (addr.replace(/^[A-Z]+/, '') !== headerRow)
          expect([addr, after.cells[addr]?.v ?? null]).toEqual([addr, null]);
        continue;
      }
      expect([addr, after.cells[addr]]).toEqual([addr, before.cells[addr]]);
    }

    // PC Gộp báo cáo: one row per applied value, one per conflicting value, with the sources.
    const log = await sheetRows(page, 'PC Gộp báo cáo');
    const body = log.slice(1).filter((r) => r.length);
    expect(body.map((r) => [r[0], r[6], r[7]])).toEqual([
      ...expected.applied.map((x) => [t('vi', 'merge.kind.applied'), x.after, x.source.file]),
      ...conflict.values.map((v) => [t('vi', 'merge.kind.conflict'), v.value, v.source.file]),
    ]);

    // A click on an applied entry selects its cell in Excel (one round trip).
    const first = expected.applied[0];
    await resetSyncs(page);
    await plan
      .getByRole('button', { name: a1(first.row, first.col), exact: true })
      .first()
      .click();
    await page.waitForFunction(
      (sheet) =>
        (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__.sheet(sheet)!
          .selection !== null,
      SHEET,
    );
    const selected = await view(page);
    expect(selected.syncs).toBe(1);
    expect(selected.selection).toMatchObject({ r0: first.row - 1, c0: first.col - 1 });

    await scrollToSection(page, 'pc-gather');
    await screenshot(page, 'office-gather');
    expect(await axeSerious(page)).toEqual([]);
    await page.close();
  });

  test('So sánh với bản trước: the older file picked; list by kind; click to cell; PC So sánh; marks added and removed', async () => {
    const rI3 = rowOf('I', '3');
    const rII4 = rowOf('II', '4');
    const rVI2 = rowOf('VI', '2');
    const cols = report.columnIndexes;
    const col = (c: number | undefined) => c! + 1;
    const older = await edited((ws) => {
      const task = ws.getCell(rI3, col(cols.task));
      task.value = `${String(task.value)} trên địa bàn tỉnh`;
      ws.getCell(rII4, col(cols.deadline)).value = 'Quý III/2026'; // now Quý II/2026: the due date moved
      ws.getCell(rVI2, col(cols.deadline)).value = '30/6/2026'; // now Quý II/2026: the same due date
    });
    const c = compareReports(
      analyzeSheet((await readWorkbook(older)).sheets[0], { asOf: AS_OF, lang: 'vi' }),
      report,
    );
    expect([c.added, c.removed, c.moved]).toEqual([[], [], []]);
    expect(c.changed.map((x) => [x.row, x.field, Boolean(x.sameDue)])).toEqual([
      [rI3, 'task', false],
      [rII4, 'deadline', false],
      [rVI2, 'deadline', true],
    ]);

    const page = await browser.newPage({ width: 420, height: 800 });
    await openChecked(page);
    const before = await view(page);
    await showTab(page, 'report');

    // Pick: read the sheet (1) and write PC So sánh (2).
    await resetSyncs(page);
    await page.setInputFiles('#pc-compare-file', {
      name: 'ban-truoc.xlsx',
      mimeType: XLSX,
      buffer: older,
    });
    const result = page.getByTestId('pc-compare-result');
    await result.waitFor();
    const compared = await view(page);
    expect(compared.syncs).toBe(3);
    expect(compared.cells).toEqual(before.cells);
    expect(compared.sheets).toEqual([SHEET, 'PC So sánh']);
    await expect(
      result.getByText(t('vi', 'ui.compare.written', { sheet: 'PC So sánh' })).count(),
    ).resolves.toBe(1);

    // The list, grouped by kind: only "Thay đổi", its three entries; the task text word by word.
    await expect(result.locator('h3').allTextContents()).resolves.toEqual([
      t('vi', 'ui.compare.group.changed', { count: 3 }),
    ]);
    await expect(result.locator('li').count()).resolves.toBe(3);
    const removedWords = (await result.locator('li').first().locator('del').allTextContents())
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    expect(removedWords).toBe('trên địa bàn tỉnh');
    await expect(result.locator('li ins').count()).resolves.toBe(0);
    // The same due date said once, in the catalogue's own parentheses (not wrapped in a second pair).
    const sameDueText = await result.locator('li').nth(2).textContent();
    expect(sameDueText).toContain(t('vi', 'diff.sameDue', { due: '30/06/2026' }));
    expect(sameDueText).not.toContain('((');

    // PC So sánh in the fake: the same three entries, linked to their cells in the sheet.
    const table = await sheetRows(page, 'PC So sánh');
    expect(
      table
        .slice(1)
        .filter((r) => r.length)
        .map((r) => [r[0], r[4], r[6]]),
    ).toEqual(
      c.changed.map((x) => [t('vi', 'diff.kind.changed'), x.row, t('vi', `role.${x.field}`)]),
    );
    const links = await page.evaluate(() => {
      const fake = (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__;
      return Object.entries(fake.cells('PC So sánh'))
        .filter(([, cell]) => cell.link)
        .map(([, cell]) => cell.link!.documentReference);
    });
    expect(links).toEqual([
      `'${SHEET}'!${a1(rI3, col(cols.task))}`,
      `'${SHEET}'!${a1(rII4, col(cols.deadline))}`,
      `'${SHEET}'!${a1(rVI2, col(cols.deadline))}`,
    ]);

    // A click on an entry selects its row's cell in Excel (one round trip).
    await resetSyncs(page);
    await result.locator('li').nth(1).getByRole('button').click();
    await page.waitForFunction(
      (sheet) =>
        (window as unknown as { __PHANCONG_FAKE__: Fake }).__PHANCONG_FAKE__.sheet(sheet)!
          .selection !== null,
      SHEET,
    );
    const selected = await view(page);
    expect(selected.syncs).toBe(1);
    expect(selected.selection).toMatchObject({ r0: rII4 - 1, c0: 0 });

    // Đánh dấu: the changed rows as own conditional formats (2 round trips), no cell changed.
    const taskRows = new Map(report.tasks.map((x) => [x.row, x.rows] as const));
    const plan = planCompareMarks(SHEET, c, taskRows, report.firstColumn, report.lastColumn);
    expect(plan.rules.map((r) => [r.kind, r.rows])).toEqual([['changed', [rI3, rII4, rVI2]]]);
    await resetSyncs(page);
    await page.getByTestId('pc-compare-mark').click();
    await page
      .getByTestId('pc-compare-marks')
      .getByText(t('vi', 'ui.compare.marked', { rows: 3, sheet: SHEET }))
      .waitFor();
    const marked = await view(page);
    expect(marked.syncs).toBe(2);
    expect(ownMarkRows(marked.cfs)).toEqual({ changed: [rI3, rII4, rVI2] });
    expect(marked.cells).toEqual(before.cells);
    await scrollToSection(page, 'pc-compare');
    await screenshot(page, 'office-compare');
    expect(await axeSerious(page)).toEqual([]);

    // Bỏ đánh dấu: none of ours left, the sheet's own formats as before.
    await resetSyncs(page);
    await page.getByTestId('pc-compare-unmark').click();
    await page
      .getByTestId('pc-compare-marks')
      .getByText(t('vi', 'ui.compare.unmarked', { sheet: SHEET }))
      .waitFor();
    const unmarked = await view(page);
    expect(unmarked.syncs).toBe(2);
    expect(ownMarkRows(unmarked.cfs)).toEqual({});
    expect(unmarked.cfs).toEqual(before.cfs);
    expect(unmarked.cells).toEqual(before.cells);
    await page.close();
  });
});
