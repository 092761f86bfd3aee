/**
 * The findings list's grouping (one pass over tens of thousands of findings) gives the groups the
 * list's rule states: filtered, by severity (errors first), rules in order of their first finding,
 * each rule's findings in sheet order (row, then column), keys by the finding's index.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import type { Finding, Severity } from '../../src/engine/types';
import {
  findingKey,
  groupFindings,
  ruleCodes,
  SEVERITIES,
} from '../../src/taskpane/state/selectors';
import type { FindingFilter } from '../../src/taskpane/state/base';
import { generateSheet } from '../../src/tools/bench/bench-sheets';

/** The rule written out plainly: filter, then per severity and code, then sort a copy. */
function plainly(findings: Finding[], filter: FindingFilter) {
  const keyed = findings.map((finding, i) => ({ key: findingKey(finding, i), finding }));
  const kept = keyed.filter(
    ({ finding: f }) =>
      (filter.severity === 'all' || f.severity === filter.severity) &&
      (filter.code === 'all' || f.code === filter.code),
  );
  return SEVERITIES.map((severity: Severity) => {
    const mine = kept.filter((k) => k.finding.severity === severity);
    const codes = [...new Set(mine.map((k) => k.finding.code))];
    const rules = codes.map((code) => ({
      code,
      items: mine
        .filter((k) => k.finding.code === code)
        .sort(
          (a, b) =>
            (a.finding.row ?? 0) - (b.finding.row ?? 0) ||
            (a.finding.col ?? 0) - (b.finding.col ?? 0),
        ),
    }));
    return { severity, count: mine.length, rules };
  }).filter((g) => g.rules.length > 0);
}

test('the groups of a generated 3,000-row report under every filter', () => {
  const findings = analyzeSheet(generateSheet(3000, 8, 9), { asOf: '2026-05-01' }).findings;
  // Out of sheet order too (a report's findings come rule by rule).
  const shuffled = [...findings].reverse();
  expect(findings.length).toBeGreaterThan(500);
  const codes = ruleCodes(findings).map((c) => c.code);
  expect(codes.length).toBeGreaterThan(3);
  for (const list of [findings, shuffled])
    for (const severity of ['all', ...SEVERITIES] as FindingFilter['severity'][])
      for (const code of ['all', ...codes, 'none-such']) {
        const filter = { severity, code };
        expect(groupFindings(list, filter)).toEqual(plainly(list, filter));
      }
});
