/**
 * "Thêm cột theo dõi" written into the ORIGINAL package (issues 12 and 17): `phancong track` adds the
 * tracking columns to the user's own file the way `fix` adds its edits (graft-edits.ts), so drawings,
 * charts, PivotTables, macros (an .xlsm stays an .xlsm), comments, hyperlinks, defined names… stay
 * byte for byte. Parts it rewrites: the worksheet of each planned sheet and styles.xml (one or two
 * cell formats appended); nothing else.
 *
 * In each planned sheet's XML:
 * - the header cells get the plan's headers (inline strings) and the `s` (cell format) of the
 *   table's last header cell (plan.styleFrom): the table's header style, unchanged; the other rows of
 *   a two-row header get the same format and are merged down (plan.headerMerges);
 * - the body cells get a cell format made from the table's first body cell under plan.styleFrom (its
 *   font and borders), top-aligned and wrapped, with the dd/mm/yyyy number format for the completion
 *   date (appended to styles.xml's cellXfs, and numFmts when the code is new);
 * - `<col>` widths for the new columns not already covered by a `<col>`;
 * - `<dataValidations>`: the status drop-down and the completion-date rule with their Vietnamese
 *   prompts and error messages, appended after the user's own validations; a user's rule that
 *   covered those cells (a whole-column or whole-sheet rule) keeps all its other cells, as when a
 *   rule is set on cells in Excel (one rule per cell: overlapping rules make Excel repair the file).
 * Bytes in, bytes out, with JSZip; no Node APIs.
 */
import type { TrackingPlan, TrackingValidation } from '../../engine/tracking-columns';
import { isoToSerial } from '../../engine/calendar';
import type { CellValue } from '../../engine/types';
import { colLetters } from './package';
import {
  AFTER_CF,
  attr,
  block,
  insertBefore,
  mainPrefix,
  openPkg,
  put,
  readText,
  writeBlock,
  stylesAfter,
} from './graft';
import { parseCells, parseRows, patchSheetXml, type SheetPatch } from './graft-edits';

const escAttr = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, '&#10;');
const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `s` of a cell of the sheet XML (0 when it has none or does not exist). */
function styleOf(xml: string, col: number, rowN: number): number {
  const p = mainPrefix(xml);
  const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
  if (!open || open[1]) return 0;
  const start = open.index + open[0].length;
  const rows = parseRows(xml.slice(start, xml.indexOf(`</${p}sheetData>`, start)), p);
  const row = rows.find((r) => r.n === rowN);
  if (!row) return 0;
  const cell = parseCells(row, p).find((c) => c.col === col);
  const s = cell ? attr(cell.raw.slice(0, cell.raw.indexOf('>') + 1), 's') : attr(row.open, 's');
  return s && /^\d+$/.test(s) ? Number(s) : 0;
}

function splitA1(a1: string): { col: number; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`bad-cell:${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}

/** styles.xml with cell formats appended on demand. */
class Styles {
  private numFmts: string[];
  private cellXfs: string[];
  private readonly p: string;
  changed = false;
  private readonly made = new Map<string, number>();

  constructor(private xml: string) {
    this.p = mainPrefix(xml);
    this.numFmts = block(xml, 'numFmts', this.p)?.items ?? [];
    this.cellXfs = block(xml, 'cellXfs', this.p)?.items ?? [];
  }

  private numFmt(code: string): number {
    const existing = this.numFmts.find((n) => attr(n, 'formatCode') === code);
    if (existing) return Number(attr(existing, 'numFmtId'));
    const id = Math.max(163, ...this.numFmts.map((n) => Number(attr(n, 'numFmtId') ?? 0))) + 1;
    this.numFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escAttr(code)}"/>`);
    this.changed = true;
    return id;
  }

  /** A body cell format: the font and border of cell format `base`, top-aligned, wrapped, `numberFormat`. */
  body(base: number, numberFormat?: string): number {
    const key = `${base}|${numberFormat ?? ''}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const src = this.cellXfs[base] ?? '';
    const fontId = attr(src, 'fontId') ?? '0';
    const borderId = attr(src, 'borderId') ?? '0';
    const numFmtId = numberFormat ? this.numFmt(numberFormat) : Number(attr(src, 'numFmtId') ?? 0);
    const p = this.p;
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"` +
      `${numberFormat ? ' applyNumberFormat="1"' : ''}${fontId !== '0' ? ' applyFont="1"' : ''}${borderId !== '0' ? ' applyBorder="1"' : ''} applyAlignment="1">` +
      `<${p}alignment vertical="top" wrapText="1"/></${p}xf>`;
    this.cellXfs.push(xf);
    this.changed = true;
    const idx = this.cellXfs.length - 1;
    this.made.set(key, idx);
    return idx;
  }

  result(): string {
    if (!this.changed) return this.xml;
    let x = this.xml;
    if (this.numFmts.length)
      x = writeBlock(x, 'numFmts', this.p, this.numFmts, stylesAfter('numFmts'));
    x = writeBlock(x, 'cellXfs', this.p, this.cellXfs, stylesAfter('cellXfs'));
    return x;
  }
}

/** One `<dataValidation>` element (unprefixed names get the sheet's prefix). */
export function validationXml(v: TrackingValidation, p: string): string {
  const common =
    ` allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${escAttr(v.errorTitle)}" error="${escAttr(v.error)}"` +
    ` promptTitle="${escAttr(v.promptTitle)}" prompt="${escAttr(v.prompt)}" sqref="${v.range}"`;
  if (v.kind === 'status-list')
    return `<${p}dataValidation type="list"${common}><${p}formula1>"${escText((v.list ?? []).join(','))}"</${p}formula1></${p}dataValidation>`;
  return `<${p}dataValidation type="date" operator="between"${common}><${p}formula1>${isoToSerial(v.from!)}</${p}formula1><${p}formula2>${isoToSerial(v.to!)}</${p}formula2></${p}dataValidation>`;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** One sqref item ("A1", "B2:C9", "F:G", "3:5") as a rectangle, or null when it is not one. */
function rectOf(ref: string): Rect | null {
  const cells = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (cells) {
    const a = splitA1(`${cells[1]}${cells[2]}`);
    const b = cells[3] ? splitA1(`${cells[3]}${cells[4]}`) : a;
    return {
      r0: Math.min(a.row, b.row),
      c0: Math.min(a.col, b.col),
      r1: Math.max(a.row, b.row),
      c1: Math.max(a.col, b.col),
    };
  }
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(ref);
  if (cols)
    return { r0: 1, r1: MAX_ROW, c0: splitA1(`${cols[1]}1`).col, c1: splitA1(`${cols[2]}1`).col };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) return { r0: Number(rows[1]), r1: Number(rows[2]), c0: 1, c1: MAX_COL };
  return null;
}

const a1 = (r: Rect) => {
  const tl = `${colLetters(r.c0)}${r.r0}`;
  const br = `${colLetters(r.c1)}${r.r1}`;
  return tl === br ? tl : `${tl}:${br}`;
};

/** `a` without `b`: at most four rectangles (above, below, left, right). */
function subtract(a: Rect, b: Rect): Rect[] {
  if (b.r1 < a.r0 || b.r0 > a.r1 || b.c1 < a.c0 || b.c0 > a.c1) return [a];
  const out: Rect[] = [];
  if (b.r0 > a.r0) out.push({ ...a, r1: b.r0 - 1 });
  if (b.r1 < a.r1) out.push({ ...a, r0: b.r1 + 1 });
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  if (b.c0 > a.c0) out.push({ r0, r1, c0: a.c0, c1: b.c0 - 1 });
  if (b.c1 < a.c1) out.push({ r0, r1, c0: b.c1 + 1, c1: a.c1 });
  return out;
}

/**
 * A user's `<dataValidation>` without the cells the add-in's validations now cover (as Excel does
 * when validation is set on cells that had another: one rule per cell), or null when none is left.
 */
export function withoutCells(dv: string, taken: Rect[]): string | null {
  const sqref = attr(dv.slice(0, dv.indexOf('>') + 1), 'sqref');
  if (sqref === undefined) return dv;
  let rects: Rect[] = [];
  for (const ref of sqref.trim().split(/\s+/)) {
    const r = rectOf(ref);
    if (!r) return dv; // not understood: left as it is
    rects.push(r);
  }
  const before = rects.map(a1).join(' ');
  for (const t of taken) rects = rects.flatMap((r) => subtract(r, t));
  const next = rects.map(a1).join(' ');
  if (!rects.length) return null;
  return next === before ? dv : dv.replace(/(\ssqref\s*=\s*)("[^"]*"|'[^']*')/, `$1"${next}"`);
}

/** `<cols>` with a width for each new column that no `<col>` covers yet. */
function withWidths(xml: string, plan: TrackingPlan): string {
  const p = mainPrefix(xml);
  const cols = block(xml, 'cols', p);
  const items = cols?.items ?? [];
  const covered = (n: number) =>
    items.some((c) => Number(attr(c, 'min')) <= n && n <= Number(attr(c, 'max')));
  const added = plan.columns
    .filter((c) => !covered(c.col))
    .map((c) => ({
      n: c.col,
      xml: `<${p}col min="${c.col}" max="${c.col}" width="${c.width}" customWidth="1"/>`,
    }));
  if (!added.length) return xml;
  const all = [...items.map((x) => ({ n: Number(attr(x, 'min')), xml: x })), ...added]
    .sort((a, b) => a.n - b.n)
    .map((x) => x.xml);
  const text = `<${p}cols>${all.join('')}</${p}cols>`;
  if (cols) return xml.slice(0, cols.start) + text + xml.slice(cols.end);
  return insertBefore(xml, [`${p}sheetData`], text, p);
}

/** The sheet XML with the plan applied (and the styles it needs added to `styles`). */
function trackedSheetXml(xml: string, plan: TrackingPlan, styles: Styles): string {
  const from = splitA1(plan.styleFrom);
  const headStyle = styleOf(xml, from.col, from.row);
  const bodyBase = styleOf(xml, from.col, plan.firstRow);
  const patch: SheetPatch = {
    cells: new Map<string, CellValue>(),
    merges: [...plan.headerMerges],
    styles: new Map<string, number>(),
  };
  for (const c of plan.columns) {
    patch.cells.set(`${c.letter}${plan.headerRow}`, c.header);
    for (let r = plan.headerRow; r < plan.headerRow + plan.headerHeight; r++)
      patch.styles!.set(`${c.letter}${r}`, headStyle);
    const body = styles.body(bodyBase, c.numberFormat);
    for (let r = plan.firstRow; r <= plan.lastRow; r++)
      patch.styles!.set(`${colLetters(c.col)}${r}`, body);
  }
  let out = patchSheetXml(xml, patch).xml;
  out = withWidths(out, plan);
  if (plan.validations.length) {
    const p = mainPrefix(out);
    const taken = plan.validations.map((v) => rectOf(v.range)).filter((r): r is Rect => r !== null);
    const existing = (block(out, 'dataValidations', p)?.items ?? [])
      .map((dv) => withoutCells(dv, taken))
      .filter((dv): dv is string => dv !== null);
    out = writeBlock(
      out,
      'dataValidations',
      p,
      [...existing, ...plan.validations.map((v) => validationXml(v, p))],
      AFTER_CF.slice(1),
    );
  }
  return out;
}

/**
 * The original package with each plan's tracking columns written into its sheet; every part other
 * than those sheets and styles.xml byte-identical.
 * @throws Error `no-sheet:<name>` when the package has no such worksheet.
 */
export async function graftTracking(
  original: Uint8Array,
  plans: readonly TrackingPlan[],
): Promise<Uint8Array> {
  if (!plans.length) return original;
  const o = await openPkg(original);
  const stylesPart = o.rels.find((r) => /\/styles$/.test(r.type))?.target ?? null;
  const stylesXml = stylesPart ? ((await readText(o.zip, stylesPart)) ?? '') : '';
  if (!stylesPart || !stylesXml) throw new Error('no-styles');
  const styles = new Styles(stylesXml);
  for (const plan of plans) {
    const sheet = o.sheets.find((s) => s.name === plan.sheet);
    if (!sheet?.part) throw new Error(`no-sheet:${plan.sheet}`);
    const xml = (await readText(o.zip, sheet.part)) ?? '';
    put(o.zip, sheet.part, trackedSheetXml(xml, plan, styles));
  }
  if (styles.changed) put(o.zip, stylesPart, styles.result());
  return o.zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
