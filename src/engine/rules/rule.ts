/**
 * Validation rules, modelled on ESLint's rule modules: each rule is one file with `meta` (its stable
 * code, type, docs, the message ids it reports with the severity of each) and a small `create` that
 * returns visitors for the parts of the sheet model it cares about. A rule reports a message id plus
 * data and a location (`reportTask` for the usual one: a task's cell in a role's column); the data
 * holds facts, never formatted text: messages live in the catalogue (src/messages/findings.ts) under
 * `finding.<code>` or `finding.<code>.<messageId>`, which formats them in the reader's language.
 * Suggestions are data, never applied.
 *
 * Fixes are data too (ESLint's `fix` is the model): a rule that knows the edit that repairs a
 * finding reports it as `fixes` (cell edits, and vertical merges to restore), built with the
 * context's `edit` helper; the host applies the one the user chooses. A fix is deterministic,
 * touches only the cells it lists, and after it is applied a new check no longer raises the finding.
 */
import type { CellEdit, CellValue, MessageData, Role, Severity } from '../types';
import type { RowModel, SectionModel, SheetModel, TaskModel } from '../model';

export interface RuleMeta {
  /** Stable code, shown to users and used to filter ("lead-missing"). */
  code: string;
  /** problem: the table is wrong; layout: the sheet's shape; suggestion: could be better. */
  type: 'problem' | 'layout' | 'suggestion';
  /** One line on what the rule checks (English, for developers). */
  docs: string;
  /** Message ids this rule reports, each with its severity; 'default' is `finding.<code>`. */
  messages: Record<string, Severity>;
  /** The rule can offer a replacement value as a suggestion. */
  hasSuggestions?: boolean;
  /** Fix choices the rule can offer (catalogue `fix.<code>.<choice>`). */
  fixes?: string[];
}

/** A fix as a rule describes it; the check adds its id (`<code>:<cell>:<choice>`) and message id. */
export interface FixDraft {
  /** One of the rule's `meta.fixes`. */
  choice: string;
  data?: Record<string, string | number>;
  edits: CellEdit[];
  /** Vertical merges to restore, A1 ranges. */
  merges?: string[];
}

/** What a report adds beyond its location, message and data. */
export interface ReportExtras {
  suggestion?: string;
  /** Repairs the user may apply (empty or absent: none). */
  fixes?: FixDraft[];
}

export interface Report extends ReportExtras {
  /** One of `meta.messages` (absent: 'default'); its severity is the finding's. */
  messageId?: string;
  data?: MessageData;
  /** 0-based snapshot row index (null: sheet-level). */
  index?: number | null;
  /** 0-based snapshot column (null: whole row). */
  col?: number | null;
  role?: Role | null;
}

export interface RuleContext {
  model: SheetModel;
  report(r: Report): void;
  /** Report at a task's first row, in the column of `role` (the row alone when the sheet has none). */
  reportTask(
    task: TaskModel,
    role: Role,
    messageId: string,
    data: MessageData,
    extras?: ReportExtras,
  ): void;
  /** Column of a role (0-based snapshot), or null when the sheet has no such column. */
  colOf(role: Role): number | null;
  /** The A1 reference on the user's sheet of a 0-based snapshot cell. */
  cellRef(index: number, col: number): string;
  /** A cell's value as the snapshot holds it (merges not resolved; null when empty). */
  rawValue(index: number, col: number): CellValue;
  /** One cell edit of a fix: the snapshot cell's current value → `after` (null clears it). */
  edit(index: number, col: number, after: CellValue): CellEdit;
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
