/**
 * A conflict the engine does not (yet) produce on a small sheet, built by the tests: for each
 * markup-in-cell finding, an extra url-in-cell finding on the same cell whose fix writes another
 * value. Both fixes touch one cell, so the later one must be skipped (src/engine/fix-plan.ts).
 * Use: jest.mock('…/src/engine/analyze', () => require('…/test/helpers/test-fixes').analyzeModuleWithConflict()).
 */
import type { AnalyzeOptions, Finding, SheetReport, SheetSnapshot } from '../../src/engine/types';

export function withConflict(report: SheetReport, s: SheetSnapshot): SheetReport {
  const extra: Finding[] = [];
  for (const f of report.findings) {
    if (f.code !== 'markup-in-cell' || !f.cell || !f.fixes?.length) continue;
    const edit = f.fixes[0].edits[0];
    extra.push({
      ...f,
      code: 'url-in-cell',
      messageId: 'finding.url-in-cell',
      fixes: [
        {
          id: `url-in-cell:${f.cell}:remove`,
          messageId: 'fix.url-in-cell.remove',
          data: { url: 'http://x' },
          edits: [{ sheet: s.name, cell: edit.cell, before: edit.before, after: 'x' }],
        },
      ],
    });
  }
  report.findings.push(...extra);
  return report;
}

export function analyzeModuleWithConflict() {
  const real = jest.requireActual('../../src/engine/analyze');
  return {
    ...real,
    analyzeSheet: (s: SheetSnapshot, o: AnalyzeOptions) => withConflict(real.analyzeSheet(s, o), s),
  };
}
