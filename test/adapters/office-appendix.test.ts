/**
 * "Tạo phụ lục từ văn bản" on the Office.js adapter, against the Excel fake (load/sync enforced,
 * round trips counted): writeAppendix makes a new sheet in the standard layout in two syncs and
 * never writes over a sheet; readColumnText takes one sync.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createExcelFake, type ExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { widthToPoints } from '../../src/adapters/office/appendix';
import { normalizeColumn } from '../../src/engine/workbook';
import { DRAFT_HEADER_ROW, STATUS_VALUES, appendixLayout } from '../../src/engine/appendix-layout';
import { extractPlan, type PlanDraft } from '../../src/engine/plan-text/extract';
import { analyzeSheet } from '../../src/engine/analyze';
import type { WorkbookHost } from '../../src/host/types';

const SEED = join(__dirname, '../fixtures/seeds/000-lao-cai-ke-hoach-2026.txt');
const draft: PlanDraft = extractPlan(readFileSync(SEED, 'utf8'));
const NAME = 'Phụ lục (dự thảo)';

function setup(apiVersion = '1.13') {
  const fake = createExcelFake({ apiVersion });
  fake.addSheet({
    name: 'Sheet1',
    values: [['Kế hoạch'], ['1. Nhiệm vụ'], [null], ['Đơn vị chủ trì: Sở Tài chính'], [42]],
  });
  const host = createOfficeHost(fake.Excel, fake.Office);
  fake.resetSyncs();
  return { fake, host };
}

async function write(host: WorkbookHost, lang: 'vi' | 'en' = 'vi') {
  return host.writeAppendix!(draft, lang);
}

describe('writeAppendix (Office.js)', () => {
  test('the seed plan drafts 13 tasks', () => {
    expect(draft.tasks).toHaveLength(13);
  });

  test('two syncs; a new sheet in the standard layout, activated', async () => {
    const { fake, host } = setup();
    const before = fake.cells('Sheet1');
    const result = await write(host);
    expect(fake.syncs).toBe(2);
    expect(result).toEqual({ sheet: NAME });
    expect(fake.sheetNames()).toEqual(['Sheet1', NAME]);
    expect(fake.cells('Sheet1')).toEqual(before);

    const sheet = fake.sheet(NAME)!;
    expect(fake.book.activeSheetId).toBe(sheet.id);
    const cells = fake.cells(NAME);
    const layout = appendixLayout(draft, 'vi');
    const lastRow = DRAFT_HEADER_ROW + layout.rows.length;

    // Title block: merged A1:H1 (bold 14) and A2:H2 (italic), centred.
    expect(cells.A1).toMatchObject({
      v: 'PHÂN CÔNG NHIỆM VỤ',
      bold: true,
      fontSize: 14,
      align: 'Center',
      nf: '@',
      fontName: 'Times New Roman',
    });
    expect(cells.A2).toMatchObject({ v: layout.subtitle, italic: true, align: 'Center' });
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { r0: 0, c0: 0, r1: 0, c1: 7 },
        { r0: 1, c0: 0, r1: 1, c1: 7 },
      ]),
    );
    expect(sheet.rowHeights).toMatchObject({ 1: 34, 3: 36 });

    // Header row 4: bold, filled, the catalogue texts.
    const header = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => cells[`${c}4`]);
    expect(header.map((c) => c.v)).toEqual(layout.headers);
    for (const c of header)
      expect(c).toMatchObject({ bold: true, fill: '#D9E1F2', align: 'Center' });

    // Body: every row of the layout, text as written (TT "1.1" stays text), sections merged B:H.
    layout.rows.forEach((row, i) => {
      const r = DRAFT_HEADER_ROW + 1 + i;
      row.values.forEach((v, c) => {
        const cell = cells[`${'ABCDEFGH'[c]}${r}`];
        expect(cell?.v ?? null).toBe(v);
      });
      expect(cells[`B${r}`]?.bold ?? false).toBe(row.kind !== 'task');
      if (row.kind === 'section')
        expect(sheet.merges).toContainEqual({ r0: r - 1, c0: 1, r1: r - 1, c1: 7 });
    });
    const tasks = layout.rows.filter((r) => r.kind === 'task');
    expect(tasks).toHaveLength(13);
    expect(layout.rows.some((r) => r.kind === 'section')).toBe(true);
    expect(cells[`A${DRAFT_HEADER_ROW + 1}`]).toMatchObject({ align: 'Center' });

    // Status drop-down: on exactly the task rows of column G.
    const covered = new Set<number>();
    for (const v of sheet.validations) {
      expect(v.area.c0).toBe(6);
      expect(v.area.c1).toBe(6);
      expect(v.rule).toEqual({ list: { inCellDropDown: true, source: STATUS_VALUES.join(',') } });
      expect(v.prompt).toMatchObject({ showPrompt: true, title: 'Tình trạng' });
      expect(v.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
      for (let r = v.area.r0; r <= v.area.r1; r++) covered.add(r);
    }
    const taskRows = layout.rows.flatMap((row, i) =>
      row.kind === 'task' ? [DRAFT_HEADER_ROW + i] : [],
    );
    expect([...covered].sort((a, b) => a - b)).toEqual(taskRows);

    // Borders on the table, frozen header, widths, print setup.
    expect(sheet.borders.map((b) => b.side).sort()).toEqual([
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
      'EdgeTop',
      'InsideHorizontal',
      'InsideVertical',
    ]);
    for (const b of sheet.borders)
      expect(b).toMatchObject({
        area: { r0: 3, c0: 0, r1: lastRow - 1, c1: 7 },
        style: 'Continuous',
        weight: 'Thin',
      });
    expect(sheet.frozenRows).toBe(DRAFT_HEADER_ROW);
    expect(sheet.columnWidths[1]).toBe(widthToPoints(48));
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: '$4:$4',
      printArea: `A1:H${lastRow}`,
    });
  });

  test('never overwrites a sheet: a taken name gives "… (2)", then "… (3)"; the user sheet is unchanged', async () => {
    const { fake, host } = setup();
    fake.addSheet({ name: 'phụ lục (DỰ THẢO)', values: [['của người dùng']] });
    const before = fake.cells('phụ lục (DỰ THẢO)');
    expect(await write(host)).toEqual({ sheet: `${NAME} (2)` });
    expect(await write(host)).toEqual({ sheet: `${NAME} (3)` });
    expect(fake.syncs).toBe(4);
    expect(fake.cells('phụ lục (DỰ THẢO)')).toEqual(before);
    expect(fake.sheetNames()).toEqual([
      'Sheet1',
      'phụ lục (DỰ THẢO)',
      `${NAME} (2)`,
      `${NAME} (3)`,
    ]);
  });

  test('English names the sheet and the status prompts in English; headers keep the Vietnamese words', async () => {
    const { fake, host } = setup();
    expect(await write(host, 'en')).toEqual({ sheet: 'Appendix (draft)' });
    const cells = fake.cells('Appendix (draft)');
    expect(cells.B4.v).toBe('Nhiệm vụ (Task)');
    expect(fake.sheet('Appendix (draft)')!.validations[0].prompt).toMatchObject({
      title: 'Status',
    });
  });

  test('ExcelApi 1.7: no drop-down and no page layout, still two syncs and the same cells', async () => {
    const { fake, host } = setup('1.7');
    const { sheet } = await write(host);
    expect(fake.syncs).toBe(2);
    const s = fake.sheet(sheet)!;
    expect(s.validations).toEqual([]);
    expect(s.pageLayout).toEqual({});
    expect(s.frozenRows).toBe(DRAFT_HEADER_ROW);
    const full = setup();
    await write(full.host);
    const strip = (dump: ReturnType<ExcelFake['cells']>) => JSON.stringify(dump);
    expect(strip(fake.cells(sheet))).toBe(strip(full.fake.cells(sheet)));
  });

  test('the new sheet reads back and checks as an assignment table with 13 tasks', async () => {
    const { host } = setup();
    const { sheet } = await write(host);
    const read = await host.readSheet(sheet);
    const report = analyzeSheet(read.snapshot, {
      asOf: '2026-05-20',
      lang: 'vi',
      planYear: draft.planYear ?? undefined,
    });
    expect(report.headerRow).toBe(DRAFT_HEADER_ROW);
    expect(report.tasks).toHaveLength(13);
    expect(report.tasks.map((t) => t.tt)).toEqual(
      draft.tasks.map(
        (t) =>
          appendixLayout({ ...draft, sections: [], groups: [], tasks: [t] }, 'vi').rows[0]
            .values[0],
      ),
    );
  });

  test('a draft with no task still writes the title and header (two syncs)', async () => {
    const { fake, host } = setup();
    const { sheet } = await host.writeAppendix!(extractPlan('Không có gì.'), 'vi');
    expect(fake.syncs).toBe(2);
    expect(fake.cells(sheet).A4.v).toBe('TT');
    expect(fake.sheet(sheet)!.validations).toEqual([]);
  });
});

describe('readColumnText (Office.js)', () => {
  test('one sync; the non-empty cells of the column joined by newlines', async () => {
    const { fake, host } = setup();
    expect(await host.readColumnText!('Sheet1', 'a')).toBe(
      'Kế hoạch\n1. Nhiệm vụ\nĐơn vị chủ trì: Sở Tài chính\n42',
    );
    expect(fake.syncs).toBe(1);
    expect(await host.readColumnText!('Sheet1', 'C')).toBe('');
    expect(fake.syncs).toBe(2);
  });

  test('a bad column is refused before any sync, with a catalogue message', async () => {
    const { fake, host } = setup();
    await expect(host.readColumnText!('Sheet1', '1A')).rejects.toMatchObject({
      messageId: 'ui.error.column',
    });
    expect(fake.syncs).toBe(0);
    expect(normalizeColumn(' xfd ')).toBe('XFD');
    expect(normalizeColumn('XFE')).toBeNull();
  });

  test('a missing sheet fails with ItemNotFound', async () => {
    const { host } = setup();
    await expect(host.readColumnText!('Không có', 'A')).rejects.toMatchObject({
      code: 'ItemNotFound',
    });
  });
});
