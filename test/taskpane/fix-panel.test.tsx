/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * (Node export conditions: ExcelJS's uuid would otherwise resolve to its ES-module browser build.)
 *
 * The Sửa view rendered (jsdom) over the standalone host: Sửa beside a finding opens the preview in
 * the Sửa view (cells before → after, two choices), Áp dụng writes and checks again, Hoàn tác
 * restores. The engine's own fixes.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { StandaloneHost } from '../../src/adapters/standalone';
import { App } from '../../src/taskpane/components/App';
import { createController, type Clock } from '../../src/taskpane/state/controller';

import './jsdom-setup';

jest.setTimeout(120_000); // see draft-panel.test.tsx: tabster under jsdom

const clock: Clock = { today: () => '2026-11-22' };

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KH');
  ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
  ws.addRow(['I', 'Mục một']);
  ws.addRow(['1', 'Việc một', 'Sở Tài chính', 'Quý IV/2026']);
  ws.addRow(['2', 'Việc hai', null, 'Thường xuyên']);
  ws.addRow(['3', 'Việc <b>ba</b>', 'Sở Nội vụ', 'Năm 2026']);
  return wb;
}

const click = (el: HTMLElement) =>
  act(async () => {
    fireEvent.click(el);
  });

test('Sửa → preview → choice → Áp dụng → Hoàn tác', async () => {
  const wb = workbook();
  const controller = createController(new StandaloneHost(wb, { fileName: 'kh.xlsx' }), clock);
  render(<App controller={controller} />);
  await act(() => controller.start());
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  expect(screen.getByRole('tab', { name: 'Sửa (2)' })).toBeTruthy();

  // Sửa beside the finding in the Kiểm tra list.
  await click(screen.getByRole('button', { name: 'Sửa ô C4: xem trước' }));
  expect(screen.getByRole('tab', { name: 'Sửa (2)' }).getAttribute('aria-selected')).toBe('true');
  const preview = screen.getByRole('region', { name: 'Xem trước: 1 ô sẽ thay đổi' });
  const row = within(preview).getByRole('row', { name: /C4/ });
  expect(row.textContent).toBe('C4(trống)Sở Tài chính');
  const choices = within(preview).getAllByRole('radio');
  expect(choices).toHaveLength(2);
  await click(choices[1]);
  expect(
    within(screen.getByRole('region', { name: 'Xem trước: 2 ô sẽ thay đổi' })).getByText(
      'Gộp lại các ô C3:C4 (giữ giá trị ô đầu)',
    ),
  ).toBeTruthy();
  await click(
    within(screen.getByRole('radiogroup', { name: 'Chọn cách sửa cho ô C4' })).getAllByRole(
      'radio',
    )[0],
  );

  await click(screen.getByRole('button', { name: 'Áp dụng (1)' }));
  expect(wb.getWorksheet('KH')!.getCell('C4').isMerged).toBe(false);
  expect(wb.getWorksheet('KH')!.getCell('C4').value).toBe('Sở Tài chính');
  // Checked again (after the pane yields to paint its progress).
  expect(
    await screen.findByText('Đã sửa 1 phát hiện (1 ô) trên trang "KH" và kiểm tra lại.'),
  ).toBeTruthy();
  expect(screen.getByRole('tab', { name: 'Sửa (1)' })).toBeTruthy();

  await click(screen.getByRole('button', { name: 'Hoàn tác' }));
  expect(wb.getWorksheet('KH')!.getCell('C4').value).toBeNull();
  expect(await screen.findByText('Đã hoàn tác 1 ô trên trang "KH" và kiểm tra lại.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Hoàn tác' })).toBeNull();
});

test('Sửa tất cả opens a checklist of every fix of the rule; unticking leaves a fix out', async () => {
  const controller = createController(
    new StandaloneHost(workbook(), { fileName: 'kh.xlsx' }),
    clock,
  );
  render(<App controller={controller} />);
  await act(() => controller.start());
  await act(() => controller.check());
  await click(screen.getByRole('tab', { name: 'Sửa (2)' }));
  const group = screen.getByRole('group', { name: 'Chưa có cơ quan chủ trì (1)' });
  await click(within(group).getByRole('button', { name: /^Sửa tất cả 1 phát hiện/ }));
  const box = screen.getByRole('checkbox');
  expect((box as HTMLInputElement).checked).toBe(true);
  await click(box);
  expect(screen.getByRole('region', { name: 'Xem trước: chưa chọn cách sửa nào' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Áp dụng (0)' })).toHaveProperty('disabled', true);
});
