/**
 * "Thêm cột theo dõi" as data: which tracking columns (Tình trạng, Ngày hoàn thành, Kết quả / minh
 * chứng) a table lacks, where they go (right after the table's last header column), the header
 * style to copy, the data validation each carries, and the refusal when any target cell is not
 * empty. Adapters (ExcelJS, Office.js, standalone) apply the plan; they never move or overwrite a
 * user cell. Pure: no Office.js, no DOM, no Node APIs.
 */
import type { Lang, SheetReport, SheetSnapshot } from './types';
import { t } from '../messages';
import { a1, cellText, columnLetter, fold } from './text';

export type TrackingKind = 'status' | 'done-date' | 'evidence';

/** The statuses of the drop-down, as written into the sheet (Vietnamese: the engine reads them). */
export const TRACKING_STATUSES: readonly string[] = [
  'Chưa thực hiện',
  'Đang thực hiện',
  'Đã hoàn thành',
  'Tạm dừng',
];

/** The date rule of a completion date (inclusive, ISO). */
export const DONE_DATE_RANGE = { from: '2000-01-01', to: '2100-12-31' } as const;
export const DONE_DATE_FORMAT = 'dd/mm/yyyy';

export interface TrackingValidation {
  kind: 'status-list' | 'date';
  /** A1 range of the body cells ("H6:H40"). */
  range: string;
  /** For the list: the values offered. */
  list?: readonly string[];
  /** For the date: inclusive bounds, ISO. */
  from?: string;
  to?: string;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface TrackingColumn {
  kind: TrackingKind;
  header: string;
  /** 1-based sheet column. */
  col: number;
  letter: string;
  /** Number format of the body cells (dates for the completion date). */
  numberFormat?: string;
  /** Width in characters, like the neighbours' (a hint). */
  width: number;
}

export interface TrackingPlan {
  sheet: string;
  /** 1-based sheet row of the first header row, and the header's height in rows. */
  headerRow: number;
  headerHeight: number;
  /** 1-based body rows the columns cover (validation ranges). */
  firstRow: number;
  lastRow: number;
  /** A1 of the header cell whose style the new header cells copy (the table's last header cell). */
  styleFrom: string;
  /** The columns to add, left to right, right after the table. */
  columns: TrackingColumn[];
  /** Vertical merges of the new header cells when the header has two rows ("H5:H6"). */
  headerMerges: string[];
  /** Data validation of the new columns, and of existing ones when asked. */
  validations: TrackingValidation[];
  /** A1 range of everything written ("H5:J40"), for the preview and the undo. */
  range: string;
}

export type TrackingPlanResult =
  | { ok: true; plan: TrackingPlan }
  | {
      ok: false;
      error: 'no-table' | 'nothing-to-add' | 'cells-not-empty';
      cells?: string[];
      message: string;
    };

export interface TrackingOptions {
  lang?: Lang;
  /** Also put the drop-down / date rule on the table's existing status and completion-date columns. */
  validateExisting?: boolean;
  /**
   * Add only the columns whose role the table lacks: an existing result column ("Kết quả") is not
   * doubled by an evidence column (the gathering writes the reports' results into it).
   */
  missingOnly?: boolean;
  /**
   * Place the columns past every cell holding something from the header down (rows pasted out of
   * line, notes beside the table), instead of refusing when those cells are in the way: the
   * gathering writes into a master as it is, and never over a user's cell.
   */
  pastContent?: boolean;
}

/** Header words that make a result column an evidence column (a report of what was done). */
const EVIDENCE_WORDS = /minh chung|ket qua thuc hien|ket qua trien khai|ket qua dat duoc/;

function validation(
  kind: TrackingValidation['kind'],
  range: string,
  lang: Lang,
): TrackingValidation {
  if (kind === 'status-list') {
    return {
      kind,
      range,
      list: TRACKING_STATUSES,
      promptTitle: t(lang, 'track.valid.statusTitle'),
      prompt: t(lang, 'track.valid.statusPrompt'),
      errorTitle: t(lang, 'track.valid.statusErrorTitle'),
      error: t(lang, 'track.valid.statusError'),
    };
  }
  return {
    kind,
    range,
    from: DONE_DATE_RANGE.from,
    to: DONE_DATE_RANGE.to,
    promptTitle: t(lang, 'track.valid.dateTitle'),
    prompt: t(lang, 'track.valid.datePrompt'),
    errorTitle: t(lang, 'track.valid.dateErrorTitle'),
    error: t(lang, 'track.valid.dateError'),
  };
}

/**
 * Plans the tracking columns of a checked sheet. Refuses (with a message naming the cells) when
 * any cell where a column would go, from the header down to the table's last row, holds something.
 */
export function planTrackingColumns(
  snapshot: SheetSnapshot,
  report: SheetReport,
  opts: TrackingOptions = {},
): TrackingPlanResult {
  const lang = opts.lang ?? 'vi';
  const sheet = report.name;
  if (report.headerRow === null || !report.tasks.length) {
    return { ok: false, error: 'no-table', message: t(lang, 'track.error.noTable', { sheet }) };
  }
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const hr = report.headerRow - origin.row - 1;
  const height = Math.max(1, report.headerHeight);
  // The table's right edge: its last header cell holding something (or covered by a header merge).
  let right = -1;
  for (let r = hr; r < hr + height; r++) {
    const row = snapshot.values[r] ?? [];
    for (let c = row.length - 1; c > right; c--) if (cellText(row[c])) right = c;
  }
  for (const m of snapshot.merges ?? [])
    if (m.top <= hr + height - 1 && m.bottom >= hr && m.right > right && m.left <= right)
      right = m.right;
  const headerRight = right;
  if (opts.pastContent) {
    for (let r = hr; r < snapshot.values.length; r++) {
      const row = snapshot.values[r] ?? [];
      for (let c = row.length - 1; c > right; c--)
        if (row[c] !== null && row[c] !== undefined && row[c] !== '') right = c;
    }
    for (const m of snapshot.merges ?? []) if (m.bottom >= hr && m.right > right) right = m.right;
  }
  const headerText = (c: number) =>
    fold(
      snapshot.values
        .slice(hr, hr + height)
        .map((row) => cellText(row?.[c]))
        .join(' '),
    );
  const cols = report.columnIndexes;
  const kinds: TrackingKind[] = [];
  if (cols.status === undefined) kinds.push('status');
  if (cols['done-date'] === undefined) kinds.push('done-date');
  if (
    cols.result === undefined ||
    (!opts.missingOnly && !EVIDENCE_WORDS.test(headerText(cols.result)))
  )
    kinds.push('evidence');

  const firstRow = report.headerRow + height;
  let lastRow = firstRow;
  for (const task of report.tasks) for (const r of task.rows) if (r > lastRow) lastRow = r;
  for (const s of report.sections) if (s.row > lastRow) lastRow = s.row;

  const validations: TrackingValidation[] = [];
  if (opts.validateExisting) {
    const body = (c: number) =>
      `${columnLetter(origin.col + c)}${firstRow}:${columnLetter(origin.col + c)}${lastRow}`;
    if (cols.status !== undefined)
      validations.push(validation('status-list', body(cols.status), lang));
    if (cols['done-date'] !== undefined)
      validations.push(validation('date', body(cols['done-date']), lang));
  }
  if (!kinds.length && !validations.length)
    return {
      ok: false,
      error: 'nothing-to-add',
      message: t(lang, 'track.error.nothing', { sheet }),
    };

  // Every target cell must be empty (values and merges), from the header's first row to the last row.
  const busy: string[] = [];
  const top = hr;
  const bottom = lastRow - origin.row - 1;
  for (let r = top; r <= bottom; r++) {
    const row = snapshot.values[r] ?? [];
    for (let k = 0; k < kinds.length; k++) {
      const c = right + 1 + k;
      if (cellText(row[c]) || (row[c] !== null && row[c] !== undefined && row[c] !== ''))
        busy.push(a1(origin.row + r + 1, origin.col + c + 1));
    }
  }
  for (const m of snapshot.merges ?? []) {
    if (!kinds.length) break;
    if (m.bottom < top || m.top > bottom || m.right <= right || m.left > right + kinds.length)
      continue;
    const cell = a1(origin.row + m.top + 1, origin.col + m.left + 1);
    if (!busy.includes(cell)) busy.push(cell);
  }
  if (busy.length) {
    const shown = busy.slice(0, 5).join(', ') + (busy.length > 5 ? ', …' : '');
    return {
      ok: false,
      error: 'cells-not-empty',
      cells: busy,
      message: t(lang, 'track.error.notEmpty', { sheet, cells: shown }),
    };
  }

  const columns: TrackingColumn[] = kinds.map((kind, k) => {
    const col = origin.col + right + 2 + k;
    const c: TrackingColumn = {
      kind,
      header: t(lang, `track.header.${kind}`),
      col,
      letter: columnLetter(col - 1),
      width: kind === 'evidence' ? 40 : kind === 'status' ? 18 : 14,
    };
    if (kind === 'done-date') c.numberFormat = DONE_DATE_FORMAT;
    return c;
  });
  for (const c of columns) {
    if (c.kind === 'status')
      validations.push(
        validation('status-list', `${c.letter}${firstRow}:${c.letter}${lastRow}`, lang),
      );
    if (c.kind === 'done-date')
      validations.push(validation('date', `${c.letter}${firstRow}:${c.letter}${lastRow}`, lang));
  }
  const headerMerges =
    height > 1
      ? columns.map(
          (c) => `${c.letter}${report.headerRow}:${c.letter}${report.headerRow! + height - 1}`,
        )
      : [];
  const range = columns.length
    ? `${columns[0].letter}${report.headerRow}:${columns[columns.length - 1].letter}${lastRow}`
    : '';
  return {
    ok: true,
    plan: {
      sheet,
      headerRow: report.headerRow,
      headerHeight: height,
      firstRow,
      lastRow,
      styleFrom: a1(report.headerRow, origin.col + headerRight + 1),
      columns,
      headerMerges,
      validations,
      range,
    },
  };
}

/** The preview sentence of a plan, in the language given. */
export function describeTrackingPlan(plan: TrackingPlan, lang: Lang): string {
  if (!plan.columns.length)
    return t(lang, 'track.validateExisting', {
      range: plan.validations.map((v) => v.range).join(', '),
    });
  return t(lang, 'track.preview', {
    count: plan.columns.length,
    sheet: plan.sheet,
    range: plan.range,
    headers: plan.columns.map((c) => c.header).join(', '),
    first: plan.firstRow,
    last: plan.lastRow,
  });
}
