/**
 * The command's fast read (issue 15): the snapshot sheetSnapshot() makes from an ExcelJS workbook,
 * made straight from the package's XML (JSZip, ExcelJS's own zip library, unless the caller
 * opens the package itself: the command does, with Node's zlib, src/cli/zip-parts.ts) without building
 * ExcelJS's workbook model, which is most of the cost of a check. Used by `phancong check` when
 * no copy is written; the result must equal read.ts's, value for value, and a test holds the two
 * equal on every fixture (test/adapters/fast-read.test.ts).
 *
 * It follows ExcelJS 4.4.0's own rules (cell types, styles: the cell's own xf, none for s="0",
 * row then column style for cells it creates; dates by ExcelJS's isDateFmt; text as its sax parser
 * and TextXform give it) and uses ExcelJS's helpers for them. Whatever it does not cover it does
 * not guess: it returns null and the caller reads with ExcelJS (read.ts), as before. Not covered:
 * packages that need normalising (package.ts: prefixes, part paths, missing positions), phonetic
 * runs, CDATA, typed dates (t="d"), overlapping merges, odd shared strings, conditional formats
 * naming a format the file lacks (ExcelJS refuses those files: so must the command).
 */
import type JSZip from 'jszip';
import type { CellValue, MergedArea, SheetSnapshot } from '../../engine/types';
import { dateCellFormat, dateToSerial } from './read-values';
import { ValuesPacker, unpackSheets, type PackedSheet } from './packed-sheet';

/* eslint-disable @typescript-eslint/no-require-imports */
const excelUtils = require('exceljs/lib/utils/utils') as {
  xmlDecode(s: string): string;
  isDateFmt(f: string | undefined): boolean;
  excelToDate(v: unknown, date1904: boolean): Date;
  parseBoolean(v: unknown): boolean;
};
/** The table behind ExcelJS's NumFmtXform.getDefaultFmtCode (the xform itself loads its XML parser). */
const defaultNumFormats = require('exceljs/lib/xlsx/defaultnumformats') as Record<
  number,
  { f?: string } | undefined
>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The text of a package's parts (null: no such part), whatever opened the zip. */
export interface PackageParts {
  text(path: string): Promise<string | null>;
}

/** Opens a package's zip; throws for a damaged one (the fast read then declines). */
export type OpenPackage = (bytes: Uint8Array) => Promise<PackageParts>;

/** JSZip, ExcelJS's own zip library (loaded only when used: the command opens zips with Node's zlib). */
async function openWithJSZip(bytes: Uint8Array): Promise<PackageParts> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zip = await (require('jszip') as typeof JSZip).loadAsync(bytes);
  return { text: (p) => zip.file(p)?.async('string') ?? Promise.resolve(null) };
}

/** Gives up: the caller reads with ExcelJS. */
class Decline extends Error {}

/** An attribute given twice: ExcelJS's XML parser refuses the file, so the fast read declines. */
function duplicate(): never {
  throw new Decline();
}

interface Style {
  numFmt?: string;
  bold: boolean;
  /** A font is set (ExcelJS's style.font), which _mergeStyle passes on. */
  font: boolean;
  /** ExcelJS's isDateFmt(numFmt): numbers in this style are dates. */
  date?: boolean;
}

/** The attributes of a <c> element ExcelJS reads (r, t, s), in one pass. */
const CELL_ATTR = /\s([rts])\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

interface RichRun {
  text?: string;
  bold: boolean;
}
type Shared = string | { richText: RichRun[] };

const NO_STYLE: Style = { bold: false, font: false };

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeText(m[2] ?? m[3] ?? '', false) : undefined;
}

/** Text as ExcelJS's sax parser gives it: line ends normalised, entities and character references decoded. */
function decodeText(s: string, newlines = true): string {
  if (newlines && s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** TextXform's model: the text with _xHHHH_ escapes turned into characters. */
const textXform = (s: string) =>
  !s.includes('_x')
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

const PREFIXED =
  /<[A-Za-z_][\w.-]*:(worksheet|sheetData|row|c|sst|si|workbook|sheets|sheet|styleSheet|xf)\b/;
/**
 * What a worksheet must not hold for this reader, found in one pass over its XML (it is the
 * largest part): a comment, CDATA, or an element of PREFIXED.
 */
/** What the shared strings must not hold, in one pass: phonetic runs, CDATA, an element of PREFIXED. */
const UNREAD_IN_SHARED =
  /<(?:rPh|!\[CDATA\[|[A-Za-z_][\w.-]*:(?:worksheet|sheetData|row|c|sst|si|workbook|sheets|sheet|styleSheet|xf)\b)/;
const UNREAD_IN_SHEET =
  /<(?:!--|!\[CDATA\[|[A-Za-z_][\w.-]*:(?:worksheet|sheetData|row|c|sst|si|workbook|sheets|sheet|styleSheet|xf)\b)/;
/** UNREAD_IN_SHEET at one position (lastIndex): the scan of sheetData asks at each tag it passes. */
const UNREAD_AT = new RegExp(UNREAD_IN_SHEET.source, 'y');

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** Runs of a rich text (<r> elements): text through TextXform, bold when rPr has a <b> (ExcelJS's BooleanXform ignores val). */
function richRuns(inner: string): RichRun[] {
  const runs: RichRun[] = [];
  for (const m of inner.matchAll(/<r\b[^>]*?(?:\/>|>([\s\S]*?)<\/r>)/g)) {
    const body = m[1] ?? '';
    const rPr = /<rPr\b[^>]*?(?:\/>|>([\s\S]*?)<\/rPr>)/.exec(body);
    const t = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/.exec(body);
    runs.push({
      bold: !!rPr && /<b\b/.test(rPr[1] ?? ''),
      ...(t ? { text: textXform(decodeText(t[1] ?? '')) } : {}),
    });
  }
  return runs;
}

/**
 * The text of a shared string that is one <t> element and nothing else (`<t>…</t>`, `<t attrs>…</t>`,
 * the text without '<'), found without regular expressions; null for any other (the regular
 * expressions below read it, as before: for this one they find the same single <t>).
 */
function onlyText(inner: string): string | null {
  if (!inner.startsWith('<t') || !inner.endsWith('</t>')) return null;
  const after = inner.charCodeAt(2);
  if (after !== 62 && after !== 32 && after !== 9 && after !== 10 && after !== 13) return null;
  const gt = inner.indexOf('>');
  if (inner[gt - 1] === '/') return null;
  const text = inner.slice(gt + 1, -4);
  return text.includes('<') ? null : text;
}

function sharedStrings(xml: string | null): Shared[] {
  if (xml === null) return [];
  if (UNREAD_IN_SHARED.test(xml)) throw new Decline();
  const out: Shared[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const inner = m[1] ?? '';
    const only = onlyText(inner);
    if (only !== null) {
      out.push(textXform(decodeText(only)));
      continue;
    }
    if (/<r\b/.test(inner)) {
      if (/<t\b/.test(inner.replace(/<r\b[\s\S]*?<\/r>/g, ''))) throw new Decline();
      out.push({ richText: richRuns(inner) });
      continue;
    }
    const ts = [...inner.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)];
    if (ts.length !== 1) throw new Decline();
    out.push(textXform(decodeText(ts[0][1] ?? '')));
  }
  return out;
}

/** Style models by xf index, as ExcelJS's StylesXform.getStyleModel gives them (null: no such xf). */
type StyleIndex = ((id: number) => Style | null) & { dxfs: number };

function styles(xml: string | null): StyleIndex {
  if (xml === null) return Object.assign(() => null, { dxfs: 0 });
  if (PREFIXED.test(xml)) throw new Decline();
  const numFmts = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const code = attr(m[0], 'formatCode');
    if (code !== undefined)
      numFmts.set(parseInt(attr(m[0], 'numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
  }
  const fontsBlock = /<fonts\b[^>]*?(?:\/>|>([\s\S]*?)<\/fonts>)/.exec(xml)?.[1] ?? '';
  const fonts = [...fontsBlock.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((m) =>
    /<b\b/.test(m[1] ?? ''),
  );
  const xfsBlock = /<cellXfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/cellXfs>)/.exec(xml)?.[1] ?? '';
  const xfs = [...xfsBlock.matchAll(/<xf\b[^>]*>/g)].map((m) => ({
    numFmtId: parseInt(attr(m[0], 'numFmtId') ?? '', 10),
    fontId: parseInt(attr(m[0], 'fontId') ?? '', 10),
  }));
  const dxfsBlock = /<dxfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/dxfs>)/.exec(xml)?.[1] ?? '';
  const dxfs = [...dxfsBlock.matchAll(/<dxf\b/g)].length;
  const cache = new Map<number, Style | null>();
  return Object.assign(
    (id: number) => {
      const known = cache.get(id);
      if (known !== undefined) return known;
      const xf = xfs[id];
      let model: Style | null = null;
      if (xf) {
        model = { bold: false, font: false };
        if (xf.numFmtId) {
          const f = numFmts.get(xf.numFmtId) || defaultNumFormats[xf.numFmtId]?.f;
          if (f) model.numFmt = f;
        }
        model.date = excelUtils.isDateFmt(model.numFmt);
        if ((xf.fontId || xf.fontId === 0) && xf.fontId < fonts.length) {
          model.font = true;
          model.bold = fonts[xf.fontId];
        }
      }
      cache.set(id, model);
      return model;
    },
    { dxfs },
  );
}

/**
 * The attributes of a plain tag, read without a regular expression and without copying them (the
 * hot path of a sheet's cells and rows): where each name and value lies in `data`, from `from` to
 * `to` (the tag's '>' or '/>'), into SPANS as name start, name end, value start, value end; their
 * count, or -1 when the tag is not plain (a name given twice: declines). Plain: each attribute
 * after ASCII white space, name="value", the name and the value printable ASCII without quotes,
 * '&', '<', '>' or white space. In such a tag the regular expressions of attr() and CELL_ATTR
 * find exactly these attributes (no value can hold what looks like another one); any other tag
 * takes the regular expressions, as before.
 */
const SPANS: number[] = [];

function plainAttributes(data: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (;;) {
    const gap = i;
    while (i < to && isSpace(data.charCodeAt(i))) i++;
    if (i === to) return n;
    if (i === gap) return -1;
    const nameStart = i;
    while (i < to && isPlainChar(data.charCodeAt(i)) && data.charCodeAt(i) !== 61) i++;
    if (i === nameStart) return -1;
    const nameEnd = i;
    while (i < to && isSpace(data.charCodeAt(i))) i++;
    if (data.charCodeAt(i) !== 61) return -1;
    i++;
    while (i < to && isSpace(data.charCodeAt(i))) i++;
    if (i >= to || data.charCodeAt(i) !== 34) return -1;
    const valueStart = ++i;
    while (i < to && isPlainChar(data.charCodeAt(i))) i++;
    if (i >= to || data.charCodeAt(i) !== 34) return -1;
    for (let k = 0; k < n; k++)
      if (sameText(data, SPANS[4 * k], SPANS[4 * k + 1], nameStart, nameEnd)) duplicate();
    SPANS[4 * n] = nameStart;
    SPANS[4 * n + 1] = nameEnd;
    SPANS[4 * n + 2] = valueStart;
    SPANS[4 * n + 3] = i;
    n++;
    i++;
  }
}

/** Whether data[a, aEnd) and data[b, bEnd) hold the same characters. */
function sameText(data: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++)
    if (data.charCodeAt(a + k) !== data.charCodeAt(b + k)) return false;
  return true;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Printable ASCII but white space, quotes, '&', '/', '<' and '>'. */
const isPlainChar = (c: number) =>
  c > 32 && c < 127 && c !== 34 && c !== 39 && c !== 38 && c !== 47 && c !== 60 && c !== 62;

/** attr(tag, name) of a plain tag's attributes (plainAttributes' count `n`): the first one so named. */
function plainAttr(data: string, n: number, name: string): string | undefined {
  for (let k = 0; k < n; k++) {
    const at = SPANS[4 * k];
    if (SPANS[4 * k + 1] - at === name.length && data.startsWith(name, at))
      return data.slice(SPANS[4 * k + 2], SPANS[4 * k + 3]);
  }
  return undefined;
}

/** The column of a reference /^[A-Z]{1,3}\d+$/ in data[from, to) (1 for A1), 0 for anything else. */
function refColumnAt(data: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to && i < from + 4; i++) {
    const c = data.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === from || i > from + 3 || i === to) return 0;
  for (let j = i; j < to; j++) {
    const c = data.charCodeAt(j);
    if (c < 48 || c > 57) return 0;
  }
  return col;
}

/**
 * The number data[from, to) holds when it is 1 to 9 ASCII digits (what parseInt(…, 10) gives for
 * such text), else -1: the caller then reads the text as before.
 */
function digitsAt(data: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = data.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * A row as the scan reads it: its cells' columns, values (ExcelJS's cell.value; undefined: covered
 * by a merge) and styles, in the order read (parallel arrays: no object per cell).
 */
interface FastRow {
  hidden: boolean;
  style: Style | null;
  cols: number[];
  values: unknown[];
  styles: Style[];
  /** The largest column in `cols` (0: none yet). */
  width: number;
  /** Column → position in `cols`, made for a row of many cells when a merge asks (null: none). */
  index: Map<number, number> | null;
}

const newRow = (hidden: boolean, style: Style | null): FastRow => ({
  hidden,
  style,
  cols: [],
  values: [],
  styles: [],
  width: 0,
  index: null,
});

/** The position of column `col` in the row's cells, -1 when it has no such cell. */
function findCell(row: FastRow, col: number): number {
  if (col > row.width) return -1;
  const n = row.cols.length;
  if (n <= 16) {
    for (let i = n - 1; i >= 0; i--) if (row.cols[i] === col) return i;
    return -1;
  }
  if (row.index === null) {
    row.index = new Map();
    for (let i = 0; i < n; i++) row.index.set(row.cols[i], i);
  }
  return row.index.get(col) ?? -1;
}

function addCell(row: FastRow, col: number, value: unknown, style: Style): number {
  const i = row.cols.length;
  row.cols.push(col);
  row.values.push(value);
  row.styles.push(style);
  if (col > row.width) row.width = col;
  row.index?.set(col, i);
  return i;
}

/** One worksheet part → the snapshot sheetSnapshot() would make of ExcelJS's worksheet, packed. */
function sheet(
  name: string,
  xml: string,
  /** The XML holds '<hyperlink' (the caller has looked, to read the sheet's relationships). */
  hasLinks: boolean,
  rels: string | null,
  shared: Shared[],
  styleOf: StyleIndex,
  date1904: boolean,
): PackedSheet {
  for (const m of xml.matchAll(/\sdxfId\s*=\s*"(\d+)"/g))
    if (Number(m[1]) >= styleOf.dxfs) throw new Decline();
  // Hyperlinks (ExcelJS: a cell whose address a <hyperlink r:id> names shows its text, else the target).
  const links = new Map<string, string>();
  if (hasLinks) {
    const targets = new Map<string, string>();
    for (const m of (rels ?? '').matchAll(/<Relationship\b[^>]*>/g))
      targets.set(attr(m[0], 'Id') ?? '', attr(m[0], 'Target') ?? '');
    for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
      const rId = attr(m[0], 'r:id');
      if (!rId) continue;
      const target = targets.get(rId);
      if (target === undefined) throw new Decline();
      links.set(attr(m[0], 'ref') ?? '', target);
    }
  }
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  // sheetData is xml[dataStart, dataEnd), read in place (a slice of the part would put an
  // indirection under every character read).
  const data = xml;
  const dataStart = start < 0 ? 0 : start;
  const dataEnd = start < 0 ? 0 : end < 0 ? xml.length : end;
  // UNREAD_IN_SHEET over the part, in pieces: before and after sheetData here; inside it, at each
  // '<' the scan passes, in a tag that is not plain and in a cell's content that is not one <v>
  // (a plain tag and such a content hold no other '<'): no second pass over the largest part.
  if (start < 0) {
    if (UNREAD_IN_SHEET.test(xml)) throw new Decline();
  } else if (
    UNREAD_IN_SHEET.test(xml.slice(0, dataStart)) ||
    UNREAD_IN_SHEET.test(xml.slice(dataEnd))
  )
    throw new Decline();

  // Columns' styles (for cells ExcelJS creates in a row: Cell's _mergeStyle of row and column).
  const colStyles = new Map<number, Style>();
  for (const m of xml.slice(0, start < 0 ? xml.length : start).matchAll(/<col\b[^>]*>/g)) {
    const s = parseInt(attr(m[0], 'style') ?? '', 10);
    if (!s) continue;
    const st = styleOf(s) ?? NO_STYLE;
    const min = parseInt(attr(m[0], 'min') ?? '', 10);
    const max = parseInt(attr(m[0], 'max') ?? '', 10);
    if (!(min > 0) || !(max >= min) || max > 16384) throw new Decline();
    for (let c = min; c <= max; c++) colStyles.set(c, st);
  }

  const rows = new Map<number, FastRow>();
  let row: FastRow | null = null;
  let rowNumber = 0;
  /** The largest row number read so far (a row number not above it may be a duplicate). */
  let maxRowNumber = 0;
  /** The last row and column of a cell read with a value (not null). */
  let lastRow = 0;
  let lastCol = 0;
  // A scan of the <row> and <c> elements of sheetData (indexOf, no backtracking regular expression).
  for (let pos = dataStart; ;) {
    const lt = data.indexOf('<', pos);
    if (lt < 0 || lt >= dataEnd) break;
    const gt = data.indexOf('>', lt);
    if (gt < 0 || gt >= dataEnd) throw new Decline();
    const next = data.charCodeAt(lt + 2);
    const isRow =
      data.startsWith('row', lt + 1) &&
      (data.charCodeAt(lt + 4) <= 32 || data[lt + 4] === '>' || data[lt + 4] === '/');
    // After "<c": white space, '>' (62) or '/' (47).
    const isCell = data[lt + 1] === 'c' && (next <= 32 || next === 62 || next === 47);
    if (!isRow && !isCell) {
      // Any other tag but an end tag: a comment, CDATA, a prefixed element declines.
      if (data.charCodeAt(lt + 1) !== 47) {
        UNREAD_AT.lastIndex = lt;
        if (UNREAD_AT.test(data)) throw new Decline();
      }
      pos = lt + 1;
      continue;
    }
    const selfClosing = data[gt - 1] === '/';
    pos = gt + 1;
    // The cell's content: data[contentStart, contentEnd).
    const contentStart = pos;
    let contentEnd = pos;
    if (isCell && !selfClosing) {
      const close = data.indexOf('</c>', pos);
      if (close < 0 || close >= dataEnd) throw new Decline();
      contentEnd = close;
      pos = close + 4;
    }
    const plain = plainAttributes(data, lt + (isRow ? 4 : 2), selfClosing ? gt - 1 : gt);
    if (isRow) {
      const open = plain >= 0 ? '' : data.slice(lt, gt + 1);
      if (UNREAD_IN_SHEET.test(open)) throw new Decline();
      const r = plain >= 0 ? plainAttr(data, plain, 'r') : attr(open, 'r');
      if (!r || !/^\d+$/.test(r)) throw new Decline();
      const s = parseInt((plain >= 0 ? plainAttr(data, plain, 's') : attr(open, 's')) ?? '', 10);
      row = newRow(
        excelUtils.parseBoolean(
          plain >= 0 ? plainAttr(data, plain, 'hidden') : attr(open, 'hidden'),
        ),
        s ? styleOf(s) : NO_STYLE,
      );
      rowNumber = Number(r);
      if (rowNumber <= maxRowNumber && rows.has(rowNumber)) throw new Decline();
      if (rowNumber > maxRowNumber) maxRowNumber = rowNumber;
      rows.set(rowNumber, row);
      continue;
    }
    if (!row) throw new Decline();
    // r, t and s: where r and s lie in data (plain tags), or their text (other tags).
    let col: number;
    let t: string | undefined;
    let styleId: number | undefined;
    /** The cell's reference, as text, when a hyperlink may name it. */
    let ref: string | undefined;
    if (plain >= 0) {
      // The attributes named r, t and s (plainAttributes has declined a name given twice).
      let rFrom = -1;
      let rTo = -1;
      let sFrom = -1;
      let sTo = -1;
      for (let k = 0; k < plain; k++) {
        const at = SPANS[4 * k];
        if (SPANS[4 * k + 1] - at !== 1) continue;
        const c = data.charCodeAt(at);
        if (c === 114) {
          rFrom = SPANS[4 * k + 2];
          rTo = SPANS[4 * k + 3];
        } else if (c === 116) t = data.slice(SPANS[4 * k + 2], SPANS[4 * k + 3]);
        else if (c === 115) {
          sFrom = SPANS[4 * k + 2];
          sTo = SPANS[4 * k + 3];
        }
      }
      // r is a reference: 1 to 3 capital letters, then digits.
      col = rFrom < 0 ? 0 : refColumnAt(data, rFrom, rTo);
      if (col !== 0 && links.size) ref = data.slice(rFrom, rTo);
      if (sFrom >= 0) {
        const n = digitsAt(data, sFrom, sTo);
        styleId = n >= 0 ? n : parseInt(data.slice(sFrom, sTo), 10);
      }
    } else {
      let r: string | undefined;
      let sAttr: string | undefined;
      if (UNREAD_IN_SHEET.test(data.slice(lt, gt + 1))) throw new Decline();
      for (const a of data.slice(lt + 2, selfClosing ? gt - 1 : gt).matchAll(CELL_ATTR)) {
        const value = a[2] ?? a[3];
        if (value.includes('&')) throw new Decline();
        if (a[1] === 'r') r = r === undefined ? value : duplicate();
        else if (a[1] === 't') t = t === undefined ? value : duplicate();
        else if (a[1] === 's') sAttr = sAttr === undefined ? value : duplicate();
      }
      col = r === undefined ? 0 : refColumnAt(r, 0, r.length);
      ref = r;
      styleId = sAttr !== undefined ? parseInt(sAttr, 10) : undefined;
    }
    if (col === 0) throw new Decline();
    if (t === 'd') throw new Decline();
    let formula: string | undefined;
    let shareType: string | undefined;
    // The value text: <v> and, for inline strings, <is><t> (ExcelJS adds them up in order).
    let text: string | undefined;
    /** A shared string's index read straight from the usual <v>digits</v> (-1: from `text`). */
    let sharedIndex = -1;
    let rich: RichRun[] | undefined;
    let is: RegExpExecArray | null = null;
    const length = contentEnd - contentStart;
    if (
      length >= 7 &&
      data.startsWith('<v>', contentStart) &&
      data.indexOf('<', contentStart + 3) === contentEnd - 4 &&
      data.startsWith('</v>', contentEnd - 4)
    ) {
      // The usual cell: one <v>.
      if (length > 7) {
        if (t === 's') sharedIndex = digitsAt(data, contentStart + 3, contentEnd - 4);
        if (sharedIndex < 0) text = decodeText(data.slice(contentStart + 3, contentEnd - 4));
      }
    } else if (length > 0) {
      const inner = data.slice(contentStart, contentEnd);
      if (UNREAD_IN_SHEET.test(inner)) throw new Decline();
      if (inner.includes('<rPh')) throw new Decline();
      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      formula = f ? (f[2] ? decodeText(f[2]) : undefined) : undefined;
      shareType = f ? attr(f[0], 't') : undefined;
      is = /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/.exec(inner);
      const rest = is ? inner.replace(is[0], '') : inner;
      const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(rest);
      if (v && v[1]) text = decodeText(v[1]);
    }
    if (is) {
      const isInner = is[1] ?? '';
      if (/<r\b/.test(isInner)) {
        if (text !== undefined || /<t\b/.test(isInner.replace(/<r\b[\s\S]*?<\/r>/g, '')))
          throw new Decline();
        rich = richRuns(isInner);
      } else {
        for (const tm of isInner.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g))
          if (tm[1]) text = (text ?? '') + decodeText(tm[1]);
      }
    }
    const style = styleId ? styleOf(styleId) : null;
    const isDate = style?.date === true;
    let value: unknown;
    if (formula || shareType) {
      let result: unknown;
      if (rich) throw new Decline();
      if (text) {
        if (t === 'str') result = excelUtils.xmlDecode(text);
        else if (t === 'b') result = parseInt(text, 10) !== 0;
        else if (t === 'e') result = { error: text };
        else result = parseFloat(text);
      }
      if (result !== undefined && isDate) result = excelUtils.excelToDate(result, date1904);
      value = { formula: formula ?? '', result };
    } else if (rich) {
      if (t !== 'inlineStr') throw new Decline();
      value = { richText: rich };
    } else if (sharedIndex >= 0 || text !== undefined) {
      if (t === 's') {
        const i = sharedIndex >= 0 ? sharedIndex : parseInt(text!, 10);
        if (!(i >= 0 && i < shared.length)) throw new Decline();
        value = shared[i];
      } else if (t === 'str') value = excelUtils.xmlDecode(text!);
      else if (t === 'inlineStr') value = text;
      else if (t === 'b') value = parseInt(text!, 10) !== 0;
      else if (t === 'e') value = { error: text };
      else {
        const n = parseFloat(text!);
        value = isDate ? excelUtils.excelToDate(n, date1904) : n;
      }
    } else if (styleId) {
      value = null;
    } else {
      continue; // ExcelJS does not create this cell
    }
    const link = ref !== undefined && links.size ? links.get(ref) : undefined;
    if (link !== undefined) {
      const shown = formula || shareType ? (value as { result: unknown }).result : value;
      value = { text: shown ?? undefined, hyperlink: link };
    }
    if (findCell(row, col) >= 0) throw new Decline();
    addCell(row, col, value, style ?? NO_STYLE);
    if (value !== null) {
      if (rowNumber > lastRow) lastRow = rowNumber;
      if (col > lastCol) lastCol = col;
    }
  }

  // Merges: cells covered (all but the top-left) hold no value; ExcelJS creates missing ones.
  const merges: MergedArea[] = [];
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * 16385 + c;
  const mergeRe = /<mergeCell\b[^>]*>/g;
  for (const m of xml.matchAll(mergeRe)) {
    const ref = (attr(m[0], 'ref') ?? '').toUpperCase().replace(/\$/g, '');
    const mm = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
    if (!mm) throw new Decline();
    const l0 = colNumber(mm[1]);
    const t0 = Number(mm[2]);
    const r0 = mm[3] ? colNumber(mm[3]) : l0;
    const b0 = mm[4] ? Number(mm[4]) : t0;
    const top = Math.min(t0, b0);
    const bottom = Math.max(t0, b0);
    const left = Math.min(l0, r0);
    const right = Math.max(l0, r0);
    if ((bottom - top + 1) * (right - left + 1) > 1_000_000) throw new Decline();
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const k = key(r, c);
        if (covered.has(k)) throw new Decline(); // overlapping merges: ExcelJS refuses the file
        covered.add(k);
        let rw = rows.get(r);
        if (!rw) {
          rw = newRow(false, NO_STYLE);
          rows.set(r, rw);
        }
        let i = findCell(rw, c);
        if (i < 0) i = addCell(rw, c, null, createdStyle(rw.style, colStyles.get(c)));
        if (r !== top || c !== left) rw.values[i] = undefined;
      }
    }
    if (top !== bottom || left !== right)
      merges.push({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);

  // Extent: the last row and column holding a value (counted as the cells were read: a value a
  // merge covers since lies inside that merge), or reached by a merge.
  let rowCount = lastRow;
  let colCount = lastCol;
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }

  // The snapshot, packed (packed-sheet.ts): every row colCount cells long; values by kind,
  // texts once each; the bold cells and those whose format is not "General" listed.
  const values = new ValuesPacker(rowCount * colCount);
  const boldCells: number[] = [];
  const formatCells: (number | string)[] = [];
  const hiddenRows: number[] = [];
  /** seen[c] === r: row r has a cell in column c (the columns ExcelJS creates are the others). */
  const seen = new Int32Array(colCount + 1);
  for (let r = 1; r <= rowCount; r++) {
    const rw = rows.get(r);
    if (!rw) continue;
    if (rw.hidden) hiddenRows.push(r - 1);
    const base = (r - 1) * colCount - 1;
    const limit = Math.min(rw.width, colCount);
    let filled = 0;
    for (let i = 0; i < rw.cols.length; i++) {
      const c = rw.cols[i];
      if (c > colCount) continue;
      seen[c] = r;
      filled++;
      // Text and finite numbers as they are (convert's answer, without its object).
      const v = rw.values[i];
      const style = rw.styles[i];
      let value: CellValue;
      let isDate = false;
      if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) value = v;
      else {
        const converted = convert(v);
        value = converted.value;
        isDate = converted.isDate;
      }
      values.put(base + c, value);
      const numFmt =
        typeof style.numFmt === 'string' && style.numFmt !== '' ? style.numFmt : 'General';
      const format = isDate ? dateCellFormat(numFmt) : numFmt;
      if (format !== 'General') formatCells.push(r - 1, c - 1, format);
      if (style.bold || richTextAllBold(v)) boldCells.push(r - 1, c - 1);
    }
    // Row.eachCell({includeEmpty: true}) creates the cells it has not got (up to the row's last
    // cell), styled by row and column; with neither styled, they hold what a blank cell holds.
    if (filled < limit && (rw.style !== NO_STYLE || colStyles.size > 0)) {
      for (let c = 1; c <= limit; c++) {
        if (seen[c] === r) continue;
        const style = createdStyle(rw.style, colStyles.get(c));
        if (typeof style.numFmt === 'string' && style.numFmt !== '' && style.numFmt !== 'General')
          formatCells.push(r - 1, c - 1, style.numFmt);
        if (style.bold) boldCells.push(r - 1, c - 1);
      }
    }
  }
  return {
    name,
    merges,
    origin: { row: 0, col: 0 },
    hiddenRows,
    cells: values.packed(new Int32Array(rowCount).fill(colCount)),
    boldCells,
    formatCells,
  };
}

/** Cell._mergeStyle(row.style, column.style): the number format and font of the row, else the column. */
function createdStyle(rowStyle: Style | null, colStyle: Style | undefined): Style {
  const numFmt = rowStyle?.numFmt || colStyle?.numFmt;
  const fontFrom = rowStyle?.font ? rowStyle : colStyle?.font ? colStyle : null;
  return { ...(numFmt ? { numFmt } : {}), bold: fontFrom?.bold ?? false, font: !!fontFrom };
}

function richTextAllBold(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || v instanceof Date) return false;
  const o = v as { richText?: RichRun[]; text?: { richText?: RichRun[] } };
  const runs = Array.isArray(o.richText)
    ? o.richText
    : typeof o.text === 'object' && o.text !== null
      ? o.text.richText
      : undefined;
  if (!Array.isArray(runs)) return false;
  const visible = runs.filter((r) => typeof r.text === 'string' && r.text.trim() !== '');
  return visible.length > 0 && visible.every((r) => r.bold);
}

/** read.ts's plainText: a string, or a rich text's runs joined; null otherwise. */
function plain(v: unknown): string | null {
  if (typeof v === 'string') return v;
  const runs =
    typeof v === 'object' && v !== null && !(v instanceof Date)
      ? (v as { richText?: RichRun[] }).richText
      : undefined;
  return Array.isArray(runs)
    ? runs.map((r) => (typeof r.text === 'string' ? r.text : '')).join('')
    : null;
}

/** read.ts's convert, for the values this reader makes. */
function convert(v: unknown): { value: CellValue; isDate: boolean } {
  if (v === null || v === undefined) return { value: null, isDate: false };
  if (typeof v === 'string') return { value: v, isDate: false };
  if (typeof v === 'number')
    return { value: Number.isFinite(v) ? v : { error: '#NUM!' }, isDate: false };
  if (typeof v === 'boolean') return { value: v, isDate: false };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { value: { error: '#VALUE!' }, isDate: false };
    return { value: dateToSerial(v), isDate: true };
  }
  const o = v as { error?: unknown; formula?: unknown; result?: unknown; richText?: RichRun[] };
  if (typeof o.error === 'string') return { value: { error: o.error }, isDate: false };
  if ('formula' in o) {
    const r = o.result;
    if (
      r === undefined ||
      (typeof r === 'object' &&
        r !== null &&
        !(r instanceof Date) &&
        !('error' in r) &&
        !('richText' in r))
    )
      return { value: null, isDate: false };
    return convert(r);
  }
  if (Array.isArray(o.richText)) return { value: plain(o), isDate: false };
  if ('hyperlink' in o) {
    const h = o as { text?: unknown; hyperlink?: unknown };
    const text = plain(h.text);
    if (text !== null) return { value: text, isDate: false };
    return { value: typeof h.hyperlink === 'string' ? h.hyperlink : null, isDate: false };
  }
  return { value: String(v), isDate: false };
}

/**
 * The sheets of a standard .xlsx package, or null when this reader does not cover it (the caller
 * then reads with ExcelJS, which also says what is wrong with a damaged zip). `open` opens the
 * zip (JSZip unless the caller gives another; a part's text must be what JSZip would give).
 */
export async function fastReadSheets(
  bytes: Uint8Array,
  open: OpenPackage = openWithJSZip,
): Promise<SheetSnapshot[] | null> {
  const packed = await fastReadPacked(bytes, open);
  return packed && unpackSheets(packed);
}

/**
 * fastReadSheets' sheets packed (packed-sheet.ts), as the command's read worker hands them over:
 * made so from the XML, without the arrays of a snapshot.
 */
export async function fastReadPacked(
  bytes: Uint8Array,
  open: OpenPackage = openWithJSZip,
): Promise<PackedSheet[] | null> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  try {
    const parts = await open(bytes);
    const text = (p: string) => parts.text(p);
    const rootRels = await text('_rels/.rels');
    if (!rootRels || !/Target="\/?xl\/workbook\.xml"/.test(rootRels)) return null;
    const wb = await text('xl/workbook.xml');
    const rels = await text('xl/_rels/workbook.xml.rels');
    if (!wb || !rels || PREFIXED.test(wb) || !wb.trimEnd().endsWith('</workbook>')) return null;
    const date1904 = /<workbookPr\b[^>]*\sdate1904\s*=\s*"1"/.test(wb);
    const targets = new Map<string, { type: string; target: string }>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      targets.set(attr(m[0], 'Id') ?? '', {
        type: (attr(m[0], 'Type') ?? '').replace(/.*\//, ''),
        target: attr(m[0], 'Target') ?? '',
      });
    }
    const ssRel = [...targets.values()].find((r) => r.type === 'sharedStrings');
    const stRel = [...targets.values()].find((r) => r.type === 'styles');
    if (
      (ssRel && !/^(\/xl\/)?sharedStrings\.xml$/.test(ssRel.target)) ||
      (stRel && !/^(\/xl\/)?styles\.xml$/.test(stRel.target))
    )
      return null;
    const ssXml = ssRel ? await text('xl/sharedStrings.xml') : null;
    const stXml = stRel ? await text('xl/styles.xml') : null;
    if ((ssRel && ssXml === null) || (stRel && stXml === null)) return null;
    const shared = sharedStrings(ssXml);
    const styleOf = styles(stXml);
    const sheetTags = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
    if (!sheetTags.length) return null;
    const out: PackedSheet[] = [];
    for (const tag of sheetTags) {
      const name = attr(tag, 'name');
      const rel = targets.get(/\sr:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '');
      if (!name || name.length > 31 || !rel || rel.type !== 'worksheet') return null;
      const m = /^(?:\/xl\/)?(worksheets\/sheet\d+\.xml)$/.exec(rel.target);
      if (!m) return null;
      const xml = await text(`xl/${m[1]}`);
      if (xml === null || !xml.trimEnd().endsWith('</worksheet>')) return null;
      const hasLinks = xml.includes('<hyperlink');
      const sheetRels = hasLinks
        ? await text(`xl/worksheets/_rels/${m[1].slice('worksheets/'.length)}.rels`)
        : null;
      out.push(sheet(name, xml, hasLinks, sheetRels, shared, styleOf, date1904));
    }
    return out;
  } catch (e) {
    if (e instanceof Decline) return null;
    return null;
  }
}
