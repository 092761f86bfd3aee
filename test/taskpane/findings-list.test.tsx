/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/App';
import { FINDINGS_BATCH, FINDINGS_PAGE } from '../../src/taskpane/components/FindingsList';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { MemoryHost, sampleSheet } from './memory-host';

import './jsdom-setup';

// Checking and rendering a sheet of 999 tasks in jsdom takes tens of seconds on a loaded 2-core machine.
jest.setTimeout(120_000);

const clock: Clock = { today: () => '2026-05-20' };

/** The sample appendix grown to `tasks` task rows, none with a lead agency: one lead-missing error each. */
function bigSheet(tasks: number) {
  const sheet = sampleSheet();
  const head = sheet.values.slice(0, 4);
  // Task numbers stay below 1,000 (as in a real appendix); each task has several defects.
  const rows = Array.from({ length: tasks }, (_, i) => [
    String(i + 1),
    `Nhiệm vụ số ${i + 1}`,
    null,
    'Ban Quản lý XYZ không có thật, Ban Điều phối ABC không có thật, Tổ công tác QRS không có thật, Hội đồng MNP không có thật',
    'khi nào xong thì báo',
    null,
  ]);
  return { ...sheet, values: [...head, ...rows] };
}

async function renderChecked(tasks: number) {
  const host = new MemoryHost({ sheets: [bigSheet(tasks)] });
  const controller = createController(host, clock);
  const view = render(<App controller={controller} />);
  await act(() => controller.start());
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
  });
  await waitFor(() => expect(controller.getState().report).not.toBeNull());
  await drawn();
  return { host, controller, ...view };
}

/** A new list is drawn FINDINGS_BATCH rows a task: wait until it is all there. */
async function drawn() {
  await waitFor(() => expect(document.querySelector('section[data-drawing]')).toBeNull());
}

const leadMissingGroup = () =>
  screen.getByRole('group', { name: /^Chưa có cơ quan chủ trì \(\d+\)$/ });

describe('the findings list with thousands of findings', () => {
  test('is drawn a batch of rows at a time, then whole', async () => {
    const host = new MemoryHost({ sheets: [bigSheet(999)] });
    const controller = createController(host, clock);
    const { container } = render(<App controller={controller} />);
    await act(() => controller.start());
    const counts: number[] = [];
    const observer = new MutationObserver(() =>
      counts.push(container.querySelectorAll('li[data-finding]').length),
    );
    observer.observe(container, { childList: true, subtree: true });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    });
    await waitFor(() => expect(controller.getState().report).not.toBeNull());
    await drawn();
    observer.disconnect();
    const total = container.querySelectorAll('li[data-finding]').length;
    expect(total).toBeGreaterThan(FINDINGS_BATCH);
    // Every commit added at most one batch of rows.
    const seen = [0, ...new Set(counts)].sort((a, b) => a - b);
    expect(seen.at(-1)).toBe(total);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i] - seen[i - 1]).toBeLessThanOrEqual(FINDINGS_BATCH);
    // Once drawn, each rule offers its next page.
    expect(within(leadMissingGroup()).getByRole('button', { name: /^Xem thêm/ })).toBeTruthy();
  });

  test('renders a bounded number of rows, and "Xem thêm" reveals the next page', async () => {
    const { controller, container } = await renderChecked(999);
    const { findings } = controller.getState().report!;
    expect(findings.length).toBeGreaterThanOrEqual(5000);
    const total = findings.filter((f) => f.code === 'lead-missing').length;
    expect(total).toBeGreaterThan(3 * FINDINGS_PAGE);
    // The heading still counts all of them; the DOM holds only the first page of each rule.
    const group = leadMissingGroup();
    expect(within(group).getAllByRole('listitem')).toHaveLength(FINDINGS_PAGE);
    expect(container.querySelectorAll('li[data-finding]').length).toBeLessThan(FINDINGS_PAGE * 5);
    // Sorted by row: the first page is rows 5…, the last task row (5004) is not rendered.
    expect(within(group).getByRole('button', { name: /^Đi tới ô C5: / })).toBeTruthy();
    const last = findings.filter((f) => f.code === 'lead-missing').at(-1)!.cell!;
    expect(
      within(group).queryByRole('button', { name: new RegExp(`^Đi tới ô ${last}: `) }),
    ).toBeNull();

    const more = within(group).getByRole('button', {
      name: `Xem thêm ${FINDINGS_PAGE} (còn ${total - FINDINGS_PAGE})`,
    });
    await act(async () => {
      fireEvent.click(more);
    });
    expect(within(group).getAllByRole('listitem')).toHaveLength(2 * FINDINGS_PAGE);
    const next = `C${5 + FINDINGS_PAGE}`;
    expect(
      within(group).getByRole('button', { name: new RegExp(`^Đi tới ô ${next}: `) }),
    ).toBeTruthy();
    expect(
      within(group).getByRole('button', {
        name: `Xem thêm ${FINDINGS_PAGE} (còn ${total - 2 * FINDINGS_PAGE})`,
      }),
    ).toBeTruthy();
  });

  test('a revealed finding still selects its cell, and a selection keeps its row shown', async () => {
    const { host, controller } = await renderChecked(999);
    await act(async () => {
      fireEvent.click(within(leadMissingGroup()).getByRole('button', { name: /^Xem thêm/ }));
    });
    const cell = `C${5 + FINDINGS_PAGE + 3}`;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: new RegExp(`^Đi tới ô ${cell}: `) }));
    });
    expect(host.selected).toEqual([{ sheet: 'Phụ lục', cell }]);
    expect(
      screen
        .getByRole('button', { name: new RegExp(`^Đi tới ô ${cell}: `) })
        .getAttribute('aria-current'),
    ).toBe('true');

    // A finding selected elsewhere (far down the list) is brought into the rendered rows.
    const far = controller.getState().report!.findings.filter((f) => f.code === 'lead-missing')[
      3 * FINDINGS_PAGE + 7
    ];
    await act(async () => {
      await controller.selectFinding(far);
    });
    expect(
      screen
        .getByRole('button', { name: new RegExp(`^Đi tới ô ${far.cell}: `) })
        .getAttribute('aria-current'),
    ).toBe('true');
    expect(within(leadMissingGroup()).getAllByRole('listitem')).toHaveLength(4 * FINDINGS_PAGE);
  });

  test('a new filter starts again from the first page', async () => {
    const { controller } = await renderChecked(999);
    await act(async () => {
      fireEvent.click(within(leadMissingGroup()).getByRole('button', { name: /^Xem thêm/ }));
    });
    expect(within(leadMissingGroup()).getAllByRole('listitem')).toHaveLength(2 * FINDINGS_PAGE);
    await act(async () => {
      controller.setFilter({ code: 'lead-missing' });
    });
    await drawn();
    expect(within(leadMissingGroup()).getAllByRole('listitem')).toHaveLength(FINDINGS_PAGE);
  });
});
