#!/usr/bin/env node
/**
 * The `phancong` command: `phancong check <file.xlsx> …`, `phancong fix <file.xlsx> --out …` and
 * `phancong draft <plan> --out …`.
 * The only file here that touches the process; commands get a CliIO.
 */
import { warmUpEngine, WARM_UP_MIN_BYTES } from './warm-up';
import { promises as fs, realpathSync } from 'fs';
import path from 'path';
import type { CliIO } from './io';
import { runCheck } from './check';
import { VERSION } from './version';
import { t } from '../messages';

export function nodeIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
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
      const { readSheetsGuarded, limitsFromEnv } = await import('./read-guard');
      const read = readSheetsGuarded(bytes, lang, limitsFromEnv(process.env));
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
    if (command === 'check') return await runCheck(rest, io);
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
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runProcess();
