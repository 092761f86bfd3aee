#!/usr/bin/env node
/**
 * The `phancong` command: `phancong check <file.xlsx> …`, `phancong fix <file.xlsx> --out …` and
 * `phancong draft <plan> --out …`.
 * The only file here that touches the process; commands get a CliIO. It loads little itself: for
 * `phancong check <file>` the read worker starts first (startEarlyRead), and the command, the engine
 * and the messages load while it reads.
 */
import { fstatSync, promises as fs, readFileSync, realpathSync, statSync, writeSync } from 'fs';
import path from 'path';
import { isatty } from 'tty';
import type { CliIO } from './io';
import type { Lang, SheetSnapshot } from '../engine/types';
import type * as Messages from '../messages';
import { VERSION } from './version';
import { CHECK_ARGS, parseArgs } from './args';
import { limitsFromEnv, readSheetsGuarded, startGuardedRead, type GuardedRead } from './read-guard';

/** The message catalogue, loaded when first needed (after the read has started). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the early read has started
const t: typeof Messages.t = (...args) => (require('../messages') as typeof Messages).t(...args);

/** The read `phancong check <file>` started before the command was loaded (startEarlyRead). */
let early: { file: string; lang: Lang; bytes: Uint8Array; read: GuardedRead } | null = null;

/**
 * `phancong check <file>` (one file): read the file and start the read worker first thing, before
 * the command, the engine and the messages are loaded (issue 15: the worker starts and reads on
 * the other core meanwhile). The command then asks nodeIO for this file's bytes and their sheets
 * and gets this read: the same bytes, the same read, the same limits. Anything else (another
 * command, several files, a folder, arguments the command will refuse, a file that cannot be read)
 * starts nothing here, and the command reads as it always does.
 */
export function startEarlyRead(argv: string[]): void {
  const [command, ...rest] = argv;
  if (command !== 'check') return;
  let file: string;
  let lang: string;
  let bytes: Uint8Array;
  try {
    const a = parseArgs(rest, CHECK_ARGS);
    if (a.positional.length !== 1) return;
    file = a.positional[0];
    lang = a.options.lang ?? 'vi';
    if ((lang !== 'vi' && lang !== 'en') || !statSync(file).isFile()) return;
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    return;
  }
  const read = startGuardedRead(bytes, lang, limitsFromEnv(process.env));
  // A read the command never asks for is cancelled (runProcess); one it asks for, it awaits itself.
  read.sheets.catch(() => {});
  early = { file, lang, bytes, read };
}

/**
 * What writes the command's output. Into a file or a device (`> report.json`, /dev/null): straight
 * to the file descriptor, each piece encoded into one reused buffer, where process.stdout (a
 * SyncWriteStream) would copy every piece into a new Buffer first (issue 15: about 50 ms of the
 * 84 MB a 50,000-row `check --json` writes). A pipe or a terminal keeps process.stdout: a pipe's
 * descriptor may be non-blocking, so a direct write could fail with EAGAIN, and the stream also
 * ends quietly when the reader closes the pipe (runProcess).
 */
export function stdoutWriter(fd = 1): (s: string) => void {
  let direct = false;
  try {
    const stat = fstatSync(fd);
    direct =
      process.platform !== 'win32' && (stat.isFile() || (stat.isCharacterDevice() && !isatty(fd)));
  } catch {
    // A descriptor that cannot be examined: the stream writes it.
  }
  if (!direct) return (s) => process.stdout.write(s);
  let buffer = Buffer.allocUnsafe(1 << 16);
  return (s) => {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (buffer.length < s.length * 3) buffer = Buffer.allocUnsafe(s.length * 3);
    const length = buffer.write(s, 'utf8');
    // A write may take fewer bytes than it was given: the rest follows.
    for (let done = 0; done < length;) done += writeSync(fd, buffer, done, length - done);
  };
}

export function nodeIO(): CliIO {
  return {
    stdout: stdoutWriter(),
    stderr: (s) => process.stderr.write(s),
    readFile: async (p) => {
      if (early && p === early.file) return early.bytes;
      return new Uint8Array(await fs.readFile(p));
    },
    writeFile: (p, d) => fs.writeFile(p, d),
    now: () => new Date(),
    mkdir: async (p) => {
      await fs.mkdir(p, { recursive: true });
    },
    samePath: (a, b) => resolvedPath(a) === resolvedPath(b),
    listFolder: async (p) => {
      const stat = await fs.stat(p).catch(() => null);
      if (!stat?.isDirectory()) return null;
      const names = (await fs.readdir(p))
        .filter((n) => /\.xls[xm]$/i.test(n) && !n.startsWith('~$'))
        .sort();
      return names.map((n) => path.join(p, n));
    },
    readWorkbook: async (bytes, lang) => {
      let read: Promise<SheetSnapshot[]>;
      if (early && bytes === early.bytes && lang === early.lang) {
        read = early.read.sheets;
        early = null;
      } else {
        read = readSheetsGuarded(bytes, lang, limitsFromEnv(process.env));
      }
      const { warmUpEngine, WARM_UP_MIN_BYTES } = await import('./warm-up');
      // The worker reads on the other core; this thread compiles the engine meanwhile (warm-up.ts).
      if (bytes.length >= WARM_UP_MIN_BYTES && process.env.PHANCONG_WARM_UP !== '0') {
        warmUpEngine(lang);
      }
      return read;
    },
    describeError: (e) => {
      const err = e as NodeJS.ErrnoException;
      if (err?.code === 'ENOENT') return t('vi', 'cli.reason.enoent');
      if (err?.code === 'EACCES' || err?.code === 'EPERM') return t('vi', 'cli.reason.eacces');
      if (err?.code === 'EISDIR') return t('vi', 'cli.reason.eisdir');
      return err?.message ?? String(e);
    },
  };
}

/** A path made absolute, symbolic links followed (for the part that exists), case-folded on Windows. */
function resolvedPath(p: string): string {
  let abs = path.resolve(p);
  try {
    abs = realpathSync.native(abs);
  } catch {
    try {
      abs = path.join(realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      // the folder does not exist either: compare the absolute path as it is
    }
  }
  return process.platform === 'win32' || process.platform === 'darwin' ? abs.toLowerCase() : abs;
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await (await import('./check')).runCheck(rest, io);
    if (command === 'fix') {
      const { runFix } = await import('./fix');
      return await runFix(rest, io);
    }
    if (command === 'draft') {
      const { runDraft } = await import('./draft');
      return await runDraft(rest, io);
    }
    if (command === 'diff') return await (await import('./diff')).runDiff(rest, io);
    if (command === 'merge') return await (await import('./merge')).runMerge(rest, io);
    if (command === 'track') {
      const { runTrack } = await import('./track');
      return await runTrack(rest, io);
    }
    if (command === 'remind') {
      const { runRemind } = await import('./remind');
      return await runRemind(rest, io);
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    io.stdout(`${t('vi', 'cli.usage')}\n`);
    return command === undefined || command === '--help' || command === '-h' || command === 'help'
      ? 0
      : 2;
  } catch (e) {
    // Never a stack trace for the user; the message says what failed.
    io.stderr(
      `${t('vi', 'cli.error.unexpected', { reason: (e as Error)?.message ?? String(e) })}\n`,
    );
    return 2;
  }
}

/**
 * Run as a process: the arguments, the exit code, and a quiet end when the reader of the output
 * stops early (`phancong check … | head` closes the pipe: EPIPE is not an error of ours).
 */
export function runProcess(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
  const argv = process.argv.slice(2);
  startEarlyRead(argv);
  main(argv).then((code) => {
    early?.read.cancel();
    early = null;
    process.exitCode = code;
  });
}

if (require.main === module) runProcess();
