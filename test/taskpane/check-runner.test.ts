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
import type { AnalyzeOptions, SheetSnapshot } from '../../src/engine/types';
import { t } from '../../src/messages';
import {
  createHandler,
  handleRequest,
  liveReport,
  sheetParts,
  type RequestHandler,
  type WorkerReply,
  type WorkerRequest,
} from '../../src/taskpane/check-runner/protocol';
import type { SheetReport } from '../../src/engine/types';
import { fingerprintSnapshot } from '../../src/engine/workbook';
import {
  CheckCancelledError,
  directRunner,
  ReadFailure,
  workerRunner,
} from '../../src/taskpane/check-runner/runner';
import { createController, type Clock } from '../../src/taskpane/state/controller';
import { counters, type Counters } from '../../src/taskpane/state/selectors';
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

/**
 * A Worker double: the real handler (one per worker, as worker.ts makes it), on a later turn, every
 * message structured-cloned both ways, each reply delivered on a task of its own; it notes the
 * requests it was sent.
 */
class CloneWorker {
  onmessage: ((event: { data: WorkerReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  received = 0;
  requests: WorkerRequest[] = [];
  private handle: RequestHandler = createHandler();
  postMessage(request: WorkerRequest): void {
    const copy = structuredClone(request);
    this.requests.push(copy);
    setTimeout(() => {
      if (this.terminated) return;
      this.received++;
      void this.handle(copy, (reply) => {
        // Each reply its own task on the page, as a worker's messages are.
        const data = structuredClone(reply);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data });
        }, 0);
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

/** The engine's report as the worker's handler makes it, in one message (what the page got before parts). */
async function directReport(
  snapshot: Parameters<typeof analyzeSheet>[0],
  options: AnalyzeOptions,
): Promise<SheetReport> {
  let report: SheetReport | null = null;
  await handleRequest({ kind: 'check', id: 1, snapshot, options }, (reply) => {
    // Copied as postMessage copies it, its findings made live as the page makes them.
    if (reply.kind === 'report') report = liveReport(structuredClone(reply.report), options.lang);
  });
  return report!;
}

const kinds = (w: CloneWorker) => w.requests.map((r) => r.kind);

describe('the report in parts, the sheets kept in the worker', () => {
  test.each(FIXTURES.map((f) => [path.basename(f), f]))(
    '%s: the report put together from its parts equals the whole one; the sheets read are not sent again',
    async (_name, file) => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const { runner, workers } = cloneRunner();
      const sheets = await runner.read(bytes, 'vi');
      for (const snapshot of sheets) {
        // The worker hashed each sheet's fingerprint as the page would.
        expect(runner.fingerprint(snapshot)).toBe(fingerprintSnapshot(snapshot));
        expect(directRunner().fingerprint(snapshot)).toBeUndefined();
        const report = await runner.analyze(snapshot, OPTIONS);
        expect(report).toEqual(await directReport(snapshot, OPTIONS));
        expect(JSON.stringify(report)).toBe(JSON.stringify(await directReport(snapshot, OPTIONS)));
      }
      // Every check named a sheet the worker read: no snapshot and no part of one went back.
      const checks = workers[0].requests.filter((r) => r.kind === 'check');
      expect(checks).toHaveLength(sheets.length);
      for (const c of checks) {
        expect(c).toMatchObject({ kind: 'check', parts: true });
        expect((c as { snapshot?: unknown }).snapshot).toBeUndefined();
      }
      expect(kinds(workers[0])).not.toContain('sheet-part');
      runner.dispose();
    },
  );

  test('findings cross without their messages; the page formats the same ones, in the language asked', async () => {
    const snapshot = generateSheet(2000, 8, 5);
    for (const lang of ['vi', 'en'] as const) {
      const options = { ...OPTIONS, lang };
      const engine = analyzeSheet(snapshot, options);
      const replies: WorkerReply[] = [];
      await createHandler()({ kind: 'check', id: 3, snapshot, options, parts: true }, (r) =>
        replies.push(structuredClone(r)),
      );
      const crossed = replies.flatMap((r) =>
        r.kind === 'report-part' && r.path.list === 'findings' ? r.items : [],
      );
      expect(crossed).toHaveLength(engine.findings.length);
      expect(crossed.length).toBeGreaterThan(100);
      for (const f of crossed) expect(f).not.toHaveProperty('message');
      const { runner } = cloneRunner();
      const report = await runner.analyze(snapshot, options);
      expect(report.findings.map((f) => f.message)).toEqual(engine.findings.map((f) => f.message));
      expect(report.findings[0].message).toMatch(lang === 'vi' ? /dòng/ : /row/);
      runner.dispose();
    }
  });

  test('a 12,000-row report comes in many parts and equals the whole one', async () => {
    const snapshot = generateSheet(12_000, 8, 12);
    const replies: WorkerReply[] = [];
    await createHandler()({ kind: 'check', id: 7, snapshot, options: OPTIONS, parts: true }, (r) =>
      replies.push(structuredClone(r)),
    );
    expect(replies[0].kind).toBe('report-head');
    expect(replies[replies.length - 1].kind).toBe('report-end');
    const parts = replies.filter((r) => r.kind === 'report-part');
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts)
      expect((p as { items: unknown[] }).items.length).toBeLessThanOrEqual(5000);
    const { runner } = cloneRunner();
    const report = await runner.analyze(snapshot, OPTIONS);
    expect(JSON.stringify(report)).toBe(JSON.stringify(await directReport(snapshot, OPTIONS)));
  });

  test('another snapshot goes in parts of rows, once; a changed one again; an ended worker gets it again', async () => {
    const { runner, workers } = cloneRunner();
    const snapshot = generateSheet(5000, 8, 5);
    const expected = JSON.stringify(await directReport(snapshot, OPTIONS));
    expect(JSON.stringify(await runner.analyze(snapshot, OPTIONS))).toBe(expected);
    const parts = sheetParts('x', snapshot).length;
    expect(parts).toBeGreaterThan(1);
    expect(kinds(workers[0]).filter((k) => k === 'sheet-part')).toHaveLength(parts);
    // The same snapshot object again (the page's sheet unchanged): named by key, not sent.
    expect(JSON.stringify(await runner.analyze(snapshot, { ...OPTIONS, asOf: '2026-09-01' }))).toBe(
      JSON.stringify(await directReport(snapshot, { ...OPTIONS, asOf: '2026-09-01' })),
    );
    expect(kinds(workers[0]).filter((k) => k === 'sheet-part')).toHaveLength(parts);
    // A changed sheet is another snapshot object (the page makes a new one): sent, and its report is its own.
    const changed = structuredClone(snapshot);
    changed.values[5][5] = 'Quý I/2020';
    expect(JSON.stringify(await runner.analyze(changed, OPTIONS))).toBe(
      JSON.stringify(await directReport(changed, OPTIONS)),
    );
    expect(kinds(workers[0]).filter((k) => k === 'sheet-part')).toHaveLength(2 * parts);
    // Cancelled: the worker is ended, the next one holds nothing, the sheet is sent again.
    const running = runner.analyze(snapshot, OPTIONS);
    runner.cancel();
    await expect(running).rejects.toBeInstanceOf(CheckCancelledError);
    expect(JSON.stringify(await runner.analyze(snapshot, OPTIONS))).toBe(expected);
    expect(workers).toHaveLength(2);
    expect(kinds(workers[1]).filter((k) => k === 'sheet-part')).toHaveLength(parts);
  });

  test('a sheet of a file read before the last one is sent again (the worker keeps the last read only)', async () => {
    const { runner, workers } = cloneRunner();
    const first = await runner.read(
      new Uint8Array(fs.readFileSync(path.join(ROOT, 'assets/sample/phu-luc-mau.xlsx'))),
      'vi',
    );
    await runner.read(new Uint8Array(fs.readFileSync(FIXTURES[0])), 'vi');
    expect(JSON.stringify(await runner.analyze(first[0], OPTIONS))).toBe(
      JSON.stringify(await directReport(first[0], OPTIONS)),
    );
    expect(kinds(workers[0])).toContain('sheet-part');
  });
});

describe('the warm-up', () => {
  test('a warmed-up worker gives every fixture the same reports', async () => {
    const sheets = (
      await Promise.all(FIXTURES.map((f) => readWorkbook(fs.readFileSync(f))))
    ).flatMap((r) => r.sheets);
    // Let the warm-up run its course (a small budget here), then check.
    const handle = createHandler({ rowsPerChunk: 100, chunks: 5, budgetMs: 10_000 });
    await handle({ kind: 'warm', lang: 'en' }, () => undefined);
    for (const snapshot of sheets) {
      const expected = JSON.stringify(await directReport(snapshot, OPTIONS));
      const replies: WorkerReply[] = [];
      await handle({ kind: 'check', id: 1, snapshot, options: OPTIONS }, (r) => replies.push(r));
      expect(JSON.stringify((replies[0] as { report: SheetReport }).report)).toBe(expected);
    }
  });

  test('a real request stops it after the chunk running', async () => {
    const chunks: number[] = [];
    const handle = createHandler({
      rowsPerChunk: 50,
      chunks: 10_000,
      budgetMs: 1e9,
      onChunk: (n) => chunks.push(n),
    });
    const warming = handle({ kind: 'warm', lang: 'vi' }, () => undefined);
    while (chunks.length < 2) await new Promise((r) => setTimeout(r, 1));
    let report: SheetReport | null = null;
    await handle({ kind: 'check', id: 3, snapshot: sampleSheet(), options: OPTIONS }, (r) => {
      if (r.kind === 'report') report = r.report;
    });
    expect(report).not.toBeNull();
    const seen = chunks.length;
    await warming;
    // It ended: no chunk after the one that may have been running.
    expect(chunks.length).toBeLessThanOrEqual(seen + 1);
    expect(chunks.length).toBeLessThan(10_000);
    // Asked again, it goes on where it stopped (counted in the same budget).
    const more = handle({ kind: 'warm', lang: 'vi' }, () => undefined);
    while (chunks.length < seen + 3) await new Promise((r) => setTimeout(r, 1));
    await handle(
      { kind: 'check', id: 4, snapshot: sampleSheet(), options: OPTIONS },
      () => undefined,
    );
    await more;
    expect(chunks[seen + 1]).toBeGreaterThan(chunks[seen - 1]);
  });

  test('after a read it goes through slices of the largest sheet read, then made-up rows; reports stay the same', async () => {
    const file = FIXTURES.find((f) => f.endsWith('002-raw.xlsx'))!;
    const bytes = new Uint8Array(fs.readFileSync(file));
    const seen: string[] = [];
    const handle = createHandler({
      rowsPerChunk: 40,
      chunks: 100,
      budgetMs: 1e9,
      onChunk: (n, kind) => seen.push(`${kind}:${n}`),
    });
    let sheets: SheetSnapshot[] = [];
    await handle({ kind: 'read', id: 1, bytes, memoryMb: 1536, hold: 'r1:' }, (r) => {
      if (r.kind === 'sheets') sheets = r.sheets;
    });
    await handle({ kind: 'warm', lang: 'vi' }, () => undefined);
    // The largest sheet (about 220 rows under its header) in slices of 40 rows, then made-up rows
    // up to the budget.
    const largest = sheets.reduce((a, b) => (b.values.length > a.values.length ? b : a));
    const sliceCount = seen.filter((k) => k.startsWith('sheet:')).length;
    expect(sliceCount).toBeGreaterThan(3);
    expect(sliceCount).toBeLessThanOrEqual(Math.ceil(largest.values.length / 40));
    expect(seen[0]).toBe('sheet:1');
    expect(seen[sliceCount]).toBe('made-up:1');
    expect(seen).toHaveLength(sliceCount + 100);
    // Checks after it give what a fresh worker gives.
    for (const [i, snapshot] of sheets.entries()) {
      const replies: WorkerReply[] = [];
      await handle({ kind: 'check', id: 2, held: `r1:${i}`, options: OPTIONS }, (r) =>
        replies.push(r),
      );
      expect(JSON.stringify((replies[0] as { report: SheetReport }).report)).toBe(
        JSON.stringify(await directReport(snapshot, OPTIONS)),
      );
    }
  });

  test('it stops at its budget of chunks', async () => {
    const chunks: number[] = [];
    const handle = createHandler({
      rowsPerChunk: 20,
      chunks: 4,
      budgetMs: 1e9,
      onChunk: (n) => chunks.push(n),
    });
    await handle({ kind: 'warm', lang: 'vi' }, () => undefined);
    await handle({ kind: 'warm', lang: 'vi' }, () => undefined);
    expect(chunks).toEqual([1, 2, 3, 4]);
  });
});

describe('the counters ahead of the report', () => {
  test('the page is told the report’s counters once, before the report has come in parts', async () => {
    const snapshot = generateSheet(12_000, 8, 12);
    const { runner } = cloneRunner();
    let settled = false;
    const told: { counters: Counters; settled: boolean }[] = [];
    const report = await runner
      .analyze(snapshot, OPTIONS, (c) => told.push({ counters: c, settled }))
      .finally(() => (settled = true));
    expect(told).toHaveLength(1);
    expect(told[0].settled).toBe(false);
    expect(told[0].counters).toEqual(counters(report));
    expect(told[0].counters.errors + told[0].counters.warnings).toBeGreaterThan(0);
    expect(told[0].counters.tasks).toBe(report.tasks.length);
  });

  test('the pane shows them while the report comes, then the report’s own; a cancel drops them', async () => {
    const host = new MemoryHost({ sheets: [sampleSheet()], active: 'Phụ lục' });
    const { runner } = cloneRunner();
    const controller = createController(host, { today: () => '2026-05-20' }, { runner });
    await controller.loadSheets();
    const seen: { counted: Counters; report: SheetReport | null }[] = [];
    let unsubscribe = controller.subscribe(() => {
      const s = controller.getState();
      if (s.counted && seen[seen.length - 1]?.counted !== s.counted)
        seen.push({ counted: s.counted, report: s.report });
    });
    await controller.check();
    unsubscribe();
    const first = controller.getState().report!;
    expect(seen).toHaveLength(1);
    // Shown before the report arrived, the same numbers as the report's.
    expect(seen[0].report).toBeNull();
    expect(seen[0].counted).toEqual(counters(first));
    expect(controller.getState().counted).toBeNull();

    // A second check, cancelled once its counters are shown: the previous report's come back.
    unsubscribe = controller.subscribe(() => {
      if (controller.getState().counted && controller.canCancel())
        void Promise.resolve().then(() => controller.cancelCheck());
    });
    await controller.check(undefined, '2026-12-31');
    unsubscribe();
    const s = controller.getState();
    expect(s.status).toEqual({ id: 'ui.done.cancelled', data: { sheet: 'Phụ lục' } });
    expect(s.report).toBe(first);
    expect(s.counted).toBeNull();
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
    expect((error as ReadFailure).data.limit).toBe('0,001 giây');
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
