/**
 * The .xlsx writer: marks as conditional formats, the add-in's own sheets, live summary formulas,
 * finding links; a second run replaces rather than stacks; user cells are never changed.
 */
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import {
  SUMMARY_STATES,
  applyReports,
  isOwnSheet,
  ownSheetKind,
  OWN_NAME_PREFIX,
} from '../../src/adapters/xlsx/write';
import { analyzeSheet } from '../../src/engine/analyze';
import { isOwnMarkFormula, planMarks } from '../../src/engine/marks';
import { OWN_SHEETS } from '../../src/engine/tables';
import type { SheetReport, SummaryCount, TaskState } from '../../src/engine/types';
import { columnIndex } from '../../src/engine/text';
import { t } from '../../src/messages';

import { AS_OF, USER_SHEET, buildUserWorkbook, check } from './xlsx-write.fixture';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell's value and style, as JSON, for a byte-for-byte comparison. */
function cellDump(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = JSON.stringify({
        value: cell.value,
        style: cell.style,
        numFmt: cell.numFmt,
      });
    });
  });
  return out;
}

function sheetDump(ws: ExcelJS.Worksheet): unknown {
  return {
    cells: cellDump(ws),
    merges: (ws.model as unknown as { merges: string[] }).merges,
    widths: ws.columns?.map((c) => c.width),
  };
}

type Cf = ExcelJS.ConditionalFormattingOptions;
function cfs(ws: ExcelJS.Worksheet): Cf[] {
  return (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
}
function ownCfs(ws: ExcelJS.Worksheet): Cf[] {
  return cfs(ws).filter((cf) =>
    cf.rules.some((r) => (r as { formulae?: string[] }).formulae?.some((f) => isOwnMarkFormula(f))),
  );
}

/**
 * A formula's cached result. ExcelJS 4.4.0 writes <v>0</v> but reads a 0 result back as
 * undefined, so undefined counts as 0 here (the LibreOffice test checks the real values).
 */
function resultOf(v: ExcelJS.CellValue): unknown {
  return v && typeof v === 'object' && 'formula' in v
    ? ((v as ExcelJS.CellFormulaValue).result ?? 0)
    : v;
}

/** A cell's value without creating the cell (getCell would add it to the sheet). */
function valueAt(ws: ExcelJS.Worksheet, row: number, col: number | string): ExcelJS.CellValue {
  const c = ws.findCell(row, typeof col === 'string' ? columnIndex(col) + 1 : col);
  return c ? c.value : null;
}

describe('writeCheckedWorkbook', () => {
  let input: Uint8Array;
  let out: Uint8Array;
  let reports: SheetReport[];
  let report: SheetReport;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await buildUserWorkbook();
    ({ out, reports } = await check(input));
    report = reports.find((r) => r.name === USER_SHEET)!;
    before = await load(input);
    after = await load(out);
  });

  it('analyses the fixture as intended (overdue, due soon, no lead, two leads)', () => {
    expect(report.headerRow).toBe(3);
    const byTt = new Map(report.tasks.map((tk) => [tk.tt, tk]));
    expect(byTt.get('1')?.state).toBe('overdue');
    expect(byTt.get('3')?.state).toBe('due-soon');
    expect(byTt.get('4')?.lead).toEqual([]);
    expect(byTt.get('4')?.unassigned).toBe(true);
    expect(byTt.get('5')?.lead.map((r) => r.name)).toEqual(['Sở Y tế', 'Sở Tài chính']);
    expect(report.summary.total).toBe(6);
  });

  it('leaves every user cell value and style unchanged', () => {
    for (const name of [USER_SHEET, OWN_SHEETS.summary]) {
      expect(sheetDump(after.getWorksheet(name)!)).toEqual(sheetDump(before.getWorksheet(name)!));
    }
  });

  it('keeps the user sheet named like an own sheet and writes the summary beside it', () => {
    const clash = after.getWorksheet(OWN_SHEETS.summary)!;
    expect(isOwnSheet(clash)).toBe(false);
    expect(clash.getCell('A1').value).toBe('Tổng hợp của tôi');
    const own = after.getWorksheet(`${OWN_SHEETS.summary} (2)`)!;
    expect(own).toBeDefined();
    expect(ownSheetKind(own)).toBe('summary');
    expect(ownSheetKind(after.getWorksheet(OWN_SHEETS.tasks)!)).toBe('tasks');
    expect(ownSheetKind(after.getWorksheet(OWN_SHEETS.agencies)!)).toBe('agencies');
    expect(ownSheetKind(after.getWorksheet(OWN_SHEETS.findings)!)).toBe('findings');
    expect(isOwnSheet(after.getWorksheet(USER_SHEET)!)).toBe(false);
  });

  it('adds one conditional format per mark kind over the table width, and keeps the user rule', () => {
    const ws = after.getWorksheet(USER_SHEET)!;
    const plan = planMarks(report);
    expect(plan.rules.length).toBeGreaterThanOrEqual(3);
    const own = ownCfs(ws);
    expect(own.map((cf) => cf.ref)).toEqual(plan.rules.map((r) => r.ranges.join(' ')));
    const overdue = plan.rules.find((r) => r.kind === 'overdue')!;
    expect(overdue.ranges).toEqual(['A5:E5']);
    const rule = own[0].rules[0] as ExcelJS.ExpressionRuleType;
    expect(rule.type).toBe('expression');
    expect(rule.formulae).toEqual([overdue.formula.slice(1)]);
    expect(rule.style?.fill).toMatchObject({ bgColor: { argb: 'FFF8CBAD' } });
    const user = cfs(ws).filter((cf) => !own.includes(cf));
    expect(user).toHaveLength(1);
    expect(user[0].ref).toBe('E4:E11');
    // Ours first; the user's rule after them.
    const priorities = cfs(ws).flatMap((cf) => cf.rules.map((r) => r.priority));
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(user[0].rules[0].priority).toBeGreaterThan(
      Math.max(...own.map((cf) => cf.rules[0].priority)),
    );
  });

  it('writes the task table as an Excel table with real dates', () => {
    const ws = after.getWorksheet(OWN_SHEETS.tasks)!;
    expect(ws.getCell('A1').value).toBe(t('vi', 'table.sheet'));
    expect(ws.getCell('A1').font?.bold).toBe(true);
    const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
    expect(Object.keys(tables)).toEqual(['PC_NhiemVu']);
    // Task 1 (row 2 of the table): due 30/09/2026 as a date at UTC midnight.
    expect(ws.getCell('C2').value).toBe('1');
    const due = ws.getCell('K2');
    expect(due.value).toEqual(new Date(Date.UTC(2026, 8, 30)));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('M2').value).toBe(t('vi', 'state.overdue'));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    let rows = 0;
    ws.eachRow(() => rows++);
    expect(rows).toBe(1 + report.tasks.length);
  });

  it('writes the long task × agency table with one lead row per task and agency', () => {
    const ws = after.getWorksheet(OWN_SHEETS.agencies)!;
    const leadRows: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(4).value === t('vi', 'role.lead'))
        leadRows.push(`${row.getCell(3).value}:${row.getCell(5).value}`);
    });
    expect(leadRows.sort()).toEqual(
      [
        '1:Sở Văn hóa, Thể thao và Du lịch',
        '3:Sở Xây dựng',
        '2:Sở Y tế',
        '5:Sở Tài chính',
        '5:Sở Y tế',
        '6:Sở Y tế',
      ].sort(),
    );
  });

  describe('summary sheet', () => {
    let ws: ExcelJS.Worksheet;
    beforeAll(() => {
      ws = after.getWorksheet(`${OWN_SHEETS.summary} (2)`)!;
    });

    /** The block whose title cell says `titleId`: key → state label → cached result. */
    function block(keyHeaderId: string): {
      keys: string[];
      cell: (key: string, col: string) => ExcelJS.CellValue;
      headerRow: number;
    } {
      let headerRow = 0;
      ws.eachRow((row, n) => {
        if (
          !headerRow &&
          valueAt(ws, n, 1) === t('vi', keyHeaderId) &&
          valueAt(ws, n, 2) === t('vi', 'state.overdue')
        )
          headerRow = n;
      });
      expect(headerRow).toBeGreaterThan(0);
      const keys: string[] = [];
      const rowOf = new Map<string, number>();
      for (let r = headerRow + 1; ; r++) {
        const v = valueAt(ws, r, 1);
        if (v === null || v === undefined) break;
        keys.push(String(v));
        rowOf.set(String(v), r);
      }
      const header = ws.getRow(headerRow);
      return {
        keys,
        headerRow,
        cell: (key, colLabel) => {
          let col = 0;
          header.eachCell((c, n) => {
            if (c.value === colLabel) col = n;
          });
          if (!rowOf.has(key) || !col) throw new Error(`no cell for ${key} × ${colLabel}`);
          return valueAt(ws, rowOf.get(key)!, col);
        },
      };
    }

    function expectCounts(
      keyHeaderId: string,
      counts: SummaryCount[],
      label: (key: string) => string,
    ): void {
      const b = block(keyHeaderId);
      expect(b.keys.slice(0, -1)).toEqual(counts.map((c) => label(c.key)));
      for (const c of counts) {
        for (const s of SUMMARY_STATES)
          expect([label(c.key), s, resultOf(b.cell(label(c.key), t('vi', `state.${s}`)))]).toEqual([
            label(c.key),
            s,
            c.counts[s] ?? 0,
          ]);
        expect(resultOf(b.cell(label(c.key), t('vi', 'table.total')))).toBe(c.counts.total);
      }
      // The last row: all tasks by state.
      const all = b.keys[b.keys.length - 1];
      for (const s of SUMMARY_STATES)
        expect(resultOf(b.cell(all, t('vi', `state.${s}`)))).toBe(
          report.summary.byState[s as TaskState] ?? 0,
        );
      expect(resultOf(b.cell(all, t('vi', 'table.total')))).toBe(report.summary.total);
    }

    it('has a title, an as-of note and frozen panes', () => {
      expect(String(ws.getCell('A2').value)).toContain('22/11/2026');
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
    });

    it('caches the engine counts by lead, leader, quarter and section', () => {
      expectCounts('table.lead', report.summary.byLead, (k) =>
        k === '' ? t('vi', 'lead.none') : k,
      );
      expectCounts('table.leader', report.summary.byLeader, (k) =>
        k === '' ? t('vi', 'leader.none') : k,
      );
      expectCounts('table.quarter', report.summary.byQuarter, (k) => {
        const m = /^(\d)\/(\d{4})$/.exec(k);
        return m ? t('vi', 'quarter.label', { q: m[1], year: m[2] }) : t('vi', 'quarter.none');
      });
      expectCounts('table.section', report.summary.bySection, (k) =>
        k === '' ? t('vi', 'section.none') : k,
      );
    });

    it('uses live COUNTIFS formulas over the task and agency tables', () => {
      const lead = block('table.lead');
      const yte = lead.cell('Sở Y tế', t('vi', 'state.open')) as ExcelJS.CellFormulaValue;
      expect(yte.formula).toMatch(
        /^COUNTIFS\('PC Cơ quan'!\$E\$2:\$E\$\d+,\$A\d+,'PC Cơ quan'!\$D\$2:\$D\$\d+,"Cơ quan chủ trì",'PC Cơ quan'!\$G\$2:\$G\$\d+,D\$\d+\)$/,
      );
      const none = lead.cell(
        t('vi', 'lead.none'),
        t('vi', 'state.overdue'),
      ) as ExcelJS.CellFormulaValue;
      expect(none.formula).toMatch(
        /^COUNTIFS\('PC Nhiệm vụ'!\$G\$2:\$G\$7,\$A\d+,'PC Nhiệm vụ'!\$M\$2:\$M\$7,B\$\d+\)$/,
      );
      const section = block('table.section');
      expect(
        (section.cell('I', t('vi', 'state.overdue')) as ExcelJS.CellFormulaValue).formula,
      ).toMatch(/'PC Nhiệm vụ'!\$D\$2:\$D\$7/);
      const total = lead.cell('Sở Y tế', t('vi', 'table.total')) as ExcelJS.CellFormulaValue;
      expect(total.formula).toMatch(/^SUM\(B\d+:I\d+\)$/);
    });

    it('counts each row of a COUNTIFS formula the same way when evaluated on the written tables', () => {
      // A small COUNTIFS evaluator over the re-read tables: an independent check of the criteria.
      const evalCountifs = (formula: string, row: number): number => {
        const m = /^COUNTIFS\((.*)\)$/.exec(formula);
        if (!m) throw new Error(`not COUNTIFS: ${formula}`);
        const args = m[1].match(
          /('[^']*'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+|"(?:[^"]|"")*"|\$?[A-Z]+\$?\d+)/g,
        )!;
        let rows: number[] | null = null;
        for (let i = 0; i < args.length; i += 2) {
          const [, sheet, col, r1, , r2] = /^'([^']*)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(
            args[i],
          )!;
          const crit = args[i + 1].startsWith('"')
            ? args[i + 1].slice(1, -1).replace(/""/g, '"')
            : String(
                valueAt(ws, Number(/\d+/.exec(args[i + 1])![0]), /[A-Z]+/.exec(args[i + 1])![0]) ??
                  '',
              );
          const src = after.getWorksheet(sheet)!;
          const hits: number[] = [];
          for (let r = Number(r1); r <= Number(r2); r++) {
            const v = valueAt(src, r, col);
            const text = v === null || v === undefined ? '' : String(v);
            if (text.toLowerCase() === crit.toLowerCase()) hits.push(r);
          }
          rows = rows === null ? hits : rows.filter((r) => hits.includes(r));
        }
        void row;
        return rows!.length;
      };
      let checked = 0;
      ws.eachRow((r, n) => {
        r.eachCell((c) => {
          const v = c.value as ExcelJS.CellFormulaValue;
          if (
            v &&
            typeof v === 'object' &&
            typeof v.formula === 'string' &&
            v.formula.startsWith('COUNTIFS')
          ) {
            expect([c.address, evalCountifs(v.formula, n)]).toEqual([c.address, resultOf(v)]);
            checked++;
          }
        });
      });
      expect(checked).toBeGreaterThan(50);
    });
  });

  it('links each finding to its cell on the checked sheet', () => {
    const ws = after.getWorksheet(OWN_SHEETS.findings)!;
    const withCell = report.findings.filter((f) => f.cell);
    expect(withCell.length).toBeGreaterThan(0);
    const links: { text: unknown; formula: string; message: unknown }[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.getCell(4).value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === 'object')
        links.push({ text: v.result, formula: v.formula, message: row.getCell(7).value });
    });
    expect(links).toHaveLength(withCell.length);
    withCell.forEach((f, i) => {
      expect(links[i].text).toBe(f.cell);
      expect(links[i].formula).toBe(`HYPERLINK("#'${USER_SHEET}'!${f.cell}","${f.cell}")`);
      expect(links[i].message).toBe(f.message);
    });
    // The lead-missing finding of task 4 (row 9) names column C.
    expect(links.some((l) => l.formula.includes(`'${USER_SHEET}'!C9"`))).toBe(true);
  });

  describe('running twice', () => {
    let twice: ExcelJS.Workbook;
    let again: SheetReport[];
    beforeAll(async () => {
      const second = await check(out);
      again = second.reports;
      twice = await load(second.out);
    });

    it('does not stack conditional formats or own sheets', () => {
      expect(twice.worksheets.map((w) => w.name)).toEqual(after.worksheets.map((w) => w.name));
      const ws = twice.getWorksheet(USER_SHEET)!;
      expect(ownCfs(ws).map((cf) => cf.ref)).toEqual(
        ownCfs(after.getWorksheet(USER_SHEET)!).map((cf) => cf.ref),
      );
      expect(cfs(ws)).toHaveLength(cfs(after.getWorksheet(USER_SHEET)!).length);
      const names: string[] = [];
      twice.definedNames.forEach((n) => names.push(n));
      expect(names.filter((n) => n.startsWith(OWN_NAME_PREFIX)).sort()).toEqual(
        ['agencies', 'findings', 'reminders', 'report', 'summary', 'tasks'].map(
          (k) => OWN_NAME_PREFIX + k,
        ),
      );
    });

    it('keeps user cells and the clashing user sheet unchanged', () => {
      for (const name of [USER_SHEET, OWN_SHEETS.summary]) {
        expect(sheetDump(twice.getWorksheet(name)!)).toEqual(sheetDump(before.getWorksheet(name)!));
      }
      expect(again.find((r) => r.name === USER_SHEET)?.summary).toEqual(report.summary);
    });

    it('writes the same own sheets again', async () => {
      const first = await load(out);
      for (const name of [
        OWN_SHEETS.tasks,
        OWN_SHEETS.agencies,
        `${OWN_SHEETS.summary} (2)`,
        OWN_SHEETS.findings,
      ]) {
        expect(cellDump(twice.getWorksheet(name)!)).toEqual(cellDump(first.getWorksheet(name)!));
      }
    });
  });

  it('combines several checked sheets into one set of own sheets', async () => {
    const { sheets, workbook } = await readWorkbook(input);
    const ws2 = workbook.addWorksheet('Phụ lục 03');
    const src = workbook.getWorksheet(USER_SHEET)!;
    src.eachRow((row, n) => row.eachCell((c, col) => (ws2.getCell(n, col).value = c.value)));
    const snaps = [
      ...sheets,
      (await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()))).sheets.find(
        (s) => s.name === 'Phụ lục 03',
      )!,
    ];
    const reps = snaps.map((s) => analyzeSheet(s, { asOf: AS_OF, lang: 'vi' }));
    const result = applyReports(workbook, reps, { lang: 'vi' });
    const tasks = workbook.getWorksheet(result.sheets.tasks)!;
    const sheetNames = new Set<string>();
    tasks.eachRow((row, n) => n > 1 && sheetNames.add(String(row.getCell(1).value)));
    expect([...sheetNames]).toEqual([USER_SHEET, 'Phụ lục 03']);
    const summary = workbook.getWorksheet(result.sheets.summary)!;
    const leadBlock = result.summaryBlocks.find((b) => b.kind === 'lead')!;
    expect(resultOf(summary.getCell(leadBlock.totalRow, leadBlock.totalCol).value)).toBe(12);
    expect(ownCfs(ws2).length).toBeGreaterThan(0);
  });

  it('writes English labels when asked', async () => {
    const { out: en } = await check(input, 'en');
    const wb = await load(en);
    expect(wb.getWorksheet(OWN_SHEETS.tasks)!.getCell('A1').value).toBe('Sheet');
    expect(String(wb.getWorksheet(`${OWN_SHEETS.summary} (2)`)!.getCell('A2').value)).toMatch(
      /^Figures as of 22\/11\/2026/,
    );
  });
});
