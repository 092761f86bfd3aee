/**
 * The standalone page's session flows (src/standalone/session.ts), outside the component, in Node:
 * opening a file gives it a controller that loads its sheets; a file that cannot be read gives the
 * read's own message (as `phancong check`) and keeps the open session; opening another file ends
 * the previous session's runner and mounts a new one.
 */
import fs from 'fs';
import path from 'path';
import { createSessionStore } from '../../src/standalone/session';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample', 'phu-luc-mau.xlsx');
const bytes = () => {
  const b = fs.readFileSync(SAMPLE);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const clock = { today: () => '2026-05-01' };

describe('standalone session', () => {
  test('open: a session with its controller; the notices track the open', async () => {
    const store = createSessionStore({ clock, lang: 'en' });
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.getState().opening));
    await store.open('phu-luc-mau.xlsx', async () => bytes());
    const { session, opening, error } = store.getState();
    expect(error).toBeNull();
    expect(opening).toBeNull();
    expect(seen[0]).toBe('phu-luc-mau.xlsx');
    expect(session?.seq).toBe(1);
    expect(session?.host.preview().fileName).toBe('phu-luc-mau.xlsx');
    expect(session?.controller.getState().lang).toBe('en');
    expect(session?.controller.getState().asOf).toBe('2026-05-01');
    await session!.controller.loadSheets();
    expect(session!.controller.getState().sheets.map((s) => s.name)).toContain('Phụ lục 02');
  });

  test('a file that is not a workbook: the read’s message names the file; the open session stays', async () => {
    const store = createSessionStore({ clock });
    await store.open('phu-luc-mau.xlsx', async () => bytes());
    const first = store.getState().session;
    await store.open(
      'ghi-chu.xlsx',
      async () => new TextEncoder().encode('not a workbook').buffer as ArrayBuffer,
    );
    expect(store.getState().error?.id).toMatch(/^read\.error\./);
    expect(store.getState().error?.data?.file).toBe('ghi-chu.xlsx');
    expect(store.getState().session).toBe(first);
  });

  test('a load that fails with its own notice (the sample); re-open replaces the session and ends its runner', async () => {
    const store = createSessionStore({ clock });
    await store.open('x.xlsx', () => Promise.reject(new Error('HTTP 404')), {
      id: 'standalone.error.sample',
    });
    expect(store.getState().error).toEqual({ id: 'standalone.error.sample' });
    expect(store.getState().session).toBeNull();
    await store.open('a.xlsx', async () => bytes());
    const first = store.getState().session!;
    const dispose = jest.spyOn(first.runner, 'dispose');
    await store.open('b.xlsx', async () => bytes());
    expect(store.getState().error).toBeNull();
    expect(dispose).toHaveBeenCalled();
    expect(store.getState().session?.seq).toBe(2);
    expect(store.getState().session?.host.preview().fileName).toBe('b.xlsx');
  });
});
