/**
 * The add-in's own writes into the checked sheet do not wake its live re-check (issue 12): marks, fix
 * edits and their undo, the tracking columns, the gathered values (issue 13) and the comparison's
 * marks each switch events off for their write batch
 * (context.runtime.enableEvents, ExcelApi 1.8) without an extra round trip, and switch them back on
 * even when the batch fails. The fake fires a worksheet's onChanged for every `values` write made while
 * events are on (test/fakes/excel-fake.ts fireChanged), so below ExcelApi 1.8 the same writes do wake it.
 */
import { createExcelFake, FakeOfficeError, type SheetSeed } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { analyzeSheet } from '../../src/engine/analyze';
import { planMarks } from '../../src/engine/marks';
import { planTrackingColumns, type TrackingPlan } from '../../src/engine/tracking-columns';
import type { EditBatch } from '../../src/host/types';
import { gather, prepareMaster, type GatherResult } from '../../src/engine/gather';
import { createGatherStore } from '../../src/taskpane/state/gather';
import { isOwnMarkFormula } from '../../src/engine/marks';
import {
  buildSheet,
  cloneSections,
  PHRASES,
  AGENCIES,
  type GenSection,
} from '../helpers/appendix-gen';

const SHEET = 'Phụ lục';
const SEED: SheetSeed = {
  name: SHEET,
  values: [
    ['KẾ HOẠCH 2026', null, null, null, null],
    ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
    ['1', 'Xây dựng kế hoạch', 'Sở Tài chính', 'Sở Nội vụ', 'Tháng 1/2026'],
    ['2', 'Tổ chức hội nghị', null, null, '10/03/2026'],
    ['3', 'Báo cáo', 'Sở Tài chính', null, 'Năm 2026'],
  ],
};

const settle = () => new Promise((r) => setTimeout(r, 20));

/** Every value the batches set context.runtime.enableEvents to, in order. */
function recordToggles(book: { eventsEnabled?: boolean }): boolean[] {
  const seen: boolean[] = [];
  let value = book.eventsEnabled;
  Object.defineProperty(book, 'eventsEnabled', {
    get: () => value,
    set: (v: boolean) => {
      seen.push(v);
      value = v;
    },
  });
  return seen;
}

async function setup(apiVersion: string) {
  const fake = createExcelFake({ apiVersion });
  fake.addSheet(SEED);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const events: string[] = [];
  const stop = await host.watchSheet!(SHEET, () => void events.push('changed'));
  expect(stop).not.toBeNull();
  const read = await host.readSheet(SHEET);
  const report = analyzeSheet(read.snapshot, { asOf: '2026-03-01' });
  fake.resetSyncs();
  const toggles = recordToggles(fake.book);
  return { fake, host, events, read, report, toggles };
}

const BATCH: EditBatch = {
  sheet: SHEET,
  edits: [{ sheet: SHEET, cell: 'C4', before: null, after: 'Sở Nội vụ' }],
  merges: [],
};

describe('Office host: the add-in’s own writes do not fire onChanged (ExcelApi 1.8)', () => {
  it('marks: apply and clear in 2 round trips each, no change event, events on afterwards', async () => {
    const { fake, host, events, read, report, toggles } = await setup('1.13');
    const plan = planMarks(report);
    expect(plan.rules.length).toBeGreaterThan(0);
    await host.applyMarks(plan, read.fingerprint);
    expect(fake.syncs).toBe(2);
    await host.clearMarks(SHEET);
    expect(fake.syncs).toBe(4);
    // Conditional formats do not raise onChanged in the fake; the batches still switch events off and on.
    expect(toggles).toEqual([false, true, false, true]);
    await settle();
    expect(events).toEqual([]);
  });

  it('a fix and its undo: 2 round trips each, no change event; a user edit afterwards still fires', async () => {
    const { fake, host, events, read, toggles } = await setup('1.13');
    const record = await host.applyEdits!(BATCH, read.fingerprint);
    expect(fake.syncs).toBe(2);
    expect(fake.cells(SHEET).C4?.v).toBe('Sở Nội vụ');
    await host.undoEdits!(record);
    expect(fake.syncs).toBe(4);
    expect(toggles).toEqual([false, true, false, true]);
    expect(fake.cells(SHEET).C4).toBeUndefined();
    await settle();
    expect(events).toEqual([]);
    fake.setCell(SHEET, 'B5', 'Báo cáo năm');
    await settle();
    expect(events).toEqual(['changed']);
  });

  it('tracking columns: 2 round trips, no change event', async () => {
    const { fake, host, events, read, report } = await setup('1.13');
    const res = planTrackingColumns(read.snapshot, report);
    if (!res.ok) throw new Error(res.message);
    await host.addTrackingColumns!(res.plan as TrackingPlan, read.fingerprint);
    expect(fake.syncs).toBe(2);
    expect(fake.cells(SHEET).F2?.v).toBe('Tình trạng');
    await settle();
    expect(events).toEqual([]);
  });

  it('a write batch that fails part-way switches events back on (one more round trip) and rethrows', async () => {
    const { fake, host, events, read, toggles } = await setup('1.13');
    fake.book.faultOnWrite = () => new FakeOfficeError('InvalidArgument', 'injected');
    await expect(host.applyEdits!(BATCH, read.fingerprint)).rejects.toThrow('injected');
    fake.book.faultOnWrite = undefined;
    expect(fake.syncs).toBe(3);
    expect(toggles).toEqual([false, true]); // off in the failed batch, on in the one after it
    expect(fake.book.eventsEnabled).toBe(true);
    fake.setCell(SHEET, 'B5', 'Báo cáo năm');
    await settle();
    expect(events).toEqual(['changed']);
  });

  it('below ExcelApi 1.8 (no runtime.enableEvents) the writes succeed, in as many round trips, and do fire', async () => {
    const { fake, host, events, read, toggles } = await setup('1.7');
    const record = await host.applyEdits!(BATCH, read.fingerprint);
    expect(fake.syncs).toBe(2);
    expect(toggles).toEqual([]);
    await settle();
    expect(events.length).toBeGreaterThan(0);
    await host.undoEdits!(record);
    expect(fake.syncs).toBe(4);
  });
});

// --- Gộp báo cáo and So sánh với bản trước (issue 13) ---------------------------------------------

const GEN = 'Phụ lục';
const OPTS = { asOf: '2026-11-22' };

function genSections(): GenSection[] {
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

/** A master with (or without) tracking columns in a fake at `apiVersion`, watched; a report that fills two values. */
async function gatherSetup(apiVersion: string, tracking = true) {
  const fake = createExcelFake({ apiVersion });
  const master = buildSheet(genSections(), { tracking, name: GEN }).snapshot;
  fake.addSheet(master);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const events: string[] = [];
  const stop = await host.watchSheet!(GEN, () => void events.push('changed'));
  expect(stop).not.toBeNull();
  const report = cloneSections(genSections());
  report[0].tasks[1].status = 'Hoàn thành';
  report[1].tasks[0].status = 'Chưa thực hiện';
  const rs = buildSheet(report).snapshot;
  const prepared = prepareMaster(master, OPTS);
  const result: GatherResult = {
    ...gather(prepared, [{ file: 'a.xlsx', snapshot: rs, report: analyzeSheet(rs, OPTS) }]),
    addedColumns: prepared.added,
  };
  fake.resetSyncs();
  const toggles = recordToggles(fake.book);
  return { fake, host, events, result, toggles };
}

const cellOf = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;

describe('Office host: Gộp báo cáo and the comparison’s marks do not fire onChanged (ExcelApi 1.8)', () => {
  it('gathered values: still 2 round trips, written, no change event; a user edit afterwards still fires', async () => {
    const { fake, host, events, result, toggles } = await gatherSetup('1.13');
    expect(result.applied.map((a) => [a.tt, a.after])).toEqual([
      ['2', 'Hoàn thành'],
      ['1', 'Chưa thực hiện'],
    ]);
    await host.applyGather!(result, 'vi');
    expect(fake.syncs).toBe(2);
    for (const a of result.applied) expect(fake.cells(GEN)[cellOf(a.row, a.col)]?.v).toBe(a.after);
    expect(fake.sheetNames()).toContain('PC Gộp báo cáo');
    expect(toggles).toEqual([false, true]);
    await settle();
    expect(events).toEqual([]);
    fake.setCell(GEN, 'B5', 'đã sửa');
    await settle();
    expect(events).toEqual(['changed']);
  });

  it('gathered values with the tracking columns added first: 2 round trips, no change event', async () => {
    const { fake, host, events, result, toggles } = await gatherSetup('1.13', false);
    expect(result.addedColumns.length).toBeGreaterThan(0);
    await host.applyGather!(result, 'vi');
    expect(fake.syncs).toBe(2);
    expect(fake.cells(GEN).F2?.v).toBe('Tình trạng');
    expect(toggles).toEqual([false, true]);
    await settle();
    expect(events).toEqual([]);
  });

  it('a gathering batch that fails part-way switches events back on (one more round trip) and rethrows', async () => {
    const { fake, host, events, result, toggles } = await gatherSetup('1.13');
    fake.book.faultOnWrite = () => new FakeOfficeError('InvalidArgument', 'injected');
    await expect(host.applyGather!(result, 'vi')).rejects.toThrow('injected');
    fake.book.faultOnWrite = undefined;
    expect(fake.syncs).toBe(3);
    expect(toggles).toEqual([false, true]);
    expect(fake.book.eventsEnabled).toBe(true);
    fake.setCell(GEN, 'B5', 'đã sửa');
    await settle();
    expect(events).toEqual(['changed']);
  });

  it('below ExcelApi 1.8 the gathering is written in as many round trips, and does fire', async () => {
    const { fake, host, events, result, toggles } = await gatherSetup('1.7');
    await host.applyGather!(result, 'vi');
    expect(fake.syncs).toBe(2);
    expect(toggles).toEqual([]);
    await settle();
    expect(events.length).toBeGreaterThan(0);
  });

  it('the comparison’s marks (So sánh với bản trước): mark and clear, 2 round trips each, no change event', async () => {
    const fake = createExcelFake({ apiVersion: '1.13' });
    const newer = cloneSections(genSections());
    newer[1].tasks[1].deadline = 'Quý III/2026';
    fake.addSheet(buildSheet(newer, { name: GEN }).snapshot);
    const host = createOfficeHost(fake.Excel, fake.Office);
    const events: string[] = [];
    await host.watchSheet!(GEN, () => void events.push('changed'));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const older = buildSheet(genSections(), { name: GEN }).snapshot;
    const ws = wb.addWorksheet(older.name);
    older.values.forEach((row, r) =>
      row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as never)),
    );
    const store = createGatherStore(host);
    await store.compare(
      GEN,
      { name: 'v1.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) },
      { asOf: OPTS.asOf, lang: 'vi', writeSheet: false },
    );
    expect(store.getState().comparison!.marks.rules.length).toBe(1);
    fake.resetSyncs();
    const toggles = recordToggles(fake.book);
    await store.mark();
    expect(store.getState().error).toBeNull();
    expect(fake.syncs).toBe(2);
    expect(
      fake.sheet(GEN)!.cfs.filter((cf) => isOwnMarkFormula(cf.formula)).length,
    ).toBeGreaterThan(0);
    await store.unmark();
    expect(fake.syncs).toBe(4);
    expect(fake.sheet(GEN)!.cfs.filter((cf) => isOwnMarkFormula(cf.formula))).toEqual([]);
    expect(toggles).toEqual([false, true, false, true]);
    await settle();
    expect(events).toEqual([]);
  });
});
