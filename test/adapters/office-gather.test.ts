/**
 * The gathering and the comparison through the Office host, against the Excel fake (load/sync
 * semantics, round trips counted), and through the standalone (ExcelJS) host.
 */
import { createExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { analyzeSheet } from '../../src/engine/analyze';
import { compareReports } from '../../src/engine/compare';
import { buildCompareTable } from '../../src/engine/compare-table';
import { gather, prepareMaster, type GatherResult } from '../../src/engine/gather';
import { StaleSheetError } from '../../src/host/types';
import {
  buildSheet,
  cloneSections,
  PHRASES,
  AGENCIES,
  type GenSection,
} from '../helpers/appendix-gen';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'Excel', Outlook: 'Outlook' } }));

const opts = { asOf: '2026-11-22' };

function sections(): GenSection[] {
  const task = (tt: string, k: number, status = '') => ({
    tt,
    text: PHRASES[k],
    lead: AGENCIES[k % 6],
    support: '',
    deadline: 'Năm 2026',
    status,
    doneDate: '',
    result: '',
  });
  return [
    { label: 'I', title: 'Sản phẩm', tasks: [task('1', 0), task('2', 1, 'Đang thực hiện')] },
    { label: 'II', title: 'Hạ tầng', tasks: [task('1', 2), task('2', 3)] },
  ];
}

function setup(tracking: boolean) {
  const fake = createExcelFake();
  const master = buildSheet(sections(), { tracking, name: 'Phụ lục' }).snapshot;
  fake.addSheet(master);
  const host = createOfficeHost(fake.Excel, fake.Office, {});
  const report = cloneSections(sections());
  report[0].tasks[1].status = 'Hoàn thành';
  report[0].tasks[1].doneDate = '15/10/2026';
  report[1].tasks.reverse();
  report[1].tasks[0].status = 'Chưa thực hiện';
  report[1].tasks[0].tt = '1';
  const rs = buildSheet(report).snapshot;
  const prepared = prepareMaster(master, opts);
  const result: GatherResult = {
    ...gather(prepared, [{ file: 'a.xlsx', snapshot: rs, report: analyzeSheet(rs, opts) }]),
    addedColumns: prepared.added,
  };
  fake.resetSyncs();
  return { fake, host, result };
}

describe('Gộp báo cáo through the Office host', () => {
  test('applies the values and writes the log in two round trips', async () => {
    const { fake, host, result } = setup(true);
    expect(result.applied.map((a) => [a.tt, a.field, a.after])).toEqual([
      ['2', 'status', 'Hoàn thành'],
      ['2', 'done-date', '15/10/2026'],
      ['2', 'status', 'Chưa thực hiện'],
    ]);
    const before = fake.cells('Phụ lục');
    const out = await host.applyGather!(result, 'vi');
    expect(fake.syncs).toBe(2);
    expect(out.logSheet).toBe('PC Gộp báo cáo');
    const after = fake.cells('Phụ lục');
    const changed = Object.keys({ ...before, ...after })
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .sort();
    const cellsOf = result.applied.map((a) => `${String.fromCharCode(64 + a.col)}${a.row}`).sort();
    expect(changed).toEqual(cellsOf);
    expect(after[cellsOf[0]]?.v ?? after[cellsOf[1]]?.v).toBeDefined();
    // The done date is a real date.
    const dd = result.applied.find((a) => a.field === 'done-date')!;
    const ddCell = after[`${String.fromCharCode(64 + dd.col)}${dd.row}`];
    expect(typeof ddCell.v).toBe('number');
    expect(ddCell.nf).toBe('dd/mm/yyyy');
    const log = fake.cells('PC Gộp báo cáo');
    expect(log.A2.v).toBe('Đã cập nhật');
    expect(log.B2.link?.documentReference).toBe(
      `'Phụ lục'!${cellsOf.find((c) => c.endsWith(String(result.applied[0].row)))}`,
    );
    // A second run replaces the log sheet.
    const again = setup(true);
    again.fake.addSheet({ name: 'PC Gộp báo cáo', values: [['user notes']] });
    const out2 = await again.host.applyGather!(again.result, 'vi');
    expect(out2.logSheet).toBe('PC Gộp báo cáo (2)');
    expect(again.fake.cells('PC Gộp báo cáo').A1.v).toBe('user notes');
  });

  test('adds the missing tracking headers after the table', async () => {
    const { fake, host, result } = setup(false);
    expect(result.addedColumns.map((c) => c.header)).toEqual([
      'Tình trạng',
      'Ngày hoàn thành',
      'Kết quả / minh chứng',
    ]);
    await host.applyGather!(result, 'vi');
    expect(fake.syncs).toBe(2);
    const cells = fake.cells('Phụ lục');
    expect([cells.F2?.v, cells.G2?.v, cells.H2?.v]).toEqual([
      'Tình trạng',
      'Ngày hoàn thành',
      'Kết quả / minh chứng',
    ]);
    // As "Thêm cột theo dõi" adds them (one planner, one writer): header look, date format, drop-down and date rule.
    expect(cells.F2.bold).toBe(cells.E2.bold);
    const plan = result.tracking!;
    expect(cells[`G${plan.lastRow}`].nf).toBe('dd/mm/yyyy');
    const sheet = fake.sheet('Phụ lục')!;
    expect(sheet.validations.find((v) => v.rule.list)).toMatchObject({
      area: { r0: plan.firstRow - 1, r1: plan.lastRow - 1, c0: 5, c1: 5 },
    });
    expect(sheet.validations.find((v) => v.rule.date)).toMatchObject({ area: { c0: 6, c1: 6 } });
  });

  test('a cell changed since the gathering read it: nothing written', async () => {
    const { fake, host, result } = setup(true);
    const a = result.applied[0];
    fake.setCell('Phụ lục', `${String.fromCharCode(64 + a.col)}${a.row}`, 'Tạm dừng');
    const before = fake.cells('Phụ lục');
    await expect(host.applyGather!(result, 'vi')).rejects.toBeInstanceOf(StaleSheetError);
    expect(fake.cells('Phụ lục')).toEqual(before);
    expect(fake.sheetNames()).not.toContain('PC Gộp báo cáo');
  });
});

describe('So sánh với bản trước through the Office host', () => {
  test('writes PC So sánh with links, two round trips; a second run replaces it', async () => {
    const fake = createExcelFake();
    const older = buildSheet(sections(), { tracking: false, name: 'Phụ lục' }).snapshot;
    const newer = cloneSections(sections());
    newer[1].tasks[1].deadline = 'Quý III/2026';
    const snap = buildSheet(newer, { tracking: false, name: 'Phụ lục' }).snapshot;
    fake.addSheet(snap);
    const host = createOfficeHost(fake.Excel, fake.Office, {});
    const c = compareReports(analyzeSheet(older, opts), analyzeSheet(snap, opts));
    const table = buildCompareTable(c, 'vi', 'Phụ lục', 1, { deadline: 5 });
    fake.resetSyncs();
    expect(await host.writeComparison!(table)).toEqual({ sheet: 'PC So sánh' });
    expect(fake.syncs).toBe(2);
    const cells = fake.cells('PC So sánh');
    expect(cells.A2.v).toBe('Thay đổi');
    expect(cells.B2.link?.documentReference).toBe(`'Phụ lục'!E${c.changed[0].row}`);
    expect(cells.H2.v).toBe('Năm 2026');
    await host.writeComparison!(table);
    expect(fake.sheetNames().filter((n) => n.startsWith('PC So sánh'))).toEqual(['PC So sánh']);
  });
});

describe('pane flows (host-agnostic) through the Office host, files read with ExcelJS', () => {
  async function xlsxOf(
    snapshot: import('../../src/engine/types').SheetSnapshot,
  ): Promise<Uint8Array> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(snapshot.name);
    snapshot.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v as never;
      }),
    );
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test('Gộp báo cáo: plan from picked files, apply in two round trips', async () => {
    const { planGather, applyGatherPlan } = await import('../../src/taskpane/state/gather');
    const fake = createExcelFake();
    fake.addSheet(buildSheet(sections(), { name: 'Phụ lục' }).snapshot);
    const host = createOfficeHost(fake.Excel, fake.Office, {});
    const report = cloneSections(sections());
    report[1].tasks[1].status = 'Hoàn thành';
    const result = await planGather(
      host,
      'Phụ lục',
      [{ name: 'so-tc.xlsx', bytes: await xlsxOf(buildSheet(report).snapshot) }],
      opts as { asOf: string; lang: 'vi' },
    );
    expect(result.applied.map((a) => [a.tt, a.after, a.source.file])).toEqual([
      ['2', 'Hoàn thành', 'so-tc.xlsx'],
    ]);
    fake.resetSyncs();
    await applyGatherPlan(host, result, 'vi');
    expect(fake.syncs).toBe(2);
    await expect(
      planGather(host, 'Phụ lục', [{ name: 'x.xlsx', bytes: new Uint8Array([1, 2]) }], {
        asOf: '2026-11-22',
        lang: 'vi',
      }),
    ).rejects.toMatchObject({ file: 'x.xlsx', messageId: 'read.error.not-xlsx' });
  });

  test('So sánh với bản trước: the current sheet against a picked older file', async () => {
    const { compareWithOlder } = await import('../../src/taskpane/state/gather');
    const fake = createExcelFake();
    const newer = cloneSections(sections());
    newer[0].tasks.push({ ...newer[0].tasks[0], tt: '3', text: PHRASES[9] });
    fake.addSheet(buildSheet(newer, { name: 'Phụ lục' }).snapshot);
    const host = createOfficeHost(fake.Excel, fake.Office, {});
    const older = await xlsxOf(buildSheet(sections(), { name: 'Phụ lục' }).snapshot);
    const out = await compareWithOlder(
      host,
      'Phụ lục',
      { name: 'v1.xlsx', bytes: older },
      { asOf: '2026-11-22', lang: 'vi', writeSheet: true },
    );
    expect(out.comparison.added.map((a) => a.tt)).toEqual(['3']);
    expect(out.written).toBe('PC So sánh');
    expect(fake.cells('PC So sánh').A2.v).toBe('Thêm mới');
  });

  test('So sánh với bản trước: the changed rows are marked with owned conditional formats in two round trips (read, write), and cleared', async () => {
    const { createGatherStore } = await import('../../src/taskpane/state/gather');
    const { isOwnMarkFormula } = await import('../../src/engine/marks');
    const fake = createExcelFake();
    const newer = cloneSections(sections());
    newer[0].tasks.push({ ...newer[0].tasks[0], tt: '3', text: PHRASES[9] });
    newer[1].tasks[1].deadline = 'Quý III/2026';
    const snap = buildSheet(newer, { name: 'Phụ lục' }).snapshot;
    fake.addSheet(snap);
    const host = createOfficeHost(fake.Excel, fake.Office, {});
    const store = createGatherStore(host);
    const older = await xlsxOf(buildSheet(sections(), { name: 'Phụ lục' }).snapshot);
    await store.compare(
      'Phụ lục',
      { name: 'v1.xlsx', bytes: older },
      { asOf: '2026-11-22', lang: 'vi', writeSheet: false },
    );
    const c = store.getState().comparison!;
    const addedRow = c.comparison.added[0].row;
    const changedRow = c.comparison.changed[0].row;
    expect(c.marks.rules.map((r) => [r.kind, r.rows])).toEqual([
      ['added', [addedRow]],
      ['changed', [changedRow]],
    ]);
    const before = fake.cells('Phụ lục');
    fake.resetSyncs();
    await store.mark();
    expect(store.getState().error).toBeNull();
    expect(store.getState().marks).toEqual({
      id: 'ui.compare.marked',
      data: { rows: 2, sheet: 'Phụ lục' },
    });
    expect(fake.syncs).toBe(2);
    const own = fake.sheet('Phụ lục')!.cfs.filter((cf) => isOwnMarkFormula(cf.formula));
    expect(own.map((cf) => cf.formula).sort()).toEqual([
      '=N("phancong:added")=0',
      '=N("phancong:changed")=0',
    ]);
    // Marks never change a cell.
    expect(fake.cells('Phụ lục')).toEqual(before);
    await store.unmark();
    expect(fake.sheet('Phụ lục')!.cfs.filter((cf) => isOwnMarkFormula(cf.formula))).toEqual([]);
    expect(store.getState().marks).toEqual({
      id: 'ui.compare.unmarked',
      data: { sheet: 'Phụ lục' },
    });
    // A sheet edited since the comparison: the marks are refused, nothing written.
    fake.setCell('Phụ lục', 'B5', 'đã sửa');
    await store.mark();
    expect(store.getState().error).toEqual({ id: 'ui.compare.stale' });
    expect(fake.sheet('Phụ lục')!.cfs.filter((cf) => isOwnMarkFormula(cf.formula))).toEqual([]);
  });
});

describe('So sánh với bản trước marks through the standalone (ExcelJS) host', () => {
  test('the same plan as owned conditional formats in the opened workbook; cleared; the preview counts them', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { StandaloneHost } = await import('../../src/adapters/standalone/host');
    const { readOwnMarks } = await import('../../src/adapters/xlsx/marks');
    const { createGatherStore } = await import('../../src/taskpane/state/gather');
    const bytesOf = async (s: GenSection[]) => {
      const snap = buildSheet(s, { name: 'Phụ lục' }).snapshot;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(snap.name);
      snap.values.forEach((row, r) =>
        row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as never)),
      );
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const newer = cloneSections(sections());
    newer[1].tasks.reverse();
    newer[1].tasks.forEach((x, i) => (x.tt = String(i + 1)));
    const host = await StandaloneHost.open(await bytesOf(newer), { fileName: 'v2.xlsx' });
    const store = createGatherStore(host);
    await store.compare(
      'Phụ lục',
      { name: 'v1.xlsx', bytes: await bytesOf(sections()) },
      { asOf: '2026-11-22', lang: 'vi', writeSheet: false },
    );
    const c = store.getState().comparison!;
    expect(c.comparison.moved).toHaveLength(2);
    await store.mark();
    const ws = host.workbook.getWorksheet('Phụ lục')!;
    expect(readOwnMarks(ws)).toEqual(
      c.marks.rules.map((r) => ({ kind: r.kind, ranges: r.ranges })),
    );
    expect(readOwnMarks(ws).map((m) => m.kind)).toEqual(['moved']);
    expect(host.marks('Phụ lục')).toEqual(readOwnMarks(ws));
    await store.unmark();
    expect(readOwnMarks(ws)).toEqual([]);
  });
});
