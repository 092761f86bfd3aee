import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { sheetSnapshot } from '../../src/adapters/xlsx/read';
import { applyGather } from '../../src/adapters/xlsx/gather-writer';
import { analyzeSheet } from '../../src/engine/analyze';
import {
  gather,
  prepareMaster,
  trackedValue,
  type GatherResult,
  type ReportInput,
} from '../../src/engine/gather';
import { TRACKING_STATUSES } from '../../src/engine/tracking-columns';
import { fold } from '../../src/engine/text';
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import {
  AGENCIES,
  buildSheet,
  cloneSections,
  PHRASES,
  STATUSES,
  type GenSection,
  type GenTask,
} from '../helpers/appendix-gen';

const AS_OF = '2026-11-22';
const opts = { asOf: AS_OF };

function task(tt: string, phrase: number, more: Partial<GenTask> = {}): GenTask {
  return {
    tt,
    text: PHRASES[phrase],
    lead: AGENCIES[phrase % AGENCIES.length],
    support: '',
    deadline: 'Năm 2026',
    status: '',
    doneDate: '',
    result: '',
    ...more,
  };
}

function masterSections(): GenSection[] {
  return [
    {
      label: 'I',
      title: 'Phát triển sản phẩm du lịch',
      tasks: [task('1', 0), task('2', 1), task('3', 2, { status: 'Đang thực hiện' })],
    },
    { label: 'II', title: 'Hạ tầng và kết nối', tasks: [task('1', 3), task('2', 4), task('3', 5)] },
  ];
}

function run(
  master: SheetSnapshot,
  reports: { file: string; sections: GenSection[]; tracking?: boolean }[],
): GatherResult {
  const prepared = prepareMaster(master, opts);
  const inputs: ReportInput[] = reports.map((r) => {
    const snapshot = buildSheet(r.sections, { tracking: r.tracking ?? true }).snapshot;
    return { file: r.file, snapshot, report: analyzeSheet(snapshot, opts) };
  });
  return { ...gather(prepared, inputs), addedColumns: prepared.added };
}

describe('gather reports into the master', () => {
  test('re-sorted, renumbered reports with other rows deleted: their filled values are applied, logged before/after', () => {
    const master = buildSheet(masterSections()).snapshot;
    // Report A: only its rows (I.3 and II.1), in another order, II.1 renumbered to 1 of section I.
    const a = cloneSections(masterSections());
    a[0].tasks = [a[0].tasks[2]];
    a[1].tasks = [
      {
        ...a[1].tasks[0],
        status: 'Hoàn thành',
        doneDate: '15/10/2026',
        result: 'Đã ban hành Quyết định 12/QĐ-UBND',
      },
    ];
    a[0].tasks[0] = { ...a[0].tasks[0], status: 'Hoàn thành' };
    a.reverse();
    a[0].tasks[0].tt = '7';
    const result = run(master, [{ file: 'a.xlsx', sections: a }]);
    expect(result.conflicts).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.applied.map((x) => [x.tt, x.field, x.before, x.after, x.source.file])).toEqual([
      ['3', 'status', 'Đang thực hiện', 'Hoàn thành', 'a.xlsx'],
      ['1', 'status', '', 'Hoàn thành', 'a.xlsx'],
      ['1', 'done-date', '', '15/10/2026', 'a.xlsx'],
      ['1', 'result', '', 'Đã ban hành Quyết định 12/QĐ-UBND', 'a.xlsx'],
    ]);
  });

  test('values equal to the master are no contribution and a blank never erases', () => {
    const master = buildSheet(masterSections()).snapshot;
    const copy = cloneSections(masterSections());
    copy[0].tasks[2].status = ''; // blanked in the report: the master keeps "Đang thực hiện"
    const same = run(master, [
      { file: 'a.xlsx', sections: copy },
      { file: 'b.xlsx', sections: masterSections() },
    ]);
    expect(same).toMatchObject({ applied: [], conflicts: [], unmatched: [] });
  });

  test('two reports contributing different values for one task and field: a conflict, neither applied', () => {
    const master = buildSheet(masterSections()).snapshot;
    const a = cloneSections(masterSections());
    const b = cloneSections(masterSections());
    a[1].tasks[1].status = 'Hoàn thành';
    b[1].tasks[1].status = 'Đang thực hiện';
    a[1].tasks[2].status = 'Hoàn thành';
    b[1].tasks[2].status = 'hoàn thành'; // the same value: applied once
    const result = run(master, [
      { file: 'a.xlsx', sections: a },
      { file: 'b.xlsx', sections: b },
    ]);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        tt: '2',
        field: 'status',
        master: '',
        values: [
          { value: 'Hoàn thành', source: expect.objectContaining({ file: 'a.xlsx' }) },
          { value: 'Đang thực hiện', source: expect.objectContaining({ file: 'b.xlsx' }) },
        ],
      }),
    ]);
    expect(result.applied.map((x) => [x.tt, x.after, x.source.file])).toEqual([
      ['3', 'Hoàn thành', 'a.xlsx'],
    ]);
  });

  test('a report row that matches no master task is listed, never applied', () => {
    const master = buildSheet(masterSections()).snapshot;
    const a = cloneSections(masterSections());
    a[1].tasks.push(task('9', 12, { status: 'Hoàn thành' }));
    const result = run(master, [{ file: 'a.xlsx', sections: a }]);
    expect(result.applied).toEqual([]);
    expect(result.unmatched).toEqual([
      expect.objectContaining({
        file: 'a.xlsx',
        tt: '9',
        task: PHRASES[12],
        values: { status: 'Hoàn thành' },
      }),
    ]);
  });

  test('a master without tracking columns gets them after the table first, planned as `track` plans them', () => {
    const master = buildSheet(masterSections(), { tracking: false }).snapshot;
    const prepared = prepareMaster(master, opts);
    expect(prepared.added.map((p) => [p.role, p.header, p.sheetCol])).toEqual([
      ['status', 'Tình trạng', 6],
      ['done-date', 'Ngày hoàn thành', 7],
      ['result', 'Kết quả / minh chứng', 8],
    ]);
    // The one planner of "Thêm cột theo dõi": the drop-down of statuses and the date rule come with them.
    expect(prepared.tracking!.columns.map((c) => c.letter)).toEqual(['F', 'G', 'H']);
    expect(prepared.tracking!.validations.map((v) => [v.kind, v.range.split(':')[0]])).toEqual([
      ['status-list', `F${prepared.tracking!.firstRow}`],
      ['date', `G${prepared.tracking!.firstRow}`],
    ]);
    expect(prepared.tracking!.validations[0].list).toEqual(TRACKING_STATUSES);
    expect(
      ['status', 'done-date', 'result'].map((r) => prepared.report.columnIndexes[r as 'status']),
    ).toEqual([5, 6, 7]);
    const a = cloneSections(masterSections());
    a[0].tasks[0].status = 'Hoàn thành';
    const result = run(master, [{ file: 'a.xlsx', sections: a }]);
    expect(result.addedColumns).toHaveLength(3);
    // The master's own "Đang thực hiện" was not in the master (no column): the report's copy of it is new.
    expect(result.applied.map((x) => [x.tt, x.field, x.after, x.col])).toEqual([
      ['1', 'status', 'Hoàn thành', 6],
      ['3', 'status', 'Đang thực hiện', 6],
    ]);
  });
});

describe("the master's tracking columns, planned by tracking-columns.ts", () => {
  test('only the missing roles are added: an existing "Kết quả" column is not doubled by an evidence column', () => {
    const full = buildSheet(masterSections(), { tracking: true }).snapshot;
    // Keep the result column (H, renamed "Kết quả") and drop status and completion date (F, G).
    const values = full.values.map((row, r) => {
      const out = row.slice();
      out[5] = null;
      out[6] = null;
      if (r === full.values.findIndex((x) => x.includes('Kết quả / minh chứng')))
        out[7] = 'Kết quả';
      return out;
    });
    const prepared = prepareMaster({ ...full, values }, opts);
    expect(prepared.added.map((p) => p.role)).toEqual(['status', 'done-date']);
    expect(prepared.added.map((p) => p.sheetCol)).toEqual([9, 10]);
  });

  test('a cell holding something right of the table (a row pasted out of line, a note): the columns go past it, never over it', () => {
    const master = buildSheet(masterSections(), { tracking: false }).snapshot;
    const values = master.values.map((row) => row.slice());
    const r = values.length - 1;
    while (values[r].length < 7) values[r].push(null);
    values[r][6] = 'ghi chú';
    const prepared = prepareMaster({ ...master, values }, opts);
    expect(prepared.added.map((p) => p.sheetCol)).toEqual([8, 9, 10]);
    // The header look is still the table's last header cell's.
    expect(prepared.tracking!.styleFrom).toBe(`E${prepared.tracking!.headerRow}`);
    expect(prepared.snapshot.values[r][6]).toBe('ghi chú');
  });

  test('a master with every tracking column: nothing planned', () => {
    const prepared = prepareMaster(buildSheet(masterSections(), { tracking: true }).snapshot, opts);
    expect([prepared.added, prepared.tracking]).toEqual([[], null]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: nothing lost, nothing outside the tracking columns changed.

function toWorkbook(snapshot: SheetSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(snapshot.name);
  snapshot.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  return wb;
}

const valueArb = (list: string[]) => fc.constantFrom('', 'same', ...list);
const rowEditArb = fc.record({
  keep: fc.boolean(),
  status: valueArb(STATUSES),
  doneDate: valueArb(['15/3/2026', '30/9/2026', 'tháng 10']),
  result: valueArb(['Đã ban hành kế hoạch', 'Đã tổ chức hội nghị', 'Báo cáo số 45/BC']),
});

const scenarioArb = fc.record({
  counts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 3 }),
  masterStatus: fc.array(valueArb(STATUSES), { minLength: 12, maxLength: 12 }),
  masterTracking: fc.boolean(),
  reports: fc.array(
    fc.record({
      rows: fc.array(rowEditArb, { minLength: 12, maxLength: 12 }),
      shuffle: fc.boolean(),
      renumber: fc.boolean(),
      extra: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

test('property: merging any set of reports never loses a non-empty tracking value and never changes a master cell outside the tracking columns', () => {
  fc.assert(
    fc.property(scenarioArb, ({ counts, masterStatus, masterTracking, reports }) => {
      let k = 0;
      const base: GenSection[] = counts.map((count, s) => ({
        label: ['I', 'II', 'III'][s],
        title: ['Sản phẩm', 'Hạ tầng', 'Quản lý'][s],
        tasks: Array.from({ length: count }, (_, i) => {
          const st = masterStatus[k];
          return task(String(i + 1), k++, { status: masterTracking && st !== 'same' ? st : '' });
        }),
      }));
      const master = buildSheet(base, { tracking: masterTracking }).snapshot;
      const inputs = reports.map((r, ri) => {
        const sections = cloneSections(base);
        let j = 0;
        for (const s of sections) {
          s.tasks = s.tasks.flatMap((t) => {
            const e = r.rows[j++];
            if (!e.keep) return [];
            const pick = (v: string, old: string) => (v === 'same' ? old : v);
            return [
              {
                ...t,
                status: pick(e.status, t.status),
                doneDate: pick(e.doneDate, t.doneDate),
                result: pick(e.result, t.result),
              },
            ];
          });
          if (r.shuffle) s.tasks.reverse();
          if (r.renumber) s.tasks.forEach((t, i) => (t.tt = String(i + 1)));
        }
        if (r.extra) sections[0].tasks.push(task('99', 20 + ri, { status: 'Hoàn thành' }));
        return { file: `r${ri}.xlsx`, sections };
      });
      const result = run(master, inputs);
      const wb = toWorkbook(master);
      applyGather(wb, result, 'vi');
      const after = sheetSnapshot(wb.getWorksheet(master.name)!);
      const afterReport = analyzeSheet(after, opts);
      const masterReport = analyzeSheet(master, opts);

      // 1. Outside the tracking columns (F:H, 0-based 5..7), every master cell is as it was.
      const width = Math.max(master.values[0].length, 5);
      for (let r = 0; r < master.values.length; r++) {
        for (let c = 0; c < width; c++) {
          if (c >= 5 && c <= 7) continue;
          const was: CellValue = master.values[r]?.[c] ?? null;
          expect([r, c, after.values[r]?.[c] ?? null]).toEqual([r, c, was]);
        }
      }
      // 2. Every non-empty report value: in the master, or a conflict from that source, or unmatched.
      for (const input of inputs) {
        const built = buildSheet(input.sections);
        const rep = analyzeSheet(built.snapshot, opts);
        for (const t of rep.tasks) {
          for (const field of ['status', 'done-date', 'result'] as const) {
            const v = trackedValue(built.snapshot, rep, t, field);
            if (!v) continue;
            if (result.unmatched.some((u) => u.file === input.file && u.row === t.row)) continue;
            if (
              result.conflicts.some(
                (c) =>
                  c.field === field &&
                  c.values.some((x) => x.source.file === input.file && x.source.row === t.row),
              )
            )
              continue;
            const mt = afterReport.tasks.find((x) => x.task === t.task)!;
            expect(mt).toBeDefined();
            const now = trackedValue(after, afterReport, mt, field);
            // The master's own value sent back is no contribution: it stays, or its replacement is logged.
            const original = masterReport.tasks.find((x) => x.task === t.task);
            const was = original ? trackedValue(master, masterReport, original, field) : null;
            if (was && fold(was.text) === fold(v.text)) {
              const replaced = result.applied.some(
                (a) => a.row === mt.row && a.field === field && fold(a.before) === fold(v.text),
              );
              expect(replaced || fold(now?.text ?? '') === fold(v.text)).toBe(true);
              continue;
            }
            expect([t.task, field, fold(now?.text ?? '')]).toEqual([t.task, field, fold(v.text)]);
          }
        }
      }
    }),
    { numRuns: 100 },
  );
});
