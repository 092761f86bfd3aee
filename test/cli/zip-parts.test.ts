/**
 * The command opens packages with Node's zlib (src/cli/zip-parts.ts) instead of JSZip: every part's
 * text is JSZip's, the fast read gives the same snapshots with either, and a zip it does not take
 * makes it throw (the fast read then declines, and ExcelJS reads the file).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { openZipParts } from '../../src/cli/zip-parts';
import { fastReadSheets } from '../../src/adapters/xlsx/fast-read';

const FIXTURES = join(__dirname, '..', 'fixtures');
const corpus = ['xlsx', 'real', 'hostile'].flatMap((d) =>
  readdirSync(join(FIXTURES, d))
    .filter((f) => /\.xls[xm]$/.test(f))
    .map((f) => join(FIXTURES, d, f)),
);

async function jszipOrNull(bytes: Uint8Array): Promise<JSZip | null> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
}

describe('every part as JSZip gives it, and the same snapshots', () => {
  jest.setTimeout(120_000);
  const opened: string[] = [];
  afterAll(() => {
    // The ordinary packages are opened here, not left to JSZip.
    expect(opened).toEqual(
      expect.arrayContaining(['002-bold.xlsx', 'libreoffice.xlsx', 'exceljs-plain.xlsx']),
    );
  });

  test.each(corpus.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s', async (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const zip = await jszipOrNull(bytes);
    let parts: Awaited<ReturnType<typeof openZipParts>> | null = null;
    try {
      parts = await openZipParts(bytes);
    } catch {
      // not taken: the fast read declines (below)
    }
    if (parts) {
      expect(zip).not.toBeNull(); // never a zip JSZip refuses
      opened.push(file.replace(/.*\//, ''));
      for (const name of Object.keys(zip!.files)) {
        if (zip!.files[name].dir) continue;
        let mine: string | null | Error;
        try {
          mine = await parts.text(name);
        } catch (e) {
          mine = e as Error;
        }
        if (mine instanceof Error) continue; // a part it leaves to JSZip
        expect(mine).toBe(await zip!.file(name)!.async('string'));
      }
      expect(await parts.text('no/such/part.xml')).toBeNull();
    }
    const viaZlib = await fastReadSheets(bytes, openZipParts);
    const viaJSZip = await fastReadSheets(bytes);
    if (viaZlib !== null) expect(viaZlib).toStrictEqual(viaJSZip);
    else if (parts) expect(viaJSZip).toBeNull();
  });
});

test('stored (uncompressed) parts and a long zip comment are read too', async () => {
  const zip = new JSZip();
  zip.file('a.xml', '<a>Sở Tài chính &amp; "x"</a>');
  zip.file('dir/b.xml', 'b'.repeat(5000));
  for (const compression of ['STORE', 'DEFLATE'] as const) {
    const bytes = await zip.generateAsync({
      type: 'uint8array',
      compression,
      comment: 'c'.repeat(3000),
    });
    const parts = await openZipParts(bytes);
    expect(await parts.text('a.xml')).toBe('<a>Sở Tài chính &amp; "x"</a>');
    expect(await parts.text('dir/b.xml')).toBe('b'.repeat(5000));
  }
});

test('throws for what it does not take: not a zip, truncated, encrypted flag, odd method, bad UTF-8', async () => {
  const zip = new JSZip();
  zip.file('a.xml', '<a>nội dung</a>'.repeat(50));
  const good = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  await expect(openZipParts(new TextEncoder().encode('PK not really a zip'))).rejects.toThrow();
  await expect(openZipParts(good.subarray(0, good.length - 30))).rejects.toThrow();
  // The first entry's flags and method, in its central directory record.
  const cd = good.findIndex(
    (_b, i) => good[i] === 0x50 && good[i + 1] === 0x4b && good[i + 2] === 1 && good[i + 3] === 2,
  );
  const encrypted = good.slice();
  encrypted[cd + 8] |= 1;
  await expect(openZipParts(encrypted)).rejects.toThrow();
  const method = good.slice();
  method[cd + 10] = 12; // bzip2
  await expect((await openZipParts(method)).text('a.xml')).rejects.toThrow();
  const latin1 = new JSZip();
  latin1.file('a.xml', new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]));
  const badUtf8 = await latin1.generateAsync({ type: 'uint8array' });
  await expect((await openZipParts(badUtf8)).text('a.xml')).rejects.toThrow();
});

test('a part whose inflated size is not the one its directory entry declares is refused, either way', async () => {
  const text = '<a>nội dung</a>'.repeat(400);
  const zip = new JSZip();
  zip.file('a.xml', text);
  const good = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  expect(await (await openZipParts(good)).text('a.xml')).toBe(text);
  const cd = good.findIndex(
    (_b, i) => good[i] === 0x50 && good[i + 1] === 0x4b && good[i + 2] === 1 && good[i + 3] === 2,
  );
  const size = new DataView(good.buffer, good.byteOffset).getUint32(cd + 24, true);
  expect(size).toBe(Buffer.byteLength(text));
  for (const declared of [size - 1, Math.floor(size / 2), size + 1, size * 4]) {
    const bytes = good.slice();
    new DataView(bytes.buffer).setUint32(cd + 24, declared, true);
    // Longer than declared stops the inflate; shorter fails the size check.
    await expect((await openZipParts(bytes)).text('a.xml')).rejects.toThrow();
  }
});
