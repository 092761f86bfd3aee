/**
 * The worker thread of read-guard.ts: reads the workbook's sheets and posts them back; posts the
 * package facts first, so that a read stopped by its limit can still say what made it heavy.
 */
import { parentPort, workerData } from 'worker_threads';
import { readWorkbook, WorkbookReadError } from '../adapters/xlsx/read';

export type WorkerMessage =
  | { kind: 'facts'; facts: unknown }
  | { kind: 'done'; sheets: unknown }
  | { kind: 'error'; reason: string | null; message: string; data: Record<string, string | number> };

const port = parentPort;
if (port) {
  const bytes = workerData.bytes as Uint8Array;
  readWorkbook(bytes, { onFacts: (facts) => port.postMessage({ kind: 'facts', facts } satisfies WorkerMessage) }).then(
    (r) => port.postMessage({ kind: 'done', sheets: r.sheets } satisfies WorkerMessage),
    (e: unknown) =>
      port.postMessage({
        kind: 'error',
        reason: e instanceof WorkbookReadError ? e.reason : null,
        message: e instanceof Error ? e.message : String(e),
        data: e instanceof WorkbookReadError ? e.data : {},
      } satisfies WorkerMessage),
  );
}
