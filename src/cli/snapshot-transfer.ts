/**
 * Snapshots cross from the read worker to the command's thread by structured clone, whose cost
 * grows with the number of array elements: bold and numberFormats hold one per cell, nearly all
 * false and "General". They cross as the cells that differ, and are rebuilt on arrival, the same.
 */
import type { SheetSnapshot } from '../engine/types';

export interface PackedSheet extends Omit<SheetSnapshot, 'bold' | 'numberFormats'> {
  /** Row, column of each bold cell (flattened pairs). */
  boldCells?: number[];
  /** Row, column, format of each cell whose format is not "General". */
  formatCells?: (number | string)[];
}

export function packSheets(sheets: SheetSnapshot[]): PackedSheet[] {
  return sheets.map((s) => {
    const { bold, numberFormats, ...rest } = s;
    const packed: PackedSheet = { ...rest };
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
    const { boldCells, formatCells, ...rest } = p;
    const out: SheetSnapshot = { name: rest.name, values: rest.values };
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
