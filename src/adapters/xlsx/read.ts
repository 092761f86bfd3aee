/**
 * Read an .xlsx workbook (bytes) into engine snapshots, with ExcelJS.
 *
 * Runs in Node and in a browser bundle: no `fs`, no `Buffer`-only APIs; callers pass the bytes
 * (an ArrayBuffer from a File input, or a Node Buffer, which is a Uint8Array).
 *
 * Snapshot conventions (see src/engine/types.ts):
 * - values[0][0] is A1 (origin {row: 0, col: 0}); the arrays cover A1 to the last row and column
 *   holding a value (or a merge), and are rectangular: a missing cell is null.
 * - strings: rich text is joined to plain text; hyperlinks give their displayed text.
 * - Dates become Excel serial numbers (1900 system: days since 1899-12-30 UTC) and keep their
 *   number format ("dd/mm/yyyy" when the cell had no date format).
 * - formula cells give their cached result (null when the file holds none).
 * - error values give {error: '#REF!'}.
 * - cells covered by a merge (all but the top-left one) are null, as Excel shows them.
 */
import ExcelJS from 'exceljs';
import type { CellValue, MergedArea, SheetSnapshot } from '../../engine/types';
import { preparePackage, type PackageFacts } from './package';
import { timeLimitText, tooHeavy } from './heavy';
import type { Lang } from '../../engine/types';
import { columnIndex } from '../../engine/workbook';

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** The loaded ExcelJS workbook, for callers that write findings back. */
  workbook: ExcelJS.Workbook;
  /** What the package holds that makes it heavy (merges, validations, strings, cells). */
  facts?: PackageFacts;
}

export { WorkbookReadError, type WorkbookReadErrorReason } from './read-error';
import { WorkbookReadError } from './read-error';

export { DEFAULT_DATE_FORMAT, dateToSerial } from './read-values';
import { dateCellFormat, dateToSerial } from './read-values';

// ---------------------------------------------------------------------------------------------
// Input sniffing

function toUint8(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  if (buffer instanceof Uint8Array) return buffer;
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  // ArrayBuffer from another realm (jsdom, iframes) or a SharedArrayBuffer.
  const anyBuf = buffer as unknown as { byteLength?: number };
  if (anyBuf && typeof anyBuf.byteLength === 'number') {
    return new Uint8Array(buffer as unknown as ArrayBuffer);
  }
  throw new WorkbookReadError('not-xlsx', 'Expected the bytes of an .xlsx file.');
}

/** Finds `text` written as UTF-16LE (how OLE directory entries name their streams). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    pattern[i * 2] = text.charCodeAt(i) & 0xff;
    pattern[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  const first = pattern[0];
  outer: for (let i = 0; i <= bytes.length - pattern.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

export type FileKind = 'zip' | 'ole-encrypted' | 'ole-legacy' | 'unknown';

/**
 * What the bytes look like. A zip (PK) may be an .xlsx; an OLE compound file (D0 CF 11 E0) is
 * either an encrypted OOXML package (streams EncryptionInfo/EncryptedPackage) or a legacy binary
 * workbook (.xls: a Workbook/Book stream). An OLE file that shows neither counts as encrypted.
 */
export function sniff(bytes: Uint8Array): FileKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // PK\3\4 (local file header), PK\5\6 (empty archive), PK\7\8 (spanned)
    const b2 = bytes[2];
    const b3 = bytes[3];
    if ((b2 === 3 && b3 === 4) || (b2 === 5 && b3 === 6) || (b2 === 7 && b3 === 8)) return 'zip';
  }
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0 &&
    bytes[4] === 0xa1 &&
    bytes[5] === 0xb1 &&
    bytes[6] === 0x1a &&
    bytes[7] === 0xe1
  ) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      return 'ole-encrypted';
    }
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return 'ole-legacy';
    return 'ole-encrypted';
  }
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Load .xlsx bytes and snapshot every worksheet.
 * @throws WorkbookReadError for input that is not an .xlsx, is password-protected, or is damaged.
 */
export interface ReadOptions {
  /** Called with the package facts before ExcelJS parses (the guard names them if time runs out). */
  onFacts?(facts: PackageFacts): void;
}

export async function readWorkbook(
  buffer: ArrayBuffer | Uint8Array,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const bytes = toUint8(buffer);
  if (bytes.length === 0) throw new WorkbookReadError('not-xlsx', 'The file is empty.');
  const kind = sniff(bytes);
  if (kind === 'ole-encrypted') {
    throw new WorkbookReadError(
      'encrypted',
      'The workbook is password-protected (encrypted). Open it in Excel, remove the password and save it again.',
    );
  }
  if (kind === 'ole-legacy') {
    throw new WorkbookReadError(
      'legacy',
      'This is an old Excel 97-2003 workbook (.xls). Save it as .xlsx in Excel first.',
    );
  }
  if (kind !== 'zip') {
    throw new WorkbookReadError('not-xlsx', 'The file is not an Excel workbook (.xlsx).');
  }

  let prepared: Awaited<ReturnType<typeof preparePackage>>;
  try {
    prepared = await preparePackage(bytes);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError(
      'corrupt',
      `The workbook is damaged and cannot be read (${detail}).`,
      err,
    );
  }
  if (prepared.damaged.length) {
    throw new WorkbookReadError(
      'corrupt',
      `The workbook is damaged and cannot be read (${prepared.damaged.join(', ')} cut off).`,
    );
  }
  options.onFacts?.(prepared.facts);
  installFastMerges();
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; JSZip underneath accepts any Uint8Array/ArrayBuffer.
    await workbook.xlsx.load(prepared.bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    // The zip opened and its parts were found: an XML part that does not parse is damage; any
    // other failure is the reader's limit, not the file's fault (Excel opens it).
    // (saxes reports XML errors as "line:column: …").
    const damaged = /^\d+:\d+:/.test(detail) || /unexpected end|unclosed tag/i.test(detail);
    if (damaged)
      throw new WorkbookReadError(
        'corrupt',
        `The workbook is damaged and cannot be read (${detail}).`,
        err,
      );
    throw new WorkbookReadError(
      'unreadable',
      `The workbook is valid but cannot be read here (${detail}). Excel can open it: save it again as an Excel Workbook and check the copy.`,
      err,
    );
  }
  if (workbook.worksheets.length === 0 && prepared.declaresSheets) {
    // A workbook part that names sheets, none of which the reader found: a spreadsheet written in a
    // way it does not know (Strict Open XML, say), not "not an Excel file".
    throw new WorkbookReadError(
      'unreadable',
      'The workbook declares sheets that cannot be read here. Excel can open it: save it again as an Excel Workbook and check the copy.',
    );
  }
  if (workbook.worksheets.length === 0) {
    // A zip that holds no worksheet: a .docx, an .odt, an archive…
    throw new WorkbookReadError(
      'not-xlsx',
      'The file is a zip archive but holds no Excel worksheet.',
    );
  }
  const sheets = workbook.worksheets.map((ws) => sheetSnapshot(ws));
  return { sheets, workbook, facts: prepared.facts };
}

/**
 * readWorkbook with a deadline, for the browser page (where the ExcelJS workbook must stay on the
 * page's thread: the preview and the download use it). Past `ms` the read is abandoned with
 * WorkbookReadError('too-heavy') naming what made the file heavy; ExcelJS's parse, which yields
 * between parts, is left to finish in the background and its result dropped. The CLI reads in a
 * worker thread instead (src/cli/read-guard.ts), which is ended at its limit.
 */
export async function readWorkbookWithin(
  buffer: ArrayBuffer | Uint8Array,
  ms: number,
  lang: Lang,
): Promise<WorkbookSnapshot> {
  let facts: PackageFacts | undefined;
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const failure = tooHeavy(Date.now() - started, timeLimitText(ms, lang), facts, lang);
      reject(new WorkbookReadError('too-heavy', failure.message, undefined, failure.data));
    }, ms);
  });
  try {
    return await Promise.race([readWorkbook(buffer, { onFacts: (f) => (facts = f) }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * ExcelJS checks each new merged range against every earlier one (quadratic: 20,000 merges take
 * minutes). Replace that check with one over the range's own cells (a cell of an earlier merge is
 * marked merged), which gives the same answer, and let ExcelJS's own method do the rest with an
 * empty merge index that is put back afterwards. Installed once, on ExcelJS's Worksheet class.
 */
let fastMergesInstalled = false;
export function installFastMerges(): void {
  if (fastMergesInstalled) return;
  fastMergesInstalled = true;
  type Dims = { top: number; left: number; bottom: number; right: number };
  type Internal = {
    _merges: Record<string, Dims>;
    findCell(r: number, c: number): { isMerged: boolean } | undefined;
    _mergeCellsInternal(dimensions: Dims, ignoreStyle?: boolean): void;
  };
  const probe = new ExcelJS.Workbook().addWorksheet('probe') as unknown as Internal;
  const proto = Object.getPrototypeOf(probe) as Internal;
  const original = proto._mergeCellsInternal;
  if (typeof original !== 'function') return;
  proto._mergeCellsInternal = function fastMergeCells(
    this: Internal,
    dimensions: Dims,
    ignoreStyle?: boolean,
  ): void {
    for (let r = dimensions.top; r <= dimensions.bottom; r++) {
      for (let c = dimensions.left; c <= dimensions.right; c++) {
        if (this.findCell(r, c)?.isMerged) throw new Error('Cannot merge already merged cells');
      }
    }
    const merges = this._merges;
    this._merges = {};
    try {
      original.call(this, dimensions, ignoreStyle);
    } finally {
      Object.assign(merges, this._merges);
      this._merges = merges;
    }
  };
}

interface RichTextRun {
  text?: string;
  font?: Partial<ExcelJS.Font>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** Plain text of a rich-text value ({richText: [...]}) or a string; null if neither. */
function plainText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (isObject(v) && Array.isArray(v.richText)) {
    return (v.richText as RichTextRun[])
      .map((r) => (r && typeof r.text === 'string' ? r.text : ''))
      .join('');
  }
  return null;
}

/** Every visible run of a rich-text value is bold. */
function richTextAllBold(v: unknown): boolean {
  if (!isObject(v)) return false;
  const runs: unknown = Array.isArray(v.richText)
    ? v.richText
    : isObject(v.text) && Array.isArray((v.text as Record<string, unknown>).richText)
      ? (v.text as Record<string, unknown>).richText
      : null;
  if (!Array.isArray(runs)) return false;
  const visible = (runs as RichTextRun[]).filter(
    (r) => r && typeof r.text === 'string' && r.text.trim() !== '',
  );
  return visible.length > 0 && visible.every((r) => r.font?.bold === true);
}

interface Converted {
  value: CellValue;
  isDate: boolean;
}

/** One ExcelJS cell value (or a formula result) → a snapshot value. */
function convert(v: unknown): Converted {
  if (v === null || v === undefined) return { value: null, isDate: false };
  if (typeof v === 'string') return { value: v, isDate: false };
  if (typeof v === 'number')
    return { value: Number.isFinite(v) ? v : { error: '#NUM!' }, isDate: false };
  if (typeof v === 'boolean') return { value: v, isDate: false };
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isNaN(t)) return { value: { error: '#VALUE!' }, isDate: false };
    return { value: dateToSerial(v), isDate: true };
  }
  if (isObject(v)) {
    if (typeof v.error === 'string') return { value: { error: v.error }, isDate: false };
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
      const result = v.result;
      if (
        result === undefined ||
        (isObject(result) && !('error' in result) && !('richText' in result))
      ) {
        return { value: null, isDate: false };
      }
      return convert(result);
    }
    if (Array.isArray(v.richText)) return { value: plainText(v), isDate: false };
    if ('hyperlink' in v || 'text' in v) {
      const text = plainText(v.text);
      if (text !== null) return { value: text, isDate: false };
      return { value: typeof v.hyperlink === 'string' ? v.hyperlink : null, isDate: false };
    }
  }
  return { value: String(v), isDate: false };
}

/** The cell's raw ExcelJS value, or undefined for cells covered by a merge (not the master). */
function ownValue(cell: ExcelJS.Cell): unknown {
  if (cell.isMerged && cell.master.address !== cell.address) return undefined;
  return cell.value;
}

/** One cell's value as sheetSnapshot reads it (null for a cell covered by a merge). */
export function cellSnapshotValue(cell: ExcelJS.Cell): CellValue {
  return convert(ownValue(cell)).value;
}

function mergesOf(ws: ExcelJS.Worksheet): MergedArea[] {
  const out: MergedArea[] = [];
  const push = (top: number, left: number, bottom: number, right: number): void => {
    if (![top, left, bottom, right].every((n) => Number.isFinite(n))) return;
    if (top === bottom && left === right) return;
    out.push({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
  };
  const internal = (ws as unknown as { _merges?: Record<string, unknown> })._merges;
  if (internal && typeof internal === 'object') {
    for (const range of Object.values(internal)) {
      if (!isObject(range)) continue;
      const r = range as {
        top?: number;
        left?: number;
        bottom?: number;
        right?: number;
        model?: Record<string, number>;
      };
      const m = r.model ?? r;
      push(Number(m.top), Number(m.left), Number(m.bottom), Number(m.right));
    }
  } else {
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    for (const ref of merges) {
      const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
      if (!m) continue;
      const l = lettersToCol(m[1]);
      const t = Number(m[2]);
      const r = m[3] ? lettersToCol(m[3]) : l;
      const b = m[4] ? Number(m[4]) : t;
      push(Math.min(t, b), Math.min(l, r), Math.max(t, b), Math.max(l, r));
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** Letters → 1-based column number. */
const lettersToCol = (letters: string): number => columnIndex(letters) + 1;

/** Snapshot one worksheet (values, bold, number formats, merges, hidden rows). */
export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = mergesOf(ws);

  // Extent: the last row and column that hold a value, or that a merge reaches.
  let rowCount = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = ownValue(cell);
      if (v === null || v === undefined) return;
      if (rowNumber > rowCount) rowCount = rowNumber;
      if (colNumber > colCount) colCount = colNumber;
    });
  });
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }

  const values: CellValue[][] = [];
  const bold: boolean[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];

  for (let r = 1; r <= rowCount; r++) {
    const vRow: CellValue[] = new Array<CellValue>(colCount).fill(null);
    const bRow: boolean[] = new Array<boolean>(colCount).fill(false);
    const fRow: string[] = new Array<string>(colCount).fill('General');
    const row = ws.findRow(r);
    if (row) {
      if (row.hidden) hiddenRows.push(r - 1);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (c > colCount) return;
        const raw = ownValue(cell);
        const { value, isDate } = convert(raw);
        const numFmt =
          typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : 'General';
        vRow[c - 1] = value;
        fRow[c - 1] = isDate ? dateCellFormat(numFmt) : numFmt;
        bRow[c - 1] = cell.font?.bold === true || richTextAllBold(raw);
      });
    }
    values.push(vRow);
    bold.push(bRow);
    numberFormats.push(fRow);
  }

  const snapshot: SheetSnapshot = {
    name: ws.name,
    values,
    bold,
    numberFormats,
    merges,
    origin: { row: 0, col: 0 },
    hiddenRows,
  };
  return snapshot;
}
