/**
 * The summary sheet ("PC Tổng hợp") with ExcelJS: renders the engine's layout (engine/summary-layout.ts)
 * as cells, the counts as live formulas over the task tables with the engine's counts cached as
 * results.
 */
import type ExcelJS from 'exceljs';
import type { Summary, SummaryCount, TaskState } from '../../engine/types';
import { TASK_STATES } from '../../engine/types';
import { quarterSortKey } from '../../engine/summary';
import type { ColumnRef, SummaryBlock, SummaryLayout } from '../../engine/summary-layout';
import { renderLayout, type TablePlacement } from './render-layout';

/** Summary columns: every state, in the engine's one order. */
export const SUMMARY_STATES: readonly TaskState[] = TASK_STATES;

/** Sum several reports' summaries (for one report: that report's summary, as is). */
export function mergeSummaries(summaries: Summary[]): Summary {
  if (summaries.length === 1) return summaries[0];
  const mergeCounts = (lists: SummaryCount[][]): SummaryCount[] => {
    const map = new Map<string, SummaryCount>();
    for (const list of lists) {
      for (const e of list) {
        let m = map.get(e.key);
        if (!m) map.set(e.key, (m = { key: e.key, counts: {} }));
        for (const [k, n] of Object.entries(e.counts) as [keyof SummaryCount['counts'], number][]) {
          m.counts[k] = (m.counts[k] ?? 0) + n;
        }
      }
    }
    return [...map.values()];
  };
  const byCount = (a: SummaryCount, b: SummaryCount) =>
    (b.counts.total ?? 0) - (a.counts.total ?? 0) || a.key.localeCompare(b.key, 'vi');
  const byState: Summary['byState'] = {};
  const support = new Map<string, number>();
  for (const s of summaries) {
    for (const [k, n] of Object.entries(s.byState) as [TaskState, number][])
      byState[k] = (byState[k] ?? 0) + n;
    for (const e of s.bySupport) support.set(e.key, (support.get(e.key) ?? 0) + e.count);
  }
  return {
    total: summaries.reduce((n, s) => n + s.total, 0),
    byState,
    unassigned: summaries.reduce((n, s) => n + s.unassigned, 0),
    byLead: mergeCounts(summaries.map((s) => s.byLead)).sort(byCount),
    byLeader: mergeCounts(summaries.map((s) => s.byLeader)).sort(byCount),
    byQuarter: mergeCounts(summaries.map((s) => s.byQuarter)).sort((a, b) =>
      quarterSortKey(a.key).localeCompare(quarterSortKey(b.key)),
    ),
    // Sections keep the order they first appear in.
    bySection: mergeCounts(summaries.map((s) => s.bySection)),
    bySupport: [...support.entries()]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'vi')),
  };
}

export type { TablePlacement } from './render-layout';

/**
 * Where each block landed on the summary sheet, for tests and callers: the engine's SummaryBlock
 * with 1-based rows, and its columns.
 */
export interface SummaryBlockLayout extends SummaryBlock {
  /** 1-based column of each state in SUMMARY_STATES order; the total column follows. */
  stateCols: number[];
  totalCol: number;
}

/** Render the summary layout on an empty worksheet. */
export function renderSummary(
  ws: ExcelJS.Worksheet,
  layout: SummaryLayout,
  tables: Record<ColumnRef['table'], TablePlacement>,
): SummaryBlockLayout[] {
  renderLayout(ws, { ...layout, merges: [], heights: {} }, tables);
  const stateCols = layout.stateCols.map((c) => c + 1);
  return layout.blocks.map((b) => ({
    kind: b.kind,
    titleRow: b.titleRow + 1,
    headerRow: b.headerRow + 1,
    firstRow: b.firstRow + 1,
    lastRow: b.lastRow + 1,
    totalRow: b.totalRow + 1,
    stateCols,
    totalCol: layout.totalCol + 1,
  }));
}
