/**
 * What the pane's worker (worker.ts) is asked and answers, and the work itself, as a plain function
 * of one request: jest calls handleRequest directly (through structuredClone, as postMessage
 * copies), the worker calls it for every message. No DOM, no Office.js: the engine and, for the
 * standalone page, the .xlsx reader (loaded on first use, so the Office pane's worker never
 * parses ExcelJS).
 */
import { analyzeSheet } from '../../engine/analyze';
import type { AnalyzeOptions, Finding, SheetReport, SheetSnapshot } from '../../engine/types';
import type { PackageFacts } from '../../adapters/xlsx/package';

/** Limits of a read in the standalone page (the browser cannot cap a worker's heap: a budget instead). */
export interface PageReadLimits {
  /** Milliseconds before the worker is ended. */
  timeMs: number;
  /** Estimated memory the read may need, in MB (estimateReadMb), checked before ExcelJS parses. */
  memoryMb: number;
}

/** ExcelJS keeps about 750 bytes per cell (bare read of 400,000 cells: 303 MiB), plus the XML it parses. */
export const BYTES_PER_CELL = 750;

/** The memory a read of the package will need, in MB, from the facts known before parsing. */
export function estimateReadMb(facts: PackageFacts): number {
  return (facts.cells * BYTES_PER_CELL + facts.xmlBytes) / (1024 * 1024);
}

export type WorkerRequest =
  | { kind: 'check'; id: number; snapshot: SheetSnapshot; options: AnalyzeOptions }
  | { kind: 'read'; id: number; bytes: Uint8Array; memoryMb: number };

export type WorkerReply =
  | { kind: 'report'; id: number; report: SheetReport }
  | { kind: 'facts'; id: number; facts: PackageFacts }
  | { kind: 'sheets'; id: number; sheets: SheetSnapshot[] }
  | {
      kind: 'failed';
      id: number;
      reason: string | null;
      message: string;
      data: Record<string, string | number>;
    };

/** Thrown inside a read whose facts exceed the memory budget (turned into a 'failed' reply with reason 'over-budget'). */
class OverBudget extends Error {
  constructor(readonly estimateMb: number) {
    super(`over-budget: about ${Math.round(estimateMb)} MB`);
  }
}

function failure(id: number, e: unknown): WorkerReply {
  const reason =
    e instanceof OverBudget ? 'over-budget' : ((e as { reason?: string } | null)?.reason ?? null);
  const data =
    e instanceof OverBudget
      ? { estimateMb: Math.round(e.estimateMb) }
      : ((e as { data?: Record<string, string | number> } | null)?.data ?? {});
  return {
    kind: 'failed',
    id,
    reason: typeof reason === 'string' ? reason : null,
    message: e instanceof Error ? e.message : String(e),
    data,
  };
}

/**
 * The report as a message can carry it: a finding formats its message on first read (a getter,
 * which a structured clone drops), so each goes as its own JSON form (the same keys, same order).
 */
export function portable(report: SheetReport): SheetReport {
  const findings = report.findings.map((f) => {
    const json = (f as { toJSON?: () => Finding }).toJSON;
    return typeof json === 'function' ? json.call(f) : f;
  });
  return { ...report, findings };
}

/** Do one request; every reply goes to `post` (a read posts its facts first, then the sheets). */
export async function handleRequest(
  request: WorkerRequest,
  post: (reply: WorkerReply) => void,
): Promise<void> {
  if (request.kind === 'check') {
    try {
      post({
        kind: 'report',
        id: request.id,
        report: portable(analyzeSheet(request.snapshot, request.options)),
      });
    } catch (e) {
      post(failure(request.id, e));
    }
    return;
  }
  try {
    const { readWorkbook } = await import('../../adapters/xlsx/read');
    const result = await readWorkbook(request.bytes, {
      onFacts(facts) {
        post({ kind: 'facts', id: request.id, facts });
        const estimate = estimateReadMb(facts);
        // Stop before ExcelJS builds its cells: in a browser a worker out of memory takes the tab with it.
        if (estimate > request.memoryMb) throw new OverBudget(estimate);
      },
    });
    post({ kind: 'sheets', id: request.id, sheets: result.sheets });
  } catch (e) {
    post(failure(request.id, e));
  }
}
