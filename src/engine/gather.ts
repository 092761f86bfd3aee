/**
 * Gather the agencies' reports into the master appendix ("Gộp báo cáo"), as data.
 *
 * Each report's tasks are aligned to the master's (`alignTasks`: section + number confirmed by text,
 * else text similarity). A report contributes the tracking values (status, completion date,
 * result / evidence) that differ from the master's: agencies send back full copies, so a value equal
 * to the master's is no contribution, and a blank never erases. One distinct contribution for a task
 * and field is applied (logged with before and after); two different ones are a conflict and neither
 * is applied. Report rows that match no master task are listed, never applied. Nothing is lost:
 * every non-empty tracking value of a report is applied, equal to the master's, or listed.
 * Pure: the adapter writes the result.
 */
import type { AnalyzeOptions, CellValue, SheetReport, SheetSnapshot, Task } from './types';
import { analyzeSheet } from './analyze';
import { alignTasks } from './compare';
import { cellText, fold, isErrorValue } from './text';
import { isDateFormat, parseDeadline, serialToIso } from './deadline';
import { isoToSerial } from './calendar';
import { planTrackingColumns, type TrackingKind, type TrackingPlan } from './tracking-columns';

/** The tracking fields a report contributes (column roles of the engine). */
export const TRACKING_ROLES = ['status', 'done-date', 'result'] as const;
export type TrackingRole = (typeof TRACKING_ROLES)[number];

const ROLE_OF: Record<TrackingKind, TrackingRole> = {
  status: 'status',
  'done-date': 'done-date',
  evidence: 'result',
};

/** A tracking column added to the master before the values are written (1-based sheet row and column of its header). */
export interface AddedColumn {
  role: TrackingRole;
  header: string;
  sheetRow: number;
  sheetCol: number;
}

export interface SourceRef {
  file: string;
  sheet: string;
  /** 1-based sheet row of the report's task. */
  row: number;
}

/** A tracking value as found: the cell's value (a date stays a date) and how it reads. */
export interface TrackedValue {
  value: CellValue;
  /** Display text (dates as dd/mm/yyyy). */
  text: string;
  /** The cell holds a date (written back as a date). */
  isDate: boolean;
}

export interface AppliedChange {
  /** Master row (1-based), task number, field; the master cell (1-based column). */
  row: number;
  col: number;
  tt: string;
  task: string;
  field: TrackingRole;
  before: string;
  after: string;
  value: TrackedValue;
  source: SourceRef;
}

export interface Conflict {
  row: number;
  col: number;
  tt: string;
  task: string;
  field: TrackingRole;
  /** The master's value, left as it was. */
  master: string;
  values: { value: string; source: SourceRef }[];
}

export interface UnmatchedRow extends SourceRef {
  tt: string;
  task: string;
  /** Its non-empty tracking values. */
  values: Partial<Record<TrackingRole, string>>;
}

export interface GatherResult {
  master: { sheet: string; report: SheetReport };
  /** Tracking columns added to the master first. */
  addedColumns: AddedColumn[];
  /** The plan that adds them (tracking-columns.ts, the planner of `phancong track`), null when none are missing. */
  tracking: TrackingPlan | null;
  applied: AppliedChange[];
  conflicts: Conflict[];
  unmatched: UnmatchedRow[];
}

export interface ReportInput {
  file: string;
  snapshot: SheetSnapshot;
  report: SheetReport;
}

export interface PreparedMaster {
  snapshot: SheetSnapshot;
  report: SheetReport;
  added: AddedColumn[];
  tracking: TrackingPlan | null;
}

/**
 * Analyse the master; when tracking columns are missing, plan them as `phancong track` does
 * (planTrackingColumns: right after the table, header style, drop-down and date rule; only the
 * roles the table lacks, past any cell holding something right of the table, as the gathering
 * always placed them) and analyse with their headers in place. Headers are written in Vietnamese,
 * the appendix's own language.
 */
export function prepareMaster(snapshot: SheetSnapshot, options: AnalyzeOptions): PreparedMaster {
  const first = analyzeSheet(snapshot, options);
  const planned = planTrackingColumns(snapshot, first, {
    lang: 'vi',
    missingOnly: true,
    pastContent: true,
  });
  // Placed past every cell in the way, the plan is refused only when nothing is missing.
  if (!planned.ok) return { snapshot, report: first, added: [], tracking: null };
  const plan = planned.plan;
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const values = snapshot.values.slice();
  const merges = [...(snapshot.merges ?? [])];
  const hr = plan.headerRow - 1 - origin.row;
  for (const c of plan.columns) {
    const col = c.col - 1 - origin.col;
    const row: CellValue[] = (values[hr] ?? []).slice();
    while (row.length <= col) row.push(null);
    row[col] = c.header;
    values[hr] = row;
    if (plan.headerHeight > 1)
      merges.push({ top: hr, bottom: hr + plan.headerHeight - 1, left: col, right: col });
  }
  const widened: SheetSnapshot = { ...snapshot, values, merges };
  const added = plan.columns.map((c) => ({
    role: ROLE_OF[c.kind],
    header: c.header,
    sheetRow: plan.headerRow,
    sheetCol: c.col,
  }));
  return { snapshot: widened, report: analyzeSheet(widened, options), added, tracking: plan };
}

/** A cell's value with merged areas resolved (a covered cell reads the merge's top-left value). */
function cellAt(snapshot: SheetSnapshot, index: number, col: number): CellValue {
  for (const m of snapshot.merges ?? []) {
    if (index >= m.top && index <= m.bottom && col >= m.left && col <= m.right)
      return snapshot.values[m.top]?.[m.left] ?? null;
  }
  return snapshot.values[index]?.[col] ?? null;
}

const isoToVn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The tracking value of a task's field in its sheet: its rows' cells, joined when several hold text. */
export function trackedValue(
  snapshot: SheetSnapshot,
  report: SheetReport,
  task: Task,
  field: TrackingRole,
): TrackedValue | null {
  const col = report.columnIndexes[field];
  if (col === undefined) return null;
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const found: { value: CellValue; index: number }[] = [];
  for (const row of task.rows) {
    const index = row - 1 - origin.row;
    const v = cellAt(snapshot, index, col);
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    found.push({ value: v, index });
  }
  if (!found.length) return null;
  if (found.length === 1) {
    const { value, index } = found[0];
    const fmt = snapshot.numberFormats?.[index]?.[col];
    if (
      typeof value === 'number' &&
      (isDateFormat(fmt) || (field === 'done-date' && value > 20000 && value < 80000))
    ) {
      return { value, text: isoToVn(serialToIso(value)), isDate: true };
    }
    const text = cellText(value);
    // A completion date typed as text ("15/10/2026") is written back as a real date.
    if (
      field === 'done-date' &&
      typeof value === 'string' &&
      /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text)
    ) {
      const d = parseDeadline(text);
      if (d.kind === 'date' && d.due)
        return { value: isoToSerial(d.due), text: isoToVn(d.due), isDate: true };
    }
    return { value, text, isDate: false };
  }
  const text = found.map((f) => cellText(f.value)).join(' ');
  return { value: text, text, isDate: false };
}

/** What a value means, for "equal to the master's": dates by date, text folded. */
function meaningKey(field: TrackingRole, v: TrackedValue): string {
  if (isErrorValue(v.value)) return `#${v.value.error}`;
  if (field === 'done-date') {
    if (v.isDate && typeof v.value === 'number') return `d:${serialToIso(v.value)}`;
    const d = parseDeadline(v.text);
    if (d.kind === 'date' && d.due) return `d:${d.due}`;
  }
  return `t:${fold(v.text)}`;
}

/** Gather the reports into the master (see the module comment). */
export function gather(
  master: {
    snapshot: SheetSnapshot;
    report: SheetReport;
    added?: AddedColumn[];
    tracking?: TrackingPlan | null;
  },
  reports: readonly ReportInput[],
): GatherResult {
  const m = master.report;
  const origin = master.snapshot.origin ?? { row: 0, col: 0 };
  type Contribution = { value: TrackedValue; key: string; source: SourceRef };
  const byTaskField = new Map<string, { task: Task; field: TrackingRole; list: Contribution[] }>();
  const unmatched: UnmatchedRow[] = [];

  for (const r of reports) {
    const { pairs, onlyAfter } = alignTasks(m.tasks, r.report.tasks);
    for (const p of pairs) {
      for (const field of TRACKING_ROLES) {
        const value = trackedValue(r.snapshot, r.report, p.after, field);
        if (!value) continue; // a blank never erases
        const key = meaningKey(field, value);
        const current = trackedValue(master.snapshot, m, p.before, field);
        if (current && meaningKey(field, current) === key) continue; // the master's own value, sent back
        const id = `${p.before.row}:${field}`;
        let entry = byTaskField.get(id);
        if (!entry) byTaskField.set(id, (entry = { task: p.before, field, list: [] }));
        entry.list.push({
          value,
          key,
          source: { file: r.file, sheet: r.report.name, row: p.after.row },
        });
      }
    }
    for (const t of onlyAfter) {
      const values: UnmatchedRow['values'] = {};
      for (const field of TRACKING_ROLES) {
        const v = trackedValue(r.snapshot, r.report, t, field);
        if (v) values[field] = v.text;
      }
      unmatched.push({
        file: r.file,
        sheet: r.report.name,
        row: t.row,
        tt: t.tt,
        task: t.task,
        values,
      });
    }
  }

  const applied: AppliedChange[] = [];
  const conflicts: Conflict[] = [];
  const entries = [...byTaskField.values()].sort(
    (a, b) =>
      a.task.row - b.task.row || TRACKING_ROLES.indexOf(a.field) - TRACKING_ROLES.indexOf(b.field),
  );
  for (const { task, field, list } of entries) {
    const col = origin.col + m.columnIndexes[field]! + 1;
    const before = trackedValue(master.snapshot, m, task, field)?.text ?? '';
    const distinct = new Set(list.map((c) => c.key));
    // A master cell inside a merge over several rows is shared: writing it would change other rows.
    const index = task.row - 1 - origin.row;
    const shared = (master.snapshot.merges ?? []).some(
      (g) =>
        g.left <= m.columnIndexes[field]! &&
        g.right >= m.columnIndexes[field]! &&
        g.top <= index &&
        g.bottom >= index &&
        g.bottom > g.top,
    );
    if (distinct.size === 1 && !shared) {
      const c = list[0];
      applied.push({
        row: task.row,
        col,
        tt: task.tt,
        task: task.task,
        field,
        before,
        after: c.value.text,
        value: c.value,
        source: c.source,
      });
    } else {
      conflicts.push({
        row: task.row,
        col,
        tt: task.tt,
        task: task.task,
        field,
        master: before,
        values: list.map((c) => ({ value: c.value.text, source: c.source })),
      });
    }
  }
  return {
    master: { sheet: m.name, report: m },
    addedColumns: master.added ?? [],
    tracking: master.tracking ?? null,
    applied,
    conflicts,
    unmatched,
  };
}
