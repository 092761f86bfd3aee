/**
 * `phancong check <file>` starts its read before the command is loaded (main.ts startEarlyRead):
 * the command then gets that read, with the same output as a read started by the command itself;
 * arguments it cannot use start nothing.
 */
import { join } from 'path';
import { main, nodeIO, startEarlyRead } from '../../src/cli/main';
import * as readGuard from '../../src/cli/read-guard';

const FILE = join(__dirname, '..', 'fixtures', 'xlsx', '002-bold.xlsx');

function recordingNodeIO() {
  const io = { ...nodeIO(), out: '', err: '' };
  io.stdout = (s: string) => {
    io.out += s;
  };
  io.stderr = (s: string) => {
    io.err += s;
  };
  return io;
}

jest.setTimeout(60_000);

test('the command gets the early read: one worker, the same bytes printed', async () => {
  const args = ['check', FILE, '--as-of', '2026-11-22', '--json', '--lang', 'en'];
  const plain = recordingNodeIO();
  const plainCode = await main(args, plain);

  const started = jest.spyOn(readGuard, 'startGuardedRead');
  const guarded = jest.spyOn(readGuard, 'readSheetsGuarded');
  startEarlyRead(args);
  expect(started).toHaveBeenCalledTimes(1);
  const early = recordingNodeIO();
  const earlyCode = await main(args, early);
  expect(guarded).not.toHaveBeenCalled(); // the command did not start a second read
  expect(early.out).toBe(plain.out);
  expect(early.err).toBe(plain.err);
  expect(earlyCode).toBe(plainCode);
  started.mockRestore();
  guarded.mockRestore();
});

test('no early read for other commands, several files, a folder, a missing file or refused options', () => {
  const started = jest.spyOn(readGuard, 'startGuardedRead');
  startEarlyRead(['fix', FILE, '--out', 'x.xlsx']);
  startEarlyRead(['check', FILE, FILE]);
  startEarlyRead(['check', join(__dirname, '..', 'fixtures', 'xlsx')]);
  startEarlyRead(['check', join(__dirname, 'no-such-file.xlsx')]);
  startEarlyRead(['check', FILE, '--lang', 'fr']);
  startEarlyRead(['check', FILE, '--no-such-option']);
  startEarlyRead(['check', FILE, '--sheet']);
  expect(started).not.toHaveBeenCalled();
  started.mockRestore();
});
