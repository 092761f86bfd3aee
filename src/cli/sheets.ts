/** Read a workbook and pick the sheet holding the assignment table (shared by diff and merge). */
import type ExcelJS from 'exceljs';
import type { Lang, SheetReport, SheetSnapshot } from '../engine/types';
import type { CliIO } from './io';
import type { WorkbookSnapshot } from '../adapters/xlsx/read';
import { t } from '../messages';

/** The input cannot be used: `message` says why, in the user's language. */
export class SheetPickError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    Object.setPrototypeOf(this, SheetPickError.prototype);
  }
}

export interface PickedSheet {
  report: SheetReport;
  snapshot: SheetSnapshot;
  workbook: ExcelJS.Workbook;
  /** The file's bytes: a copy is written by adding to this package (graft.ts). */
  bytes: Uint8Array;
}

/**
 * Read a workbook the command was given (its bytes kept for writing a copy).
 * @throws SheetPickError ('open', 'read-<reason>') with the message to print.
 */
export async function openWorkbook(
  io: CliIO,
  file: string,
  lang: Lang,
): Promise<WorkbookSnapshot & { bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    throw new SheetPickError(
      'open',
      t(lang, 'cli.error.open', { file, reason: io.describeError(e) }),
    );
  }
  const { readWorkbook, WorkbookReadError } = await import('../adapters/xlsx/read');
  try {
    return { ...(await readWorkbook(bytes)), bytes };
  } catch (e) {
    const reason = e instanceof WorkbookReadError ? e.reason : 'corrupt';
    throw new SheetPickError(`read-${reason}`, t(lang, `read.error.${reason}`, { file }));
  }
}

/**
 * The report of sheet `sheet`, or of the first sheet (not an own sheet) that holds a task table.
 * @throws SheetPickError when the file cannot be read, has no such sheet, or no table.
 */
export async function readSheetReport(
  io: CliIO,
  file: string,
  o: { sheet?: string; asOf: string; lang: Lang; noTableMessage?: string },
): Promise<PickedSheet> {
  const lang = o.lang;
  const wb = await openWorkbook(io, file, lang);
  const { pickTableSheet } = await import('../engine/pick-sheet');
  const picked = pickTableSheet(wb.sheets, { asOf: o.asOf, lang }, o.sheet);
  if (picked.ok)
    return {
      report: picked.report,
      snapshot: picked.snapshot,
      workbook: wb.workbook,
      bytes: wb.bytes,
    };
  if (picked.reason === 'no-sheet') {
    throw new SheetPickError(
      'no-sheet',
      t(lang, 'diff.error.noSheet', {
        file,
        sheet: o.sheet!,
        sheets: wb.sheets.map((s) => s.name).join(', '),
      }),
    );
  }
  throw new SheetPickError('no-table', o.noTableMessage ?? t(lang, 'diff.error.noTable', { file }));
}
