/**
 * Issue 11, "read the whole family": agencies by level (central, provincial, commune), the sheet's
 * scope, the plan's years, deadlines written as sentences, and the progress-report vocabulary.
 * Fixtures: test/fixtures/family/*.tsv (small tables written for these tests; see the README there).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { AgencyDictionary, BUILTIN_AGENCIES, splitParties } from '../../src/engine/agencies';
import { analyzeSheet } from '../../src/engine/analyze';
import { parseDeadline } from '../../src/engine/deadline';
import { deadlineYears, outsideYears, titleYears } from '../../src/engine/plan-years';
import { inferScope } from '../../src/engine/scope';
import { ACCEPTED_STATUSES, readStatus } from '../../src/engine/status';
import type { AgencyRef, SheetReport, Task } from '../../src/engine/types';
import { analyze, grid, H6, row6 } from '../helpers/grid';
import { snapshotFromTsv } from '../helpers/tsv';

const dict = new AgencyDictionary();
const AS_OF = '2026-08-01';

function fixture(file: string): SheetReport {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'family', file), 'utf8');
  return analyzeSheet(snapshotFromTsv(text, file), { asOf: AS_OF });
}
const task = (r: SheetReport, tt: string): Task => r.tasks.find((t) => t.tt === tt)!;
const names = (refs: readonly AgencyRef[]) => refs.map((r) => r.name);

// ---------------------------------------------------------------------------------------------
describe('agencies by level: every new entry group', () => {
  const known = (text: string, name = text) => {
    const r = dict.match(text);
    expect({ text, name: r.name, known: r.known, kind: r.kind, renamedTo: r.renamedTo }).toEqual({
      text,
      name,
      known: true,
      kind: 'agency',
      renamedTo: undefined,
    });
  };

  it.each([
    'Bộ Quốc phòng',
    'Bộ Công an',
    'Bộ Ngoại giao',
    'Bộ Nội vụ',
    'Bộ Tư pháp',
    'Bộ Tài chính',
    'Bộ Công Thương',
    'Bộ Nông nghiệp và Môi trường',
    'Bộ Xây dựng',
    'Bộ Văn hóa, Thể thao và Du lịch',
    'Bộ Khoa học và Công nghệ',
    'Bộ Giáo dục và Đào tạo',
    'Bộ Y tế',
    'Bộ Dân tộc và Tôn giáo',
  ])('the 14 ministries since 1 March 2025: %s', (name) => known(name));

  it.each(['Ngân hàng Nhà nước Việt Nam', 'Thanh tra Chính phủ', 'Văn phòng Chính phủ'])(
    'the 3 ministerial-level agencies: %s',
    (name) => known(name),
  );

  it('holds exactly 14 current ministries (every "Bộ …" of the central level that is not renamed)', () => {
    const ministries = BUILTIN_AGENCIES.filter(
      (e) =>
        e.level === 'central' &&
        e.canonical.startsWith('Bộ ') &&
        !e.renamedTo &&
        e.canonical !== 'Bộ Chính trị',
    );
    expect(ministries).toHaveLength(14);
  });

  it.each([
    ['Bộ Kế hoạch và Đầu tư', 'Bộ Tài chính'],
    ['Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Nông nghiệp và Môi trường'],
    ['Bộ Tài nguyên và Môi trường', 'Bộ Nông nghiệp và Môi trường'],
    ['Bộ Thông tin và Truyền thông', 'Bộ Khoa học và Công nghệ'],
    ['Bộ Giao thông vận tải', 'Bộ Xây dựng'],
    ['Bộ Lao động - Thương binh và Xã hội', 'Bộ Nội vụ'],
    ['Ủy ban Dân tộc', 'Bộ Dân tộc và Tôn giáo'],
  ])(
    'the bodies of the 18 + 4 list that no longer exist map to their successor with the date: %s → %s',
    (old, now) => {
      const r = dict.match(old);
      expect({ name: r.name, renamedTo: r.renamedTo, changedOn: r.changedOn }).toEqual({
        name: old,
        renamedTo: now,
        changedOn: '2025-03-01',
      });
    },
  );

  it.each([
    ['Bộ KH&ĐT', 'Bộ Kế hoạch và Đầu tư'],
    ['Bộ TT&TT', 'Bộ Thông tin và Truyền thông'],
    ['Bộ LĐTB&XH', 'Bộ Lao động - Thương binh và Xã hội'],
    ['Bộ TN&MT', 'Bộ Tài nguyên và Môi trường'],
    ['Bộ NN&PTNT', 'Bộ Nông nghiệp và Phát triển nông thôn'],
    ['Bộ GTVT', 'Bộ Giao thông vận tải'],
    ['Bộ NN&MT', 'Bộ Nông nghiệp và Môi trường'],
    ['Bộ KH&CN', 'Bộ Khoa học và Công nghệ'],
    ['Bộ GD&ĐT', 'Bộ Giáo dục và Đào tạo'],
    ['Bộ VHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['Bộ Văn hoá, Thể thao và Du lịch', 'Bộ Văn hóa, Thể thao và Du lịch'],
  ])('short and variant forms of ministries: %s → %s', (text, name) => {
    const r = dict.match(text);
    expect({ name: r.name, known: r.known }).toEqual({ name, known: true });
  });

  it.each([
    'Đài Truyền hình Việt Nam',
    'Đài Tiếng nói Việt Nam',
    'Thông tấn xã Việt Nam',
    'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
    'Viện Hàn lâm Khoa học xã hội Việt Nam',
    'Quốc hội',
    'Chính phủ',
    'Kiểm toán Nhà nước',
    'Tòa án nhân dân tối cao',
    'Viện kiểm sát nhân dân tối cao',
  ])("the Government's agencies and other central state bodies: %s", (name) => known(name));

  it.each([
    'Ban Chấp hành Trung ương',
    'Bộ Chính trị',
    'Ban Bí thư',
    'Văn phòng Trung ương Đảng',
    'Ban Tổ chức Trung ương',
    'Ban Tuyên giáo và Dân vận Trung ương',
    'Ban Chính sách, chiến lược Trung ương',
    'Ban Nội chính Trung ương',
    'Ủy ban Kiểm tra Trung ương',
    'Đảng ủy các cơ quan Đảng Trung ương',
    'Đảng ủy Chính phủ',
    'Đảng ủy Quốc hội',
    'Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương',
  ])('central Party committees and boards: %s', (name) => known(name));

  it.each([
    ['Ban Tuyên giáo Trung ương', 'Ban Tuyên giáo và Dân vận Trung ương', '2025-02-03'],
    ['Ban Dân vận Trung ương', 'Ban Tuyên giáo và Dân vận Trung ương', '2025-02-03'],
    ['Ban Kinh tế Trung ương', 'Ban Chính sách, chiến lược Trung ương', undefined],
    ['Ban Đối ngoại Trung ương', 'Bộ Ngoại giao', undefined],
  ])('the 2025 Party mergers: %s → %s', (old, now, date) => {
    const r = dict.match(old);
    expect({ renamedTo: r.renamedTo, changedOn: r.changedOn }).toEqual({
      renamedTo: now,
      changedOn: date,
    });
  });

  it.each([
    'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
    'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh',
    'Trung ương Hội Liên hiệp Phụ nữ Việt Nam',
    'Tổng Liên đoàn Lao động Việt Nam',
    'Trung ương Hội Nông dân Việt Nam',
    'Trung ương Hội Cựu chiến binh Việt Nam',
    'Liên hiệp các Hội Văn học nghệ thuật Việt Nam',
    'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam',
    'Liên hiệp các tổ chức hữu nghị Việt Nam',
  ])('central mass organisations: %s', (name) => known(name));

  it.each([
    'HĐND xã',
    'Đảng ủy xã',
    'Đảng ủy phường',
    'Ủy ban MTTQ Việt Nam xã',
    'Công an xã',
    'Công an phường',
    'Văn phòng HĐND và UBND xã',
    'Phòng Kinh tế',
    'Phòng Kinh tế, Hạ tầng và Đô thị',
    'Phòng Văn hóa - Xã hội',
    'Trung tâm Phục vụ hành chính công xã',
  ])('commune level after 1 July 2025: %s', (name) => known(name));

  it('the district level is gone since 1 July 2025, named or collective', () => {
    for (const text of [
      'UBND huyện Bắc Hà',
      'UBND cấp huyện',
      'UBND các huyện, thị xã, thành phố',
    ]) {
      const r = dict.match(text);
      expect({ text, renamedTo: r.renamedTo, changedOn: r.changedOn }).toEqual({
        text,
        renamedTo: 'UBND các xã, phường',
        changedOn: '2025-07-01',
      });
    }
  });

  it('keeps the provincial readings (no date where the dictionary has none)', () => {
    expect(dict.match('Sở Kế hoạch và Đầu tư')).toEqual({
      name: 'Sở Kế hoạch và Đầu tư',
      raw: 'Sở Kế hoạch và Đầu tư',
      kind: 'agency',
      known: true,
      renamedTo: 'Sở Tài chính',
    });
    expect(dict.match('Ban Tuyên giáo Tỉnh ủy').renamedTo).toBe(
      'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    );
  });

  it('a minister is a person, the ministry inside the role a suggestion', () => {
    expect(dict.match('Bộ trưởng Bộ Y tế')).toMatchObject({
      kind: 'person',
      suggestion: 'Bộ Y tế',
    });
    expect(dict.match('Thứ trưởng Bộ Tài chính')).toMatchObject({
      kind: 'person',
      suggestion: 'Bộ Tài chính',
    });
  });

  it('keeps central names whole when splitting a cell', () => {
    expect(splitParties('Bộ Văn hóa, Thể thao và Du lịch; Bộ Tài chính')).toEqual([
      'Bộ Văn hóa, Thể thao và Du lịch',
      'Bộ Tài chính',
    ]);
    expect(splitParties('Ban Chính sách, chiến lược Trung ương, Bộ Công an')).toEqual([
      'Ban Chính sách, chiến lược Trung ương',
      'Bộ Công an',
    ]);
  });
});

describe('matching never crosses levels', () => {
  it.each([
    ['Bộ Nội vu', 'Bộ Nội vụ'],
    ['Bộ Xây dưng', 'Bộ Xây dựng'],
    ['Bộ Khoa hoc và Công nghệ', 'Bộ Khoa học và Công nghệ'],
    ['Bộ Giáo duc và Đào tạo', 'Bộ Giáo dục và Đào tạo'],
    ['Sở Nội vu', 'Sở Nội vụ'],
    ['Sở Khoa hoc và Công nghệ', 'Sở Khoa học và Công nghệ'],
  ])('a misspelt %s is read at its own level (%s)', (text, name) => {
    const r = dict.match(text);
    expect({ name: r.name, variant: r.variant }).toEqual({ name, variant: true });
  });

  it('a "Bộ …" is never suggested as a "Sở …", nor the reverse, for every ministry and department', () => {
    for (const e of BUILTIN_AGENCIES) {
      const swapped =
        e.canonical.startsWith('Bộ ') && e.level === 'central'
          ? `Sở ${e.canonical.slice(3)}`
          : e.canonical.startsWith('Sở ')
            ? `Bộ ${e.canonical.slice(3)}`
            : null;
      if (!swapped) continue;
      const r = dict.match(swapped);
      const head = swapped.slice(0, 3);
      expect({
        swapped,
        head: r.known ? r.name.slice(0, 3) : head,
        renamed: r.renamedTo ? r.renamedTo.slice(0, 3) : head,
      }).toEqual({ swapped, head, renamed: head });
    }
  });

  it('names a department and a ministry that differ by one letter of the head apart', () => {
    expect(dict.match('Sở Ngoại giao').known).toBe(false);
    expect(dict.match('Bộ Ngoại vụ').name).toMatch(/^Bộ /);
    expect(dict.match('Bộ Thông tin và Truyền thông').renamedTo).toBe('Bộ Khoa học và Công nghệ');
  });

  it("compares a name whose head fixes no level with the sheet's level first", () => {
    const d = new AgencyDictionary([
      { canonical: 'Ban Quản lý dự án A', level: 'provincial' },
      { canonical: 'Ban Quản lý dự án B', level: 'commune' },
    ]);
    expect(d.match('Ban Quản lý dự án C', 'commune').name).toBe('Ban Quản lý dự án B');
    expect(d.match('Ban Quản lý dự án C', 'provincial').name).toBe('Ban Quản lý dự án A');
    // Memoised by level: the same text is read again for another level.
    expect(d.match('Ban Quản lý dự án C', 'commune').name).toBe('Ban Quản lý dự án B');
  });

  it("a user's own entry without a level takes its head word's", () => {
    const d = new AgencyDictionary([
      { canonical: 'Sở Du lịch' },
      { canonical: 'Trung tâm Dữ liệu' },
    ]);
    expect(d.match('Sở Du lich')).toMatchObject({ name: 'Sở Du lịch', variant: true });
    expect(d.match('Bộ Du lịch').known).toBe(false);
    expect(d.match('Trung tâm Dữ liêu')).toMatchObject({
      name: 'Trung tâm Dữ liệu',
      variant: true,
    });
    expect(d.levelOf('Sở Du lịch')).toBe('provincial');
  });

  it('the sheet scope reaches the agency cells of a check', () => {
    const agencies = [
      { canonical: 'Ban Quản lý dự án A', level: 'provincial' as const },
      { canonical: 'Ban Quản lý dự án B', level: 'commune' as const },
    ];
    const rows = [row6('1', 'Nhiệm vụ A', 'Ban Quản lý dự án C', 'Quý I/2026')];
    const commune = analyze(grid(H6, rows, { title: [['ỦY BAN NHÂN DÂN XÃ BẮC HÀ']] }), {
      agencies,
    });
    const province = analyze(grid(H6, rows, { title: [['ỦY BAN NHÂN DÂN TỈNH LÀO CAI']] }), {
      agencies,
    });
    expect([commune.scope, names(commune.tasks[0].lead)]).toEqual([
      'commune',
      ['Ban Quản lý dự án B'],
    ]);
    expect([province.scope, names(province.tasks[0].lead)]).toEqual([
      'provincial',
      ['Ban Quản lý dự án A'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the sheet scope', () => {
  it.each([
    ['BỘ Y TẾ — Kế hoạch năm 2026 (Kèm theo Quyết định số 5/QĐ-BYT)', 'central'],
    [
      'Chương trình hành động của Chính phủ (Kèm theo Nghị quyết số 9/NQ-CP) Quyết định số 1/QĐ-TTg',
      'central',
    ],
    [
      'Phụ lục (Kèm theo Kế hoạch số 12/KH-UBND ngày 5/1/2026 của Ủy ban nhân dân tỉnh Lào Cai)',
      'provincial',
    ],
    ['TỈNH ỦY LÀO CAI — Kế hoạch thực hiện Nghị quyết của Ban Chấp hành Trung ương', 'provincial'],
    [
      'UBND XÃ BẮC HÀ — Kế hoạch năm 2026 (Kèm theo Kế hoạch số 3/KH-UBND của UBND xã Bắc Hà)',
      'commune',
    ],
    ['ĐẢNG ỦY PHƯỜNG SA PA — Chương trình công tác năm 2026', 'commune'],
  ])('from the title: %s → %s', (title, scope) => {
    expect(inferScope(title, [])).toBe(scope);
  });

  it('from the agencies when the title says nothing', () => {
    expect(
      inferScope('Danh mục nhiệm vụ năm 2026', [
        'Bộ Tài chính',
        'Bộ Y tế; Bộ Công an',
        'Sở Nội vụ',
      ]),
    ).toBe('central');
    expect(
      inferScope('Danh mục nhiệm vụ năm 2026', ['Sở Tài chính', 'Sở Y tế, Công an tỉnh']),
    ).toBe('provincial');
    expect(
      inferScope('Danh mục nhiệm vụ năm 2026', [
        'Phòng Kinh tế',
        'Văn phòng HĐND và UBND xã',
        'Công an xã',
      ]),
    ).toBe('commune');
  });

  it('a provincial command ("Bộ Chỉ huy Quân sự tỉnh") is not a ministry', () => {
    expect(
      inferScope('Danh mục', ['Bộ Chỉ huy Quân sự tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh']),
    ).toBe('provincial');
  });

  it('is null when nothing says', () => {
    expect(inferScope('Danh mục nhiệm vụ', ['Nhóm công tác'])).toBeNull();
  });

  it('is in the report: the ministry table is central, the provincial fixtures provincial', () => {
    expect(fixture('bo-kh-cn-2026.tsv').scope).toBe('central');
    expect(fixture('thoi-gian-bang-cau-2026.tsv').scope).toBe('provincial');
    expect(fixture('bao-cao-tien-do-2026.tsv').scope).toBe('provincial');
  });
});

describe('the ministry-level table', () => {
  const r = fixture('bo-kh-cn-2026.tsv');
  it('reads every ministry as a ministry, never as a department', () => {
    const all = r.tasks.flatMap((t) => [...t.lead, ...t.support]);
    expect(all.filter((x) => x.name.startsWith('Sở '))).toEqual([]);
    expect(names(task(r, '1').support)).toEqual(['Bộ Công an', 'Bộ Tài chính']);
    expect(names(task(r, '4').lead)).toEqual(['Bộ Nội vụ']);
    expect(names(task(r, '4').support)).toEqual(['Bộ Giáo dục và Đào tạo']);
    expect(names(task(r, '6').support)).toEqual(['UBND các tỉnh, thành phố trực thuộc Trung ương']);
  });

  it('reports the merged ministries and Party boards with their successor and date', () => {
    const renamed = r.findings
      .filter((f) => f.messageId === 'finding.agency-name.renamed-on')
      .map((f) => [f.cell, f.data.now, f.data.date]);
    expect(renamed).toEqual([
      ['C8', 'Bộ Khoa học và Công nghệ', '01/03/2025'],
      ['D8', 'Bộ Tài chính', '01/03/2025'],
      ['C9', 'Ban Tuyên giáo và Dân vận Trung ương', '03/02/2025'],
      ['D9', 'Ban Tuyên giáo và Dân vận Trung ương', '03/02/2025'],
    ]);
  });

  it('leaves a body it does not know unknown', () => {
    expect(
      r.findings
        .filter((f) => f.messageId === 'finding.agency-name.unknown')
        .map((f) => f.data.value),
    ).toEqual(['Cục Đổi mới sáng tạo']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('plan years', () => {
  it.each([
    ['Chương trình hành động giai đoạn 2026–2030', { from: 2026, to: 2030 }],
    ['Kế hoạch giai đoạn 2026 - 2030, tầm nhìn đến năm 2045', { from: 2026, to: 2030 }],
    ['Kế hoạch từ năm 2026 đến năm 2028', { from: 2026, to: 2028 }],
    ['Kế hoạch năm 2026', { from: 2026, to: 2026 }],
    ['Kế hoạch thực hiện Chiến lược đến năm 2030 trong năm 2026', { from: 2026, to: 2026 }],
    ['Kế hoạch phát triển năm 2025 và những năm tiếp theo', { from: 2025, to: null }],
    ['Chương trình 2025 và các năm tiếp theo', { from: 2025, to: null }],
  ])('from the title: %s', (title, years) => {
    expect(titleYears(title)).toEqual(years);
  });

  it.each(['Kế hoạch thực hiện Chiến lược đến năm 2030', 'Danh mục nhiệm vụ'])(
    'none in a title without them: %s',
    (title) => {
      expect(titleYears(title)).toBeNull();
    },
  );

  it('from the deadlines: the run of well-named years around the plan year', () => {
    expect(
      deadlineYears([2026, 2026, 2026, 2026, 2027, 2027, 2027, 2028, 2028, 2031], 2026),
    ).toEqual({ from: 2026, to: 2028 });
    expect(deadlineYears([2026, 2026, 2026, 2024], 2026)).toEqual({ from: 2026, to: 2026 });
  });

  it('outside: before the first year, after the last (a one-year plan allows the next)', () => {
    expect(outsideYears(2027, { from: 2026, to: 2026 })).toBe(false);
    expect(outsideYears(2028, { from: 2026, to: 2026 })).toBe(true);
    expect(outsideYears(2030, { from: 2026, to: 2030 })).toBe(false);
    expect(outsideYears(2031, { from: 2026, to: 2030 })).toBe(true);
    expect(outsideYears(2024, { from: 2025, to: null })).toBe(true);
    expect(outsideYears(2040, { from: 2025, to: null })).toBe(false);
  });

  it('the multi-year programme: 2027–2030 are inside, 2032 and 2024 are not', () => {
    const r = fixture('chuong-trinh-2026-2030.tsv');
    expect([r.planYear, r.planYears]).toEqual([2026, { from: 2026, to: 2030 }]);
    const outside = r.findings
      .filter((f) => f.code === 'deadline' && f.messageId.startsWith('finding.deadline.outside'))
      .map((f) => f.data.value);
    expect(outside).toEqual(['Quý II/2032', 'Quý II/2024']);
  });

  it('a programme whose years only the deadlines name', () => {
    const rows = [
      ...['Quý I/2026', 'Quý II/2026', 'Quý III/2026', 'Quý IV/2026'].map((d, i) =>
        row6(String(i + 1), 'A', 'Sở Y tế', d),
      ),
      ...['Quý I/2027', 'Quý II/2027', 'Năm 2027', 'Quý II/2028', 'Năm 2028', 'Quý I/2031'].map(
        (d, i) => row6(String(i + 5), 'B', 'Sở Y tế', d),
      ),
    ];
    const r = analyze(grid(H6, rows));
    expect(r.planYears).toEqual({ from: 2026, to: 2028 });
    expect(
      r.findings
        .filter((f) => f.messageId === 'finding.deadline.outside-plan-years')
        .map((f) => f.data.value),
    ).toEqual(['Quý I/2031']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('deadlines written as sentences', () => {
  const P = { planYear: 2026 };
  it.each([
    [
      'Hội nghị sơ kết dự kiến tổ chức trong quý II hoặc quý III; tổng kết vào tháng 11/2026.',
      '2026-11-30',
      'period',
      ['quý II', 'quý III', 'tháng 11/2026'],
      '2026-04-01',
    ],
    [
      'Đợt 1 trong quý II, đợt 2 trong quý III, đợt 3 trong quý IV/2026',
      '2026-12-31',
      'period',
      ['quý II', 'quý III', 'quý IV/2026'],
      '2026-04-01',
    ],
    [
      'Khai mạc ngày 18/4/2026, bế mạc ngày 25/4/2026',
      '2026-04-25',
      'date',
      ['ngày 18/4/2026', 'ngày 25/4/2026'],
      '2026-04-18',
    ],
    [
      'Bế mạc ngày 25/4/2026 sau khi khai mạc ngày 18/4/2026',
      '2026-04-25',
      'date',
      ['ngày 25/4/2026', 'ngày 18/4/2026'],
      '2026-04-18',
    ],
    [
      'Triển khai trong năm 2026; sơ kết vào tháng 6/2026',
      '2026-12-31',
      'period',
      ['năm 2026', 'tháng 6/2026'],
      '2026-01-01',
    ],
    [
      'Quý I/2026, báo cáo kết quả trong tháng 7/2026',
      '2026-07-31',
      'period',
      ['Quý I/2026', 'tháng 7/2026'],
      '2026-01-01',
    ],
    [
      'Theo Nghị quyết 176/2025/QH15: sơ kết quý II và tổng kết quý IV/2026',
      '2026-12-31',
      'period',
      ['quý II', 'quý IV/2026'],
      '2026-04-01',
    ],
    [
      'Tập huấn đợt 1 (tháng 3/2026) và đợt 2 (tháng 9/2026)',
      '2026-09-30',
      'period',
      ['tháng 3/2026', 'tháng 9/2026'],
      '2026-03-01',
    ],
  ])('%s', (text, due, kind, parts, start) => {
    const d = parseDeadline(text, P);
    expect({
      due: d.due,
      kind: d.kind,
      parts: d.parts,
      start: d.start,
      inferred: d.yearInferred,
    }).toEqual({ due, kind, parts, start, inferred: undefined });
  });

  it('a sentence with no year takes the plan year, and says so', () => {
    const d = parseDeadline('Lớp thứ nhất vào tháng 3, lớp thứ hai vào tháng 9', P);
    expect({ due: d.due, parts: d.parts, inferred: d.yearInferred }).toEqual({
      due: '2026-09-30',
      parts: ['tháng 3', 'tháng 9'],
      inferred: true,
    });
    expect(parseDeadline('Lớp thứ nhất vào tháng 3, lớp thứ hai vào tháng 9').kind).toBe('unknown');
  });

  it('one period in prose stays unreadable (a shifted cell is more likely)', () => {
    expect(parseDeadline('Tổ chức hội nghị tổng kết trong quý IV/2026', P).kind).toBe('unknown');
    expect(parseDeadline('Theo Nghị quyết 176/2025/QH15 của Quốc hội', P).kind).toBe('unknown');
  });

  it('cells the strict grammar reads are unchanged', () => {
    for (const text of [
      'Quý III – IV/2026',
      'Quý II hoặc Quý III/2026',
      'Quý II/2026 ( vào dịp 30/4)',
      'Năm 2026, Quý II',
      'Quý I/2026, trình UBND tỉnh',
    ]) {
      expect({ text, parts: parseDeadline(text, P).parts }).toEqual({ text, parts: undefined });
    }
  });

  it('an info finding lists what was read; the fixture reads every sentence', () => {
    const r = fixture('thoi-gian-bang-cau-2026.tsv');
    const sentences = r.findings.filter((f) => f.messageId === 'finding.deadline.sentence');
    expect(
      sentences.map((f) => [f.cell, f.severity, f.message.replace(/^.*: Đọc/, 'Đọc')]),
    ).toEqual([
      ['E5', 'info', 'Đọc từ câu: quý II, quý III, tháng 11/2026 → 30/11/2026.'],
      ['E6', 'info', 'Đọc từ câu: quý II, quý III, quý IV/2026 → 31/12/2026.'],
      ['E7', 'info', 'Đọc từ câu: ngày 18/4/2026, ngày 25/4/2026 → 25/04/2026.'],
      ['E8', 'info', 'Đọc từ câu: tháng 3, tháng 9 → 30/09/2026.'],
      ['E9', 'info', 'Đọc từ câu: Quý I/2026, tháng 7/2026 → 31/07/2026.'],
    ]);
    expect(r.findings.filter((f) => f.messageId === 'finding.deadline.unreadable')).toEqual([]);
    expect(task(r, '6').deadline.kind).toBe('recurring');
  });
});

// ---------------------------------------------------------------------------------------------
describe('status vocabulary', () => {
  it.each([
    ['Đã hoàn thành', 'done', undefined],
    ['Hoàn thành', 'done', undefined],
    ['Hoàn thành đúng hạn', 'done', 'on-time'],
    ['Hoàn thành quá hạn', 'done', 'late'],
    ['Hoàn thành chậm', 'done', 'late'],
    ['Đang thực hiện', 'in-progress', undefined],
    ['Đang triển khai', 'in-progress', undefined],
    ['Đang thực hiện trong hạn', 'in-progress', 'on-time'],
    ['Đang thực hiện quá hạn', 'in-progress', 'late'],
    ['Chưa thực hiện', 'not-started', undefined],
    ['Chưa triển khai', 'not-started', undefined],
    ['Quá hạn', 'in-progress', 'late'],
    ['Tạm dừng', 'paused', undefined],
    ['Dừng thực hiện', 'paused', undefined],
  ])('%s → %s %s', (text, status, timing) => {
    expect(readStatus(text)).toEqual(timing ? { status, timing } : { status });
  });

  it('every accepted status is recognised', () => {
    for (const s of ACCEPTED_STATUSES)
      expect({ s, known: readStatus(s) !== null }).toEqual({ s, known: true });
  });

  it.each([
    ['HOÀN THÀNH ĐÚNG HẠN', { status: 'done', timing: 'on-time' }],
    ['đang triển khai', { status: 'in-progress' }],
    ['Đã hoàn thành'.normalize('NFD'), { status: 'done' }],
    ['  Hoàn  thành   quá  hạn. ', { status: 'done', timing: 'late' }],
    ['Hoàn thành (Báo cáo số 12/BC-UBND)', { status: 'done' }],
    ['Đang thực hiện, đạt 60%', { status: 'in-progress' }],
    ['Hoàn thành 50%', { status: 'in-progress' }],
    ['TẠM DỪNG', { status: 'paused' }],
  ])('ignores case, tone-mark placement, spacing and a remark: %s', (text, p) => {
    expect(readStatus(text)).toEqual(p);
  });

  it.each(['Gần xong', 'Tốt', 'Đã tổ chức 3 lớp'])('an unknown status is null: %s', (text) => {
    expect(readStatus(text)).toBeNull();
  });

  it('the progress report: statuses, states and the warning with the accepted list', () => {
    const r = fixture('bao-cao-tien-do-2026.tsv');
    expect(r.columns.status).toBe('E');
    expect(r.tasks.map((t) => [t.tt, t.progress ?? null, t.state])).toEqual([
      ['1', { status: 'done', timing: 'on-time' }, 'done-on-time'],
      ['2', { status: 'done', timing: 'late' }, 'done-late'],
      ['3', { status: 'in-progress' }, 'open'],
      ['4', { status: 'in-progress', timing: 'late' }, 'overdue'],
      ['5', { status: 'not-started' }, 'open'],
      ['6', { status: 'paused' }, 'open'],
      ['7', { status: 'in-progress', timing: 'late' }, 'overdue'],
      ['8', null, 'open'],
    ]);
    const unknown = r.findings.filter((f) => f.code === 'status-unknown');
    expect(unknown.map((f) => [f.cell, f.severity, f.data.value])).toEqual([
      ['E11', 'warning', 'Gần xong'],
    ]);
    expect(unknown[0].message).toContain(ACCEPTED_STATUSES.join(', '));
  });

  it('a report of results in a status column is not an unknown status', () => {
    const H = [...H6, 'Kết quả thực hiện'];
    const r = analyze(
      grid(H, [
        [
          ...row6('1', 'A', 'Sở Y tế', 'Quý II/2026'),
          'Đã ban hành Kế hoạch số 12/KH-UBND và tổ chức hội nghị triển khai tới các xã',
        ],
        [...row6('2', 'B', 'Sở Y tế', 'Quý II/2026'), 'Đã hoàn thành việc xây dựng đề án'],
        [...row6('3', 'C', 'Sở Y tế', 'Quý II/2026'), 'Sắp xong'],
      ]),
    );
    expect(r.tasks.map((t) => t.progress?.status ?? null)).toEqual([null, 'done', null]);
    expect(r.findings.filter((f) => f.code === 'status-unknown').map((f) => f.data.value)).toEqual([
      'Sắp xong',
    ]);
  });

  it('a completion date beats the status text on on-time / late', () => {
    const H = [...H6, 'Tình trạng', 'Ngày hoàn thành'];
    const r = analyze(
      grid(H, [[...row6('1', 'A', 'Sở Y tế', '30/06/2026'), 'Hoàn thành đúng hạn', '15/07/2026']]),
    );
    expect(r.tasks[0].state).toBe('done-late');
  });

  it('"Tiến độ thực hiện" holding statuses is the status column (the deadline column stays)', () => {
    const r = fixture('tinh-hinh-thuc-hien-2026.tsv');
    expect([r.columns.deadline, r.columns.status]).toEqual(['D', 'E']);
    expect(r.tasks.map((t) => t.progress?.status)).toEqual([
      'done',
      'in-progress',
      'not-started',
      'paused',
    ]);
    expect(r.findings.filter((f) => f.code === 'role-ambiguous')).toEqual([]);
  });

  it('"Tiến độ thực hiện" holding deadlines stays the deadline column', () => {
    const r = fixture('chuong-trinh-2026-2030.tsv');
    expect([r.columns.deadline, r.columns.status]).toEqual(['E', undefined]);
  });

  it('"Tiến độ" holding deadlines is the deadline column when the sheet has no other', () => {
    const r = analyze(
      grid(
        ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Tiến độ'],
        [
          ['1', 'A', 'Sở Y tế', 'Quý II/2026'],
          ['2', 'B', 'Sở Tư pháp', 'Quý III/2026'],
        ],
      ),
    );
    expect([r.columns.deadline, r.columns.status]).toEqual(['D', undefined]);
    expect(r.tasks[0].deadline.due).toBe('2026-06-30');
  });

  it('"Tiến độ" holding statuses stays the status column', () => {
    const r = analyze(
      grid(
        ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Tiến độ'],
        [['1', 'A', 'Sở Y tế', 'Quý II/2026', 'Hoàn thành']],
      ),
    );
    expect([r.columns.deadline, r.columns.status, r.tasks[0].state]).toEqual(['D', 'E', 'done']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('official forms: column numbers under the header, tasks without numbers (issue 15)', () => {
  it('the column numbers are part of the header, also repeated at a page break; the cut task continues', () => {
    const r = fixture('mau-danh-so-cot-2026.tsv');
    expect(r.headerRow).toBe(4);
    expect(r.tasks.map((t) => [t.tt, t.rows])).toEqual([
      ['1', [7]],
      ['2', [8, 12]],
      ['4', [14]],
    ]);
    expect(task(r, '2').task).toBe(
      'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên Cổng dịch vụ công của tỉnh',
    );
    const found = r.findings.map((f) => [f.code, f.cell]);
    expect(found).toContainEqual(['header-repeated', 'A10']);
    expect(found).toContainEqual(['tt-unreadable', 'A13']);
    expect(found.filter(([code]) => code === 'header-repeated')).toHaveLength(1);
    const unreadable = r.findings.find((f) => f.code === 'tt-unreadable')!;
    expect(unreadable.suggestion).toBe('3');
    expect(unreadable.fixes?.[0].edits).toEqual([
      { sheet: 'mau-danh-so-cot-2026.tsv', cell: 'A13', before: '(3)', after: '3' },
    ]);
  });

  it('a list whose TT column is empty has every task, under its column numbers', () => {
    const r = fixture('khong-so-thu-tu-2026.tsv');
    expect(r.tasks.map((t) => [t.task, names(t.lead)])).toEqual([
      ['Tuyên truyền Nghị quyết của Hội đồng nhân dân tỉnh', ['Sở Văn hóa, Thể thao và Du lịch']],
      ['Tổ chức hội nghị báo cáo viên', ['Sở Nội vụ']],
      ['Biên soạn tài liệu hỏi đáp', ['Sở Tư pháp']],
    ]);
    expect(r.summary.total).toBe(3);
  });
});
