/**
 * Every read of the command runs under a time and memory limit (issue 17): the workbook is read in
 * a worker thread with a V8 heap limit, and the worker is ended when its time is up. Past either
 * limit the read stops with WorkbookReadError('too-heavy'), whose data names what made the file
 * heavy (from the package facts the worker posts before it starts parsing).
 */
import { Worker } from 'worker_threads';
import path from 'path';
import type { Lang, SheetSnapshot } from '../engine/types';
import { WorkbookReadError, type WorkbookReadErrorReason } from '../adapters/xlsx/read-error';
import type { PackageFacts } from '../adapters/xlsx/package';
import type * as Heavy from '../adapters/xlsx/heavy';
import type { WorkerMessage } from './read-worker';
import { unpackSheets, type PackedSheet } from '../adapters/xlsx/packed-sheet';

export interface ReadLimits {
  /** Milliseconds before the read is stopped. */
  timeMs: number;
  /** The worker's V8 old-generation heap limit, in MB. */
  memoryMb: number;
  /**
   * The fast read (fast-read.ts) first, ExcelJS for what it does not cover; false: ExcelJS only
   * (PHANCONG_READ=exceljs). The snapshots are the same either way (test/adapters/fast-read.test.ts).
   */
  fast?: boolean;
}

/** Generous for real appendices (10,000 rows read in about a second), small enough to never hang. */
export const DEFAULT_LIMITS: ReadLimits = { timeMs: 60_000, memoryMb: 1536 };

/** Limits from PHANCONG_READ_TIME_MS / PHANCONG_READ_MEMORY_MB, else the defaults. */
export function limitsFromEnv(env: Record<string, string | undefined>): ReadLimits {
  const num = (v: string | undefined, d: number) =>
    v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d;
  return {
    timeMs: num(env.PHANCONG_READ_TIME_MS, DEFAULT_LIMITS.timeMs),
    memoryMb: num(env.PHANCONG_READ_MEMORY_MB, DEFAULT_LIMITS.memoryMb),
    fast: env.PHANCONG_READ !== 'exceljs',
  };
}

/**
 * The worker's young generation, in MB (Node's default for a worker is 48: semi-spaces of 16). The
 * read allocates a short-lived string or number for most cells and keeps what it made for the rest,
 * so a small young generation fills every few thousand rows and each collection copies what
 * survives. Measured whole-process at 50,000 rows against the default (medians of 11 to 15 runs,
 * alternating): 64 MB 16-40 ms faster, 128 MB 57 ms (and 26 ms faster than 64), 256 MB no faster
 * than 128. The space grows only as it is used; it is not part of the memory limit, which is the
 * old generation's.
 */
export const READ_YOUNG_GENERATION_MB = 128;

/**
 * Under ts-jest the modules are .ts files that a worker cannot load: the worker then registers a
 * transpile-only hook with the TypeScript compiler first (tests only; the built CLI is plain JS).
 */
function startWorker(bytes: Uint8Array, memoryMb: number, fast: boolean): Worker {
  const options = {
    workerData: { bytes, fast },
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: READ_YOUNG_GENERATION_MB,
    },
  };
  if (__filename.endsWith('.js'))
    return new Worker(path.join(__dirname, 'read-worker.js'), options);
  const script = path.join(__dirname, 'read-worker.ts');
  const boot = `
    const ts = require('typescript');
    const fs = require('fs');
    require.extensions['.ts'] = (m, file) => m._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: file }).outputText, file);
    require(${JSON.stringify(script)});`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * heavy.ts (and with it the message catalogue), loaded when a read is stopped: `phancong check <file>` starts
 * its read before the rest of the command is loaded (main.ts), so this file loads little.
 */
function heavyText(): typeof Heavy {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a limit is reached
  return require('../adapters/xlsx/heavy') as typeof Heavy;
}

/** Read the sheets of a workbook in a worker, within `limits`. */
export function readSheetsGuarded(
  bytes: Uint8Array,
  lang: Lang,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<SheetSnapshot[]> {
  return startGuardedRead(bytes, lang, limits).sheets;
}

/** A read under way: its sheets, and a way to stop it when nobody will ask for them. */
export interface GuardedRead {
  sheets: Promise<SheetSnapshot[]>;
  /** End the worker; a read not yet finished rejects (with an Error saying it was cancelled). */
  cancel(): void;
}

/** Start reading the sheets of a workbook in a worker, within `limits`. */
export function startGuardedRead(
  bytes: Uint8Array,
  lang: Lang,
  limits: ReadLimits = DEFAULT_LIMITS,
): GuardedRead {
  let cancel = () => {};
  const sheets = new Promise<SheetSnapshot[]>((resolve, reject) => {
    const started = Date.now();
    let facts: PackageFacts | null = null;
    let settled = false;
    const worker = startWorker(bytes, limits.memoryMb, limits.fast === true);
    const tooHeavy = (past: 'time' | 'memory') => {
      const heavy = heavyText();
      const limit =
        past === 'time'
          ? heavy.timeLimitText(limits.timeMs, lang)
          : heavy.memoryLimitText(limits.memoryMb, lang);
      const failure = heavy.tooHeavy(Date.now() - started, limit, facts, lang);
      return new WorkbookReadError('too-heavy', failure.message, undefined, failure.data);
    };
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(tooHeavy('time'))), limits.timeMs);
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'facts') facts = m.facts as PackageFacts;
      else if (m.kind === 'done') finish(() => resolve(unpackSheets(m.sheets as PackedSheet[])));
      else
        finish(() =>
          reject(
            m.reason
              ? new WorkbookReadError(
                  m.reason as WorkbookReadErrorReason,
                  m.message,
                  undefined,
                  m.data,
                )
              : new Error(m.message),
          ),
        );
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(e.message)) {
        finish(() => reject(tooHeavy('memory')));
      } else {
        finish(() => reject(e));
      }
    });
    worker.on('exit', () => finish(() => reject(tooHeavy('memory'))));
    cancel = () => finish(() => reject(new Error('read cancelled')));
  });
  return { sheets, cancel: () => cancel() };
}
