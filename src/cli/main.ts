#!/usr/bin/env node
/**
 * The `phancong` command: `phancong check <file.xlsx> …` and `phancong draft <plan> --out …`.
 * The only file here that touches the process; commands get a CliIO.
 */
import { promises as fs } from 'fs';
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
    describeError: (e) => {
      const err = e as NodeJS.ErrnoException;
      if (err?.code === 'ENOENT') return t('vi', 'cli.reason.enoent');
      if (err?.code === 'EACCES' || err?.code === 'EPERM') return t('vi', 'cli.reason.eacces');
      if (err?.code === 'EISDIR') return t('vi', 'cli.reason.eisdir');
      return err?.message ?? String(e);
    },
  };
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await runCheck(rest, io);
    if (command === 'draft') {
      const { runDraft } = await import('./draft');
      return await runDraft(rest, io);
    }
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
    return command === undefined || command === '--help' || command === '-h' || command === 'help' ? 0 : 2;
  } catch (e) {
    // Never a stack trace for the user; the message says what failed.
    io.stderr(`${t('vi', 'cli.error.unexpected', { reason: (e as Error)?.message ?? String(e) })}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
