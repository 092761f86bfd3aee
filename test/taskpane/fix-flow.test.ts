/**
 * The pane's fix flow (src/taskpane/state/fix.ts) through the controller, against the standalone
 * host (ExcelJS in memory: the real applyEdits / undoEdits) and the engine's own fixes.
 */
import ExcelJS from 'exceljs';
import { StandaloneHost } from '../../src/adapters/standalone';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { fixableCount, fixGroups, fixPreviewPlan } from '../../src/taskpane/state/fix';
import { MemoryHost, sampleSheet } from './memory-host';
import { withConflict } from '../helpers/test-fixes';

const clock: Clock = { today: () => '2026-11-22' };
const S = 'KH';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(S);
  ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
  ws.addRow(['I', 'Mục một']);
  ws.addRow(['1', 'Việc một', 'Sở Tài chính', 'Quý IV/2026']);
  ws.addRow(['2', 'Việc hai', null, 'Thường xuyên']);
  ws.addRow(['3', 'Việc <b>ba</b>', 'Sở Nội vụ', 'Năm 2026']);
  ws.getCell('C4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  return wb;
}

const values = (wb: ExcelJS.Workbook) =>
  JSON.parse(JSON.stringify((wb.getWorksheet(S)!.getSheetValues() as unknown[]).slice(1)));

async function checked() {
  const wb = workbook();
  const host = new StandaloneHost(wb, { fileName: 'kh.xlsx' });
  const controller = createController(host, clock);
  await controller.start();
  await controller.check();
  return { wb, host, controller };
}

describe('pane: fixes', () => {
  test('groups the findings with fixes by rule; a finding’s Sửa opens its preview in the Sửa view', async () => {
    const { controller } = await checked();
    const s = controller.getState();
    expect(s.fix.available).toBe(true);
    expect(s.tab).toBe('check');
    expect(fixableCount(s.report)).toBe(2);
    expect(fixGroups(s.report).map((g) => [g.code, g.items.map((i) => i.finding.cell)])).toEqual([
      ['lead-missing', ['C4']], // errors first
      ['markup-in-cell', ['B5']],
    ]);
    const lost = s.report!.findings.find((f) => f.code === 'lead-missing')!;
    controller.previewFinding(lost);
    expect(controller.getState().tab).toBe('fix');
    let view = fixPreviewPlan(controller.getState().report, controller.getState().fix.preview)!;
    expect(view.rows.map((r) => r.fix?.id)).toEqual(['lead-missing:C4:fill']);
    expect(view.plan.batches).toEqual([
      {
        sheet: S,
        edits: [{ sheet: S, cell: 'C4', before: null, after: 'Sở Tài chính' }],
        merges: [],
      },
    ]);
    // The second choice.
    controller.chooseFix(view.rows[0].item.key, 'lead-missing:C4:merge');
    view = fixPreviewPlan(controller.getState().report, controller.getState().fix.preview)!;
    expect(view.plan.batches[0]).toEqual({
      sheet: S,
      edits: [{ sheet: S, cell: 'C4', before: null, after: null }],
      merges: ['C3:C4'],
    });
    expect(view.cells).toBe(2);
    // Left out: nothing to apply.
    controller.chooseFix(view.rows[0].item.key, null);
    expect(
      fixPreviewPlan(controller.getState().report, controller.getState().fix.preview)!.plan.applied,
    ).toEqual([]);
    controller.closePreview();
    expect(controller.getState().fix.preview).toBeNull();
  });

  test('Áp dụng writes the chosen edits, checks again; Hoàn tác restores the workbook exactly and checks again', async () => {
    const { wb, controller } = await checked();
    const original = values(wb);
    const fill = wb.getWorksheet(S)!.getCell('C4').fill;
    controller.previewRule('lead-missing');
    await controller.applyFixes();
    let s = controller.getState();
    expect(s.error).toBeNull();
    expect(wb.getWorksheet(S)!.getCell('C4').value).toBe('Sở Tài chính');
    expect(wb.getWorksheet(S)!.getCell('C4').fill).toEqual(fill);
    expect(s.status).toEqual({
      id: 'ui.done.fixed',
      data: { fixes: 1, cells: 1, sheet: S, skipped: 0 },
    });
    expect(s.report!.findings.map((f) => f.code)).not.toContain('lead-missing'); // checked again
    expect(s.fix.preview).toBeNull();
    expect(s.fix.lastApply).toMatchObject({ sheet: S, fixes: 1, cells: 1 });

    await controller.undoFixes();
    s = controller.getState();
    expect(s.error).toBeNull();
    expect(values(wb)).toEqual(original);
    expect(s.status).toEqual({ id: 'ui.done.undone', data: { cells: 1, sheet: S } });
    expect(s.fix.lastApply).toBeNull();
    expect(s.report!.findings.map((f) => f.code)).toContain('lead-missing');
  });

  test('a preview with two fixes on one cell applies the first and says the other is skipped', async () => {
    const { wb, host, controller } = await checked();
    // A second fix on B5 (test/helpers/test-fixes.ts), in the same preview after the markup fix.
    const report = withConflict(
      structuredClone(controller.getState().report!),
      (await host.readSheet(S)).snapshot,
    );
    const [markup, url] = ['markup-in-cell', 'url-in-cell'].map(
      (code) => fixGroups(report).find((g) => g.code === code)!.items[0],
    );
    const preview = {
      scope: 'rule' as const,
      code: 'markup-in-cell',
      items: [markup, url].map((i) => ({
        key: i.key,
        index: i.index,
        chosen: i.finding.fixes![0].id,
      })),
    };
    const view = fixPreviewPlan(report, preview)!;
    expect(view.rows[1].skipped).toEqual({ cells: ['B5'], other: markup.finding });
    expect(view.plan.applied.map((f) => f.id)).toEqual(['markup-in-cell:B5:strip']);
    expect(view.cells).toBe(1);
    controller.previewRule('markup-in-cell');
    await controller.applyFixes();
    expect(wb.getWorksheet(S)!.getCell('B5').value).toBe('Việc ba');
  });

  test('refused with "sheet changed" when the sheet changed since the check: nothing written', async () => {
    const { wb, controller } = await checked();
    wb.getWorksheet(S)!.getCell('D5').value = 'Năm 2027';
    const before = values(wb);
    controller.previewRule('lead-missing');
    await controller.applyFixes();
    const s = controller.getState();
    expect(s.error).toEqual({ id: 'ui.error.fixStale', data: { sheet: S } });
    expect(values(wb)).toEqual(before);
    expect(s.fix.lastApply).toBeNull();
  });

  test('undo refused with "cells changed since" when an applied cell was edited; the record is kept', async () => {
    const { wb, controller } = await checked();
    controller.previewRule('lead-missing');
    await controller.applyFixes();
    wb.getWorksheet(S)!.getCell('C4').value = 'Sở Xây dựng';
    await controller.undoFixes();
    const s = controller.getState();
    expect(s.error).toEqual({ id: 'ui.error.undoChanged', data: { sheet: S, cells: 'C4' } });
    expect(wb.getWorksheet(S)!.getCell('C4').value).toBe('Sở Xây dựng');
    expect(s.fix.lastApply).not.toBeNull();
  });

  test('a host that cannot write edits: the view is unavailable and Áp dụng does nothing', async () => {
    const host = new MemoryHost({ sheets: [sampleSheet()] });
    const controller = createController(host, clock);
    await controller.start();
    await controller.check();
    expect(controller.getState().fix.available).toBe(false);
    await controller.applyFixes();
    expect(host.calls.map((c) => c.method)).not.toContain('applyEdits');
  });

  test('the ribbon’s summary view opens on the Báo cáo tab; setTab switches', async () => {
    const controller = createController(new MemoryHost({ sheets: [sampleSheet()] }), clock, {
      view: 'summary',
    });
    expect(controller.getState().tab).toBe('report');
    controller.setTab('track');
    expect(controller.getState().tab).toBe('track');
  });
});
