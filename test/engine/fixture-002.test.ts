/**
 * Whole-sheet expectations on the real appendix (seed 002, Lào Cai tourism plan 2026), read three
 * ways: the text export as a grid, the generated .xlsx as a raw paste (tags kept) and as a user
 * would have it after pasting from Word (merged cells, no page-break headers).
 * Counts are derived from the source text independently of the engine where possible.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeSheet } from '../../src/engine/analyze';
import type { SheetReport } from '../../src/engine/types';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { applyFixes } from '../../src/engine/edits';
import { seed002Snapshot, SEED_002 } from '../helpers/tsv';

const AS_OF = '2026-11-22';
const text = readFileSync(SEED_002, 'utf8');
const lines = text.split(/\r?\n/);
const first = (l: string) =>
  l
    .split('\t')[0]
    .replace(/<[^>]+>/g, '')
    .trim();

// Independent counts from the source text.
const sectionLines = lines.filter((l) => /^<b>[IVXLC]+<\/b>\t/.test(l));
const groupLines = lines.filter((l) => /^<b>\d+<\/b>\t/.test(l));
const taskLines = lines.filter((l) => /^\d+(\.\d+)*\.?$/.test(first(l)) && !/^<b>/.test(l));
const headerLines = lines.filter((l) => /^(<b>)?TT(<\/b>)?\t/.test(l));
// A numbered line whose number prefixes the next numbered line's heads it ("3" above "3.1"): a group.
const numbered = lines.map(first).filter((n) => /^(\d+(\.\d+)*\.?|[IVXLC]+)$/.test(n));
const norm = (n: string) => n.replace(/\.$/, '');
const headingNumbers = numbered.filter(
  (n, i) =>
    /^\d/.test(n) && i + 1 < numbered.length && norm(numbered[i + 1]).startsWith(`${norm(n)}.`),
);

const byRow = (r: SheetReport, row: number) => r.tasks.find((t) => t.row === row)!;
const codesAt = (r: SheetReport, row: number) =>
  r.findings.filter((f) => f.row === row).map((f) => f.messageId);

describe('seed 002 as a grid (text export)', () => {
  const r = analyzeSheet(seed002Snapshot(), { asOf: AS_OF });

  it('finds the header and all eight roles', () => {
    expect(r.headerRow).toBe(11);
    expect(r.columns).toEqual({
      tt: 'A',
      task: 'B',
      leader: 'C',
      inspector: 'D',
      lead: 'E',
      support: 'F',
      deadline: 'G',
      result: 'H',
    });
    expect(r.missingRoles).toEqual([]);
    expect(r.planYear).toBe(2026);
  });

  it('finds every section, group and task of the source', () => {
    expect(sectionLines).toHaveLength(14);
    expect(r.sections.map((s) => s.label)).toEqual([
      'I',
      'II',
      'III',
      'VI',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI',
      'XII',
      'XIII',
      'XVI',
    ]);
    // The 9 bold group lines, and V.3, which has its own lead but heads 3.1–3.3.
    expect(headingNumbers).toHaveLength(groupLines.length + 1);
    expect(r.rows.filter((x) => x.cls === 'group')).toHaveLength(headingNumbers.length);
    expect(r.rows.find((x) => x.row === 50)?.cls).toBe('group');
    expect(r.tasks).toHaveLength(taskLines.length - 1);
    expect(r.tasks).toHaveLength(116);
    expect(r.rows.filter((x) => x.cls === 'header')).toHaveLength(headerLines.length - 1);
  });

  it('reports the section numbering: VI twice, IV, XIV, XV missing, out of order', () => {
    const f = r.findings.filter((x) => x.code === 'section-order');
    expect(f.find((x) => x.messageId.endsWith('.missing'))?.data.labels).toBe('IV, XIV, XV');
    expect(f.find((x) => x.messageId.endsWith('.duplicate'))?.row).toBe(61);
    expect(f.filter((x) => x.messageId === 'finding.section-order').map((x) => x.row)).toEqual([
      38, 47, 208,
    ]);
  });

  it('reports the duplicate 1.1 in IX.1 and the missing 2.7 in IX.2', () => {
    const dup = r.findings.filter((x) => x.messageId === 'finding.tt-numbering.duplicate');
    expect(dup.map((x) => [x.row, x.cell, x.severity])).toEqual([[132, 'A132', 'error']]);
    const gap = r.findings.filter((x) => x.messageId === 'finding.tt-numbering.gap');
    expect(gap.map((x) => [x.row, x.data.missing])).toEqual([[149, '2.7']]);
  });

  it('reports repeated headers, markup, the pasted search URL and rows wider than the header', () => {
    expect(r.findings.filter((x) => x.code === 'header-repeated')).toHaveLength(
      headerLines.length - 1,
    );
    expect(r.findings.filter((x) => x.code === 'markup-in-cell').length).toBeGreaterThanOrEqual(
      sectionLines.length + groupLines.length,
    );
    const url = r.findings.find((x) => x.messageId === 'finding.url-in-cell.search')!;
    expect(url.row).toBe(142);
    expect(String(url.data.url)).toContain('google.com/search');
    const wide = new Set(r.findings.filter((x) => x.code === 'extra-cells').map((x) => x.row));
    for (const row of [150, 151, 182, 203, 204]) expect(wide.has(row)).toBe(true);
  });

  it('re-aligns shifted cells and reads them where they belong', () => {
    const shifted = new Set(r.findings.filter((x) => x.code === 'cells-shifted').map((x) => x.row));
    for (const row of [35, 43, 65, 123, 144, 150]) expect(shifted.has(row)).toBe(true);
    // VI.5: a deadline in the lead column.
    expect(byRow(r, 43).deadline).toMatchObject({ due: '2026-12-31', kind: 'period' });
    // III.3: a person's title in the lead column, everything one column right.
    expect(byRow(r, 35).inspector).toBe('Giám đốc Sở VHTTDL');
    expect(byRow(r, 35).lead.map((a) => a.name)).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    // IX.2.9 in an 11-cell row: lead and deadline found beyond the header width.
    expect(byRow(r, 150).lead.map((a) => a.name)).toEqual(['Báo và Phát thanh, Truyền hình tỉnh']);
    expect(byRow(r, 150).inspector).toContain('Tổng biên tập');
  });

  it('joins continuation rows cut by page breaks', () => {
    const cont = r.findings.filter((x) => x.code === 'continuation-joined').map((x) => x.row);
    expect(cont).toEqual([76, 142, 186]);
    expect(byRow(r, 73).rows).toEqual([73, 76]);
    expect(byRow(r, 73).task).toContain('Sa Pa to Love');
    expect(byRow(r, 139).task).toContain('dulichlaocai.vn');
  });

  it('reads a blank lead as unassigned where the paste lost vertical merges, and offers the value above', () => {
    expect(byRow(r, 14).lead).toEqual([]);
    expect(byRow(r, 14).unassigned).toBe(true);
    const f = r.findings.find((x) => x.code === 'lead-missing' && x.row === 14)!;
    expect(f.messageId).toBe('finding.lead-missing.lost-merge');
    expect(f.data.from).toBe(13);
    expect(f.fixes!.map((x) => x.id)).toEqual(['lead-missing:E14:fill', 'lead-missing:E14:merge']);
    expect(f.fixes![0].edits).toEqual([
      {
        sheet: 'Phụ lục 02',
        cell: 'E14',
        before: null,
        after: 'Đề nghị Ban Tuyên giáo và Dân vận Tỉnh uỷ phối hợp thực hiện',
      },
    ]);
    // Blank leader cells under a filled one: merge-lost, with the same two fixes.
    expect(codesAt(r, 14)).toContain('finding.merge-lost');
    // The first task of a section has nothing above it to offer: unassigned, no fix.
    expect(byRow(r, 117).unassigned).toBe(true);
    expect(
      r.findings.find((x) => x.code === 'lead-missing' && x.row === 117)?.fixes,
    ).toBeUndefined();
    expect(r.summary.unassigned).toBe(37);
  });

  it('reports agency problems: run together, lead in support, variants and a generic lead', () => {
    expect(codesAt(r, 18)).toContain('finding.agencies-run-together');
    expect(codesAt(r, 84)).toContain('finding.lead-in-support');
    const variants = r.findings.filter((x) => x.messageId === 'finding.agency-name.variant');
    expect(
      variants.some(
        (x) => x.data.value === 'Sở VH TTL' && x.suggestion === 'Sở Văn hóa, Thể thao và Du lịch',
      ),
    ).toBe(true);
    expect(variants.some((x) => x.data.value === 'Sở VH TTDL')).toBe(true);
    expect(codesAt(r, 20)).toContain('finding.lead-generic');
  });

  it('parses the deadlines, including refinements and conflicts', () => {
    expect(byRow(r, 77).deadline.due).toBe('2026-12-31'); // Quý III – IV/2026
    expect(byRow(r, 65).deadline.due).toBe('2026-04-30'); // Quý II/2026 ( vào dịp 30/4)
    expect(byRow(r, 66).deadline.conflict).toBeTruthy(); // Quý III/2026 (tháng 10/2026)
    expect(codesAt(r, 66)).toContain('finding.deadline.conflict');
    expect(byRow(r, 98).deadline.due).toBe('2026-12-31'); // Quý IV/ 2026
    expect(byRow(r, 13).deadline.kind).toBe('recurring');
  });

  it('computes the states as of 2026-11-22', () => {
    expect(byRow(r, 21).state).toBe('overdue'); // Quý I/2026
    expect(byRow(r, 22).state).toBe('open'); // Quý IV/2026
    expect(byRow(r, 13).state).toBe('recurring');
    expect(byRow(r, 27).state).toBe('no-deadline');
    const total = Object.values(r.summary.byState).reduce((a, b) => a + (b ?? 0), 0);
    expect(total).toBe(116);
    // Due soon: nothing in 002 falls between 22/11 and 07/12 except month/quarter ends after.
    expect(r.tasks.filter((t) => t.state === 'due-soon')).toHaveLength(0);
    const soon = analyzeSheet(seed002Snapshot(), { asOf: '2026-12-20' });
    expect(byRow(soon, 22).state).toBe('due-soon');
  });

  it('has an error for every unassigned task and names sheet, row and column in each message', () => {
    for (const f of r.findings) {
      if (f.row !== null) expect(f.message).toContain(`dòng ${f.row}`);
      expect(f.message).toContain("Trang 'Phụ lục 02'");
    }
    const unassigned = r.tasks.filter((t) => t.unassigned).map((t) => t.row);
    expect(r.findings.filter((f) => f.code === 'lead-missing').map((f) => f.row)).toEqual(
      unassigned,
    );
  });

  it('speaks English on request', () => {
    const en = analyzeSheet(seed002Snapshot(), { asOf: AS_OF, lang: 'en' });
    expect(en.findings.find((f) => f.code === 'lead-missing' && f.row === 117)?.message).toMatch(
      /^Sheet 'Phụ lục 02', row 117, column E \(Lead agency\): Task 1 has no lead agency\.$/,
    );
  });
});

describe('seed 002 as .xlsx files', () => {
  const load = async (name: string) => {
    const wb = await readWorkbook(readFileSync(join(__dirname, '..', 'fixtures', 'xlsx', name)));
    return analyzeSheet(wb.sheets[0], { asOf: AS_OF });
  };

  it('reads the raw paste exactly like the text export', async () => {
    const x = await load('002-raw.xlsx');
    const g = analyzeSheet(seed002Snapshot(), { asOf: AS_OF });
    expect(x.tasks.map((t) => [t.row, t.tt, t.state, t.lead.map((a) => a.name)])).toEqual(
      g.tasks.map((t) => [t.row, t.tt, t.state, t.lead.map((a) => a.name)]),
    );
  });

  it('reads the Word paste (merged cells, no page-break headers) with the same tasks', async () => {
    const p = await load('002-pasted.xlsx');
    const g = analyzeSheet(seed002Snapshot(), { asOf: AS_OF });
    expect(p.tasks.map((t) => t.tt)).toEqual(g.tasks.map((t) => t.tt));
    expect(p.sections.map((s) => s.label)).toEqual(g.sections.map((s) => s.label));
    expect(p.findings.filter((f) => f.code === 'header-repeated')).toHaveLength(0);
    expect(p.findings.filter((f) => f.code === 'markup-in-cell')).toHaveLength(0);
    // Real merges: the leader of a merged block belongs to every row it covers; no guessing.
    expect(p.findings.filter((f) => f.code === 'merge-lost')).toHaveLength(0);
    const withLeader = p.tasks.filter((t) => t.leader).length;
    expect(withLeader).toBeGreaterThan(100);
    // Deadlines agree task by task, except where a page break cut the task (the generator joined
    // those rows column by column, without re-aligning the shifted part first).
    const cut = new Set(g.tasks.filter((t) => t.rows.length > 1).map((t) => t.tt + t.section));
    const due = (r: SheetReport) =>
      r.tasks.filter((t) => !cut.has(t.tt + t.section)).map((t) => t.deadline.due);
    expect(cut.size).toBe(3);
    expect(due(p)).toEqual(due(g));
  });

  it('the three forms agree on which tasks are unassigned, their lead-column merges being equivalent', async () => {
    const [bold, raw, pasted] = await Promise.all(
      ['002-bold.xlsx', '002-raw.xlsx', '002-pasted.xlsx'].map(async (name) => {
        const wb = await readWorkbook(
          readFileSync(join(__dirname, '..', 'fixtures', 'xlsx', name)),
        );
        return { snap: wb.sheets[0], report: analyzeSheet(wb.sheets[0], { asOf: AS_OF }) };
      }),
    );
    // How they differ: 002-pasted merges the leader (C) and inspector (D) columns and the section
    // and group titles (B:H); none of the three has a merged area in the lead column (E).
    const leadCol = (x: typeof raw) => x.report.columnIndexes.lead!;
    const bodyLeadMerges = (x: typeof raw) =>
      (x.snap.merges ?? []).filter(
        (m) => m.left <= leadCol(x) && m.right >= leadCol(x) && m.bottom > m.top,
      );
    for (const x of [bold, raw, pasted]) expect(bodyLeadMerges(x)).toEqual([]);
    expect((pasted.snap.merges ?? []).some((m) => m.left === 2 && m.bottom > m.top)).toBe(true);
    expect(raw.snap.merges ?? []).toEqual([]);
    // Tasks keyed by section (in order), number and occurrence (IX.1 has 1.1 twice); rows differ.
    const keys = (r: SheetReport) => {
      const seen = new Map<string, number>();
      let section = -1;
      let last: string | null = null;
      return r.tasks.map((t) => {
        if (t.section !== last) {
          section++;
          last = t.section;
        }
        const k = `${section}:${t.section}:${t.tt}`;
        const n = (seen.get(k) ?? 0) + 1;
        seen.set(k, n);
        return { key: `${k}#${n}`, unassigned: t.unassigned };
      });
    };
    const unassigned = (r: SheetReport) =>
      keys(r)
        .filter((x) => x.unassigned)
        .map((x) => x.key);
    expect(keys(pasted.report).map((x) => x.key)).toEqual(keys(raw.report).map((x) => x.key));
    expect(unassigned(raw.report)).toEqual(unassigned(bold.report));
    expect(unassigned(pasted.report)).toEqual(unassigned(raw.report));
    expect(unassigned(raw.report)).toHaveLength(37);
    expect(raw.report.summary.unassigned).toBe(pasted.report.summary.unassigned);
  });

  it('applying every fix offered to the raw paste keeps the tasks and leaves no markup, trailing dot or shifted cell', async () => {
    const wb = await readWorkbook(
      readFileSync(join(__dirname, '..', 'fixtures', 'xlsx', '002-raw.xlsx')),
    );
    let snap = wb.sheets[0];
    const start = analyzeSheet(snap, { asOf: AS_OF });
    let r = start;
    for (let round = 0; round < 5 && r.findings.some((f) => f.fixes); round++) {
      // The first choice of each ("fill" for a lost merge).
      snap = applyFixes(
        snap,
        r.findings.flatMap((f) => (f.fixes ? [f.fixes[0]] : [])),
      ).snapshot;
      r = analyzeSheet(snap, { asOf: AS_OF });
    }
    // The same tasks ("3.4." now written "3.4").
    expect(r.tasks.map((t) => [t.row, t.tt])).toEqual(
      start.tasks.map((t) => [t.row, t.tt.replace(/\.$/, '')]),
    );
    expect(
      r.findings.filter((f) =>
        ['markup-in-cell', 'tt-format', 'cells-shifted', 'merge-lost'].includes(f.code),
      ),
    ).toEqual([]);
    // Only the tasks with nothing above them to offer stay unassigned.
    expect(r.summary.unassigned).toBe(
      start.findings.filter((f) => f.code === 'lead-missing' && !f.fixes).length,
    );
  });
});
