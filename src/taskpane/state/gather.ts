/**
 * The pane's flows for "Gộp báo cáo" and "So sánh với bản trước" (issue 13), host-agnostic: the
 * current sheet is read through the WorkbookHost; a picked .xlsx file is read with ExcelJS in the
 * pane (src/adapters/xlsx/read.ts, loaded on demand so it stays a separate chunk). Business rules
 * live in the engine (compare.ts, gather.ts); components only show what these return.
 */
import type { Lang } from '../../engine/types';
import type { WorkbookHost } from '../../host/types';
import { compareReports, isSameVersion, type Comparison } from '../../engine/compare';
import { buildCompareTable } from '../../engine/compare-table';
import { gather, prepareMaster, type GatherResult, type ReportInput } from '../../engine/gather';
import { pickTableSheet } from '../../engine/pick-sheet';

export interface PickedFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

/** A picked file the flow cannot use: which file, and the catalogue id of why. */
export class PickedFileError extends Error {
  constructor(public readonly file: string, public readonly messageId: string) {
    super(`${messageId}:${file}`);
    this.name = 'PickedFileError';
  }
}

async function readPicked(file: PickedFile, asOf: string, lang: Lang, prefer?: string) {
  const { readWorkbook, WorkbookReadError } = await import(/* webpackChunkName: "xlsx" */ '../../adapters/xlsx/read');
  let wb;
  try {
    wb = await readWorkbook(file.bytes);
  } catch (e) {
    throw new PickedFileError(file.name, `read.error.${e instanceof WorkbookReadError ? e.reason : 'corrupt'}`);
  }
  const picked = pickTableSheet(wb.sheets, { asOf, lang }, undefined, prefer);
  if (!picked.ok) throw new PickedFileError(file.name, 'merge.error.notAppendix');
  return picked;
}

export interface CompareOutcome {
  comparison: Comparison;
  same: boolean;
  /** Each entry's cell on the current sheet (for the click-to-cell list), by kind. */
  sheet: string;
}

/** Compare the current sheet (newer) with a picked older file; optionally write the PC So sánh sheet. */
export async function compareWithOlder(
  host: WorkbookHost,
  sheet: string,
  older: PickedFile,
  o: { asOf: string; lang: Lang; writeSheet?: boolean },
): Promise<CompareOutcome & { written: string | null }> {
  const current = await host.readSheet(sheet);
  const newer = pickTableSheet([current.snapshot], { asOf: o.asOf, lang: o.lang });
  if (!newer.ok) throw new PickedFileError(sheet, 'diff.error.noTable');
  const old = await readPicked(older, o.asOf, o.lang, sheet);
  const comparison = compareReports(old.report, newer.report);
  let written: string | null = null;
  if (o.writeSheet && host.writeComparison) {
    const cols = newer.report.columnIndexes;
    const origin = current.snapshot.origin ?? { row: 0, col: 0 };
    const col = (c: number | undefined) => (c === undefined ? undefined : origin.col + c + 1);
    const table = buildCompareTable(comparison, o.lang, sheet, col(cols.tt) ?? 1, {
      task: col(cols.task),
      leader: col(cols.leader),
      lead: col(cols.lead),
      support: col(cols.support),
      deadline: col(cols.deadline),
      status: col(cols.status),
    });
    written = (await host.writeComparison(table)).sheet;
  }
  return { comparison, same: isSameVersion(comparison), sheet, written };
}

/** Gather picked reports into the current sheet (the master): the plan, not yet written. */
export async function planGather(host: WorkbookHost, sheet: string, files: PickedFile[], o: { asOf: string; lang: Lang }): Promise<GatherResult> {
  const current = await host.readSheet(sheet);
  const master = pickTableSheet([current.snapshot], { asOf: o.asOf, lang: o.lang });
  if (!master.ok) throw new PickedFileError(sheet, 'merge.error.masterNotAppendix');
  const inputs: ReportInput[] = [];
  for (const f of files) {
    const r = await readPicked(f, o.asOf, o.lang);
    inputs.push({ file: f.name, snapshot: r.snapshot, report: r.report });
  }
  const prepared = prepareMaster(current.snapshot, { asOf: o.asOf, lang: o.lang });
  return { ...gather(prepared, inputs), addedColumns: prepared.added };
}

/** Apply a planned gathering through the host (it refuses when the sheet changed since). */
export async function applyGatherPlan(host: WorkbookHost, result: GatherResult, lang: Lang): Promise<{ logSheet: string }> {
  if (!host.applyGather) throw new Error('applyGather unsupported');
  return host.applyGather(result, lang);
}
