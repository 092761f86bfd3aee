/**
 * The command's way to open a package for the fast read (fast-read.ts): the zip's central
 * directory read here, each part inflated by Node's zlib when asked for (issue 15: JSZip's pure
 * JavaScript inflate and its module load were a tenth of the read). Node only; the browser keeps
 * JSZip (fast-read.ts's default). A part's text is what JSZip gives (UTF-8 decoded as it decodes,
 * with Node's Buffer; a part that is not plain UTF-8 is left to JSZip). Anything this reader does not expect (ZIP64, several disks, encryption, a
 * method other than stored or deflate, duplicate names, sizes or headers that do not agree) throws:
 * the fast read then declines, and ExcelJS's read (JSZip) reads the file or says what is wrong.
 */
import { inflateRawSync } from 'zlib';
import type { PackageParts } from '../adapters/xlsx/fast-read';

class ZipFormatError extends Error {}

/** The largest output buffer reserved up front for one part (256 MiB). */
const MAX_CHUNK = 1 << 28;

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/** Offset of the end-of-central-directory record (its comment may be up to 65,535 bytes). */
function endRecord(b: Uint8Array): number {
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  throw new ZipFormatError('no end of central directory');
}

function centralDirectory(b: Uint8Array): Map<string, Entry> {
  const end = endRecord(b);
  const disk = u16(b, end + 4);
  const cdDisk = u16(b, end + 6);
  const count = u16(b, end + 10);
  const cdSize = u32(b, end + 12);
  const cdOffset = u32(b, end + 16);
  if (disk !== 0 || cdDisk !== 0 || count === 0xffff || cdOffset === 0xffffffff)
    throw new ZipFormatError('ZIP64 or several disks');
  if (cdOffset + cdSize > end) throw new ZipFormatError('central directory out of range');
  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || u32(b, p) !== 0x02014b50) throw new ZipFormatError('bad directory entry');
    const flags = u16(b, p + 8);
    const nameLength = u16(b, p + 28);
    const entry: Entry = {
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localOffset: u32(b, p + 42),
    };
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new ZipFormatError('encrypted');
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff)
      throw new ZipFormatError('ZIP64');
    if (entries.has(name)) throw new ZipFormatError('duplicate name');
    entries.set(name, entry);
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

function inflate(b: Uint8Array, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw new ZipFormatError('bad local header');
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const data = b.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipFormatError('truncated part');
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  // One output buffer of the part's declared size and a byte (so that the end of the stream is seen
  // without a second chunk): no chunks to join afterwards (joining them was a tenth of a large
  // sheet's inflate). At most 256 MiB is reserved up front, whatever size the directory claims
  // (past that zlib adds chunks as before); an output longer than declared stops the inflate.
  else if (entry.method === 8)
    out = inflateRawSync(data, {
      chunkSize: Math.max(64, Math.min(entry.size + 1, MAX_CHUNK)),
      maxOutputLength: entry.size + 1,
    });
  else throw new ZipFormatError('compression method');
  if (out.length !== entry.size) throw new ZipFormatError('size mismatch');
  return out;
}

/** Open a package's zip (throws for one this reader does not take). */
export async function openZipParts(bytes: Uint8Array): Promise<PackageParts> {
  const entries = centralDirectory(bytes);
  return {
    text: async (path) => {
      const entry = entries.get(path);
      if (!entry) return null;
      const data = inflate(bytes, entry);
      const text = Buffer.from(data.buffer, data.byteOffset, data.length).toString('utf8');
      // Bytes that are not UTF-8: JSZip decodes them chunk by chunk, perhaps not the same way.
      if (text.includes('\ufffd')) throw new ZipFormatError('not plain UTF-8');
      return text;
    },
  };
}
