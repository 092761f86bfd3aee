/**
 * Drafting the appendix from a plan's text: the two real plans against expectations written by
 * hand from the documents, then one group of small cases per extraction rule.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  extractPlan,
  matchLabel,
  findInlineAssignment,
  type PlanDraft,
} from '../../src/engine/plan-text/extract';
import { parseDeadline } from '../../src/engine/deadline';
import { AgencyDictionary, parseAgencyCell } from '../../src/engine/agencies';

const FIX = join(__dirname, '..', 'fixtures');
const seed = (name: string) => readFileSync(join(FIX, 'seeds', name), 'utf8');

interface Expected {
  title: string;
  planYear: number;
  sections: { label: string; title: string }[];
  skipped: string[];
  groups: { tt: string; section: string; title: string }[];
  tasks: {
    tt: string;
    section: string;
    taskPrefix: string;
    lead: string | null;
    support: string | null;
    deadline: string | null;
    resultPrefix: string | null;
  }[];
}

const expected = (name: string): Expected =>
  JSON.parse(readFileSync(join(FIX, 'expected', name), 'utf8')) as Expected;

function checkAgainst(draft: PlanDraft, exp: Expected) {
  expect(draft.title).toBe(exp.title);
  expect(draft.planYear).toBe(exp.planYear);
  expect(draft.sections.map((s) => ({ label: s.label, title: s.title }))).toEqual(exp.sections);
  expect(draft.skipped.map((s) => s.label)).toEqual(exp.skipped);
  expect(draft.groups.map((g) => ({ tt: g.tt, section: g.section, title: g.title }))).toEqual(
    exp.groups,
  );
  expect(draft.tasks.map((t) => t.tt)).toEqual(exp.tasks.map((t) => t.tt));
  draft.tasks.forEach((t, i) => {
    const e = exp.tasks[i]!;
    expect({
      tt: t.tt,
      section: t.section,
      lead: t.leadText,
      support: t.supportText,
      deadline: t.deadlineText,
    }).toEqual({
      tt: e.tt,
      section: e.section,
      lead: e.lead,
      support: e.support,
      deadline: e.deadline,
    });
    expect(t.task.startsWith(e.taskPrefix)).toBe(true);
    if (e.resultPrefix === null) expect(t.resultText).toBeNull();
    else expect(t.resultText?.startsWith(e.resultPrefix)).toBe(true);
  });
  expect(draft.unplaced).toEqual([]);
}

describe('the real plans, against hand-written expectations', () => {
  const dict = new AgencyDictionary();

  test('000 Lào Cai 2026: 13 tasks in two groups of section III, no deadlines', () => {
    const draft = extractPlan(seed('000-lao-cai-ke-hoach-2026.txt'));
    checkAgainst(draft, expected('000-draft.json'));
    expect(draft.tasks).toHaveLength(13);
    // Paragraphs under "- Nội dung:" are kept as detail; the one cut by a page break is joined.
    const t22 = draft.tasks.find((t) => t.tt === '2.2')!;
    expect(t22.detail).toHaveLength(2);
    expect(t22.detail[0]).toContain('tổ chức biểu diễn định kỳ phục vụ khách du lịch');
    // Leads and supports read with the checker's own agency parser.
    for (const t of draft.tasks) {
      const lead = parseAgencyCell(t.leadText!, dict).refs;
      expect(lead.length).toBeGreaterThan(0);
      expect(lead.every((r) => r.kind === 'agency')).toBe(true);
    }
    const t24 = parseAgencyCell(draft.tasks.find((t) => t.tt === '2.4')!.leadText!, dict).refs;
    expect(t24.map((r) => r.name)).toHaveLength(2);
    const s12 = parseAgencyCell(draft.tasks.find((t) => t.tt === '1.2')!.supportText!, dict).refs;
    expect(s12.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Sở Tài chính', 'Sở Nội vụ', 'Thống kê tỉnh']),
    );
    // No task names a deadline: the checker will read each as missing.
    for (const t of draft.tasks)
      expect(parseDeadline(t.deadlineText, { planYear: draft.planYear }).kind).toBe('missing');
  });

  test('003 Hải Dương 2024: 8 tasks of section II with "Tổ chức thực hiện" leads', () => {
    const draft = extractPlan(seed('003-hai-duong-ke-hoach-2024.txt'));
    checkAgainst(draft, expected('003-draft.json'));
    expect(draft.tasks).toHaveLength(8);
    const t1 = draft.tasks[0]!;
    expect(t1.detail).toHaveLength(2);
    expect(t1.detail[0]).toContain('đến năm 2020, tầm nhìn đến năm 2030'); // joined across a page break
    // Deadlines read with the checker's parser: all recurring ("Thường xuyên", "Hàng năm",
    // "… và các năm tiếp theo"), none with a due date.
    const kinds = draft.tasks.map(
      (t) => parseDeadline(t.deadlineText, { planYear: draft.planYear }).kind,
    );
    expect(kinds).toEqual(Array(8).fill('recurring'));
    // Task 2 names five lead departments; one of them no longer exists (Kế hoạch và Đầu tư).
    const lead2 = parseAgencyCell(draft.tasks[1]!.leadText!, dict).refs;
    expect(lead2).toHaveLength(5);
    expect(lead2.some((r) => r.renamedTo === 'Sở Tài chính')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

const plan = (body: string) => `KẾ HOẠCH\n\nThử nghiệm năm 2026\n\nI. NHIỆM VỤ\n\n${body}`;
const tasks = (body: string, opts = {}) => extractPlan(plan(body), opts).tasks;

describe('numbering', () => {
  test('1., 1), 1.1., 1.1 and 2.2.1. make the hierarchy; items with sub-items are groups', () => {
    const d = extractPlan(
      plan(
        [
          '1. Nhóm một',
          '1.1. Việc một một',
          'Đơn vị chủ trì: Sở Nội vụ',
          '1.2 Việc một hai',
          'Đơn vị chủ trì: Sở Tài chính',
          '2) Nhóm hai',
          '2.1. Nhóm hai một',
          '2.1.1. Việc sâu',
          'Cơ quan chủ trì: Sở Y tế',
          '3.4. Việc có dấu chấm cuối.',
          'Chủ trì: Công an tỉnh',
        ].join('\n'),
      ),
    );
    expect(d.groups.map((g) => g.tt)).toEqual(['1', '2', '2.1']);
    expect(d.tasks.map((t) => [t.tt, t.task, t.leadText])).toEqual([
      ['1.1', 'Việc một một', 'Sở Nội vụ'],
      ['1.2', 'Việc một hai', 'Sở Tài chính'],
      ['2.1.1', 'Việc sâu', 'Sở Y tế'],
      ['3.4', 'Việc có dấu chấm cuối', 'Công an tỉnh'],
    ]);
    expect(d.tasks.every((t) => t.section === 'I')).toBe(true);
  });

  test('a number followed by lower case, a year or an amount is not a heading', () => {
    const t = tasks(
      '1. Việc một\n- Doanh thu đạt\n\n2020, tầm nhìn đến năm 2030.\n\n30 tỷ đồng mỗi năm',
    );
    expect(t).toHaveLength(1);
    expect(t[0]!.detail).toEqual([
      'Doanh thu đạt 2020, tầm nhìn đến năm 2030.',
      '30 tỷ đồng mỗi năm',
    ]);
  });

  test('"a)" items are tasks under their numbered parent, and inherit its assignment', () => {
    const d = extractPlan(
      plan(
        [
          '1. Phát triển du lịch',
          'Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch',
          'a) Xây dựng sản phẩm mới',
          'Thời gian thực hiện: Quý II/2026',
          'b) Quảng bá điểm đến',
          'Đơn vị chủ trì: Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch',
          'Thời gian thực hiện: Quý IV/2026',
        ].join('\n'),
      ),
    );
    expect(d.groups.map((g) => [g.tt, g.title])).toEqual([['1', 'Phát triển du lịch']]);
    expect(d.tasks.map((t) => [t.tt, t.leadText, t.deadlineText])).toEqual([
      ['1.a', 'Sở Văn hóa, Thể thao và Du lịch', 'Quý II/2026'],
      ['1.b', 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch', 'Quý IV/2026'],
    ]);
  });
});

describe('bullets', () => {
  test('"-" and "+" paragraphs under a task are its detail', () => {
    const [t] = tasks(
      '1. Việc một\n- Ý thứ nhất;\n+ ý con\n– Ý thứ hai\n• Ý thứ ba\nĐơn vị chủ trì: Sở Nội vụ',
    );
    expect(t!.detail).toEqual(['Ý thứ nhất;', 'ý con', 'Ý thứ hai', 'Ý thứ ba']);
    expect(t!.leadText).toBe('Sở Nội vụ');
  });

  test('bullets that each carry their own lead line become tasks <item>.1, <item>.2', () => {
    const d = extractPlan(
      plan(
        [
          '2. Nhiệm vụ cụ thể',
          'Thời gian thực hiện: Năm 2026',
          '- Rà soát quy hoạch',
          '+ Đơn vị chủ trì: Sở Xây dựng',
          '- Tổ chức lễ hội',
          '+ Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch',
          '+ Đơn vị phối hợp: UBND các xã, phường',
        ].join('\n'),
      ),
    );
    expect(d.groups.map((g) => g.tt)).toEqual(['2']);
    expect(d.tasks.map((t) => [t.tt, t.task, t.leadText, t.supportText, t.deadlineText])).toEqual([
      ['2.1', 'Rà soát quy hoạch', 'Sở Xây dựng', null, 'Năm 2026'],
      [
        '2.2',
        'Tổ chức lễ hội',
        'Sở Văn hóa, Thể thao và Du lịch',
        'UBND các xã, phường',
        'Năm 2026',
      ],
    ]);
  });

  test('a bullet with its own inline assignment is a task of its own', () => {
    const t = tasks(
      [
        '1. Hoàn thiện thể chế',
        '- Rà soát cơ chế, chính sách; Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tư pháp thực hiện',
        '- Cải cách thủ tục hành chính; Sở Nội vụ chủ trì',
      ].join('\n'),
    );
    expect(t.map((x) => [x.tt, x.leadText, x.supportText])).toEqual([
      ['1.1', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Tư pháp'],
      ['1.2', 'Sở Nội vụ', null],
    ]);
  });
});

describe('assignment labels', () => {
  const cases: [string, 'lead' | 'support' | 'deadline' | 'result'][] = [
    ['Đơn vị chủ trì: Sở Tư pháp', 'lead'],
    ['Cơ quan chủ trì: Sở Tư pháp', 'lead'],
    ['Cơ quan, đơn vị chủ trì: Sở Tư pháp', 'lead'],
    ['Chủ trì: Sở Tư pháp', 'lead'],
    ['Chủ trì thực hiện: Sở Tư pháp', 'lead'],
    ['Đơn vị chủ trì thực hiện: Sở Tư pháp', 'lead'],
    ['Tổ chức thực hiện: Sở Tư pháp', 'lead'],
    ['Đơn vị thực hiện: Sở Tư pháp', 'lead'],
    ['Cơ quan thực hiện: Sở Tư pháp', 'lead'],
    ['Cơ quan tham mưu thực hiện: Sở Tư pháp', 'lead'],
    ['Đơn vị phối hợp: Sở Tư pháp', 'support'],
    ['Cơ quan phối hợp: Sở Tư pháp', 'support'],
    ['Cơ quan phối hợp thực hiện: Sở Tư pháp', 'support'],
    ['Phối hợp thực hiện: Sở Tư pháp', 'support'],
    ['Phối hợp: Sở Tư pháp', 'support'],
    ['Thời gian: Quý II/2026', 'deadline'],
    ['Thời gian thực hiện: Quý II/2026', 'deadline'],
    ['Thời gian hoàn thành: Quý II/2026', 'deadline'],
    ['Thời hạn: Quý II/2026', 'deadline'],
    ['Tiến độ thực hiện: Quý II/2026', 'deadline'],
    ['Sản phẩm: Quyết định ban hành', 'result'],
    ['Sản phẩm đầu ra: Quyết định ban hành', 'result'],
    ['Kết quả: Quyết định ban hành', 'result'],
    ['Kết quả dự kiến: Quyết định ban hành', 'result'],
  ];
  test.each(cases)('"%s" → %s', (line, field) => {
    const [t] = tasks(`1. Việc một\n${line}`);
    const value = line.split(': ')[1];
    const got = {
      lead: t!.leadText,
      support: t!.supportText,
      deadline: t!.deadlineText,
      result: t!.resultText,
    };
    expect(got[field]).toBe(value);
    expect(t!.detail).toEqual([]);
  });

  test.each([
    ['- Đơn vị chủ trì: Sở Y tế.'],
    ['+ Đơn vị chủ trì: Sở Y tế;'],
    ['– Đơn vị chủ trì: Sở Y tế'],
    ['- *Đơn vị chủ trì:* Sở Y tế.'],
    ['- **Đơn vị chủ trì**: Sở Y tế.'],
    ['<b>Đơn vị chủ trì</b>: Sở Y tế'],
    ['Đơn vị chủ trì Sở Y tế'],
    ['ĐƠN VỊ CHỦ TRÌ: Sở Y tế'],
    ['Đơn vị chủ trì - Sở Y tế'],
  ])('bullets, markup, colon or not: "%s"', (line) => {
    expect(tasks(`1. Việc một\n${line}`)[0]!.leadText).toBe('Sở Y tế');
  });

  test('without a colon, a label is taken only when the value looks like one', () => {
    const [t] = tasks(
      [
        '1. Việc một',
        '- Tổ chức thực hiện tốt các tiêu chí về văn hóa',
        '- Thời gian qua, tỉnh đã đạt nhiều kết quả trong năm 2025',
        '- Phối hợp với Sở Tài chính bố trí kinh phí',
        '- Kết quả thực hiện được báo cáo hằng năm',
        'Thời gian thực hiện Quý III/2026',
      ].join('\n'),
    );
    expect(t!.leadText).toBeNull();
    expect(t!.supportText).toBeNull();
    expect(t!.resultText).toBeNull();
    expect(t!.deadlineText).toBe('Quý III/2026');
    expect(t!.detail).toHaveLength(4);
  });

  test('a label with an empty value opens a block: the deeper bullets are its value', () => {
    const [t] = tasks(
      [
        '1. Việc một',
        '- Nội dung:',
        '+ Làm việc A',
        '+ Làm việc B',
        '- Sản phẩm:',
        '+ Báo cáo',
        '+ Cơ sở dữ liệu',
        '- Đơn vị chủ trì:',
        '+ Sở Tài chính;',
        '+ Sở Nội vụ.',
        '- Đơn vị phối hợp:',
        'UBND các xã, phường',
      ].join('\n'),
    );
    expect(t!.detail).toEqual(['Làm việc A', 'Làm việc B']);
    expect(t!.resultText).toBe('Báo cáo\nCơ sở dữ liệu');
    expect(t!.leadText).toBe('Sở Tài chính; Sở Nội vụ');
    expect(t!.supportText).toBe('UBND các xã, phường');
  });

  test('several labels on one line', () => {
    const [t] = tasks(
      '1. Việc một\n- Chủ trì: Sở Y tế; Phối hợp: Sở Tài chính; Thời gian: Quý II/2026.',
    );
    expect([t!.leadText, t!.supportText, t!.deadlineText]).toEqual([
      'Sở Y tế',
      'Sở Tài chính',
      'Quý II/2026',
    ]);
  });

  test('matchLabel: not a label', () => {
    expect(matchLabel('Chủ động phối hợp với các ngành')).toBeNull();
    expect(matchLabel('Nội dung triển khai phải đảm bảo thống nhất')).toBeNull();
    expect(matchLabel('Chủ trì tham mưu Ủy ban nhân dân tỉnh tổ chức triển khai')).toBeNull();
  });
});

describe('inline assignment', () => {
  test('a paragraph "X chủ trì, phối hợp với Y thực hiện" assigns the task', () => {
    const [t] = tasks(
      '1. Xây dựng kế hoạch đào tạo\n- Mở 03 lớp bồi dưỡng.\nSở Nội vụ chủ trì, phối hợp với Sở Giáo dục và Đào tạo; UBND các xã, phường thực hiện.',
    );
    expect(t!.leadText).toBe('Sở Nội vụ');
    expect(t!.supportText).toBe('Sở Giáo dục và Đào tạo; UBND các xã, phường');
    expect(t!.detail).toEqual(['Mở 03 lớp bồi dưỡng.']);
  });

  test('at the end of the heading, in brackets, with a deadline', () => {
    const [t] = tasks(
      '1. Xây dựng Quy hoạch quảng cáo ngoài trời (Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Xây dựng; thời gian: Quý III/2026)',
    );
    expect(t!.task).toBe('Xây dựng Quy hoạch quảng cáo ngoài trời');
    expect(t!.leadText).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(t!.supportText).toBe('Sở Xây dựng');
    expect(t!.deadlineText).toBe('Quý III/2026');
  });

  test('labels in a trailing bracket, on a heading and on bullets (each bullet then a task)', () => {
    const [t] = tasks(
      '1. Xây dựng đề án (Chủ trì: Sở Nội vụ; Phối hợp: Sở Tài chính; Thời gian: Quý II/2026).',
    );
    expect([t!.task, t!.leadText, t!.supportText, t!.deadlineText]).toEqual([
      'Xây dựng đề án',
      'Sở Nội vụ',
      'Sở Tài chính',
      'Quý II/2026',
    ]);
    const b = tasks(
      '3. Chuyển đổi số\n- Số hóa di sản (Chủ trì: Sở Văn hóa, Thể thao và Du lịch; Thời gian: Năm 2026)\n- Bản đồ số (Chủ trì: Sở Khoa học và Công nghệ)',
    );
    expect(b.map((x) => [x.tt, x.task, x.leadText, x.deadlineText])).toEqual([
      ['3.1', 'Số hóa di sản', 'Sở Văn hóa, Thể thao và Du lịch', 'Năm 2026'],
      ['3.2', 'Bản đồ số', 'Sở Khoa học và Công nghệ', null],
    ]);
  });

  test('in a sentence: the lead starts at an agency name, the supports stop at the verb', () => {
    const a = findInlineAssignment(
      'Rà soát quỹ đất, Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan tham mưu UBND tỉnh bố trí',
    );
    expect(a).toMatchObject({
      lead: 'Sở Nông nghiệp và Môi trường',
      support: 'Sở Tài chính; các cơ quan liên quan',
      pure: false,
    });
    expect(findInlineAssignment('Tăng cường vai trò chủ trì của các cấp')).toBeNull();
    expect(findInlineAssignment('Sở Y tế chủ trì')).toMatchObject({
      lead: 'Sở Y tế',
      support: null,
      pure: true,
    });
  });
});

describe('sections', () => {
  test('purpose, target and funding sections are skipped and listed; task sections are read', () => {
    const d = extractPlan(
      [
        'I. MỤC ĐÍCH, YÊU CẦU',
        '1. Mục đích',
        '- Nâng cao nhận thức.',
        'II. NHIỆM VỤ, GIẢI PHÁP',
        '1. Việc một',
        'Đơn vị chủ trì: Sở Y tế',
        'III. KINH PHÍ',
        'Ngân sách nhà nước.',
        'IV. TỔ CHỨC THỰC HIỆN',
        '1. Sở Y tế: Chủ trì, phối hợp với các sở theo dõi.',
      ].join('\n'),
    );
    expect(d.sections.map((s) => s.label)).toEqual(['II']);
    expect(d.skipped.map((s) => `${s.label}. ${s.title}`)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'III. KINH PHÍ',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(d.tasks.map((t) => t.tt)).toEqual(['1']);
  });

  test('a section with another title is read when it holds assignment lines', () => {
    const d = extractPlan('I. MỤC TIÊU CỤ THỂ\n1. Đạt 100 nghìn khách\nĐơn vị chủ trì: Sở Du lịch');
    expect(d.sections.map((s) => s.label)).toEqual(['I']);
    expect(d.tasks[0]!.leadText).toBe('Sở Du lịch');
  });

  test('"TỔ CHỨC THỰC HIỆN" read per agency: when no other section holds tasks, or on request', () => {
    const text = [
      'I. MỤC ĐÍCH',
      'Nâng cao nhận thức.',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Sở Tài chính: Chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch tham mưu bố trí kinh phí.',
      '2. Sở Văn hóa, Thể thao và Du lịch',
      '- Theo dõi, đôn đốc việc thực hiện Kế hoạch.',
      '- Tổng hợp báo cáo hằng năm.',
    ].join('\n');
    const d = extractPlan(text);
    expect(d.tasks.map((t) => [t.tt, t.task, t.leadText, t.supportText])).toEqual([
      [
        '1',
        'Chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch tham mưu bố trí kinh phí',
        'Sở Tài chính',
        'Sở Văn hóa, Thể thao và Du lịch',
      ],
      ['2', 'Theo dõi, đôn đốc việc thực hiện Kế hoạch', 'Sở Văn hóa, Thể thao và Du lịch', null],
    ]);
    expect(d.tasks[1]!.detail).toEqual(['Tổng hợp báo cáo hằng năm.']);
    const withTasks = `III. NHIỆM VỤ\n1. Việc\nChủ trì: Sở Y tế\n${text}`;
    expect(extractPlan(withTasks).tasks).toHaveLength(1);
    expect(extractPlan(withTasks, { organization: true }).tasks).toHaveLength(3);
  });

  test('with no section headings, reading starts at the first numbered item and stops at "Trên đây là"', () => {
    const d = extractPlan(
      'Căn cứ Luật Tổ chức chính quyền địa phương;\n1. Việc một\nChủ trì: Sở Y tế\nTrên đây là Kế hoạch …\n2. Không phải việc',
    );
    expect(d.sections).toEqual([]);
    expect(d.tasks.map((t) => [t.tt, t.section])).toEqual([['1', null]]);
  });
});

describe('unplaced lines are reported', () => {
  test('text and assignment lines before the first task, duplicates, footnotes', () => {
    const d = extractPlan(
      plan(
        [
          'Các nhiệm vụ cụ thể như sau:',
          'Đơn vị chủ trì: Sở Y tế',
          '1. Việc một',
          'Đơn vị chủ trì: Sở Tài chính',
          'Đơn vị chủ trì: Sở Nội vụ',
          '¹ Chú thích cuối trang',
        ].join('\n'),
      ),
    );
    expect(d.unplaced.map((u) => [u.reason, u.text])).toEqual([
      ['before-first-task', 'Các nhiệm vụ cụ thể như sau:'],
      ['assignment-without-task', 'Đơn vị chủ trì: Sở Y tế'],
      ['duplicate-field', 'Đơn vị chủ trì: Sở Nội vụ'],
      ['footnote', '¹ Chú thích cuối trang'],
    ]);
    expect(d.tasks[0]!.leadText).toBe('Sở Tài chính');
    expect(d.unplaced[0]!.line).toBe(7);
  });
});

describe('title and plan year', () => {
  test('title is the paragraph after KẾ HOẠCH; the year comes from the deadlines when two name it', () => {
    const d = extractPlan(
      plan('1. A\nThời gian: Quý I/2027\n2. B\nThời gian: Quý II/2027\n3. C\nThời gian: Quý III'),
    );
    expect(d.title).toBe('Thử nghiệm năm 2026');
    expect(d.planYear).toBe(2027);
    expect(extractPlan(plan('1. A\nThời gian: Quý I/2027')).planYear).toBe(2026);
    expect(extractPlan(plan('1. A'), { planYear: 2030 }).planYear).toBe(2030);
  });

  test('the engine module stays pure', () => {
    const src = readFileSync(
      join(__dirname, '..', '..', 'src', 'engine', 'plan-text', 'extract.ts'),
      'utf8',
    );
    expect(src).not.toMatch(
      /from '(?:fs|path|node:\w+)'|require\(|new Date\(|Date\.now|document\.|window\./,
    );
  });
});
