/**
 * "Tạo phụ lục từ văn bản" in the pane's controller, against the in-memory host: preview from the
 * box or from a sheet column, create the appendix sheet, then check it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { draftReducer, initialDraftState } from '../../src/taskpane/state/draft';
import { MemoryHost, sampleSheet } from './memory-host';

const clock: Clock = { today: () => '2026-05-20' };
const PLAN = readFileSync(
  join(__dirname, '../fixtures/seeds/000-lao-cai-ke-hoach-2026.txt'),
  'utf8',
);

function setup(options: Partial<ConstructorParameters<typeof MemoryHost>[0]> = {}) {
  const host = new MemoryHost({ sheets: [sampleSheet()], ...options });
  const controller = createController(host, clock);
  return { host, controller };
}

describe('draft flows', () => {
  test('available only when the host can write the appendix', () => {
    expect(setup().controller.getState().draft).toMatchObject({
      available: true,
      columnAvailable: true,
      text: '',
      preview: null,
    });
    expect(setup({ appendix: false }).controller.getState().draft).toMatchObject({
      available: false,
      columnAvailable: false,
    });
    expect(initialDraftState()).toMatchObject({ available: false });
  });

  test('draftFromText previews the 13 tasks of the seed plan, with no host call', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    const before = host.calls.length;
    await controller.draftFromText(PLAN);
    const s = controller.getState();
    expect(host.calls.length).toBe(before);
    expect(s.draft.text).toBe(PLAN);
    expect(s.draft.preview).toMatchObject({ tasks: 13, groups: 2 });
    expect(s.draft.preview!.rows).toHaveLength(13);
    const first = s.draft.preview!.rows[0];
    expect(Object.keys(first).sort()).toEqual(['deadline', 'lead', 'support', 'task', 'tt']);
    expect(first.lead).toBeTruthy();
    expect(s.draft.preview!.skipped.length).toBeGreaterThan(0);
    expect(s.draft.preview!.skipped[0]).toMatchObject({ label: 'I' });
    expect(s.status).toEqual({ id: 'ui.done.drafted', data: { tasks: 13 } });
    expect(s.error).toBeNull();
    expect(s.busy).toBeNull();
  });

  test('the text in the state is used by default; empty text and a text without tasks are explained', async () => {
    const { host, controller } = setup();
    await controller.draftFromText();
    expect(controller.getState().error).toEqual({ id: 'ui.error.draftEmpty', data: undefined });

    controller.setDraftText('Kính gửi các sở, ngành.\nTrên đây là kế hoạch.');
    await controller.draftFromText();
    let s = controller.getState();
    expect(s.draft.preview).toMatchObject({ tasks: 0 });
    expect(s.error?.id).toBe('ui.error.draftNoTasks');

    // Nothing to create from a draft with no task.
    await controller.createAppendix();
    s = controller.getState();
    expect(s.error?.id).toBe('ui.error.noDraft');
    expect(host.callsOf('writeAppendix')).toHaveLength(0);
  });

  test('unplaced lines reach the preview', async () => {
    const { controller } = setup();
    const text = [
      'III. NHIỆM VỤ',
      'Đơn vị chủ trì: Sở Tài chính',
      '1. Xây dựng kế hoạch',
      '- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch',
      '- Thời gian thực hiện: Quý II/2026',
    ].join('\n');
    await controller.draftFromText(text);
    const p = controller.getState().draft.preview!;
    expect(p.tasks).toBe(1);
    expect(p.unplaced.length).toBeGreaterThan(0);
    expect(p.unplaced[0]).toMatchObject({ line: 2 });
  });

  test('createAppendix writes the previewed draft, lists the new sheet, and the new sheet checks clean of structure errors', async () => {
    const { host, controller } = setup();
    await controller.loadSheets();
    await controller.draftFromText(PLAN);
    await controller.createAppendix();
    let s = controller.getState();
    const calls = host.callsOf('writeAppendix');
    expect(calls).toHaveLength(1);
    expect((calls[0][0] as { tasks: unknown[] }).tasks).toHaveLength(13);
    expect(calls[0][1]).toBe('vi');
    expect(s.draft.created).toBe('Phụ lục (dự thảo)');
    expect(s.status).toEqual({
      id: 'ui.done.appendix',
      data: { sheet: 'Phụ lục (dự thảo)', tasks: 13 },
    });
    expect(s.sheets.map((x) => x.name)).toEqual(['Phụ lục', 'Phụ lục (dự thảo)']);
    expect(s.sheet).toBe('Phụ lục'); // the choice of sheet is the user's

    // The offer: check the new sheet.
    await controller.check(s.draft.created!);
    s = controller.getState();
    expect(s.report?.name).toBe('Phụ lục (dự thảo)');
    expect(s.report?.tasks).toHaveLength(13);
    expect(s.report?.headerRow).toBe(4);
    expect(
      s.report?.findings.filter(
        (f) =>
          ['header-missing', 'role-missing', 'tt-numbering', 'section-order'].includes(f.code) &&
          f.severity === 'error',
      ),
    ).toEqual([]);

    // Again: a second sheet, never over the first.
    await controller.createAppendix();
    expect(controller.getState().draft.created).toBe('Phụ lục (dự thảo) (2)');
    expect(host.sheets.has('Phụ lục (dự thảo)')).toBe(true);
  });

  test('createAppendix in English names the sheet in English', async () => {
    const { host, controller } = setup();
    await controller.setLang('en');
    await controller.draftFromText(PLAN);
    await controller.createAppendix();
    expect(host.callsOf('writeAppendix')[0][1]).toBe('en');
    expect(controller.getState().draft.created).toBe('Appendix (draft)');
  });

  test('a host failure becomes the appendix error notice; the preview stays', async () => {
    const { host, controller } = setup();
    await controller.draftFromText(PLAN);
    host.failOnce('writeAppendix', Object.assign(new Error('x'), { code: 'AccessDenied' }));
    await controller.createAppendix();
    const s = controller.getState();
    expect(s.error?.id).toBe('ui.error.accessDenied');
    expect(s.draft.preview?.tasks).toBe(13);
    expect(s.draft.created).toBeNull();
    host.failOnce('writeAppendix', new Error('boom'));
    await controller.createAppendix();
    expect(controller.getState().error?.id).toBe('ui.error.appendix');
  });

  test('draftFromColumn reads the column, fills the box and previews it', async () => {
    const lines = PLAN.split(/\r?\n/).filter((l) => l.trim());
    const source = { name: 'Văn bản', values: lines.map((l) => [null, l]) };
    const { host, controller } = setup({ sheets: [sampleSheet(), source] });
    await controller.loadSheets();
    await controller.draftFromColumn('Văn bản', ' b ');
    const s = controller.getState();
    expect(host.callsOf('readColumnText')).toEqual([['Văn bản', 'B']]);
    expect(s.draft.text).toBe(lines.map((l) => l.trim()).join('\n'));
    expect(s.draft.preview?.tasks).toBe(13);
  });

  test('draftFromColumn: a bad column, an empty column, a read failure', async () => {
    const { host, controller } = setup();
    await controller.draftFromColumn('Phụ lục', '1');
    expect(controller.getState().error).toEqual({ id: 'ui.error.column', data: { column: '1' } });
    expect(host.callsOf('readColumnText')).toHaveLength(0);

    await controller.draftFromColumn('Phụ lục', 'H');
    expect(controller.getState().error).toEqual({
      id: 'ui.error.columnEmpty',
      data: { sheet: 'Phụ lục', column: 'H' },
    });
    expect(controller.getState().draft.preview).toBeNull();

    host.failOnce('readColumnText', new Error('boom'));
    await controller.draftFromColumn('Phụ lục', 'B');
    expect(controller.getState().error).toEqual({
      id: 'ui.error.readColumn',
      data: { sheet: 'Phụ lục', column: 'B' },
    });
  });

  test('clearDraft drops the preview and what createAppendix would write; the reducer keeps the rest', async () => {
    const { host, controller } = setup();
    await controller.draftFromText(PLAN);
    controller.clearDraft();
    expect(controller.getState().draft.preview).toBeNull();
    expect(controller.getState().draft.text).toBe(PLAN);
    await controller.createAppendix();
    expect(host.callsOf('writeAppendix')).toHaveLength(0);
    const d = draftReducer(
      { ...initialDraftState(), created: 'X' },
      { type: 'draft/preview', preview: null },
    );
    expect(d.created).toBeNull();
  });

  test('the flows refuse to start while another action runs', async () => {
    const { host, controller } = setup();
    await controller.draftFromText(PLAN);
    const running = controller.loadSheets();
    await controller.createAppendix();
    await running;
    expect(host.callsOf('writeAppendix')).toHaveLength(0);
  });
});
