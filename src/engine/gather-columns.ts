/**
 * The tracking columns ("Tình trạng", "Ngày hoàn thành", "Kết quả / minh chứng") a table needs to
 * be followed up, planned as data: which are missing and where they go (right after the table's
 * last header cell). A minimal planner for the gathering (issue 13); `phancong track` (issue 12)
 * adds the same columns with its own planner (tracking-columns.ts, with validation); the gathering
 * still uses this one: making it use tracking-columns.ts is open work.
 */
import type { CellValue, Role, SheetReport, SheetSnapshot } from './types';

export const TRACKING_ROLES = ['status', 'done-date', 'result'] as const;
export type TrackingRole = (typeof TRACKING_ROLES)[number];

/** Headers written for the tracking columns (Vietnamese: the appendix's own language). */
export const TRACKING_HEADERS: Record<TrackingRole, string> = {
  status: 'Tình trạng',
  'done-date': 'Ngày hoàn thành',
  result: 'Kết quả / minh chứng',
};

export interface PlannedColumn {
  role: TrackingRole;
  header: string;
  /** 0-based snapshot column and row of the header cell; 1-based sheet row and column. */
  col: number;
  headerIndex: number;
  sheetRow: number;
  sheetCol: number;
}

/** The tracking columns the report's table lacks, placed after its last header cell (none: []). */
export function planTrackingColumns(snapshot: SheetSnapshot, report: SheetReport): PlannedColumn[] {
  if (report.headerRow === null) return [];
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const headerIndex = report.headerRow - 1 - origin.row;
  let last = -1;
  for (const c of Object.values(report.columnIndexes)) if (c !== undefined) last = Math.max(last, c);
  // After the last cell holding anything from the header down (cells pushed past the table by a
  // paste are the user's: never written over).
  for (let r = headerIndex; r < snapshot.values.length; r++) {
    const row = snapshot.values[r] ?? [];
    for (let c = row.length - 1; c > last; c--) {
      if (row[c] !== null && row[c] !== '') {
        last = c;
        break;
      }
    }
  }
  for (const m of snapshot.merges ?? []) {
    if (m.bottom >= headerIndex) last = Math.max(last, m.right);
  }
  const missing = TRACKING_ROLES.filter((role) => report.columnIndexes[role as Role] === undefined);
  return missing.map((role, i) => ({
    role,
    header: TRACKING_HEADERS[role],
    col: last + 1 + i,
    headerIndex,
    sheetRow: report.headerRow!,
    sheetCol: origin.col + last + 2 + i,
  }));
}

/** The snapshot with the planned header cells written in (a new snapshot; the input is not changed). */
export function withTrackingColumns(snapshot: SheetSnapshot, plan: readonly PlannedColumn[]): SheetSnapshot {
  if (!plan.length) return snapshot;
  const values = snapshot.values.slice();
  for (const p of plan) {
    const row: CellValue[] = (values[p.headerIndex] ?? []).slice();
    while (row.length <= p.col) row.push(null);
    row[p.col] = p.header;
    values[p.headerIndex] = row;
  }
  return { ...snapshot, values };
}
