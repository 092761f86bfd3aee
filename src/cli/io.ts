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
}
