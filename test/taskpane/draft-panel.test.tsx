/** @jest-environment jsdom */
/**
 * The "Tạo phụ lục từ văn bản" panel in the rendered pane (jsdom, memory host): paste the seed plan,
 * preview 13 tasks, create the sheet, check it; hidden without writeAppendix.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { MemoryHost, sampleSheet } from './memory-host';

import './jsdom-setup';

const clock: Clock = { today: () => '2026-05-20' };

// The pane's Fluent TabList brings tabster, whose mutation observer walks every node jsdom adds (the
// preview tables here): several times slower than in a browser, and slower still on a loaded machine.
jest.setTimeout(120_000);
const PLAN = readFileSync(
  join(__dirname, '../fixtures/seeds/000-lao-cai-ke-hoach-2026.txt'),
  'utf8',
);

async function renderPane(host: MemoryHost) {
  const controller = createController(host, clock);
  const view = render(<App controller={controller} />);
  await act(() => controller.start());
  return { host, controller, ...view };
}

/** The panel lives in the "Báo cáo" tab. */
async function showReportTab(name = 'Báo cáo') {
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name }));
  });
}

async function open() {
  await showReportTab();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Tạo phụ lục từ văn bản' }));
  });
}

describe('DraftPanel', () => {
  test('paste the plan, preview 13 tasks, create the sheet, then check it', async () => {
    const { host, controller } = await renderPane(new MemoryHost({ sheets: [sampleSheet()] }));
    await showReportTab();
    const header = screen.getByRole('button', { name: 'Tạo phụ lục từ văn bản' });
    expect(header.getAttribute('aria-expanded')).toBe('false');
    await open();
    expect(header.getAttribute('aria-expanded')).toBe('true');

    const box = screen.getByRole('textbox', { name: 'Văn bản kế hoạch' });
    const read = screen.getByRole('button', { name: 'Đọc văn bản' });
    expect(read).toHaveProperty('disabled', true);
    await act(async () => {
      fireEvent.change(box, { target: { value: PLAN } });
    });
    expect(controller.getState().draft.text).toBe(PLAN);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Đọc văn bản' }));
    });

    const table = screen.getByRole('table', { name: 'Các nhiệm vụ tìm thấy' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 13);
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']);
    expect(document.querySelector('[data-draft="summary"]')!.textContent).toMatch(
      /^Tìm thấy 13 nhiệm vụ \(2 nhóm\)/,
    );
    expect(screen.getByText(/^Đã đọc 13 nhiệm vụ\./)).toBeTruthy();
    // The scrollable preview can take the focus (keyboard scrolling).
    expect(
      screen.getByRole('region', { name: 'Các nhiệm vụ tìm thấy' }).getAttribute('tabindex'),
    ).toBe('0');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Tạo trang phụ lục' }));
    });
    expect(host.callsOf('writeAppendix')).toHaveLength(1);
    expect(screen.getByText('Đã tạo trang "Phụ lục (dự thảo)" với 13 nhiệm vụ.')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra trang "Phụ lục (dự thảo)"' }));
    });
    expect(host.callsOf('readSheet')).toEqual([['Phụ lục (dự thảo)']]);
    expect(controller.getState().report?.tasks).toHaveLength(13);
    expect(
      screen.getByText('Đã kiểm tra 13 nhiệm vụ trên trang "Phụ lục (dự thảo)".'),
    ).toBeTruthy();
  });

  test('unplaced lines show as a warning; a text with no task cannot be created', async () => {
    await renderPane(new MemoryHost({ sheets: [sampleSheet()] }));
    await open();
    const box = screen.getByRole('textbox', { name: 'Văn bản kế hoạch' });
    await act(async () => {
      fireEvent.change(box, {
        target: {
          value:
            'III. NHIỆM VỤ\nĐơn vị chủ trì: Sở Tài chính\n1. Xây dựng kế hoạch\n- Đơn vị chủ trì: Sở Nội vụ',
        },
      });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Đọc văn bản' }));
    });
    const warning = document.querySelector('[data-draft="unplaced"]')!;
    expect(warning.textContent).toContain('Có 1 dòng không xếp được vào nhiệm vụ nào');
    expect(warning.textContent).toContain('Dòng 2 (');

    await act(async () => {
      fireEvent.change(box, { target: { value: 'Không có nhiệm vụ nào.' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Đọc văn bản' }));
    });
    expect(screen.getByRole('button', { name: 'Tạo trang phụ lục' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(document.querySelector('[data-notice="ui.error.draftNoTasks"]')).not.toBeNull();
  });

  test('takes the text from a sheet column', async () => {
    const lines = PLAN.split(/\r?\n/).filter((l) => l.trim());
    // The sheet picker starts on the pane's sheet (the active one).
    const host = new MemoryHost({
      sheets: [sampleSheet(), { name: 'Văn bản', values: lines.map((l) => [l]) }],
      active: 'Văn bản',
    });
    const { controller } = await renderPane(host);
    await open();
    expect(screen.getByRole('combobox', { name: 'Trang tính chứa văn bản' }).textContent).toBe(
      'Văn bản',
    );
    const column = screen.getByRole('textbox', { name: 'Cột' });
    expect(column).toHaveProperty('value', 'A');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Đọc từ cột' }));
    });
    expect(host.callsOf('readColumnText')).toEqual([['Văn bản', 'A']]);
    expect(controller.getState().draft.preview?.tasks).toBe(13);
    expect(
      within(screen.getByRole('table', { name: 'Các nhiệm vụ tìm thấy' })).getAllByRole('row'),
    ).toHaveLength(14);
  });

  test('hidden when the host cannot write an appendix', async () => {
    await renderPane(new MemoryHost({ sheets: [sampleSheet()], appendix: false }));
    await showReportTab();
    expect(screen.getByRole('button', { name: 'Tạo bảng tổng hợp' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tạo phụ lục từ văn bản' })).toBeNull();
  });

  test('English labels', async () => {
    const { controller } = await renderPane(new MemoryHost({ sheets: [sampleSheet()] }));
    await act(() => controller.setLang('en'));
    await showReportTab('Report');
    await act(async () => {
      fireEvent.click(
        screen.getByRole('button', { name: 'Create an appendix from the plan text' }),
      );
    });
    expect(screen.getByRole('textbox', { name: 'Plan text' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Read the text' })).toBeTruthy();
  });
});
