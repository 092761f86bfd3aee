/**
 * Fixes as data (issue 10): every fix a rule offers, on a sheet where it applies (apply it to the
 * snapshot, check again: the finding is gone, no new error, only the listed cells changed, undo
 * restores them) and on one where it must not be offered. Plus the snapshot edit functions.
 */
import { analyzeSheet } from '../../src/engine/analyze';
import {
  applyEdits,
  applyFixes,
  combineFixes,
  EditConflictError,
  undoEdits,
} from '../../src/engine/edits';
import type { Finding, Fix, SheetReport, SheetSnapshot } from '../../src/engine/types';
import { AS_OF, grid, H5, H6, H8, row6 } from '../helpers/grid';

const TC = 'Sở Tài chính';
const NV = 'Sở Nội vụ';
const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
const Q1 = 'Quý I/2026';

const check = (snap: SheetSnapshot): SheetReport => analyzeSheet(snap, { asOf: AS_OF });
const key = (f: Finding) => `${f.code}|${f.messageId}|${f.cell}`;

/** Every cell of a snapshot as "A1 → value" (for comparing what changed). */
function cells(snap: SheetSnapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  snap.values.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (v !== null && v !== undefined) out.set(`${String.fromCharCode(65 + c)}${r + 1}`, v);
    }),
  );
  return out;
}

/**
 * Apply one fix and check again. Asserts: the finding is gone, no error that was not there before,
 * nothing outside the edit list changed, undo restores the snapshot's values and merges.
 */
function applyOne(snap: SheetSnapshot, finding: Finding, fix: Fix): SheetReport {
  const before = check(snap);
  const { snapshot: after, undo } = applyEdits(snap, { edits: fix.edits, merges: fix.merges });
  const listed = new Set(fix.edits.map((e) => e.cell));
  const a = cells(snap);
  const b = cells(after);
  for (const k of new Set([...a.keys(), ...b.keys()]))
    if (!listed.has(k)) expect([k, b.get(k)]).toEqual([k, a.get(k)]);
  for (const e of fix.edits) expect(b.get(e.cell) ?? null).toEqual(e.after);
  expect((after.merges ?? []).length).toBe((snap.merges ?? []).length + (fix.merges?.length ?? 0));
  const again = check(after);
  expect(again.findings.map(key)).not.toContain(key(finding));
  const oldErrors = new Set(before.findings.filter((f) => f.severity === 'error').map(key));
  expect(
    again.findings.filter((f) => f.severity === 'error' && !oldErrors.has(key(f))).map(key),
  ).toEqual([]);
  const restored = undoEdits(after, undo);
  expect(restored.values.map((r) => r.map((v) => v ?? null))).toEqual(
    snap.values.map((r) => r.map((v) => v ?? null)),
  );
  expect(restored.merges ?? []).toEqual(snap.merges ?? []);
  return again;
}

function only(report: SheetReport, code: string, messageId?: string): Finding {
  const f = report.findings.filter(
    (x) => x.code === code && (!messageId || x.messageId === messageId),
  );
  expect(f).toHaveLength(1);
  return f[0];
}

describe('lead-missing / merge-lost: fill from the row above, or merge again', () => {
  const snap = grid(H6, [
    row6('1', 'A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh' }),
    row6('2', 'B', '', Q1),
    row6('3', 'C', '', Q1),
  ]);

  it("fill writes the value above into the task's own cell", () => {
    const f = check(snap).findings.find((x) => x.code === 'lead-missing' && x.cell === 'D3')!;
    const fill = f.fixes!.find((x) => x.id === 'lead-missing:D3:fill')!;
    expect(fill).toEqual({
      id: 'lead-missing:D3:fill',
      messageId: 'fix.lead-missing.fill',
      data: { value: TC, row: 2, count: 1 },
      edits: [{ sheet: 'Phụ lục', cell: 'D3', before: null, after: TC }],
    });
    const again = applyOne(snap, f, fill);
    expect(again.tasks[0].unassigned).toBe(false);
    expect(again.tasks[1].unassigned).toBe(false);
    // The task below now continues the filled cell: still unassigned, still offered the value.
    expect(again.tasks[2].unassigned).toBe(true);
  });

  it('merge restores the vertical merge over the whole blank run', () => {
    const f = check(snap).findings.find((x) => x.code === 'lead-missing' && x.cell === 'D3')!;
    const merge = f.fixes!.find((x) => x.id === 'lead-missing:D3:merge')!;
    expect(merge.merges).toEqual(['D2:D4']);
    const again = applyOne(snap, f, merge);
    expect(again.tasks.map((t) => t.unassigned)).toEqual([false, false, false]);
    // The leader column's blanks are merge-lost's, with their own fixes.
    expect(again.findings.filter((x) => x.code === 'lead-missing')).toEqual([]);
  });

  it('merge-lost (leader) fills every blank of its run', () => {
    const f = only(check(snap), 'merge-lost');
    expect(f.cell).toBe('C3');
    applyOne(snap, f, f.fixes![0]);
    const again = applyOne(snap, f, f.fixes![1]);
    expect(again.tasks.map((t) => t.leader)).toEqual([
      'Phó Chủ tịch UBND tỉnh',
      'Phó Chủ tịch UBND tỉnh',
      'Phó Chủ tịch UBND tỉnh',
    ]);
  });

  it('nothing is offered for the first task of a section, or across a section row', () => {
    const r = check(
      grid(H6, [
        ['I', 'Mục một'],
        row6('1', 'A', '', Q1),
        ['II', 'Mục hai'],
        row6('1', 'B', '', Q1),
      ]),
    );
    expect(
      r.findings.filter((x) => x.code === 'lead-missing').map((x) => [x.messageId, x.fixes]),
    ).toEqual([
      ['finding.lead-missing', undefined],
      ['finding.lead-missing', undefined],
    ]);
  });
});

describe("cells-shifted: move the row's values into their columns", () => {
  it('moves a deadline out of the lead column (the date cell keeps its value)', () => {
    const snap = grid(H8, [['1', 'Tổ chức điều tra thống kê', '', '', 'Quý IV/2026', '', '', '']]);
    const f = only(check(snap), 'cells-shifted');
    expect(f.fixes!.map((x) => [x.id, x.edits.map((e) => [e.cell, e.before, e.after])])).toEqual([
      [
        'cells-shifted:E2:move',
        [
          ['E2', 'Quý IV/2026', null],
          ['G2', null, 'Quý IV/2026'],
        ],
      ],
    ]);
    applyOne(snap, f, f.fixes![0]);
  });

  it('moves a row shifted one column right, cells beyond the header included', () => {
    const snap = grid(H8, [
      [
        '1',
        'Nhiệm vụ A',
        '',
        'Phó Chủ tịch UBND tỉnh',
        'Giám đốc Sở VHTTDL',
        'Sở VHTTDL',
        TC,
        'Quý II/2026',
        'Báo cáo',
      ],
    ]);
    const f = only(check(snap), 'cells-shifted');
    const again = applyOne(snap, f, f.fixes![0]);
    expect(
      again.findings.filter((x) => x.code === 'extra-cells' || x.code === 'cells-shifted'),
    ).toEqual([]);
    expect(again.tasks[0].deadline.due).toBe('2026-06-30');
  });

  it('is not offered for a row that is fine', () => {
    expect(
      check(
        grid(H8, [['1', 'Nhiệm vụ A', '', '', 'Sở VHTTDL', TC, 'Quý II/2026', '']]),
      ).findings.filter((x) => x.fixes),
    ).toEqual([]);
  });
});

describe('markup-in-cell, url-in-cell, tt-format', () => {
  it('markup: removes the tags, keeps the text', () => {
    const snap = grid(H6, [
      row6('1', '<b>Nhiệm vụ</b> A', TC, Q1),
      row6('2', 'B', TC, '<i>Quý II/2026</i>'),
    ]);
    const r = check(snap);
    for (const f of r.findings.filter((x) => x.code === 'markup-in-cell')) {
      expect(f.fixes![0].edits.map((e) => e.after)).toEqual([expect.not.stringContaining('<')]);
      applyOne(snap, f, f.fixes![0]);
    }
    expect(r.findings.filter((x) => x.code === 'markup-in-cell')).toHaveLength(2);
    expect(check(grid(H6, [row6('1', 'Nhiệm vụ a < b', TC, Q1)])).findings).toEqual([]);
  });

  it('url: removes a pasted search link; an ordinary address is only reported', () => {
    const snap = grid(H6, [
      row6(
        '1',
        'Quảng bá trên dulichlaocai.vn, https://www.google.com/search?q=sapa, Youtube',
        TC,
        Q1,
      ),
    ]);
    const f = only(check(snap), 'url-in-cell');
    expect(f.fixes![0].edits[0].after).toBe('Quảng bá trên dulichlaocai.vn, , Youtube');
    applyOne(snap, f, f.fixes![0]);
    const plain = only(
      check(grid(H6, [row6('1', 'Xem https://thongke.tourism.vn/ để báo cáo', TC, Q1)])),
      'url-in-cell',
    );
    expect(plain.fixes).toBeUndefined();
  });

  it('tt-format: drops the trailing dot', () => {
    const snap = grid(H6, [['1', 'Nhóm'], row6('1.1', 'A', TC, Q1), row6('1.2.', 'B', TC, Q1)]);
    const f = only(check(snap), 'tt-format');
    expect(f.fixes![0].edits).toEqual([
      { sheet: 'Phụ lục', cell: 'A4', before: '1.2.', after: '1.2' },
    ]);
    applyOne(snap, f, f.fixes![0]);
    expect(check(grid(H6, [['1', 'Nhóm'], row6('1.1', 'A', TC, Q1)])).findings).toEqual([]);
  });
});

describe('agency cells', () => {
  it('agency-name: writes the canonical spelling', () => {
    const snap = grid(H6, [row6('1', 'A', 'Sở VH TTL', Q1)]);
    const f = only(check(snap), 'agency-name', 'finding.agency-name.variant');
    expect(f.fixes!.map((x) => [x.id, x.edits[0].after])).toEqual([
      ['agency-name:D2:canonical', VHTTDL],
    ]);
    applyOne(snap, f, f.fixes![0]);
  });

  it('agency-name: the same misspelt cell on several rows and in both roles: each finding fixes its own cell', () => {
    // The fix's reading of a cell is kept per check by text (fixes.ts renameReads): every row
    // still gets its own edit, and a support cell its own role's reading.
    const snap = grid(H6, [
      row6('1', 'A', 'Sở VH TTL', Q1),
      row6('2', 'B', 'Sở VH TTL', Q1),
      row6('3', 'C', TC, Q1, { support: 'Sở VH TTL' }),
      row6('4', 'D', 'Sở VH TTL, Sở Tài chính', Q1),
    ]);
    const found = check(snap).findings.filter((f) => f.messageId === 'finding.agency-name.variant');
    expect(
      found.map((f) => [f.cell, f.fixes!.map((x) => [x.id, x.edits[0].cell, x.edits[0].after])]),
    ).toEqual([
      ['D2', [['agency-name:D2:canonical', 'D2', VHTTDL]]],
      ['D3', [['agency-name:D3:canonical', 'D3', VHTTDL]]],
      ['E4', [['agency-name:E4:canonical', 'E4', VHTTDL]]],
      ['D5', [['agency-name:D5:canonical', 'D5', `${VHTTDL}, ${TC}`]]],
    ]);
    for (const f of found) applyOne(snap, f, f.fixes![0]);
  });

  it('agency-name: the successor of a renamed agency is its own choice, never the canonical fix', () => {
    const snap = grid(H6, [row6('1', 'A', 'Sở Kế hoạch và Đầu tư', Q1, { support: NV })]);
    const f = only(check(snap), 'agency-name', 'finding.agency-name.renamed');
    expect(f.fixes!.map((x) => [x.id, x.edits[0].after])).toEqual([['agency-name:D2:renamed', TC]]);
    applyOne(snap, f, f.fixes![0]);
    // An unknown agency gets no fix.
    const u = only(
      check(grid(H6, [row6('1', 'A', 'Ban Quản lý Khu XYZ', Q1)])),
      'agency-name',
      'finding.agency-name.unknown',
    );
    expect(u.fixes).toBeUndefined();
  });

  it('lead-in-support: removes the repeat from the support cell', () => {
    const snap = grid(H6, [row6('1', 'A', TC, Q1, { support: `${NV}; ${TC}; Sở Tư pháp` })]);
    const f = only(check(snap), 'lead-in-support');
    expect(f.fixes![0].edits).toEqual([
      {
        sheet: 'Phụ lục',
        cell: 'E2',
        before: `${NV}; ${TC}; Sở Tư pháp`,
        after: `${NV}; Sở Tư pháp`,
      },
    ]);
    applyOne(snap, f, f.fixes![0]);
    const alone = grid(H6, [row6('1', 'A', TC, Q1, { support: TC })]);
    const g = only(check(alone), 'lead-in-support');
    expect(g.fixes![0].edits[0].after).toBeNull();
    applyOne(alone, g, g.fixes![0]);
  });

  it('lead-is-person: moves the title to the empty leader cell and writes the agency in its place', () => {
    // (A title alone in the lead column is read as a shifted cell: cells-shifted's fix moves it.)
    const snap = grid(H6, [row6('1', 'A', `${NV}; Giám đốc Sở Tài chính`, Q1)]);
    const f = only(check(snap), 'lead-is-person');
    expect(f.fixes!.map((x) => [x.id, x.edits.map((e) => [e.cell, e.after])])).toEqual([
      [
        'lead-is-person:D2:move',
        [
          ['C2', 'Giám đốc Sở Tài chính'],
          ['D2', `${NV}; ${TC}`],
        ],
      ],
    ]);
    const again = applyOne(snap, f, f.fixes![0]);
    expect(again.tasks[0].leader).toBe('Giám đốc Sở Tài chính');
    // Not when the leader cell is taken (the sheet has no inspector column).
    const taken = check(
      grid(H6, [row6('1', 'A', 'Giám đốc Sở Tài chính', Q1, { leader: 'Phó Chủ tịch UBND tỉnh' })]),
    );
    expect(only(taken, 'lead-is-person').fixes).toBeUndefined();
    // Nor when there is no leader or inspector column at all.
    expect(
      only(check(grid(H5, [['1', 'A', 'Giám đốc Sở Tài chính', '', Q1]])), 'lead-is-person').fixes,
    ).toBeUndefined();
  });

  it('agencies-run-together: inserts "; " between the two names', () => {
    const snap = grid(H6, [row6('1', 'A', TC, Q1, { support: 'Sở Tư pháp Sở Xây dựng' })]);
    const f = only(check(snap), 'agencies-run-together');
    expect(f.fixes![0].edits[0].after).toBe('Sở Tư pháp; Sở Xây dựng');
    applyOne(snap, f, f.fixes![0]);
    expect(
      check(grid(H6, [row6('1', 'A', TC, Q1, { support: 'Sở Tư pháp; Sở Xây dựng' })])).findings,
    ).toEqual([]);
  });
});

describe('deadline: a year that had to be inferred is written into the text', () => {
  it.each([
    ['Quý II', 'Quý II/2026'],
    ['Tháng 6', 'Tháng 6/2026'],
    ['30/6', '30/6/2026'],
  ])('%s → %s', (text, fixed) => {
    const snap = grid(H6, [
      row6('1', 'A', TC, Q1),
      row6('2', 'B', TC, 'Quý III/2026'),
      row6('3', 'C', TC, text),
    ]);
    const f = only(check(snap), 'deadline', 'finding.deadline.year-inferred');
    expect(f.fixes!.map((x) => [x.id, x.edits[0].after])).toEqual([['deadline:F4:year', fixed]]);
    const again = applyOne(snap, f, f.fixes![0]);
    expect(again.tasks[2].deadline.due).toBe(check(snap).tasks[2].deadline.due);
  });

  it('a deadline with its year gets nothing', () => {
    expect(check(grid(H6, [row6('1', 'A', TC, 'Quý II/2026')])).findings).toEqual([]);
  });
});

describe('applying edits to a snapshot', () => {
  const snap = grid(H6, [row6('1', 'A', TC, Q1), row6('2', 'B', '', Q1)]);

  it('refuses an edit whose cell no longer holds its before value, and changes nothing', () => {
    expect(() =>
      applyEdits(snap, { edits: [{ sheet: 'Phụ lục', cell: 'D2', before: 'x', after: 'y' }] }),
    ).toThrow(EditConflictError);
    expect(snap.values[1][3]).toBe(TC);
  });

  it('refuses a merge over an existing merged area', () => {
    const merged: SheetSnapshot = { ...snap, merges: [{ top: 1, left: 3, bottom: 2, right: 3 }] };
    expect(() => applyEdits(merged, { edits: [], merges: ['D2:D3'] })).toThrow(EditConflictError);
  });

  it("applies with an origin (cells name the user's sheet), and undo restores", () => {
    const at: SheetSnapshot = { ...snap, origin: { row: 4, col: 1 } };
    const r = check(at);
    const f = r.findings.find((x) => x.code === 'lead-missing')!;
    expect(f.cell).toBe('E7');
    const { snapshot, undo } = applyEdits(at, { edits: f.fixes![0].edits });
    expect(snapshot.values[2][3]).toBe(TC);
    expect(undoEdits(snapshot, undo).values[2][3]).toBeNull();
    // Undo is refused when the cell changed since.
    const changed = applyEdits(snapshot, {
      edits: [{ sheet: 'Phụ lục', cell: 'E7', before: TC, after: NV }],
    }).snapshot;
    expect(() => undoEdits(changed, undo)).toThrow(EditConflictError);
  });

  it('combines fixes: identical edits and merges are shared, a clashing fix is left out', () => {
    const a: Fix = {
      id: 'a',
      messageId: 'x',
      data: {},
      edits: [{ sheet: 'S', cell: 'A1', before: null, after: 'v' }],
      merges: ['B1:B3'],
    };
    const b: Fix = {
      id: 'b',
      messageId: 'x',
      data: {},
      edits: [{ sheet: 'S', cell: 'A1', before: null, after: 'v' }],
      merges: ['B1:B3'],
    };
    const c: Fix = {
      id: 'c',
      messageId: 'x',
      data: {},
      edits: [{ sheet: 'S', cell: 'A1', before: null, after: 'w' }],
    };
    const d: Fix = { id: 'd', messageId: 'x', data: {}, edits: [], merges: ['B2:B4'] };
    expect(combineFixes([a, b, c, d])).toEqual({
      edits: a.edits,
      merges: ['B1:B3'],
      applied: ['a', 'b'],
      skipped: ['c', 'd'],
    });
    const s: SheetSnapshot = { name: 'S', values: [[null]] };
    const res = applyFixes(s, [a, c]);
    expect(res.snapshot.values[0][0]).toBe('v');
    expect(res.snapshot.merges).toEqual([{ top: 0, left: 1, bottom: 2, right: 1 }]);
    expect(res.skipped).toEqual(['c']);
  });
});
