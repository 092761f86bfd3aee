/**
 * What the pane's worker (worker.ts) is asked and answers, and the work itself, as a plain function
 * of one request: jest calls handleRequest directly (through structuredClone, as postMessage
 * copies), the worker calls it for every message. No DOM, no Office.js: the engine and, for the
 * standalone page, the .xlsx reader (loaded on first use, so the Office pane's worker never
 * parses ExcelJS).
 */
import { analyzeSheet } from '../../engine/analyze';
import { MessageContext, ReportedFinding } from '../../engine/finding';
import type { AnalyzeOptions, Finding, Lang, SheetReport, SheetSnapshot } from '../../engine/types';
import { WARM_UP_AS_OF, warmUpSheet, warmUpSlices } from '../../engine/warm-up-sheet';
import { fingerprintSnapshot } from '../../engine/workbook/fingerprint';
import type { PackageFacts } from '../../adapters/xlsx/package';
import { counters, type Counters } from '../state/selectors';

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

/**
 * A check names its sheet either in full (`snapshot`) or by the key of a sheet the worker holds
 * (`held`): the sheets of the last read, or the last snapshot sent in parts.
 */
export type WorkerRequest =
  | {
      kind: 'check';
      id: number;
      snapshot?: SheetSnapshot;
      held?: string;
      options: AnalyzeOptions;
      /** Send the report in parts (report-head, report-part…, report-end) instead of one message. */
      parts?: boolean;
    }
  | {
      kind: 'read';
      id: number;
      bytes: Uint8Array;
      memoryMb: number;
      /** Keep the sheets read, under `${hold}${index}`, for later checks (they replace the previous read's). */
      hold?: string;
    }
  /**
   * A snapshot sent in slices of rows, kept under `key` (replacing the previous one sent): the
   * first part holds every field with its first rows, each next part more rows.
   */
  | { kind: 'sheet-part'; key: string; first: boolean; part: SheetSnapshot }
  /** Check made-up appendices in small chunks while nothing else runs (warmUpBudget). */
  | { kind: 'warm'; lang: Lang };

export type WorkerReply =
  | { kind: 'report'; id: number; report: SheetReport }
  /**
   * The report without the items of its long lists (reportLists), which follow in report-part
   * messages; with the pane's counters of the whole report, which the page shows at once.
   */
  | { kind: 'report-head'; id: number; report: SheetReport; counters: Counters }
  | { kind: 'report-part'; id: number; path: ListPath; items: unknown[] }
  | { kind: 'report-end'; id: number }
  | { kind: 'facts'; id: number; facts: PackageFacts }
  /** The sheets read, with each one's fingerprint (hashed here, not on the page's thread). */
  | { kind: 'sheets'; id: number; sheets: SheetSnapshot[]; fingerprints: string[] }
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
 * A finding as it crosses to the page: its own fields, without `message`. The engine's findings
 * format their message on first read (finding.ts: a getter, which a structured clone leaves out),
 * and the page reads few of them: formatting all of them in the worker was a tenth of a large
 * check's time there and more than half of what crossed. The page makes each one a finding of the
 * engine's class again (ReportedFinding.revive), whose message is then formatted on first read, in the check's
 * language, the same text.
 */
export type WireFinding = Omit<Finding, 'message'>;

/** The context the findings of a check of `sheet` in `lang` format their messages with. */
export function messageContext(lang: Lang | undefined, sheet: string): MessageContext {
  return new MessageContext(lang ?? 'vi', sheet);
}

/** A report received whole from the worker, its findings the engine's again (ReportedFinding.revive). */
export function liveReport(report: SheetReport, lang: Lang | undefined): SheetReport {
  const context = messageContext(lang, report.name);
  return { ...report, findings: report.findings.map((f) => ReportedFinding.revive(f, context)) };
}

// ------------------------------------------------------------------ the report in parts

/**
 * Where a long list of the report is: a top-level list, or one reminder's tasks. A structured
 * clone of a 50,000-row report takes over a second on the receiving thread in one go; in parts of
 * a few thousand items each message is a short task of its own.
 */
export type ListPath =
  { list: 'sections' | 'tasks' | 'rows' | 'findings' } | { list: 'reminder'; index: number };

/** Items per part: each part's copy takes a few tens of milliseconds at most. */
const PART_ITEMS: Record<ListPath['list'], number> = {
  sections: 2000,
  tasks: 1000,
  rows: 5000,
  findings: 1000,
  reminder: 1000,
};

/** The report's long lists, each with where it goes. */
function reportLists(report: SheetReport): { path: ListPath; items: readonly unknown[] }[] {
  const out: { path: ListPath; items: readonly unknown[] }[] = [];
  for (const list of ['sections', 'tasks', 'rows', 'findings'] as const)
    out.push({ path: { list }, items: report[list] });
  (report.summary.reminders ?? []).forEach((r, index) =>
    out.push({ path: { list: 'reminder', index }, items: r.tasks }),
  );
  return out;
}

/** The list of `report` a path names. */
function listAt(report: SheetReport, path: ListPath): unknown[] {
  return path.list === 'reminder' ? report.summary.reminders![path.index].tasks : report[path.list];
}

/**
 * The report as messages: its head (every field, the long lists empty), then the lists' items in
 * parts, in order. assembleReport puts them back together.
 */
export function reportParts(
  id: number,
  report: SheetReport,
): Extract<WorkerReply, { kind: 'report-head' | 'report-part' | 'report-end' }>[] {
  const head: SheetReport = {
    ...report,
    sections: [],
    tasks: [],
    rows: [],
    findings: [],
    summary: {
      ...report.summary,
      ...(report.summary.reminders
        ? { reminders: report.summary.reminders.map((r) => ({ ...r, tasks: [] })) }
        : {}),
    },
  };
  const out: Extract<WorkerReply, { kind: 'report-head' | 'report-part' | 'report-end' }>[] = [
    { kind: 'report-head', id, report: head, counters: counters(report) },
  ];
  for (const { path, items } of reportLists(report)) {
    const size = PART_ITEMS[path.list];
    for (let i = 0; i < items.length; i += size)
      out.push({ kind: 'report-part', id, path, items: items.slice(i, i + size) });
  }
  out.push({ kind: 'report-end', id });
  return out;
}

/**
 * Puts a report sent in parts back together (report-head first, then its parts in order), its
 * findings the engine's again in the language the check was asked in (ReportedFinding.revive).
 */
export class ReportAssembly {
  private report: SheetReport | null = null;
  private context: MessageContext | null = null;
  constructor(private readonly lang?: Lang) {}
  /** Add one message; the whole report once report-end arrives, else null. */
  add(reply: WorkerReply): SheetReport | null {
    if (reply.kind === 'report-head') {
      this.report = reply.report;
      this.context = messageContext(this.lang, reply.report.name);
    } else if (reply.kind === 'report-part' && this.report) {
      const list = listAt(this.report, reply.path);
      if (reply.path.list === 'findings')
        for (const item of reply.items)
          list.push(ReportedFinding.revive(item as WireFinding, this.context!));
      else for (const item of reply.items) list.push(item);
    } else if (reply.kind === 'report-end') return this.report;
    return null;
  }
}

// ------------------------------------------------------------------ a snapshot in parts

/** Rows per part of a snapshot sent to the worker (its copy on the sending thread stays short). */
export const SHEET_PART_ROWS = 2000;

/** The snapshot as sheet-part messages of at most `rows` rows each (the first with every field). */
export function sheetParts(
  key: string,
  snapshot: SheetSnapshot,
  rows = SHEET_PART_ROWS,
): Extract<WorkerRequest, { kind: 'sheet-part' }>[] {
  const out: Extract<WorkerRequest, { kind: 'sheet-part' }>[] = [];
  const total = snapshot.values.length;
  for (let from = 0; from === 0 || from < total; from += rows) {
    const to = from + rows;
    const part: SheetSnapshot =
      from === 0 ? { ...snapshot, values: [] } : { name: snapshot.name, values: [] };
    part.values = snapshot.values.slice(from, to);
    if (snapshot.bold) part.bold = snapshot.bold.slice(from, to);
    if (snapshot.numberFormats) part.numberFormats = snapshot.numberFormats.slice(from, to);
    out.push({ kind: 'sheet-part', key, first: from === 0, part });
  }
  return out;
}

function addSheetPart(into: SheetSnapshot, part: SheetSnapshot): void {
  for (const row of part.values) into.values.push(row);
  if (part.bold) for (const row of part.bold) into.bold?.push(row);
  if (part.numberFormats) for (const row of part.numberFormats) into.numberFormats?.push(row);
}

// ------------------------------------------------------------------ the warm-up

/** The warm-up: chunks of made-up rows, each a short task, up to a count and a time budget. */
export interface WarmUpBudget {
  rowsPerChunk: number;
  chunks: number;
  budgetMs: number;
  /** Told after each chunk how many of its kind are done, and of which kind (tests). */
  onChunk?: (done: number, kind: 'made-up' | 'sheet') => void;
}

/**
 * About 12,000 rows, in chunks of a few milliseconds once compiled (the first, cold, about a
 * hundred): enough for V8 to optimise the engine's hot code, so that the first real check runs at
 * the speed of later ones. A real request waits at most for the chunk running when it arrives.
 * The budget holds twice: for the made-up appendix from the worker's start, then again for slices
 * of the largest sheet of each read (warmUpSlices), whose layout and agencies the check will meet.
 */
export const WARM_UP_BUDGET: WarmUpBudget = { rowsPerChunk: 200, chunks: 60, budgetMs: 1500 };

/** Let queued messages run before the next chunk (a MessageChannel: no timer clamping). */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined')
    return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// ------------------------------------------------------------------ the handler

/** The worker's requests: one handler per worker, holding the sheets it was given. */
export type RequestHandler = (
  request: WorkerRequest,
  post: (reply: WorkerReply) => void,
) => Promise<void>;

/**
 * A handler with its own memory (one per worker): the sheets of its last read and the last
 * snapshot sent in parts, and how much of the warm-up is done.
 */
export function createHandler(budget: WarmUpBudget = WARM_UP_BUDGET): RequestHandler {
  let readSheets = new Map<string, SheetSnapshot>();
  let sent: { key: string; snapshot: SheetSnapshot } | null = null;
  /** Real requests running (a read awaits): the warm-up waits for none. */
  let active = 0;
  /** Bumps with every real request: a warm-up loop started before it stops. */
  let generation = 0;
  const warm = { chunks: 0, ms: 0 };
  /** The slices of the last read's largest sheet, and how many of them were checked. */
  let slices: { next: (n: number) => SheetSnapshot | null; chunks: number; ms: number } | null =
    null;

  /** The next sheet to warm up on: a slice of the sheet read while there are some, else made-up rows. */
  function nextWarmUpSheet(): {
    sheet: SheetSnapshot;
    spent: { chunks: number; ms: number };
  } | null {
    if (slices && slices.chunks < budget.chunks && slices.ms < budget.budgetMs) {
      const sheet = slices.next(slices.chunks);
      if (sheet) return { sheet, spent: slices };
      slices = null;
    }
    if (warm.chunks < budget.chunks && warm.ms < budget.budgetMs) {
      // Every other chunk with the defects a real sheet has.
      const first = 1 + warm.chunks * budget.rowsPerChunk;
      return {
        sheet: warmUpSheet(budget.rowsPerChunk, first, warm.chunks % 2 === 1),
        spent: warm,
      };
    }
    return null;
  }

  async function warmUp(lang: Lang): Promise<void> {
    const mine = generation;
    for (;;) {
      await nextTask();
      if (active > 0 || generation !== mine) return;
      const next = nextWarmUpSheet();
      if (!next) return;
      const started = performance.now();
      // The report is thrown away.
      analyzeSheet(next.sheet, { asOf: WARM_UP_AS_OF, lang });
      next.spent.ms += performance.now() - started;
      next.spent.chunks++;
      budget.onChunk?.(next.spent.chunks, next.spent === warm ? 'made-up' : 'sheet');
    }
  }

  function heldSheet(key: string): SheetSnapshot | null {
    return readSheets.get(key) ?? (sent?.key === key ? sent.snapshot : null);
  }

  return async (request, post) => {
    if (request.kind === 'warm') return warmUp(request.lang);
    if (request.kind === 'sheet-part') {
      if (request.first) sent = { key: request.key, snapshot: request.part };
      else if (sent?.key === request.key) addSheetPart(sent.snapshot, request.part);
      return;
    }
    generation++;
    active++;
    try {
      if (request.kind === 'check') {
        const snapshot = request.snapshot ?? heldSheet(request.held ?? '');
        try {
          if (!snapshot) throw new Error(`not-held:${request.held}`);
          // The findings cross without their messages (WireFinding): the page formats those it reads.
          const report = analyzeSheet(snapshot, request.options);
          if (request.parts) for (const reply of reportParts(request.id, report)) post(reply);
          else post({ kind: 'report', id: request.id, report });
        } catch (e) {
          post(failure(request.id, e));
        }
        return;
      }
      const sheets = await read(request, post);
      if (sheets && request.hold !== undefined) {
        readSheets = new Map(sheets.map((s, i) => [`${request.hold}${i}`, s]));
        // The next warm-up goes through the largest sheet read (the one a check takes longest on).
        const largest = sheets.reduce<SheetSnapshot | null>(
          (a, b) => (a && a.values.length >= b.values.length ? a : b),
          null,
        );
        slices = largest
          ? { next: warmUpSlices(largest, budget.rowsPerChunk), chunks: 0, ms: 0 }
          : null;
      }
    } finally {
      active--;
    }
  };
}

/** Read a workbook's sheets (posting its facts, then the sheets), or post its failure. */
async function read(
  request: Extract<WorkerRequest, { kind: 'read' }>,
  post: (reply: WorkerReply) => void,
): Promise<SheetSnapshot[] | null> {
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
    post({
      kind: 'sheets',
      id: request.id,
      sheets: result.sheets,
      fingerprints: result.sheets.map((sheet) => fingerprintSnapshot(sheet)),
    });
    return result.sheets;
  } catch (e) {
    post(failure(request.id, e));
    return null;
  }
}

/** Do one request with a handler of its own (nothing held from before): the direct runner's way. */
export function handleRequest(
  request: WorkerRequest,
  post: (reply: WorkerReply) => void,
): Promise<void> {
  return createHandler()(request, post);
}
