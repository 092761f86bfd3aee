/** The checked sheet's columns, for the column mapping (the report carries them). */
import type { SheetReport } from '../../engine/types';
import type { HeaderColumn } from './base';

/** Widest the column picker goes: a task table is a dozen columns, never hundreds. */
const MAX_COLUMNS = 60;

/**
 * The sheet's columns as "E — Cơ quan chủ trì" material. Without a recognised header row, every
 * column of the widest row is offered by its letter, so the user can still map the table by hand.
 */
export function headerColumns(report: SheetReport): HeaderColumn[] {
  return report.headerCells.slice(0, MAX_COLUMNS);
}
