/**
 * Validation rules, modelled on ESLint's rule modules: each rule is one file with `meta` (its stable
 * code, severity, type, docs, the message ids it reports) and a small `create` that returns
 * visitors for the parts of the sheet model it cares about. A rule reports a message id plus data
 * and a location; messages live in the catalogue (src/messages/findings.ts) under
 * `finding.<code>` or `finding.<code>.<messageId>`. Suggestions are data, never applied.
 */
import type { Role, Severity } from '../types';
import type { RowModel, SectionModel, SheetModel, TaskModel } from '../model';

export interface RuleMeta {
  /** Stable code, shown to users and used to filter ("lead-missing"). */
  code: string;
  severity: Severity;
  /** problem: the table is wrong; layout: the sheet's shape; suggestion: could be better. */
  type: 'problem' | 'layout' | 'suggestion';
  /** One line on what the rule checks (English, for developers). */
  docs: string;
  /** Message ids this rule reports; 'default' is `finding.<code>`. */
  messages: string[];
  /** The rule can offer a replacement value as a suggestion. */
  hasSuggestions?: boolean;
}

export interface Report {
  messageId?: string;
  data?: Record<string, string | number>;
  /** 0-based snapshot row index (null: sheet-level). */
  index?: number | null;
  /** 0-based snapshot column (null: whole row). */
  col?: number | null;
  role?: Role | null;
  suggestion?: string;
  severity?: Severity;
}

export interface RuleContext {
  model: SheetModel;
  report(r: Report): void;
  /** Column of a role (0-based snapshot), or null when the sheet has no such column. */
  colOf(role: Role): number | null;
}

export interface Visitors {
  sheet?(model: SheetModel): void;
  row?(row: RowModel): void;
  section?(section: SectionModel, index: number): void;
  task?(task: TaskModel): void;
  end?(): void;
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Visitors;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
