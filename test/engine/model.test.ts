/**
 * The sheet model: row classification, merged cells, inheritance of blank cells (lost vertical
 * merges), re-alignment of shifted rows, and tasks joined with their continuation rows.
 */
import {
  buildModel,
  isNumberTt,
  normaliseTt,
  romanValue,
  sectionLabel,
} from '../../src/engine/model';
import type { RowClass, SheetReport } from '../../src/engine/types';
import { analyze, AS_OF, grid, H6, H8, row6, type Cell } from '../helpers/grid';

const TC = 'Sở Tài chính';
const NV = 'Sở Nội vụ';
const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
const Q1 = 'Quý I/2026';

const classes = (r: SheetReport): [number, RowClass][] => r.rows.map((x) => [x.row, x.cls]);
const names = (refs: readonly { name: string }[]) => refs.map((x) => x.name);
const codes = (r: SheetReport) => r.findings.map((f) => f.code);

describe('task numbers and section labels', () => {
  it.each([
    ['I', 'I'],
    ['IV', 'IV'],
    ['XVI', 'XVI'],
    ['II.', 'II'],
    ['III:', 'III'],
    ['Phần II', 'II'],
    ['Mục IV', 'IV'],
    ['I. Đổi mới tư duy', 'I'],
    ['II - Cơ chế, chính sách', 'II'],
    ['XIV) Hợp tác quốc tế', 'XIV'],
  ])('sectionLabel(%j) = %j', (tt, label) => {
    expect(sectionLabel(tt)).toBe(label);
  });

  it.each(['1', '1.1', 'Vận động nhân dân', 'C. Nội dung', 'v. nội dung', 'IIII', 'Ghi chú', ''])(
    'sectionLabel(%j) is null',
    (tt) => {
      expect(sectionLabel(tt)).toBeNull();
    },
  );

  it('roman values', () => {
    expect(['I', 'IV', 'V', 'IX', 'XIV', 'XV', 'XVI', 'XL'].map(romanValue)).toEqual([
      1, 4, 5, 9, 14, 15, 16, 40,
    ]);
  });

  it.each(['1', '12', '1.1', '2.2.1', '3.4.', '1.', 'a)', 'đ)', '1000', '49999', '1000.2'])(
    '%j is a task number',
    (tt) => {
      expect(isNumberTt(tt)).toBe(true);
    },
  );

  it.each(['', 'I', 'a', '1a', 'Nhiệm vụ', '1,2', '(1)', '1.1000'])(
    '%j is not a task number',
    (tt) => {
      expect(isNumberTt(tt)).toBe(false);
    },
  );

  it('normalises a trailing dot', () => {
    expect(normaliseTt('3.4.')).toBe('3.4');
    expect(normaliseTt('3.')).toBe('3');
    expect(normaliseTt('3.4')).toBe('3.4');
  });
});

describe('row classification', () => {
  it('sections are recognised by their Roman number, bold or not', () => {
    const rows: Cell[][] = [
      ['I', 'Mục một'],
      row6('1', 'A', TC, Q1),
      ['II', 'Mục hai'],
      row6('1', 'B', TC, Q1),
    ];
    const bold = analyze(grid(H6, rows, { boldRows: [0, 2] }));
    const plain = analyze(grid(H6, rows));
    const markup = analyze(
      grid(H6, [
        ['<b>I</b>', '<b>Mục một</b>'],
        row6('1', 'A', TC, Q1),
        ['<b>II</b>', '<b>Mục hai</b>'],
        row6('1', 'B', TC, Q1),
      ]),
    );
    for (const r of [bold, plain, markup]) {
      expect(classes(r)).toEqual([
        [2, 'section'],
        [3, 'task'],
        [4, 'section'],
        [5, 'task'],
      ]);
      expect(r.sections).toEqual([
        { row: 2, label: 'I', title: 'Mục một' },
        { row: 4, label: 'II', title: 'Mục hai' },
      ]);
      expect(r.tasks.map((t) => [t.tt, t.section])).toEqual([
        ['1', 'I'],
        ['1', 'II'],
      ]);
    }
    const model = buildModel(grid(H6, rows, { boldRows: [0, 2] }), { asOf: AS_OF });
    expect(model.rows.map((r) => r.bold)).toEqual([true, false, true, false]);
  });

  it('a section number and title in one cell merged across the row is a section', () => {
    const snap = grid(
      H6,
      [
        ['I. ĐỔI MỚI TƯ DUY'],
        row6('1', 'A', TC, Q1),
        ['II - Cơ chế, chính sách'],
        row6('1', 'B', TC, Q1),
      ],
      {
        merges: [
          { top: 1, left: 0, bottom: 1, right: 5 },
          { top: 3, left: 0, bottom: 3, right: 5 },
        ],
      },
    );
    const r = analyze(snap);
    expect(classes(r)).toEqual([
      [2, 'section'],
      [3, 'task'],
      [4, 'section'],
      [5, 'task'],
    ]);
    expect(r.sections).toEqual([
      { row: 2, label: 'I', title: 'ĐỔI MỚI TƯ DUY' },
      { row: 4, label: 'II', title: 'Cơ chế, chính sách' },
    ]);
    // Each section starts its own numbering: 1 in II is not a duplicate of 1 in I.
    expect(r.findings).toEqual([]);
  });

  it("a numbered row whose number prefixes the next rows' heads them, even with its own assignment", () => {
    const r = analyze(
      grid(H6, [
        ['I', 'Mục một'],
        ['1', 'Nhóm nhiệm vụ 1'],
        row6('1.1', 'A', TC, Q1),
        row6('1.2', 'B', TC, Q1),
        row6('2', 'C', TC, Q1),
        row6('3', 'D', TC, Q1),
        row6('3.1', 'D1', TC, Q1),
        row6('4', 'E', TC, Q1),
      ]),
    );
    expect(classes(r)).toEqual([
      [2, 'section'],
      [3, 'group'],
      [4, 'task'],
      [5, 'task'],
      [6, 'task'],
      // "3" has its own lead and deadline, but 3.1 is numbered under it: a group, not a task.
      [7, 'group'],
      [8, 'task'],
      [9, 'task'],
    ]);
    expect(r.tasks.map((t) => [t.tt, t.group])).toEqual([
      ['1.1', '1'],
      ['1.2', '1'],
      ['2', null],
      ['3.1', '3'],
      ['4', null],
    ]);
    expect(r.summary.total).toBe(5);
    expect(r.findings).toEqual([]);
  });

  it('a list numbered past 999 keeps every task (numbers as text and as number cells), groups too', () => {
    const rows: Cell[][] = [['I', 'Mục một']];
    for (let n = 995; n <= 1005; n++) {
      const row = row6(String(n), `Nhiệm vụ ${n}`, TC, Q1);
      // Every other number as a number cell, as Excel keeps a typed 1000.
      if (n % 2) row[0] = n;
      rows.push(row);
    }
    rows.push(['1006', 'Nhóm 1006'], row6('1006.1', 'F1', TC, Q1), row6('1006.2', 'F2', TC, Q1));
    const r = analyze(grid(H6, rows));
    expect(r.tasks.map((t) => t.tt)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => String(995 + i)),
      '1006.1',
      '1006.2',
    ]);
    expect(r.tasks.slice(-2).map((t) => t.group)).toEqual(['1006', '1006']);
    expect(classes(r).filter(([, c]) => c === 'other')).toEqual([]);
  });

  it('a numbered heading over lettered items a), b) is their group: no task of its own, nothing missing', () => {
    const r = analyze(
      grid(H6, [
        ['I', 'Mục một'],
        ['1', 'Nhóm nhiệm vụ về du lịch'],
        row6('a)', 'A', TC, Q1),
        row6('b)', 'B', NV, Q1),
        row6('2', 'C', TC, Q1),
      ]),
    );
    expect(classes(r)).toEqual([
      [2, 'section'],
      [3, 'group'],
      [4, 'task'],
      [5, 'task'],
      [6, 'task'],
    ]);
    expect(r.tasks.map((t) => [t.tt, t.group])).toEqual([
      ['a)', '1'],
      ['b)', '1'],
      ['2', null],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('"2.2" above "2.2.1" is a group inside group "2"; the next "2.3" closes it', () => {
    const r = analyze(
      grid(H6, [
        ['2', 'Nhóm 2'],
        row6('2.1', 'A', TC, Q1),
        row6('2.2', 'B', TC, Q1),
        row6('2.2.1', 'B1', NV, Q1),
        row6('2.2.2', 'B2', '', Q1),
        row6('2.3', 'C', TC, Q1),
        row6('3', 'D', TC, Q1),
      ]),
    );
    expect(classes(r).map(([, c]) => c)).toEqual([
      'group',
      'task',
      'group',
      'task',
      'task',
      'task',
      'task',
    ]);
    expect(r.tasks.map((t) => [t.tt, t.group, t.unassigned])).toEqual([
      ['2.1', '2', false],
      ['2.2.1', '2.2', false],
      // A blank lead under a group that names one is unassigned; the group's lead is only offered.
      ['2.2.2', '2.2', true],
      ['2.3', '2', false],
      ['3', null, false],
    ]);
    // Counted once: the group row is not a task, its children are.
    expect(r.summary.total).toBe(5);
    expect(r.summary.unassigned).toBe(1);
  });

  it("a child with a blank lead is offered its group heading's lead as a fix", () => {
    const r = analyze(
      grid(H6, [row6('2', 'Nhóm 2', NV, Q1), row6('2.1', 'A', '', Q1), row6('2.2', 'B', '', Q1)]),
    );
    expect(r.tasks.map((t) => [t.tt, t.unassigned])).toEqual([
      ['2.1', true],
      ['2.2', true],
    ]);
    const f = r.findings.filter((x) => x.code === 'lead-missing');
    expect(f.map((x) => [x.cell, x.messageId, x.data.from, x.data.value])).toEqual([
      ['D3', 'finding.lead-missing.group', 2, NV],
      ['D4', 'finding.lead-missing.group', 2, NV],
    ]);
    expect(
      f[0].fixes!.map((x) => [
        x.id,
        x.edits.map((e) => [e.cell, e.before, e.after]),
        x.merges ?? [],
      ]),
    ).toEqual([
      ['lead-missing:D3:fill', [['D3', null, NV]], []],
      [
        'lead-missing:D3:merge',
        [
          ['D3', null, null],
          ['D4', null, null],
        ],
        ['D2:D4'],
      ],
    ]);
  });

  it('a bold group row in the 002 style (<b>2</b>) heads 2.1, 2.2', () => {
    const r = analyze(
      grid(H6, [
        ['<b>2</b>', '<b>Công tác tuyên truyền</b>'],
        row6('2.1', 'A', TC, Q1),
        row6('2.2', 'B', TC, Q1),
      ]),
    );
    expect(classes(r)).toEqual([
      [2, 'group'],
      [3, 'task'],
      [4, 'task'],
    ]);
    expect(r.tasks.map((t) => t.group)).toEqual(['2', '2']);
  });

  it('task numbers "3.4." and "a)" are tasks; lettered items under a number make it their group', () => {
    const r = analyze(
      grid(H6, [
        ['1', 'Nhóm'],
        row6('1.1', 'A', TC, Q1),
        row6('1.2', 'B', TC, Q1),
        row6('1.3.', 'C', TC, Q1),
        row6('a)', 'C-a', TC, Q1),
        row6('b)', 'C-b', TC, Q1),
        row6('1.4', 'D', TC, Q1),
      ]),
    );
    // "1.3." heads its parts a) and b), as "1" heads 1.1…: its work is theirs, counted once.
    expect(classes(r).map(([, c]) => c)).toEqual([
      'group',
      'task',
      'task',
      'group',
      'task',
      'task',
      'task',
    ]);
    expect(r.tasks.map((t) => [t.tt, t.group])).toEqual([
      ['1.1', '1'],
      ['1.2', '1'],
      ['a)', '1.3'],
      ['b)', '1.3'],
      ['1.4', '1'],
    ]);
    // The dotted number still counts in sequence: no gap, no step back.
    expect(codes(r).filter((c) => c === 'tt-numbering')).toEqual([]);
  });

  it('a repeated header is skipped, also when written in bold markup', () => {
    const repeated = H6.map((h) => `<b>${h}</b>`);
    const r = analyze(
      grid(H6, [
        row6('1', 'A', TC, Q1),
        [],
        repeated,
        row6('2', 'B', TC, Q1),
        [],
        H6,
        row6('3', 'C', TC, Q1),
      ]),
    );
    expect(classes(r)).toEqual([
      [2, 'task'],
      [3, 'blank'],
      [4, 'header'],
      [5, 'task'],
      [6, 'blank'],
      [7, 'header'],
      [8, 'task'],
    ]);
    expect(r.tasks.map((t) => t.tt)).toEqual(['1', '2', '3']);
    expect(r.findings.map((f) => [f.code, f.row])).toEqual([
      ['markup-in-cell', 4], // the <b> tags themselves are a finding of their own
      ['header-repeated', 4],
      ['header-repeated', 7],
    ]);
  });

  it('a row without a number after a page-break header continues the task above', () => {
    const r = analyze(
      grid(H6, [
        row6(
          '1',
          'Tổ chức 03 sản phẩm du lịch Sa Pa theo phương án xây dựng thành chuỗi sản phẩm',
          TC,
          Q1,
        ),
        [],
        H6,
        ['', 'với chất liệu tuyết, hoa, ánh sáng', '', '', NV, ''],
        row6('2', 'B', TC, Q1),
      ]),
    );
    expect(classes(r)).toEqual([
      [2, 'task'],
      [3, 'blank'],
      [4, 'header'],
      [5, 'continuation'],
      [6, 'task'],
    ]);
    expect(r.tasks[0].rows).toEqual([2, 5]);
    expect(r.tasks[0].task).toBe(
      'Tổ chức 03 sản phẩm du lịch Sa Pa theo phương án xây dựng thành chuỗi sản phẩm với chất liệu tuyết, hoa, ánh sáng',
    );
    expect(names(r.tasks[0].support)).toEqual([NV]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ['header-repeated', 'A4'],
      ['continuation-joined', 'B5'],
    ]);
  });

  it.each([
    ['numbers', ['1', '2', '3', '4', '5', '6']],
    ['numbers in brackets', ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']],
    ['number cells, one blank', [1, 2, 3, '', 5, 6]],
  ])(
    'a row numbering the columns (%s) under the header, and again after a page-break header, is part of the header',
    (_name, numbers) => {
      const long = 'Tổ chức 03 sản phẩm du lịch Sa Pa theo phương án xây dựng thành chuỗi sản phẩm';
      const r = analyze(
        grid(H6, [
          numbers,
          row6('1', long, TC, Q1),
          [],
          H6,
          numbers,
          ['', 'với chất liệu tuyết, hoa, ánh sáng', '', '', NV, ''],
          row6('2', 'B', TC, Q1),
        ]),
      );
      expect(classes(r)).toEqual([
        [2, 'header'],
        [3, 'task'],
        [4, 'blank'],
        [5, 'header'],
        [6, 'header'],
        [7, 'continuation'],
        [8, 'task'],
      ]);
      expect(r.tasks.map((t) => [t.tt, t.rows])).toEqual([
        ['1', [3, 7]],
        ['2', [8]],
      ]);
      // The repeated header is reported once; the numbers are not a task nor a header of their own.
      expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
        ['header-repeated', 'A5'],
        ['continuation-joined', 'B7'],
      ]);
    },
  );

  it('a first task that happens to hold numbers is still a task (the numbers must follow the columns)', () => {
    const r = analyze(grid(H6, [['1', '2', '', '4', '5', '7'], row6('2', 'B', TC, Q1)]));
    expect(classes(r)[0]).toEqual([2, 'task']);
    expect(r.tasks.map((t) => t.tt)).toEqual(['1', '2']);
  });

  it('an unnumbered task after a blank row is a task, after a continuation as after a task', () => {
    const r = analyze(
      grid(H6, [
        row6('1', 'A', TC, Q1),
        ['', 'phần tiếp theo'],
        [],
        row6('', 'B không số', TC, Q1),
        row6('2', 'C', TC, Q1),
        [],
        row6('', 'D không số', TC, Q1),
      ]),
    );
    expect(classes(r)).toEqual([
      [2, 'task'],
      [3, 'continuation'],
      [4, 'blank'],
      [5, 'task'],
      [6, 'task'],
      [7, 'blank'],
      [8, 'task'],
    ]);
    expect(r.tasks.map((t) => t.task)).toEqual([
      'A phần tiếp theo',
      'B không số',
      'C',
      'D không số',
    ]);
  });

  it('a table whose TT column is empty has its tasks (the first row under the header included)', () => {
    const r = analyze(
      grid(H6, [row6('', 'A', TC, Q1), row6('', 'B', NV, Q1), row6('', 'C', TC, Q1)]),
    );
    expect(classes(r)).toEqual([
      [2, 'task'],
      [3, 'task'],
      [4, 'task'],
    ]);
    // Under a title line (only a text: not a task), the same.
    const titled = analyze(
      grid(H6, [
        ['', '(Kèm theo Kế hoạch số 12/KH-UBND)'],
        row6('', 'A', TC, Q1),
        row6('', 'B', NV, Q1),
      ]),
    );
    expect(classes(titled).map(([, c]) => c)).toEqual(['other', 'task', 'task']);
    expect(r.tasks.map((t) => [t.task, names(t.lead)])).toEqual([
      ['A', [TC]],
      ['B', [NV]],
      ['C', [TC]],
    ]);
  });

  it('a table without a TT column is still read: its rows are unnumbered tasks', () => {
    const header = ['Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];
    const rows = [
      ['Xây dựng kế hoạch', TC, '', Q1],
      ['Tổ chức hội nghị', NV, TC, Q1],
    ];
    const none = analyze(grid(header, rows));
    expect(none.tasks.map((t) => [t.tt, t.task, names(t.lead)])).toEqual([
      ['', 'Xây dựng kế hoạch', [TC]],
      ['', 'Tổ chức hội nghị', [NV]],
    ]);
    expect(codes(none)).toEqual(['role-missing']);
    // A heading of its own on the left ("Lĩnh vực") is not a number column either.
    const field = analyze(
      grid(
        ['Lĩnh vực', ...header],
        rows.map((r) => ['Du lịch', ...r]),
      ),
    );
    expect(field.tasks.map((t) => t.task)).toEqual(['Xây dựng kế hoạch', 'Tổ chức hội nghị']);
    // A number column with a blank heading still gives the numbers.
    const blank = analyze(
      grid(
        ['', ...header],
        rows.map((r, i) => [String(i + 1), ...r]),
      ),
    );
    expect(blank.tasks.map((t) => t.tt)).toEqual(['1', '2']);
  });

  it('a row without a number directly under a task continues it', () => {
    const r = analyze(grid(H6, [row6('1', 'Phần đầu', TC, Q1), ['', 'phần sau']]));
    expect(classes(r)).toEqual([
      [2, 'task'],
      [3, 'continuation'],
    ]);
    expect(r.tasks).toHaveLength(1);
  });

  it('signature rows under the table are not joined into the last task', () => {
    const r = analyze(
      grid(H6, [
        row6('1', 'Nhiệm vụ A', TC, Q1),
        ['', 'TM. ỦY BAN NHÂN DÂN'],
        ['', 'KT. CHỦ TỊCH'],
        ['', 'PHÓ CHỦ TỊCH'],
        [],
        ['', 'Nơi nhận:'],
        ['', 'Ghi chú: số liệu tạm tính'],
        ['', 'Lưu ý: báo cáo trước ngày 15'],
        ['', 'Chú thích: (*) nhiệm vụ trọng tâm'],
      ]),
    );
    expect(classes(r).map(([, c]) => c)).toEqual([
      'task',
      'other',
      'other',
      'other',
      'blank',
      'other',
      'other',
      'other',
      'other',
    ]);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0].rows).toEqual([2]);
    expect(r.tasks[0].task).toBe('Nhiệm vụ A');
    expect(r.findings).toEqual([]);
  });

  it('blank rows are blank; a title line above the first section is not a task', () => {
    const r = analyze(
      grid(H6, [
        [],
        ['', '(Kèm theo Kế hoạch số 12/KH-UBND)'],
        ['I', 'Mục một'],
        row6('1', 'A', TC, Q1),
      ]),
    );
    expect(classes(r).map(([, c]) => c)).toEqual(['blank', 'other', 'section', 'task']);
    expect(r.tasks).toHaveLength(1);
  });
});

describe('merged cells', () => {
  it("a vertical merge's value belongs to every row it covers", () => {
    const snap = grid(
      H6,
      [
        row6('1', 'A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh' }),
        row6('2', 'B', '', 'Quý II/2026'),
        row6('3', 'C', '', 'Quý III/2026'),
      ],
      {
        merges: [
          { top: 1, left: 2, bottom: 3, right: 2 },
          { top: 1, left: 3, bottom: 3, right: 3 },
        ],
      },
    );
    const r = analyze(snap);
    expect(r.tasks.map((t) => [t.tt, t.leader, names(t.lead), t.deadline.due])).toEqual([
      ['1', 'Phó Chủ tịch UBND tỉnh', [TC], '2026-03-31'],
      ['2', 'Phó Chủ tịch UBND tỉnh', [TC], '2026-06-30'],
      ['3', 'Phó Chủ tịch UBND tỉnh', [TC], '2026-09-30'],
    ]);
    // A real merge is not a lost one.
    expect(r.findings).toEqual([]);
    const m = buildModel(snap, { asOf: AS_OF });
    expect(m.bodyHasMerges).toBe(true);
    expect(m.rows.map((x) => Boolean(x.merged[3]))).toEqual([false, true, true]);
  });

  it('a horizontal section merge does not copy the title into other columns', () => {
    const snap = grid(H6, [['I', 'Đổi mới tư duy'], row6('1', 'A', TC, Q1)], {
      merges: [{ top: 1, left: 1, bottom: 1, right: 5 }],
    });
    const r = analyze(snap);
    expect(r.sections).toEqual([{ row: 2, label: 'I', title: 'Đổi mới tư duy' }]);
    const m = buildModel(snap, { asOf: AS_OF });
    expect(m.rows[0].texts.slice(2).filter(Boolean)).toEqual([]);
    expect(r.tasks[0]).toMatchObject({
      task: 'A',
      leader: null,
      deadline: expect.objectContaining({ text: Q1 }),
    });
    expect(names(r.tasks[0].lead)).toEqual([TC]);
    expect(r.findings).toEqual([]);
  });

  it('a merge over a whole task block (two rows) makes one task read its values on both rows', () => {
    const snap = grid(
      H6,
      [row6('1', 'A', TC, Q1, { support: NV }), row6('2', 'B', '', '', { support: '' })],
      {
        merges: [
          { top: 1, left: 3, bottom: 2, right: 3 },
          { top: 1, left: 4, bottom: 2, right: 4 },
          { top: 1, left: 5, bottom: 2, right: 5 },
        ],
      },
    );
    const r = analyze(snap);
    expect(r.tasks.map((t) => [names(t.lead), names(t.support), t.deadline.due])).toEqual([
      [[TC], [NV], '2026-03-31'],
      [[TC], [NV], '2026-03-31'],
    ]);
  });
});

describe('blank cells stay blank; a lost vertical merge is a suggestion with fixes', () => {
  const body: Cell[][] = [
    ['I', 'Mục một'],
    ['1', 'A', 'Phó Chủ tịch UBND tỉnh', TC, NV, Q1],
    ['2', 'B', '', '', '', Q1],
    ['3', 'C', '', '', '', Q1],
    ['II', 'Mục hai'],
    ['1', 'D', '', '', '', Q1],
  ];

  it('a blank leader / lead is read as blank; the value above is offered, within the section', () => {
    const r = analyze(grid(H6, body));
    expect(
      r.tasks.map((t) => [t.section, t.tt, t.leader, names(t.lead), names(t.support)]),
    ).toEqual([
      ['I', '1', 'Phó Chủ tịch UBND tỉnh', [TC], [NV]],
      ['I', '2', null, [], []],
      ['I', '3', null, [], []],
      ['II', '1', null, [], []],
    ]);
    expect(r.tasks.map((t) => t.unassigned)).toEqual([false, true, true, true]);
    expect(r.summary.unassigned).toBe(3);
    expect(
      r.findings.map((f) => [f.code, f.cell, f.messageId, f.data.rows ?? f.data.from ?? '']),
    ).toEqual([
      // By row, errors first.
      ['lead-missing', 'D4', 'finding.lead-missing.lost-merge', 3],
      ['merge-lost', 'C4', 'finding.merge-lost', '4–5'],
      ['lead-missing', 'D5', 'finding.lead-missing.lost-merge', 3],
      // not across a section: nothing to offer
      ['lead-missing', 'D7', 'finding.lead-missing', ''],
    ]);
    const leader = r.findings[1];
    expect(leader.suggestion).toBe('Phó Chủ tịch UBND tỉnh');
    expect(
      leader.fixes!.map((x) => [
        x.id,
        x.messageId,
        x.edits.map((e) => `${e.cell}:${String(e.before)}→${String(e.after)}`),
        x.merges,
      ]),
    ).toEqual([
      [
        'merge-lost:C4:fill',
        'fix.merge-lost.fill',
        ['C4:null→Phó Chủ tịch UBND tỉnh', 'C5:null→Phó Chủ tịch UBND tỉnh'],
        undefined,
      ],
      ['merge-lost:C4:merge', 'fix.merge-lost.merge', ['C4:null→null', 'C5:null→null'], ['C3:C5']],
    ]);
    // Each unassigned task offers its own fill, and the merge of the whole blank run.
    expect(r.findings[2].fixes!.map((x) => [x.id, x.edits.map((e) => e.cell), x.merges])).toEqual([
      ['lead-missing:D5:fill', ['D5'], undefined],
      ['lead-missing:D5:merge', ['D4', 'D5'], ['D3:D5']],
    ]);
    expect(r.findings[3].fixes).toBeUndefined();
  });

  it('an inspector is offered like the leader (8-column sheet)', () => {
    const r = analyze(
      grid(H8, [
        ['1', 'A', 'Phó Chủ tịch UBND tỉnh', 'Giám đốc Sở VHTTDL', 'Sở VHTTDL', TC, Q1, ''],
        ['2', 'B', '', '', 'Sở VHTTDL', TC, Q1, ''],
      ]),
    );
    expect(r.tasks.map((t) => [t.leader, t.inspector])).toEqual([
      ['Phó Chủ tịch UBND tỉnh', 'Giám đốc Sở VHTTDL'],
      [null, null],
    ]);
    expect(
      r.findings.filter((f) => f.code === 'merge-lost').map((f) => [f.role, f.data.value]),
    ).toEqual([
      ['leader', 'Phó Chủ tịch UBND tỉnh'],
      ['inspector', 'Giám đốc Sở VHTTDL'],
    ]);
  });

  it('a blank cell under a real merged area belongs to it; a blank one elsewhere is still blank', () => {
    // One real vertical merge in the lead column (tasks 1–2), then a blank lead below it.
    const r = analyze(grid(H6, body, { merges: [{ top: 2, left: 3, bottom: 3, right: 3 }] }));
    expect(r.tasks.map((t) => [t.tt, names(t.lead), t.unassigned])).toEqual([
      ['1', [TC], false],
      ['2', [TC], false],
      ['3', [], true],
      ['1', [], true],
    ]);
    const f = r.findings.find((x) => x.code === 'lead-missing' && x.cell === 'D5')!;
    // The value shows on row 4 (under the merge), so that is the row named.
    expect(f.data.from).toBe(4);
    // The cell above is under the merge: only "fill" can restore the value (a new merge would overlap).
    expect(f.fixes!.map((x) => x.id)).toEqual(['lead-missing:D5:fill']);
  });

  it('a repeated header between the rows stops the merge, not the fill', () => {
    const r = analyze(grid(H6, [row6('1', 'A', TC, Q1), H6, row6('2', 'B', '', Q1)]));
    const f = r.findings.find((x) => x.code === 'lead-missing')!;
    expect(f.fixes!.map((x) => x.id)).toEqual(['lead-missing:D4:fill']);
  });

  it('merges in the header only do not hide a blank body cell', () => {
    const r = analyze(
      grid(
        ['TT', 'Nhiệm vụ', 'Lãnh đạo phụ trách', 'Cơ quan', '', 'Thời gian thực hiện'],
        [['', '', '', 'Chủ trì', 'Phối hợp', ''], ...body.slice(1, 3)],
        {
          merges: [
            { top: 0, left: 0, bottom: 1, right: 0 },
            { top: 0, left: 1, bottom: 1, right: 1 },
            { top: 0, left: 2, bottom: 1, right: 2 },
            { top: 0, left: 3, bottom: 0, right: 4 },
            { top: 0, left: 5, bottom: 1, right: 5 },
          ],
        },
      ),
    );
    expect(r.headerHeight).toBe(2);
    expect(r.tasks.map((t) => [t.leader, names(t.lead)])).toEqual([
      ['Phó Chủ tịch UBND tỉnh', [TC]],
      [null, []],
    ]);
    expect(r.findings.filter((f) => f.code === 'lead-missing').map((f) => f.data.from)).toEqual([
      3,
    ]);
  });

  it('a generated sheet with every eighth lead cell blank (no merges) reports every one of them unassigned', () => {
    const rows: Cell[][] = [];
    for (let i = 1; i <= 800; i++)
      rows.push(row6(String(i), `Nhiệm vụ ${i}`, i % 8 === 0 ? '' : TC, Q1));
    const r = analyze(grid(H6, rows));
    expect(r.tasks).toHaveLength(800);
    expect(r.summary.unassigned).toBe(100);
    expect(r.tasks.filter((t) => t.unassigned).map((t) => Number(t.tt))).toEqual(
      Array.from({ length: 100 }, (_, k) => (k + 1) * 8),
    );
    // Each is reported, with the value above offered (a suggestion, never read into the task).
    const missing = r.findings.filter((f) => f.code === 'lead-missing');
    expect(missing).toHaveLength(100);
    expect(missing.every((f) => f.suggestion === TC && f.fixes?.length === 2)).toBe(true);
  });

  it('without sections, the suggestion runs over the whole table', () => {
    const r = analyze(grid(H6, [row6('1', 'A', TC, Q1), row6('2', 'B', '', Q1)]));
    expect(names(r.tasks[1].lead)).toEqual([]);
    expect(r.findings.find((f) => f.code === 'lead-missing')!.suggestion).toBe(TC);
  });
});

describe('re-alignment of shifted rows', () => {
  it('a deadline in the lead column is read as the deadline', () => {
    const snap = grid(H8, [['1', 'Tổ chức điều tra thống kê', '', '', 'Quý IV/2026', '', '', '']]);
    const r = analyze(snap);
    expect(r.tasks[0].deadline).toMatchObject({ text: 'Quý IV/2026', due: '2026-12-31' });
    expect(r.tasks[0].lead).toEqual([]);
    expect(r.tasks[0].unassigned).toBe(true);
    const m = buildModel(snap, { asOf: AS_OF });
    expect(m.rows[0].moves).toEqual([{ from: 4, to: 6, value: 'Quý IV/2026' }]);
    expect(m.rows[0].original[4]).toBe('Quý IV/2026');
    expect(m.rows[0].texts[4]).toBe('');
    expect(m.rows[0].texts[6]).toBe('Quý IV/2026');
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ['lead-missing', 'E2'],
      ['cells-shifted', 'E2'],
    ]);
  });

  it("a person's title in the lead column with everything shifted right by one", () => {
    const snap = grid(H8, [
      [
        '1',
        'Thành lập Hội đồng tư vấn',
        '',
        '',
        'Giám đốc Sở VHTTDL',
        'Sở VHTTDL',
        'Sở Nội vụ, Sở Tài chính',
        Q1,
      ],
    ]);
    const r = analyze(snap);
    const t = r.tasks[0];
    expect(t.inspector).toBe('Giám đốc Sở VHTTDL');
    expect(names(t.lead)).toEqual([VHTTDL]);
    expect(names(t.support)).toEqual([NV, TC]);
    expect(t.deadline.due).toBe('2026-03-31');
    expect(buildModel(snap, { asOf: AS_OF }).rows[0].moves.map((mv) => [mv.from, mv.to])).toEqual([
      [4, 3],
      [5, 4],
      [6, 5],
      [7, 6],
    ]);
    // Read where it belongs, so no person-in-lead finding; the shift is reported once.
    expect(codes(r)).toEqual(['cells-shifted']);
  });

  it('an 11-cell row under an 8-column header (shifted right by two)', () => {
    const snap = grid(H8, [
      [
        '2.10',
        'Quảng bá tầm lớn trên các biển quảng cáo',
        '',
        '',
        'Giám đốc Sở VHTTDL',
        'Sở VHTTDL',
        '',
        'Sở Xây dựng, Sở Tài chính',
        'Quý IV/2026',
        'Duy trì quảng bá trên 03 biển quảng cáo',
        '',
      ],
    ]);
    const r = analyze(snap);
    const t = r.tasks[0];
    expect(t.inspector).toBe('Giám đốc Sở VHTTDL');
    expect(names(t.lead)).toEqual([VHTTDL]);
    expect(names(t.support)).toEqual(['Sở Xây dựng', TC]);
    expect(t.deadline.due).toBe('2026-12-31');
    expect(t.result).toBe('Duy trì quảng bá trên 03 biển quảng cáo');
    const m = buildModel(snap, { asOf: AS_OF });
    expect(m.width).toBe(8);
    expect(m.rows[0].extra).toEqual([8, 9]);
    expect(m.rows[0].texts).toHaveLength(8);
    expect(codes(r)).toEqual(expect.arrayContaining(['extra-cells', 'cells-shifted']));
  });

  it('an agency list in the deadline column is read as the supporting agencies', () => {
    const r = analyze(
      grid(H8, [['1', 'A', '', '', 'Sở VHTTDL', '', 'Sở Tài chính, Sở Nội vụ', '']]),
    );
    expect(names(r.tasks[0].support)).toEqual([TC, NV]);
    expect(r.tasks[0].deadline.kind).toBe('missing');
  });

  it('a row shifted left by one is moved right', () => {
    const r = analyze(
      grid(H8, [
        [
          '3.1',
          'Hình thành Vùng phía Tây Bắc',
          '',
          'Sở Tài chính, Sở Xây dựng',
          'Sở VHTTDL',
          'Năm 2026',
          'Hoàn thành Quy hoạch chi tiết',
          '',
        ],
      ]),
    );
    const t = r.tasks[0];
    expect(names(t.lead)).toEqual([TC, 'Sở Xây dựng']);
    expect(names(t.support)).toEqual([VHTTDL]);
    expect(t.deadline.due).toBe('2026-12-31');
    expect(t.result).toBe('Hoàn thành Quy hoạch chi tiết');
  });

  describe('Excel date cells in the deadline column', () => {
    // 46339 is 13/11/2026 as an Excel serial; its display text is the number.
    const DATE = 46339;

    it('a moved person does not turn the date cell of the same row into unreadable text', () => {
      const snap = grid(
        H6,
        [['1', 'Xây dựng kế hoạch', '', 'Phó Chủ tịch UBND tỉnh', 'Sở Y tế', DATE]],
        { formats: [[1, 5, 'dd/mm/yyyy']] },
      );
      const m = buildModel(snap, { asOf: AS_OF });
      expect(m.rows[0].moves).toEqual([{ from: 3, to: 2, value: 'Phó Chủ tịch UBND tỉnh' }]);
      const r = analyze(snap);
      expect(r.tasks[0].leader).toBe('Phó Chủ tịch UBND tỉnh');
      expect(r.tasks[0].deadline).toMatchObject({
        kind: 'date',
        due: '2026-11-13',
        text: '13/11/2026',
      });
      expect(codes(r)).not.toContain('deadline');
    });

    it('a date cell is a deadline: a number in a further column of the table is not moved into the note', () => {
      const header = [
        'TT',
        'Nhiệm vụ',
        'Cơ quan chủ trì',
        'Cơ quan phối hợp',
        'Thời gian thực hiện',
        'Ghi chú',
        'Cột 7',
      ];
      const snap = grid(
        header,
        [['14.8', 'Triển khai cơ sở dữ liệu', 'Sở Tài chính', 'Sở Nội vụ', DATE, '', 452]],
        { formats: [[1, 4, 'dd/mm/yyyy']] },
      );
      const m = buildModel(snap, { asOf: AS_OF });
      expect(m.rows[0].moves).toEqual([]);
      const r = analyze(snap);
      expect(r.tasks[0]).toMatchObject({
        note: null,
        deadline: { kind: 'date', due: '2026-11-13' },
      });
      expect(codes(r)).not.toContain('cells-shifted');
    });

    it('a number that reads as no date stays an unreadable deadline', () => {
      const r = analyze(grid(H6, [['1', 'Việc', '', 'Sở Tài chính', 'Sở Nội vụ', 12]]));
      expect(r.tasks[0].deadline).toMatchObject({ kind: 'unknown', text: '12' });
      expect(r.findings.filter((f) => f.code === 'deadline').map((f) => f.messageId)).toEqual([
        'finding.deadline.unreadable',
      ]);
    });
  });

  describe('rows that must not be re-aligned', () => {
    const cases: [string, Cell[]][] = [
      [
        'a complete row',
        [
          '1',
          'A',
          'Phó Chủ tịch UBND tỉnh',
          'Giám đốc Sở VHTTDL',
          'Sở VHTTDL',
          'Sở Tài chính',
          Q1,
          'Báo cáo kết quả',
        ],
      ],
      ['only lead and deadline', ['1', 'A', '', '', 'Sở VHTTDL', '', 'Thường xuyên', '']],
      [
        'a generic support list',
        ['1', 'A', '', '', 'Sở VHTTDL', 'Các sở, ban, ngành, địa phương', 'Tháng 6/2026', ''],
      ],
      [
        'a result that names a year and an agency',
        ['1', 'A', '', '', 'Sở VHTTDL', TC, Q1, 'Trình UBND tỉnh ban hành trong năm 2026'],
      ],
      [
        'trailing empty cells beyond the header',
        ['1', 'A', '', '', 'Sở VHTTDL', TC, Q1, '', '', '', ''],
      ],
      ['a deadline given as an Excel date', ['1', 'A', '', '', 'Sở VHTTDL', TC, 46142, '']],
    ];
    it.each(cases)('%s', (_, row) => {
      const snap = grid(H8, [row], { formats: [[1, 6, 'dd/mm/yyyy']] });
      const m = buildModel(snap, { asOf: AS_OF });
      expect(m.rows[0].moves).toEqual([]);
      const r = analyze(snap);
      expect(codes(r).filter((c) => c === 'cells-shifted' || c === 'extra-cells')).toEqual([]);
      expect(r.tasks[0].lead.length).toBeGreaterThan(0);
    });

    it('cells that come from a merged area stay where they are', () => {
      const snap = grid(
        H8,
        [
          ['1', 'A', 'Phó Chủ tịch UBND tỉnh', 'Giám đốc Sở VHTTDL', 'Sở VHTTDL', TC, Q1, ''],
          ['2', 'B', '', '', '', TC, 'Quý II/2026', ''],
        ],
        {
          merges: [
            { top: 1, left: 2, bottom: 2, right: 2 },
            { top: 1, left: 3, bottom: 2, right: 3 },
            { top: 1, left: 4, bottom: 2, right: 4 },
          ],
        },
      );
      const m = buildModel(snap, { asOf: AS_OF });
      expect(m.rows.map((r) => r.moves)).toEqual([[], []]);
      const r = analyze(snap);
      expect(r.tasks[1]).toMatchObject({
        leader: 'Phó Chủ tịch UBND tỉnh',
        inspector: 'Giám đốc Sở VHTTDL',
      });
      expect(names(r.tasks[1].lead)).toEqual([VHTTDL]);
      expect(r.findings).toEqual([]);
    });

    it('section, group and header rows are never re-aligned', () => {
      const snap = grid(H8, [
        ['I', 'Mục một', '', '', 'Quý I/2026'],
        ['1', 'Nhóm'],
        ['1.1', 'A', '', '', 'Sở VHTTDL', '', Q1, ''],
      ]);
      const m = buildModel(snap, { asOf: AS_OF });
      expect(m.rows.map((r) => [r.cls, r.moves.length])).toEqual([
        ['section', 0],
        ['group', 0],
        ['task', 0],
      ]);
    });
  });
});

describe('tasks joined with their continuation rows', () => {
  it('rows list and text joined, cells of every row joined per role', () => {
    const r = analyze(
      grid(H6, [
        row6('1', 'Xây dựng phát triển sản phẩm du lịch', 'Sở VHTTDL', ''),
        ['', 'thể thao mạo hiểm', '', '', 'Sở Tài chính', ''],
        [],
        H6,
        ['', '(chinh phục các đỉnh cao)', '', '', '', Q1],
        row6('2', 'B', TC, 'Quý II/2026'),
      ]),
    );
    expect(r.tasks).toHaveLength(2);
    const t = r.tasks[0];
    expect(t.row).toBe(2);
    expect(t.rows).toEqual([2, 3, 6]);
    expect(t.task).toBe(
      'Xây dựng phát triển sản phẩm du lịch thể thao mạo hiểm (chinh phục các đỉnh cao)',
    );
    expect(names(t.lead)).toEqual([VHTTDL]);
    expect(names(t.support)).toEqual([TC]);
    expect(t.deadline).toMatchObject({ text: Q1, due: '2026-03-31' });
    expect(r.tasks[1]).toMatchObject({ tt: '2', rows: [7] });
    expect(r.findings.filter((f) => f.code === 'continuation-joined').map((f) => f.cell)).toEqual([
      'B3',
      'B6',
    ]);
  });

  it('a deadline split over two rows is read as one text', () => {
    const r = analyze(
      grid(H6, [row6('1', 'A', TC, 'Quý II/2026'), ['', 'phần sau', '', '', '', '(vào dịp 30/4)']]),
    );
    expect(r.tasks[0].deadline).toMatchObject({
      text: 'Quý II/2026 (vào dịp 30/4)',
      due: '2026-04-30',
    });
  });

  it('a continuation row never starts a task of its own, and the next numbered row does', () => {
    const r = analyze(
      grid(H6, [
        ['I', 'Mục'],
        ['', 'Dòng không số sau mục', '', TC, '', Q1],
        row6('1', 'A', TC, Q1),
      ]),
    );
    // Right under a section, an unnumbered row with a task text is a task (not a continuation).
    expect(classes(r).map(([, c]) => c)).toEqual(['section', 'task', 'task']);
    expect(r.tasks.map((t) => t.rows)).toEqual([[3], [4]]);
  });
});

describe('cells-shifted finding location', () => {
  it('names the cell’s own column, not the column the value moves to', () => {
    const r = analyze(grid(H8, [['1', 'A', '', '', 'Quý IV/2026', '', '', '']]));
    const f = r.findings.find((x) => x.code === 'cells-shifted')!;
    expect(f.cell).toBe('E2');
    expect(f.role).toBe('lead');
    expect(f.message).toBe(
      'Trang \'Phụ lục\', dòng 2, cột E (Cơ quan chủ trì): Các ô bị lệch cột, đã đọc theo nội dung: "Quý IV/2026" ở cột E → cột G (Thời gian thực hiện). Nên chuyển các ô về đúng cột.',
    );
  });

  it('a first moved cell beyond the header has no role', () => {
    const r = analyze(
      grid(H8, [['1', 'A', '', '', '', '', '', '', 'Sở VHTTDL', 'Quý I/2026', '']]),
    );
    const f = r.findings.find((x) => x.code === 'cells-shifted')!;
    expect(f.cell).toBe('I2');
    expect(f.role).toBeNull();
  });
});
