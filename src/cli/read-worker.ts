/**
 * The worker thread of read-guard.ts: reads the workbook's sheets and posts them back. With
 * `fast`, the fast read first (fast-read.ts: the same snapshots, without building ExcelJS's model;
 * ExcelJS is not even loaded, nor JSZip: the zip is opened with Node's zlib, zip-parts.ts); for a package it does not cover, ExcelJS's read, which posts the
 * package facts first, so that a read stopped by its limit can still say what made it heavy.
 */
import { parentPort, workerData } from 'worker_threads';
import { packSheets, packedBuffers, type PackedSheet } from '../adapters/xlsx/packed-sheet';

export type WorkerMessage =
  | { kind: 'facts'; facts: unknown }
  /** The sheets, packed (adapters/xlsx/packed-sheet.ts). */
  | { kind: 'done'; sheets: unknown }
  | {
      kind: 'error';
      reason: string | null;
      message: string;
      data: Record<string, string | number>;
    };

/** The sheets, packed: the fast read makes them so, ExcelJS's are packed here. */
async function read(
  bytes: Uint8Array,
  fast: boolean,
  post: (m: WorkerMessage) => void,
): Promise<PackedSheet[]> {
  if (fast) {
    const { fastReadPacked } = await import('../adapters/xlsx/fast-read');
    const { openZipParts } = await import('./zip-parts');
    const sheets = await fastReadPacked(bytes, openZipParts);
    if (sheets) return sheets;
  }
  const { readWorkbook } = await import('../adapters/xlsx/read');
  const { sheets } = await readWorkbook(bytes, {
    onFacts: (facts) => post({ kind: 'facts', facts }),
  });
  return packSheets(sheets);
}

const port = parentPort;
if (port) {
  const post = (m: WorkerMessage) => port.postMessage(m);
  read(workerData.bytes as Uint8Array, workerData.fast === true, post).then(
    (packed) => {
      // The packed values' buffers move to the command's thread (no copy).
      port.postMessage(
        { kind: 'done', sheets: packed } satisfies WorkerMessage,
        packedBuffers(packed),
      );
    },
    async (e: unknown) => {
      const { WorkbookReadError } = await import('../adapters/xlsx/read-error');
      post({
        kind: 'error',
        reason: e instanceof WorkbookReadError ? e.reason : null,
        message: e instanceof Error ? e.message : String(e),
        data: e instanceof WorkbookReadError ? e.data : {},
      });
    },
  );
}
