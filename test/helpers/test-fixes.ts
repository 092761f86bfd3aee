/**
 * Fixes built by the tests, the way the rules describe them (issue 10), for tests of the pane and
 * the CLI that must not depend on which rules already produce fixes:
 * - merge-lost without fixes: "fill from the row above" and "restore the merge" (two choices);
 * - markup-in-cell without fixes: remove the tags; plus an extra url-in-cell finding on the same
 *   cell with a different fix, so that two fixes conflict.
 * Use: jest.mock('…/src/engine/analyze', () => require('…/test/helpers/test-fixes').analyzeModuleWithTestFixes()).
 */
import type { AnalyzeOptions, Finding, SheetReport, SheetSnapshot } from '../../src/engine/types';
import { columnIndex } from '../../src/engine/text';

export function withTestFixes(report: SheetReport, s: SheetSnapshot): SheetReport {
  const origin = s.origin ?? { row: 0, col: 0 };
  const at = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    return s.values[Number(m[2]) - 1 - origin.row]?.[columnIndex(m[1]) - origin.col] ?? null;
  };
  const extra: Finding[] = [];
  for (const f of report.findings) {
    if (f.code === 'merge-lost' && f.cell && !f.fixes) {
      const col = /^[A-Z]+/.exec(f.cell)![0];
      const above = `${col}${Number(f.cell.slice(col.length)) - 1}`;
      f.fixes = [
        { id: `merge-lost:${f.cell}:fill`, messageId: 'fix.merge-lost.fill', data: {}, edits: [{ sheet: s.name, cell: f.cell, before: null, after: at(above) }] },
        { id: `merge-lost:${f.cell}:merge`, messageId: 'fix.merge-lost.merge', data: {}, edits: [], merges: [`${above}:${f.cell}`] },
      ];
    }
    if (f.code === 'markup-in-cell' && f.cell && !f.fixes) {
      const text = String(at(f.cell));
      f.fixes = [{ id: `markup-in-cell:${f.cell}:fix`, messageId: 'fix.markup-in-cell', data: {}, edits: [{ sheet: s.name, cell: f.cell, before: text, after: text.replace(/<[^>]+>/g, '') }] }];
      extra.push({ ...f, code: 'url-in-cell', fixes: [{ id: `url-in-cell:${f.cell}:fix`, messageId: 'fix.url-in-cell', data: {}, edits: [{ sheet: s.name, cell: f.cell, before: text, after: 'x' }] }] });
    }
  }
  report.findings.push(...extra);
  return report;
}

export function analyzeModuleWithTestFixes() {
  const real = jest.requireActual('../../src/engine/analyze');
  return { ...real, analyzeSheet: (s: SheetSnapshot, o: AnalyzeOptions) => withTestFixes(real.analyzeSheet(s, o), s) };
}
