/**
 * A fake of the Excel JavaScript API (Office.js) for tests: just the parts the Office adapter uses,
 * but with the semantics that make real add-ins fail when they get them wrong.
 *
 * - Proxy objects: reading a scalar property that was not `load()`ed and then `sync()`ed throws a
 *   PropertyNotLoaded error (real Office.js throws too; office-addin-mock returns a string instead).
 * - Every call that reads or changes the workbook is queued; queued actions run, in order, only at
 *   `context.sync()`. A failing action rejects the sync; actions before it stay applied (Excel
 *   batches are not transactions), actions after it are dropped.
 * - `context.sync()` counts a round trip (`fake.syncs`). `Excel.run` flushes pending actions with one
 *   more sync when the batch returns with a non-empty queue, as Office.js does.
 * - Requirement sets: methods introduced after the configured ExcelApi version fail at sync with
 *   ApiNotFound (getCellProperties / getRanges 1.9, PivotTables 1.8, getMergedAreasOrNullObject 1.13…),
 *   and `Office.context.requirements.isSetSupported` answers from the same version.
 * - Real Excel's rules that the add-in must not trip over, each cited where it is modelled:
 *   value coercion on writing `values` (coerceWrite), the 5 MB request and response payload limits
 *   and the 5,000,000-cell read limit (FakeContext.sync, readGrid), one namespace for table names and
 *   defined names with Excel's naming rules (checkDefinedName), and the sheet-naming rules with the
 *   reserved name "History" (checkSheetName). Where the documentation leaves Excel's behaviour open,
 *   the fake is stricter than Excel, so that a test passing here does not rely on luck there.
 *
 * - Data validation (ExcelApi 1.8), page layout (1.9), borders, fonts, alignment, column widths and row
 *   heights are recorded on the sheet (FakeSheet.validations, pageLayout, borders, columnWidths,
 *   rowHeights; FakeCell italic / fontName / fontSize / align / wrap) for the appendix tests.
 *
 * - Events: a worksheet's onChanged (ExcelApi 1.7) fires after every `values` write and every
 *   `setCell` (a user's edit), unless context.runtime.enableEvents (ExcelApi 1.8) is false at that
 *   point of the batch (fireChanged).
 *
 * Not modelled: formulas and calculation, PivotTable output cells, chart rendering, styles and
 * table formatting, other events, tracked objects, number-format rendering beyond dates (`text`).
 *
 * Test-only, but kept free of Node APIs and jest so it can be injected into a browser page.
 */

/* ------------------------------------------------------------------ the in-memory workbook */

export type FakeScalar = string | number | boolean;

/** One cell. Absent keys mean Excel's defaults (empty, "General", not bold). */
export interface FakeCell {
  v?: FakeScalar;
  /** The value is an error (#REF!, #N/A): `v` holds its text. */
  err?: boolean;
  /** A written text that Excel took as a formula (see coerceWrite). */
  formula?: string;
  nf?: string;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  /** Horizontal alignment set ("Center", "Left", …). */
  align?: string;
  wrap?: boolean;
  fill?: string;
  fontColor?: string;
  link?: {
    address?: string;
    documentReference?: string;
    textToDisplay?: string;
    screenTip?: string;
  };
}

/** 0-based, inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeCF {
  id: string;
  /** "Custom", "CellValue", … */
  type: string;
  areas: Area[];
  formula?: string;
  fill?: string | null;
  fontColor?: string | null;
}

export interface FakeTable {
  id: string;
  name: string;
  area: Area;
  hasHeaders: boolean;
  style?: string;
}

export interface FakePivot {
  id: string;
  name: string;
  source: { sheetId: string; area: Area };
  destination: { sheetId: string; row: number; col: number };
  rows: string[];
  columns: string[];
  data: { field: string; name: string; summarizeBy: string }[];
  filters: string[];
}

export interface FakeChart {
  id: string;
  name: string;
  type: string;
  source: Area;
  seriesBy: string;
  title?: string;
  position?: { start: string; end?: string };
}

/** A data-validation rule on an area (ExcelApi 1.8). */
export interface FakeValidation {
  area: Area;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

/** A border drawn on an area (RangeFormat.borders.getItem(side)). */
export interface FakeBorder {
  area: Area;
  side: string;
  style?: string;
  weight?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  merges: Area[];
  cfs: FakeCF[];
  tables: FakeTable[];
  pivots: FakePivot[];
  charts: FakeChart[];
  frozenRows: number;
  frozenColumns: number;
  selection: Area | null;
  deleted?: boolean;
  validations: FakeValidation[];
  borders: FakeBorder[];
  /** Column widths set (points), by 0-based column. */
  columnWidths: Record<number, number>;
  /** Row heights set (points), by 0-based row. */
  rowHeights: Record<number, number>;
  /** Page layout (ExcelApi 1.9): properties set, plus print titles / area / margins. */
  pageLayout: Record<string, unknown>;
  /** Worksheet.onChanged handlers (ExcelApi 1.7), registered at sync. */
  changeHandlers?: ((event: FakeChangeEvent) => Promise<unknown> | void)[];
}

/** What a worksheet's onChanged handler receives (WorksheetChangedEventArgs, the fields the add-in reads). */
export interface FakeChangeEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local';
}

export interface FakeName {
  name: string;
  comment: string;
  /** A reference to a sheet area (follows renames; #REF! once the sheet is gone)… */
  ref?: { sheetId: string; area: Area };
  /** …or a constant / formula text. */
  formula?: string;
}

export interface FakeBook {
  sheets: FakeSheet[];
  activeSheetId: string | null;
  names: FakeName[];
  /** Document settings as saved in the file (saveAsync). */
  settings: Record<string, unknown>;
  /** Highest ExcelApi requirement set the fake host supports, e.g. "1.9". */
  apiVersion: string;
  /** Cells one range load may return (default PAYLOAD_CELL_LIMIT). */
  payloadCellLimit: number;
  /** Bytes one request, and one response, may carry (default PAYLOAD_BYTE_LIMIT). */
  payloadByteLimit: number;
  /** Test hook: a `values` write for which this returns an error fails with it (a fault injected in a batch). */
  faultOnWrite?: (sheet: string, values: unknown) => FakeOfficeError | null;
  /** Measured size of every sync's request and response (bytes, see payloadBytes). */
  payloads: { request: number; response: number }[];
  syncs: number;
  nextId: number;
  /** context.runtime.enableEvents (ExcelApi 1.8): false while an add-in writes with events off. */
  eventsEnabled?: boolean;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/**
 * Cells one range may read. "A range is limited to 5,000,000 cells for read operations"
 * (office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md, "Excel add-ins");
 * beyond it Excel answers RangeExceedsLimit ("The cell count in the range has exceeded the maximum
 * supported number", docs/testing/application-specific-api-error-handling.md).
 */
export const PAYLOAD_CELL_LIMIT = 5_000_000;
/**
 * Bytes one request and one response may carry. "Excel on the web has a payload size limit for
 * requests and responses of 5MB" (same resource-limits article); the errors are
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded ("This error only occurs in Office
 * on the web", application-specific-api-error-handling.md). Stricter than the article: 5,000,000 bytes,
 * not 5 MiB, measured by payloadBytes (which counts every non-ASCII character as a 6-byte \uXXXX escape).
 */
export const PAYLOAD_BYTE_LIMIT = 5_000_000;
/**
 * Bytes counted for each queued call beyond its arguments: Office.js sends every call as an action
 * record with the object path it applies to (ids, type, name, path), about 100–250 bytes of JSON.
 * Undocumented; the fake takes the high end (stricter).
 */
export const ACTION_OVERHEAD_BYTES = 250;

/**
 * The size of a value as JSON in a request or response, counted strictly: JSON.stringify's length,
 * plus 5 bytes for every non-ASCII character (as if sent as a \uXXXX escape; in UTF-8 it would be 2 or 3).
 */
export function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value) ?? '';
  let extra = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) extra += 5;
  return json.length + extra;
}

/* ------------------------------------------------------------------ errors */

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/* ------------------------------------------------------------------ A1 helpers */

export function colLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Split "'My sheet'!A1:B2" into sheet and local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(a);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const plain = /^([^'!]+)!(.*)$/.exec(a);
  if (plain) return { sheet: plain[1], local: plain[2] };
  return { sheet: null, local: a };
}

/** "A1", "A1:C3", "$A$1", "A:C", "2:5" → area. */
export function parseArea(local: string): Area {
  const parts = local.replace(/\$/g, '').trim().toUpperCase().split(':');
  if (parts.length < 1 || parts.length > 2)
    throw new FakeOfficeError('InvalidArgument', `bad address ${local}`);
  const one = (p: string) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: lettersToCol(m[1]), kind: 'cell' as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { r: -1, c: lettersToCol(m[1]), kind: 'col' as const };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]) - 1, c: -1, kind: 'row' as const };
    throw new FakeOfficeError('InvalidArgument', `bad address ${local}`);
  };
  const a = one(parts[0]);
  const b = parts.length === 2 ? one(parts[1]) : a;
  if (a.kind !== b.kind) throw new FakeOfficeError('InvalidArgument', `bad address ${local}`);
  let area: Area;
  if (a.kind === 'col')
    area = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  else if (a.kind === 'row')
    area = { c0: 0, c1: MAX_COLS - 1, r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r) };
  else
    area = {
      r0: Math.min(a.r, b.r),
      r1: Math.max(a.r, b.r),
      c0: Math.min(a.c, b.c),
      c1: Math.max(a.c, b.c),
    };
  if (area.r0 < 0 || area.c0 < 0 || area.r1 >= MAX_ROWS || area.c1 >= MAX_COLS)
    throw new FakeOfficeError('InvalidArgument', `bad address ${local}`);
  return area;
}

export function formatArea(area: Area): string {
  if (area.r0 === 0 && area.r1 === MAX_ROWS - 1)
    return `${colLetters(area.c0)}:${colLetters(area.c1)}`;
  if (area.c0 === 0 && area.c1 === MAX_COLS - 1) return `${area.r0 + 1}:${area.r1 + 1}`;
  const a = `${colLetters(area.c0)}${area.r0 + 1}`;
  const b = `${colLetters(area.c1)}${area.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function cellsIn(area: Area): number {
  return (area.r1 - area.r0 + 1) * (area.c1 - area.c0 + 1);
}

function intersect(a: Area, b: Area): Area | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, r1, c0, c1 } : null;
}

const key = (r: number, c: number) => `${r},${c}`;

function versionAtLeast(have: string, want: string): boolean {
  const h = have.split('.').map(Number);
  const w = want.split('.').map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const d = (h[i] ?? 0) - (w[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/* ------------------------------------------------------------------ model operations */

function newId(book: FakeBook, prefix: string): string {
  book.nextId += 1;
  return `{${prefix}-${book.nextId}}`;
}

export function newSheet(book: FakeBook, name: string): FakeSheet {
  return {
    id: newId(book, 'sheet'),
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    cfs: [],
    tables: [],
    pivots: [],
    charts: [],
    frozenRows: 0,
    frozenColumns: 0,
    selection: null,
    validations: [],
    borders: [],
    columnWidths: {},
    rowHeights: {},
    pageLayout: {},
  };
}

function findSheet(book: FakeBook, name: string): FakeSheet | undefined {
  const n = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === n);
}

/**
 * Excel's sheet-name rules (Microsoft support, "Rename a worksheet": a name cannot be blank, exceed 31
 * characters, contain / \\ ? * : [ ], begin or end with an apostrophe, or be "History", which Excel
 * reserves for itself — the change-history sheet of a shared workbook). Case-insensitive uniqueness.
 */
function checkSheetName(book: FakeBook, name: string, except?: FakeSheet): void {
  if (
    !name ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    /^'|'$/.test(name) ||
    name.toLowerCase() === 'history'
  )
    throw new FakeOfficeError('InvalidArgument', `invalid sheet name ${name}`);
  const other = findSheet(book, name);
  if (other && other !== except)
    throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`);
}

function cellAt(sheet: FakeSheet, r: number, c: number): FakeCell | undefined {
  return sheet.cells.get(key(r, c));
}

function touch(sheet: FakeSheet, r: number, c: number): FakeCell {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) {
    cell = {};
    sheet.cells.set(key(r, c), cell);
  }
  return cell;
}

function tidy(sheet: FakeSheet, r: number, c: number): void {
  const cell = sheet.cells.get(key(r, c));
  if (cell && Object.keys(cell).length === 0) sheet.cells.delete(key(r, c));
}

function hasValue(cell: FakeCell | undefined): boolean {
  return cell !== undefined && cell.v !== undefined && cell.v !== '';
}

function hasFormat(cell: FakeCell | undefined): boolean {
  return (
    cell !== undefined &&
    (cell.nf !== undefined ||
      cell.bold !== undefined ||
      cell.fill !== undefined ||
      cell.fontColor !== undefined)
  );
}

function usedArea(sheet: FakeSheet, valuesOnly: boolean, within?: Area): Area | null {
  let box: Area | null = null;
  const grow = (r: number, c: number) => {
    if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) return;
    if (!box) box = { r0: r, r1: r, c0: c, c1: c };
    else {
      box.r0 = Math.min(box.r0, r);
      box.r1 = Math.max(box.r1, r);
      box.c0 = Math.min(box.c0, c);
      box.c1 = Math.max(box.c1, c);
    }
  };
  for (const [k, cell] of sheet.cells) {
    if (hasValue(cell) || (!valuesOnly && hasFormat(cell))) {
      const [r, c] = k.split(',').map(Number);
      grow(r, c);
    }
  }
  return box;
}

function isDateFormat(nf: string | undefined): boolean {
  if (!nf || /^general$/i.test(nf)) return false;
  return /[dmy]/i.test(nf.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

function serialToDmy(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function readGrid<T>(
  sheet: FakeSheet,
  area: Area,
  f: (cell: FakeCell | undefined) => T,
  limit = PAYLOAD_CELL_LIMIT,
): T[][] {
  if (cellsIn(area) > limit)
    throw new FakeOfficeError(
      'RangeExceedsLimit',
      `The cell count in the range (${cellsIn(area)}) has exceeded the maximum supported number.`,
    );
  const out: T[][] = [];
  for (let r = area.r0; r <= area.r1; r++) {
    const row: T[] = [];
    for (let c = area.c0; c <= area.c1; c++) row.push(f(cellAt(sheet, r, c)));
    out.push(row);
  }
  return out;
}

/** Write a 2-D array (or one value for every cell) into an area. */
function writeGrid(
  sheet: FakeSheet,
  area: Area,
  input: unknown,
  put: (cell: FakeCell, v: unknown) => void,
): void {
  const rows = area.r1 - area.r0 + 1;
  const cols = area.c1 - area.c0 + 1;
  const grid = Array.isArray(input) ? (input as unknown[][]) : null;
  if (
    grid &&
    (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))
  )
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  if (!grid && rows * cols > PAYLOAD_CELL_LIMIT)
    throw new FakeOfficeError('InvalidArgument', 'range too large');
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cell = touch(sheet, area.r0 + r, area.c0 + c);
      put(cell, grid ? grid[r][c] : input);
      tidy(sheet, area.r0 + r, area.c0 + c);
    }
}

/** Number-like text: "1", "01", "-1.5", "1.10", "1,10", "1.000.000", "1e3", "5%", "$12" (any locale's separators: stricter). */
const NUMBER_LIKE = /^[+-]?[$€£¥₫]?\s*(\d[\d.,\s]*|[.,]\d+)(e[+-]?\d+)?\s*%?[$€£¥₫]?$/i;
/** Date- or time-like text: "30/6/2026", "6/2026", "2018-12-31", "1-2", "31.12.2026", "8:30", "8:30:15". */
const DATE_LIKE =
  /^(\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?|\d{1,2}:\d{2}(:\d{2})?)(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;

function looseNumber(text: string): number {
  const t = text.replace(/[\s$€£¥₫%]/g, '');
  const lastSep = Math.max(t.lastIndexOf('.'), t.lastIndexOf(','));
  const n =
    lastSep < 0
      ? Number(t)
      : Number(`${t.slice(0, lastSep).replace(/[.,]/g, '')}.${t.slice(lastSep + 1)}`);
  return Number.isFinite(n) ? (text.includes('%') ? n / 100 : n) : 0;
}

function dateSerial(text: string): number {
  const parts = text.split(/[/.\-: ]/).map(Number);
  const [a, b, c] = parts;
  const ymd = a > 31 ? [a, b, c ?? 1] : [c ?? 2026, b, a];
  const t = Date.UTC(ymd[0] < 100 ? 2000 + ymd[0] : ymd[0], (ymd[1] || 1) - 1, ymd[2] || 1);
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * What Excel stores when a value is written through Range.values. Modelled rules:
 * - A string starting with "=", "+" or "-" is taken as a formula: "If the returned value starts with a
 *   plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula" (Excel.Range
 *   `values`, office-js-docs-reference / @types/office-js); OfficeDev/office-js#3256 ("Unable to set values
 *   in Excel range when values start with a minus"). The fake does not calculate: the cell keeps the
 *   formula and shows #NAME? (what a text such as "- Tổ chức" gives in Excel), unless the text is a plain
 *   number such as "-5" or "+1.5", which Excel reads as that number.
 * - Number-, date-, time- and boolean-like text becomes a number (a date serial, with a date format when
 *   the cell had none) or a boolean, as typed input does: OfficeDev/office-js#229 (writing "2018-12-31"
 *   through `values` gives a date and the number format m/d/yyyy). Stricter than Excel: separators of
 *   every locale count ("1,10" and "1.10" are both numbers), since the user's locale decides in Excel.
 * - None of this happens when the cell's number format is text "@": Excel keeps what is written as text
 *   (Microsoft support, "Format numbers as text": apply the Text format before typing the numbers).
 * - A leading apostrophe: Microsoft documents no quote-prefix behaviour for `values` (office-js#6687 shows
 *   it is not kept through `formulas`), so the fake keeps the apostrophe as part of the text: an add-in
 *   that relied on it would see "'=x" come back, not "=x".
 */
export function coerceWrite(cell: FakeCell, v: unknown): void {
  putValue(cell, v);
  if (typeof cell.v !== 'string' || cell.err || cell.nf === '@') return;
  const text = cell.v;
  if (NUMBER_LIKE.test(text.trim()) && /\d/.test(text)) {
    cell.v = looseNumber(text.trim());
    if (text.includes('%') && cell.nf === undefined) cell.nf = '0%';
  } else if (DATE_LIKE.test(text.trim())) {
    cell.v = dateSerial(text.trim());
    if (cell.nf === undefined) cell.nf = 'm/d/yyyy';
  } else if (/^(true|false)$/i.test(text.trim())) {
    cell.v = text.trim().toLowerCase() === 'true';
  } else if (/^[=+-]/.test(text)) {
    cell.formula = text;
    cell.v = '#NAME?';
    cell.err = true;
  }
}

function putValue(cell: FakeCell, v: unknown): void {
  delete cell.err;
  delete cell.formula;
  if (v === null || v === undefined || v === '') delete cell.v;
  else if (typeof v === 'string' && /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(v)) {
    cell.v = v;
    cell.err = true;
  } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') cell.v = v;
  else throw new FakeOfficeError('InvalidArgument', `unsupported value ${JSON.stringify(v)}`);
}

export function deleteSheet(book: FakeBook, sheet: FakeSheet): void {
  const visible = book.sheets.filter((s) => s.visibility === 'Visible');
  if (visible.length === 1 && visible[0] === sheet)
    throw new FakeOfficeError(
      'InvalidOperation',
      'A workbook must contain at least one visible worksheet.',
    );
  const i = book.sheets.indexOf(sheet);
  book.sheets.splice(i, 1);
  sheet.deleted = true;
  if (book.activeSheetId === sheet.id) {
    const next = book.sheets[Math.min(i, book.sheets.length - 1)];
    book.activeSheetId = next ? next.id : null;
  }
}

/* ------------------------------------------------------------------ proxies */

type Resolver = () => unknown;

interface ScalarSpec {
  get?: (target: any, self: FakeObj) => unknown;
  set?: (target: any, value: unknown, self: FakeObj) => void;
  /** ExcelApi version the property needs. */
  api?: string;
}

interface ObjSpec {
  typeName: string;
  scalars?: Record<string, ScalarSpec>;
  navs?: Record<string, (self: FakeObj) => FakeObj>;
  methods?: Record<string, (self: FakeObj, ...args: any[]) => unknown>;
  /** For collections: the member objects, created at load time. */
  items?: (target: any, self: FakeObj) => FakeObj[];
}

const BUILTIN = new Set([
  'load',
  'set',
  'toJSON',
  'isNullObject',
  'items',
  'context',
  'track',
  'untrack',
  'then',
]);

/** One proxy object: a path to something in the workbook, resolved only during sync. */
export class FakeObj {
  readonly ctx: FakeContext;
  readonly spec: ObjSpec;
  private readonly resolver: Resolver;
  private readonly nullable: boolean;
  private resolved = false;
  private target: unknown;
  /** Scalars loaded (or written) on this proxy. */
  readonly loaded = new Map<string, unknown>();
  private synced = false;
  private isNull = false;
  private itemsCache: FakeObj[] | null = null;
  private readonly children = new Map<string, FakeObj>();
  readonly proxy: any;

  constructor(ctx: FakeContext, spec: ObjSpec, resolver: Resolver, nullable = false) {
    this.ctx = ctx;
    this.spec = spec;
    this.resolver = resolver;
    this.nullable = nullable;
    const self = this;
    this.proxy = new Proxy(
      {},
      {
        get(_t, prop) {
          if (prop === '__fake') return self;
          if (typeof prop !== 'string') return undefined;
          return self.read(prop);
        },
        set(_t, prop, value) {
          if (typeof prop !== 'string') return false;
          self.write(prop, value);
          return true;
        },
      },
    );
    ctx.all.push(this);
    // An *OrNullObject call is itself a queued request: after the next sync, isNullObject is known.
    if (nullable && !ctx.inSync) ctx.queue(() => void this.resolveOrNull());
  }

  /** The model object this proxy points at; throws ItemNotFound if it is a null object. */
  resolve(): any {
    const t = this.resolveOrNull();
    if (t === null)
      throw new FakeOfficeError(
        'ItemNotFound',
        `The requested ${this.spec.typeName} doesn't exist.`,
      );
    return t;
  }

  resolveOrNull(): any {
    if (!this.resolved) {
      let t: unknown;
      try {
        t = this.resolver();
      } catch (e) {
        if (this.nullable && e instanceof FakeOfficeError && e.code === 'ItemNotFound') t = null;
        else throw e;
      }
      if (t === null || t === undefined) {
        if (!this.nullable)
          throw new FakeOfficeError(
            'ItemNotFound',
            `The requested ${this.spec.typeName} doesn't exist.`,
          );
        t = null;
      }
      this.target = t;
      this.isNull = t === null;
      this.resolved = true;
    }
    if (this.target && (this.target as FakeSheet).deleted)
      throw new FakeOfficeError(
        'InvalidReference',
        'This reference is not valid (the worksheet was deleted).',
      );
    return this.target as any;
  }

  markSynced(): void {
    this.synced = true;
  }

  child(name: string, make: () => FakeObj): FakeObj {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c;
  }

  private read(prop: string): unknown {
    const { spec } = this;
    if (prop === 'context') return this.ctx.proxy;
    if (prop === 'isNullObject') {
      if (!this.synced) throw notLoaded('isNullObject');
      return this.isNull;
    }
    if (prop === 'items') {
      if (!spec.items) return undefined;
      if (!this.itemsCache) throw notLoaded('items');
      return this.itemsCache.map((o) => o.proxy);
    }
    if (prop === 'load') return (what?: unknown) => this.load(what);
    if (prop === 'set') return (props: Record<string, unknown>) => this.setMany(props);
    if (prop === 'track' || prop === 'untrack') return () => this.proxy;
    if (prop === 'toJSON') return () => Object.fromEntries(this.loaded);
    if (prop === 'then') return undefined;
    if (spec.scalars && prop in spec.scalars) {
      if (!this.loaded.has(prop)) throw notLoaded(prop);
      return this.loaded.get(prop);
    }
    if (spec.navs && prop in spec.navs) return this.child(prop, () => spec.navs![prop](this)).proxy;
    if (spec.methods && prop in spec.methods)
      return (...args: unknown[]) => {
        this.ctx.addRequest(
          ACTION_OVERHEAD_BYTES + payloadBytes(args.map((a) => ((a as any)?.__fake ? '{ref}' : a))),
        );
        const out = spec.methods![prop](this, ...args);
        return out instanceof FakeObj ? out.proxy : out;
      };
    return undefined;
  }

  private write(prop: string, value: unknown): void {
    const s = this.spec.scalars?.[prop];
    if (!s || !s.set || BUILTIN.has(prop))
      throw new FakeOfficeError(
        'InvalidArgument',
        `${this.spec.typeName}.${prop} is read-only in the fake`,
      );
    this.loaded.set(prop, value);
    this.ctx.addRequest(ACTION_OVERHEAD_BYTES + prop.length + payloadBytes(value));
    const snapshot = clone(value);
    this.ctx.queue(() => {
      if (s.api) this.ctx.requireApi(s.api, `${this.spec.typeName}.${prop}`);
      s.set!(this.resolve(), snapshot, this);
    });
  }

  private setMany(props: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(props)) {
      if (
        v !== null &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        this.spec.navs &&
        k in this.spec.navs
      ) {
        (this.read(k) as any).set(v);
      } else this.write(k, v);
    }
  }

  load(what?: unknown): any {
    const paths = parseLoad(what);
    this.ctx.addRequest(ACTION_OVERHEAD_BYTES + payloadBytes(what));
    this.ctx.queue(() => this.applyLoad(paths));
    return this.proxy;
  }

  /** Run during sync: copy values from the model into this proxy (and its children). */
  applyLoad(paths: string[][]): void {
    const t = this.resolveOrNull();
    this.synced = true;
    const { spec } = this;
    if (spec.items) {
      // A collection: `load('name')` means `items/name`.
      if (t !== null) this.itemsCache = spec.items(t, this);
      else this.itemsCache = [];
      const rest = paths
        .map((p) => (p[0] === 'items' ? p.slice(1) : p))
        .filter((p) => p.length > 0);
      for (const item of this.itemsCache) item.applyLoad(rest.length ? rest : [['*']]);
      return;
    }
    if (t === null) {
      for (const name of Object.keys(spec.scalars ?? {})) this.loaded.set(name, null);
      return;
    }
    const all = paths.length === 0 || paths.some((p) => p[0] === '*');
    const scalarNames = Object.keys(spec.scalars ?? {});
    const wanted = all
      ? scalarNames.filter((n) => !spec.scalars![n].api || this.ctx.hasApi(spec.scalars![n].api!))
      : [];
    for (const p of paths)
      if (p[0] !== '*' && p.length === 1 && spec.scalars && p[0] in spec.scalars) wanted.push(p[0]);
    for (const name of wanted) {
      const s = spec.scalars![name];
      if (s.api) this.ctx.requireApi(s.api, `${spec.typeName}.${name}`);
      if (!s.get)
        throw new FakeOfficeError('InvalidArgument', `${spec.typeName}.${name} cannot be loaded`);
      const value = clone(s.get(t, this));
      this.loaded.set(name, value);
      this.ctx.addResponse(this, name, value);
    }
    for (const p of paths) {
      if (p[0] === '*' || (p.length === 1 && spec.scalars && p[0] in spec.scalars)) continue;
      if (spec.navs && p[0] in spec.navs) {
        const c = this.child(p[0], () => spec.navs![p[0]](this));
        c.applyLoad(p.length > 1 ? [p.slice(1)] : [['*']]);
        continue;
      }
      throw new FakeOfficeError('InvalidArgument', `${spec.typeName} has no property '${p[0]}'`);
    }
  }
}

function parseLoad(what: unknown): string[][] {
  if (what === undefined || what === null) return [];
  if (typeof what === 'string')
    return what
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split('/'));
  if (Array.isArray(what)) return what.flatMap((w) => parseLoad(w));
  if (typeof what === 'object') {
    const o = what as Record<string, unknown>;
    if ('select' in o || 'expand' in o) return [...parseLoad(o.select), ...parseLoad(o.expand)];
    const out: string[][] = [];
    for (const [k, v] of Object.entries(o)) {
      if (v === true) out.push([k]);
      else if (v && typeof v === 'object') for (const sub of parseLoad(v)) out.push([k, ...sub]);
    }
    return out;
  }
  return [];
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** A method's result value, available after sync (OfficeExtension.ClientResult). */
class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  clear(): void {
    this.v = undefined;
    this.has = false;
  }
  get value(): T {
    if (!this.has) throw notLoaded('value');
    return this.v as T;
  }
}

export class FakeContext {
  readonly book: FakeBook;
  private actions: (() => void)[] = [];
  readonly all: FakeObj[] = [];
  inSync = false;
  readonly proxy: any;
  readonly workbookObj: FakeObj;

  constructor(book: FakeBook) {
    this.book = book;
    this.workbookObj = workbookObj(this);
    const self = this;
    this.proxy = {
      get workbook() {
        return self.workbookObj.proxy;
      },
      // context.runtime.enableEvents (ExcelApi 1.8). Microsoft ("Work with events using the Excel
      // JavaScript API", office-js-docs-pr docs/excel/excel-add-ins-events.md, "Enable and disable
      // events"): events are enabled and disabled at the runtime level, and enableEvents "determines if
      // events are fired and their handlers are activated". Modelled as a queued write that takes effect
      // at its place in the batch (a batch that fails before `= true` leaves events off, as in Excel,
      // where the actions after a failing one do not run).
      runtime: {
        set enableEvents(v: boolean) {
          self.call(
            () => void (self.book.eventsEnabled = Boolean(v)),
            '1.8',
            'Runtime.enableEvents',
          );
        },
        get enableEvents() {
          return self.book.eventsEnabled !== false;
        },
      },
      sync: () => self.sync(),
      trackedObjects: { add() {}, remove() {} },
    };
  }

  queue(action: () => void): void {
    this.actions.push(action);
  }

  get pending(): number {
    return this.actions.length;
  }

  hasApi(version: string): boolean {
    return versionAtLeast(this.book.apiVersion, version);
  }

  requireApi(version: string, what: string): void {
    if (!this.hasApi(version))
      throw new FakeOfficeError(
        'ApiNotFound',
        `${what} needs ExcelApi ${version}; this host supports ${this.book.apiVersion}.`,
      );
  }

  /** Bytes of the request being queued (see payloadBytes). */
  private requestBytes = 0;
  private responseBytes = 0;
  private responded: [FakeObj | FakeClientResult<unknown>, string][] = [];

  addRequest(bytes: number): void {
    if (!this.inSync) this.requestBytes += bytes;
  }

  addResponse(owner: FakeObj | FakeClientResult<unknown>, name: string, value: unknown): void {
    this.responseBytes += name.length + 4 + payloadBytes(value);
    this.responded.push([owner, name]);
  }

  /**
   * One round trip. The request is measured first: over the limit, Excel on the web refuses it whole
   * (RequestPayloadSizeLimitExceeded) and nothing of the batch runs. Then the actions run in order; a
   * failing one rejects the sync, the ones before it stay applied. Last the response is measured: over
   * the limit, the sync rejects with ResponsePayloadSizeLimitExceeded and no loaded value is delivered
   * (the writes of the batch have happened). Citations at PAYLOAD_BYTE_LIMIT.
   */
  async sync(): Promise<void> {
    this.book.syncs += 1;
    const batch = this.actions;
    const request = this.requestBytes;
    this.actions = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.responded = [];
    await Promise.resolve();
    const limit = this.book.payloadByteLimit;
    if (request > limit) {
      this.book.payloads.push({ request, response: 0 });
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${request} bytes) has exceeded the limit (${limit}).`,
      );
    }
    this.inSync = true;
    try {
      for (const action of batch) action();
    } finally {
      this.inSync = false;
      this.book.payloads.push({ request, response: this.responseBytes });
      for (const o of this.all) o.markSynced();
    }
    if (this.responseBytes > limit) {
      for (const [owner, name] of this.responded) {
        if (owner instanceof FakeObj) owner.loaded.delete(name);
        else owner.clear();
      }
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit (${limit}).`,
      );
    }
  }

  /** A proxy created by a queued action (add()): resolves to what the action created. */
  created<T>(spec: ObjSpec, make: () => T, api?: string, what?: string): FakeObj {
    let made: T | undefined;
    this.queue(() => {
      if (api) this.requireApi(api, what ?? spec.typeName);
      made = make();
    });
    return new FakeObj(this, spec, () => {
      if (made === undefined)
        throw new FakeOfficeError('ItemNotFound', `${spec.typeName} was not created`);
      return made;
    });
  }

  result<T>(compute: () => T, api?: string, what?: string): FakeClientResult<T> {
    const r = new FakeClientResult<T>();
    this.queue(() => {
      if (api) this.requireApi(api, what ?? 'method');
      const value = clone(compute());
      r.set(value);
      this.addResponse(r, 'value', value);
    });
    return r;
  }

  /** A method call with an effect and no result. */
  call(effect: () => void, api?: string, what?: string): void {
    this.queue(() => {
      if (api) this.requireApi(api, what ?? 'method');
      effect();
    });
  }
}

/**
 * A worksheet's onChanged handlers run after the change, asynchronously (Excel raises the event
 * after the edit); not while events are switched off (context.runtime.enableEvents = false).
 */
function fireChanged(book: FakeBook, sheet: FakeSheet, address: string): void {
  if (book.eventsEnabled === false || !sheet.changeHandlers?.length) return;
  const event: FakeChangeEvent = {
    type: 'WorksheetChanged',
    worksheetId: sheet.id,
    address,
    changeType: 'RangeEdited',
    source: 'Local',
  };
  for (const h of [...sheet.changeHandlers]) setTimeout(() => void h(event), 0);
}

/* ------------------------------------------------------------------ object specs */

interface RangeT {
  sheet: FakeSheet;
  area: Area;
}

interface AreasT {
  sheet: FakeSheet;
  areas: Area[];
}

function rangeFromArg(ctx: FakeContext, sheet: FakeSheet, arg: unknown): Area {
  if (typeof arg === 'string') {
    const { sheet: s, local } = splitSheet(arg);
    if (s !== null && s.toLowerCase() !== sheet.name.toLowerCase())
      throw new FakeOfficeError('InvalidArgument', `${arg} is on another sheet`);
    return parseArea(local);
  }
  const fake = (arg as any)?.__fake as FakeObj | undefined;
  if (!fake || fake.ctx !== ctx)
    throw new FakeOfficeError('InvalidObjectPath', 'range from another context');
  const t = fake.resolve() as RangeT;
  if (t.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'range is on another sheet');
  return t.area;
}

/** A range given as string ("'Sheet'!A1:B2") or Range proxy, resolved against the workbook. */
function anyRange(ctx: FakeContext, arg: unknown, defaultSheet?: FakeSheet): RangeT {
  if (typeof arg === 'string') {
    const { sheet, local } = splitSheet(arg);
    const s = sheet !== null ? findSheet(ctx.book, sheet) : defaultSheet;
    if (!s) throw new FakeOfficeError('ItemNotFound', `no sheet for ${arg}`);
    return { sheet: s, area: parseArea(local) };
  }
  const fake = (arg as any)?.__fake as FakeObj | undefined;
  if (!fake) throw new FakeOfficeError('InvalidArgument', 'not a range');
  const t = fake.resolve();
  if ('area' in t && 'sheet' in t) return t as RangeT;
  if (t.hasHeaders !== undefined) {
    const sheet = ctx.book.sheets.find((s) => s.tables.includes(t));
    return { sheet: sheet!, area: t.area };
  }
  throw new FakeOfficeError('InvalidArgument', 'not a range');
}

function rangeObj(ctx: FakeContext, resolver: () => RangeT | null, nullable = false): FakeObj {
  return new FakeObj(ctx, RANGE, resolver, nullable);
}

function sheetOf(o: FakeObj): FakeSheet {
  return (o.resolve() as RangeT).sheet;
}

function formatSpec(owner: (self: FakeObj) => { sheet: FakeSheet; areas: Area[] }): ObjSpec {
  const each = (self: FakeObj, f: (cell: FakeCell) => void) => {
    const { sheet, areas } = owner(self);
    for (const a of areas)
      for (let r = a.r0; r <= a.r1; r++)
        for (let c = a.c0; c <= a.c1; c++) {
          f(touch(sheet, r, c));
          tidy(sheet, r, c);
        }
  };
  const first = (self: FakeObj) => {
    const { sheet, areas } = owner(self);
    return cellAt(sheet, areas[0].r0, areas[0].c0);
  };
  return {
    typeName: 'RangeFormat',
    scalars: {
      wrapText: {
        get: (_t, s) => first(s)?.wrap ?? false,
        set: (_t, v, s) => each(s, (cell) => (v ? (cell.wrap = true) : delete cell.wrap)),
      },
      // Widths and heights are kept per column / row (a whole-column range must not touch every cell).
      columnWidth: {
        get: (_t, s) => {
          const { sheet, areas } = owner(s);
          return sheet.columnWidths[areas[0].c0] ?? 64;
        },
        set: (_t, v, s) => {
          const { sheet, areas } = owner(s);
          for (const a of areas)
            for (let c = a.c0; c <= a.c1; c++) sheet.columnWidths[c] = Number(v);
        },
      },
      rowHeight: {
        get: (_t, s) => {
          const { sheet, areas } = owner(s);
          return sheet.rowHeights[areas[0].r0] ?? 15;
        },
        set: (_t, v, s) => {
          const { sheet, areas } = owner(s);
          for (const a of areas) for (let r = a.r0; r <= a.r1; r++) sheet.rowHeights[r] = Number(v);
        },
      },
      horizontalAlignment: {
        get: (_t, s) => first(s)?.align ?? 'General',
        set: (_t, v, s) =>
          each(s, (cell) => (v === 'General' ? delete cell.align : (cell.align = String(v)))),
      },
      verticalAlignment: { get: () => 'Bottom', set: () => {} },
    },
    navs: {
      font: (fmt) =>
        new FakeObj(
          fmt.ctx,
          {
            typeName: 'RangeFont',
            scalars: {
              bold: {
                get: (_t, s) => first(s)?.bold ?? false,
                set: (_t, v, s) => each(s, (cell) => (v ? (cell.bold = true) : delete cell.bold)),
              },
              color: {
                get: (_t, s) => first(s)?.fontColor ?? '#000000',
                set: (_t, v, s) => each(s, (cell) => (cell.fontColor = String(v))),
              },
              italic: {
                get: (_t, s) => first(s)?.italic ?? false,
                set: (_t, v, s) =>
                  each(s, (cell) => (v ? (cell.italic = true) : delete cell.italic)),
              },
              size: {
                get: (_t, s) => first(s)?.fontSize ?? 11,
                set: (_t, v, s) => each(s, (cell) => (cell.fontSize = Number(v))),
              },
              name: {
                get: (_t, s) => first(s)?.fontName ?? 'Calibri',
                set: (_t, v, s) => each(s, (cell) => (cell.fontName = String(v))),
              },
            },
          },
          () => fmt.resolve(),
        ),
      fill: (fmt) =>
        new FakeObj(
          fmt.ctx,
          {
            typeName: 'RangeFill',
            scalars: {
              color: {
                get: (_t, s) => first(s)?.fill ?? null,
                set: (_t, v, s) => each(s, (cell) => (cell.fill = String(v))),
              },
            },
            methods: { clear: (s) => s.ctx.call(() => each(s, (cell) => delete cell.fill)) },
          },
          () => fmt.resolve(),
        ),
      borders: (fmt) =>
        new FakeObj(
          fmt.ctx,
          {
            typeName: 'RangeBorderCollection',
            methods: {
              getItem: (coll, side: string) => {
                let border: FakeBorder | undefined;
                const record = (sheet: FakeSheet, areas: Area[]) => {
                  if (!border) {
                    border = { area: { ...areas[0] }, side: String(side) };
                    sheet.borders.push(border);
                  }
                  return border;
                };
                return new FakeObj(
                  coll.ctx,
                  {
                    typeName: 'RangeBorder',
                    scalars: {
                      style: {
                        get: () => border?.style ?? 'None',
                        set: (_t, v, s) => {
                          const { sheet, areas } = owner(s);
                          record(sheet, areas).style = String(v);
                        },
                      },
                      weight: {
                        get: () => border?.weight ?? 'Thin',
                        set: (_t, v, s) => {
                          const { sheet, areas } = owner(s);
                          record(sheet, areas).weight = String(v);
                        },
                      },
                      color: { get: () => '#000000', set: () => {} },
                    },
                  },
                  () => coll.resolve(),
                );
              },
            },
          },
          () => fmt.resolve(),
        ),
    },
    methods: {
      autofitColumns: (s) => s.ctx.call(() => void s.resolve()),
      autofitRows: (s) => s.ctx.call(() => void s.resolve()),
    },
  };
}

const RANGE_FORMAT = formatSpec((self) => {
  const t = self.resolve() as RangeT;
  return { sheet: t.sheet, areas: [t.area] };
});

const RANGE: ObjSpec = {
  typeName: 'Range',
  scalars: {
    values: {
      get: (t: RangeT, self) =>
        readGrid(
          t.sheet,
          t.area,
          (c) => (c?.v === undefined ? '' : c.v),
          self.ctx.book.payloadCellLimit,
        ),
      set: (t: RangeT, v, self) => {
        const fault = self.ctx.book.faultOnWrite?.(t.sheet.name, v);
        if (fault) throw fault;
        writeGrid(t.sheet, t.area, v, coerceWrite);
        fireChanged(self.ctx.book, t.sheet, formatArea(t.area));
      },
    },
    numberFormat: {
      get: (t: RangeT, self) =>
        readGrid(t.sheet, t.area, (c) => c?.nf ?? 'General', self.ctx.book.payloadCellLimit),
      set: (t: RangeT, v) =>
        writeGrid(t.sheet, t.area, v, (cell, f) => {
          if (f === null || f === undefined || f === 'General') delete cell.nf;
          else cell.nf = String(f);
        }),
    },
    valueTypes: {
      get: (t: RangeT, self) =>
        readGrid(
          t.sheet,
          t.area,
          (c) =>
            c?.v === undefined
              ? 'Empty'
              : c.err
                ? 'Error'
                : typeof c.v === 'number'
                  ? 'Double'
                  : typeof c.v === 'boolean'
                    ? 'Boolean'
                    : 'String',
          self.ctx.book.payloadCellLimit,
        ),
    },
    text: {
      get: (t: RangeT) =>
        readGrid(t.sheet, t.area, (c) => {
          if (c?.v === undefined) return '';
          if (typeof c.v === 'number' && isDateFormat(c.nf)) return serialToDmy(c.v);
          if (typeof c.v === 'boolean') return c.v ? 'TRUE' : 'FALSE';
          return String(c.v);
        }),
    },
    address: { get: (t: RangeT) => `${quoteSheet(t.sheet.name)}!${formatArea(t.area)}` },
    rowIndex: { get: (t: RangeT) => t.area.r0 },
    columnIndex: { get: (t: RangeT) => t.area.c0 },
    rowCount: { get: (t: RangeT) => t.area.r1 - t.area.r0 + 1 },
    columnCount: { get: (t: RangeT) => t.area.c1 - t.area.c0 + 1 },
    cellCount: { get: (t: RangeT) => cellsIn(t.area) },
    hyperlink: {
      api: '1.7',
      get: (t: RangeT) => cellAt(t.sheet, t.area.r0, t.area.c0)?.link ?? null,
      set: (t: RangeT, v: any) =>
        writeGrid(t.sheet, t.area, null, (cell) => {
          if (!v) {
            delete cell.link;
            return;
          }
          cell.link = { ...v };
          // The text shown is written like a value (coerced likewise: nothing documents otherwise).
          if (v.textToDisplay !== undefined) coerceWrite(cell, v.textToDisplay);
        }),
    },
  },
  navs: {
    format: (self) => new FakeObj(self.ctx, RANGE_FORMAT, () => self.resolve()),
    dataValidation: (self) => new FakeObj(self.ctx, DATA_VALIDATION, () => self.resolve()),
    worksheet: (self) => sheetObj(self.ctx, () => sheetOf(self)),
    conditionalFormats: (self) =>
      cfCollection(self, () => {
        const t = self.resolve() as RangeT;
        return { sheet: t.sheet, areas: [t.area] };
      }),
  },
  methods: {
    getCell: (self, row: number, col: number) =>
      rangeObj(self.ctx, () => {
        const t = self.resolve() as RangeT;
        const r = t.area.r0 + row;
        const c = t.area.c0 + col;
        return { sheet: t.sheet, area: { r0: r, r1: r, c0: c, c1: c } };
      }),
    getRow: (self, row: number) =>
      rangeObj(self.ctx, () => {
        const t = self.resolve() as RangeT;
        const r = t.area.r0 + row;
        if (row < 0 || r > t.area.r1)
          throw new FakeOfficeError('InvalidArgument', `row ${row} is outside the range`);
        return { sheet: t.sheet, area: { r0: r, r1: r, c0: t.area.c0, c1: t.area.c1 } };
      }),
    getIntersection: (self, other: unknown) =>
      rangeObj(self.ctx, () => {
        const t = self.resolve() as RangeT;
        const a = intersect(t.area, rangeFromArg(self.ctx, t.sheet, other));
        if (!a) throw new FakeOfficeError('ItemNotFound', 'The ranges do not intersect.');
        return { sheet: t.sheet, area: a };
      }),
    getResizedRange: (self, dr: number, dc: number) =>
      rangeObj(self.ctx, () => {
        const t = self.resolve() as RangeT;
        return { sheet: t.sheet, area: { ...t.area, r1: t.area.r1 + dr, c1: t.area.c1 + dc } };
      }),
    getOffsetRange: (self, dr: number, dc: number) =>
      rangeObj(self.ctx, () => {
        const t = self.resolve() as RangeT;
        const a = t.area;
        return {
          sheet: t.sheet,
          area: { r0: a.r0 + dr, r1: a.r1 + dr, c0: a.c0 + dc, c1: a.c1 + dc },
        };
      }),
    getIntersectionOrNullObject: (self, other: unknown) =>
      rangeObj(
        self.ctx,
        () => {
          self.ctx.requireApi('1.4', 'Range.getIntersectionOrNullObject');
          const t = self.resolve() as RangeT;
          const a = intersect(t.area, rangeFromArg(self.ctx, t.sheet, other));
          return a ? { sheet: t.sheet, area: a } : null;
        },
        true,
      ),
    getUsedRange: (self, valuesOnly?: boolean) =>
      rangeObj(self.ctx, () => {
        const t = self.resolve() as RangeT;
        const a = usedArea(t.sheet, !!valuesOnly, t.area);
        if (!a) throw new FakeOfficeError('ItemNotFound', 'no used cells in the range');
        return { sheet: t.sheet, area: a };
      }),
    getUsedRangeOrNullObject: (self, valuesOnly?: boolean) =>
      rangeObj(
        self.ctx,
        () => {
          const t = self.resolve() as RangeT;
          const a = usedArea(t.sheet, !!valuesOnly, t.area);
          return a ? { sheet: t.sheet, area: a } : null;
        },
        true,
      ),
    getMergedAreasOrNullObject: (self) =>
      areasObj(
        self.ctx,
        () => {
          self.ctx.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
          const t = self.resolve() as RangeT;
          const areas = t.sheet.merges.filter((m) => intersect(m, t.area));
          if (areas.length > 512)
            throw new FakeOfficeError('GeneralException', 'more than 512 merged areas');
          return areas.length ? { sheet: t.sheet, areas } : null;
        },
        true,
      ),
    getCellProperties: (self, opts: any) =>
      self.ctx.result(
        () => {
          const t = self.resolve() as RangeT;
          return readGrid(
            t.sheet,
            t.area,
            (c) => {
              const out: any = {};
              if (opts?.format?.font?.bold) out.format = { font: { bold: c?.bold ?? false } };
              if (opts?.format?.fill?.color)
                out.format = { ...(out.format ?? {}), fill: { color: c?.fill ?? '#FFFFFF' } };
              if (opts?.address) out.address = 'n/a';
              return out;
            },
            self.ctx.book.payloadCellLimit,
          );
        },
        '1.9',
        'Range.getCellProperties',
      ),
    select: (self) =>
      self.ctx.call(() => {
        const t = self.resolve() as RangeT;
        if (self.ctx.book.activeSheetId !== t.sheet.id)
          throw new FakeOfficeError('InvalidOperation', 'The range is not on the active sheet.');
        t.sheet.selection = { ...t.area };
      }),
    merge: (self) =>
      self.ctx.call(() => {
        const t = self.resolve() as RangeT;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.area));
        t.sheet.merges.push({ ...t.area });
      }),
    unmerge: (self) =>
      self.ctx.call(() => {
        const t = self.resolve() as RangeT;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.area));
      }),
  },
};

/** The validation on exactly this area (created on first write). */
function validationAt(t: RangeT, create: boolean): FakeValidation | undefined {
  const same = (a: Area) =>
    a.r0 === t.area.r0 && a.r1 === t.area.r1 && a.c0 === t.area.c0 && a.c1 === t.area.c1;
  let v = t.sheet.validations.find((x) => same(x.area));
  if (!v && create) {
    // A new rule replaces the rules of the cells it covers.
    t.sheet.validations = t.sheet.validations.filter((x) => !intersect(x.area, t.area));
    v = { area: { ...t.area }, rule: {} };
    t.sheet.validations.push(v);
  }
  return v;
}

const DATA_VALIDATION: ObjSpec = {
  typeName: 'DataValidation',
  scalars: {
    rule: {
      api: '1.8',
      get: (t: RangeT) => validationAt(t, false)?.rule ?? {},
      set: (t: RangeT, v) => {
        const rule = v as Record<string, any>;
        if (rule?.list && typeof rule.list.source === 'string' && rule.list.source.length > 255)
          throw new FakeOfficeError('InvalidArgument', 'list source longer than 255 characters');
        validationAt(t, true)!.rule = rule;
      },
    },
    prompt: {
      api: '1.8',
      get: (t: RangeT) =>
        validationAt(t, false)?.prompt ?? { showPrompt: false, title: '', message: '' },
      set: (t: RangeT, v) => (validationAt(t, true)!.prompt = v as Record<string, unknown>),
    },
    errorAlert: {
      api: '1.8',
      get: (t: RangeT) =>
        validationAt(t, false)?.errorAlert ?? {
          showAlert: true,
          style: 'Stop',
          title: '',
          message: '',
        },
      set: (t: RangeT, v) => (validationAt(t, true)!.errorAlert = v as Record<string, unknown>),
    },
    ignoreBlanks: { api: '1.8', get: () => true, set: () => {} },
    type: { api: '1.8', get: (t: RangeT) => (validationAt(t, false)?.rule.list ? 'List' : 'None') },
  },
  methods: {
    clear: (self) =>
      self.ctx.call(
        () => {
          const t = self.resolve() as RangeT;
          t.sheet.validations = t.sheet.validations.filter((x) => !intersect(x.area, t.area));
        },
        '1.8',
        'DataValidation.clear',
      ),
  },
};

function areasObj(ctx: FakeContext, resolver: () => AreasT | null, nullable = false): FakeObj {
  return new FakeObj(ctx, AREAS, resolver, nullable);
}

const AREAS: ObjSpec = {
  typeName: 'RangeAreas',
  scalars: {
    address: {
      get: (t: AreasT) =>
        t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${formatArea(a)}`).join(','),
    },
    areaCount: { get: (t: AreasT) => t.areas.length },
    cellCount: { get: (t: AreasT) => t.areas.reduce((n, a) => n + cellsIn(a), 0) },
  },
  navs: {
    areas: (self) =>
      new FakeObj(
        self.ctx,
        {
          typeName: 'RangeCollection',
          items: (t: AreasT, coll) =>
            t.areas.map((a) => rangeObj(coll.ctx, () => ({ sheet: t.sheet, area: a }))),
        },
        () => self.resolveOrNull(),
        true,
      ),
    conditionalFormats: (self) => cfCollection(self, () => self.resolve() as AreasT),
    format: (self) =>
      new FakeObj(
        self.ctx,
        formatSpec((s) => s.resolve() as AreasT),
        () => self.resolve(),
      ),
  },
};

/* ---- conditional formats */

function cfCollection(owner: FakeObj, where: () => AreasT): FakeObj {
  const ctx = owner.ctx;
  return new FakeObj(
    ctx,
    {
      typeName: 'ConditionalFormatCollection',
      items: (t: AreasT) =>
        t.sheet.cfs
          .filter((cf) => cf.areas.some((a) => t.areas.some((b) => intersect(a, b))))
          .map((cf) => cfObj(ctx, () => cf)),
      methods: {
        add: (self, type: string) =>
          ctx.created(
            CF,
            () => {
              const t = self.resolve() as AreasT;
              const cf: FakeCF = {
                id: newId(ctx.book, 'cf'),
                type,
                areas: t.areas.map((a) => ({ ...a })),
              };
              if (type === 'Custom') {
                cf.formula = '';
                cf.fill = null;
                cf.fontColor = null;
              }
              t.sheet.cfs.unshift(cf); // a new rule goes on top (priority 0)
              return cf;
            },
            '1.6',
            'ConditionalFormatCollection.add',
          ).proxy,
        clearAll: (self) =>
          ctx.call(() => {
            const t = self.resolve() as AreasT;
            t.sheet.cfs = t.sheet.cfs.filter(
              (cf) => !cf.areas.some((a) => t.areas.some((b) => intersect(a, b))),
            );
          }),
        getCount: (self) =>
          ctx.result(() => {
            const t = self.resolve() as AreasT;
            return t.sheet.cfs.filter((cf) =>
              cf.areas.some((a) => t.areas.some((b) => intersect(a, b))),
            ).length;
          }),
      },
    },
    where,
  );
}

function cfSheet(ctx: FakeContext, cf: FakeCF): FakeSheet {
  const s = ctx.book.sheets.find((sh) => sh.cfs.includes(cf));
  if (!s) throw new FakeOfficeError('ItemNotFound', 'conditional format was deleted');
  return s;
}

function cfObj(ctx: FakeContext, resolver: () => FakeCF): FakeObj {
  return new FakeObj(ctx, CF, resolver);
}

function customSpec(): ObjSpec {
  return {
    typeName: 'CustomConditionalFormat',
    navs: {
      rule: (self) =>
        new FakeObj(
          self.ctx,
          {
            typeName: 'ConditionalFormatRule',
            scalars: {
              formula: {
                get: (cf: FakeCF) => cf.formula ?? '',
                set: (cf: FakeCF, v) => (cf.formula = String(v)),
              },
              formulaLocal: {
                get: (cf: FakeCF) => cf.formula ?? '',
                set: (cf: FakeCF, v) => (cf.formula = String(v)),
              },
            },
          },
          () => self.resolve(),
        ),
      format: (self) =>
        new FakeObj(
          self.ctx,
          {
            typeName: 'ConditionalRangeFormat',
            scalars: { numberFormat: { get: () => null, set: () => {} } },
            navs: {
              fill: (f) =>
                new FakeObj(
                  f.ctx,
                  {
                    typeName: 'ConditionalRangeFill',
                    scalars: {
                      color: {
                        get: (cf: FakeCF) => cf.fill ?? null,
                        set: (cf: FakeCF, v) => (cf.fill = String(v)),
                      },
                    },
                  },
                  () => f.resolve(),
                ),
              font: (f) =>
                new FakeObj(
                  f.ctx,
                  {
                    typeName: 'ConditionalRangeFont',
                    scalars: {
                      color: {
                        get: (cf: FakeCF) => cf.fontColor ?? null,
                        set: (cf: FakeCF, v) => (cf.fontColor = String(v)),
                      },
                      bold: { get: () => false, set: () => {} },
                    },
                  },
                  () => f.resolve(),
                ),
            },
          },
          () => self.resolve(),
        ),
    },
  };
}

const CUSTOM = customSpec();

const CF: ObjSpec = {
  typeName: 'ConditionalFormat',
  scalars: {
    id: { get: (cf: FakeCF) => cf.id },
    type: { get: (cf: FakeCF) => cf.type },
    priority: { get: (cf: FakeCF, self) => cfSheet(self.ctx, cf).cfs.indexOf(cf) },
    stopIfTrue: { get: () => false, set: () => {} },
  },
  navs: {
    custom: (self) =>
      new FakeObj(self.ctx, CUSTOM, () => {
        const cf = self.resolve() as FakeCF;
        if (cf.type !== 'Custom')
          throw new FakeOfficeError(
            'InvalidOperation',
            'The conditional format is not a custom one.',
          );
        return cf;
      }),
    customOrNullObject: (self) =>
      new FakeObj(
        self.ctx,
        CUSTOM,
        () => {
          const cf = self.resolve() as FakeCF;
          return cf.type === 'Custom' ? cf : null;
        },
        true,
      ),
  },
  methods: {
    delete: (self) =>
      self.ctx.call(() => {
        const cf = self.resolve() as FakeCF;
        const sheet = cfSheet(self.ctx, cf);
        sheet.cfs = sheet.cfs.filter((x) => x !== cf);
      }),
    getRange: (self) =>
      rangeObj(self.ctx, () => {
        const cf = self.resolve() as FakeCF;
        if (cf.areas.length !== 1)
          throw new FakeOfficeError('InvalidOperation', 'applied to several ranges');
        return { sheet: cfSheet(self.ctx, cf), area: cf.areas[0] };
      }),
    getRangeOrNullObject: (self) =>
      rangeObj(
        self.ctx,
        () => {
          const cf = self.resolve() as FakeCF;
          return cf.areas.length === 1 ? { sheet: cfSheet(self.ctx, cf), area: cf.areas[0] } : null;
        },
        true,
      ),
    getRanges: (self) =>
      areasObj(self.ctx, () => {
        self.ctx.requireApi('1.9', 'ConditionalFormat.getRanges');
        const cf = self.resolve() as FakeCF;
        return { sheet: cfSheet(self.ctx, cf), areas: cf.areas };
      }),
  },
};

/* ---- worksheets */

function sheetObj(ctx: FakeContext, resolver: () => FakeSheet | null, nullable = false): FakeObj {
  return new FakeObj(ctx, SHEET, resolver, nullable);
}

const SHEET: ObjSpec = {
  typeName: 'Worksheet',
  scalars: {
    id: { get: (s: FakeSheet) => s.id },
    name: {
      get: (s: FakeSheet) => s.name,
      set: (s: FakeSheet, v, self) => {
        checkSheetName(self.ctx.book, String(v), s);
        s.name = String(v);
      },
    },
    position: {
      get: (s: FakeSheet, self) => self.ctx.book.sheets.indexOf(s),
      set: (s: FakeSheet, v, self) => {
        const sheets = self.ctx.book.sheets;
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(Math.max(0, Math.min(Number(v), sheets.length)), 0, s);
      },
    },
    visibility: {
      get: (s: FakeSheet) => s.visibility,
      set: (s: FakeSheet, v) => (s.visibility = v as FakeSheet['visibility']),
    },
  },
  navs: {
    onChanged: (self) =>
      new FakeObj(
        self.ctx,
        {
          typeName: 'EventHandlers',
          methods: {
            // Registered when the batch syncs, as Office.js does; the result's remove() is queued likewise.
            add: (ev: FakeObj, handler: (e: FakeChangeEvent) => Promise<unknown> | void) => {
              ev.ctx.call(
                () => {
                  const s = ev.resolve() as FakeSheet;
                  (s.changeHandlers ??= []).push(handler);
                },
                '1.7',
                'Worksheet.onChanged',
              );
              return {
                context: ev.ctx.proxy,
                remove: () =>
                  ev.ctx.call(() => {
                    const s = ev.resolve() as FakeSheet;
                    s.changeHandlers = (s.changeHandlers ?? []).filter((h) => h !== handler);
                  }),
              };
            },
          },
        },
        () => self.resolve(),
      ),
    tables: (self) => tableCollection(self.ctx, () => [self.resolve() as FakeSheet]),
    pivotTables: (self) => pivotCollection(self.ctx, () => [self.resolve() as FakeSheet], self),
    charts: (self) => chartCollection(self),
    pageLayout: (self) => {
      const prop = (name: string, fallback: unknown) => ({
        api: '1.9',
        get: (s: FakeSheet) => (name in s.pageLayout ? s.pageLayout[name] : fallback),
        set: (s: FakeSheet, v: unknown) => void (s.pageLayout[name] = v),
      });
      const method =
        (name: string) =>
        (pl: FakeObj, ...args: unknown[]) =>
          pl.ctx.call(
            () =>
              void ((pl.resolve() as FakeSheet).pageLayout[name] =
                args.length === 1 ? args[0] : args),
            '1.9',
            `PageLayout.${name}`,
          );
      return new FakeObj(
        self.ctx,
        {
          typeName: 'PageLayout',
          scalars: {
            orientation: prop('orientation', 'Portrait'),
            paperSize: prop('paperSize', 'Letter'),
            centerHorizontally: prop('centerHorizontally', false),
            centerVertically: prop('centerVertically', false),
            printGridlines: prop('printGridlines', false),
            zoom: prop('zoom', { scale: 100 }),
          },
          methods: {
            setPrintTitleRows: method('printTitleRows'),
            setPrintArea: method('printArea'),
            setPrintMargins: method('printMargins'),
          },
        },
        () => self.resolve(),
      );
    },
    freezePanes: (self) =>
      new FakeObj(
        self.ctx,
        {
          typeName: 'WorksheetFreezePanes',
          methods: {
            freezeRows: (fp, n = 1) =>
              fp.ctx.call(() => ((fp.resolve() as FakeSheet).frozenRows = n), '1.7', 'freezeRows'),
            freezeColumns: (fp, n = 1) =>
              fp.ctx.call(
                () => ((fp.resolve() as FakeSheet).frozenColumns = n),
                '1.7',
                'freezeColumns',
              ),
            unfreeze: (fp) =>
              fp.ctx.call(() => {
                const s = fp.resolve() as FakeSheet;
                s.frozenRows = 0;
                s.frozenColumns = 0;
              }, '1.7'),
          },
        },
        () => self.resolve(),
      ),
  },
  methods: {
    getRange: (self, address?: string) =>
      rangeObj(self.ctx, () => {
        const s = self.resolve() as FakeSheet;
        if (address === undefined || address === '')
          return { sheet: s, area: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
        return { sheet: s, area: rangeFromArg(self.ctx, s, address) };
      }),
    getRanges: (self, address: string) =>
      areasObj(self.ctx, () => {
        self.ctx.requireApi('1.9', 'Worksheet.getRanges');
        const s = self.resolve() as FakeSheet;
        const parts = address
          .split(/[,;]/)
          .map((p) => p.trim())
          .filter(Boolean);
        if (parts.length === 0) throw new FakeOfficeError('InvalidArgument', 'empty address');
        return { sheet: s, areas: parts.map((p) => rangeFromArg(self.ctx, s, p)) };
      }),
    getRangeByIndexes: (self, row: number, col: number, rows: number, cols: number) =>
      rangeObj(self.ctx, () => {
        const s = self.resolve() as FakeSheet;
        if (
          rows < 1 ||
          cols < 1 ||
          row < 0 ||
          col < 0 ||
          row + rows > MAX_ROWS ||
          col + cols > MAX_COLS
        )
          throw new FakeOfficeError('InvalidArgument', 'bad indexes');
        return { sheet: s, area: { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 } };
      }),
    getUsedRange: (self, valuesOnly?: boolean) =>
      rangeObj(self.ctx, () => {
        const s = self.resolve() as FakeSheet;
        return { sheet: s, area: usedArea(s, !!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
      }),
    getUsedRangeOrNullObject: (self, valuesOnly?: boolean) =>
      rangeObj(
        self.ctx,
        () => {
          const s = self.resolve() as FakeSheet;
          const a = usedArea(s, !!valuesOnly);
          return a ? { sheet: s, area: a } : null;
        },
        true,
      ),
    activate: (self) =>
      self.ctx.call(() => {
        const s = self.resolve() as FakeSheet;
        if (s.visibility !== 'Visible')
          throw new FakeOfficeError('InvalidOperation', 'cannot activate a hidden sheet');
        self.ctx.book.activeSheetId = s.id;
      }),
    delete: (self) => self.ctx.call(() => deleteSheet(self.ctx.book, self.resolve() as FakeSheet)),
  },
};

function worksheetsObj(ctx: FakeContext): FakeObj {
  return new FakeObj(
    ctx,
    {
      typeName: 'WorksheetCollection',
      items: (book: FakeBook, coll) => book.sheets.map((s) => sheetObj(coll.ctx, () => s)),
      methods: {
        getItem: (self, name: string) =>
          sheetObj(ctx, () => {
            const s = findSheet(ctx.book, name);
            if (!s)
              throw new FakeOfficeError(
                'ItemNotFound',
                `The requested worksheet '${name}' doesn't exist.`,
              );
            return s;
          }),
        getItemOrNullObject: (self, name: string) =>
          sheetObj(ctx, () => findSheet(ctx.book, name) ?? null, true),
        getActiveWorksheet: () =>
          sheetObj(ctx, () => ctx.book.sheets.find((s) => s.id === ctx.book.activeSheetId) ?? null),
        add: (self, name?: string) =>
          ctx.created(SHEET, () => {
            let n = name;
            if (n === undefined) {
              let i = ctx.book.sheets.length + 1;
              while (findSheet(ctx.book, `Sheet${i}`)) i++;
              n = `Sheet${i}`;
            }
            checkSheetName(ctx.book, n);
            const s = newSheet(ctx.book, n);
            ctx.book.sheets.push(s);
            return s;
          }).proxy,
        getCount: () => ctx.result(() => ctx.book.sheets.length),
      },
    },
    () => ctx.book,
  );
}

/**
 * Excel's rules for defined names and table names, which share ONE namespace in a workbook:
 * - Microsoft support, "Names in formulas" / "Define and use names in formulas": the first character is
 *   a letter, an underscore or a backslash; the rest letters, digits, periods and underscores; no
 *   spaces; at most 255 characters; "C", "c", "R" or "r" alone are not allowed, nor names that are cell
 *   references (A1, $B$2, R1C1); names are not case-sensitive and must be unique.
 * - Microsoft support, "Rename an Excel table": a table name follows the same rules and must be unique
 *   among the workbook's tables AND defined names (a table cannot take a range name, and the reverse).
 * - [MS-XLSB] 2.5.166 XLNameWideString: not "TRUE"/"FALSE", not an A1 reference, not beginning with an
 *   R1C1 reference.
 * Stricter than Excel: any 1–3 letters followed by digits counts as a cell reference, whatever the row.
 * `except` is the item being renamed (its own name is not a clash).
 */
export function checkDefinedName(
  book: FakeBook,
  name: string,
  except?: FakeTable | FakeName,
): void {
  const bad = (why: string) =>
    new FakeOfficeError('InvalidArgument', `The name '${name}' is not valid: ${why}.`);
  if (!name || name.length > 255) throw bad('empty or longer than 255 characters');
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    throw bad(
      'it must start with a letter, "_" or "\\" and hold only letters, digits, "_" and "."',
    );
  if (/^[rc]$/i.test(name)) throw bad('"R" and "C" are reserved');
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) throw bad('it looks like a cell reference');
  if (/^[rc]\d/i.test(name) || /^(rc|cr)$/i.test(name))
    throw bad('it begins with an R1C1 reference');
  if (/^(true|false)$/i.test(name)) throw bad('TRUE and FALSE are reserved');
  const n = name.toLowerCase();
  const table = allTables(book).find((x) => x.table !== except && x.table.name.toLowerCase() === n);
  const defined = book.names.find((x) => x !== except && x.name.toLowerCase() === n);
  if (table || defined)
    throw new FakeOfficeError(
      'ItemAlreadyExists',
      `The name '${name}' is already used by a ${table ? 'table' : 'defined name'} (tables and defined names share one namespace).`,
    );
}

/* ---- tables */

function allTables(book: FakeBook): { sheet: FakeSheet; table: FakeTable }[] {
  return book.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

const TABLE: ObjSpec = {
  typeName: 'Table',
  scalars: {
    id: { get: (t: FakeTable) => t.id },
    name: {
      get: (t: FakeTable) => t.name,
      set: (t: FakeTable, v, self) => {
        const n = String(v);
        checkDefinedName(self.ctx.book, n, t);
        t.name = n;
      },
    },
    style: {
      get: (t: FakeTable) => t.style ?? 'TableStyleMedium2',
      set: (t: FakeTable, v) => (t.style = String(v)),
    },
    showTotals: { get: () => false, set: () => {} },
  },
  navs: {
    worksheet: (self) =>
      sheetObj(self.ctx, () => {
        const t = self.resolve() as FakeTable;
        return allTables(self.ctx.book).find((x) => x.table === t)!.sheet;
      }),
  },
  methods: {
    getRange: (self) =>
      rangeObj(self.ctx, () => {
        const t = self.resolve() as FakeTable;
        return { sheet: allTables(self.ctx.book).find((x) => x.table === t)!.sheet, area: t.area };
      }),
  },
};

function tableCollection(ctx: FakeContext, sheets: () => FakeSheet[]): FakeObj {
  return new FakeObj(
    ctx,
    {
      typeName: 'TableCollection',
      items: (_t, coll) =>
        sheets().flatMap((s) => s.tables.map((t) => new FakeObj(coll.ctx, TABLE, () => t))),
      methods: {
        add: (self, address: unknown, hasHeaders: boolean) =>
          ctx.created(TABLE, () => {
            const [first] = sheets();
            const where = anyRange(ctx, address, sheets().length === 1 ? first : undefined);
            if (where.sheet.tables.some((t) => intersect(t.area, where.area)))
              throw new FakeOfficeError(
                'InvalidOperation',
                'A table cannot overlap another table.',
              );
            // The default name TableN is free in the one namespace of tables and defined names.
            let i = 1;
            const clash = (n: string) =>
              allTables(ctx.book).some((x) => x.table.name.toLowerCase() === n) ||
              ctx.book.names.some((x) => x.name.toLowerCase() === n);
            while (clash(`table${i}`)) i++;
            const table: FakeTable = {
              id: newId(ctx.book, 'table'),
              name: `Table${i}`,
              area: { ...where.area },
              hasHeaders,
            };
            where.sheet.tables.push(table);
            return table;
          }).proxy,
        getItem: (self, name: string) =>
          new FakeObj(ctx, TABLE, () => {
            const found = allTables(ctx.book).find(
              (x) => x.table.name.toLowerCase() === name.toLowerCase(),
            );
            if (!found) throw new FakeOfficeError('ItemNotFound', `no table ${name}`);
            return found.table;
          }),
        getItemOrNullObject: (self, name: string) =>
          new FakeObj(
            ctx,
            TABLE,
            () =>
              allTables(ctx.book).find((x) => x.table.name.toLowerCase() === name.toLowerCase())
                ?.table ?? null,
            true,
          ).proxy,
      },
    },
    () => sheets(),
  );
}

/* ---- pivot tables (ExcelApi 1.8): structure only, no output cells */

function headersOf(book: FakeBook, p: FakePivot): string[] {
  const sheet = book.sheets.find((s) => s.id === p.source.sheetId);
  if (!sheet) return [];
  const out: string[] = [];
  for (let c = p.source.area.c0; c <= p.source.area.c1; c++)
    out.push(String(cellAt(sheet, p.source.area.r0, c)?.v ?? ''));
  return out;
}

function hierarchyObj(ctx: FakeContext, pivot: FakeObj, name: string): FakeObj {
  return new FakeObj(
    ctx,
    {
      typeName: 'PivotHierarchy',
      scalars: { name: { get: (n: string) => n }, id: { get: (n: string) => n } },
    },
    () => {
      const p = pivot.resolve() as FakePivot;
      const found = headersOf(ctx.book, p).find((h) => h.toLowerCase() === name.toLowerCase());
      if (found === undefined)
        throw new FakeOfficeError('ItemNotFound', `no field ${name} in the PivotTable source`);
      return found;
    },
  );
}

function pivotAxis(pivot: FakeObj, axis: 'rows' | 'columns' | 'data' | 'filters'): FakeObj {
  const ctx = pivot.ctx;
  return new FakeObj(
    ctx,
    {
      typeName: 'PivotHierarchyCollection',
      items: (p: FakePivot, coll) =>
        (axis === 'data' ? p.data.map((d) => d.name) : p[axis]).map(
          (n) =>
            new FakeObj(
              coll.ctx,
              { typeName: 'PivotHierarchy', scalars: { name: { get: () => n } } },
              () => n,
            ),
        ),
      methods: {
        add: (self, hierarchy: any) => {
          const h = hierarchy?.__fake as FakeObj;
          if (axis !== 'data')
            return ctx.created(
              { typeName: 'RowColumnPivotHierarchy', scalars: { name: { get: (n: string) => n } } },
              () => {
                const p = pivot.resolve() as FakePivot;
                const field = h.resolve() as string;
                if ([...p.rows, ...p.columns, ...p.filters].includes(field))
                  throw new FakeOfficeError('InvalidArgument', `${field} is already on an axis`);
                p[axis].push(field);
                return field;
              },
            ).proxy;
          let entry: FakePivot['data'][number] | undefined;
          return ctx.created(
            {
              typeName: 'DataPivotHierarchy',
              scalars: {
                name: { get: (d: any) => d.name, set: (d: any, v) => (d.name = String(v)) },
                summarizeBy: {
                  get: (d: any) => d.summarizeBy,
                  set: (d: any, v) => (d.summarizeBy = String(v)),
                },
              },
            },
            () => {
              const p = pivot.resolve() as FakePivot;
              const field = h.resolve() as string;
              entry = { field, name: `Sum of ${field}`, summarizeBy: 'Sum' };
              p.data.push(entry);
              return entry;
            },
          ).proxy;
        },
      },
    },
    () => pivot.resolve(),
  );
}

const PIVOT: ObjSpec = {
  typeName: 'PivotTable',
  scalars: {
    id: { get: (p: FakePivot) => p.id },
    name: { get: (p: FakePivot) => p.name, set: (p: FakePivot, v) => (p.name = String(v)) },
  },
  navs: {
    hierarchies: (self) =>
      new FakeObj(
        self.ctx,
        {
          typeName: 'PivotHierarchyCollection',
          items: (p: FakePivot, coll) =>
            headersOf(coll.ctx.book, p).map(
              (n) =>
                new FakeObj(
                  coll.ctx,
                  { typeName: 'PivotHierarchy', scalars: { name: { get: () => n } } },
                  () => n,
                ),
            ),
          methods: { getItem: (_c, name: string) => hierarchyObj(self.ctx, self, name).proxy },
        },
        () => self.resolve(),
      ),
    rowHierarchies: (self) => pivotAxis(self, 'rows'),
    columnHierarchies: (self) => pivotAxis(self, 'columns'),
    dataHierarchies: (self) => pivotAxis(self, 'data'),
    filterHierarchies: (self) => pivotAxis(self, 'filters'),
  },
  methods: {
    delete: (self) =>
      self.ctx.call(() => {
        const p = self.resolve() as FakePivot;
        for (const s of self.ctx.book.sheets) s.pivots = s.pivots.filter((x) => x !== p);
      }),
  },
};

function pivotCollection(
  ctx: FakeContext,
  sheets: () => FakeSheet[],
  sheetProxy: FakeObj | null,
): FakeObj {
  return new FakeObj(
    ctx,
    {
      typeName: 'PivotTableCollection',
      items: (_t, coll) => {
        coll.ctx.requireApi('1.8', 'PivotTableCollection');
        return sheets().flatMap((s) => s.pivots.map((p) => new FakeObj(coll.ctx, PIVOT, () => p)));
      },
      methods: {
        add: (self, name: string, source: unknown, destination: unknown) =>
          ctx.created(
            PIVOT,
            () => {
              const src = anyRange(
                ctx,
                source,
                sheetProxy ? (sheetProxy.resolve() as FakeSheet) : undefined,
              );
              const dst = anyRange(
                ctx,
                destination,
                sheetProxy ? (sheetProxy.resolve() as FakeSheet) : undefined,
              );
              if (sheetProxy && dst.sheet !== sheetProxy.resolve())
                throw new FakeOfficeError(
                  'InvalidArgument',
                  'destination must be on this worksheet',
                );
              if (
                ctx.book.sheets.some((s) =>
                  s.pivots.some((p) => p.name.toLowerCase() === name.toLowerCase()),
                )
              )
                throw new FakeOfficeError('ItemAlreadyExists', `PivotTable ${name} exists`);
              if (src.area.r1 <= src.area.r0)
                throw new FakeOfficeError('InvalidArgument', 'source needs a header row and data');
              const p: FakePivot = {
                id: newId(ctx.book, 'pivot'),
                name,
                source: { sheetId: src.sheet.id, area: { ...src.area } },
                destination: { sheetId: dst.sheet.id, row: dst.area.r0, col: dst.area.c0 },
                rows: [],
                columns: [],
                data: [],
                filters: [],
              };
              dst.sheet.pivots.push(p);
              return p;
            },
            '1.8',
            'PivotTableCollection.add',
          ).proxy,
      },
    },
    () => sheets(),
  );
}

/* ---- charts */

function chartCollection(sheetProxy: FakeObj): FakeObj {
  const ctx = sheetProxy.ctx;
  const CHART: ObjSpec = {
    typeName: 'Chart',
    scalars: {
      name: { get: (c: FakeChart) => c.name, set: (c: FakeChart, v) => (c.name = String(v)) },
      id: { get: (c: FakeChart) => c.id },
      top: { get: () => 0, set: () => {} },
      left: { get: () => 0, set: () => {} },
      width: { get: () => 360, set: () => {} },
      height: { get: () => 216, set: () => {} },
    },
    navs: {
      title: (self) =>
        new FakeObj(
          ctx,
          {
            typeName: 'ChartTitle',
            scalars: {
              text: {
                get: (c: FakeChart) => c.title ?? '',
                set: (c: FakeChart, v) => (c.title = String(v)),
              },
            },
          },
          () => self.resolve(),
        ),
    },
    methods: {
      setPosition: (self, start: string, end?: string) =>
        ctx.call(
          () =>
            ((self.resolve() as FakeChart).position = {
              start: String(start),
              end: end === undefined ? undefined : String(end),
            }),
        ),
      delete: (self) =>
        ctx.call(() => {
          const c = self.resolve() as FakeChart;
          for (const s of ctx.book.sheets) s.charts = s.charts.filter((x) => x !== c);
        }),
    },
  };
  return new FakeObj(
    ctx,
    {
      typeName: 'ChartCollection',
      items: (s: FakeSheet) => s.charts.map((c) => new FakeObj(ctx, CHART, () => c)),
      methods: {
        add: (self, type: string, source: unknown, seriesBy = 'Auto') =>
          ctx.created(CHART, () => {
            const s = self.resolve() as FakeSheet;
            const src = anyRange(ctx, source, s);
            const c: FakeChart = {
              id: newId(ctx.book, 'chart'),
              name: `Chart ${s.charts.length + 1}`,
              type,
              source: { ...src.area },
              seriesBy,
            };
            s.charts.push(c);
            return c;
          }).proxy,
      },
    },
    () => sheetProxy.resolve(),
  );
}

/* ---- named items */

function nameFormula(book: FakeBook, n: FakeName): string {
  if (n.ref) {
    const sheet = book.sheets.find((s) => s.id === n.ref!.sheetId);
    const abs = formatArea(n.ref.area).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return sheet ? `=${quoteSheet(sheet.name)}!${abs}` : `=#REF!${abs}`;
  }
  return n.formula ?? '';
}

const NAMED_ITEM: ObjSpec = {
  typeName: 'NamedItem',
  scalars: {
    name: { get: (n: FakeName) => n.name },
    comment: { get: (n: FakeName) => n.comment, set: (n: FakeName, v) => (n.comment = String(v)) },
    formula: { get: (n: FakeName, self) => nameFormula(self.ctx.book, n), api: '1.7' },
    value: { get: (n: FakeName, self) => nameFormula(self.ctx.book, n).replace(/^=/, '') },
    type: { get: (n: FakeName) => (n.ref ? 'Range' : 'String') },
    visible: { get: () => true, set: () => {} },
  },
  methods: {
    delete: (self) =>
      self.ctx.call(() => {
        const n = self.resolve() as FakeName;
        self.ctx.book.names = self.ctx.book.names.filter((x) => x !== n);
      }),
  },
};

function namesObj(ctx: FakeContext): FakeObj {
  return new FakeObj(
    ctx,
    {
      typeName: 'NamedItemCollection',
      items: (book: FakeBook) => book.names.map((n) => new FakeObj(ctx, NAMED_ITEM, () => n)),
      methods: {
        add: (_self, name: string, reference: unknown, comment = '') =>
          ctx.created(
            NAMED_ITEM,
            () => {
              checkDefinedName(ctx.book, name);
              const n: FakeName = { name, comment: String(comment) };
              if (typeof reference === 'string' && !splitSheet(reference).sheet)
                n.formula = reference;
              else {
                const r = anyRange(ctx, reference);
                n.ref = { sheetId: r.sheet.id, area: { ...r.area } };
              }
              ctx.book.names.push(n);
              return n;
            },
            '1.4',
            'NamedItemCollection.add',
          ).proxy,
        getItemOrNullObject: (_self, name: string) =>
          new FakeObj(
            ctx,
            NAMED_ITEM,
            () => ctx.book.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
            true,
          ).proxy,
      },
    },
    () => ctx.book,
  );
}

function workbookObj(ctx: FakeContext): FakeObj {
  return new FakeObj(
    ctx,
    {
      typeName: 'Workbook',
      scalars: { name: { get: () => 'Book1.xlsx' } },
      navs: {
        worksheets: () => worksheetsObj(ctx),
        names: () => namesObj(ctx),
        tables: () => tableCollection(ctx, () => ctx.book.sheets),
        pivotTables: () => pivotCollection(ctx, () => ctx.book.sheets, null),
      },
      methods: {
        getActiveCell: () =>
          rangeObj(ctx, () => {
            const s = ctx.book.sheets.find((x) => x.id === ctx.book.activeSheetId)!;
            const a = s.selection ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
            return { sheet: s, area: { r0: a.r0, c0: a.c0, r1: a.r0, c1: a.c0 } };
          }),
      },
    },
    () => ctx.book,
  );
}

/* ------------------------------------------------------------------ the fake host */

export interface FakeHostOptions {
  /** Highest ExcelApi requirement set supported. Default "1.13". */
  apiVersion?: string;
  /** Cells one range may read before RangeExceedsLimit. Default 5,000,000. */
  payloadCellLimit?: number;
  /** Bytes one request or response may carry. Default PAYLOAD_BYTE_LIMIT (5,000,000). */
  payloadByteLimit?: number;
}

/** A snapshot-like seed (structurally the engine's SheetSnapshot; no import, to stay standalone). */
export interface SheetSeed {
  name: string;
  values: (string | number | boolean | null | { error: string })[][];
  bold?: boolean[][];
  numberFormats?: string[][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
  origin?: { row: number; col: number };
}

/** A plain, comparable picture of one sheet's cells (for before/after deep-equal checks). */
export type CellDump = Record<string, FakeCell>;

export interface ExcelFake {
  Excel: any;
  Office: any;
  book: FakeBook;
  /** Round trips so far. */
  readonly syncs: number;
  /** Largest request and response so far (bytes, as measured by payloadBytes). */
  readonly maxPayload: { request: number; response: number };
  resetSyncs(): void;
  setApiVersion(v: string): void;
  addSheet(seed: SheetSeed): FakeSheet;
  sheet(name: string): FakeSheet | undefined;
  sheetNames(): string[];
  cells(name: string): CellDump;
  /** Simulate closing and reopening the file: unsaved document settings are lost. */
  reopen(): void;
  /** A user edit outside the add-in. */
  setCell(sheet: string, address: string, value: FakeScalar | null): void;
}

export function createExcelFake(options: FakeHostOptions = {}): ExcelFake {
  const book: FakeBook = {
    sheets: [],
    activeSheetId: null,
    names: [],
    settings: {},
    apiVersion: options.apiVersion ?? '1.13',
    payloadCellLimit: options.payloadCellLimit ?? PAYLOAD_CELL_LIMIT,
    payloadByteLimit: options.payloadByteLimit ?? PAYLOAD_BYTE_LIMIT,
    payloads: [],
    syncs: 0,
    nextId: 0,
  };
  let session: Record<string, unknown> = {};

  const Excel = {
    async run<T>(
      first: ((ctx: any) => Promise<T>) | object,
      second?: (ctx: any) => Promise<T>,
    ): Promise<T> {
      // Excel.run(batch) or Excel.run(object, batch): the object (a context to resume) is not modelled.
      const batch = (typeof first === 'function' ? first : second!) as (ctx: any) => Promise<T>;
      // A context given back (an event registration's `context`): the batch runs on it.
      if (
        typeof first === 'object' &&
        first !== null &&
        typeof (first as { sync?: unknown }).sync === 'function'
      )
        return batch(first);
      const ctx = new FakeContext(book);
      const out = await batch(ctx.proxy);
      if (ctx.pending > 0) await ctx.sync();
      return out;
    },
    ConditionalFormatType: {
      custom: 'Custom',
      dataBar: 'DataBar',
      colorScale: 'ColorScale',
      iconSet: 'IconSet',
      topBottom: 'TopBottom',
      presetCriteria: 'PresetCriteria',
      containsText: 'ContainsText',
      cellValue: 'CellValue',
    },
    ChartType: { barClustered: 'BarClustered', columnClustered: 'ColumnClustered', pie: 'Pie' },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    AggregationFunction: { count: 'Count', sum: 'Sum', automatic: 'Automatic' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    ErrorCodes: {
      itemNotFound: 'ItemNotFound',
      propertyNotLoaded: 'PropertyNotLoaded',
      apiNotFound: 'ApiNotFound',
      invalidArgument: 'InvalidArgument',
      itemAlreadyExists: 'ItemAlreadyExists',
    },
  };

  const Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: {
        isSetSupported(name: string, version?: string | number): boolean {
          if (name !== 'ExcelApi') return false;
          return versionAtLeast(book.apiVersion, version === undefined ? '1.1' : String(version));
        },
      },
      document: {
        settings: {
          get: (name: string) => (name in session ? clone(session[name]) : null),
          set: (name: string, value: unknown) => {
            session[name] = clone(value);
          },
          remove: (name: string) => {
            delete session[name];
          },
          saveAsync: (a?: unknown, b?: unknown) => {
            const cb = (typeof a === 'function' ? a : b) as ((r: unknown) => void) | undefined;
            book.settings = clone(session);
            const result = {
              status: 'succeeded',
              value: undefined,
              error: null,
              asyncContext: undefined,
            };
            if (cb) setTimeout(() => cb(result), 0);
          },
        },
      },
    },
  };

  const fake: ExcelFake = {
    Excel,
    Office,
    book,
    get syncs() {
      return book.syncs;
    },
    get maxPayload() {
      return {
        request: Math.max(0, ...book.payloads.map((p) => p.request)),
        response: Math.max(0, ...book.payloads.map((p) => p.response)),
      };
    },
    resetSyncs() {
      book.syncs = 0;
      book.payloads = [];
    },
    setApiVersion(v: string) {
      book.apiVersion = v;
    },
    addSheet(seed: SheetSeed) {
      checkSheetName(book, seed.name);
      const s = newSheet(book, seed.name);
      const r0 = seed.origin?.row ?? 0;
      const c0 = seed.origin?.col ?? 0;
      seed.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === '') return;
          const cell = touch(s, r0 + r, c0 + c);
          if (typeof v === 'object') {
            cell.v = v.error;
            cell.err = true;
          } else cell.v = v;
        }),
      );
      seed.numberFormats?.forEach((row, r) =>
        row.forEach((nf, c) => {
          if (nf && nf !== 'General') touch(s, r0 + r, c0 + c).nf = nf;
        }),
      );
      seed.bold?.forEach((row, r) =>
        row.forEach((b, c) => {
          if (b) touch(s, r0 + r, c0 + c).bold = true;
        }),
      );
      for (const m of seed.merges ?? [])
        s.merges.push({ r0: m.top + r0, c0: m.left + c0, r1: m.bottom + r0, c1: m.right + c0 });
      book.sheets.push(s);
      if (!book.activeSheetId) book.activeSheetId = s.id;
      return s;
    },
    sheet: (name: string) => findSheet(book, name),
    sheetNames: () => book.sheets.map((s) => s.name),
    cells(name: string): CellDump {
      const s = findSheet(book, name);
      if (!s) throw new Error(`no sheet ${name}`);
      const out: CellDump = {};
      const keys = [...s.cells.keys()].sort((a, b) => {
        const [ar, ac] = a.split(',').map(Number);
        const [br, bc] = b.split(',').map(Number);
        return ar - br || ac - bc;
      });
      for (const k of keys) {
        const [r, c] = k.split(',').map(Number);
        out[`${colLetters(c)}${r + 1}`] = clone(s.cells.get(k)!);
      }
      return out;
    },
    reopen() {
      session = clone(book.settings);
    },
    setCell(sheet: string, address: string, value: FakeScalar | null) {
      const s = findSheet(book, sheet);
      if (!s) throw new Error(`no sheet ${sheet}`);
      const a = parseArea(address);
      const cell = touch(s, a.r0, a.c0);
      putValue(cell, value);
      tidy(s, a.r0, a.c0);
      fireChanged(book, s, address.toUpperCase());
    },
  };
  return fake;
}
