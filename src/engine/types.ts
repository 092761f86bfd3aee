/**
 * The engine's data model: a sheet snapshot goes in, a report comes out.
 * Pure types: no Office.js, no DOM, no Node APIs anywhere under src/engine.
 */

/** An Excel error value (#REF!, #N/A, …) as read from a cell. */
export interface CellError {
  error: string;
}

/**
 * One cell's value. Dates arrive as Excel serial numbers (days since 1899-12-30) together with a
 * date number format in `SheetSnapshot.numberFormats`; adapters convert JS Dates to serials.
 */
export type CellValue = string | number | boolean | null | CellError;

/** A merged area, 0-based and inclusive, in snapshot coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One worksheet as the engine sees it. Arrays are row-major and may be ragged; a missing cell is
 * null. `origin` is where values[0][0] sits on the real sheet (0-based), so that cell references
 * in findings name the user's real cells.
 */
export interface SheetSnapshot {
  name: string;
  values: CellValue[][];
  /** Parallel to values: true where the cell's font is bold. */
  bold?: boolean[][];
  /** Parallel to values: the cell's number format ("General", "dd/mm/yyyy", …). */
  numberFormats?: string[][];
  merges?: MergedArea[];
  /** 0-based offsets of values[0][0] on the sheet; default {row: 0, col: 0}. */
  origin?: { row: number; col: number };
  /** 0-based snapshot row indexes the user has hidden (informational). */
  hiddenRows?: number[];
}

/** Column roles, as named in domain.md. */
export const ROLES = [
  'tt',
  'task',
  'leader',
  'inspector',
  'lead',
  'support',
  'deadline',
  'result',
  'status',
  'done-date',
  'note',
] as const;
export type Role = (typeof ROLES)[number];
export const REQUIRED_ROLES: readonly Role[] = ['tt', 'task', 'lead', 'deadline'];

/** Role → 0-based column index (snapshot coordinates). */
export type ColumnMap = Partial<Record<Role, number>>;

export type RowClass = 'section' | 'group' | 'task' | 'continuation' | 'header' | 'blank' | 'other';

export type DeadlineKind = 'date' | 'period' | 'recurring' | 'unknown' | 'missing';

export interface Deadline {
  /** The text as written (for a date cell: dd/mm/yyyy). */
  text: string;
  /** Due date, ISO YYYY-MM-DD: the last day of the period named; null when there is none. */
  due: string | null;
  kind: DeadlineKind;
  /** First day of the period named, when known (ISO). */
  start?: string | null;
  /** The text named no year; the plan year was used. */
  yearInferred?: boolean;
  /** A period spanning several years (Giai đoạn 2026-2030). */
  multiYear?: boolean;
  /** A refining part that falls outside the period, e.g. "Quý I/2026 (tháng 10/2026)". */
  conflict?: string;
  /** Remark in brackets that does not change the date. */
  remark?: string;
  /** Read from running text: every date or period found, as written (the latest is due). */
  parts?: string[];
}

export type PartyKind = 'agency' | 'generic' | 'person';

/** One agency (or person, or generic phrase) named in a lead/support cell. */
export interface AgencyRef {
  /** Canonical name when matched; else the cleaned text as written. */
  name: string;
  /** As written in the cell. */
  raw: string;
  kind: PartyKind;
  /** Matched in the dictionary (exactly or by a known variant). */
  known: boolean;
  /** Matched only approximately or by a non-canonical spelling: a suggestion, not a certainty. */
  variant?: boolean;
  /** The name no longer exists (2025 reorganisation): what took over. */
  renamedTo?: string;
  /** ISO date from which the name no longer exists, when the dictionary knows it. */
  changedOn?: string;
  /** For a person's role: the agency inside it, as a suggestion ("Giám đốc Sở VHTTDL" → Sở VHTTDL). */
  suggestion?: string;
}

/**
 * Every task state, in the one order the add-in shows them (summary sheets, charts, legends): those
 * that need attention first.
 */
export const TASK_STATES = [
  'overdue',
  'due-soon',
  'open',
  'done-on-time',
  'done-late',
  'done',
  'recurring',
  'no-deadline',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** A normalised progress status (from a status column: Tình trạng, Tiến độ, Tình hình thực hiện, …). */
export type ProgressStatus = 'done' | 'in-progress' | 'not-started' | 'paused';
/** On time or late, when the status text says so ("Hoàn thành đúng hạn", "Đang thực hiện quá hạn"). */
export type ProgressTiming = 'on-time' | 'late';

export interface Progress {
  status: ProgressStatus;
  timing?: ProgressTiming;
}

export interface Task {
  /** 1-based sheet row of the task's first row. */
  row: number;
  /** All 1-based sheet rows that make up the task (with continuation rows). */
  rows: number[];
  tt: string;
  /** Label of the enclosing section ("I", "II", …) or null. */
  section: string | null;
  /** tt of the enclosing group row ("1" inside a section), or null. */
  group: string | null;
  task: string;
  leader: string | null;
  inspector: string | null;
  lead: readonly AgencyRef[];
  support: readonly AgencyRef[];
  deadline: Deadline;
  result: string | null;
  status: string | null;
  /** The status text read against the progress-report vocabulary; absent when the cell is empty or unrecognised. */
  progress?: Progress;
  doneDate: string | null;
  note: string | null;
  state: TaskState;
  /** The reporting category (tracking.ts) beside `state`; set by the engine. */
  category?: import('./tracking').ReportCategory;
  unassigned: boolean;
}

export interface Section {
  row: number;
  label: string;
  title: string;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A message's data: facts, never text formatted in one language (the catalogue formats them in the
 * reader's). A list holds items that each name the message that formats them (joined by "; ").
 */
export type MessageData = Record<string, string | number | readonly MessageItem[]>;
export type MessageItem = { messageId: string } & Record<string, string | number>;

export interface Finding {
  /** Stable rule code, e.g. "lead-missing". */
  code: string;
  severity: Severity;
  /** A1 reference of the cell on the user's sheet ("E12"), or null for sheet-level findings. */
  cell: string | null;
  /** 1-based sheet row, or null. */
  row: number | null;
  /** 1-based sheet column, or null. */
  col: number | null;
  role: Role | null;
  /** Message id in the catalogue and its data. */
  messageId: string;
  data: MessageData;
  /** The message, formatted in the report's language. */
  message: string;
  /** A suggested replacement, as data (never applied silently). */
  suggestion?: string;
  /** Edits that would repair this finding, as data; the user chooses and the host applies them. */
  fixes?: Fix[];
}

/**
 * One cell edit of a fix. `before` is the cell's value as the check read it (the host refuses the
 * edit when the cell no longer holds it); `after` is what to write (null: clear the cell).
 */
export interface CellEdit {
  sheet: string;
  /** A1 reference on the user's sheet ("E12"). */
  cell: string;
  before: CellValue;
  after: CellValue;
}

/**
 * A repair offered by the rule that raised a finding (ESLint's `fix` is the model: the rule
 * describes the edit, the host applies it). Deterministic; touches only the cells it lists.
 */
export interface Fix {
  /** Stable within a check: `<code>:<cell>:<choice>` (e.g. "lead-missing:E12:fill"). */
  id: string;
  /** Catalogue id describing the fix ("fix.lead-missing.fill") and its data. */
  messageId: string;
  data: Record<string, string | number>;
  edits: CellEdit[];
  /** Vertical merges to restore, A1 ranges ("E8:E10"); the top-left cell keeps its value. */
  merges?: string[];
}

export type Lang = 'vi' | 'en';

export interface AnalyzeOptions {
  /** ISO date the states are computed for; default: today (caller supplies it: the engine has no clock). */
  asOf: string;
  /** Days before the due date that make a task "due soon". Default 15. */
  dueSoonDays?: number;
  /** Override of the column mapping (role → 0-based snapshot column). */
  columns?: ColumnMap;
  /** Extra dictionary entries (user's own agencies and abbreviations). */
  agencies?: AgencyEntry[];
  lang?: Lang;
  /** Force the plan year. */
  planYear?: number;
}

/** Level of the state a body belongs to (there is no district level after 1 July 2025). */
export type AgencyLevel = 'central' | 'provincial' | 'commune';

/** The level of government a sheet's plan belongs to (inferred from its title rows and agencies). */
export type SheetScope = AgencyLevel;

export interface AgencyEntry {
  canonical: string;
  aliases?: string[];
  /** Former name, replaced by `renamedTo` (2025 reorganisation). */
  renamedTo?: string;
  /** ISO date the change took effect, when known (e.g. 2025-03-01 for the ministries). */
  changedOn?: string;
  /** Level of the body; matching never crosses levels for names whose head word fixes one ("Bộ …", "Sở …"). */
  level?: AgencyLevel;
  /** Generic phrase that names nobody accountable. */
  generic?: boolean;
}

export interface HeaderInfo {
  /** 0-based snapshot row of the (first) header row. */
  row: number;
  /** Number of stacked header rows (1 or 2). */
  height: number;
  columns: ColumnMap;
  /** Normalised header signature, used to spot repeated header rows. */
  texts: string[];
}

export interface ClassifiedRow {
  /** 0-based snapshot row index. */
  index: number;
  /** 1-based sheet row. */
  row: number;
  cls: RowClass;
}

export interface SummaryCount {
  key: string;
  counts: Partial<Record<TaskState | 'unassigned' | 'total', number>>;
}

export interface Summary {
  total: number;
  byState: Partial<Record<TaskState, number>>;
  unassigned: number;
  byLead: SummaryCount[];
  byLeader: SummaryCount[];
  byQuarter: SummaryCount[];
  bySection: SummaryCount[];
  bySupport: { key: string; count: number }[];
  /** The standard per-agency report (issue 12). */
  report?: import('./tracking').StandardReport;
  /** Per lead agency, its overdue and due-soon tasks (when the as-of date is known). */
  reminders?: import('./tracking').AgencyReminder[];
}

/** One column of a sheet's header, for the column-mapping picker. */
export interface HeaderCell {
  /** 0-based snapshot column (what a ColumnMap override uses). */
  col: number;
  /** Column letter on the user's sheet. */
  letter: string;
  /** The header text (stacked header rows joined with " / "); '' for a column without one. */
  text: string;
}

export interface SheetReport {
  name: string;
  /** ISO date the states and categories were computed for: whatever shows them shows this date. */
  asOf: string;
  /** The due-soon window (days) the states were computed with. */
  dueSoonDays: number;
  /** 1-based sheet row of the header, or null when no assignment table was found. */
  headerRow: number | null;
  headerHeight: number;
  /**
   * 1-based sheet columns the table spans (marks cover them): from the snapshot's first column to
   * the last column with a header text (merged header cells counted) or a mapped role.
   */
  firstColumn: number;
  lastColumn: number;
  /**
   * The header row's cells by column; without a header row, every column of the widest row with
   * an empty text (so that the table can still be mapped by hand).
   */
  headerCells: HeaderCell[];
  /** Role → column letter on the user's sheet. */
  columns: Partial<Record<Role, string>>;
  /** Role → 0-based snapshot column (what an override uses). */
  columnIndexes: ColumnMap;
  missingRoles: Role[];
  planYear: number | null;
  /** The years the plan covers (`to` null: open-ended); deadlines outside them are reported. */
  planYears?: { from: number; to: number | null } | null;
  /** Central, provincial or commune-level plan, from the title rows and agencies; null when unclear. */
  scope?: SheetScope | null;
  sections: Section[];
  tasks: Task[];
  rows: ClassifiedRow[];
  findings: Finding[];
  summary: Summary;
}
