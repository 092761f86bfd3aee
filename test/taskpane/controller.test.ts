import { planMarks } from '../../src/engine/marks';
import { NameTakenError } from '../../src/host/types';
import { t } from '../../src/messages';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { counters } from '../../src/taskpane/state/selectors';
import { MemoryHost, sampleSheet } from './memory-host';

const clock: Clock = { today: () => '2026-05-20' };

function setup(options: Partial<ConstructorParameters<typeof MemoryHost>[0]> = {}) {
  const host = new MemoryHost({
    sheets: [sampleSheet(), sampleSheet('Khác')],
    active: 'Phụ lục',
    ...options,
  });
  const controller = createController(host, clock);
  return { host, controller };
}

describe('task-pane controller', () => {
  test('loadSheets lists the user sheets, picks the active one, and leaves the add-in’s own sheets out', async () => {
    const { host, controller } = setup({
      sheets: [sampleSheet('A'), sampleSheet('Phụ lục'), sampleSheet('PC Tổng hợp')],
      own: ['PC Tổng hợp'],
    });
    await controller.loadSheets();
    const s = controller.getState();
    expect(s.sheets.map((x) => x.name)).toEqual(['A', 'Phụ lục']);
    expect(s.sheet).toBe('Phụ lục');
    expect(s.asOf).toBe('2026-05-20');
    expect(s.busy).toBeNull();
    expect(host.callsOf('loadSettings')).toHaveLength(1);
  });

  test('check puts the report, counters and findings in the state', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.check();
    const s = controller.getState();
    expect(host.callsOf('readSheet')).toEqual([['Phụ lục']]);
    expect(s.report?.name).toBe('Phụ lục');
    expect(counters(s.report!)).toMatchObject({ tasks: 4, overdue: 1, dueSoon: 1, unassigned: 1 });
    expect(counters(s.report!).errors).toBeGreaterThanOrEqual(1);
    const leadMissing = s.report!.findings.find((f) => f.code === 'lead-missing');
    expect(leadMissing?.cell).toBe('C5');
    expect(s.header.find((h) => h.col === 2)).toMatchObject({
      letter: 'C',
      text: 'Cơ quan chủ trì',
    });
    expect(s.status).toEqual({ id: 'ui.done.checked', data: { tasks: 4, sheet: 'Phụ lục' } });
    expect(s.error).toBeNull();
    expect(s.busy).toBeNull();
  });

  test('check takes its arguments: sheet, as-of date and due-soon days', async () => {
    const { controller } = setup();
    await controller.loadSheets();
    await controller.check('Khác', '2026-03-20', 0);
    const s = controller.getState();
    expect(s.sheet).toBe('Khác');
    expect(s.report?.name).toBe('Khác');
    // On 20/3 Quý I/2026 is not overdue yet; with 0 days nothing is "due soon".
    expect(counters(s.report!)).toMatchObject({ overdue: 0, dueSoon: 0 });
  });

  test('the progress label is published while an action runs', async () => {
    const { controller } = setup();
    await controller.loadSheets();
    const labels: string[] = [];
    controller.subscribe(() => {
      const busy = controller.getState().busy;
      if (busy && labels[labels.length - 1] !== busy.id) labels.push(busy.id);
    });
    await controller.check();
    expect(labels).toEqual(['ui.busy.reading', 'ui.busy.analyzing']);
  });

  test('setColumn saves the correction in the workbook settings and the next check uses it', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.check();
    expect(controller.getState().report!.columnIndexes.support).toBe(3);

    await controller.setColumn('note', 3);
    expect(host.settings.columns).toEqual({ 'Phụ lục': { note: 3 } });
    expect(controller.getState().settings.columns).toEqual({ 'Phụ lục': { note: 3 } });
    // Re-checked at once with the override.
    expect(host.callsOf('readSheet')).toHaveLength(2);
    expect(controller.getState().report!.columnIndexes.note).toBe(3);

    // A fresh pane on the same workbook picks the saved correction up.
    const again = createController(host, clock);
    await again.loadSheets();
    await again.check();
    expect(again.getState().report!.columnIndexes.note).toBe(3);

    // Back to automatic: the override is removed.
    await controller.setColumn('note', null);
    expect(host.settings.columns).toEqual({});
    expect(controller.getState().report!.columnIndexes.note).toBe(5);
  });

  test('applyMarks sends the mark plan with the fingerprint it read; clearMarks names the sheet', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.check();
    await controller.applyMarks();
    const [[plan, fingerprint]] = host.callsOf('applyMarks') as [
      [ReturnType<typeof planMarks>, string],
    ];
    const report = controller.getState().report!;
    // The marks span the table's six columns, which the report carries (no snapshot kept by the pane).
    expect([report.firstColumn, report.lastColumn]).toEqual([1, 6]);
    expect(plan).toEqual(planMarks(report));
    expect(plan.rules.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['overdue', 'unassigned']),
    );
    expect(fingerprint).toBe(JSON.stringify(sampleSheet().values));
    expect(controller.getState().status?.id).toBe('ui.done.marked');

    await controller.clearMarks();
    expect(host.callsOf('clearMarks')).toEqual([['Phụ lục']]);
    expect(host.marks.size).toBe(0);
    expect(controller.getState().status?.id).toBe('ui.done.unmarked');
  });

  test('a sheet changed since the check is not marked: the user is told to check again, in Vietnamese', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.check();
    host.sheets.get('Phụ lục')!.values[4][2] = 'Sở Nội vụ';
    await controller.applyMarks();
    const { error } = controller.getState();
    expect(error).toEqual({ id: 'ui.error.stale', data: { sheet: 'Phụ lục' } });
    expect(t('vi', error!.id, error!.data)).toBe(
      'Trang tính "Phụ lục" đã thay đổi sau lần kiểm tra trước. Hãy bấm "Kiểm tra" lại rồi thực hiện tiếp.',
    );
    expect(host.marks.size).toBe(0);
  });

  test('failures become catalogue messages, never raw text or stacks', async () => {
    const { host, controller } = setup();
    host.failOnce(
      'listSheets',
      new Error('GeneralException at Excel.run (excel-web-16.00.js:12:345)'),
    );
    await controller.loadSheets();
    let s = controller.getState();
    expect(s.error).toEqual({ id: 'ui.error.loadSheets', data: {} });
    expect(t('vi', s.error!.id)).toBe('Không đọc được danh sách trang tính.');
    expect(s.busy).toBeNull();

    await controller.loadSheets();
    host.failOnce(
      'readSheet',
      Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' }),
    );
    await controller.check();
    s = controller.getState();
    expect(t('vi', s.error!.id, s.error!.data)).toBe(
      'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc rồi thử lại.',
    );

    await controller.check();
    host.failOnce('writeSummary', new NameTakenError('PC Tổng hợp'));
    await controller.writeSummary();
    s = controller.getState();
    expect(t('vi', s.error!.id, s.error!.data)).toContain(
      'Đã có một trang tính của bạn tên "PC Tổng hợp"',
    );

    host.failOnce(
      'clearMarks',
      new TypeError("Cannot read properties of undefined (reading 'format')"),
    );
    await controller.clearMarks();
    s = controller.getState();
    expect(s.error?.id).toBe('ui.error.unmark');
    expect(t('vi', s.error!.id)).toBe('Không xóa được tô màu.');
  });

  test('input is validated before the host is called', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.check('Phụ lục', '2026-02-30', 15);
    expect(controller.getState().error?.id).toBe('ui.error.asOf');
    await controller.check('Phụ lục', '2026-05-20', -1);
    expect(controller.getState().error?.id).toBe('ui.error.dueSoon');
    expect(host.callsOf('readSheet')).toHaveLength(0);
    await controller.applyMarks();
    expect(controller.getState().error?.id).toBe('ui.error.noReport');
  });

  test('writeSummary writes the report in the pane language and explains what the host could not do', async () => {
    const { host, controller } = setup({ capabilities: { pivotTables: false } });
    await controller.loadSheets();
    expect(controller.getState().degraded.map((n) => n.id)).toEqual(['ui.degraded.pivotTables']);
    await controller.check();
    await controller.writeSummary();
    expect(host.summaries).toHaveLength(1);
    expect(host.summaries[0].lang).toBe('vi');
    expect(controller.getState().status).toEqual({
      id: 'ui.done.summary',
      data: { sheets: 'PC Tổng hợp' },
    });
    expect(t('vi', 'ui.degraded.pivotTables')).toMatch(/PivotTable/);
  });

  test('selectFinding selects the finding’s cell on the checked sheet', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.check();
    const finding = controller.getState().report!.findings.find((f) => f.cell)!;
    await controller.selectFinding(finding);
    expect(host.selected).toEqual([{ sheet: 'Phụ lục', cell: finding.cell }]);
    expect(controller.getState().selected).not.toBeNull();
  });

  test('switching the language re-words the findings and is saved', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.check();
    await controller.setLang('en');
    const s = controller.getState();
    expect(s.lang).toBe('en');
    expect(s.report!.findings.find((f) => f.code === 'lead-missing')!.message).toMatch(
      /^Sheet 'Phụ lục', row 5/,
    );
    expect(host.settings.lang).toBe('en');
    // The pane keeps no raw snapshot: the sheet is read once more, with the same as-of date.
    expect(host.callsOf('readSheet')).toHaveLength(2);
    expect(s.report!.asOf).toBe('2026-05-20');
  });

  test('summary view checks the active sheet on start', async () => {
    const host = new MemoryHost({ sheets: [sampleSheet()] });
    const controller = createController(host, clock, { view: 'summary' });
    await controller.start();
    expect(controller.getState().report?.name).toBe('Phụ lục');
  });

  test('an action is refused while another runs', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    const first = controller.check();
    const second = controller.check();
    await Promise.all([first, second]);
    expect(host.callsOf('readSheet')).toHaveLength(1);
  });
});
