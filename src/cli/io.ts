import type { Lang, SheetSnapshot } from '../engine/types';

/** What a command needs from the outside world, so commands can be tested without a process. */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  now(): Date;
  /** A short, user-facing reason for a file-system error (no stack). */
  describeError(e: unknown): string;
  /** Optional: create a folder (and its parents); `phancong remind` writes its letters into one. */
  mkdir?(path: string): Promise<void>;
  /** True when two paths name the same file (after resolving; symbolic links followed). */
  samePath?(a: string, b: string): boolean;
  /**
   * Read a workbook's sheets under a time and memory limit (Node: a worker thread). Without it the
   * command reads in-process, with no limit (tests, embedding).
   */
  readWorkbook?(bytes: Uint8Array, lang: Lang): Promise<SheetSnapshot[]>;
  /**
   * Optional: the workbooks (.xlsx, .xlsm) of a folder, paths in name order; null when `path` is
   * not a folder. `phancong check <folder>` checks them in one process.
   */
  listFolder?(path: string): Promise<string[] | null>;
}
