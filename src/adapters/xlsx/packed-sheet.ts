/**
 * A sheet snapshot packed: the form in which the command's read worker (src/cli/read-worker.ts)
 * hands sheets over. Snapshots cross threads by structured clone, whose cost grows with the number
 * of array elements: bold and numberFormats hold one per cell, nearly all false and "General".
 * They cross as the cells that differ, and are rebuilt on arrival, the same. The values cross as
 * typed arrays (moved, not copied: packedBuffers) and one table of the distinct texts, not as one
 * array per row and one string per cell (issue 15: a third of a second for 50,000 rows). The fast
 * read (fast-read.ts) makes this form straight from the XML; an ExcelJS read is packed
 * (packSheets).
 */
import type { CellValue, SheetSnapshot } from '../../engine/types';

/** A sheet's values, cell after cell, row after row. */
export interface PackedValues {
  /** The length of each row. */
  widths: Int32Array;
  /** What each cell holds (KIND). */
  kinds: Uint8Array;
  /** A number's value, a text's index in `texts`, or an index in `others`. */
  payload: Float64Array;
  texts: string[];
  /** Anything else (an error value), as it is. */
  others: unknown[];
}

const KIND = { null: 0, text: 1, number: 2, true: 3, false: 4, other: 5 } as const;

export interface PackedSheet extends Omit<SheetSnapshot, 'bold' | 'numberFormats' | 'values'> {
  /** The values as they are (a sheet whose rows have holes), or packed in `cells`. */
  values?: CellValue[][];
  cells?: PackedValues;
  /** Row, column of each bold cell (flattened pairs). */
  boldCells?: number[];
  /** Row, column, format of each cell whose format is not "General". */
  formatCells?: (number | string)[];
}

/**
 * Packed values written cell by cell, `count` cells (a cell never written holds null): kinds and
 * numbers into the typed arrays, each distinct text once. packValues packs a snapshot's rows with
 * it; the fast read (fast-read.ts) the cells it reads.
 */
export class ValuesPacker {
  readonly kinds: Uint8Array;
  readonly payload: Float64Array;
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private readonly others: unknown[] = [];

  constructor(count: number) {
    this.kinds = new Uint8Array(count);
    this.payload = new Float64Array(count);
  }

  /** Cell `at` holds `v`. */
  put(at: number, v: unknown): void {
    const { kinds, payload } = this;
    if (v === null) kinds[at] = KIND.null;
    else if (typeof v === 'string') {
      let t = this.textIndex.get(v);
      if (t === undefined) {
        t = this.texts.length;
        this.texts.push(v);
        this.textIndex.set(v, t);
      }
      kinds[at] = KIND.text;
      payload[at] = t;
    } else if (typeof v === 'number') {
      kinds[at] = KIND.number;
      payload[at] = v;
    } else if (v === true) kinds[at] = KIND.true;
    else if (v === false) kinds[at] = KIND.false;
    else {
      kinds[at] = KIND.other;
      payload[at] = this.others.length;
      this.others.push(v);
    }
  }

  /** The values packed, rows of the lengths `widths`. */
  packed(widths: Int32Array): PackedValues {
    const { kinds, payload, texts, others } = this;
    return { widths, kinds, payload, texts, others };
  }
}

function packValues(values: CellValue[][]): PackedValues | null {
  let count = 0;
  for (const row of values) count += row.length;
  const widths = new Int32Array(values.length);
  const packer = new ValuesPacker(count);
  let i = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    widths[r] = row.length;
    for (let c = 0; c < row.length; c++, i++) {
      const v = row[c];
      if (v === undefined && !(c in row)) return null; // a hole: the rows cross as they are
      packer.put(i, v);
    }
  }
  return packer.packed(widths);
}

function unpackValues(p: PackedValues): CellValue[][] {
  const { widths, kinds, payload, texts, others } = p;
  const values: CellValue[][] = [];
  let i = 0;
  for (let r = 0; r < widths.length; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < widths[r]; c++, i++) {
      const k = kinds[i];
      row.push(
        k === KIND.text
          ? texts[payload[i]]
          : k === KIND.null
            ? null
            : k === KIND.number
              ? payload[i]
              : k === KIND.true
                ? true
                : k === KIND.false
                  ? false
                  : (others[payload[i]] as CellValue),
      );
    }
    values.push(row);
  }
  return values;
}

/** The buffers of packed sheets, to move to the receiving thread instead of copying them. */
export function packedBuffers(sheets: PackedSheet[]): ArrayBuffer[] {
  return sheets.flatMap((s) =>
    s.cells
      ? [s.cells.widths.buffer, s.cells.kinds.buffer, s.cells.payload.buffer].map(
          (b) => b as ArrayBuffer,
        )
      : [],
  );
}

export function packSheets(sheets: SheetSnapshot[]): PackedSheet[] {
  return sheets.map((s) => {
    const { bold, numberFormats, values, ...rest } = s;
    const cells = packValues(values);
    const packed: PackedSheet = cells ? { ...rest, cells } : { ...rest, values };
    if (bold) {
      packed.boldCells = [];
      bold.forEach((row, r) => row.forEach((b, c) => b && packed.boldCells!.push(r, c)));
    }
    if (numberFormats) {
      packed.formatCells = [];
      numberFormats.forEach((row, r) =>
        row.forEach((f, c) => f !== 'General' && packed.formatCells!.push(r, c, f)),
      );
    }
    return packed;
  });
}

/** The snapshots packSheets was given (bold and format rows as long as the value rows, as read.ts makes them). */
export function unpackSheets(packed: PackedSheet[]): SheetSnapshot[] {
  return packed.map((p) => {
    const { boldCells, formatCells, cells, values: asIs, ...others } = p;
    const values = cells ? unpackValues(cells) : asIs!;
    const rest = { ...others, values };
    const out: SheetSnapshot = { name: rest.name, values };
    if (boldCells) {
      const bold = rest.values.map((row) => new Array<boolean>(row.length).fill(false));
      for (let i = 0; i < boldCells.length; i += 2) bold[boldCells[i]][boldCells[i + 1]] = true;
      out.bold = bold;
    }
    if (formatCells) {
      const formats = rest.values.map((row) => new Array<string>(row.length).fill('General'));
      for (let i = 0; i < formatCells.length; i += 3)
        formats[formatCells[i] as number][formatCells[i + 1] as number] = formatCells[
          i + 2
        ] as string;
      out.numberFormats = formats;
    }
    return Object.assign(out, rest);
  });
}
