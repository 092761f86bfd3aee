/**
 * The check runner (issue 15, issue 17 item 1 in the browser): the engine's report is the same
 * through the worker's protocol (every message copied as postMessage copies it: structuredClone)
 * as from the engine called directly; "Hủy" ends the worker and keeps the previous report; a read
 * is stopped past its deadline or refused before parsing over its memory budget, with the
 * catalogue's "too heavy" data.
 */
import fs from 'fs';
import path from 'path';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import type { AnalyzeOptions } from '../../src/engine/types';
import { t } from '../../src/messages';
import {
  handleRequest,
  type WorkerReply,
  type WorkerRequest,
} from '../../src/taskpane/check-runner/protocol';
import {
  CheckCancelledError,
  directRunner,
  ReadFailure,
  workerRunner,
} from '../../src/taskpane/check-runner/runner';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { generateSheet } from '../../src/tools/bench/bench-sheets';
import { MemoryHost, sampleSheet } from './memory-host';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = [
  ...fs
    .readdirSync(path.join(ROOT, 'test/fixtures/xlsx'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(ROOT, 'test/fixtures/xlsx', f)),
  path.join(ROOT, 'assets/sample/phu-luc-mau.xlsx'),
];
const OPTIONS: AnalyzeOptions = { asOf: '2026-05-01', dueSoonDays: 15, lang: 'vi' };

/** A Worker double: the real handler, on a later turn, every message structured-cloned both ways. */
class CloneWorker {
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  received = 0;
  postMessage(request: WorkerRequest): void {
    const copy = structuredClone(request);
    setTimeout(() => {
      if (this.terminated) return;
      this.received++;
      void handleRequest(copy, (reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) });
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function cloneRunner() {
  const workers: CloneWorker[] = [];
  const runner = workerRunner(() => {
    const w = new CloneWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  return { runner, workers };
}

describe('the same report through the worker and directly', () => {
  test.each(FIXTURES.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const { sheets } = await readWorkbook(fs.readFileSync(file));
    const { runner } = cloneRunner();
    for (const snapshot of sheets) {
      const direct = JSON.stringify(analyzeSheet(snapshot, OPTIONS));
      expect(JSON.stringify(await runner.analyze(snapshot, OPTIONS))).toBe(direct);
      expect(JSON.stringify(await directRunner().analyze(snapshot, OPTIONS))).toBe(direct);
    }
    // The worker's read gives the sheets the page's own read gives.
    expect(JSON.stringify(await runner.read(new Uint8Array(fs.readFileSync(file)), 'vi'))).toBe(
      JSON.stringify(sheets),
    );
    runner.dispose();
  });

  test('a generated 3,000-row sheet', async () => {
    const snapshot = generateSheet(3000, 6, 7);
    const { runner } = cloneRunner();
    expect(JSON.stringify(await runner.analyze(snapshot, OPTIONS))).toBe(
      JSON.stringify(analyzeSheet(snapshot, OPTIONS)),
    );
  });
});

describe('cancel', () => {
  test('ends the worker, rejects with CheckCancelledError, and the next check starts a new worker', async () => {
    const { runner, workers } = cloneRunner();
    const snapshot = generateSheet(500, 5, 3);
    const running = runner.analyze(snapshot, OPTIONS);
    expect(runner.cancel()).toBe(true);
    await expect(running).rejects.toBeInstanceOf(CheckCancelledError);
    expect(workers[0].terminated).toBe(true);
    expect(runner.cancel()).toBe(false);
    const report = await runner.analyze(snapshot, OPTIONS);
    expect(report.tasks.length).toBe(analyzeSheet(snapshot, OPTIONS).tasks.length);
    expect(workers).toHaveLength(2);
  });

  test('the controller keeps the previous report and says the check was cancelled', async () => {
    const clock: Clock = { today: () => '2026-05-20' };
    const host = new MemoryHost({ sheets: [sampleSheet()], active: 'Phụ lục' });
    const { runner } = cloneRunner();
    const controller = createController(host, clock, { runner });
    await controller.loadSheets();
    await controller.check();
    const previous = controller.getState().report;
    expect(previous?.tasks.length).toBe(4);
    expect(controller.canCancel()).toBe(false);
    let offered = false;
    const unsubscribe = controller.subscribe(() => {
      const busy = controller.getState().busy;
      if (busy?.id === 'ui.busy.analyzing' && controller.canCancel()) {
        offered = true;
        void Promise.resolve().then(() => controller.cancelCheck());
      }
    });
    await controller.check(undefined, '2026-12-31');
    unsubscribe();
    const s = controller.getState();
    expect(offered).toBe(true);
    expect(s.report).toBe(previous);
    expect(s.busy).toBeNull();
    expect(s.error).toBeNull();
    expect(s.status).toEqual({ id: 'ui.done.cancelled', data: { sheet: 'Phụ lục' } });
  });

  test('the direct runner (jsdom, no Worker) offers no cancel', async () => {
    const host = new MemoryHost({ sheets: [sampleSheet()], active: 'Phụ lục' });
    const controller = createController(
      host,
      { today: () => '2026-05-20' },
      { runner: directRunner() },
    );
    await controller.loadSheets();
    const offered: boolean[] = [];
    controller.subscribe(() => offered.push(controller.canCancel()));
    await controller.check();
    expect(offered.some(Boolean)).toBe(false);
    expect(controller.getState().report?.tasks.length).toBe(4);
  });
});

describe('a read under limits', () => {
  const sample = () =>
    new Uint8Array(fs.readFileSync(path.join(ROOT, 'assets/sample/phu-luc-mau.xlsx')));

  test('past its deadline the worker is ended with the "too heavy" message data', async () => {
    const { runner, workers } = cloneRunner();
    const error = await runner
      .read(sample(), 'vi', { timeMs: 1, memoryMb: 1536 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadFailure);
    expect((error as ReadFailure).reason).toBe('too-heavy');
    expect((error as ReadFailure).data.limit).toBe(t('vi', 'read.limit.time', { seconds: 0 }));
    expect(workers[0].terminated).toBe(true);
    // The message the page shows is the CLI's.
    expect(
      t('vi', 'read.error.too-heavy', { ...(error as ReadFailure).data, file: 'x.xlsx' }),
    ).toMatch(/^Đã dừng đọc tệp "x\.xlsx"/);
  });

  test.each([
    ['worker', () => cloneRunner().runner],
    ['direct', () => directRunner()],
  ])(
    'over the memory budget it is refused before parsing, naming what is heavy (%s)',
    async (_kind, make) => {
      const error = await make()
        .read(sample(), 'en', { timeMs: 60_000, memoryMb: 0.01 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReadFailure);
      expect((error as ReadFailure).reason).toBe('too-heavy');
      expect((error as ReadFailure).data.limit).toBe('0.01 MB of memory');
      expect(String((error as ReadFailure).data.what)).not.toBe('');
    },
  );

  test('a file that is not a workbook keeps the reader’s own reason', async () => {
    const error = await cloneRunner()
      .runner.read(new TextEncoder().encode('not a workbook'), 'vi')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadFailure);
    expect((error as ReadFailure).reason).toBe('not-xlsx');
  });
});
