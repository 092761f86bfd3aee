import { readFileSync } from 'fs';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readWorkbook, sheetSnapshot } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import {
  alignTasks,
  compareReports,
  isSameVersion,
  textSimilarity,
  wordDiff,
} from '../../src/engine/compare';
import { placeLabel } from '../../src/engine/compare-table';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';
import {
  AGENCIES,
  buildSheet,
  cloneSections,
  DEADLINES,
  DEADLINE_TEXTS,
  PHRASES,
  STATUSES,
  type GenSection,
} from '../helpers/appendix-gen';

const AS_OF = '2026-11-22';
const analyze = (s: SheetSnapshot): SheetReport => analyzeSheet(s, { asOf: AS_OF });
const fixture = (f: string) => readFileSync(`test/fixtures/xlsx/${f}`);

async function fixtureReport(f: string): Promise<SheetReport> {
  return analyze((await readWorkbook(fixture(f))).sheets[0]);
}

function section(
  label: string,
  title: string,
  rows: [string, number, number, string][],
): GenSection {
  return {
    label,
    title,
    tasks: rows.map(([tt, phrase, agency, deadline]) => ({
      tt,
      text: PHRASES[phrase],
      lead: AGENCIES[agency],
      support: '',
      deadline,
      status: '',
      doneDate: '',
      result: '',
    })),
  };
}

describe('text helpers', () => {
  test('similarity folds Vietnamese as the engine does', () => {
    expect(textSimilarity('Hoàn thiện hồ sơ', 'hoan thien ho so')).toBe(1);
    expect(textSimilarity(PHRASES[0], PHRASES[1])).toBeLessThan(0.7);
    expect(textSimilarity(PHRASES[0], `${PHRASES[0]} kịp thời`)).toBeGreaterThan(0.8);
  });

  test('word diff marks removed and added words and keeps the rest', () => {
    const parts = wordDiff(
      'Xây dựng kế hoạch du lịch năm 2026',
      'Xây dựng đề án du lịch năm 2026 và 2027',
    );
    expect(parts).toEqual([
      { kind: 'same', text: 'Xây dựng' },
      { kind: 'removed', text: 'kế hoạch' },
      { kind: 'added', text: 'đề án' },
      { kind: 'same', text: 'du lịch năm 2026' },
      { kind: 'added', text: 'và 2027' },
    ]);
    // tone-mark placement is no change
    expect(wordDiff('hoá', 'hóa')).toEqual([{ kind: 'same', text: 'hóa' }]);
  });
});

describe('compare two versions', () => {
  test.each(['002-raw.xlsx', '002-bold.xlsx', '002-pasted.xlsx'])(
    '%s against itself: no difference',
    async (f) => {
      const r = await fixtureReport(f);
      const c = compareReports(r, r);
      expect(isSameVersion(c)).toBe(true);
    },
  );

  test('002-raw (29 repeated headers, markup) against 002-bold (the same grid, formatting): no difference', async () => {
    const c = compareReports(
      await fixtureReport('002-raw.xlsx'),
      await fixtureReport('002-bold.xlsx'),
    );
    expect(c).toMatchObject({ added: [], removed: [], moved: [], changed: [] });
  });

  test('002-raw against 002-pasted: every task aligned; leader cells read through their merges', async () => {
    const raw = await fixtureReport('002-raw.xlsx');
    const pasted = await fixtureReport('002-pasted.xlsx');
    const c = compareReports(raw, pasted);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.moved).toEqual([]);
    const leader = c.changed.filter((x) => x.field === 'leader');
    expect(leader.length).toBeGreaterThan(20);
    // Each one: blank in the text paste, filled by a vertical merge in the pasted table.
    for (const x of leader) {
      expect(x.before).toBe('');
      expect(x.after).not.toBe('');
    }
    // The continuation rows are joined into their tasks in both: 1.9 of VI has the same text.
    const t19 = pasted.tasks.find((t) => t.section === 'VI' && t.tt === '1.9')!;
    expect(c.changed.some((x) => x.row === t19.row && x.field === 'task')).toBe(false);
  });

  test('a changed value at the top of a vertical merge changes every task the merge covers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixture('002-pasted.xlsx') as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const before = analyze(sheetSnapshot(ws));
    // The first leader merge in column C.
    const merges = (ws.model as unknown as { merges: string[] }).merges.filter((m) =>
      /^C\d+:C\d+$/.test(m),
    );
    const [top, bottom] = merges[0].split(':').map((a) => Number(a.slice(1)));
    ws.getCell(`C${top}`).value = 'Chủ tịch UBND tỉnh';
    const after = analyze(sheetSnapshot(ws));
    const c = compareReports(before, after);
    const rows = c.changed.filter((x) => x.field === 'leader').map((x) => x.row);
    const covered = after.tasks.filter((t) => t.row >= top && t.row <= bottom).map((t) => t.row);
    expect(covered.length).toBeGreaterThan(1);
    expect(rows).toEqual(covered);
    expect(c.changed.every((x) => x.field === 'leader' && x.after === 'Chủ tịch UBND tỉnh')).toBe(
      true,
    );
  });

  test('a deadline written another way with the same due date is a change of wording, said so', () => {
    const a = buildSheet(
      [
        section('I', 'Sản phẩm', [
          ['1', 0, 0, 'Quý II/2026'],
          ['2', 1, 1, 'Quý I/2026'],
        ]),
      ],
      { tracking: false },
    );
    const b = buildSheet(
      [
        section('I', 'Sản phẩm', [
          ['1', 0, 0, '30/6/2026'],
          ['2', 1, 1, 'Quý III/2026'],
        ]),
      ],
      { tracking: false },
    );
    const c = compareReports(analyze(a.snapshot), analyze(b.snapshot));
    expect(c.changed).toEqual([
      expect.objectContaining({
        tt: '1',
        field: 'deadline',
        before: 'Quý II/2026',
        after: '30/6/2026',
        sameDue: true,
        dueAfter: '2026-06-30',
      }),
      expect.objectContaining({
        tt: '2',
        field: 'deadline',
        before: 'Quý I/2026',
        after: 'Quý III/2026',
        sameDue: false,
      }),
    ]);
  });

  test('renumbered tasks whose old numbers now name other tasks are aligned by text', () => {
    const a = buildSheet(
      [
        section('I', 'Sản phẩm', [
          ['1', 0, 0, 'Năm 2026'],
          ['2', 1, 1, 'Năm 2026'],
          ['3', 2, 2, 'Năm 2026'],
        ]),
      ],
      { tracking: false },
    );
    const b = buildSheet(
      [
        section('I', 'Sản phẩm', [
          ['1', 1, 1, 'Năm 2026'],
          ['2', 2, 2, 'Năm 2026'],
          ['3', 0, 0, 'Năm 2026'],
        ]),
      ],
      { tracking: false },
    );
    const c = compareReports(analyze(a.snapshot), analyze(b.snapshot));
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    expect(c.changed).toEqual([]);
    expect(c.moved.map((m) => `${placeLabel(m.from)}→${placeLabel(m.to)}`).sort()).toEqual([
      'I.1→I.3',
      'I.2→I.1',
      'I.3→I.2',
    ]);
    expect(c.moved.every((m) => m.kind === 'renumbered')).toBe(true);
  });

  test('a task text too different is a task removed and another added, not a change', () => {
    const a = buildSheet([section('I', 'Sản phẩm', [['1', 0, 0, 'Năm 2026']])], {
      tracking: false,
    });
    const b = buildSheet([section('I', 'Sản phẩm', [['2', 5, 0, 'Năm 2026']])], {
      tracking: false,
    });
    const al = alignTasks(analyze(a.snapshot).tasks, analyze(b.snapshot).tasks);
    expect(al.pairs).toEqual([]);
    expect(al.onlyBefore.map((t) => t.tt)).toEqual(['1']);
    expect(al.onlyAfter.map((t) => t.tt)).toEqual(['2']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random edits of a generated appendix are reported exactly.

const TITLES = ['Phát triển sản phẩm du lịch', 'Hạ tầng và kết nối', 'Quản lý nhà nước'];
const LABELS = ['I', 'II', 'III'];

const editArb = fc.record({
  place: fc.constantFrom('keep', 'keep', 'keep', 'remove', 'renumber', 'move'),
  deadline: fc.option(fc.integer({ min: 0, max: DEADLINE_TEXTS.length - 1 }), { nil: undefined }),
  lead: fc.option(fc.integer({ min: 0, max: AGENCIES.length - 1 }), { nil: undefined }),
  text: fc.boolean(),
  status: fc.option(fc.integer({ min: 0, max: STATUSES.length - 1 }), { nil: undefined }),
});

const taskArb = fc.record({
  lead: fc.integer({ min: 0, max: AGENCIES.length - 1 }),
  deadline: fc.integer({ min: 0, max: DEADLINE_TEXTS.length - 1 }),
  status: fc.integer({ min: 0, max: STATUSES.length - 1 }),
  edit: editArb,
});

const caseArb = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 3 })
  .chain((counts) => {
    const n = counts.reduce((a, b) => a + b, 0);
    return fc.record({
      counts: fc.constant(counts),
      tasks: fc.array(taskArb, { minLength: n, maxLength: n }),
      adds: fc.array(fc.integer({ min: 0, max: counts.length - 1 }), { maxLength: 4 }),
      repeatHeader: fc.boolean(),
    });
  });

test('property: diff after random edits reports exactly those edits', () => {
  fc.assert(
    fc.property(caseArb, ({ counts, tasks, adds, repeatHeader }) => {
      let k = 0;
      const base: GenSection[] = counts.map((count, s) => ({
        label: LABELS[s],
        title: TITLES[s],
        tasks: Array.from({ length: count }, (_, i) => {
          const g = tasks[k];
          return {
            tt: String(i + 1),
            text: PHRASES[k++],
            lead: AGENCIES[g.lead],
            support: '',
            deadline: DEADLINE_TEXTS[g.deadline],
            status: STATUSES[g.status],
            doneDate: '',
            result: '',
          };
        }),
      }));
      const edited = cloneSections(base);
      for (const s of edited) s.tasks = [];
      const expected = {
        added: new Set<string>(),
        removed: new Set<string>(),
        moved: new Set<string>(),
        changed: new Set<string>(),
      };
      let fresh = 0;
      k = 0;
      base.forEach((s, si) => {
        for (const original of s.tasks) {
          const e = tasks[k++].edit;
          const fromKey = `${s.label}.${original.tt}`;
          if (e.place === 'remove') {
            expected.removed.add(fromKey);
            continue;
          }
          const t = { ...original };
          let target = si;
          if (e.place === 'renumber') t.tt = String(30 + fresh++);
          if (e.place === 'move') {
            target = (si + 1) % base.length;
            t.tt = String(50 + fresh++);
          }
          if (e.deadline !== undefined) t.deadline = DEADLINE_TEXTS[e.deadline];
          if (e.lead !== undefined) t.lead = AGENCIES[e.lead];
          if (e.status !== undefined) t.status = STATUSES[e.status];
          if (e.text) t.text = `${t.text} kịp thời`;
          const toKey = `${base[target].label}.${t.tt}`;
          if (toKey !== fromKey) expected.moved.add(`${fromKey}→${toKey}`);
          if (t.text !== original.text) expected.changed.add(`${toKey}:task`);
          if (t.lead !== original.lead) expected.changed.add(`${toKey}:lead`);
          if (t.status !== original.status) expected.changed.add(`${toKey}:status`);
          if (t.deadline !== original.deadline) {
            const same = DEADLINES[t.deadline] === DEADLINES[original.deadline];
            expected.changed.add(`${toKey}:deadline${same ? ':same' : ''}`);
          }
          edited[target].tasks.push(t);
        }
      });
      adds.forEach((si, i) => {
        const tt = String(70 + i);
        edited[si].tasks.push({
          tt,
          text: PHRASES[20 + i],
          lead: AGENCIES[0],
          support: '',
          deadline: 'Năm 2026',
          status: '',
          doneDate: '',
          result: '',
        });
        expected.added.add(`${edited[si].label}.${tt}`);
      });

      const c = compareReports(
        analyze(buildSheet(base).snapshot),
        analyze(buildSheet(edited, { repeatHeader }).snapshot),
      );
      const got = {
        added: new Set(c.added.map(placeLabel)),
        removed: new Set(c.removed.map(placeLabel)),
        moved: new Set(c.moved.map((m) => `${placeLabel(m.from)}→${placeLabel(m.to)}`)),
        changed: new Set(
          c.changed.map(
            (x) =>
              `${placeLabel(x)}:${x.field}${x.field === 'deadline' && x.sameDue ? ':same' : ''}`,
          ),
        ),
      };
      expect(got).toEqual(expected);
      expect(c.changed.length).toBe(expected.changed.size);
    }),
    { numRuns: 150 },
  );
});

test('property: diff of any version against itself is empty (also when one copy repeats its header on a new page)', () => {
  fc.assert(
    fc.property(caseArb, fc.boolean(), ({ counts, tasks }, repeatHeader) => {
      let k = 0;
      const base: GenSection[] = counts.map((count, s) => ({
        label: LABELS[s],
        title: TITLES[s],
        tasks: Array.from({ length: count }, (_, i) => {
          const g = tasks[k];
          return {
            tt: String(i + 1),
            text: PHRASES[k++],
            lead: AGENCIES[g.lead],
            support: '',
            deadline: DEADLINE_TEXTS[g.deadline],
            status: STATUSES[g.status],
            doneDate: '',
            result: '',
          };
        }),
      }));
      const c = compareReports(
        analyze(buildSheet(base).snapshot),
        analyze(buildSheet(cloneSections(base), { repeatHeader }).snapshot),
      );
      expect({
        added: c.added.length,
        removed: c.removed.length,
        moved: c.moved.length,
        changed: c.changed,
      }).toEqual({ added: 0, removed: 0, moved: 0, changed: [] });
      expect(isSameVersion(c)).toBe(true);
    }),
    { numRuns: 100 },
  );
});

describe('marks of a comparison', () => {
  test('added, moved and changed rows, one kind a row (added before moved before changed), whole tasks, the table width', async () => {
    const { planCompareMarks } = await import('../../src/engine/marks');
    const plan = planCompareMarks(
      'Phụ lục',
      {
        added: [{ row: 12 }],
        moved: [{ to: { row: 8 } }, { to: { row: 12 } }],
        changed: [{ row: 8 }, { row: 5 }, { row: 6 }],
      },
      new Map([
        [5, [5, 6]],
        [8, [8]],
        [12, [12, 13]],
      ]),
      1,
      8,
    );
    expect(plan.rules.map((r) => [r.kind, r.rows, r.ranges, r.formula])).toEqual([
      ['added', [12, 13], ['A12:H13'], '=N("phancong:added")=0'],
      ['moved', [8], ['A8:H8'], '=N("phancong:moved")=0'],
      ['changed', [5, 6], ['A5:H6'], '=N("phancong:changed")=0'],
    ]);
    expect(
      planCompareMarks('x', { added: [], moved: [], changed: [] }, new Map(), 1, 5).rules,
    ).toEqual([]);
  });
});
