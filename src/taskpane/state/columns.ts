/** The checked sheet's columns (for the column mapping) and the table's width (for the marks). */
import { headerColumns as engineHeaderColumns } from '../../engine/analyze';
import { columnLetter } from '../../engine/text';
import type { SheetReport, SheetSnapshot } from '../../engine/types';
import type { HeaderColumn } from './state';

/** Widest the column picker goes: a task table is a dozen columns, never hundreds. */
const MAX_COLUMNS = 60;

/**
 * The sheet's columns as "E — Cơ quan chủ trì" material. Without a recognised header row, every
 * column of the widest row is offered by its letter, so the user can still map the table by hand.
 */
export function headerColumns(snapshot: SheetSnapshot, report: SheetReport): HeaderColumn[] {
  const found = engineHeaderColumns(snapshot, report);
  if (found.length > 0) return found.slice(0, MAX_COLUMNS);
  const width = Math.min(MAX_COLUMNS, Math.max(0, ...snapshot.values.map((row) => row?.length ?? 0)));
  const originCol = snapshot.origin?.col ?? 0;
  return Array.from({ length: width }, (_, col) => ({ col, letter: columnLetter(originCol + col), text: '' }));
}

/**
 * 1-based sheet columns the marks span: from the snapshot's first column to the last column with
 * a header text, widened to cover every mapped column.
 */
export function tableSpan(snapshot: SheetSnapshot, report: SheetReport): { firstCol: number; lastCol: number } {
  const originCol = snapshot.origin?.col ?? 0;
  const titled = engineHeaderColumns(snapshot, report).filter((h) => h.text !== '').map((h) => h.col);
  const mapped = Object.values(report.columnIndexes).filter((v): v is number => typeof v === 'number');
  const last = Math.max(0, ...titled, ...mapped);
  return { firstCol: originCol + 1, lastCol: originCol + last + 1 };
}
