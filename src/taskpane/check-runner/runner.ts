/**
 * The check runner: where the controller sends a snapshot to be checked, and the standalone page a
 * workbook to be read, without knowing where the work runs.
 * - workerRunner: in a Web Worker (worker.ts), so the pane stays responsive; cancel() ends the
 *   worker (a new one starts for the next request); a read is ended past its deadline, or refused
 *   before parsing when its facts exceed the memory budget, with the CLI's "too heavy" message.
 * - directRunner: on the calling thread (jsdom tests, a browser without Worker). Same functions,
 *   so the reports are the same (test/taskpane/check-runner.test.ts).
 */
import type { AnalyzeOptions, Lang, SheetReport, SheetSnapshot } from '../../engine/types';
import type { PackageFacts } from '../../adapters/xlsx/package';
import type { Counters } from '../state/selectors';
import { memoryLimitText, timeLimitText, tooHeavy } from '../../adapters/xlsx/heavy';
import {
  handleRequest,
  liveReport,
  nextTask,
  ReportAssembly,
  sheetParts,
  type PageReadLimits,
  type WorkerReply,
  type WorkerRequest,
} from './protocol';

export type { PageReadLimits } from './protocol';

/** The standalone page's read limits: the CLI's (src/cli/read-guard.ts DEFAULT_LIMITS). */
export const PAGE_READ_LIMITS: PageReadLimits = { timeMs: 60_000, memoryMb: 1536 };

/** The user cancelled: the work was dropped, nothing changed. */
export class CheckCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CheckCancelledError';
  }
}

/**
 * A failed read, shaped like WorkbookReadError (reason, data) without importing the .xlsx reader
 * into the pane's bundle; the page maps `reason` to the catalogue's read.error.* messages.
 */
export class ReadFailure extends Error {
  constructor(
    readonly reason: string | null,
    message: string,
    readonly data: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ReadFailure';
  }
}

export interface CheckRunner {
  /** Whether work runs off the calling thread (false: cancel() has nothing to stop). */
  readonly offThread: boolean;
  /**
   * The engine's report for a snapshot. `onCounters` is told the report's counters as soon as they
   * are known, before the report itself has arrived (the worker sends them first; the direct runner
   * has the whole report at once and does not call it). @throws CheckCancelledError when cancelled.
   */
  analyze(
    snapshot: SheetSnapshot,
    options: AnalyzeOptions,
    onCounters?: (counters: Counters) => void,
  ): Promise<SheetReport>;
  /**
   * The sheets of .xlsx bytes, within `limits`. @throws ReadFailure (reason 'too-heavy' past a
   * limit, else the reader's own reason), CheckCancelledError when cancelled.
   */
  read(bytes: Uint8Array, lang: Lang, limits?: PageReadLimits): Promise<SheetSnapshot[]>;
  /**
   * Warm the engine up where the checks run, in the background (the worker checks made-up rows in
   * small chunks while it has nothing else to do); nothing on the direct runner.
   */
  warmUp(lang: Lang): void;
  /** The fingerprint of a sheet this runner's read gave, hashed where it was read; undefined for any other. */
  fingerprint(snapshot: SheetSnapshot): string | undefined;
  /** Stop the running work (its promise rejects with CheckCancelledError); false when nothing ran. */
  cancel(): boolean;
  /** End the worker for good. */
  dispose(): void;
}

/** The "too heavy" failure of a read started at `started`, with the data read.error.too-heavy names. */
function tooHeavyFailure(
  started: number,
  limit: string,
  facts: PackageFacts | null,
  lang: Lang,
): ReadFailure {
  const failure = tooHeavy(Date.now() - started, limit, facts, lang);
  return new ReadFailure('too-heavy', failure.message, failure.data);
}

function failureOf(
  reply: Extract<WorkerReply, { kind: 'failed' }>,
  started: number,
  limits: PageReadLimits,
  facts: PackageFacts | null,
  lang: Lang,
): Error {
  if (reply.reason === 'over-budget')
    return tooHeavyFailure(started, memoryLimitText(limits.memoryMb, lang), facts, lang);
  return new ReadFailure(reply.reason, reply.message, reply.data);
}

/** Work on the calling thread (tests, no Worker): the same handler the worker runs. */
export function directRunner(): CheckRunner {
  function run<T>(request: WorkerRequest, lang: Lang, limits: PageReadLimits): Promise<T> {
    const started = Date.now();
    let facts: PackageFacts | null = null;
    return new Promise<T>((resolve, reject) => {
      void handleRequest(request, (reply) => {
        if (reply.kind === 'facts') facts = reply.facts;
        else if (reply.kind === 'report') resolve(reply.report as T);
        else if (reply.kind === 'sheets') resolve(reply.sheets as T);
        // (The direct runner asks for the report whole: no parts come.)
        else if (reply.kind !== 'failed') return;
        else if (request.kind === 'check') reject(new Error(reply.message));
        else reject(failureOf(reply, started, limits, facts, lang));
      });
    });
  }
  return {
    offThread: false,
    analyze: (snapshot, options) =>
      run<SheetReport>(
        { kind: 'check', id: 0, snapshot, options },
        options.lang ?? 'vi',
        PAGE_READ_LIMITS,
      ).then((report) => liveReport(report, options.lang)),
    read: (bytes, lang, limits = PAGE_READ_LIMITS) =>
      run<SheetSnapshot[]>({ kind: 'read', id: 0, bytes, memoryMb: limits.memoryMb }, lang, limits),
    warmUp: () => undefined,
    fingerprint: () => undefined,
    cancel: () => false,
    dispose: () => undefined,
  };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onReply(reply: WorkerReply): void;
}

/**
 * Work in a Web Worker made by `makeWorker` (bundledWorker in the pane). The worker keeps the
 * sheets it read and the last snapshot it was sent: a check of the very same snapshot object (the
 * standalone page keeps one per sheet until its workbook changes) names it by key instead of
 * copying it again; any other snapshot goes in parts of rows, each its own short task. The report
 * comes back in parts too (protocol.ts reportParts), put together here.
 */
export function workerRunner(makeWorker: () => Worker): CheckRunner {
  /** Post a request (typed: what the worker's handler takes). */
  const ask = (w: Worker, request: WorkerRequest) => w.postMessage(request);
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** The key under which the worker holds each snapshot object it has (this page's copy). */
  const keys = new WeakMap<SheetSnapshot, string>();
  /** The keys the running worker holds now (none once it is ended). */
  const held = new Set<string>();
  /** The keys of the last read's sheets, and of the last snapshot sent (each replaced by the next). */
  let readKeys: string[] = [];
  /** The fingerprints the worker hashed for the sheets it read. */
  const fingerprints = new WeakMap<SheetSnapshot, string>();
  let sentKey: string | null = null;

  /** End the worker; every pending request fails with `error(id)`. */
  function stop(error: () => Error): void {
    worker?.terminate();
    worker = null;
    held.clear();
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) p.reject(error());
  }

  function ensure(): Worker {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event: MessageEvent<WorkerReply>) =>
      pending.get(event.data.id)?.onReply(event.data);
    // A worker that dies (a script error, out of memory) fails what it was doing; the next request starts another.
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      if (worker === w) stop(() => new Error(`worker: ${event.message || 'failed'}`));
    };
    worker = w;
    return w;
  }

  function send<T>(
    id: number,
    onReply: (reply: WorkerReply, settle: { resolve(v: T): void; reject(e: Error): void }) => void,
    post: (w: Worker) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = {
        resolve: (v: T) => {
          pending.delete(id);
          resolve(v);
        },
        reject: (e: Error) => {
          pending.delete(id);
          reject(e);
        },
      };
      pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onReply: (reply) => onReply(reply, settle),
      });
      post(ensure());
    });
  }

  /** Send `snapshot` in parts, yielding between them; its key, or null when the worker was ended meanwhile. */
  async function upload(w: Worker, id: number, snapshot: SheetSnapshot): Promise<string | null> {
    if (sentKey) held.delete(sentKey);
    const key = `s${id}`;
    sentKey = key;
    const parts = sheetParts(key, snapshot);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) {
        await nextTask();
        if (worker !== w || !pending.has(id)) return null;
      }
      w.postMessage(parts[i]);
    }
    held.add(key);
    keys.set(snapshot, key);
    return key;
  }

  return {
    offThread: true,
    analyze(snapshot, options, onCounters) {
      const id = nextId++;
      const assembly = new ReportAssembly(options.lang);
      return send<SheetReport>(
        id,
        (reply, settle) => {
          if (reply.kind === 'failed') settle.reject(new Error(reply.message));
          else if (reply.kind === 'report') settle.resolve(liveReport(reply.report, options.lang));
          else {
            if (reply.kind === 'report-head') onCounters?.(reply.counters);
            const report = assembly.add(reply);
            if (report) settle.resolve(report);
          }
        },
        (w) => {
          const known = keys.get(snapshot);
          const check = (key: string) =>
            ask(w, { kind: 'check', id, held: key, options, parts: true });
          if (known !== undefined && held.has(known)) check(known);
          else
            void upload(w, id, snapshot).then((key) => {
              if (key !== null) check(key);
            });
        },
      );
    },
    read(bytes, lang, limits = PAGE_READ_LIMITS) {
      const started = Date.now();
      let facts: PackageFacts | null = null;
      const id = nextId++;
      const hold = `r${id}:`;
      // A copy goes to the worker (the page keeps its bytes for the download).
      const promise = send<SheetSnapshot[]>(
        id,
        (reply, settle) => {
          if (reply.kind === 'facts') facts = reply.facts;
          else if (reply.kind === 'sheets') {
            // The worker keeps these sheets (replacing the previous read's): checks name them by key.
            for (const key of readKeys) held.delete(key);
            readKeys = reply.sheets.map((sheet, i) => {
              fingerprints.set(sheet, reply.fingerprints[i]);
              keys.set(sheet, `${hold}${i}`);
              held.add(`${hold}${i}`);
              return `${hold}${i}`;
            });
            settle.resolve(reply.sheets);
          } else if (reply.kind === 'failed')
            settle.reject(failureOf(reply, started, limits, facts, lang));
        },
        (w) => ask(w, { kind: 'read', id, bytes, memoryMb: limits.memoryMb, hold }),
      );
      const timer = setTimeout(() => {
        if (!pending.has(id)) return;
        // Past the deadline: end the worker (whatever else it was doing fails with the same message).
        const error = tooHeavyFailure(started, timeLimitText(limits.timeMs, lang), facts, lang);
        stop(() => error);
      }, limits.timeMs);
      return promise.finally(() => clearTimeout(timer));
    },
    fingerprint: (snapshot) => fingerprints.get(snapshot),
    warmUp(lang) {
      ask(ensure(), { kind: 'warm', lang });
    },
    cancel() {
      if (!pending.size) return false;
      stop(() => new CheckCancelledError());
      return true;
    },
    dispose() {
      stop(() => new CheckCancelledError());
    },
  };
}

let workerFactory: (() => Worker) | null = null;

/** The pane's entry registers the bundled worker here (the jest-compiled modules cannot name it). */
export function registerCheckWorker(factory: (() => Worker) | null): void {
  workerFactory = factory;
}

/** A worker runner when a worker is registered and Worker exists, else the direct runner. */
export function defaultRunner(): CheckRunner {
  if (workerFactory && typeof Worker !== 'undefined') {
    const factory = workerFactory;
    return workerRunner(() => factory());
  }
  return directRunner();
}
