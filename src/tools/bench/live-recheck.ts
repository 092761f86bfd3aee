/**
 * `npm run bench:live` — issue 12's figure: the time from a user's edit to updated marks on a
 * 1,000-task sheet, through the whole live path the pane uses in Excel: the Excel fake
 * (test/fakes/excel-fake.ts) raises the worksheet's onChanged for the edit, the pane's live
 * re-check waits its pause (LIVE_DEBOUNCE_MS), reads the sheet through the Office host (round trips
 * counted), checks it and re-applies the marks (with events off). Timed: from the edit until the
 * re-check has settled. The fake answers without network latency, so each round trip to a real
 * Excel (tens of ms on the desktop, more on the web) comes on top: the figure prints the count.
 *
 *   npm run bench:live               # 7 edits, median
 *   npm run bench:live -- --quick    # 3 edits
 */
import { createExcelFake } from '../../../test/fakes/excel-fake';
import { createOfficeHost } from '../../adapters/office/host';
import { createController } from '../../taskpane/state/controller';
import { LIVE_DEBOUNCE_MS } from '../../taskpane/state/track';
import { generateSheet } from './bench-sheets';
import { median } from './stats';
import type { CellValue } from '../../engine/types';

const SHEET = 'Phụ lục';
const TASKS = 1000;

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const snap = generateSheet(TASKS, 5, 777);
  const values = snap.values.map((row) =>
    row.map((v: CellValue) => (v !== null && typeof v === 'object' ? null : v)),
  );
  const width = Math.max(...values.map((r) => r.length));
  const fake = createExcelFake({ apiVersion: '1.13' });
  fake.addSheet({
    name: SHEET,
    values: values.map((r) => [...r, ...Array(width - r.length).fill(null)]),
  });
  const host = createOfficeHost(fake.Excel, fake.Office);
  const controller = createController(host, { today: () => '2026-06-15' });
  await controller.loadSheets();
  await controller.check(SHEET);
  await controller.applyMarks();
  await controller.track.setLive(true);
  if (controller.track.getState().live !== SHEET)
    throw new Error('the live re-check did not start');

  const header = values.findIndex((r) =>
    r.some((v) => typeof v === 'string' && /nhiệm vụ/i.test(v)),
  );
  const times: number[] = [];
  const syncs: number[] = [];
  const runs = quick ? 3 : 7;
  for (let i = 0; i < runs; i++) {
    const before = controller.track.getState().liveRuns;
    fake.resetSyncs();
    const t0 = process.hrtime.bigint();
    fake.setCell(SHEET, `B${header + 2 + i * 37}`, `Nhiệm vụ sửa ${i}`); // the user's edit
    while (controller.track.getState().liveRuns === before)
      await new Promise((r) => setTimeout(r, 2));
    await controller.track.settled();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    syncs.push(fake.syncs);
  }
  await controller.track.setLive(false);
  const ms = median(times);
  const work = ms - LIVE_DEBOUNCE_MS;
  process.stdout.write(
    `Live re-check, ${TASKS.toLocaleString('en-US')} tasks (Office host on the Excel fake, onChanged): edit → updated marks ` +
      `${ms.toFixed(0)} ms = ${LIVE_DEBOUNCE_MS} ms pause + ${work.toFixed(1)} ms read, check and mark, ` +
      `${median(syncs)} round trips (median of ${runs}; target < 1,000 ms before round-trip latency: ${ms < 1000 ? 'met' : 'NOT met'})\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
