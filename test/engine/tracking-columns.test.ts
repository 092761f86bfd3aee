/** Issue 12: the tracking columns as a plan (where, which, validation, refusal), and the done-date rule. */
import {
  planTrackingColumns,
  describeTrackingPlan,
  TRACKING_STATUSES,
} from '../../src/engine/tracking-columns';
import { analyze, grid, H6, row6 } from '../helpers/grid';

const TC = 'Sở Tài chính';
const body = [
  row6('1', 'Việc một', TC, 'Quý I/2026'),
  row6('2', 'Việc hai', TC, 'Quý II/2026'),
  row6('3', 'Việc ba', TC, 'Quý III/2026'),
];

describe('planTrackingColumns', () => {
  it('appends the three columns right after the table, from the header to the last task row', () => {
    const snap = grid(H6, body, { title: [['KẾ HOẠCH'], []] });
    const res = planTrackingColumns(snap, analyze(snap));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const p = res.plan;
    expect(p.columns.map((c) => [c.kind, c.letter, c.header])).toEqual([
      ['status', 'G', 'Tình trạng'],
      ['done-date', 'H', 'Ngày hoàn thành'],
      ['evidence', 'I', 'Kết quả / minh chứng'],
    ]);
    expect(p).toMatchObject({
      headerRow: 3,
      firstRow: 4,
      lastRow: 6,
      styleFrom: 'F3',
      range: 'G3:I6',
      headerMerges: [],
    });
    expect(p.validations).toEqual([
      expect.objectContaining({ kind: 'status-list', range: 'G4:G6', list: TRACKING_STATUSES }),
      expect.objectContaining({
        kind: 'date',
        range: 'H4:H6',
        from: '2000-01-01',
        to: '2100-12-31',
      }),
    ]);
    expect(p.validations[0].error).toMatch(/danh sách/);
    expect(describeTrackingPlan(p, 'vi')).toContain('G3:I6');
  });

  it('adds only what the table lacks', () => {
    const snap = grid(
      [...H6, 'Tình trạng'],
      body.map((r) => [...r, 'Đang thực hiện']),
    );
    const res = planTrackingColumns(snap, analyze(snap));
    expect(res.ok && res.plan.columns.map((c) => [c.kind, c.letter])).toEqual([
      ['done-date', 'H'],
      ['evidence', 'I'],
    ]);
    const withExisting = planTrackingColumns(snap, analyze(snap), { validateExisting: true });
    expect(withExisting.ok && withExisting.plan.validations.map((v) => [v.kind, v.range])).toEqual([
      ['status-list', 'G2:G4'],
      ['date', 'H2:H4'],
    ]);
  });

  it('nothing to add when all three are there', () => {
    const snap = grid(
      [...H6, 'Tình trạng', 'Ngày hoàn thành', 'Kết quả thực hiện / minh chứng'],
      body.map((r) => [...r, '', '', '']),
    );
    const res = planTrackingColumns(snap, analyze(snap));
    expect(res).toMatchObject({ ok: false, error: 'nothing-to-add' });
  });

  it('refuses, naming the cells, when a cell to the right holds something; never over a user cell', () => {
    const rows = body.map((r) => [...r]);
    rows[1][7] = 'ghi chú riêng';
    const snap = grid(H6, rows);
    const res = planTrackingColumns(snap, analyze(snap));
    expect(res).toMatchObject({ ok: false, error: 'cells-not-empty', cells: ['H3'] });
    if (!res.ok) expect(res.message).toContain('H3');
    // A merge reaching into the target area also blocks.
    const merged = grid(H6, body, { merges: [{ top: 1, left: 5, bottom: 1, right: 7 }] });
    expect(planTrackingColumns(merged, analyze(merged))).toMatchObject({
      ok: false,
      error: 'cells-not-empty',
    });
  });

  it('a two-row header: new header cells span both rows', () => {
    const snap = grid(H6, body, { title: [] });
    snap.values.splice(1, 0, ['', '', '', '', '', '']);
    snap.merges = H6.map((_, c) => ({ top: 0, left: c, bottom: 1, right: c }));
    const r = analyze(snap);
    const res = planTrackingColumns(snap, r);
    if (!res.ok) throw new Error(res.message);
    expect(res.plan.headerHeight).toBe(r.headerHeight);
    if (r.headerHeight === 2) expect(res.plan.headerMerges[0]).toBe('G1:G2');
  });

  it('no table: refused', () => {
    const snap = grid(null, [['Chỉ có chữ']]);
    expect(planTrackingColumns(snap, analyze(snap))).toMatchObject({
      ok: false,
      error: 'no-table',
    });
  });
});

describe('done-date-invalid', () => {
  const H = [...H6, 'Tình trạng', 'Ngày hoàn thành'];
  it('a completion date that is not a date, or after the as-of date, is a finding', () => {
    const r = analyze(
      grid(H, [
        [...row6('1', 'A', TC, 'Quý I/2026'), 'Đã hoàn thành', 'hôm qua'],
        [...row6('2', 'B', TC, 'Quý I/2026'), 'Đã hoàn thành', '20/05/2026'],
        [...row6('3', 'C', TC, 'Quý I/2026'), 'Đã hoàn thành', '20/02/2026'],
      ]),
    );
    const f = r.findings.filter((x) => x.code === 'done-date-invalid');
    expect(f.map((x) => [x.cell, x.messageId])).toEqual([
      ['H2', 'finding.done-date-invalid'],
      ['H3', 'finding.done-date-invalid.future'],
    ]);
  });
});
