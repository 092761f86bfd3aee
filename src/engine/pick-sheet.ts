/** Which sheet of a workbook holds the assignment table (shared by diff, merge and the pane). */
import type { AnalyzeOptions, SheetReport, SheetSnapshot } from './types';
import { analyzeSheet } from './analyze';
import { OWN_SHEETS } from './tables';
import { COMPARE_SHEETS } from './compare-table';

const OWN = new Set<string>(
  [...Object.values(OWN_SHEETS), ...Object.values(COMPARE_SHEETS)].map((s) => s.toLowerCase()),
);

export type PickResult =
  | { ok: true; snapshot: SheetSnapshot; report: SheetReport }
  | { ok: false; reason: 'no-sheet' | 'no-table' };

/**
 * The sheet named `sheet` (when given) if it holds a task table; else the sheet named `prefer` if it
 * holds one; else the first sheet, not one of the add-in's own, that does.
 */
export function pickTableSheet(
  sheets: readonly SheetSnapshot[],
  options: AnalyzeOptions,
  sheet?: string,
  prefer?: string,
): PickResult {
  const hasTable = (r: SheetReport) => r.headerRow !== null && r.tasks.length > 0;
  if (sheet !== undefined) {
    const snap = sheets.find((s) => s.name === sheet);
    if (!snap) return { ok: false, reason: 'no-sheet' };
    const report = analyzeSheet(snap, options);
    return hasTable(report)
      ? { ok: true, snapshot: snap, report }
      : { ok: false, reason: 'no-table' };
  }
  const ordered = prefer
    ? [...sheets.filter((s) => s.name === prefer), ...sheets.filter((s) => s.name !== prefer)]
    : sheets;
  for (const snap of ordered) {
    if (OWN.has(snap.name.toLowerCase())) continue;
    const report = analyzeSheet(snap, options);
    if (hasTable(report)) return { ok: true, snapshot: snap, report };
  }
  return { ok: false, reason: 'no-table' };
}
