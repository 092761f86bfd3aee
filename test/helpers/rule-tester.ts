/**
 * A small rule tester, after ESLint's RuleTester: one rule, its cases as data. A valid case is a
 * sheet on which the rule reports nothing; an invalid case lists every finding the rule reports on
 * its sheet, in order (message id, cell, and what else the case names: role, data, suggestion,
 * fix choices). Each case is checked in Vietnamese and in English (same findings, messages fully
 * formatted and translated), and the cases together must cover every message the rule declares.
 */
import type { Rule } from '../../src/engine/rules';
import type {
  AnalyzeOptions,
  Finding,
  Lang,
  MessageData,
  Role,
  Severity,
  SheetReport,
  SheetSnapshot,
} from '../../src/engine/types';
import { analyze } from './grid';

export interface SheetCase {
  /** Shown in the test's name. */
  name: string;
  sheet: SheetSnapshot;
  options?: Partial<AnalyzeOptions>;
}

export interface ExpectedFinding {
  /** One of the rule's `meta.messages` ('default' for `finding.<code>`). */
  messageId: string;
  cell: string | null;
  /** Checked against the finding (the rule's meta gives it in any case). */
  severity?: Severity;
  role?: Role | null;
  /** Checked as a subset of the finding's data. */
  data?: Partial<MessageData>;
  suggestion?: string;
  /** The fix choices offered, in order (`fix.<code>.<choice>`); [] for none. */
  fixes?: string[];
}

export interface InvalidCase extends SheetCase {
  findings: ExpectedFinding[];
}

const unfilled = /\{\w+(:[\w.-]+)?\}/;

function findingsOf(rule: Rule, c: SheetCase, lang: Lang): Finding[] {
  const report: SheetReport = analyze(c.sheet, { ...c.options, lang });
  return report.findings.filter((f) => f.code === rule.meta.code);
}

const fullId = (code: string, id: string) =>
  id === 'default' ? `finding.${code}` : `finding.${code}.${id}`;

export function ruleTester(
  rule: Rule,
  cases: { valid: SheetCase[]; invalid: InvalidCase[] },
): void {
  const { code, messages } = rule.meta;
  describe(code, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(findingsOf(rule, c, 'vi')).toEqual([]);
      });
    });

    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const found = findingsOf(rule, c, 'vi');
        expect(found.map((f) => `${f.messageId} ${f.cell}`)).toEqual(
          c.findings.map((e) => `${fullId(code, e.messageId)} ${e.cell}`),
        );
        c.findings.forEach((e, i) => {
          const f = found[i];
          expect(f.severity).toBe(messages[e.messageId]);
          if (e.severity) expect(f.severity).toBe(e.severity);
          expect(f.row).toBe(f.cell ? Number(/\d+$/.exec(f.cell)![0]) : null);
          if (e.role !== undefined) expect(f.role).toBe(e.role);
          if (e.data) expect(f.data).toEqual(expect.objectContaining(e.data));
          if (e.suggestion !== undefined) expect(f.suggestion).toBe(e.suggestion);
          if (e.fixes)
            expect((f.fixes ?? []).map((x) => x.messageId)).toEqual(
              e.fixes.map((choice) => `fix.${code}.${choice}`),
            );
          expect(f.message).toMatch(/^Trang '/);
          expect(f.message).not.toMatch(unfilled);
        });
        // The same findings in English; only the words change.
        const en = findingsOf(rule, c, 'en');
        expect(en.map((f) => ({ ...f, message: '', data: {} }))).toEqual(
          found.map((f) => ({ ...f, message: '', data: {} })),
        );
        en.forEach((f, i) => {
          expect(f.message).toMatch(/^Sheet '/);
          expect(f.message).not.toMatch(unfilled);
          expect(f.message).not.toBe(found[i].message);
        });
      });
    });

    it('the invalid cases cover every message the rule declares, and only those', () => {
      const used = new Set(cases.invalid.flatMap((c) => c.findings.map((e) => e.messageId)));
      expect([...used].sort()).toEqual(Object.keys(messages).sort());
    });
  });
}
