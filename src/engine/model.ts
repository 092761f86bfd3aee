/**
 * The sheet model: everything the validation rules look at, built once per check.
 * Snapshot → merges resolved → header found → rows classified → rows re-aligned → tasks assembled
 * (continuation rows joined) → deadlines and agencies parsed → lost vertical merges noted.
 *
 * The model describes the sheet as written: a blank cell stays blank (a task whose lead cell is
 * empty and not covered by a real merged area is unassigned). Where a blank cell was probably a
 * vertical merge lost when the table was copied, the value above is noted as a suggestion
 * (`TaskModel.lostMerges`), which the rules offer as a fix; it is never read into the task.
 */
import type {
  AgencyRef,
  AnalyzeOptions,
  CellValue,
  ClassifiedRow,
  ColumnMap,
  Deadline,
  Role,
  RowClass,
  Section,
  SheetScope,
  SheetSnapshot,
  Task,
} from './types';
import { ROLES } from './types';
import { cellText, fold, isErrorValue } from './text';
import { detectHeader, isColumnNumbering, isRepeatedHeader, type HeaderCandidate } from './header';
import { readsAsDeadline, realignRow, ValueTyper, type Move } from './align';
import { parseDeadline, inferPlanYear, isDateFormat, serialToIso } from './deadline';
import {
  AgencyDictionary,
  builtinDictionary,
  parseAgencyCell,
  parseAssignment,
  type Assignment,
} from './agencies';
import { taskState } from './states';
import { taskCategory } from './tracking';
import { readStatus } from './status';
import { settleProgressColumns } from './status-column';
import { inferScope } from './scope';
import { deadlineYears, titleYears, type PlanYears } from './plan-years';
import { DUE_SOON_DEFAULT_DAYS } from './workbook/dates';

export interface RowModel extends ClassifiedRow {
  /** Cell values after merges are resolved (vertical merges spread down their column). */
  values: CellValue[];
  /** Display texts (markup stripped, white space squashed), re-aligned when the row was shifted. */
  texts: string[];
  /** Display texts before re-alignment. */
  original: string[];
  /** Cell came from a merged area that starts on an earlier row (true; absent or false otherwise). */
  merged: boolean[];
  bold: boolean;
  tt: string;
  /** Cells beyond the header's width that hold something. */
  extra: number[];
  moves: Move[];
}

export interface TaskModel {
  task: Task;
  rows: RowModel[];
  /**
   * Role → the value a blank cell probably had (a vertical merge lost in a paste), as a suggestion
   * only: the task's fields keep the blank.
   */
  lostMerges: Partial<Record<Role, LostMerge>>;
  /** Roles whose cell held two agencies run together. */
  runTogether: readonly Role[];
  /** Lead and support were read from one cell ("X chủ trì, phối hợp với Y"). */
  combinedAssignment: boolean;
  /** The group row this task sits under (the innermost one), if any. */
  groupRow: RowModel | null;
  /** The section row this task sits under, if any. */
  sectionRow: RowModel | null;
  /** Deadline came from a cell holding an Excel error. */
  errorCells: readonly { role: Role; col: number; row: number; value: string }[];
}

/**
 * A blank leader / inspector / lead cell that probably continued the cell above (a vertical merge
 * lost when the table was copied): where the value is, and what a fix would write or merge.
 */
export interface LostMerge {
  /** 0-based snapshot row and 1-based sheet row of the row the value is on (a task or group row). */
  index: number;
  row: number;
  /** The value as read there (display text). */
  text: string;
  /** What "fill" writes into the blank cell: the source cell's own value when it holds just the text. */
  value: CellValue;
  /** The source row is a group heading (the group's value offered to its child). */
  group: boolean;
  /**
   * Last 0-based snapshot row a vertical merge from `index` would cover (every cell in between is
   * blank, unmerged, on a task or continuation row), or -1 when no merge can restore it (the source
   * cell does not hold the text as written, or a non-blank cell intervenes before this task's rows).
   */
  through: number;
}

export interface SectionModel extends Section {
  model: RowModel;
}

export interface SheetModel {
  snapshot: SheetSnapshot;
  options: Required<Pick<AnalyzeOptions, 'asOf' | 'dueSoonDays' | 'lang'>> & AnalyzeOptions;
  header: HeaderCandidate | null;
  columns: ColumnMap;
  /** Number of columns the table spans (0-based width in snapshot columns). */
  width: number;
  rows: RowModel[];
  sections: SectionModel[];
  groups: RowModel[];
  tasks: TaskModel[];
  planYear: number | null;
  /** Where the plan year came from. */
  planYearSource: 'option' | 'deadlines' | 'title' | null;
  /** The years the plan covers (title, else the deadlines); deadlines outside them are reported. */
  planYears: PlanYears | null;
  /** Central, provincial or commune-level plan (title rows, else agencies); null when unclear. */
  scope: SheetScope | null;
  title: string;
  dict: AgencyDictionary;
  /** The table body holds merged areas (so blank cells are really blank). */
  bodyHasMerges: boolean;
  /** 1-based sheet row / column of a 0-based snapshot row / column. */
  sheetRow(index: number): number;
  sheetCol(col: number): number;
}

/** Shared by every row that no merge reaches (read only). */
const NO_MERGES: boolean[] = [];
const BOLD_TAG = /<b>/i;
/** Shared empty lists (read only; a row that needs its own gets a new array). */
const NO_COLUMNS: number[] = [];
const NO_MOVES: Move[] = [];
/**
 * Shared empty task containers: a task that needs one gets its own. The object is frozen; the
 * lists are read-only by type only (V8 iterates frozen arrays on a slow path).
 */
const NO_LOST_MERGES: Partial<Record<Role, LostMerge>> = Object.freeze({});
const NO_ROLES: readonly Role[] = [];
const NO_ERROR_CELLS: TaskModel['errorCells'] = [];

const ROMAN = /^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;
/**
 * A task number: 1, 2, 1.1, 2.2.1, "3.4." — the first part up to six digits, so that a
 * consolidated list numbered past 999 (a province's list of 50,000 tasks) keeps its tasks; the parts
 * after a dot up to three.
 */
const NUMBER = /^\d{1,6}(\.\d{1,3})*\.?$/;
const LETTER = /^[a-zđ]\)$/;
/** Signature blocks and notes under a table: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi nhận:", "Ghi chú:". */
const SIGNATURE =
  /^(tm|kt|tl|q|ttl) [a-z ]+$|^(chu tich|pho chu tich|giam doc|pho giam doc|noi nhan|ghi chu|luu y|chu thich|nguoi lap|da ky|ky ten)\b/;

/** A signature line or a note under a table, by its text ("TM. ỦY BAN NHÂN DÂN", "Ghi chú:"). */
export function isSignatureText(text: string): boolean {
  return SIGNATURE.test(fold(text));
}

export function romanValue(s: string): number {
  const map: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = map[s[i]];
    const next = map[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * A section number and its title in one cell ("I. Đổi mới tư duy", "II - Cơ chế, chính sách"): the
 * section row merged across the table, or TT and title typed together. Upper-case I…XXXIX followed
 * by a separator only, so words ("Vận động…") and letters ("C. …") are not taken for sections.
 */
const ROMAN_TITLED =
  /^(?:(?:phần|mục|phan|muc)\s+)?((?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\s*[.:)\-–]\s*(\S.*)$/iu;

function romanTitled(tt: string): { label: string; title: string } | null {
  const m = ROMAN_TITLED.exec(tt.trim());
  if (!m || m[1] !== m[1].toUpperCase() || !ROMAN.test(m[1])) return null;
  return { label: m[1], title: m[2].trim() };
}

/** A heading's number without the word before it: "Phần II" → "II", "Mục B." → "B.". */
export function withoutHeadingWord(tt: string): string {
  return tt.replace(/^(phần|mục|phan|muc)\s+/i, '');
}

/** "II", "II.", "Phần II", "Mục II", "II. Title" → "II"; else null. */
export function sectionLabel(tt: string): string | null {
  const s = withoutHeadingWord(tt)
    .replace(/[.:)]$/, '')
    .trim();
  if (ROMAN.test(s)) return s;
  return romanTitled(tt)?.label ?? null;
}

export function isNumberTt(tt: string): boolean {
  return NUMBER.test(tt) || LETTER.test(tt);
}

/** Canonical form of a task number: "3.4." → "3.4". */
export function normaliseTt(tt: string): string {
  return tt.endsWith('.') ? tt.slice(0, -1) : tt;
}

/** Cell values with merged areas resolved: a merge's value belongs to every row it covers. */
function resolveMerges(snapshot: SheetSnapshot): {
  values: CellValue[][];
  merged: (boolean[] | undefined)[];
} {
  // Rows are shared with the snapshot (never written to); a row a merge reaches is copied first.
  const values: CellValue[][] = snapshot.values.slice();
  const merged: (boolean[] | undefined)[] = [];
  for (const m of snapshot.merges ?? []) {
    const v = snapshot.values[m.top]?.[m.left] ?? null;
    for (let r = m.top + 1; r <= m.bottom && r < values.length; r++) {
      if (!merged[r]) {
        values[r] = values[r] ? values[r].slice() : [];
        merged[r] = [];
      }
      const row = values[r];
      while (row.length <= m.left) row.push(null);
      if (row[m.left] === null || row[m.left] === undefined || row[m.left] === '') {
        row[m.left] = v;
        merged[r]![m.left] = true;
      }
    }
  }
  return { values, merged };
}

function rawText(v: CellValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

function joinText(a: string | null, b: string): string {
  if (!b) return a ?? '';
  if (!a) return b;
  return `${a} ${b}`;
}

function textOrNull(s: string | undefined): string | null {
  return s ? s : null;
}

export interface BuildOptions extends AnalyzeOptions {
  dict?: AgencyDictionary;
}

/**
 * The snapshot's fields in one fixed order, whoever made it (the .xlsx reader, the Office.js
 * adapter, a structured clone from the page, the warm-up's slices): the engine's hot code then
 * meets one shape of object (V8's hidden class), and the code V8 optimised during the warm-up is
 * not thrown away by the first real check (in Node, a third of its time after the warm-up).
 * The arrays are the snapshot's own, never written to.
 */
function sameShape(s: SheetSnapshot): SheetSnapshot {
  return {
    name: s.name,
    values: s.values,
    bold: s.bold,
    numberFormats: s.numberFormats,
    merges: s.merges,
    origin: s.origin,
    hiddenRows: s.hiddenRows,
  };
}

export function buildModel(given: SheetSnapshot, opts: BuildOptions): SheetModel {
  const snapshot = sameShape(given);
  const options = { dueSoonDays: DUE_SOON_DEFAULT_DAYS, lang: 'vi' as const, ...opts };
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const sheetRow = (i: number) => origin.row + i + 1;
  const sheetCol = (c: number) => origin.col + c + 1;
  // The built-in dictionary (and what it has learnt) is shared by every check without own entries.
  const dict =
    opts.dict ??
    (opts.agencies?.length ? new AgencyDictionary(opts.agencies) : builtinDictionary());
  const { values, merged } = resolveMerges(snapshot);

  // "Tiến độ (thực hiện)" heads a deadline column in plans and a status column in progress
  // reports: the column's content decides.
  const header = settleProgressColumns(
    detectHeader(snapshot.values, snapshot.merges ?? []),
    values,
  );
  const columns: ColumnMap = header ? { ...header.columns } : {};
  if (opts.columns) {
    for (const role of ROLES) {
      const c = opts.columns[role];
      if (c === undefined) continue;
      for (const other of ROLES) if (other !== role && columns[other] === c) delete columns[other];
      columns[role] = c;
    }
  }
  const headerTextWidth = header ? header.texts.reduce((w, t, i) => (t ? i + 1 : w), 0) : 0;
  const width = Math.max(headerTextWidth, ...Object.values(columns).map((c) => (c ?? 0) + 1), 0);
  const bodyStart = header ? header.row + header.height : 0;
  const hasTable =
    header !== null ||
    (opts.columns !== undefined && (columns.task !== undefined || columns.tt !== undefined));

  const title = (header ? snapshot.values.slice(0, header.row) : [])
    .map((r) =>
      (r ?? [])
        .map((v) => cellText(v))
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean)
    .join(' ');

  const model: SheetModel = {
    snapshot,
    options,
    header,
    columns,
    width,
    rows: [],
    sections: [],
    groups: [],
    tasks: [],
    planYear: null,
    planYearSource: null,
    planYears: null,
    scope: null,
    title,
    dict,
    bodyHasMerges: false,
    sheetRow,
    sheetCol,
  };
  if (!hasTable) return model;

  const bodyMerges = (snapshot.merges ?? []).filter((m) => m.top >= bodyStart && m.bottom > m.top);
  model.bodyHasMerges = bodyMerges.length > 0;

  const taskCol = columns.task ?? (columns.tt !== undefined ? columns.tt + 1 : 1);
  const ttCol = columns.tt ?? unnamedTtColumn(header, taskCol);

  const bodyTexts = displayTexts(values, bodyStart);
  settlePlanYear(model, bodyTexts, opts.planYear);
  const typer = new ValueTyper(dict, model.planYear);
  // Each phase is its own function: small functions are optimised early by the JIT, where one
  // long function is compiled late (or not at all) for the first checks of a session.
  classifyRows(model, values, bodyTexts, merged, bodyStart, ttCol, taskCol);
  markGroups(model);
  realignRows(model, typer);
  assembleTasks(model, ttCol, taskCol);
  model.scope = sheetScope(model);
  fillTasks(model);
  noteLostMerges(model);
  settlePlanYears(model);
  return model;
}

/**
 * Where the numbers are when no header cell names the TT column: the column left of the task's
 * when its header cell is blank (a number column with no heading); none (-1) when the task's
 * column is the first or the one on its left has a heading of its own: the table has no numbers,
 * and its rows are read as unnumbered tasks rather than lost for want of one ("A sheet without
 * one of them is still read").
 */
function unnamedTtColumn(header: HeaderCandidate | null, taskCol: number): number {
  if (!header) return 0;
  return taskCol > 0 && !header.texts[taskCol - 1] ? taskCol - 1 : -1;
}

/** Display texts of every body row, once (indexed from the first body row). */
function displayTexts(values: CellValue[][], bodyStart: number): string[][] {
  const out: string[][] = new Array(Math.max(0, values.length - bodyStart));
  for (let r = bodyStart; r < values.length; r++) {
    const rowValues = values[r] ?? [];
    const texts: string[] = new Array(rowValues.length);
    for (let c = 0; c < rowValues.length; c++) texts[c] = cellText(rowValues[c]);
    out[r - bodyStart] = texts;
  }
  return out;
}

/** The plan year: given, else the year most deadlines name, else the title's (deadlines steer the value typer). */
function settlePlanYear(model: SheetModel, bodyTexts: string[][], given: number | undefined): void {
  if (given) {
    model.planYear = given;
    model.planYearSource = 'option';
    return;
  }
  const deadlineTexts: string[] = [];
  const dc = model.columns.deadline;
  if (dc !== undefined) for (const texts of bodyTexts) if (texts[dc]) deadlineTexts.push(texts[dc]);
  // The title breaks a tie between years ("giai đoạn 2026–2030" with one deadline a year).
  const fromDeadlines = inferPlanYear(deadlineTexts, model.title);
  if (fromDeadlines) {
    model.planYear = fromDeadlines;
    model.planYearSource = 'deadlines';
    return;
  }
  const fromTitle = inferPlanYear([], model.title);
  if (fromTitle) {
    model.planYear = fromTitle;
    model.planYearSource = 'title';
  }
}

/** The sheet's scope from its title and the agency cells of its task rows. */
function sheetScope(model: SheetModel): SheetScope | null {
  const cells: string[] = [];
  const { lead, support } = model.columns;
  for (const r of model.rows) {
    if (r.cls !== 'task' && r.cls !== 'continuation') continue;
    if (lead !== undefined && r.texts[lead]) cells.push(r.texts[lead]);
    if (support !== undefined && support !== lead && r.texts[support]) cells.push(r.texts[support]);
  }
  return inferScope(model.title, cells);
}

/**
 * The plan's years: the title's ("giai đoạn 2026–2030", "năm 2026", "2025 và những năm tiếp
 * theo"), else the run of years the deadlines name around the plan year.
 */
function settlePlanYears(model: SheetModel): void {
  const fromTitle = titleYears(model.title);
  if (fromTitle) {
    model.planYears = fromTitle;
    return;
  }
  const y = model.planYear;
  if (y === null) return;
  const due: number[] = [];
  for (const tm of model.tasks) {
    const d = tm.task.deadline;
    if (d.due && !d.multiYear && (d.kind === 'date' || d.kind === 'period'))
      due.push(Number(d.due.slice(0, 4)));
  }
  model.planYears = deadlineYears(due, y);
}

/** Classify every body row (section, group, task, continuation, header, blank, other). */
function classifyRows(
  model: SheetModel,
  values: CellValue[][],
  bodyTexts: string[][],
  merged: (boolean[] | undefined)[],
  bodyStart: number,
  ttCol: number,
  taskCol: number,
): void {
  const { snapshot, header, width } = model;
  let prevMeaningful: RowModel | null = null;
  let afterPageBreakHeader = false;
  let blankSince = false;
  /** The row above was a header row (a page break's repeat). */
  let prevHeader = false;
  /** A section or task was seen: the table has started. */
  let started = false;
  for (let r = bodyStart; r < values.length; r++) {
    const rowValues = values[r] ?? [];
    const texts = bodyTexts[r - bodyStart];
    let nonEmpty = 0;
    let firstText = '';
    for (let c = 0; c < texts.length; c++) {
      const t = texts[c];
      if (t) {
        if (!nonEmpty) firstText = t;
        nonEmpty++;
      }
    }
    const boldRow = snapshot.bold?.[r] ?? NO_MERGES;
    const tt = texts[ttCol] ?? '';
    let extra = NO_COLUMNS;
    for (let c = width; c < texts.length; c++)
      if (texts[c]) (extra === NO_COLUMNS ? (extra = []) : extra).push(c);
    const rm: RowModel = {
      index: r,
      row: model.sheetRow(r),
      cls: 'other',
      values: rowValues,
      texts,
      original: texts,
      merged: merged[r] ?? NO_MERGES,
      bold:
        Boolean(boldRow[ttCol] || boldRow[taskCol]) ||
        BOLD_TAG.test(rawText(rowValues[ttCol])) ||
        BOLD_TAG.test(rawText(rowValues[taskCol])),
      tt,
      extra,
      moves: NO_MOVES,
    };
    let cls: RowClass;
    if (nonEmpty === 0) cls = 'blank';
    else if (!tt && nonEmpty <= 2 && firstText.length <= 80 && isSignatureText(firstText))
      cls = 'other';
    // The columns' numbers under the header, or under a header repeated at a page break.
    else if (header && (r === bodyStart || prevHeader) && isColumnNumbering(texts, header))
      cls = 'header';
    else if (isNumberTt(tt)) cls = 'task';
    else if (header && isRepeatedHeader(texts, header)) cls = 'header';
    else if (sectionLabel(tt)) cls = 'section';
    else if (
      !tt &&
      nonEmpty > 0 &&
      prevMeaningful &&
      (prevMeaningful.cls === 'task' || prevMeaningful.cls === 'continuation') &&
      (afterPageBreakHeader || !blankSince)
    ) {
      let filled = 0;
      for (let c = 0; c < texts.length; c++) if (texts[c] && c !== ttCol) filled++;
      cls = afterPageBreakHeader || filled <= 2 ? 'continuation' : 'task';
    } else if (
      !tt &&
      texts[taskCol] &&
      // After a section, group, task or a task's continuation (an unnumbered task after a blank
      // row is one either way); before the table's first section or task, a row with more than
      // its task text (a title line under the header has nothing else): a table whose TT column
      // is empty still has its tasks.
      ((prevMeaningful &&
        (prevMeaningful.cls === 'section' ||
          prevMeaningful.cls === 'group' ||
          prevMeaningful.cls === 'task' ||
          prevMeaningful.cls === 'continuation')) ||
        (!started && nonEmpty >= 2))
    ) {
      cls = 'task';
    } else cls = 'other';
    rm.cls = cls;
    prevHeader = cls === 'header';
    if (cls === 'section' || cls === 'task') started = true;
    if (cls === 'header') afterPageBreakHeader = true;
    else if (cls !== 'blank') afterPageBreakHeader = false;
    if (cls === 'blank') blankSince = true;
    if (cls !== 'blank' && cls !== 'header') {
      prevMeaningful = rm;
      blankSince = false;
    }
    model.rows.push(rm);
  }
}

/**
 * `child` is numbered under `parent`: "2.2.1" under "2.2" or "2.2."; a lettered item ("a)", "b)")
 * under any number, as Vietnamese documents list a numbered item's parts.
 */
function isChildTt(child: string, parent: string): boolean {
  if (LETTER.test(child)) return NUMBER.test(parent);
  return normaliseTt(child).startsWith(`${normaliseTt(parent)}.`);
}

/**
 * Groups: a numbered row whose number prefixes the next numbered row's ("2" above "2.1", "2.2"
 * above "2.2.1") heads those rows; it is not a task, even when it has its own lead or deadline
 * (its children are the tasks; counting both would count the work twice).
 */
function markGroups(model: SheetModel): void {
  const numbered = model.rows.filter((r) => r.cls === 'task' || r.cls === 'section');
  for (let i = 0; i < numbered.length; i++) {
    const r = numbered[i];
    if (r.cls !== 'task' || !NUMBER.test(r.tt)) continue;
    const next = numbered[i + 1];
    if (next && next.cls === 'task' && isChildTt(next.tt, r.tt)) r.cls = 'group';
  }
}

/** Re-align shifted task and continuation rows. */
function realignRows(model: SheetModel, typer: ValueTyper): void {
  const { columns, width } = model;
  const dc = columns.deadline;
  const formats = model.snapshot.numberFormats;
  for (const r of model.rows) {
    if (r.cls !== 'task' && r.cls !== 'continuation') continue;
    // An Excel date in the deadline column is a deadline, though its text is a serial number.
    const dv = dc !== undefined ? r.values[dc] : undefined;
    const deadlineIsDate =
      typeof dv === 'number' &&
      readsAsDeadline(parseDeadline(dv, { numberFormat: formats?.[r.index]?.[dc!] }));
    const res = realignRow(r.texts, columns, width, typer, r.merged, deadlineIsDate);
    if (res) {
      r.texts = res.texts;
      r.moves = res.moves;
    }
  }
}

/** Shared initial values of a new task (every task gets its own when it has one). */
const NO_REFS: readonly AgencyRef[] = [];
const NO_DEADLINE: Deadline = Object.freeze({ text: '', due: null, kind: 'missing' });

/** Sections, groups and tasks (a task with its continuation rows), in sheet order. */
function assembleTasks(model: SheetModel, ttCol: number, taskCol: number): void {
  let section: SectionModel | null = null;
  /** Open groups, outermost first ("2", "2.2"). */
  const groups: RowModel[] = [];
  let current: TaskModel | null = null;
  for (const r of model.rows) {
    if (r.cls === 'section') {
      const label = sectionLabel(r.tt)!;
      const titleText =
        r.texts[taskCol] ||
        romanTitled(r.tt)?.title ||
        r.texts.find((t, c) => t && c !== ttCol) ||
        '';
      section = { row: r.row, label, title: titleText, model: r };
      model.sections.push(section);
      groups.length = 0;
      current = null;
      continue;
    }
    if (r.cls === 'group') {
      while (groups.length && !isChildTt(r.tt, groups[groups.length - 1].tt)) groups.pop();
      groups.push(r);
      model.groups.push(r);
      current = null;
      continue;
    }
    if (r.cls === 'continuation' && current) {
      current.rows.push(r);
      current.task.rows.push(r.row);
      continue;
    }
    if (r.cls !== 'task') continue;
    // A numbered task outside the open groups closes them (an unnumbered one stays where it is).
    if (r.tt) while (groups.length && !isChildTt(r.tt, groups[groups.length - 1].tt)) groups.pop();
    const group = groups.length ? groups[groups.length - 1] : null;
    current = {
      task: {
        row: r.row,
        rows: [r.row],
        tt: r.tt,
        section: section?.label ?? null,
        group: group ? normaliseTt(group.tt) : null,
        task: '',
        leader: null,
        inspector: null,
        lead: NO_REFS,
        support: NO_REFS,
        deadline: NO_DEADLINE,
        result: null,
        status: null,
        doneDate: null,
        note: null,
        state: 'no-deadline',
        unassigned: false,
      },
      rows: [r],
      lostMerges: NO_LOST_MERGES,
      runTogether: NO_ROLES,
      combinedAssignment: false,
      groupRow: group,
      sectionRow: section?.model ?? null,
      errorCells: NO_ERROR_CELLS,
    };
    model.tasks.push(current);
  }
}

/** What filling one task's fields needs from the check (built once per check). */
interface FillContext {
  model: SheetModel;
  /**
   * Lead cells repeat row after row; their reading depends on the text alone and is only read,
   * never changed, so one reading per text is shared within the check.
   */
  assignments: Map<string, Assignment | null>;
}

/** Assemble each task's fields: joined texts, deadline, agencies, state. */
function fillTasks(model: SheetModel): void {
  const ctx: FillContext = { model, assignments: new Map() };
  for (const tm of model.tasks) fillTask(tm, ctx);
}

/** A task's text in one column: the cells of its rows joined by spaces; undefined when the role has no column. */
function joinedText(rows: RowModel[], c: number | undefined): string | undefined {
  if (c === undefined) return undefined;
  if (rows.length === 1) return rows[0].texts[c] ?? '';
  let acc: string | null = null;
  for (let i = 0; i < rows.length; i++) acc = joinText(acc, rows[i].texts[c] ?? '');
  return acc ?? '';
}

/** Roles whose blank cell may be a vertical merge lost in a paste. */
export const LOST_MERGE_ROLES: readonly Role[] = ['leader', 'inspector', 'lead'];

/** A value seen above, which a blank cell below may have continued. */
interface Seen {
  index: number;
  row: number;
  text: string;
  value: CellValue;
  group: boolean;
  /** The source cell holds the text as written, so a merge from it restores the value. */
  mergeable: boolean;
}

/** The cell as read holds nothing and no real merged area covers it. */
function isBlankCell(r: RowModel, c: number): boolean {
  return !r.texts[c] && !r.original[c] && !r.merged[c];
}

/** Where a role's value sits in a run of rows (a task's rows, or a group row), as a lost-merge source. */
function sourceOf(
  model: SheetModel,
  rows: RowModel[],
  c: number,
  text: string,
  group: boolean,
): Seen {
  let only: RowModel | null = null;
  let n = 0;
  for (const r of rows) {
    if (r.texts[c]) {
      n++;
      only = r;
    }
  }
  const own = n === 1 && only!.original[c] === only!.texts[c] && !only!.merged[c] ? only! : null;
  const raw = own ? (model.snapshot.values[own.index]?.[c] ?? null) : null;
  // Fill writes the cell's own value (an Excel value keeps its type) unless it carries markup.
  const value: CellValue =
    own && (typeof raw !== 'string' || cellText(raw) === raw.trim()) && raw !== null ? raw : text;
  const at = own ?? rows[0];
  return { index: at.index, row: at.row, text, value, group, mergeable: own !== null };
}

/**
 * Lost vertical merges, as suggestions: a task whose leader / inspector / lead cell is blank in
 * every row (and not under a real merge) probably continued the nearest filled cell above it in
 * the same section and group, or its group heading's. The task keeps the blank; the rules offer
 * the value above as a fix.
 */
function noteLostMerges(model: SheetModel): void {
  const { columns } = model;
  for (const role of LOST_MERGE_ROLES) {
    const c = columns[role];
    if (c === undefined) continue;
    // The last filled cell above, as rows; read into a source only when a blank below needs it.
    let seenRows: RowModel[] | null = null;
    let seenText = '';
    let seenGroup = false;
    let seen: Seen | null = null;
    let scope: string | null = null;
    const throughMemo = new Map<number, number>();
    for (const tm of model.tasks) {
      const key = `${tm.sectionRow?.index ?? -1}:${tm.groupRow?.index ?? -1}`;
      if (key !== scope) {
        scope = key;
        seenRows = null;
        seen = null;
        // A new group: its heading's value (or an enclosing group's) is what a blank child continues.
        for (let g: RowModel | null = tm.groupRow; g && !seenRows; g = enclosingGroup(model, g)) {
          const text = g.texts[c];
          if (text) {
            seenRows = [g];
            seenText = text;
            seenGroup = true;
          }
        }
      }
      const text = joinedText(tm.rows, c) ?? '';
      if (text) {
        seenRows = tm.rows;
        seenText = text;
        seenGroup = false;
        seen = null;
        continue;
      }
      if (!seenRows || !tm.rows.every((r) => isBlankCell(r, c))) continue;
      if (!seen) seen = sourceOf(model, seenRows, c, seenText, seenGroup);
      let through = -1;
      if (seen.mergeable) {
        let end = throughMemo.get(seen.index);
        if (end === undefined) {
          end = mergeEnd(model, seen.index, c);
          throughMemo.set(seen.index, end);
        }
        if (end >= tm.rows[tm.rows.length - 1].index) through = end;
      }
      if (tm.lostMerges === NO_LOST_MERGES) tm.lostMerges = {};
      tm.lostMerges[role] = {
        index: seen.index,
        row: seen.row,
        text: seen.text,
        value: seen.value,
        group: seen.group,
        through,
      };
    }
  }
}

/** The group a group row sits in ("2" for "2.2"), or null. */
function enclosingGroup(model: SheetModel, g: RowModel): RowModel | null {
  const i = model.groups.indexOf(g);
  if (i <= 0) return null;
  // isChildTt(g.tt, p.tt) for each earlier group, with g's side worked out once (a group at the
  // top of its numbering is compared with every group before it).
  const letter = LETTER.test(g.tt);
  const child = normaliseTt(g.tt);
  const at = g.index ?? 0;
  for (let k = i - 1; k >= 0; k--) {
    const p = model.groups[k];
    if (p.index >= at) continue;
    if (letter ? NUMBER.test(p.tt) : numberedUnder(child, normaliseTt(p.tt))) return p;
  }
  return null;
}

/** child.startsWith(`${parent}.`), without making that string. */
function numberedUnder(child: string, parent: string): boolean {
  return (
    child.length > parent.length &&
    child.charCodeAt(parent.length) === 46 &&
    child.startsWith(parent)
  );
}

/** Last row a vertical merge from `index` down column `c` can cover: blank, unmerged task / continuation cells. */
function mergeEnd(model: SheetModel, index: number, c: number): number {
  const first = model.rows.length ? model.rows[0].index : 0;
  let end = index;
  for (let k = index + 1 - first; k < model.rows.length; k++) {
    const r = model.rows[k];
    if ((r.cls !== 'task' && r.cls !== 'continuation') || !isBlankCell(r, c)) break;
    end = r.index;
  }
  return end;
}

function fillTask(tm: TaskModel, ctx: FillContext): void {
  const { model } = ctx;
  const { columns, snapshot, dict, options } = model;
  const rows = tm.rows;
  const first = rows[0];
  const leader = joinedText(rows, columns.leader);
  const inspector = joinedText(rows, columns.inspector);
  const lead = joinedText(rows, columns.lead);
  const t = tm.task;
  t.task = joinedText(rows, columns.task) ?? '';
  t.leader = textOrNull(leader);
  t.inspector = textOrNull(inspector);
  t.result = textOrNull(joinedText(rows, columns.result));
  t.status = textOrNull(joinedText(rows, columns.status));
  const progress = t.status ? readStatus(t.status) : null;
  if (progress) t.progress = progress;
  t.note = textOrNull(joinedText(rows, columns.note));

  // Deadline: a single cell keeps its value (an Excel date stays a date).
  const dc = columns.deadline;
  if (dc !== undefined) {
    // The one row whose deadline cell holds something, if exactly one does.
    let only: RowModel | null = null;
    let withValue = 0;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].texts[dc]) {
        withValue++;
        only = rows[i];
      }
    }
    if (withValue !== 1) only = null;
    // The cell's own value (an Excel date stays a date) unless re-alignment put another text there.
    const rawValue =
      only && (!only.moves.length || only.texts[dc] === only.original[dc])
        ? only.values[dc]
        : (joinedText(rows, dc) ?? '');
    if (isErrorValue(rawValue)) {
      tm.errorCells = [{ role: 'deadline', col: dc, row: only!.row, value: rawValue.error }];
      t.deadline = { text: rawValue.error, due: null, kind: 'unknown' };
    } else {
      const fmt = only ? snapshot.numberFormats?.[only.index]?.[dc] : undefined;
      t.deadline = parseDeadline(rawValue ?? '', { numberFormat: fmt, planYear: model.planYear });
    }
  }
  const ddc = columns['done-date'];
  if (ddc !== undefined) {
    const v = first.values[ddc];
    if (
      typeof v === 'number' &&
      (isDateFormat(snapshot.numberFormats?.[first.index]?.[ddc]) || v > 20000)
    ) {
      t.doneDate = serialToIso(v);
    } else if (typeof v === 'string' && v.trim()) {
      const d = parseDeadline(v, { planYear: model.planYear });
      t.doneDate = d.kind === 'date' ? d.due : null;
    }
  }

  // Agencies.
  const leadText = lead ?? '';
  const supportText = joinedText(rows, columns.support) ?? '';
  let leadParts = NO_REFS;
  let supportParts = NO_REFS;
  let combined = ctx.assignments.get(leadText);
  if (combined === undefined) {
    combined = parseAssignment(leadText);
    ctx.assignments.set(leadText, combined);
  }
  if (
    combined &&
    (combined.support.length > 0 ||
      columns.support === undefined ||
      columns.support === columns.lead)
  ) {
    tm.combinedAssignment = true;
    leadParts = combined.lead.flatMap((x) => parseAgencyCell(x, dict, model.scope).refs);
    supportParts = combined.support.flatMap((x) => parseAgencyCell(x, dict, model.scope).refs);
  } else if (leadText) {
    const p = parseAgencyCell(leadText, dict, model.scope);
    leadParts = p.refs;
    if (p.runTogether) tm.runTogether = ['lead'];
  }
  if (supportText && columns.support !== columns.lead) {
    const p = parseAgencyCell(supportText, dict, model.scope);
    supportParts = supportParts.length ? supportParts.concat(p.refs) : p.refs;
    if (p.runTogether)
      tm.runTogether = tm.runTogether === NO_ROLES ? ['support'] : [...tm.runTogether, 'support'];
  }
  t.lead = leadParts;
  t.support = supportParts;
  t.unassigned = leadParts.length === 0;
  t.state = taskState(
    { deadline: t.deadline, status: t.status, doneDate: t.doneDate, progress },
    options.asOf,
    options.dueSoonDays,
  );
  t.category = taskCategory(
    { deadline: t.deadline, status: t.status, doneDate: t.doneDate, progress },
    options.asOf,
    options.dueSoonDays,
  );
}
