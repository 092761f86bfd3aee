/** The read error on its own (no ExcelJS): the command's main thread names it without loading the reader. */
/**
 * Why a workbook cannot be read: 'corrupt' is a damaged package (the zip or its XML is broken);
 * 'unreadable' is a valid package that the reader still cannot read (Excel can open it: the user
 * saves a copy); 'too-heavy' is a read stopped by its time or memory limit (see guard.ts).
 */
export type WorkbookReadErrorReason =
  'not-xlsx' | 'legacy' | 'encrypted' | 'corrupt' | 'unreadable' | 'too-heavy';

/** The bytes cannot be read as an .xlsx workbook. `reason` says why, for the user's message. */
export class WorkbookReadError extends Error {
  readonly reason: WorkbookReadErrorReason;
  readonly cause?: unknown;
  /** For 'too-heavy': what the package holds that made it heavy (message data). */
  readonly data: Record<string, string | number>;

  constructor(
    reason: WorkbookReadErrorReason,
    message: string,
    cause?: unknown,
    data: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'WorkbookReadError';
    this.reason = reason;
    this.cause = cause;
    this.data = data;
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, WorkbookReadError.prototype);
  }
}
