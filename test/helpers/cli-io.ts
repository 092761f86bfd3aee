/** A CliIO that records output and keeps files in memory (reads fall back to the real disk). */
import { readFileSync } from 'fs';
import type { CliIO } from '../../src/cli/io';

export interface RecordingIO extends CliIO {
  out: string;
  err: string;
  files: Map<string, Uint8Array>;
}

export function recordingIO(now = new Date('2026-11-22T08:00:00')): RecordingIO {
  const io: RecordingIO = {
    out: '',
    err: '',
    files: new Map(),
    stdout: (s) => {
      io.out += s;
    },
    stderr: (s) => {
      io.err += s;
    },
    readFile: async (p) => io.files.get(p) ?? new Uint8Array(readFileSync(p)),
    writeFile: async (p, d) => {
      io.files.set(p, d);
    },
    now: () => now,
    describeError: (e) =>
      (e as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'không tìm thấy tệp' : String(e),
  };
  return io;
}
