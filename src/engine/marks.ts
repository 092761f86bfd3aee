/**
 * Marks: which rows the add-in highlights, as data. Both writers (Office.js inside Excel, ExcelJS
 * for .xlsx files) turn a MarkPlan into conditional-format rules that the add-in owns: each rule's
 * formula carries MARK_TAG, so the add-in can find and delete exactly its own rules and nothing else.
 * Conditional formats never change a cell's own value or format; deleting them restores the sheet.
 */
import type { SheetReport, TaskState } from './types';
import { columnLetter } from './text';

export type MarkKind = 'overdue' | 'due-soon' | 'unassigned' | 'error' | CompareMarkKind;

/** Marks of a comparison with an older version (So sánh với bản trước): rows added, moved, changed. */
export type CompareMarkKind = 'added' | 'moved' | 'changed';

/** Written inside every rule formula the add-in creates: N("…") is 0, so the formula stays TRUE. */
export const MARK_TAG = 'phancong';

export interface MarkStyle {
  /** Fill colour, #RRGGBB. */
  fill: string;
  /** Font colour, #RRGGBB. */
  font: string;
}

export const MARK_STYLES: Record<MarkKind, MarkStyle> = {
  overdue: { fill: '#F8CBAD', font: '#9C0006' },
  'due-soon': { fill: '#FFE699', font: '#7F6000' },
  unassigned: { fill: '#D9D2E9', font: '#3F3151' },
  error: { fill: '#FCE4EC', font: '#9C0006' },
  added: { fill: '#E2EFDA', font: '#375623' },
  moved: { fill: '#DDEBF7', font: '#1F4E78' },
  changed: { fill: '#FFF2CC', font: '#7F6000' },
};

/** Rule priority: when a row is both overdue and unassigned, the first kind listed wins. */
export const MARK_ORDER: MarkKind[] = [
  'overdue',
  'unassigned',
  'due-soon',
  'error',
  'added',
  'moved',
  'changed',
];

/** The order of a comparison's marks (a row added wins over moved, moved over changed). */
export const COMPARE_MARK_ORDER: CompareMarkKind[] = ['added', 'moved', 'changed'];

export interface MarkRule {
  kind: MarkKind;
  style: MarkStyle;
  /** The rule's formula, e.g. =N("phancong:overdue")=0 — always TRUE, tagged. */
  formula: string;
  /** A1 ranges on the report's sheet ("A12:H12", "A14:H15"), merged where rows are adjacent. */
  ranges: string[];
  /** 1-based sheet rows covered. */
  rows: number[];
}

export interface MarkPlan {
  sheet: string;
  rules: MarkRule[];
}

export function markFormula(kind: MarkKind): string {
  return `=N("${MARK_TAG}:${kind}")=0`;
}

/** True when a conditional-format formula is one of ours. */
export function isOwnMarkFormula(formula: string | undefined | null): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARK_TAG}:`);
}

const STATE_MARK: Partial<Record<TaskState, MarkKind>> = {
  overdue: 'overdue',
  'due-soon': 'due-soon',
};

/** Turn a set of 1-based rows into contiguous runs. */
export function rowRuns(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * Plan the marks for a report. Each task row gets at most one kind (MARK_ORDER decides); rows with
 * an error-severity finding that are not otherwise marked get the "error" kind. The marks span the
 * table's columns (`report.firstColumn` … `report.lastColumn`).
 */
export function planMarks(
  report: Pick<SheetReport, 'name' | 'tasks' | 'findings' | 'firstColumn' | 'lastColumn'>,
): MarkPlan {
  const { firstColumn: firstCol, lastColumn: lastCol } = report;
  const byRow = new Map<number, MarkKind>();
  const put = (row: number, kind: MarkKind) => {
    const prev = byRow.get(row);
    if (!prev || MARK_ORDER.indexOf(kind) < MARK_ORDER.indexOf(prev)) byRow.set(row, kind);
  };
  for (const task of report.tasks) {
    const kinds: MarkKind[] = [];
    const k = STATE_MARK[task.state];
    if (k) kinds.push(k);
    if (task.unassigned) kinds.push('unassigned');
    for (const kind of kinds) for (const r of task.rows) put(r, kind);
  }
  for (const f of report.findings) {
    if (f.severity === 'error' && f.row !== null && !byRow.has(f.row)) byRow.set(f.row, 'error');
  }
  const from = columnLetter(firstCol - 1);
  const to = columnLetter(lastCol - 1);
  const rules: MarkRule[] = [];
  for (const kind of MARK_ORDER) {
    const rows = [...byRow.entries()].filter(([, k]) => k === kind).map(([r]) => r);
    if (rows.length === 0) continue;
    const ranges = rowRuns(rows).map(([a, b]) => `${from}${a}:${to}${b}`);
    rules.push({
      kind,
      style: MARK_STYLES[kind],
      formula: markFormula(kind),
      ranges,
      rows: rows.sort((a, b) => a - b),
    });
  }
  return { sheet: report.name, rules };
}

/**
 * Plan the marks of a comparison on the newer version's sheet: each added task's rows, each moved
 * or renumbered task's rows, each row with a changed field (one kind a row, COMPARE_MARK_ORDER
 * decides). The same owned conditional formats as the check's marks: clearing marks removes them.
 * `taskRows`: every row of a task by its first row (a task over several rows is marked whole).
 */
export function planCompareMarks(
  sheet: string,
  c: { added: { row: number }[]; moved: { to: { row: number } }[]; changed: { row: number }[] },
  taskRows: ReadonlyMap<number, readonly number[]>,
  firstCol: number,
  lastCol: number,
): MarkPlan {
  const byRow = new Map<number, CompareMarkKind>();
  const put = (row: number, kind: CompareMarkKind) => {
    for (const r of taskRows.get(row) ?? [row]) {
      const prev = byRow.get(r);
      if (!prev || COMPARE_MARK_ORDER.indexOf(kind) < COMPARE_MARK_ORDER.indexOf(prev))
        byRow.set(r, kind);
    }
  };
  for (const a of c.added) put(a.row, 'added');
  for (const m of c.moved) put(m.to.row, 'moved');
  for (const x of c.changed) put(x.row, 'changed');
  const from = columnLetter(firstCol - 1);
  const to = columnLetter(lastCol - 1);
  const rules: MarkRule[] = [];
  for (const kind of COMPARE_MARK_ORDER) {
    const rows = [...byRow.entries()]
      .filter(([, k]) => k === kind)
      .map(([r]) => r)
      .sort((a, b) => a - b);
    if (!rows.length) continue;
    rules.push({
      kind,
      style: MARK_STYLES[kind],
      formula: markFormula(kind),
      ranges: rowRuns(rows).map(([a, b]) => `${from}${a}:${to}${b}`),
      rows,
    });
  }
  return { sheet, rules };
}
