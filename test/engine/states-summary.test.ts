/**
 * Task states on boundary dates, the done-status spellings, summaries, the mark plan and the tables
 * the add-in writes.
 */
import { daysBetween, isDoneStatus, taskState } from '../../src/engine/states';
import { quarterKey, quarterSortKey, summarise } from '../../src/engine/summary';
import {
  MARK_ORDER,
  MARK_STYLES,
  MARK_TAG,
  isOwnMarkFormula,
  markFormula,
  planMarks,
  rowRuns,
} from '../../src/engine/marks';
import {
  buildFindingsTable,
  buildTaskAgencyTable,
  buildTaskTable,
  sheetCellRef,
  TASK_COLUMNS,
} from '../../src/engine/tables';
import type {
  AgencyRef,
  Deadline,
  Finding,
  SheetReport,
  Task,
  TaskState,
} from '../../src/engine/types';
import { t as msg } from '../../src/messages';
import { analyze, grid, H6, row6 } from '../helpers/grid';

const AS_OF = '2026-03-01';

const date = (due: string): Deadline => ({ text: due, due, kind: 'date' });
const period = (text: string, due: string): Deadline => ({ text, due, kind: 'period' });
const RECURRING: Deadline = { text: 'Thường xuyên', due: null, kind: 'recurring' };
const MISSING: Deadline = { text: '', due: null, kind: 'missing' };
const UNKNOWN: Deadline = { text: 'Sớm', due: null, kind: 'unknown' };

const state = (
  deadline: Deadline,
  status: string | null = null,
  doneDate: string | null = null,
  dueSoonDays = 15,
): TaskState => taskState({ deadline, status, doneDate }, AS_OF, dueSoonDays);

describe('daysBetween', () => {
  it('counts calendar days across months, leap days and years', () => {
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});

describe('taskState', () => {
  it('due today is due soon, not overdue', () => {
    expect(state(date('2026-03-01'))).toBe('due-soon');
  });

  it('due in 15 days with dueSoonDays 15 is due soon; in 16 days is open', () => {
    expect(state(date('2026-03-16'))).toBe('due-soon');
    expect(state(date('2026-03-17'))).toBe('open');
    expect(state(date('2026-03-17'), null, null, 16)).toBe('due-soon');
    expect(state(date('2026-03-16'), null, null, 14)).toBe('open');
  });

  it('dueSoonDays 0: only today is due soon', () => {
    expect(state(date('2026-03-01'), null, null, 0)).toBe('due-soon');
    expect(state(date('2026-03-02'), null, null, 0)).toBe('open');
  });

  it('overdue by one day', () => {
    expect(state(date('2026-02-28'))).toBe('overdue');
    expect(state(period('Quý IV/2025', '2025-12-31'))).toBe('overdue');
  });

  it('a period is due at its last day', () => {
    expect(state(period('Quý I/2026', '2026-03-31'))).toBe('open');
    expect(state(period('Tháng 3/2026', '2026-03-31'), null, null, 30)).toBe('due-soon');
  });

  it('done, with a completion date on time, on the due day, or late', () => {
    expect(state(date('2026-02-15'), 'Đã hoàn thành', '2026-02-10')).toBe('done-on-time');
    expect(state(date('2026-02-15'), 'Đã hoàn thành', '2026-02-15')).toBe('done-on-time');
    expect(state(date('2026-02-15'), 'Hoàn thành', '2026-02-16')).toBe('done-late');
  });

  it('done without a completion date, or without a due date', () => {
    expect(state(date('2026-02-15'), 'Đã hoàn thành')).toBe('done');
    expect(state(RECURRING, 'Đã hoàn thành', '2026-02-01')).toBe('done');
    expect(state(MISSING, 'Hoàn thành')).toBe('done');
  });

  it('a completion date alone (no status) means done', () => {
    expect(state(date('2026-02-15'), null, '2026-02-01')).toBe('done-on-time');
    expect(state(date('2026-02-15'), null, '2026-02-20')).toBe('done-late');
  });

  it('a status that is not done leaves the deadline to decide', () => {
    expect(state(date('2026-02-15'), 'Đang thực hiện')).toBe('overdue');
    expect(state(date('2026-02-15'), 'Chưa hoàn thành', '2026-02-10')).toBe('overdue');
    expect(state(date('2026-04-15'), 'Đang thực hiện')).toBe('open');
  });

  it('recurring is never overdue', () => {
    expect(state(RECURRING)).toBe('recurring');
    expect(state(RECURRING, 'Đang thực hiện')).toBe('recurring');
  });

  it('no deadline: missing or unreadable', () => {
    expect(state(MISSING)).toBe('no-deadline');
    expect(state(UNKNOWN)).toBe('no-deadline');
  });

  it('states through analyzeSheet with asOf and dueSoonDays', () => {
    const snap = grid(
      [...H6, 'Tình trạng', 'Ngày hoàn thành'],
      [
        [...row6('1', 'A', 'Sở Tài chính', '01/03/2026'), '', ''],
        [...row6('2', 'B', 'Sở Tài chính', '16/03/2026'), '', ''],
        [...row6('3', 'C', 'Sở Tài chính', '17/03/2026'), '', ''],
        [...row6('4', 'D', 'Sở Tài chính', '28/02/2026'), '', ''],
        [...row6('5', 'E', 'Sở Tài chính', 'Tháng 1/2026'), 'Đã hoàn thành', '20/01/2026'],
        [...row6('6', 'F', 'Sở Tài chính', 'Tháng 1/2026'), 'Đã hoàn thành', '05/02/2026'],
        [...row6('7', 'G', 'Sở Tài chính', 'Tháng 1/2026'), 'Hoàn thành', ''],
        [...row6('8', 'H', 'Sở Tài chính', 'Thường xuyên'), '', ''],
        [...row6('9', 'I', 'Sở Tài chính', ''), '', ''],
        [...row6('10', 'K', 'Sở Tài chính', 'Tháng 1/2026'), '', 46042], // an Excel date: 20/01/2026
      ],
      { formats: [[10, 7, 'dd/mm/yyyy']] },
    );
    const r = analyze(snap, { asOf: AS_OF, dueSoonDays: 15 });
    expect(r.tasks.map((x) => x.state)).toEqual([
      'due-soon',
      'due-soon',
      'open',
      'overdue',
      'done-on-time',
      'done-late',
      'done',
      'recurring',
      'no-deadline',
      'done-on-time',
    ]);
    expect(r.tasks[9].doneDate).toBe('2026-01-20');
    // The default is 15 days.
    expect(analyze(snap, { asOf: AS_OF }).tasks.map((x) => x.state)).toEqual(
      r.tasks.map((x) => x.state),
    );
    // Another day, other states: the engine has no clock of its own.
    expect(
      analyze(snap, { asOf: '2026-03-17' })
        .tasks.slice(0, 4)
        .map((x) => x.state),
    ).toEqual(['overdue', 'overdue', 'due-soon', 'overdue']);
  });
});

describe('isDoneStatus', () => {
  it.each([
    'Đã hoàn thành',
    'Hoàn thành',
    'HOÀN THÀNH',
    'Da hoan thanh',
    'Đã hoàn thành ',
    'Hoàn thành (trễ hạn)',
    'Đã xong',
    'Đã hoàn thành 100%',
    // "đăng" folds to "dang" and "chuẩn" to "chuan": neither is "đang" / "chưa".
    'Đã hoàn thành, đã đăng tải lên Cổng thông tin điện tử',
    'Hoàn thành đạt chuẩn',
  ])('%j is done', (s) => {
    expect(isDoneStatus(s)).toBe(true);
  });

  it.each([
    'Chưa hoàn thành',
    'Đang thực hiện',
    'Không hoàn thành',
    'Chưa thực hiện',
    'Chưa',
    'Hoàn thành một phần',
    'Hoàn thành 50%',
    'Đang triển khai',
    'Tạm dừng',
    '',
  ])('%j is not done', (s) => {
    expect(isDoneStatus(s)).toBe(false);
  });

  it('null is not done', () => {
    expect(isDoneStatus(null)).toBe(false);
  });
});

// --- Summaries, marks and tables on hand-made tasks -------------------------------------------

const ref = (name: string, kind: AgencyRef['kind'] = 'agency'): AgencyRef => ({
  name,
  raw: name,
  kind,
  known: true,
});

function task(over: Partial<Task> & { tt: string; row: number }): Task {
  return {
    rows: [over.row],
    section: 'I',
    group: null,
    task: `Nhiệm vụ ${over.tt}`,
    leader: null,
    inspector: null,
    lead: [ref('Sở Tài chính')],
    support: [],
    deadline: period('Quý I/2026', '2026-03-31'),
    result: null,
    status: null,
    doneDate: null,
    note: null,
    state: 'open',
    unassigned: false,
    ...over,
  };
}

function finding(
  row: number | null,
  severity: Finding['severity'],
  cell: string | null = row ? `D${row}` : null,
): Finding {
  return {
    code: 'x',
    severity,
    cell,
    row,
    col: row ? 4 : null,
    role: row ? 'lead' : null,
    messageId: 'finding.x',
    data: {},
    message: `m${row}`,
  };
}

function report(
  tasks: Task[],
  findings: Finding[] = [],
  name = 'Phụ lục 02',
  [firstColumn, lastColumn] = [1, 6],
): SheetReport {
  return {
    name,
    asOf: '2026-05-20',
    dueSoonDays: 15,
    headerRow: 1,
    headerHeight: 1,
    firstColumn,
    lastColumn,
    headerCells: [],
    columns: {},
    columnIndexes: {},
    missingRoles: [],
    planYear: 2026,
    sections: [],
    tasks,
    rows: [],
    findings,
    summary: summarise(tasks),
  };
}

describe('summarise', () => {
  it('a task with two lead agencies counts for each (and once per agency)', () => {
    const s = summarise([
      task({
        tt: '1',
        row: 2,
        lead: [ref('Sở Tài chính'), ref('Sở Nội vụ'), ref('Sở Tài chính')],
        state: 'overdue',
      }),
      task({ tt: '2', row: 3, lead: [ref('Sở Nội vụ')], state: 'open' }),
    ]);
    expect(s.total).toBe(2);
    expect(s.byLead).toEqual([
      { key: 'Sở Nội vụ', counts: { total: 2, overdue: 1, open: 1 } },
      { key: 'Sở Tài chính', counts: { total: 1, overdue: 1 } },
    ]);
    expect(s.byState).toEqual({ overdue: 1, open: 1 });
  });

  it('quarter keys are ordered chronologically, recurring and undated last', () => {
    const s = summarise([
      task({ tt: '1', row: 2, deadline: period('Quý II/2026', '2026-06-30') }),
      task({ tt: '2', row: 3, deadline: RECURRING, state: 'recurring' }),
      task({ tt: '3', row: 4, deadline: date('2025-11-15'), state: 'overdue' }),
      task({ tt: '4', row: 5, deadline: period('Quý IV/2026', '2026-12-31') }),
      task({ tt: '5', row: 6, deadline: date('2026-01-10'), state: 'overdue' }),
      task({ tt: '6', row: 7, deadline: period('Năm 2027', '2027-12-31') }),
      task({ tt: '7', row: 8, deadline: period('Quý I/2026', '2026-03-31') }),
    ]);
    expect(s.byQuarter.map((q) => q.key)).toEqual([
      '4/2025',
      '1/2026',
      '2/2026',
      '4/2026',
      '4/2027',
      '',
    ]);
    expect(s.byQuarter.find((q) => q.key === '1/2026')!.counts).toEqual({
      total: 2,
      overdue: 1,
      open: 1,
    });
    expect(quarterSortKey('10/2026')).toBe('9999-10/2026');
    expect(quarterKey(task({ tt: '1', row: 1, deadline: RECURRING }))).toBeNull();
    expect(quarterKey(task({ tt: '1', row: 1, deadline: date('2026-07-01') }))).toEqual({
      year: 2026,
      quarter: 3,
    });
  });

  it('unassigned tasks are counted, under the empty lead key', () => {
    const s = summarise([
      task({ tt: '1', row: 2, lead: [], unassigned: true, state: 'overdue' }),
      task({ tt: '2', row: 3, lead: [], unassigned: true }),
      task({ tt: '3', row: 4 }),
    ]);
    expect(s.unassigned).toBe(2);
    expect(s.byLead).toEqual([
      { key: '', counts: { total: 2, overdue: 1, open: 1, unassigned: 2 } },
      { key: 'Sở Tài chính', counts: { total: 1, open: 1 } },
    ]);
  });

  it('leaders, sections in sheet order, and support involvement', () => {
    const s = summarise(
      [
        task({
          tt: '1',
          row: 2,
          section: 'II',
          leader: 'PCT A',
          support: [ref('Sở Nội vụ'), ref('Sở Y tế')],
        }),
        task({
          tt: '2',
          row: 3,
          section: 'I',
          leader: 'PCT A',
          support: [ref('Sở Nội vụ'), ref('Sở Nội vụ')],
        }),
        task({ tt: '3', row: 4, section: null, leader: null }),
      ],
      ['II', 'I'],
    );
    expect(s.byLeader.map((x) => [x.key, x.counts.total])).toEqual([
      ['PCT A', 2],
      ['', 1],
    ]);
    expect(s.bySection.map((x) => x.key)).toEqual(['II', 'I', '']);
    expect(s.bySupport).toEqual([
      { key: 'Sở Nội vụ', count: 2 },
      { key: 'Sở Y tế', count: 1 },
    ]);
  });

  it('an empty table', () => {
    const { report, ...rest } = summarise([]);
    expect(rest).toEqual({
      total: 0,
      byState: {},
      unassigned: 0,
      byLead: [],
      byLeader: [],
      byQuarter: [],
      bySection: [],
      bySupport: [],
    });
    expect(report?.rows).toEqual([]);
    expect(report?.total.counts.total).toBe(0);
  });

  it('analyzeSheet fills the summary from its tasks (two leads in one cell)', () => {
    const r = analyze(
      grid(H6, [
        row6('1', 'A', 'Sở Tài chính; Sở Nội vụ', 'Tháng 1/2026'),
        row6('2', 'B', 'Sở Nội vụ', 'Quý II/2026'),
      ]),
    );
    expect(r.summary.total).toBe(2);
    expect(r.summary.byLead.map((x) => [x.key, x.counts])).toEqual([
      ['Sở Nội vụ', { total: 2, overdue: 1, open: 1 }],
      ['Sở Tài chính', { total: 1, overdue: 1 }],
    ]);
    expect(r.summary.byQuarter.map((x) => x.key)).toEqual(['1/2026', '2/2026']);
  });
});

describe('planMarks', () => {
  it('one kind per row, by priority: overdue > unassigned > due soon > error', () => {
    // The check's marks first, by priority; then a comparison's (planCompareMarks).
    expect(MARK_ORDER).toEqual([
      'overdue',
      'unassigned',
      'due-soon',
      'error',
      'added',
      'moved',
      'changed',
    ]);
    const plan = planMarks(
      report(
        [
          task({ tt: '1', row: 2, state: 'overdue', unassigned: true, lead: [] }),
          task({ tt: '2', row: 3, state: 'due-soon', unassigned: true, lead: [] }),
          task({ tt: '3', row: 4, state: 'due-soon' }),
          task({ tt: '4', row: 5, state: 'open' }),
          task({ tt: '5', row: 6, state: 'done' }),
        ],
        [
          finding(2, 'error'),
          finding(4, 'error'),
          finding(5, 'error'),
          finding(6, 'warning'),
          finding(null, 'error'),
        ],
      ),
    );
    const byRow = new Map<number, string>();
    for (const rule of plan.rules)
      for (const r of rule.rows) {
        expect(byRow.has(r)).toBe(false); // one kind per row
        byRow.set(r, rule.kind);
      }
    expect(Object.fromEntries(byRow)).toEqual({
      2: 'overdue',
      3: 'unassigned',
      4: 'due-soon',
      5: 'error',
    });
    expect(plan.rules.map((r) => r.kind)).toEqual(['overdue', 'unassigned', 'due-soon', 'error']);
  });

  it('adjacent rows are merged into ranges across the table width; continuation rows are marked too', () => {
    const plan = planMarks(
      report(
        [
          task({ tt: '1', row: 12, rows: [12, 13], state: 'overdue' }),
          task({ tt: '2', row: 14, state: 'overdue' }),
          task({ tt: '3', row: 16, state: 'overdue' }),
          task({ tt: '4', row: 20, state: 'due-soon' }),
          task({ tt: '5', row: 21, state: 'due-soon' }),
        ],
        [],
        'Phụ lục 02',
        [1, 8],
      ),
    );
    expect(plan.sheet).toBe('Phụ lục 02');
    expect(plan.rules).toEqual([
      {
        kind: 'overdue',
        style: MARK_STYLES.overdue,
        formula: markFormula('overdue'),
        ranges: ['A12:H14', 'A16:H16'],
        rows: [12, 13, 14, 16],
      },
      {
        kind: 'due-soon',
        style: MARK_STYLES['due-soon'],
        formula: markFormula('due-soon'),
        ranges: ['A20:H21'],
        rows: [20, 21],
      },
    ]);
  });

  it('the ranges follow the table’s first and last column, as the report carries them', () => {
    const plan = planMarks(
      report([task({ tt: '1', row: 5, state: 'overdue' })], [], 'Phụ lục 02', [3, 28]),
    );
    expect(plan.rules[0].ranges).toEqual(['C5:AB5']);
  });

  it('error rows are marked; warnings and sheet-level errors are not', () => {
    const plan = planMarks(
      report(
        [task({ tt: '1', row: 2 })],
        [finding(2, 'error'), finding(3, 'warning'), finding(4, 'info'), finding(null, 'error')],
      ),
    );
    expect(plan.rules).toEqual([
      {
        kind: 'error',
        style: MARK_STYLES.error,
        formula: markFormula('error'),
        ranges: ['A2:F2'],
        rows: [2],
      },
    ]);
  });

  it('nothing to mark: no rules', () => {
    expect(
      planMarks(report([task({ tt: '1', row: 2 }), task({ tt: '2', row: 3, state: 'recurring' })]))
        .rules,
    ).toEqual([]);
  });

  it('formulas are tagged as the add-in’s own and always true', () => {
    for (const kind of MARK_ORDER) {
      const f = markFormula(kind);
      expect(f).toBe(`=N("${MARK_TAG}:${kind}")=0`);
      expect(isOwnMarkFormula(f)).toBe(true);
    }
    expect(isOwnMarkFormula('=$A1>0')).toBe(false);
    expect(isOwnMarkFormula(null)).toBe(false);
    expect(isOwnMarkFormula(undefined)).toBe(false);
  });

  it('rowRuns', () => {
    expect(rowRuns([5, 3, 4, 9, 9, 11, 10, 1])).toEqual([
      [1, 1],
      [3, 5],
      [9, 11],
    ]);
    expect(rowRuns([])).toEqual([]);
  });

  it('on an analysed sheet: the overdue unassigned row is overdue, an error row is an error', () => {
    // The body has a merge, so the blank lead on row 3 is really blank.
    const snap = grid(
      H6,
      [
        row6('1', 'A', 'Sở Tài chính', 'Tháng 1/2026'),
        row6('2', 'B', '', 'Tháng 1/2026'),
        row6('3', 'C', '', 'Quý III/2026'),
        row6('4', 'D', 'Sở Tài chính', 'Sớm nhất có thể', { leader: 'PCT' }),
      ],
      { merges: [{ top: 4, left: 2, bottom: 5, right: 2 }] },
    );
    const r = analyze(snap);
    expect(r.tasks.map((x) => [x.state, x.unassigned])).toEqual([
      ['overdue', false],
      ['overdue', true],
      ['open', true],
      ['no-deadline', false],
    ]);
    // The report knows the table's width: the six header columns.
    expect([r.firstColumn, r.lastColumn]).toEqual([1, 6]);
    const plan = planMarks(r);
    expect(plan.rules.map((x) => [x.kind, x.ranges])).toEqual([
      ['overdue', ['A2:F3']],
      ['unassigned', ['A4:F4']],
      ['error', ['A5:F5']],
    ]);
  });
});

describe('tables', () => {
  const tasks = [
    task({
      tt: '1',
      row: 12,
      rows: [12, 13],
      section: 'I',
      leader: 'Phó Chủ tịch UBND tỉnh',
      lead: [
        { name: 'Sở Văn hóa, Thể thao và Du lịch', raw: 'Sở VHTTDL', kind: 'agency', known: true },
      ],
      support: [ref('Sở Tài chính'), ref('Sở Nội vụ')],
      deadline: period('Quý II/2026', '2026-06-30'),
      state: 'open',
      status: 'Đang thực hiện',
    }),
    task({
      tt: '2',
      row: 14,
      section: null,
      lead: [],
      unassigned: true,
      deadline: RECURRING,
      state: 'recurring',
    }),
  ];
  const rep = report(tasks, [
    {
      ...finding(12, 'error'),
      code: 'lead-missing',
      cell: 'E12',
      role: 'lead',
      message: 'M1',
      suggestion: 'Sở Tài chính',
    },
    { ...finding(null, 'warning'), code: 'role-missing', message: 'M2' },
  ]);

  it('buildTaskTable: one row per task, headers in the chosen language', () => {
    const vi = buildTaskTable(rep, 'vi');
    const en = buildTaskTable(rep, 'en');
    expect(vi.name).toBe('PC_NhiemVu');
    expect(vi.name).toMatch(/^[A-Za-z0-9_]+$/);
    expect(vi.headers).toHaveLength(TASK_COLUMNS.length);
    expect(vi.headers).toEqual(TASK_COLUMNS.map((c) => msg('vi', `table.${c}`)));
    expect(en.headers).toEqual(TASK_COLUMNS.map((c) => msg('en', `table.${c}`)));
    expect(vi.headers.slice(0, 3)).toEqual(['Trang tính', 'Dòng', 'TT']);
    expect(en.headers.slice(0, 3)).toEqual(['Sheet', 'Row', 'No.']);
    expect(vi.headers.every((h, i) => h !== `table.${TASK_COLUMNS[i]}`)).toBe(true);
    expect(vi.rows).toHaveLength(2);
    for (const row of [...vi.rows, ...en.rows]) expect(row).toHaveLength(TASK_COLUMNS.length);
    expect(vi.rows[0]).toEqual([
      'Phụ lục 02',
      12,
      '1',
      'I',
      'Nhiệm vụ 1',
      'Phó Chủ tịch UBND tỉnh',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở VHTTDL',
      'Sở Tài chính; Sở Nội vụ',
      'Quý II/2026',
      { date: '2026-06-30' },
      'Quý 2/2026',
      'Đang thực hiện, trong hạn',
      false,
      'Đang thực hiện',
      'Đang thực hiện trong hạn',
    ]);
    expect(vi.rows[1]).toEqual([
      'Phụ lục 02',
      14,
      '2',
      '',
      'Nhiệm vụ 2',
      '',
      '(Chưa có cơ quan chủ trì)',
      '',
      '',
      'Thường xuyên',
      null,
      '(Không có thời hạn)',
      'Thường xuyên',
      true,
      '',
      'Thường xuyên',
    ]);
    const col = (c: (typeof TASK_COLUMNS)[number]) => TASK_COLUMNS.indexOf(c);
    expect(en.rows[0][col('quarter')]).toBe('Q2/2026');
    expect(en.rows[0][col('state')]).toBe('In progress, on time');
    expect(en.rows[1][col('lead')]).toBe('(No lead agency)');
    expect(en.rows[1][col('quarter')]).toBe('(No deadline)');
  });

  it('buildTaskAgencyTable: one row per task × agency, roles named in the language', () => {
    const vi = buildTaskAgencyTable(rep, 'vi');
    expect(vi.name).toBe('PC_CoQuan');
    expect(vi.headers).toEqual([
      'Dòng',
      'TT',
      'Vai trò',
      'Cơ quan',
      'Như đã ghi',
      'Tình trạng',
      'Quý',
      'Phân loại báo cáo',
    ]);
    expect(vi.rows).toEqual([
      [
        12,
        '1',
        'Cơ quan chủ trì',
        'Sở Văn hóa, Thể thao và Du lịch',
        'Sở VHTTDL',
        'Đang thực hiện, trong hạn',
        'Quý 2/2026',
        'Đang thực hiện trong hạn',
      ],
      [
        12,
        '1',
        'Cơ quan phối hợp',
        'Sở Tài chính',
        'Sở Tài chính',
        'Đang thực hiện, trong hạn',
        'Quý 2/2026',
        'Đang thực hiện trong hạn',
      ],
      [
        12,
        '1',
        'Cơ quan phối hợp',
        'Sở Nội vụ',
        'Sở Nội vụ',
        'Đang thực hiện, trong hạn',
        'Quý 2/2026',
        'Đang thực hiện trong hạn',
      ],
    ]);
    const en = buildTaskAgencyTable(rep, 'en');
    expect(en.headers).toEqual([
      'Row',
      'No.',
      'Role',
      'Agency',
      'As written',
      'State',
      'Quarter',
      'Report category',
    ]);
    expect(en.rows.map((r) => r[2])).toEqual([
      'Lead agency',
      'Supporting agencies',
      'Supporting agencies',
    ]);
  });

  it('buildFindingsTable: a link to each cell, blank for sheet-level findings', () => {
    const vi = buildFindingsTable(rep, 'vi');
    expect(vi.name).toBe('PC_KetQua');
    expect(vi.headers).toEqual(['Mức độ', 'Mã lỗi', 'Ô', 'Dòng', 'Vai trò', 'Nội dung', 'Gợi ý']);
    expect(vi.rows).toEqual([
      [
        'Lỗi',
        'lead-missing',
        { link: "'Phụ lục 02'!E12", text: 'E12' },
        12,
        'Cơ quan chủ trì',
        'M1',
        'Sở Tài chính',
      ],
      ['Cảnh báo', 'role-missing', '', '', '', 'M2', ''],
    ]);
    const en = buildFindingsTable(rep, 'en');
    expect(en.headers).toEqual([
      'Severity',
      'Code',
      'Cell',
      'Row',
      'Role',
      'Message',
      'Suggestion',
    ]);
    expect(en.rows[0].slice(0, 5)).toEqual([
      'Error',
      'lead-missing',
      { link: "'Phụ lục 02'!E12", text: 'E12' },
      12,
      'Lead agency',
    ]);
  });

  it('sheet names with quotes are escaped in links', () => {
    expect(sheetCellRef("Bảng 'A'", 'B2')).toBe("'Bảng ''A'''!B2");
  });

  it('tables of an analysed sheet have as many rows as tasks / agencies / findings', () => {
    const r = analyze(
      grid(H6, [
        row6('1', 'A', 'Sở Tài chính', 'Quý I/2026', { support: 'Sở Nội vụ, Sở Y tế' }),
        row6('2', '', '', ''),
      ]),
      { lang: 'en' },
    );
    expect(buildTaskTable(r, 'en').rows).toHaveLength(r.tasks.length);
    expect(buildTaskAgencyTable(r, 'en').rows).toHaveLength(
      r.tasks.reduce((n, x) => n + x.lead.length + x.support.length, 0),
    );
    expect(buildFindingsTable(r, 'en').rows).toHaveLength(r.findings.length);
    expect(buildFindingsTable(r, 'en').rows.every((row) => row.length === 7)).toBe(true);
  });
});
