/**
 * Issue 12: reporting categories beside `state`, the standard per-agency report and the reminder lists.
 */
import {
  taskCategory,
  buildStandardReport,
  buildReminders,
  quarterPeriod,
  REPORT_CATEGORIES,
  type ReportCategory,
} from '../../src/engine/tracking';
import { readStatus } from '../../src/engine/status';
import type { Deadline } from '../../src/engine/types';
import { analyze, grid } from '../helpers/grid';

const AS_OF = '2026-03-01';
const date = (due: string): Deadline => ({ text: due, due, kind: 'date' });
const RECURRING: Deadline = { text: 'Thường xuyên', due: null, kind: 'recurring' };
const MISSING: Deadline = { text: '', due: null, kind: 'missing' };

const cat = (
  deadline: Deadline,
  status: string | null = null,
  doneDate: string | null = null,
  dueSoonDays = 15,
): ReportCategory =>
  taskCategory(
    { deadline, status, doneDate, progress: status ? readStatus(status) : null },
    AS_OF,
    dueSoonDays,
  );

describe('taskCategory', () => {
  it('done on time and done late by the completion date against the due date', () => {
    expect(cat(date('2026-02-10'), 'Đã hoàn thành', '2026-02-10')).toBe('done-on-time');
    expect(cat(date('2026-02-10'), 'Đã hoàn thành', '2026-02-11')).toBe('done-late');
    // The date beats the status text's timing.
    expect(cat(date('2026-02-10'), 'Hoàn thành đúng hạn', '2026-02-20')).toBe('done-late');
    // A completion date alone (no status) says done.
    expect(cat(date('2026-02-10'), null, '2026-01-05')).toBe('done-on-time');
  });

  it('done on time or late from the status text only', () => {
    expect(cat(date('2026-01-31'), 'Hoàn thành quá hạn')).toBe('done-late');
    expect(cat(date('2026-01-31'), 'Hoàn thành chậm')).toBe('done-late');
    expect(cat(date('2026-01-31'), 'Hoàn thành đúng hạn')).toBe('done-on-time');
  });

  it('done without date or timing: on time while the deadline has not passed, else unknown', () => {
    expect(cat(date('2026-06-30'), 'Đã hoàn thành')).toBe('done-on-time');
    expect(cat(date('2026-01-31'), 'Đã hoàn thành')).toBe('done-undated');
  });

  it('in progress within time and overdue', () => {
    expect(cat(date('2026-06-30'), 'Đang thực hiện')).toBe('in-progress-on-time');
    expect(cat(date('2026-02-28'), 'Đang thực hiện')).toBe('in-progress-late');
    expect(cat(date('2026-06-30'), 'Tạm dừng')).toBe('in-progress-on-time');
    // The status says late although the deadline is ahead.
    expect(cat(date('2026-06-30'), 'Đang thực hiện quá hạn')).toBe('in-progress-late');
  });

  it('not started within time and overdue; an empty status is not started', () => {
    expect(cat(date('2026-06-30'), 'Chưa thực hiện')).toBe('not-started-on-time');
    expect(cat(date('2026-02-28'), 'Chưa thực hiện')).toBe('not-started-late');
    expect(cat(date('2026-06-30'))).toBe('not-started-on-time');
    expect(cat(date('2026-02-28'))).toBe('not-started-late');
  });

  it('due soon: not done and due within the window (today included)', () => {
    expect(cat(date('2026-03-01'))).toBe('due-soon');
    expect(cat(date('2026-03-16'), 'Đang thực hiện')).toBe('due-soon');
    expect(cat(date('2026-03-17'), 'Đang thực hiện')).toBe('in-progress-on-time');
    expect(cat(date('2026-03-17'), 'Đang thực hiện', null, 16)).toBe('due-soon');
    // Done tasks are never due soon.
    expect(cat(date('2026-03-05'), 'Đã hoàn thành')).toBe('done-on-time');
  });

  it('recurring and no deadline', () => {
    expect(cat(RECURRING)).toBe('recurring');
    expect(cat(RECURRING, 'Đang thực hiện')).toBe('recurring');
    expect(cat(MISSING)).toBe('no-deadline');
    expect(cat({ text: 'Sớm', due: null, kind: 'unknown' }, 'Đang thực hiện')).toBe('no-deadline');
    expect(cat(MISSING, 'Quá hạn')).toBe('in-progress-late');
  });
});

const H = [
  'TT',
  'Nhiệm vụ',
  'Lãnh đạo phụ trách',
  'Cơ quan chủ trì',
  'Thời gian thực hiện',
  'Tình trạng',
  'Ngày hoàn thành',
];
const sheet = () =>
  analyze(
    grid(H, [
      ['1', 'Việc một', 'PCT A', 'Sở Tài chính', '31/01/2026', 'Đã hoàn thành', '20/01/2026'],
      ['2', 'Việc hai', 'PCT A', 'Sở Tài chính', '31/01/2026', 'Đã hoàn thành', '10/02/2026'],
      ['3', 'Việc ba', 'PCT B', 'Sở Tài chính; Sở Nội vụ', '15/02/2026', 'Đang thực hiện', ''],
      ['4', 'Việc bốn', 'PCT B', 'Sở Nội vụ', '10/03/2026', '', ''],
      ['5', 'Việc năm', 'PCT B', 'Sở Nội vụ', '30/06/2026', 'Chưa thực hiện', ''],
      ['6', 'Việc sáu', 'PCT A', 'Sở Tài chính', 'Thường xuyên', '', ''],
      ['7', 'Việc bảy', 'PCT A', 'Sở Nội vụ', '01/01/2026', 'Chưa thực hiện', ''],
    ]),
  );

describe('engine tasks carry a category beside state', () => {
  it('every task has one and state keeps its values', () => {
    const r = sheet();
    expect(r.tasks.map((t) => t.category)).toEqual([
      'done-on-time',
      'done-late',
      'in-progress-late',
      'due-soon',
      'not-started-on-time',
      'recurring',
      'not-started-late',
    ]);
    expect(r.tasks.map((t) => t.state)).toEqual([
      'done-on-time',
      'done-late',
      'overdue',
      'due-soon',
      'open',
      'recurring',
      'overdue',
    ]);
  });
});

describe('the standard report', () => {
  it('one row per lead agency, a task with two leads counted for each, a total counting each task once', () => {
    const rep = sheet().summary.report!;
    expect(rep.rows.map((r) => r.agency)).toEqual(['Sở Nội vụ', 'Sở Tài chính']);
    const tc = rep.rows[1].counts;
    expect(tc).toMatchObject({
      total: 4,
      done: 2,
      doneOnTime: 1,
      doneLate: 1,
      inProgress: 1,
      inProgressLate: 1,
      notStarted: 0,
      recurring: 1,
      dueSoon: 0,
    });
    expect(tc.onTimeRate).toBe(25);
    const nv = rep.rows[0].counts;
    expect(nv).toMatchObject({
      total: 4,
      done: 0,
      inProgress: 1,
      inProgressLate: 1,
      notStarted: 2,
      dueSoon: 1,
      recurring: 0,
      onTimeRate: 0,
    });
    expect(rep.total.counts).toMatchObject({
      total: 7,
      done: 2,
      doneOnTime: 1,
      doneLate: 1,
      inProgress: 1,
      notStarted: 2,
      dueSoon: 1,
      recurring: 1,
    });
    expect(rep.total.counts.onTimeRate).toBeCloseTo(14.3, 5);
    // Categories partition each row.
    for (const row of [...rep.rows, rep.total]) {
      expect(REPORT_CATEGORIES.reduce((s, c) => s + row.byCategory[c], 0)).toBe(row.counts.total);
    }
  });

  it('tasks with no lead agency get the last row', () => {
    const rep = buildStandardReport(
      analyze(
        grid(H, [
          ['1', 'Việc một', '', '', '31/12/2026', '', ''],
          ['2', 'Việc hai', '', 'Sở Tài chính', '31/12/2026', '', ''],
        ]),
      ).tasks,
    );
    expect(rep.rows.map((r) => r.agency)).toEqual(['Sở Tài chính', '']);
  });
});

describe('reminders', () => {
  it('per lead agency, its overdue and due-soon tasks, most overdue first', () => {
    const r = sheet();
    const rem = r.summary.reminders!;
    expect(rem.map((a) => a.agency)).toEqual(['Sở Nội vụ', 'Sở Tài chính']);
    const nv = rem[0];
    expect(nv.tasks.map((t) => [t.tt, t.daysOverdue])).toEqual([
      ['7', 59],
      ['3', 14],
      ['4', -9],
    ]);
    expect(nv).toMatchObject({ overdue: 2, dueSoon: 1 });
    expect(nv.tasks[0]).toMatchObject({
      task: 'Việc bảy',
      leader: 'PCT A',
      status: 'Chưa thực hiện',
      deadline: '01/01/2026',
      due: '2026-01-01',
    });
    expect(rem[1].tasks.map((t) => t.tt)).toEqual(['3']);
    // Categories are as of the check's date: nothing is late or due soon three months earlier.
    const early = analyze(
      grid(H, [
        ['1', 'Việc một', 'PCT A', 'Sở Nội vụ', '01/01/2026', 'Chưa thực hiện', ''],
        ['2', 'Việc hai', 'PCT A', 'Sở Nội vụ', '10/12/2025', 'Chưa thực hiện', ''],
      ]),
      { asOf: '2025-12-01' },
    );
    expect(early.summary.reminders).toEqual([
      {
        agency: 'Sở Nội vụ',
        overdue: 0,
        dueSoon: 1,
        tasks: [expect.objectContaining({ tt: '2', daysOverdue: -9 })],
      },
    ]);
    expect(buildReminders(early.tasks, '2025-12-01')).toEqual(early.summary.reminders);
  });
});

describe('quarterPeriod', () => {
  it("defaults to the as-of date's quarter", () => {
    expect(quarterPeriod('2026-03-01')).toEqual({
      year: 2026,
      quarter: 1,
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(quarterPeriod('2026-11-30')).toMatchObject({
      quarter: 4,
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(quarterPeriod('2026-11-30', { year: 2026, quarter: 2 })).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
    });
  });
});
