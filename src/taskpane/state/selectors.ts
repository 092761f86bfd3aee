/** Pure views of the pane state that components render (counts, groups, options). */
import type { Finding, SheetReport, Severity } from '../../engine/types';
import type { FindingFilter, HeaderColumn } from './base';

export interface Counters {
  tasks: number;
  overdue: number;
  dueSoon: number;
  unassigned: number;
  errors: number;
  warnings: number;
}

const countersOf = new WeakMap<SheetReport, Counters>();

/** The pane's counters for a report (counted once per report: the pane renders on every state change). */
export function counters(report: SheetReport): Counters {
  const known = countersOf.get(report);
  if (known) return known;
  let errors = 0;
  let warnings = 0;
  for (const f of report.findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const out: Counters = {
    tasks: report.summary.total,
    overdue: report.summary.byState.overdue ?? 0,
    dueSoon: report.summary.byState['due-soon'] ?? 0,
    unassigned: report.summary.unassigned,
    errors,
    warnings,
  };
  countersOf.set(report, out);
  return out;
}

/** A finding's identity within one report (findings have no id of their own). */
export function findingKey(f: Finding, index: number): string {
  return `${index}:${f.code}:${f.cell ?? '-'}`;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingItem {
  key: string;
  finding: Finding;
}

export interface RuleGroup {
  code: string;
  items: FindingItem[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

/** Findings filtered, then grouped by severity (errors first) and by rule code, in sheet order. */
export function groupFindings(findings: Finding[], filter: FindingFilter): SeverityGroup[] {
  // One pass over the findings (a 50,000-row report holds tens of thousands): per severity, the
  // rules in the order their first finding comes.
  const bySeverity = new Map<Severity, Map<string, FindingItem[]>>();
  for (const severity of SEVERITIES)
    if (filter.severity === 'all' || filter.severity === severity)
      bySeverity.set(severity, new Map());
  findings.forEach((finding, i) => {
    const rules = bySeverity.get(finding.severity);
    if (!rules) return;
    if (filter.code !== 'all' && finding.code !== filter.code) return;
    let list = rules.get(finding.code);
    if (!list) {
      list = [];
      rules.set(finding.code, list);
    }
    list.push({ key: findingKey(finding, i), finding });
  });
  const groups: SeverityGroup[] = [];
  for (const [severity, rules] of bySeverity) {
    if (rules.size === 0) continue;
    const ruleGroups = [...rules.entries()].map(([code, items]) => ({
      code,
      items: sortedByCell(items),
    }));
    groups.push({
      severity,
      count: ruleGroups.reduce((n, g) => n + g.items.length, 0),
      rules: ruleGroups,
    });
  }
  return groups;
}

const byCell = (a: FindingItem, b: FindingItem) =>
  (a.finding.row ?? 0) - (b.finding.row ?? 0) || (a.finding.col ?? 0) - (b.finding.col ?? 0);

/** Items in sheet order (row, then column; a stable sort), not sorted again when they already are. */
function sortedByCell(items: FindingItem[]): FindingItem[] {
  for (let i = 1; i < items.length; i++)
    if (byCell(items[i - 1], items[i]) > 0) return items.sort(byCell);
  return items;
}

/** Rule codes present in the report with their counts, for the rule filter. */
export function ruleCodes(findings: Finding[]): { code: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([code, count]) => ({ code, count }));
}

export function headerColumn(
  header: HeaderColumn[],
  index: number | undefined,
): HeaderColumn | undefined {
  return index === undefined ? undefined : header.find((h) => h.col === index);
}
