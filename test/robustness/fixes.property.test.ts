/**
 * Property test of the fixes (issue 10), over generated appendices with random blank cells
 * (lost merges), shifted rows, markup, trailing dots, variant and renamed agency names, a lead
 * repeated in the support cell, agencies run together, year-less deadlines and search links.
 *
 * Check, apply every fix offered (one choice per finding; fixes that clash with an earlier chosen
 * one wait for the next round), check again; repeat until nothing is offered. Every round:
 * - no cell outside the applied edit list changes (values, merges), and each listed cell holds its `after`;
 * - undo restores the snapshot exactly (values and merges);
 * - no finding whose fix was applied is raised again, and no new error appears.
 * At the end no finding offers a fix, and no finding of the always-fixable kinds remains.
 */
import fc from 'fast-check';
import { analyzeSheet } from '../../src/engine/analyze';
import { applyEdits, combineFixes, undoEdits } from '../../src/engine/edits';
import { columnLetter } from '../../src/engine/text';
import type { CellValue, Finding, Fix, SheetReport, SheetSnapshot } from '../../src/engine/types';
import { FUZZ_RUNS } from './arbitraries';

const H8: CellValue[] = [
  'TT',
  'Nhiệm vụ',
  'Lãnh đạo tỉnh phụ trách chỉ đạo thực hiện',
  'Đồng chí lãnh đạo kiểm tra đôn đốc, tham mưu tổ chức thực hiện',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp thực hiện',
  'Thời gian thực hiện',
  'Kết quả triển khai thực hiện',
];
const LEADERS = [
  'Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh',
  'Chủ tịch UBND tỉnh',
  'Phó Chủ tịch UBND tỉnh',
];
const INSPECTORS = ['Giám đốc Sở VHTTDL', 'Giám đốc Sở Tài chính', 'Chánh Văn phòng UBND tỉnh'];
const LEADS = [
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở VHTTDL',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Y tế',
  'Sở VH TTL',
  'Sở Kế hoạch và Đầu tư',
  'Công an tỉnh',
  'UBND các xã, phường',
];
const SUPPORTS = [
  'Sở Tài chính, Sở Nội vụ',
  'Sở Xây dựng; Sở Tư pháp',
  'Các sở, ngành, địa phương liên quan',
  'Sở Tư pháp Sở Xây dựng',
  'Sở Y tế',
];
const DEADLINES = [
  'Quý I/2026',
  'Quý IV/2026',
  'Tháng 6/2026',
  '30/9/2026',
  'Năm 2026',
  'Thường xuyên',
  'Quý II',
  'Tháng 8',
  '15/10',
];

interface TaskSpec {
  leader: number; // -1 blank
  inspector: number;
  lead: number;
  support: number;
  supportRepeatsLead: boolean;
  deadline: number;
  markup: boolean;
  url: boolean;
  dot: boolean;
  shift: 'none' | 'right' | 'deadline-in-lead';
}

const taskSpec: fc.Arbitrary<TaskSpec> = fc.record({
  leader: fc.integer({ min: -2, max: LEADERS.length - 1 }).map((x) => (x < 0 ? -1 : x)),
  inspector: fc.integer({ min: -2, max: INSPECTORS.length - 1 }).map((x) => (x < 0 ? -1 : x)),
  lead: fc.integer({ min: -3, max: LEADS.length - 1 }).map((x) => (x < 0 ? -1 : x)),
  support: fc.integer({ min: -1, max: SUPPORTS.length - 1 }),
  supportRepeatsLead: fc.boolean(),
  deadline: fc.integer({ min: -1, max: DEADLINES.length - 1 }),
  markup: fc.boolean(),
  url: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  dot: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  shift: fc.constantFrom<TaskSpec['shift']>(
    'none',
    'none',
    'none',
    'none',
    'right',
    'deadline-in-lead',
  ),
});

const sectionSpec = fc.record({
  group: fc.option(fc.record({ lead: fc.integer({ min: -1, max: LEADS.length - 1 }) }), {
    nil: undefined,
  }),
  tasks: fc.array(taskSpec, { minLength: 1, maxLength: 6 }),
});

const appendix = fc.record({
  sections: fc.array(sectionSpec, { minLength: 1, maxLength: 3 }),
  choice: fc.constantFrom<'first' | 'last'>('first', 'last'),
});

const ROMAN = ['I', 'II', 'III'];

function build(spec: {
  sections: { group?: { lead: number }; tasks: TaskSpec[] }[];
}): SheetSnapshot {
  const rows: CellValue[][] = [['PHỤ LỤC PHÂN CÔNG NHIỆM VỤ NĂM 2026'], [], H8];
  spec.sections.forEach((s, si) => {
    rows.push([ROMAN[si], `Mục ${si + 1}`]);
    let prefix = '';
    if (s.group) {
      rows.push(['1', 'Nhóm nhiệm vụ', null, null, s.group.lead >= 0 ? LEADS[s.group.lead] : null]);
      prefix = '1.';
    }
    s.tasks.forEach((t, ti) => {
      const n = ti + 1;
      const tt = `${prefix}${n}${t.dot && prefix ? '.' : ''}`;
      let text = `Nhiệm vụ số ${si + 1}.${n}${t.url ? ' xem https://www.google.com/search?q=du+lich' : ''}`;
      if (t.markup) text = `<b>${text}</b>`;
      const lead = t.lead >= 0 ? LEADS[t.lead] : null;
      let support = t.support >= 0 ? SUPPORTS[t.support] : null;
      if (t.supportRepeatsLead && lead && support && !support.includes(' Sở Xây dựng'))
        support = `${support}; ${lead}`;
      const deadline = t.deadline >= 0 ? DEADLINES[t.deadline] : null;
      let row: CellValue[] = [
        tt,
        text,
        t.leader >= 0 ? LEADERS[t.leader] : null,
        t.inspector >= 0 ? INSPECTORS[t.inspector] : null,
        lead,
        support,
        deadline,
        null,
      ];
      if (t.shift === 'right') row = [row[0], row[1], null, ...row.slice(2)];
      else if (t.shift === 'deadline-in-lead' && deadline)
        row = [row[0], row[1], row[2], row[3], deadline, support, null, null];
      rows.push(row);
    });
  });
  return { name: 'Phụ lục', values: rows };
}

const check = (snap: SheetSnapshot): SheetReport => analyzeSheet(snap, { asOf: '2026-06-15' });
/** A finding: what, where, and about which value. */
const key = (f: Finding) => `${f.code}|${f.messageId}|${f.cell}|${JSON.stringify(f.data)}`;

function cellMap(snap: SheetSnapshot): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  snap.values.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (v !== null && v !== undefined) out.set(`${columnLetter(c)}${r + 1}`, v);
    }),
  );
  return out;
}

const norm = (snap: SheetSnapshot) =>
  snap.values.map((r) => (r ?? []).map((v) => (v === undefined ? null : v)));
/** Trailing empty cells do not count (a snapshot row may be ragged). */
const trimmed = (snap: SheetSnapshot) =>
  norm(snap).map((r) => {
    const x = r.slice();
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });

/** Kinds that, given the generator above, always come with a fix. */
const ALWAYS_FIXED = ['markup-in-cell', 'tt-format', 'merge-lost', 'cells-shifted'];

describe('fixes over generated appendices', () => {
  it('apply every fix: only the listed cells change, undo restores them, the findings go and no error appears', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(appendix, ({ sections, choice }) => {
        let snap = build({ sections });
        let report = check(snap);
        for (let round = 0; round < 8; round++) {
          const offered = report.findings.filter((f) => f.fixes?.length);
          if (!offered.length) break;
          const chosen: Fix[] = offered.map((f) =>
            choice === 'first' ? f.fixes![0] : f.fixes![f.fixes!.length - 1],
          );
          const byFix = new Map(chosen.map((fx, i) => [fx.id, offered[i]]));
          const { edits, merges, applied } = combineFixes(chosen);
          for (const id of applied)
            seen.add(`${id.split(':')[0]}:${id.split(':')[2].replace(/#.*/, '')}`);
          expect(applied.length).toBeGreaterThan(0);
          const { snapshot: next, undo } = applyEdits(snap, { edits, merges });

          // Only the listed cells changed; each holds what the edit wrote.
          const listed = new Set(edits.map((e) => e.cell));
          const a = cellMap(snap);
          const b = cellMap(next);
          for (const k of new Set([...a.keys(), ...b.keys()]))
            if (!listed.has(k)) expect([k, b.get(k)]).toEqual([k, a.get(k)]);
          for (const e of edits) expect(b.get(e.cell) ?? null).toEqual(e.after);
          expect(next.merges ?? []).toHaveLength((snap.merges ?? []).length + merges.length);
          expect((next.merges ?? []).slice(0, (snap.merges ?? []).length)).toEqual(
            snap.merges ?? [],
          );

          // Undo restores every edited cell exactly, and the merges.
          const back = undoEdits(next, undo);
          expect(trimmed(back)).toEqual(trimmed(snap));
          expect(back.merges ?? []).toEqual(snap.merges ?? []);

          // The fixed findings are gone; no new error.
          const again = check(next);
          const now = new Set(again.findings.map(key));
          for (const id of applied) expect([id, now.has(key(byFix.get(id)!))]).toEqual([id, false]);
          // (By code and cell: a task unassigned before may now be offered the value above.)
          const where = (f: Finding) => `${f.code}|${f.cell}`;
          const oldErrors = new Set(
            report.findings.filter((f) => f.severity === 'error').map(where),
          );
          expect(
            again.findings
              .filter((f) => f.severity === 'error' && !oldErrors.has(where(f)))
              .map((f) => `${key(f)} ${f.message}`),
          ).toEqual([]);
          expect(again.tasks).toHaveLength(report.tasks.length);
          snap = next;
          report = again;
        }
        expect(report.findings.filter((f) => f.fixes?.length).map(key)).toEqual([]);
        expect(
          report.findings
            .filter((f) => ALWAYS_FIXED.includes(f.code))
            .map((f) => `${key(f)} ${f.message}`),
        ).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS },
    );
    // The generator reaches the fixes (the property is not vacuous).
    const expected = [
      'lead-missing',
      'merge-lost',
      'cells-shifted:move',
      'markup-in-cell:strip',
      'url-in-cell:remove',
      'tt-format:dot',
      'agency-name',
      'deadline:year',
      'lead-in-support:remove',
      'agencies-run-together:separate',
    ];
    if (FUZZ_RUNS >= 30)
      for (const e of expected) expect([...seen].some((x) => x.startsWith(e))).toBe(true);
  });
});
