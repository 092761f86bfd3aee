/**
 * Every validation rule and every message id it declares: one sheet where the finding appears (code,
 * messageId, severity, A1 cell, role) and one where it does not. Plus catalogue checks: unique codes,
 * every declared message in both languages with the same placeholders.
 */
import { RULES } from '../../src/engine/rules';
import type { AnalyzeOptions, Finding, Lang, Role, Severity, SheetReport, SheetSnapshot } from '../../src/engine/types';
import { hasMessage, messageIds, t } from '../../src/messages';
import { analyze as analyzeIn, grid, H5, H6, H8, row5, row6, type Cell } from '../helpers/grid';

/** The language the cases below are analysed in (switched by the English test). */
let LANG: Lang = 'vi';
const analyze = (snap: SheetSnapshot, opts: Partial<AnalyzeOptions> = {}) => analyzeIn(snap, { lang: LANG, ...opts });

const TC = 'Sở Tài chính';
const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
const Q1 = 'Quý I/2026';

interface Expect {
  severity: Severity;
  cell: string | null;
  role: Role | null;
  /** Extra checks on data / suggestion. */
  data?: Record<string, string | number>;
  suggestion?: string;
}

interface Case {
  fires: () => SheetReport;
  expect: Expect;
  passes: () => SheetReport;
}

const ok6 = (tt = '1', task = 'Nhiệm vụ A'): Cell[] => row6(tt, task, TC, Q1);

/** Cases by full message id (finding.<code>[.<id>]). */
const CASES: Record<string, Case> = {
  'finding.header-missing': {
    fires: () => analyze(grid(null, [['Kế hoạch phát triển du lịch'], ['Nội dung dài không phải bảng', 'x']])),
    expect: { severity: 'error', cell: null, role: null, data: { rows: 60 } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.role-missing': {
    fires: () => analyze(grid(['TT', 'Nhiệm vụ', 'Cơ quan phối hợp', 'Thời gian thực hiện'], [['1', 'Nhiệm vụ A', TC, Q1]])),
    expect: { severity: 'error', cell: 'A1', role: 'lead' },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.role-ambiguous': {
    fires: () => analyze(grid(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Thời hạn'], [['1', 'Nhiệm vụ A', TC, Q1, 'Quý II/2026']])),
    expect: { severity: 'warning', cell: 'E1', role: 'deadline', data: { used: 'D', others: 'E' } },
    passes: () => analyze(grid(H5, [row5('1', 'Nhiệm vụ A', TC, Q1)])),
  },
  'finding.header-repeated': {
    fires: () => analyze(grid(H6, [ok6('1'), H6, ok6('2', 'Nhiệm vụ B')])),
    expect: { severity: 'info', cell: 'A3', role: 'tt', data: { header: 1 } },
    passes: () => analyze(grid(H6, [ok6('1'), ok6('2', 'Nhiệm vụ B')])),
  },
  'finding.extra-cells': {
    fires: () => analyze(grid(H6, [[...ok6(), '', 'ghi thêm']])),
    expect: { severity: 'warning', cell: 'H2', role: null, data: { count: 1, last: 'F' } },
    passes: () => analyze(grid(H6, [[...ok6(), '', '']])),
  },
  'finding.cells-shifted': {
    // The deadline sits in the lead column (E); it is read as the deadline (G).
    fires: () => analyze(grid(H8, [['1', 'Nhiệm vụ A', '', '', 'Quý IV/2026', '', '', '']])),
    // The location is the cell as it is (E, the lead column); where it belongs is in the moves.
    expect: { severity: 'warning', cell: 'E2', role: 'lead', data: { count: 1 } },
    passes: () => analyze(grid(H8, [['1', 'Nhiệm vụ A', '', '', 'Sở VHTTDL', TC, 'Quý IV/2026', '']])),
  },
  'finding.markup-in-cell': {
    fires: () => analyze(grid(H6, [row6('1', '<b>Nhiệm vụ A</b>', TC, Q1)])),
    expect: { severity: 'warning', cell: 'B2', role: 'task', data: { count: 1 } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.url-in-cell': {
    fires: () => analyze(grid(H6, [row6('1', 'Cập nhật trang https://dulichlaocai.vn/tin-tuc', TC, Q1)])),
    expect: { severity: 'warning', cell: 'B2', role: 'task', data: { url: 'https://dulichlaocai.vn/tin-tuc' } },
    passes: () => analyze(grid(H6, [row6('1', 'Cập nhật trang dulichlaocai.vn', TC, Q1)])),
  },
  'finding.url-in-cell.search': {
    fires: () => analyze(grid(H6, [row6('1', 'Fanpage, https://www.google.com/search?q=sapa-tourism.com, Youtube', TC, Q1)])),
    expect: { severity: 'warning', cell: 'B2', role: 'task', data: { url: 'https://www.google.com/search?q=sapa-tourism.com' } },
    passes: () => analyze(grid(H6, [row6('1', 'Fanpage, https://sapa-tourism.com, Youtube', TC, Q1)])),
  },
  'finding.cell-error': {
    fires: () => analyze(grid(H6, [['1', 'Nhiệm vụ A', '', TC, { error: '#REF!' }, Q1]])),
    expect: { severity: 'error', cell: 'E2', role: 'support', data: { value: '#REF!' } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.continuation-joined': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A phần đầu', TC, Q1), ['', 'phần sau của nhiệm vụ A']])),
    expect: { severity: 'info', cell: 'B3', role: 'task', data: { task: '1', row: 2 } },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A phần đầu phần sau', TC, Q1)])),
  },
  'finding.merge-lost': {
    fires: () =>
      analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh' }), ok6('2', 'Nhiệm vụ B')])),
    expect: { severity: 'warning', cell: 'C3', role: 'leader', data: { from: 2, rows: '3', count: 1, value: 'Phó Chủ tịch UBND tỉnh' }, suggestion: 'Phó Chủ tịch UBND tỉnh' },
    // Same cells, but the leader is a real vertical merge over both rows.
    passes: () =>
      analyze(
        grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh' }), ok6('2', 'Nhiệm vụ B')], {
          merges: [{ top: 1, left: 2, bottom: 2, right: 2 }],
        }),
      ),
  },
  'finding.section-order': {
    fires: () => analyze(grid(H6, [['I', 'Mục một'], ok6(), ['III', 'Mục ba'], ok6()])),
    expect: { severity: 'warning', cell: 'A4', role: 'tt', data: { label: 'III', expected: 'II', previous: 'I' } },
    passes: () => analyze(grid(H6, [['I', 'Mục một'], ok6(), ['II', 'Mục hai'], ok6()])),
  },
  'finding.section-order.duplicate': {
    fires: () => analyze(grid(H6, [['I', 'Mục một'], ok6(), ['II', 'Mục hai'], ok6(), ['II', 'Mục hai nữa'], ok6()])),
    expect: { severity: 'warning', cell: 'A6', role: 'tt', data: { label: 'II', first: 4 } },
    passes: () => analyze(grid(H6, [['I', 'Mục một'], ok6(), ['II', 'Mục hai'], ok6(), ['III', 'Mục ba'], ok6()])),
  },
  'finding.section-order.missing': {
    fires: () => analyze(grid(H6, [['I', 'Mục một'], ok6(), ['III', 'Mục ba'], ok6()])),
    expect: { severity: 'warning', cell: 'A2', role: 'tt', data: { labels: 'II' } },
    passes: () => analyze(grid(H6, [['I', 'Mục một'], ok6(), ['II', 'Mục hai'], ok6()])),
  },
  'finding.tt-numbering.duplicate': {
    fires: () => analyze(grid(H6, [ok6('1'), ok6('2', 'B'), ok6('2', 'C')])),
    expect: { severity: 'error', cell: 'A4', role: 'tt', data: { tt: '2', first: 3 } },
    passes: () => analyze(grid(H6, [ok6('1'), ok6('2', 'B'), ok6('3', 'C')])),
  },
  'finding.tt-numbering.gap': {
    fires: () => analyze(grid(H6, [ok6('1'), ok6('2', 'B'), ok6('4', 'D')])),
    expect: { severity: 'warning', cell: 'A4', role: 'tt', data: { tt: '4', missing: '3' } },
    // Top-level numbers may run on across sections (1–2 in I, 3 in II): no gap.
    passes: () => analyze(grid(H6, [['I', 'Mục một'], ok6('1'), ok6('2', 'B'), ['II', 'Mục hai'], ok6('3', 'C')])),
  },
  'finding.tt-numbering.order': {
    fires: () => analyze(grid(H6, [ok6('1'), ok6('3', 'C'), ok6('2', 'B')])),
    expect: { severity: 'warning', cell: 'A4', role: 'tt', data: { tt: '2', previous: '3' } },
    passes: () => analyze(grid(H6, [ok6('1'), ok6('2', 'B'), ok6('3', 'C')])),
  },
  'finding.tt-format': {
    fires: () => analyze(grid(H6, [['1', 'Nhóm nhiệm vụ'], ok6('1.1', 'A'), ok6('1.2.', 'B')])),
    expect: { severity: 'info', cell: 'A4', role: 'tt', data: { tt: '1.2.' }, suggestion: '1.2' },
    passes: () => analyze(grid(H6, [['1', 'Nhóm nhiệm vụ'], ok6('1.1', 'A'), ok6('1.2', 'B')])),
  },
  'finding.task-empty': {
    fires: () => analyze(grid(H6, [row6('1', '', TC, Q1)])),
    expect: { severity: 'warning', cell: 'B2', role: 'task', data: { tt: '1' } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.lead-missing': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)])),
    expect: { severity: 'error', cell: 'D2', role: 'lead', data: { tt: '1' } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.lead-missing.lost-merge': {
    fires: () => analyze(grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', '', Q1)])),
    expect: { severity: 'error', cell: 'D3', role: 'lead', data: { tt: '2', from: 2, value: TC }, suggestion: TC },
    // The same blank under a real merged area belongs to the task above's cell.
    passes: () => analyze(grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', '', Q1)], { merges: [{ top: 1, left: 3, bottom: 2, right: 3 }] })),
  },
  'finding.lead-missing.group': {
    fires: () => analyze(grid(H6, [row6('2', 'Nhóm nhiệm vụ', TC, Q1), row6('2.1', 'Nhiệm vụ A', '', Q1)])),
    expect: { severity: 'error', cell: 'D3', role: 'lead', data: { tt: '2.1', from: 2, value: TC }, suggestion: TC },
    passes: () => analyze(grid(H6, [row6('2', 'Nhóm nhiệm vụ', TC, Q1), ok6('2.1')])),
  },
  'finding.lead-generic': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Các sở, ngành, địa phương liên quan', Q1)])),
    expect: { severity: 'warning', cell: 'D2', role: 'lead', data: { value: 'Các sở, ngành, địa phương liên quan' } },
    // One accountable agency next to the generic phrase: fine.
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở Tài chính, các sở, ngành, địa phương liên quan', Q1)])),
  },
  'finding.lead-is-person': {
    fires: () => analyze(grid(H5, [row5('1', 'Nhiệm vụ A', 'Giám đốc Sở VHTTDL', Q1, TC)])),
    expect: { severity: 'warning', cell: 'C2', role: 'lead', data: { value: 'Giám đốc Sở VHTTDL', agency: VHTTDL }, suggestion: VHTTDL },
    passes: () => analyze(grid(H5, [row5('1', 'Nhiệm vụ A', 'Sở VHTTDL', Q1, TC)])),
  },
  'finding.lead-is-person.support': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh', support: 'Giám đốc Sở Nội vụ' })])),
    expect: { severity: 'warning', cell: 'E2', role: 'support', data: { value: 'Giám đốc Sở Nội vụ', agency: 'Sở Nội vụ' }, suggestion: 'Sở Nội vụ' },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh', support: 'Sở Nội vụ' })])),
  },
  'finding.lead-in-support': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { support: 'Sở VHTTDL, Sở Tài chính' })])),
    expect: { severity: 'warning', cell: 'E2', role: 'support', data: { agency: TC } },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { support: 'Sở VHTTDL, Sở Nội vụ' })])),
  },
  'finding.agencies-run-together': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở VHTTDL Các cơ quan truyền thông trên địa bàn tỉnh', Q1)])),
    expect: { severity: 'warning', cell: 'D2', role: 'lead', data: { parts: 'Sở VHTTDL | Các cơ quan truyền thông trên địa bàn tỉnh' } },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở VHTTDL; Các cơ quan truyền thông trên địa bàn tỉnh', Q1)])),
  },
  'finding.agency-name.unknown': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở Phép Thuật', Q1)])),
    expect: { severity: 'info', cell: 'D2', role: 'lead', data: { value: 'Sở Phép Thuật' } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.agency-name.variant': {
    // "Sở VH TTL" is a typo of Sở VHTTDL (domain.md).
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở VH TTL', Q1)])),
    expect: { severity: 'info', cell: 'D2', role: 'lead', data: { value: 'Sở VH TTL', canonical: VHTTDL }, suggestion: VHTTDL },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở VHTTDL', Q1)])),
  },
  'finding.agency-name.renamed': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở Kế hoạch và Đầu tư', Q1)])),
    expect: { severity: 'warning', cell: 'D2', role: 'lead', data: { value: 'Sở Kế hoạch và Đầu tư', now: TC }, suggestion: TC },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.agency-name.renamed-on': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Bộ Kế hoạch và Đầu tư', Q1)])),
    expect: { severity: 'warning', cell: 'D2', role: 'lead', data: { value: 'Bộ Kế hoạch và Đầu tư', now: 'Bộ Tài chính', date: '01/03/2025' }, suggestion: 'Bộ Tài chính' },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', 'Bộ Tài chính', Q1)])),
  },
  'finding.deadline.missing': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, '')])),
    expect: { severity: 'warning', cell: 'F2', role: 'deadline', data: { tt: '1' } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.deadline.unreadable': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Sớm nhất có thể')])),
    expect: { severity: 'error', cell: 'F2', role: 'deadline', data: { value: 'Sớm nhất có thể' } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.deadline.conflict': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Quý I/2026 (tháng 10/2026)')])),
    expect: { severity: 'warning', cell: 'F2', role: 'deadline', data: { value: 'Quý I/2026 (tháng 10/2026)', part: 'tháng 10/2026' } },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Quý II/2026 (vào dịp 30/4)')])),
  },
  'finding.deadline.year-inferred': {
    fires: () => analyze(grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', TC, 'Quý II')])),
    expect: { severity: 'info', cell: 'F3', role: 'deadline', data: { value: 'Quý II', year: 2026 } },
    passes: () => analyze(grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', TC, 'Quý II/2026')])),
  },
  'finding.deadline.outside-plan-years': {
    // A programme for 2026–2030 (title): 2027 and 2030 are inside, 2032 is not.
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Quý II/2027'), row6('2', 'Nhiệm vụ B', TC, 'Quý I/2032')], { title: [['Chương trình hành động giai đoạn 2026–2030']] })),
    expect: { severity: 'warning', cell: 'F4', role: 'deadline', data: { value: 'Quý I/2032', from: 2026, to: 2030 } },
    passes: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Quý II/2027'), row6('2', 'Nhiệm vụ B', TC, 'Năm 2030')], { title: [['Chương trình hành động giai đoạn 2026–2030']] })),
  },
  'finding.deadline.sentence': {
    fires: () => analyze(grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Sơ kết trong quý II hoặc quý III; tổng kết vào tháng 11/2026.')])),
    expect: { severity: 'info', cell: 'F2', role: 'deadline', data: { parts: 'quý II, quý III, tháng 11/2026', due: '30/11/2026' } },
    passes: () => analyze(grid(H6, [ok6()])),
  },
  'finding.status-unknown': {
    fires: () => analyze(grid([...H6, 'Tiến độ'], [[...ok6('1'), 'Hoàn thành'], [...ok6('2', 'Nhiệm vụ B'), 'Gần xong rồi']])),
    expect: { severity: 'warning', cell: 'G3', role: 'status', data: { value: 'Gần xong rồi' } },
    passes: () => analyze(grid([...H6, 'Tiến độ'], [[...ok6('1'), 'Hoàn thành'], [...ok6('2', 'Nhiệm vụ B'), 'Đang thực hiện']])),
  },
  'finding.done-date-invalid': {
    fires: () => analyze(grid([...H6, 'Ngày hoàn thành'], [[...ok6('1'), '10/01/2026'], [...ok6('2', 'Nhiệm vụ B'), 'sắp xong']])),
    expect: { severity: 'warning', cell: 'G3', role: 'done-date', data: { value: 'sắp xong' } },
    passes: () => analyze(grid([...H6, 'Ngày hoàn thành'], [[...ok6('1'), '10/01/2026'], [...ok6('2', 'Nhiệm vụ B'), '']])),
  },
  'finding.done-date-invalid.future': {
    fires: () => analyze(grid([...H6, 'Ngày hoàn thành'], [[...ok6('1'), '10/01/2026'], [...ok6('2', 'Nhiệm vụ B'), '10/04/2026']])),
    expect: { severity: 'warning', cell: 'G3', role: 'done-date', data: { value: '10/04/2026', asOf: '01/03/2026' } },
    passes: () => analyze(grid([...H6, 'Ngày hoàn thành'], [[...ok6('1'), '10/01/2026'], [...ok6('2', 'Nhiệm vụ B'), '01/03/2026']])),
  },
  'finding.deadline.outside-plan': {
    fires: () => analyze(grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', TC, 'Quý I/2024')]), { planYear: 2026 }),
    expect: { severity: 'warning', cell: 'F3', role: 'deadline', data: { value: 'Quý I/2024', year: 2026 } },
    // The next year and a multi-year period are within the plan.
    passes: () => analyze(grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', TC, 'Quý I/2027'), row6('3', 'C', TC, 'Giai đoạn 2026-2030')]), { planYear: 2026 }),
  },
};

/** Every (rule, message id) pair the rules declare. */
const DECLARED: { code: string; id: string; severity: Severity }[] = RULES.flatMap((r) =>
  Object.entries(r.meta.messages).map(([m, severity]) => ({ code: r.meta.code, id: m === 'default' ? `finding.${r.meta.code}` : `finding.${r.meta.code}.${m}`, severity })),
);

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+(?::[\w.-]+)?)\}/g)].map((m) => m[1]))].sort();

describe('rule catalogue (meta)', () => {
  it('every rule has a unique, stable code and declares at least one message', () => {
    const codes = RULES.map((r) => r.meta.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect(r.meta.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(Object.keys(r.meta.messages).length).toBeGreaterThan(0);
      for (const severity of Object.values(r.meta.messages)) expect(['error', 'warning', 'info']).toContain(severity);
    }
  });

  it.each(DECLARED.map((d) => [d.id]))('%s exists in both languages with the same placeholders', (id) => {
    expect(hasMessage(id)).toBe(true);
    expect(messageIds('vi')).toContain(id);
    expect(messageIds('en')).toContain(id);
    const vi = t('vi', id);
    const en = t('en', id);
    expect(vi).not.toBe(id);
    expect(en).not.toBe(id);
    expect(en).not.toBe(vi);
    expect(placeholders(en)).toEqual(placeholders(vi));
  });

  it('the location and shift strings the engine formats have the same placeholders in both languages', () => {
    for (const id of ['where.sheet', 'where.row', 'where.cell', 'where.cellRole', 'shift.move', 'shift.move.column', 'shift.move.nowhere']) {
      expect(messageIds('vi')).toContain(id);
      expect(messageIds('en')).toContain(id);
      expect(placeholders(t('en', id))).toEqual(placeholders(t('vi', id)));
    }
  });

  it('no finding message in the catalogue belongs to an undeclared rule message', () => {
    const declared = new Set(DECLARED.map((d) => d.id));
    for (const lang of ['vi', 'en'] as const) {
      const stray = messageIds(lang).filter((id) => id.startsWith('finding.') && !declared.has(id));
      expect(stray).toEqual([]);
    }
  });

  it('every fix a rule declares has its message (fix.<code>.<choice>) in both languages, with the same placeholders', () => {
    const declared = new Set<string>();
    for (const r of RULES) for (const choice of r.meta.fixes ?? []) declared.add(`fix.${r.meta.code}.${choice}`);
    expect(declared.size).toBeGreaterThanOrEqual(12);
    for (const id of declared) {
      expect(messageIds('vi')).toContain(id);
      expect(messageIds('en')).toContain(id);
      expect(t('en', id)).not.toBe(t('vi', id));
      expect(placeholders(t('en', id))).toEqual(placeholders(t('vi', id)));
    }
    for (const lang of ['vi', 'en'] as const) expect(messageIds(lang).filter((id) => id.startsWith('fix.') && !declared.has(id))).toEqual([]);
  });

  it('this file has a case for every declared message id, and no case for an undeclared one', () => {
    expect(Object.keys(CASES).sort()).toEqual(DECLARED.map((d) => d.id).sort());
  });
});

function findingsOf(report: SheetReport, id: string): Finding[] {
  return report.findings.filter((f) => f.messageId === id);
}

describe.each(DECLARED.map((d) => [d.id, d.code] as const))('%s', (id, code) => {
  const c = CASES[id];
  const run = c ? test : test.skip;

  run('appears, with code, severity, cell and role', () => {
    const report = c.fires();
    const found = findingsOf(report, id);
    expect(found.length).toBeGreaterThan(0);
    const f = found[0];
    expect(f.code).toBe(code);
    expect(f.messageId).toBe(id);
    expect(f.severity).toBe(c.expect.severity);
    expect(f.cell).toBe(c.expect.cell);
    expect(f.role).toBe(c.expect.role);
    if (f.cell) {
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      expect(Number(m[2])).toBe(f.row);
    } else {
      expect(f.row).toBeNull();
    }
    if (c.expect.data) expect(f.data).toEqual(expect.objectContaining(c.expect.data));
    if (c.expect.suggestion !== undefined) expect(f.suggestion).toBe(c.expect.suggestion);
    // The message is formatted: location first, no placeholder left unfilled.
    expect(f.message).toMatch(/^Trang 'Phụ lục'/);
    expect(f.message).not.toMatch(/\{\w+\}/);
  });

  run('is formatted in English when the report is', () => {
    const vi = findingsOf(c.fires(), id)[0];
    let en: Finding;
    LANG = 'en';
    try {
      en = findingsOf(c.fires(), id)[0];
    } finally {
      LANG = 'vi';
    }
    expect({ ...en, message: '' }).toEqual({ ...vi, message: '', data: en.data });
    expect(en.message).toMatch(/^Sheet 'Phụ lục'/);
    expect(en.message).not.toMatch(/\{\w+\}/);
    expect(en.message).not.toBe(vi.message);
  });

  run('does not appear on the corrected sheet', () => {
    const report = c.passes();
    expect(findingsOf(report, id)).toEqual([]);
  });
});

describe('clean sheets', () => {
  it('a well-formed table has no findings at all', () => {
    const report = analyze(
      grid(H8, [
        ['I', 'Mục một'],
        ['1', 'Nhiệm vụ A', 'Phó Chủ tịch UBND tỉnh', 'Giám đốc Sở VHTTDL', 'Sở VHTTDL', 'Sở Tài chính, Sở Nội vụ', 'Quý I/2026', 'Báo cáo'],
        ['2', 'Nhiệm vụ B', 'Phó Chủ tịch UBND tỉnh', 'Giám đốc Sở Tài chính', 'Sở Tài chính', 'Sở VHTTDL', 'Tháng 6/2026', ''],
        ['II', 'Mục hai'],
        ['1', 'Nhiệm vụ C', 'Phó Chủ tịch UBND tỉnh', 'Giám đốc Sở Nội vụ', 'Sở Nội vụ', 'Sở VHTTDL', 'Thường xuyên', ''],
      ]),
    );
    expect(report.findings).toEqual([]);
    expect(report.tasks).toHaveLength(3);
  });

  it('English reports use English locations and messages', () => {
    const en = analyze(grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)]), { lang: 'en' });
    const f = en.findings.find((x) => x.code === 'lead-missing')!;
    expect(f.message).toBe("Sheet 'Phụ lục', row 2, column D (Lead agency): Task 1 has no lead agency.");
    const vi = analyze(grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)]), { lang: 'vi' });
    expect(vi.findings.find((x) => x.code === 'lead-missing')!.message).toBe(
      "Trang 'Phụ lục', dòng 2, cột D (Cơ quan chủ trì): Nhiệm vụ 1 chưa có cơ quan chủ trì.",
    );
  });

  it('cells name the user’s real cells when the snapshot does not start at A1', () => {
    const report = analyze(grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)], { origin: { row: 4, col: 2 } }));
    const f = report.findings.find((x) => x.code === 'lead-missing')!;
    expect(f.cell).toBe('F6');
    expect(f.row).toBe(6);
    expect(f.col).toBe(6);
  });

  it('a done task is not asked for a deadline', () => {
    const report = analyze(
      grid([...H6, 'Tình trạng'], [[...row6('1', 'Nhiệm vụ A', TC, ''), 'Đã hoàn thành']]),
    );
    expect(findingsOf(report, 'finding.deadline.missing')).toEqual([]);
  });

  it('findings are ordered by row, then severity', () => {
    const report = analyze(grid(H6, [row6('1', '', '', 'Sớm nhất có thể'), ok6('1', 'B')]));
    const rows = report.findings.map((f) => f.row ?? 0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const row2 = report.findings.filter((f) => f.row === 2).map((f) => f.severity);
    const order = { error: 0, warning: 1, info: 2 };
    expect(row2).toEqual([...row2].sort((a, b) => order[a] - order[b]));
  });
});
