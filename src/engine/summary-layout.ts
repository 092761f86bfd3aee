/**
 * The summary sheet ("PC Tổng hợp") described once, as data: its rows, labels, counts and the
 * formulas that recompute them, in a neutral form. Each writer only renders it: ExcelJS
 * (adapters/xlsx/write-summary.ts: live formulas with the counts cached as results) and Office.js
 * (adapters/office/summary.ts: the counts as values, beside PivotTables and a chart). Pure.
 *
 * - row 1: the title; row 2: the as-of date and the sheet the figures come from;
 * - from row 4, one block per key (lead agency, leader, due quarter, section): a title row, a header
 *   row (key, every state in TASK_STATES order, total), one row per key, a total row; a blank row
 *   between blocks.
 * - The counts are COUNTIFS over bounded ranges of the task table (whole columns would count blank
 *   cells below the table for the "no section" / "no leader" rows); the lead block counts the lead
 *   rows of the task × agency table, so a task with two leads counts for each. Where COUNTIFS cannot
 *   match a key exactly (wildcards * ? ~, a leading = < >, text that looks like a number or a
 *   boolean, keys over 200 characters, two keys that differ only in case) the count is an exact
 *   match instead (SUMPRODUCT(EXACT(…)) in Excel).
 */
import { TASK_STATES, type Lang, type Summary, type SummaryCount, type TaskState } from './types';
import { AGENCY_COLUMNS, TASK_COLUMNS } from './tables';
import { t } from '../messages';

export type TaskColumn = (typeof TASK_COLUMNS)[number];
export type AgencyColumn = (typeof AGENCY_COLUMNS)[number];

/**
 * A column of one of the add-in's tables, meaning all its data rows (below the header). The renderer
 * knows the sheet the table landed on, the column's position and the number of rows.
 */
export type ColumnRef =
  { table: 'tasks'; column: TaskColumn } | { table: 'agencies'; column: AgencyColumn };

/** A cell of the same sheet (0-based); `fixRow` / `fixCol` make that part absolute. */
export interface CellRef {
  row: number;
  col: number;
  fixRow?: boolean;
  fixCol?: boolean;
}

/** A value a criterion compares with: a text, or the text of a cell. */
export type Operand = { text: string } | { ref: CellRef };

export interface Criterion {
  range: ColumnRef;
  match: Operand;
}

export type Formula =
  /** Rows where every criterion holds (COUNTIFS: case-insensitive, wildcards). */
  | { fn: 'countIfs'; criteria: Criterion[] }
  /** Rows whose first range equals its text exactly (case too) and the others equal theirs. */
  | { fn: 'countExact'; exact: Criterion; equal: Criterion[] }
  /** The sum of a row of cells. */
  | { fn: 'sum'; from: CellRef; to: CellRef }
  /** The non-empty cells of a column. */
  | { fn: 'countA'; range: ColumnRef }
  /** The sum of several formulas. */
  | { fn: 'plus'; terms: Formula[] }
  /** part / whole as a percentage with one decimal, 0 when whole is 0. */
  | { fn: 'percent'; part: CellRef; whole: CellRef };

/**
 * How a cell looks; each renderer maps these to its own formats. The summary: title … total; the
 * standard report (report-layout.ts): report*, bold for its total row; the reminder list: remind*.
 */
export type CellStyle =
  | 'title'
  | 'note'
  | 'blockTitle'
  | 'headerKey'
  | 'header'
  | 'total'
  | 'reportTitle'
  | 'reportPlan'
  | 'reportPeriod'
  | 'reportHeader'
  | 'reportLabel'
  | 'reportCell'
  | 'reportRate'
  | 'reportLabelBold'
  | 'reportCellBold'
  | 'reportRateBold'
  | 'reportNote'
  | 'remindTitle'
  | 'remindHeader'
  | 'remindCell'
  | 'remindWrap';

/** Cells spanning a rectangle (0-based, inclusive); the value is the top-left cell's. */
export interface LayoutMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LayoutCell {
  /** What the cell shows (a formula's result as computed by the engine). */
  value: string | number | null;
  formula?: Formula;
  style?: CellStyle;
}

export type SummaryBlockKind = 'lead' | 'leader' | 'quarter' | 'section';

/** Where a block is (0-based rows). */
export interface SummaryBlock {
  kind: SummaryBlockKind;
  titleRow: number;
  headerRow: number;
  /** First and last key rows (lastRow < firstRow when the block has no key). */
  firstRow: number;
  lastRow: number;
  totalRow: number;
}

export interface SummaryLayout {
  /** Rows top to bottom (index = sheet row − 1), cells left to right; null is an empty cell. */
  rows: (LayoutCell | null)[][];
  /** Columns used (A … the total column). */
  width: number;
  /** Column widths in characters. */
  widths: number[];
  /** Rows and columns kept in view. */
  freeze: { rows: number; cols: number };
  /** The state columns' states, in order, and their 0-based columns; the total column follows. */
  states: readonly TaskState[];
  stateCols: number[];
  totalCol: number;
  blocks: SummaryBlock[];
}

export interface SummaryLayoutOptions {
  lang: Lang;
  /** ISO date the summary's states were computed for. */
  asOf: string;
  /** The sheet named in the as-of line: the task table's sheet (live formulas) or the checked sheet. */
  sheet: string;
  /** The counts are formulas over the task tables (true) or values only (false): only the note differs. */
  live: boolean;
  /** Data rows in the task table: without any, the counts are plain numbers. */
  taskRows: number;
}

const BLOCKS: { kind: SummaryBlockKind; title: string; keyHeader: string }[] = [
  { kind: 'lead', title: 'xlsx.summary.byLead', keyHeader: 'table.lead' },
  { kind: 'leader', title: 'xlsx.summary.byLeader', keyHeader: 'table.leader' },
  { kind: 'quarter', title: 'xlsx.summary.byQuarter', keyHeader: 'table.quarter' },
  { kind: 'section', title: 'xlsx.summary.bySection', keyHeader: 'table.section' },
];

interface KeyRow {
  /** What the key cell shows. */
  label: string;
  /** The value the table column holds for this key ('' = a blank cell). */
  match: string;
  counts: SummaryCount['counts'];
}

/** The label a summary key shows (the catalogue's "none" text for a blank key). */
export function keyLabel(kind: SummaryBlockKind, key: string, lang: Lang): string {
  if (kind === 'quarter') {
    const m = /^(\d)\/(\d{4})$/.exec(key);
    return m ? t(lang, 'quarter.label', { q: m[1], year: m[2] }) : t(lang, 'quarter.none');
  }
  return key === '' ? t(lang, `${kind}.none`) : key;
}

function keyRows(kind: SummaryBlockKind, summary: Summary, lang: Lang): KeyRow[] {
  const list = {
    lead: summary.byLead,
    leader: summary.byLeader,
    quarter: summary.byQuarter,
    section: summary.bySection,
  }[kind];
  return list.map((e) => {
    const label = keyLabel(kind, e.key, lang);
    // The task table holds the label for the lead and the quarter, the raw text (or a blank) for the others.
    const match = kind === 'lead' || kind === 'quarter' ? label : e.key;
    return { label, match, counts: e.counts };
  });
}

/** COUNTIFS cannot match this text exactly (wildcards, operators, numbers, booleans, length). */
function needsExact(text: string): boolean {
  return (
    /[*?~]/.test(text) ||
    /^[=<>]/.test(text) ||
    text.length > 200 ||
    /^\s*[-+]?[\d\s.,/:%]+\s*$/.test(text) ||
    /^(true|false)$/i.test(text.trim())
  );
}

const TASK_KEY: Record<SummaryBlockKind, TaskColumn> = {
  lead: 'lead',
  leader: 'leader',
  quarter: 'quarter',
  section: 'section',
};

/** The formula counting the tasks of one key row in one state. */
function countFormula(
  kind: SummaryBlockKind,
  key: KeyRow,
  exact: boolean,
  keyCell: CellRef,
  stateCell: CellRef,
  lang: Lang,
): Formula {
  // The lead block counts the long table's lead rows; tasks without a lead are on the task table.
  const viaAgencies = kind === 'lead' && key.match !== t(lang, 'lead.none');
  const range = (tasks: TaskColumn, agencies: AgencyColumn): ColumnRef =>
    viaAgencies ? { table: 'agencies', column: agencies } : { table: 'tasks', column: tasks };
  const keyMatch: Operand = key.label === key.match ? { ref: keyCell } : { text: key.match };
  const keyCrit: Criterion = { range: range(TASK_KEY[kind], 'agency'), match: keyMatch };
  const extra: Criterion[] = viaAgencies
    ? [{ range: { table: 'agencies', column: 'role' }, match: { text: t(lang, 'role.lead') } }]
    : [];
  const stateCrit: Criterion = { range: range('state', 'state'), match: { ref: stateCell } };
  if (exact && key.match !== '')
    return { fn: 'countExact', exact: keyCrit, equal: [...extra, stateCrit] };
  return { fn: 'countIfs', criteria: [keyCrit, ...extra, stateCrit] };
}

/** The summary sheet of a (merged) summary. */
export function summaryLayout(summary: Summary, opts: SummaryLayoutOptions): SummaryLayout {
  const { lang } = opts;
  const states = TASK_STATES;
  const stateCols = states.map((_, i) => i + 1);
  const totalCol = states.length + 1;
  const width = totalCol + 1;
  const live = opts.taskRows > 0;
  const rows: (LayoutCell | null)[][] = [];
  const put = (r: number, c: number, cell: LayoutCell) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < c) row.push(null);
    row[c] = cell;
  };
  const sum = (r: number): Formula => ({
    fn: 'sum',
    from: { row: r, col: 1 },
    to: { row: r, col: totalCol - 1 },
  });

  put(0, 0, { value: t(lang, 'xlsx.summary.title'), style: 'title' });
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.asOf);
  const shown = date ? `${date[3]}/${date[2]}/${date[1]}` : opts.asOf;
  put(1, 0, {
    value: t(lang, opts.live ? 'xlsx.summary.asOf' : 'xlsx.summary.asOfValues', {
      date: shown,
      sheet: opts.sheet,
    }),
    style: 'note',
  });

  const blocks: SummaryBlock[] = [];
  let r = 3;
  for (const block of BLOCKS) {
    const keys = keyRows(block.kind, summary, lang);
    const titleRow = r;
    const headerRow = r + 1;
    put(titleRow, 0, { value: t(lang, block.title), style: 'blockTitle' });
    put(headerRow, 0, { value: t(lang, block.keyHeader), style: 'headerKey' });
    states.forEach((s, i) =>
      put(headerRow, stateCols[i], { value: t(lang, `state.${s}`), style: 'header' }),
    );
    put(headerRow, totalCol, { value: t(lang, 'table.total'), style: 'header' });
    // Keys that differ only in case cannot be told apart by COUNTIFS.
    const folded = new Map<string, number>();
    for (const k of keys)
      folded.set(k.match.toLowerCase(), (folded.get(k.match.toLowerCase()) ?? 0) + 1);
    let row = headerRow + 1;
    for (const key of keys) {
      const exact = needsExact(key.match) || (folded.get(key.match.toLowerCase()) ?? 0) > 1;
      put(row, 0, { value: key.label });
      states.forEach((s, i) => {
        const value = key.counts[s] ?? 0;
        const stateCell: CellRef = { row: headerRow, col: stateCols[i], fixRow: true };
        put(
          row,
          stateCols[i],
          live
            ? {
                value,
                formula: countFormula(
                  block.kind,
                  key,
                  exact,
                  { row, col: 0, fixCol: true },
                  stateCell,
                  lang,
                ),
              }
            : { value },
        );
      });
      put(row, totalCol, { value: key.counts.total ?? 0, formula: sum(row) });
      row++;
    }
    const totalRow = row;
    put(totalRow, 0, { value: t(lang, 'xlsx.summary.allTasks'), style: 'total' });
    states.forEach((s, i) => {
      const value = summary.byState[s] ?? 0;
      const formula: Formula = {
        fn: 'countIfs',
        criteria: [
          {
            range: { table: 'tasks', column: 'state' },
            match: { ref: { row: headerRow, col: stateCols[i], fixRow: true } },
          },
        ],
      };
      put(
        totalRow,
        stateCols[i],
        live ? { value, formula, style: 'total' } : { value, style: 'total' },
      );
    });
    put(totalRow, totalCol, { value: summary.total, formula: sum(totalRow), style: 'total' });
    blocks.push({
      kind: block.kind,
      titleRow,
      headerRow,
      firstRow: headerRow + 1,
      lastRow: totalRow - 1,
      totalRow,
    });
    r = totalRow + 2;
  }
  return {
    rows,
    width,
    widths: [44, ...Array<number>(width - 1).fill(14)],
    freeze: { rows: 2, cols: 1 },
    states,
    stateCols,
    totalCol,
    blocks,
  };
}
