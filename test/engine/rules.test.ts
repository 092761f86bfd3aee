/**
 * The rules as a whole: catalogue checks (unique codes, every declared message in both languages
 * with the same placeholders, fix messages) and sheets seen by all rules together. Each rule's own
 * cases are in test/engine/rules/<code>.test.ts (test/helpers/rule-tester.ts).
 */
import { existsSync } from 'fs';
import { join } from 'path';
import { RULES } from '../../src/engine/rules';
import type {
  AnalyzeOptions,
  Finding,
  Severity,
  SheetReport,
  SheetSnapshot,
} from '../../src/engine/types';
import { hasMessage, messageIds, t } from '../../src/messages';
import { analyze as analyzeIn, grid, H6, H8, row6, type Cell } from '../helpers/grid';

const analyze = (snap: SheetSnapshot, opts: Partial<AnalyzeOptions> = {}) =>
  analyzeIn(snap, { lang: 'vi', ...opts });

const TC = 'Sở Tài chính';
const Q1 = 'Quý I/2026';
const ok6 = (tt = '1', task = 'Nhiệm vụ A'): Cell[] => row6(tt, task, TC, Q1);

/** Every (rule, message id) pair the rules declare. */
const DECLARED: { code: string; id: string; severity: Severity }[] = RULES.flatMap((r) =>
  Object.entries(r.meta.messages).map(([m, severity]) => ({
    code: r.meta.code,
    id: m === 'default' ? `finding.${r.meta.code}` : `finding.${r.meta.code}.${m}`,
    severity,
  })),
);

const placeholders = (s: string) =>
  [...new Set([...s.matchAll(/\{(\w+(?::[\w.-]+)?)\}/g)].map((m) => m[1]))].sort();

describe('rule catalogue (meta)', () => {
  it('every rule has a unique, stable code and declares at least one message', () => {
    const codes = RULES.map((r) => r.meta.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect(r.meta.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(Object.keys(r.meta.messages).length).toBeGreaterThan(0);
      for (const severity of Object.values(r.meta.messages))
        expect(['error', 'warning', 'info']).toContain(severity);
    }
  });

  it.each(DECLARED.map((d) => [d.id]))(
    '%s exists in both languages with the same placeholders',
    (id) => {
      expect(hasMessage(id)).toBe(true);
      expect(messageIds('vi')).toContain(id);
      expect(messageIds('en')).toContain(id);
      const vi = t('vi', id);
      const en = t('en', id);
      expect(vi).not.toBe(id);
      expect(en).not.toBe(id);
      expect(en).not.toBe(vi);
      expect(placeholders(en)).toEqual(placeholders(vi));
    },
  );

  it('the location and shift strings the engine formats have the same placeholders in both languages', () => {
    for (const id of [
      'where.sheet',
      'where.row',
      'where.cell',
      'where.cellRole',
      'shift.move',
      'shift.move.column',
      'shift.move.nowhere',
    ]) {
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
    for (const r of RULES)
      for (const choice of r.meta.fixes ?? []) declared.add(`fix.${r.meta.code}.${choice}`);
    expect(declared.size).toBeGreaterThanOrEqual(12);
    for (const id of declared) {
      expect(messageIds('vi')).toContain(id);
      expect(messageIds('en')).toContain(id);
      expect(t('en', id)).not.toBe(t('vi', id));
      expect(placeholders(t('en', id))).toEqual(placeholders(t('vi', id)));
    }
    for (const lang of ['vi', 'en'] as const)
      expect(messageIds(lang).filter((id) => id.startsWith('fix.') && !declared.has(id))).toEqual(
        [],
      );
  });

  it('every rule has its own test file (test/engine/rules/<code>.test.ts, with the rule tester)', () => {
    for (const r of RULES)
      expect(existsSync(join(__dirname, 'rules', `${r.meta.code}.test.ts`))).toBe(true);
  });
});

function findingsOf(report: SheetReport, id: string): Finding[] {
  return report.findings.filter((f) => f.messageId === id);
}

describe('clean sheets', () => {
  it('a well-formed table has no findings at all', () => {
    const report = analyze(
      grid(H8, [
        ['I', 'Mục một'],
        [
          '1',
          'Nhiệm vụ A',
          'Phó Chủ tịch UBND tỉnh',
          'Giám đốc Sở VHTTDL',
          'Sở VHTTDL',
          'Sở Tài chính, Sở Nội vụ',
          'Quý I/2026',
          'Báo cáo',
        ],
        [
          '2',
          'Nhiệm vụ B',
          'Phó Chủ tịch UBND tỉnh',
          'Giám đốc Sở Tài chính',
          'Sở Tài chính',
          'Sở VHTTDL',
          'Tháng 6/2026',
          '',
        ],
        ['II', 'Mục hai'],
        [
          '1',
          'Nhiệm vụ C',
          'Phó Chủ tịch UBND tỉnh',
          'Giám đốc Sở Nội vụ',
          'Sở Nội vụ',
          'Sở VHTTDL',
          'Thường xuyên',
          '',
        ],
      ]),
    );
    expect(report.findings).toEqual([]);
    expect(report.tasks).toHaveLength(3);
  });

  it('English reports use English locations and messages', () => {
    const en = analyze(grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)]), { lang: 'en' });
    const f = en.findings.find((x) => x.code === 'lead-missing')!;
    expect(f.message).toBe(
      "Sheet 'Phụ lục', row 2, column D (Lead agency): Task 1 has no lead agency.",
    );
    const vi = analyze(grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)]), { lang: 'vi' });
    expect(vi.findings.find((x) => x.code === 'lead-missing')!.message).toBe(
      "Trang 'Phụ lục', dòng 2, cột D (Cơ quan chủ trì): Nhiệm vụ 1 chưa có cơ quan chủ trì.",
    );
  });

  it('cells name the user’s real cells when the snapshot does not start at A1', () => {
    const report = analyze(
      grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)], { origin: { row: 4, col: 2 } }),
    );
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
