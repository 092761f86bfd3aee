/**
 * The Office.js adapter against the Excel fake (test/fakes/excel-fake.ts), which enforces load/sync
 * semantics and counts round trips. One test at the end uses office-addin-mock (Microsoft's mock),
 * to show what it can and cannot check.
 */
import {
  createExcelFake,
  FakeOfficeError,
  type ExcelFake,
  type SheetSeed,
} from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { fingerprintSnapshot, fingerprintValues } from '../../src/engine/workbook';
import { nameTargetSheet, scanOwn } from '../../src/adapters/office/own';
import { freeSheetName } from '../../src/engine/workbook';
import { SETTINGS_KEY } from '../../src/adapters/office/host';
import { analyzeSheet } from '../../src/engine/analyze';
import { planMarks, MARK_STYLES, type MarkPlan } from '../../src/engine/marks';
import { OWN_MARKER, OWN_SHEETS } from '../../src/engine/tables';
import { StaleSheetError, type WorkbookHost } from '../../src/host/types';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real module pulls
// in ESM-only dependencies that this jest setup does not transform, so stand in for it here.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'Excel', Outlook: 'Outlook' } }));

const SHEET = 'Phụ lục 02';

/** A small assignment table placed at B3 (origin row 2, col 1) so that origins matter. */
const SEED: SheetSeed & SheetSnapshot = {
  name: SHEET,
  values: [
    ['PHÂN CÔNG NHIỆM VỤ NĂM 2026', null, null, null, null, null],
    [
      'TT',
      'Nhiệm vụ',
      'Lãnh đạo phụ trách',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian thực hiện',
    ],
    ['I', 'PHÁT TRIỂN DU LỊCH', null, null, null, null],
    [
      '1',
      'Xây dựng kế hoạch',
      'Phó Chủ tịch UBND tỉnh',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Tài chính',
      'Quý I/2026',
    ],
    ['2', 'Tổ chức hội nghị', 'Phó Chủ tịch UBND tỉnh', 'Sở VHTTDL', 'Sở Nội vụ', 'Tháng 6/2026'],
    ['3', '=Báo cáo tổng kết', null, 'Sở Tài chính', null, 46100],
    ['4', 'Tuyên truyền', null, 'Sở VHTTDL', null, 'Thường xuyên'],
    ['5', 'Kiểm tra', null, 'Sở Tài chính', { error: '#REF!' }, 'Năm 2026'],
  ],
  numberFormats: [
    ['General', 'General', 'General', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'General', 'General', 'dd/mm/yyyy'],
    ['General', 'General', 'General', 'General', 'General', 'General'],
    ['General', 'General', 'General', 'General', 'General', 'General'],
  ],
  bold: [
    [true, false, false, false, false, false],
    [true, true, true, true, true, true],
    [true, true, false, false, false, false],
    [false, false, false, false, false, false],
    [false, false, false, false, false, false],
    [false, false, false, false, false, false],
    [false, false, false, false, false, false],
    [false, false, false, false, false, false],
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 5 },
    { top: 2, left: 1, bottom: 2, right: 5 },
  ],
  origin: { row: 2, col: 1 },
};

const AS_OF = '2026-05-01';

function setup(
  apiVersion = '1.13',
  extra: Partial<{
    payloadCellLimit: number;
    payloadByteLimit: number;
    chunkCells: number;
    payloadBudget: number;
    firstRows: number;
  }> = {},
) {
  const fake = createExcelFake({
    apiVersion,
    payloadCellLimit: extra.payloadCellLimit,
    payloadByteLimit: extra.payloadByteLimit,
  });
  fake.addSheet(SEED);
  // A user conditional format and a user custom rule, which the add-in must never touch.
  const sheet = fake.sheet(SHEET)!;
  sheet.cfs.push(
    { id: 'user-1', type: 'CellValue', areas: [{ r0: 5, c0: 6, r1: 9, c1: 6 }] },
    {
      id: 'user-2',
      type: 'Custom',
      areas: [{ r0: 5, c0: 1, r1: 9, c1: 1 }],
      formula: '=LEN(B6)>100',
      fill: '#FF0000',
      fontColor: null,
    },
  );
  const host = createOfficeHost(fake.Excel, fake.Office, {
    chunkCells: extra.chunkCells,
    payloadBudget: extra.payloadBudget,
    firstRows: extra.firstRows,
  });
  fake.resetSyncs();
  return { fake, host };
}

function ownCfs(fake: ExcelFake, sheet = SHEET) {
  return fake.sheet(sheet)!.cfs.filter((cf) => (cf.formula ?? '').includes('"phancong:'));
}

function userCfs(fake: ExcelFake, sheet = SHEET) {
  return JSON.parse(
    JSON.stringify(
      fake.sheet(sheet)!.cfs.filter((cf) => !(cf.formula ?? '').includes('"phancong:')),
    ),
  );
}

async function checked(host: WorkbookHost) {
  const read = await host.readSheet(SHEET);
  const report = analyzeSheet(read.snapshot, { asOf: AS_OF });
  return { read, report, plan: planMarks(report) };
}

/* ------------------------------------------------------------------ the fake itself */

describe('Excel fake', () => {
  test('reading a property that was not loaded and synced throws PropertyNotLoaded', async () => {
    const { fake } = setup();
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      const range = ctx.workbook.worksheets.getItem(SHEET).getRange('B3');
      expect(() => range.values).toThrow(FakeOfficeError);
      range.load('values');
      expect(() => range.values).toThrow(/not available/); // loaded but not synced yet
      await ctx.sync();
      expect(range.values).toEqual([['PHÂN CÔNG NHIỆM VỤ NĂM 2026']]);
      expect(() => range.numberFormat).toThrow(/numberFormat/);
      try {
        void range.address;
      } catch (e) {
        expect((e as FakeOfficeError).code).toBe('PropertyNotLoaded');
      }
    });
  });

  test('writes apply only at sync, and each sync is counted', async () => {
    const { fake } = setup();
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange('A1').values = [['x']];
      expect(fake.cells(SHEET).A1).toBeUndefined();
      await ctx.sync();
      expect(fake.cells(SHEET).A1).toEqual({ v: 'x' });
    });
    expect(fake.syncs).toBe(1);
  });

  test('Excel.run flushes a batch left pending with one more sync', async () => {
    const { fake } = setup();
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem(SHEET).getRange('A1').values = [['y']];
    });
    expect(fake.syncs).toBe(1);
    expect(fake.cells(SHEET).A1).toEqual({ v: 'y' });
  });

  test('isNullObject and ClientResult are known only after sync; APIs above the requirement set fail', async () => {
    const { fake } = setup('1.8');
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      const props = ctx.workbook.worksheets
        .getItem(SHEET)
        .getRange('B3')
        .getCellProperties({ format: { font: { bold: true } } });
      expect(() => props.value).toThrow(/value/);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
  });

  test('a failing action rejects the sync; earlier actions of the batch stay applied', async () => {
    const { fake } = setup();
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem(SHEET);
      ws.getRange('A1').values = [['before']];
      ws.getRange('A2:B2').values = [['only one']]; // wrong shape
      ws.getRange('A3').values = [['after']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(fake.cells(SHEET).A1).toEqual({ v: 'before' });
    expect(fake.cells(SHEET).A3).toBeUndefined();
  });
});

/* ------------------------------------------------------------------ fingerprint */

describe('fingerprint', () => {
  test('depends on values and their positions, not on how the grid is padded', () => {
    const a = fingerprintValues([[null, 'x'], [1]], { row: 0, col: 0 });
    expect(fingerprintValues([[null, 'x', null], [1, null, null], []], { row: 0, col: 0 })).toBe(a);
    expect(fingerprintValues([['x'], []], { row: 0, col: 1 })).not.toBe(a);
    expect(fingerprintValues([[null, 'x'], [2]])).not.toBe(a);
    expect(fingerprintValues([[null, 'x'], ['1']])).not.toBe(a);
    expect(fingerprintValues([[null, 'x'], [1]], { row: 1, col: 0 })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
});

/* ------------------------------------------------------------------ readSheet */

describe('readSheet', () => {
  test('one sync: values, formats, bold and merges of the used range, at its origin', async () => {
    const { fake, host } = setup();
    const before = fake.cells(SHEET);
    const { snapshot, fingerprint } = await host.readSheet(SHEET);
    expect(fake.syncs).toBe(1);
    expect(snapshot.origin).toEqual({ row: 2, col: 1 });
    expect(snapshot.values).toEqual(SEED.values);
    expect(snapshot.numberFormats).toEqual(SEED.numberFormats);
    expect(snapshot.bold).toEqual(SEED.bold);
    expect(snapshot.merges).toEqual(SEED.merges);
    expect(fingerprint).toBe(fingerprintSnapshot(SEED));
    expect(fake.cells(SHEET)).toEqual(before);
  });

  test('ExcelApi 1.12: bold still read (getCellProperties), merges omitted; one sync', async () => {
    const { fake, host } = setup('1.12');
    const { snapshot } = await host.readSheet(SHEET);
    expect(fake.syncs).toBe(1);
    expect(snapshot.bold).toEqual(SEED.bold);
    expect(snapshot.merges).toBeUndefined();
  });

  test('ExcelApi 1.8: values and number formats only, one sync', async () => {
    const { fake, host } = setup('1.8');
    const { snapshot } = await host.readSheet(SHEET);
    expect(fake.syncs).toBe(1);
    expect(snapshot.values).toEqual(SEED.values);
    expect(snapshot.numberFormats).toEqual(SEED.numberFormats);
    expect(snapshot.bold).toBeUndefined();
  });

  test('a sheet larger than the first rows is read on in runs sized by the measured bytes per row', async () => {
    const { fake, host } = setup('1.13', {
      payloadByteLimit: 4_000,
      payloadBudget: 1_000,
      firstRows: 3,
    });
    const { snapshot, fingerprint } = await host.readSheet(SHEET);
    // 1 sync for the size, the merges and 3 rows, then runs of rows under the budget.
    expect(fake.syncs).toBeGreaterThan(2);
    expect(fake.maxPayload.response).toBeLessThanOrEqual(4_000);
    expect(snapshot.values).toEqual(SEED.values);
    expect(snapshot.numberFormats).toEqual(SEED.numberFormats);
    expect(snapshot.bold).toEqual(SEED.bold);
    expect(snapshot.merges).toEqual(SEED.merges);
    expect(fingerprint).toBe(fingerprintSnapshot(SEED));
  });

  test('a run that Excel still refuses as too large is read again in halves (RangeExceedsLimit too)', async () => {
    // The adapter's estimate is wrong on purpose (budget far above the fake's limits).
    const bytes = setup('1.13', { payloadByteLimit: 3_200, payloadBudget: 1_000_000 });
    const a = await bytes.host.readSheet(SHEET);
    expect(a.snapshot.values).toEqual(SEED.values);
    expect(bytes.fake.syncs).toBeLessThanOrEqual(6); // refused, the row count, then halves of the 8 rows
    expect(bytes.fake.book.payloads.some((p) => p.response > 3_200)).toBe(true); // refused at least once
    const cells = setup('1.13', { payloadCellLimit: 20 });
    const b = await cells.host.readSheet(SHEET);
    expect(b.snapshot.values).toEqual(SEED.values);
    expect(b.snapshot.bold).toEqual(SEED.bold);
  });

  test('more than 512 merged areas: read again without merges', async () => {
    const { fake, host } = setup();
    const sheet = fake.sheet(SHEET)!;
    for (let r = 20; r < 20 + 520; r++) sheet.merges.push({ r0: r, c0: 1, r1: r, c1: 2 });
    fake.setCell(SHEET, 'B600', 'cuối');
    const { snapshot } = await host.readSheet(SHEET);
    expect(fake.syncs).toBe(2); // refused (more than 512 merged areas); then again without merges
    expect(snapshot.merges).toBeUndefined();
    expect(snapshot.values.slice(0, SEED.values.length)).toEqual(SEED.values);
    expect(snapshot.values[597][0]).toBe('cuối');
  });

  test('a blank sheet gives an empty snapshot; a missing sheet rejects', async () => {
    const { fake, host } = setup();
    fake.addSheet({ name: 'Trống', values: [] });
    const { snapshot } = await host.readSheet('Trống');
    expect(snapshot.values).toEqual([]);
    await expect(host.readSheet('Không có')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

/* ------------------------------------------------------------------ marks */

describe('applyMarks / clearMarks', () => {
  test('two syncs; own rules tagged, styled, on all ranges; user cells and rules untouched', async () => {
    const { fake, host } = setup();
    const { read, plan } = await checked(host);
    expect(plan.rules.length).toBeGreaterThan(0);
    const cells = fake.cells(SHEET);
    const users = userCfs(fake);
    fake.resetSyncs();
    await host.applyMarks(plan, read.fingerprint);
    expect(fake.syncs).toBe(2);
    const own = ownCfs(fake);
    expect(own).toHaveLength(plan.rules.length); // one rule per kind: getRanges (ExcelApi 1.9)
    for (const rule of plan.rules) {
      const cf = own.find((c) => c.formula === rule.formula)!;
      expect(cf.type).toBe('Custom');
      expect(cf.fill).toBe(MARK_STYLES[rule.kind].fill);
      expect(cf.fontColor).toBe(MARK_STYLES[rule.kind].font);
      expect(cf.areas.length).toBe(rule.ranges.length);
    }
    expect(fake.cells(SHEET)).toEqual(cells);
    expect(userCfs(fake)).toEqual(users);

    // Again: replaced, not duplicated.
    fake.resetSyncs();
    await host.applyMarks(plan, read.fingerprint);
    expect(fake.syncs).toBe(2);
    expect(ownCfs(fake)).toHaveLength(plan.rules.length);

    fake.resetSyncs();
    await host.clearMarks(SHEET);
    expect(fake.syncs).toBe(2);
    expect(ownCfs(fake)).toHaveLength(0);
    expect(userCfs(fake)).toEqual(users);
    expect(fake.cells(SHEET)).toEqual(cells);

    fake.resetSyncs();
    await host.clearMarks(SHEET);
    expect(fake.syncs).toBe(1); // nothing left to delete
  });

  test('ExcelApi 1.8 (no getRanges): one rule per range', async () => {
    const { fake, host } = setup('1.8');
    const { read } = await checked(host);
    const plan: MarkPlan = {
      sheet: SHEET,
      rules: [
        {
          kind: 'overdue',
          style: MARK_STYLES.overdue,
          formula: '=N("phancong:overdue")=0',
          ranges: ['B6:G6', 'B8:G9'],
          rows: [6, 8, 9],
        },
        {
          kind: 'due-soon',
          style: MARK_STYLES['due-soon'],
          formula: '=N("phancong:due-soon")=0',
          ranges: ['B7:G7'],
          rows: [7],
        },
      ],
    };
    fake.resetSyncs();
    await host.applyMarks(plan, read.fingerprint);
    expect(fake.syncs).toBe(2);
    const own = ownCfs(fake);
    expect(own).toHaveLength(3);
    expect(own.every((cf) => cf.areas.length === 1)).toBe(true);
    await host.clearMarks(SHEET);
    expect(ownCfs(fake)).toHaveLength(0);
  });

  test('many ranges are split over several rules so each address stays short', async () => {
    const fake = createExcelFake();
    fake.addSheet(SEED);
    const host = createOfficeHost(fake.Excel, fake.Office, { maxAddressChars: 20 });
    const read = await host.readSheet(SHEET);
    const ranges = ['B6:G6', 'B8:G8', 'B10:G10', 'B12:G12', 'B14:G14'];
    await host.applyMarks(
      {
        sheet: SHEET,
        rules: [
          {
            kind: 'error',
            style: MARK_STYLES.error,
            formula: '=N("phancong:error")=0',
            ranges,
            rows: [],
          },
        ],
      },
      read.fingerprint,
    );
    const own = ownCfs(fake);
    expect(own.length).toBeGreaterThan(1);
    expect(own.flatMap((cf) => cf.areas).length).toBe(ranges.length);
  });

  test('a stale fingerprint is refused with StaleSheetError and nothing is written', async () => {
    const { fake, host } = setup();
    const { read, plan } = await checked(host);
    fake.setCell(SHEET, 'C7', 'Đã sửa');
    const cells = fake.cells(SHEET);
    const cfs = JSON.parse(JSON.stringify(fake.sheet(SHEET)!.cfs));
    fake.resetSyncs();
    await expect(host.applyMarks(plan, read.fingerprint)).rejects.toBeInstanceOf(StaleSheetError);
    expect(fake.syncs).toBe(1);
    expect(fake.cells(SHEET)).toEqual(cells);
    expect(fake.sheet(SHEET)!.cfs).toEqual(cfs);
  });
});

/* ------------------------------------------------------------------ summary sheets */

function ownNames(fake: ExcelFake) {
  return fake.book.names
    .filter((n) => n.comment === OWN_MARKER)
    .map((n) => n.name)
    .sort();
}

describe('writeSummary', () => {
  test('at most three syncs; tables, dates, pivots, chart, links; the user sheet unchanged', async () => {
    const { fake, host } = setup();
    const { report } = await checked(host);
    const cells = fake.cells(SHEET);
    const users = userCfs(fake);
    fake.resetSyncs();
    const result = await host.writeSummary(report, 'vi');
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(result.skipped).toEqual([]);
    expect(result.sheets).toEqual([
      OWN_SHEETS.summary,
      OWN_SHEETS.tasks,
      OWN_SHEETS.agencies,
      OWN_SHEETS.findings,
      OWN_SHEETS.report,
      OWN_SHEETS.reminders,
    ]);
    expect(fake.sheetNames()).toEqual([SHEET, ...result.sheets]);
    expect(fake.cells(SHEET)).toEqual(cells);
    expect(userCfs(fake)).toEqual(users);

    // Task table: an Excel Table; the due date is a serial with a date format.
    const tasks = fake.sheet(OWN_SHEETS.tasks)!;
    expect(tasks.tables.map((t) => t.name)).toEqual(['PC_NhiemVu']);
    expect(tasks.tables[0].area).toEqual({ r0: 0, c0: 0, r1: report.tasks.length, c1: 15 }); // with the reporting category (issue 12)
    const taskCells = fake.cells(OWN_SHEETS.tasks);
    const dueCol = 'K'; // TASK_COLUMNS index 10
    const first = report.tasks[0];
    expect(taskCells[`${dueCol}2`]).toEqual({ v: 46112, nf: 'dd/mm/yyyy' }); // 2026-03-31
    expect(first.deadline.due).toBe('2026-03-31');
    expect(taskCells.E4).toEqual({ v: '=Báo cáo tổng kết', nf: '@' }); // text that looks like a formula stays text
    expect(taskCells.E4.formula).toBeUndefined();
    expect(result.pivotTables).toEqual([
      'PhanCong_Lead',
      'PhanCong_Leader',
      'PhanCong_Quarter',
      'PhanCong_Report',
    ]);
    // Issue 12: the report's PivotTable counts lead and support rows by agency × reporting category.
    const reportPivot = fake.sheet(OWN_SHEETS.report)!.pivots[0];
    expect(reportPivot).toMatchObject({
      name: 'PhanCong_Report',
      rows: ['Vai trò', 'Cơ quan'],
      columns: ['Phân loại báo cáo'],
    });
    const reportCells = fake.cells(OWN_SHEETS.report);
    expect(reportCells.A1.v).toBe('BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ');
    expect(reportCells.C5.v).toBe('Tổng số nhiệm vụ được giao');
    expect(tasks.frozenRows).toBe(1);

    // Findings: hyperlinks to the user's cells.
    const findings = fake.cells(OWN_SHEETS.findings);
    const links = Object.values(findings).filter((c) => c.link);
    expect(links.length).toBe(report.findings.filter((f) => f.cell).length);
    expect(links[0].link!.documentReference).toMatch(/^'Phụ lục 02'!\$?[A-Z]+\$?\d+$/);
    expect(links[0].v).toBe(links[0].link!.textToDisplay);

    // Summary: three PivotTables over the task table, and a clustered bar chart.
    const summary = fake.sheet(OWN_SHEETS.summary)!;
    expect(summary.pivots.map((p) => p.rows[0])).toEqual([
      'Cơ quan chủ trì',
      'Lãnh đạo phụ trách',
      'Quý',
    ]);
    for (const p of summary.pivots) {
      expect(p.columns).toEqual(['Tình trạng']);
      expect(p.data).toEqual([{ field: 'Dòng', name: 'Số nhiệm vụ', summarizeBy: 'Count' }]);
      expect(p.source.sheetId).toBe(tasks.id);
      expect(p.source.area).toEqual(tasks.tables[0].area);
    }
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0].type).toBe('BarClustered');
    expect(summary.charts[0].title).toBe('Nhiệm vụ theo cơ quan chủ trì và tình trạng');

    // Each own sheet carries its marker; listSheets says so.
    expect(ownNames(fake)).toEqual([
      'PhanCong_Own_agencies',
      'PhanCong_Own_findings',
      'PhanCong_Own_reminders',
      'PhanCong_Own_report',
      'PhanCong_Own_summary',
      'PhanCong_Own_tasks',
    ]);
    fake.resetSyncs();
    const list = await host.listSheets();
    expect(fake.syncs).toBe(1);
    expect(
      list
        .filter((s) => s.own)
        .map((s) => s.name)
        .sort(),
    ).toEqual([...result.sheets].sort());
    expect(list.find((s) => s.name === SHEET)).toEqual({ name: SHEET, active: true, own: false });
  });

  test('running twice replaces the own sheets: no duplicates', async () => {
    const { fake, host } = setup();
    const { report } = await checked(host);
    await host.writeSummary(report, 'vi');
    const first = fake.sheetNames();
    fake.resetSyncs();
    await host.writeSummary(report, 'en');
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.sheetNames()).toEqual(first);
    expect(ownNames(fake)).toHaveLength(6);
    expect(
      fake.book.sheets
        .flatMap((s) => s.tables)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['PC_CoQuan', 'PC_KetQua', 'PC_NhiemVu']);
    expect(fake.book.sheets.flatMap((s) => s.pivots)).toHaveLength(4);
    expect(fake.sheet(OWN_SHEETS.summary)!.charts).toHaveLength(1);
  });

  test('a user sheet named like an own sheet survives (twice); the own one goes to "(2)"', async () => {
    const { fake, host } = setup();
    fake.addSheet({ name: OWN_SHEETS.summary, values: [['Ghi chú của tôi', 1]], bold: [[true]] });
    const mine = fake.cells(OWN_SHEETS.summary);
    const { report } = await checked(host);
    const r1 = await host.writeSummary(report, 'vi');
    expect(r1.sheets[0]).toBe(`${OWN_SHEETS.summary} (2)`);
    const r2 = await host.writeSummary(report, 'vi');
    expect(r2.sheets).toEqual(r1.sheets);
    expect(fake.cells(OWN_SHEETS.summary)).toEqual(mine);
    expect(fake.sheetNames().filter((n) => n.startsWith(OWN_SHEETS.summary))).toEqual([
      OWN_SHEETS.summary,
      `${OWN_SHEETS.summary} (2)`,
    ]);
    const list = await host.listSheets();
    expect(list.find((s) => s.name === OWN_SHEETS.summary)!.own).toBe(false);
  });

  test('an own sheet the user renamed is still recognised (the marker follows it) and replaced', async () => {
    const { fake, host } = setup();
    const { report } = await checked(host);
    await host.writeSummary(report, 'vi');
    fake.sheet(OWN_SHEETS.findings)!.name = 'Lỗi tháng 5';
    await host.writeSummary(report, 'vi');
    expect(fake.sheetNames()).not.toContain('Lỗi tháng 5');
    expect(fake.sheetNames()).toContain(OWN_SHEETS.findings);
  });

  test('ExcelApi 1.7: PivotTables skipped and reported; two syncs', async () => {
    const { fake, host } = setup('1.7');
    const { report } = await checked(host);
    fake.resetSyncs();
    const result = await host.writeSummary(report, 'vi');
    expect(result.skipped).toEqual(['pivotTables']);
    expect(fake.syncs).toBe(2);
    expect(fake.book.sheets.flatMap((s) => s.pivots)).toHaveLength(0);
    expect(fake.sheet(OWN_SHEETS.summary)!.charts).toHaveLength(1);
  });

  test('a PivotTable that cannot be created is reported as skipped; the sheets are written', async () => {
    const { fake, host } = setup();
    const { report } = await checked(host);
    const sheet = fake.sheet(SHEET)!;
    // A user PivotTable already holds the name the add-in uses.
    sheet.pivots.push({
      id: 'user-pivot',
      name: 'PhanCong_Lead',
      source: { sheetId: sheet.id, area: { r0: 3, c0: 1, r1: 9, c1: 6 } },
      destination: { sheetId: sheet.id, row: 30, col: 1 },
      rows: [],
      columns: [],
      data: [],
      filters: [],
    });
    fake.resetSyncs();
    const result = await host.writeSummary(report, 'vi');
    expect(fake.syncs).toBe(4); // look, build + swap, PivotTables (refused), which PivotTables exist
    expect(result.skipped).toEqual(['pivotTables']);
    expect(result.pivotTables).toEqual([]);
    expect(fake.sheet(OWN_SHEETS.tasks)!.tables).toHaveLength(1);
    expect(sheet.pivots.map((p) => p.id)).toEqual(['user-pivot']);
  });

  test('a report built by hand with no tasks and no findings still writes valid sheets', async () => {
    const { fake, host } = setup();
    const empty: SheetReport = {
      name: SHEET,
      asOf: AS_OF,
      dueSoonDays: 15,
      headerRow: null,
      headerHeight: 0,
      firstColumn: 1,
      lastColumn: 1,
      headerCells: [],
      columns: {},
      columnIndexes: {},
      missingRoles: ['tt', 'task', 'lead', 'deadline'],
      planYear: null,
      sections: [],
      tasks: [],
      rows: [],
      findings: [],
      summary: {
        total: 0,
        byState: {},
        unassigned: 0,
        byLead: [],
        byLeader: [],
        byQuarter: [],
        bySection: [],
        bySupport: [],
      },
    };
    const result = await host.writeSummary(empty, 'vi');
    expect(result.skipped).toEqual([]);
    expect(fake.sheet(OWN_SHEETS.tasks)!.tables[0].area).toEqual({ r0: 0, c0: 0, r1: 1, c1: 15 });
    expect(fake.sheet(OWN_SHEETS.summary)!.pivots).toHaveLength(0);
    expect(fake.sheet(OWN_SHEETS.summary)!.charts).toHaveLength(0);
  });
});

/* ------------------------------------------------------------------ the rest */

describe('selectCell, settings, capabilities', () => {
  test('selectCell activates the sheet and selects the cell in one sync', async () => {
    const { fake, host } = setup();
    fake.addSheet({ name: 'Khác', values: [['x']] });
    fake.book.activeSheetId = fake.sheet('Khác')!.id;
    await host.selectCell(SHEET, 'E12');
    expect(fake.syncs).toBe(1);
    expect(fake.book.activeSheetId).toBe(fake.sheet(SHEET)!.id);
    expect(fake.sheet(SHEET)!.selection).toEqual({ r0: 11, c0: 4, r1: 11, c1: 4 });
  });

  test('settings round-trip through document settings and survive reopening', async () => {
    const { fake, host } = setup();
    expect(await host.loadSettings()).toEqual({});
    const settings = {
      dueSoonDays: 10,
      lang: 'en' as const,
      columns: { [SHEET]: { lead: 3 } },
      agencies: [{ canonical: 'Sở X', aliases: ['SX'] }],
    };
    await host.saveSettings(settings);
    expect(typeof fake.book.settings[SETTINGS_KEY]).toBe('string');
    fake.reopen();
    const again = createOfficeHost(fake.Excel, fake.Office);
    expect(await again.loadSettings()).toEqual(settings);
    expect(fake.syncs).toBe(0);
    fake.Office.context.document.settings.set(SETTINGS_KEY, '{not json');
    expect(await again.loadSettings()).toEqual({});
  });

  test('capabilities follow the requirement sets', () => {
    expect(setup('1.13').host.capabilities()).toEqual({
      pivotTables: true,
      charts: true,
      cellProperties: true,
      conditionalFormats: true,
      download: false,
    });
    expect(setup('1.8').host.capabilities()).toMatchObject({
      pivotTables: true,
      cellProperties: false,
    });
    expect(setup('1.7').host.capabilities()).toMatchObject({
      pivotTables: false,
      cellProperties: false,
    });
  });

  test('own-sheet helpers', () => {
    expect(nameTargetSheet("='PC Tổng hợp'!$A$1")).toBe('PC Tổng hợp');
    expect(nameTargetSheet("'It''s'!$A$1")).toBe("It's");
    expect(nameTargetSheet('Sheet1!$A$1')).toBe('Sheet1');
    expect(nameTargetSheet('=#REF!$A$1')).toBeNull();
    expect(freeSheetName('PC Tổng hợp', new Set(['pc tổng hợp', 'pc tổng hợp (2)']))).toBe(
      'PC Tổng hợp (3)',
    );
    const scan = scanOwn(
      [
        { name: 'PhanCong_Own_summary', comment: OWN_MARKER, value: "'PC Tổng hợp'!$A$1" },
        { name: 'PhanCong_Own_tasks', comment: 'something else', value: "'PC Nhiệm vụ'!$A$1" },
        { name: 'PhanCong_Own_findings', comment: OWN_MARKER, value: '#REF!$A$1' },
      ],
      ['PC Tổng hợp', 'PC Nhiệm vụ'],
    );
    expect(scan.own.map((o) => o.sheet)).toEqual(['PC Tổng hợp']);
    expect(scan.orphans).toEqual([2]);
  });
});

/* ------------------------------------------------------------------ office-addin-mock */

describe('with office-addin-mock (Microsoft’s mock)', () => {
  test('selectCell and settings run against it; it cannot count syncs or reject unloaded reads', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by this test
    const { OfficeMockObject } = require('office-addin-mock');
    const calls: string[] = [];
    const store: Record<string, unknown> = {};
    const excelMock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getItem: (name: string) => ({
              activate: () => calls.push(`activate ${name}`),
              getRange: (cell: string) => ({ select: () => calls.push(`select ${cell}`) }),
            }),
          },
          range: { address: 'A1' },
        },
      },
      run: async function (cb: (ctx: unknown) => Promise<unknown>) {
        return cb((this as { context: unknown }).context);
      },
    });
    const officeMock = new OfficeMockObject({
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        requirements: { isSetSupported: () => true },
        document: {
          settings: {
            get: (k: string) => store[k] ?? null,
            set: (k: string, v: unknown) => {
              store[k] = v;
            },
            saveAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded' }),
          },
        },
      },
    });
    const host = createOfficeHost(excelMock, officeMock);
    await host.selectCell(SHEET, 'E12');
    expect(calls).toEqual([`activate ${SHEET}`, 'select E12']);
    await host.saveSettings({ dueSoonDays: 7 });
    expect(await host.loadSettings()).toEqual({ dueSoonDays: 7 });

    // The limits (tech-notes): an unloaded property reads as a string instead of throwing, and there
    // is no round-trip counter — which is why the adapter's tests use test/fakes/excel-fake.ts.
    expect(excelMock.context.workbook.range.address).toBe('Error, property was not loaded');
  });
});
