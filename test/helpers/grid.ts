/**
 * Test helper: small sheets built inline. `grid(header, rows)` puts the header on the first row
 * (after optional title rows) and the body below; '' and undefined become empty cells (null).
 * Row numbers in findings are then: header = sheet row titles+1, body row k (0-based) = titles+2+k.
 */
import type {
  AnalyzeOptions,
  CellValue,
  MergedArea,
  SheetReport,
  SheetSnapshot,
} from '../../src/engine/types';
import { analyzeSheet } from '../../src/engine/analyze';

export type Cell = CellValue | undefined;

export interface GridOptions {
  name?: string;
  /** Rows above the header (title block). */
  title?: Cell[][];
  /** 0-based body row indexes whose cells are all bold. */
  boldRows?: number[];
  /** Full bold matrix (snapshot coordinates); wins over boldRows. */
  bold?: boolean[][];
  /** Merged areas in snapshot coordinates (0-based, the header is row `title.length`). */
  merges?: MergedArea[];
  /** Number formats by snapshot coordinates: [row, col, format]. */
  formats?: [number, number, string][];
  origin?: { row: number; col: number };
}

const cell = (v: Cell): CellValue => (v === undefined || v === '' ? null : v);

export function grid(header: Cell[] | null, rows: Cell[][], opts: GridOptions = {}): SheetSnapshot {
  const title = (opts.title ?? []).map((r) => r.map(cell));
  const head = header ? [header.map(cell)] : [];
  const body = rows.map((r) => r.map(cell));
  const values: CellValue[][] = [...title, ...head, ...body];
  const snap: SheetSnapshot = { name: opts.name ?? 'Phụ lục', values };
  if (opts.bold) snap.bold = opts.bold;
  else if (opts.boldRows) {
    const offset = title.length + head.length;
    snap.bold = values.map((r, i) => r.map(() => opts.boldRows!.includes(i - offset)));
  }
  if (opts.merges) snap.merges = opts.merges;
  if (opts.formats) {
    const nf: string[][] = values.map((r) => r.map(() => 'General'));
    for (const [r, c, f] of opts.formats) {
      while (nf[r].length <= c) nf[r].push('General');
      nf[r][c] = f;
    }
    snap.numberFormats = nf;
  }
  if (opts.origin) snap.origin = opts.origin;
  return snap;
}

export const AS_OF = '2026-03-01';

/** analyzeSheet with a fixed as-of date (2026-03-01) unless given. */
export function analyze(snap: SheetSnapshot, opts: Partial<AnalyzeOptions> = {}): SheetReport {
  return analyzeSheet(snap, { asOf: AS_OF, ...opts });
}

/** Six columns: A TT, B Nhiệm vụ, C Lãnh đạo phụ trách, D Cơ quan chủ trì, E Cơ quan phối hợp, F Thời gian thực hiện. */
export const H6 = [
  'TT',
  'Nhiệm vụ',
  'Lãnh đạo phụ trách',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
];

/** Five columns, no leader: A TT, B Nhiệm vụ, C Cơ quan chủ trì, D Cơ quan phối hợp, E Thời gian thực hiện. */
export const H5 = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];

/** The 8 columns of the 002 appendix: A TT … D inspector, E lead, F support, G deadline, H result. */
export const H8 = [
  'TT',
  'Nhiệm vụ',
  'Lãnh đạo tỉnh phụ trách chỉ đạo thực hiện',
  'Đồng chí lãnh đạo kiểm tra đôn đốc, tham mưu tổ chức thực hiện',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp thực hiện',
  'Thời gian thực hiện',
  'Kết quả triển khai thực hiện',
];

/** A row under H6. */
export function row6(
  tt: string,
  task: string,
  lead: string,
  deadline: string,
  more: { leader?: string; support?: string } = {},
): Cell[] {
  return [tt, task, more.leader ?? '', lead, more.support ?? '', deadline];
}

/** A row under H5. */
export function row5(
  tt: string,
  task: string,
  lead: string,
  deadline: string,
  support = '',
): Cell[] {
  return [tt, task, lead, support, deadline];
}
