/**
 * Header detection: role matching for every header text in domain.md (ignoring case, diacritics,
 * tone-mark placement, line breaks and punctuation), where the header may sit, stacked header rows,
 * ambiguous roles and the user's column override.
 */
import { detectHeader, HEADER_SCAN_ROWS, roleOfHeader } from '../../src/engine/header';
import { fold } from '../../src/engine/text';
import type { Role } from '../../src/engine/types';
import { analyze, grid, H5, H6, H8, row5, type Cell } from '../helpers/grid';

/** domain.md, "Column roles": the header texts seen, per role. */
const DOMAIN_HEADERS: Record<Role, string[]> = {
  tt: ['TT', 'STT', 'Số TT'],
  task: [
    'Nhiệm vụ',
    'Nhiệm vụ cụ thể',
    'Nội dung',
    'Nội dung nhiệm vụ',
    'Nội dung công việc',
    'Chỉ tiêu',
  ],
  leader: [
    'Lãnh đạo tỉnh phụ trách (chỉ đạo thực hiện)',
    'Lãnh đạo tỉnh phụ trách chỉ đạo thực hiện',
    'Cơ quan chỉ đạo',
    'Lãnh đạo phụ trách',
  ],
  inspector: ['Đồng chí lãnh đạo kiểm tra đôn đốc, tham mưu tổ chức thực hiện'],
  lead: [
    'Cơ quan chủ trì',
    'Đơn vị chủ trì',
    'Cơ quan thực hiện',
    'Cơ quan tham mưu thực hiện',
    'Cơ quan, tham mưu thực hiện',
    'Tổ chức thực hiện',
  ],
  support: [
    'Cơ quan phối hợp',
    'Cơ quan phối hợp (thực hiện)',
    'Cơ quan phối hợp thực hiện',
    'Đơn vị phối hợp',
    'Phối hợp thực hiện',
  ],
  deadline: ['Thời gian thực hiện', 'Thời gian hoàn thành', 'Thời hạn', 'Tiến độ thực hiện'],
  result: ['Kết quả triển khai thực hiện', 'Sản phẩm', 'Kết quả dự kiến', 'Sản phẩm đầu ra'],
  status: ['Tình trạng', 'Tiến độ', 'Trạng thái', 'Kết quả thực hiện'],
  'done-date': ['Ngày hoàn thành', 'Thời gian hoàn thành thực tế'],
  note: ['Ghi chú'],
};

const ALL = (Object.entries(DOMAIN_HEADERS) as [Role, string[]][]).flatMap(([role, texts]) =>
  texts.map((text) => [role, text] as const),
);

/** Spellings of one header a pasted sheet may hold. */
function variants(text: string): [string, string][] {
  const stripped = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return [
    ['upper case', text.toUpperCase()],
    ['lower case', text.toLowerCase()],
    ['no diacritics', stripped],
    ['decomposed (NFD)', text.normalize('NFD')],
    ['line breaks', text.replace(/ /g, '\n')],
    ['CRLF and extra spaces', `  ${text.replace(/ /, ' \r\n  ')}  `],
    ['non-breaking spaces', text.replace(/ /g, '\u00a0')],
    ['trailing punctuation', `${text}:`],
    ['in brackets with a dot', `(${text}).`],
  ];
}

describe('roleOfHeader: every header text in domain.md', () => {
  it.each(ALL)('%s ← "%s"', (role, text) => {
    expect(roleOfHeader(text)).toBe(role);
  });

  it.each(ALL)('%s ← "%s" in any case, accents, line breaks and punctuation', (role, text) => {
    for (const [how, v] of variants(text)) {
      expect({ how, v, role: roleOfHeader(v) }).toEqual({ how, v, role });
    }
  });

  it('tone-mark placement does not matter (hoá = hóa, uỷ = ủy, thuỷ = thủy)', () => {
    expect(fold('hoá')).toBe(fold('hóa'));
    expect(fold('Uỷ ban')).toBe(fold('Ủy ban'));
    expect(roleOfHeader('Nội dung số hoá')).toBe('task');
    expect(roleOfHeader('Nội dung số hóa')).toBe('task');
    expect(roleOfHeader('Cơ quan chủ trì (Uỷ ban)')).toBe('lead');
    expect(roleOfHeader('Cơ quan chủ trì (Ủy ban)')).toBe('lead');
    // A whole header row written with old-style tone marks is read the same.
    const oldStyle = analyze(
      grid(
        ['TT', 'Nội dung văn hoá', 'Cơ quan chủ trì', 'Thời gian thực hiện'],
        [['1', 'A', 'Sở Tài chính', 'Quý I/2026']],
      ),
    );
    const newStyle = analyze(
      grid(
        ['TT', 'Nội dung văn hóa', 'Cơ quan chủ trì', 'Thời gian thực hiện'],
        [['1', 'A', 'Sở Tài chính', 'Quý I/2026']],
      ),
    );
    expect(oldStyle.columnIndexes).toEqual(newStyle.columnIndexes);
    expect(oldStyle.columnIndexes).toEqual({ tt: 0, task: 1, lead: 2, deadline: 3 });
  });

  it('the more specific role wins over the phrase it contains', () => {
    expect(roleOfHeader('Cơ quan phối hợp thực hiện')).toBe('support'); // not lead ("cơ quan … thực hiện")
    expect(roleOfHeader('Đồng chí lãnh đạo kiểm tra đôn đốc, tham mưu tổ chức thực hiện')).toBe(
      'inspector',
    ); // not lead
    expect(roleOfHeader('Thời gian hoàn thành thực tế')).toBe('done-date'); // not deadline
    expect(roleOfHeader('Kết quả thực hiện')).toBe('status'); // not result
    expect(roleOfHeader('Tiến độ thực hiện')).toBe('deadline'); // not status
    expect(roleOfHeader('Cơ quan chỉ đạo')).toBe('leader'); // not lead
  });

  it('does not match body text, empty cells or unrelated words', () => {
    expect(roleOfHeader('')).toBeNull();
    expect(roleOfHeader('Sở Văn hóa, Thể thao và Du lịch')).toBeNull();
    expect(roleOfHeader('Quý I/2026')).toBeNull();
    expect(roleOfHeader('Ban hành')).toBeNull();
    // Words must match whole: "thoi hanh" is not "thoi han".
    expect(roleOfHeader('Thời hạnh')).toBeNull();
    // A long body cell that happens to contain a header phrase is not a header.
    expect(
      roleOfHeader(`Tổ chức thực hiện ${'các nhiệm vụ phát triển du lịch '.repeat(6)}`),
    ).toBeNull();
  });
});

describe('detectHeader: where the header is', () => {
  const body: Cell[] = row5('1', 'Nhiệm vụ A', 'Sở Tài chính', 'Quý I/2026');
  /** n rows of title block (some blank, some with text) above the header. */
  const titleRows = (n: number): Cell[][] =>
    Array.from({ length: n }, (_, i) => (i % 3 === 0 ? [`Dòng tiêu đề ${i + 1}`] : []));

  it.each([
    [0, 1],
    [9, 10],
    [39, 40],
    [HEADER_SCAN_ROWS - 1, HEADER_SCAN_ROWS],
  ])('with %i title rows the header is found at sheet row %i', (n, row) => {
    const report = analyze(grid(H5, [body], { title: titleRows(n) }));
    expect(report.headerRow).toBe(row);
    expect(report.headerHeight).toBe(1);
    expect(report.columnIndexes).toEqual({ tt: 0, task: 1, lead: 2, support: 3, deadline: 4 });
    expect(report.tasks.map((t) => t.row)).toEqual([row + 1]);
    expect(report.findings.filter((f) => f.code === 'header-missing')).toEqual([]);
  });

  it(`is not looked for beyond row ${HEADER_SCAN_ROWS}`, () => {
    for (const n of [HEADER_SCAN_ROWS, 70]) {
      const report = analyze(grid(H5, [body], { title: titleRows(n) }));
      expect(report.headerRow).toBeNull();
      expect(report.tasks).toEqual([]);
      expect(report.missingRoles).toEqual(['tt', 'task', 'lead', 'deadline']);
      expect(report.findings.map((f) => f.code)).toEqual(['header-missing']);
    }
  });

  it('the title block above the header gives the plan year', () => {
    const report = analyze(
      grid(H5, [row5('1', 'A', 'Sở Tài chính', 'Quý II')], {
        title: [['Kế hoạch phát triển du lịch năm 2027']],
      }),
    );
    expect(report.headerRow).toBe(2);
    expect(report.planYear).toBe(2027);
    expect(report.tasks[0].deadline.due).toBe('2027-06-30');
  });

  it('needs at least three roles including the task or the number', () => {
    expect(detectHeader([['Nhiệm vụ', 'Ghi chú']])).toBeNull();
    expect(
      detectHeader([['Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']]),
    ).toBeNull();
    expect(detectHeader([['TT', 'Cơ quan chủ trì', 'Thời gian thực hiện']])).not.toBeNull();
    expect(detectHeader([['Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']])).not.toBeNull();
  });

  it('the row naming the most roles wins over a title line that names a few', () => {
    const values = [['TT', 'Nội dung', 'Ghi chú'], H8];
    const h = detectHeader(values)!;
    expect(h.row).toBe(1);
    expect(h.columns).toEqual({
      tt: 0,
      task: 1,
      leader: 2,
      inspector: 3,
      lead: 4,
      support: 5,
      deadline: 6,
      result: 7,
    });
  });

  it('reads header cells written with <b> markup (as pasted in 002)', () => {
    const header = H8.map((h) => `<b>${h}</b>`);
    const report = analyze(grid(header, [['1', 'A', '', '', 'Sở VHTTDL', '', 'Quý I/2026', '']]));
    expect(report.headerRow).toBe(1);
    expect(report.columns).toEqual({
      tt: 'A',
      task: 'B',
      leader: 'C',
      inspector: 'D',
      lead: 'E',
      support: 'F',
      deadline: 'G',
      result: 'H',
    });
  });

  it('maps the 002 header (8 columns, long texts)', () => {
    const report = analyze(grid(H8, [['1', 'A', '', '', 'Sở VHTTDL', '', 'Quý I/2026', '']]));
    expect(report.columns).toEqual({
      tt: 'A',
      task: 'B',
      leader: 'C',
      inspector: 'D',
      lead: 'E',
      support: 'F',
      deadline: 'G',
      result: 'H',
    });
    expect(report.missingRoles).toEqual([]);
  });

  it('reports each missing required role', () => {
    const report = analyze(
      grid(['STT', 'Nội dung', 'Đơn vị phối hợp', 'Ghi chú'], [['1', 'A', 'Sở Tài chính', '']]),
    );
    expect(report.headerRow).toBe(1);
    expect(report.missingRoles).toEqual(['lead', 'deadline']);
    const missing = report.findings.filter((f) => f.code === 'role-missing');
    expect(missing.map((f) => f.role)).toEqual(['lead', 'deadline']);
    // Still read: the task is there.
    expect(report.tasks.map((t) => t.task)).toEqual(['A']);
  });
});

describe('detectHeader: two stacked header rows', () => {
  const upper: Cell[] = ['TT', 'Nhiệm vụ', 'Cơ quan', '', 'Thời gian thực hiện'];
  const lower: Cell[] = ['', '', 'Chủ trì', 'Phối hợp', ''];
  const body: Cell[] = ['1', 'Nhiệm vụ A', 'Sở Tài chính', 'Sở Nội vụ', 'Quý I/2026'];
  const expected = { tt: 0, task: 1, lead: 2, support: 3, deadline: 4 };

  function check(report: ReturnType<typeof analyze>) {
    expect(report.headerRow).toBe(1);
    expect(report.headerHeight).toBe(2);
    expect(report.columnIndexes).toEqual(expected);
    // The body starts under both rows: the lower header row is not a task or a continuation.
    expect(report.rows.map((r) => [r.row, r.cls])).toEqual([[3, 'task']]);
    expect(report.tasks).toHaveLength(1);
    expect(report.tasks[0].lead.map((r) => r.name)).toEqual(['Sở Tài chính']);
    expect(report.tasks[0].support.map((r) => r.name)).toEqual(['Sở Nội vụ']);
    expect(report.findings).toEqual([]);
  }

  it('without merged cells ("Cơ quan" over "Chủ trì | Phối hợp")', () => {
    check(analyze(grid(upper, [lower, body])));
  });

  it('with vertical merges over both rows and a horizontal merge over the pair', () => {
    const merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 1, right: 4 },
    ];
    check(analyze(grid(upper, [lower, body], { merges })));
  });

  it('with the stacked header below a title block', () => {
    const report = analyze(grid(upper, [lower, body], { title: [['PHÂN CÔNG NHIỆM VỤ'], []] }));
    expect(report.headerRow).toBe(3);
    expect(report.headerHeight).toBe(2);
    expect(report.columnIndexes).toEqual(expected);
    expect(report.tasks.map((t) => t.row)).toEqual([5]);
  });

  it('a first data row is not taken for a second header row', () => {
    const report = analyze(
      grid(H5, [row5('1', 'Tổ chức thực hiện kế hoạch', 'Sở Tài chính', 'Quý I/2026')]),
    );
    expect(report.headerHeight).toBe(1);
    expect(report.tasks).toHaveLength(1);
  });
});

describe('ambiguous roles', () => {
  const header = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Thời hạn'];
  const rows: Cell[][] = [['1', 'Nhiệm vụ A', 'Sở Tài chính', 'Quý I/2026', 'Quý II/2026']];

  it('the first column is used and the others are reported', () => {
    const h = detectHeader(grid(header, rows).values)!;
    expect(h.columns.deadline).toBe(3);
    expect(h.ambiguous).toEqual({ deadline: [3, 4] });
    const report = analyze(grid(header, rows));
    expect(report.tasks[0].deadline.due).toBe('2026-03-31');
    const f = report.findings.filter((x) => x.code === 'role-ambiguous');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell: 'E1',
      role: 'deadline',
      data: expect.objectContaining({ used: 'D', others: 'E' }),
    });
  });

  it('three columns naming one role list every other', () => {
    const h = detectHeader([
      ['TT', 'Nhiệm vụ', 'Ghi chú', 'Cơ quan chủ trì', 'Ghi chú', 'Ghi chú'],
    ])!;
    expect(h.ambiguous).toEqual({ note: [2, 4, 5] });
    const report = analyze(
      grid(
        ['TT', 'Nhiệm vụ', 'Ghi chú', 'Cơ quan chủ trì', 'Ghi chú', 'Ghi chú', 'Thời hạn'],
        [['1', 'A', '', 'Sở Tài chính', '', '', 'Quý I/2026']],
      ),
    );
    expect(report.findings.find((x) => x.code === 'role-ambiguous')!.data.others).toBe('E, F');
  });

  it('overriding the ambiguous role settles it', () => {
    const report = analyze(grid(header, rows), { columns: { deadline: 4 } });
    expect(report.columnIndexes.deadline).toBe(4);
    expect(report.tasks[0].deadline.due).toBe('2026-06-30');
    expect(report.findings.filter((x) => x.code === 'role-ambiguous')).toEqual([]);
  });
});

describe('column override (options.columns)', () => {
  const rows: Cell[][] = [row5('1', 'Nhiệm vụ A', 'Sở Tài chính', 'Quý I/2026', 'Sở Nội vụ')];

  it('an override of one role keeps the others as detected', () => {
    const report = analyze(
      grid(['TT', 'Nhiệm vụ', 'Cột 3', 'Cơ quan phối hợp', 'Thời gian thực hiện'], rows),
      { columns: { lead: 2 } },
    );
    expect(report.columnIndexes).toEqual({ tt: 0, task: 1, lead: 2, support: 3, deadline: 4 });
    expect(report.columns.lead).toBe('C');
    expect(report.missingRoles).toEqual([]);
    expect(report.tasks[0].lead.map((r) => r.name)).toEqual(['Sở Tài chính']);
  });

  it('moving a role onto a column another role had takes the column from it', () => {
    // The user says column E (the deadline) is the lead: the deadline no longer has a column.
    const report = analyze(grid(H5, rows), { columns: { lead: 4 } });
    expect(report.columnIndexes.lead).toBe(4);
    expect(report.columnIndexes.deadline).toBeUndefined();
    expect(report.columns).toEqual({ tt: 'A', task: 'B', support: 'D', lead: 'E' });
    expect(report.missingRoles).toEqual(['deadline']);
    expect(report.findings.filter((f) => f.code === 'role-missing').map((f) => f.role)).toEqual([
      'deadline',
    ]);
  });

  it('swapping two roles', () => {
    // The sheet's header says C = lead, E = deadline, but the data is the other way round.
    const swapped: Cell[][] = [['1', 'Nhiệm vụ A', 'Quý I/2026', 'Sở Nội vụ', 'Sở Tài chính']];
    const report = analyze(grid(H5, swapped), { columns: { lead: 4, deadline: 2 } });
    expect(report.columnIndexes).toEqual({ tt: 0, task: 1, lead: 4, support: 3, deadline: 2 });
    expect(report.tasks[0].lead.map((r) => r.name)).toEqual(['Sở Tài chính']);
    expect(report.tasks[0].deadline.due).toBe('2026-03-31');
    expect(report.findings).toEqual([]);
  });

  it('reads a sheet with no recognisable header when the user names the columns', () => {
    const snap = grid(
      ['Cột 1', 'Cột 2', 'Cột 3', 'Cột 4'],
      [['1', 'Nhiệm vụ A', 'Sở Tài chính', 'Quý I/2026']],
    );
    expect(analyze(snap).findings.map((f) => f.code)).toEqual(['header-missing']);
    const report = analyze(snap, { columns: { tt: 0, task: 1, lead: 2, deadline: 3 } });
    expect(report.headerRow).toBeNull();
    expect(report.missingRoles).toEqual([]);
    expect(report.findings.filter((f) => f.code === 'header-missing')).toEqual([]);
    expect(
      report.tasks.map((t) => [t.tt, t.task, t.lead.map((r) => r.name), t.deadline.due]),
    ).toEqual([['1', 'Nhiệm vụ A', ['Sở Tài chính'], '2026-03-31']]);
  });

  it('columns and their letters follow the sheet origin', () => {
    const report = analyze(
      grid(H6, [['1', 'A', '', 'Sở Tài chính', '', 'Quý I/2026']], { origin: { row: 2, col: 1 } }),
    );
    expect(report.headerRow).toBe(3);
    expect(report.columnIndexes).toEqual({
      tt: 0,
      task: 1,
      leader: 2,
      lead: 3,
      support: 4,
      deadline: 5,
    });
    expect(report.columns).toEqual({
      tt: 'B',
      task: 'C',
      leader: 'D',
      lead: 'E',
      support: 'F',
      deadline: 'G',
    });
  });
});
