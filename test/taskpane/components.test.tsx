/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { MemoryHost, sampleSheet } from './memory-host';

import './jsdom-setup';

const clock: Clock = { today: () => '2026-05-20' };

async function renderPane(host = new MemoryHost({ sheets: [sampleSheet()] })) {
  const controller = createController(host, clock);
  const view = render(<App controller={controller} />);
  await act(() => controller.start());
  return { host, controller, ...view };
}

async function showTab(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name }));
  });
}

async function renderChecked(host?: MemoryHost) {
  const pane = await renderPane(host);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
  });
  await waitFor(() => expect(pane.controller.getState().report).not.toBeNull());
  return pane;
}

describe('task pane', () => {
  test('the as-of date reads and shows day/month/year, and refuses a day that does not exist', async () => {
    const { controller } = await renderPane();
    const input = screen.getByLabelText('Tính tình trạng đến ngày') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { value: '01/12/2026' } });
    });
    expect(controller.getState().asOf).toBe('2026-12-01');
    expect(input.value).toBe('01/12/2026');
    expect(screen.queryByText(/Không có ngày này/)).toBeNull();
    await act(async () => {
      fireEvent.change(input, { target: { value: '30/02/2026' } });
    });
    expect(controller.getState().asOf).toBe('');
    expect(
      screen.getByText('Không có ngày này. Hãy nhập ngày/tháng/năm, ví dụ 01/12/2026.'),
    ).toBeTruthy();
    // A check with no valid date is refused with the catalogue's message.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    });
    expect(controller.getState().error?.id).toBe('ui.error.asOf');
    expect(controller.getState().report).toBeNull();
  });

  test('shows its labels in Vietnamese', async () => {
    await renderPane();
    expect(screen.getByRole('heading', { level: 1, name: 'Phân công' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Trang tính cần kiểm tra' })).toBeTruthy();
    expect(screen.getByLabelText('Tính tình trạng đến ngày')).toHaveProperty('value', '20/05/2026');
    expect(screen.getByRole('spinbutton', { name: 'Số ngày coi là "sắp đến hạn"' })).toHaveProperty(
      'value',
      '15',
    );
    expect(screen.getByRole('button', { name: 'Kiểm tra' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Tiếng Việt' })).toHaveProperty('checked', true);
  });

  test('a check shows the counters, the actions and the findings grouped by severity', async () => {
    await renderChecked();
    const counters = screen.getByRole('region', { name: 'Tổng quan' });
    const item = (key: string) => counters.querySelector(`[data-counter="${key}"]`)!.textContent;
    expect(item('tasks')).toBe('4Nhiệm vụ');
    expect(item('overdue')).toBe('1Quá hạn');
    expect(item('dueSoon')).toBe('1Sắp đến hạn');
    expect(item('unassigned')).toBe('1Chưa giao chủ trì');
    const errors = screen.getByRole('region', { name: /^Lỗi \(\d+\)$/ });
    // Groups are headed by the rule's title from the catalogue (rule.lead-missing).
    expect(
      within(errors).getByRole('group', { name: /^Chưa có cơ quan chủ trì \(1\)$/ }),
    ).toBeTruthy();
    // The other views: Theo dõi holds the marks, Báo cáo the summary; the counters stay in sight.
    expect(screen.getAllByRole('tab')).toHaveLength(4);
    for (const name of ['Kiểm tra', 'Sửa', 'Theo dõi', 'Báo cáo'])
      expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await showTab('Theo dõi');
    for (const name of ['Tô màu', 'Xóa tô màu'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Tổng quan' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Đi tới ô C5: / })).toBeNull();
    await showTab('Báo cáo');
    expect(screen.getByRole('button', { name: 'Tạo bảng tổng hợp' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Tổng quan' })).toBeTruthy();
  });

  test("the report line names the plan's level and its years", async () => {
    await renderChecked();
    expect(screen.getByText(/Kế hoạch cấp tỉnh\. Năm kế hoạch: 2026\./)).toBeTruthy();
  });

  test('a ministry-level programme over several years shows both', async () => {
    const sheet = sampleSheet('Bộ');
    sheet.values[0] = ['BỘ KHOA HỌC VÀ CÔNG NGHỆ', null, null, null, null, null];
    sheet.values[1] = [
      'CHƯƠNG TRÌNH HÀNH ĐỘNG GIAI ĐOẠN 2026–2030 (Kèm theo Quyết định số 12/QĐ-BKHCN)',
      null,
      null,
      null,
      null,
      null,
    ];
    await renderChecked(new MemoryHost({ sheets: [sheet] }));
    expect(
      screen.getByText(/Kế hoạch cấp trung ương\. Các năm của kế hoạch: 2026–2030\./),
    ).toBeTruthy();
  });

  test('clicking a finding selects its cell', async () => {
    const { host } = await renderChecked();
    const button = screen.getByRole('button', { name: /^Đi tới ô C5: / });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(host.selected).toEqual([{ sheet: 'Phụ lục', cell: 'C5' }]);
    expect(
      screen.getByRole('button', { name: /^Đi tới ô C5: / }).getAttribute('aria-current'),
    ).toBe('true');
  });

  test('the action buttons call the host', async () => {
    const { host } = await renderChecked();
    await showTab('Theo dõi');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Tô màu' }));
    });
    expect(host.callsOf('applyMarks')).toHaveLength(1);
    expect(screen.getByText(/^Đã tô màu \d+ dòng trên trang "Phụ lục"\.$/)).toBeTruthy();
    await showTab('Báo cáo');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Tạo bảng tổng hợp' }));
    });
    expect(host.summaries).toHaveLength(1);
  });

  test('an error is shown as a Vietnamese message bar that can be dismissed', async () => {
    const host = new MemoryHost({ sheets: [sampleSheet()] });
    const { controller } = await renderChecked(host);
    host.sheets.get('Phụ lục')!.values[4][2] = 'Sở Nội vụ';
    await act(() => controller.applyMarks());
    expect(screen.getByText(/đã thay đổi sau lần kiểm tra trước/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Đóng thông báo' }));
    });
    expect(screen.queryByText(/đã thay đổi sau lần kiểm tra trước/)).toBeNull();
  });

  test('a missing capability is explained in Vietnamese', async () => {
    await renderPane(
      new MemoryHost({
        sheets: [sampleSheet()],
        capabilities: { pivotTables: false, conditionalFormats: false },
      }),
    );
    expect(screen.getByText(/chưa hỗ trợ tạo PivotTable/)).toBeTruthy();
    expect(screen.getByText(/không tô màu được/)).toBeTruthy();
  });

  test('the language switch turns the pane into English', async () => {
    await renderChecked();
    await act(async () => {
      fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    });
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Go to cell C5: / })).toBeTruthy();
    await showTab('Report');
    expect(screen.getByRole('button', { name: 'Create summary' })).toBeTruthy();
  });

  test('every control that takes the keyboard has an accessible name', async () => {
    const { container } = await renderChecked();
    const focusable = container.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, [role="combobox"], [tabindex]:not([tabindex="-1"])',
    );
    expect(focusable.length).toBeGreaterThan(10);
    const unnamed: string[] = [];
    for (const el of focusable) {
      if (el.hasAttribute('disabled') || el.getAttribute('tabindex') === '-1') continue;
      // Tabster's focus guards around the tab list (aria-hidden, never a control).
      if (el.hasAttribute('data-tabster-dummy')) continue;
      const name = accessibleName(el);
      if (!name.trim()) unnamed.push(el.outerHTML.slice(0, 120));
    }
    expect(unnamed).toEqual([]);
  });
});

/** A small accessible-name computation: aria-labelledby, aria-label, <label for>, wrapping label, text content. */
function accessibleName(el: HTMLElement): string {
  const doc = el.ownerDocument;
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const text = labelledby
      .split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' ');
    if (text.trim()) return text;
  }
  const label = el.getAttribute('aria-label');
  if (label) return label;
  if (el.id) {
    const forLabel = doc.querySelector(`label[for="${el.id}"]`);
    if (forLabel?.textContent) return forLabel.textContent;
  }
  const wrapping = el.closest('label');
  if (wrapping?.textContent) return wrapping.textContent;
  if (el.tagName === 'BUTTON') return el.textContent ?? '';
  return '';
}
