/** Choosing fixes and combining them into per-sheet batches (src/engine/fix-plan.ts). */
import {
  fixChoice,
  planFixes,
  rangeCells,
  sameCellValue,
  selectFixes,
} from '../../src/engine/fix-plan';
import type { Finding, Fix } from '../../src/engine/types';

const S = 'KH';
const fix = (
  id: string,
  edits: [string, string | null, string | null][],
  merges?: string[],
): Fix => ({
  id,
  messageId: `fix.${id.split(':')[0]}`,
  data: {},
  edits: edits.map(([cell, before, after]) => ({ sheet: S, cell, before, after })),
  ...(merges ? { merges } : {}),
});
const finding = (code: string, cell: string, fixes?: Fix[]): Finding => ({
  code,
  severity: 'error',
  cell,
  row: Number(cell.slice(1)),
  col: 5,
  role: null,
  messageId: `finding.${code}`,
  data: {},
  message: code,
  ...(fixes ? { fixes } : {}),
});

describe('fix plan', () => {
  test('rangeCells lists every cell of a range, and nothing for a malformed one', () => {
    expect(rangeCells('e8:E10')).toEqual(['E8', 'E9', 'E10']);
    expect(rangeCells('B2:C3')).toEqual(['B2', 'C2', 'B3', 'C3']);
    expect(rangeCells('nope')).toEqual([]);
  });

  test('selectFixes takes one fix per finding: the asked choice when offered, else the first; --rule filters', () => {
    const fill = fix('lead-missing:E9:fill', [['E9', null, 'Sở Tài chính']]);
    const merge = fix('lead-missing:E9:merge', [], ['E8:E9']);
    const tt = fix('tt-format:A9:fix', [['A9', '2.', '2']]);
    const findings = [
      finding('lead-missing', 'E9', [fill, merge]),
      finding('tt-format', 'A9', [tt]),
      finding('task-empty', 'B9'),
    ];
    expect(selectFixes(findings)).toEqual([fill, tt]);
    expect(selectFixes(findings, { choice: 'merge' })).toEqual([merge, tt]);
    expect(selectFixes(findings, { choice: 'merge', rules: ['tt-format'] })).toEqual([tt]);
    expect(fixChoice(merge)).toBe('merge');
    expect(fixChoice({ ...merge, id: 'lead-missing:E9:merge#2' })).toBe('merge');
  });

  test('fixes touching the same cell: the first wins, the later one is skipped whole and says which fix it yields to', () => {
    const a = fix('markup-in-cell:B5:fix', [['B5', '<b>Việc</b> http://x', 'Việc http://x']]);
    const b = fix('url-in-cell:B5:fix', [['B5', '<b>Việc</b> http://x', '<b>Việc</b>']]);
    const c = fix('tt-format:A6:fix', [['A6', '3.', '3']]);
    const merge = fix('merge-lost:E6:merge', [['E7', null, null]], ['E5:E7']);
    const fill = fix('lead-missing:E5:fill', [['E5', null, 'Sở Nội vụ']]);
    const plan = planFixes([a, b, c, merge, fill], S);
    expect(plan.applied).toEqual([a, c, merge]);
    expect(plan.skipped).toEqual([
      { fix: b, yieldsTo: a, cells: ['B5'] },
      { fix: fill, yieldsTo: merge, cells: ['E5'] },
    ]);
    expect(plan.batches).toEqual([
      {
        sheet: S,
        edits: [
          { sheet: S, cell: 'B5', before: '<b>Việc</b> http://x', after: 'Việc http://x' },
          { sheet: S, cell: 'A6', before: '3.', after: '3' },
          { sheet: S, cell: 'E7', before: null, after: null },
        ],
        merges: ['E5:E7'],
      },
    ]);
    // Deterministic: the same input gives the same plan; the order decides the winner.
    expect(planFixes([b, a], S).applied).toEqual([b]);
  });

  test('a merge-only fix goes to the given sheet; the same fix twice counts once', () => {
    const merge = fix('lead-missing:E9:merge', [], ['E8:E9']);
    expect(planFixes([merge, merge], S)).toEqual({
      batches: [{ sheet: S, edits: [], merges: ['E8:E9'] }],
      applied: [merge],
      skipped: [],
    });
  });

  test('sameCellValue: empty string is empty, errors compare by text, no coercion', () => {
    expect(sameCellValue('', null)).toBe(true);
    expect(sameCellValue({ error: '#REF!' }, { error: '#REF!' })).toBe(true);
    expect(sameCellValue('1', 1)).toBe(false);
    expect(sameCellValue({ error: '#REF!' }, '#REF!')).toBe(false);
  });
});
