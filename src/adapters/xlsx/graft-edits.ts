/**
 * Fix edits written into the ORIGINAL package (issues 10 and 17): the cells a fix changes and the
 * merges it restores are patched into the sheet's XML, and every other part is copied byte for byte
 * (drawings, comments, charts, PivotTables, macros… stay). `phancong fix` writes its copy this way,
 * and the standalone page's download is graftCheckedCopy(these bytes, scratch).
 *
 * Per edited cell (the sheet found by name through workbook.xml and its relationships):
 * - the value is replaced: a string as an inline string (`t="inlineStr"`), a number as `<v>`, a
 *   boolean `t="b"`, an error `t="e"`; null (or "") removes the value but keeps the `<c>`;
 * - the cell keeps its style `s` (and its other attributes); a formula on it is dropped (a shared
 *   formula it is the master of becomes its other cells' cached values) and calcChain.xml, which
 *   Excel rebuilds, goes;
 * - a missing `<c>` (or `<row>`) is created in its sorted place; the dimension grows to cover it.
 * Merges are added to `<mergeCells>` (created in its schema place when missing); the cells of a
 * merge other than its top-left lose their value, as when ExcelJS or Excel merges.
 * Parts written with the `x:` prefix keep it. Bytes in, bytes out, with JSZip; no Node APIs.
 */
import type { CellValue } from '../../engine/types';
import type { EditBatch } from '../../host/types';
import { rangeCells } from '../../engine/fix-plan';
import { colLetters, colNumber, relsPartOf } from './package';
import { AFTER_CF, attr, mainPrefix, openPkg, prefixed, put, readText, writeBlock } from './graft';

/** What to write into one sheet: the final value per cell (A1) and the merges to add. */
export interface SheetPatch {
  cells: Map<string, CellValue>;
  merges: string[];
  /** Cell formats (styles.xml cellXfs index) to set per cell (A1), with or without a value (graft-tracking.ts). */
  styles?: Map<string, number>;
  /**
   * Cells written as given (A1 → a `<c>` element without prefix, its `r` set to that cell): a
   * value with its cell format, taken from a copy another writer made (graft-cells.ts).
   */
  raw?: Map<string, string>;
}

/** The cell element with its `s` attribute set to `s`. */
function withStyle(p: string, xml: string, s: number): string {
  return xml.replace(new RegExp(`^<${p}c\\b([^>]*?)(/?)>`), (_m, attrs: string, slash: string) => {
    const rest = attrs.replace(/\ss\s*=\s*("[^"]*"|'[^']*')/, '');
    const r = /^(\sr\s*=\s*"[^"]*")/.exec(rest);
    return r
      ? `<${p}c${r[1]} s="${s}"${rest.slice(r[1].length)}${slash}>`
      : `<${p}c s="${s}"${rest}${slash}>`;
  });
}

/** Where `<mergeCells>` goes: before the first of these (CT_Worksheet's order). */
const AFTER_MERGES = ['phoneticPr', 'conditionalFormatting', ...AFTER_CF];

/** Characters XML 1.0 cannot hold (and \r, which a parser would turn into \n). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_UNSAFE = /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/g;

const escText = (s: string) =>
  s
    // Excel reads _xHHHH_ as an escaped character: a literal one is written with its underscore escaped.
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(
      XML_UNSAFE,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );

function splitRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`bad-cell:${ref}`);
  return { col: colNumber(m[1].toUpperCase()), row: Number(m[2]) };
}

export interface Cell {
  col: number;
  raw: string;
}
export interface Row {
  n: number;
  /** The whole row element as in the part (rebuilt when `cells` is set). */
  raw: string;
  open: string;
  cells: Cell[] | null;
  selfClosing: boolean;
}

/** The cell element for `value`, from the existing element's attributes and extLst. */
function cellXml(
  p: string,
  ref: string,
  value: CellValue,
  old: string | null,
): { xml: string; formula: boolean; sharedSi: string | null } {
  let attrs = '';
  let ext = '';
  let formula = false;
  let sharedSi: string | null = null;
  if (old) {
    const open = new RegExp(`^<${p}c\\b([^>]*?)\\/?>`).exec(old)!;
    attrs = open[1].replace(/\s(t|cm|vm|r)\s*=\s*("[^"]*"|'[^']*')/g, '');
    ext = new RegExp(`<${p}extLst\\b[\\s\\S]*?</${p}extLst>`).exec(old)?.[0] ?? '';
    const f = new RegExp(`<${p}f\\b([^>]*?)(/?)>`).exec(old);
    if (f) {
      formula = true;
      if (attr(f[0], 't') === 'shared' && attr(f[0], 'ref') !== undefined)
        sharedSi = attr(f[0], 'si') ?? null;
    }
  }
  const head = (t: string) => `<${p}c r="${ref}"${attrs}${t ? ` t="${t}"` : ''}`;
  let xml: string;
  if (value === null || value === '') xml = ext ? `${head('')}>${ext}</${p}c>` : `${head('')}/>`;
  else if (typeof value === 'string')
    xml = `${head('inlineStr')}><${p}is><${p}t xml:space="preserve">${escText(value)}</${p}t></${p}is>${ext}</${p}c>`;
  else if (typeof value === 'number')
    xml = `${head('')}><${p}v>${Number.isFinite(value) ? String(value) : '0'}</${p}v>${ext}</${p}c>`;
  else if (typeof value === 'boolean')
    xml = `${head('b')}><${p}v>${value ? 1 : 0}</${p}v>${ext}</${p}c>`;
  else xml = `${head('e')}><${p}v>${escText(value.error)}</${p}v>${ext}</${p}c>`;
  return { xml, formula, sharedSi };
}

/** The rows of sheetData's inner XML, their positions filled in where the part leaves them out. */
export function parseRows(inner: string, p: string): Row[] {
  const rows: Row[] = [];
  const re = new RegExp(`<${p}row\\b([^>]*?)(/?)>`, 'g');
  let last = 0;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    const r = attr(m[0], 'r');
    const n = r && /^\d+$/.test(r) ? Number(r) : last + 1;
    last = n;
    let raw = m[0];
    if (!m[2]) {
      const close = inner.indexOf(`</${p}row>`, re.lastIndex);
      raw = inner.slice(m.index, close + `</${p}row>`.length);
      re.lastIndex = close + `</${p}row>`.length;
    }
    const open = r ? m[0] : m[0].replace(new RegExp(`^<${p}row`), `<${p}row r="${n}"`);
    rows.push({
      n,
      raw: r ? raw : open + raw.slice(m[0].length),
      open: open.replace(/\/>$/, '>'),
      cells: null,
      selfClosing: !!m[2],
    });
  }
  return rows;
}

export function parseCells(row: Row, p: string): Cell[] {
  if (row.selfClosing) return [];
  const inner = row.raw.slice(row.raw.indexOf('>') + 1, row.raw.length - `</${p}row>`.length);
  const cells: Cell[] = [];
  let col = 0;
  for (const m of inner.matchAll(new RegExp(`<${p}c\\b([^>]*?)(?:/>|>[\\s\\S]*?</${p}c>)`, 'g'))) {
    const r = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'r');
    col = r ? splitRef(r).col : col + 1;
    cells.push({
      col,
      raw: r ? m[0] : m[0].replace(new RegExp(`^<${p}c`), `<${p}c r="${colLetters(col)}${row.n}"`),
    });
  }
  return cells;
}

/** One worksheet part with the patch written in; `formula`: a formula was dropped. */
export function patchSheetXml(xml: string, patch: SheetPatch): { xml: string; formula: boolean } {
  const p = mainPrefix(xml);
  // The cells of a merge other than the top-left are emptied (after the edits, as a merge does).
  const cells = new Map<string, CellValue>();
  for (const [ref, v] of patch.cells) cells.set(ref.toUpperCase().replace(/\$/g, ''), v);
  for (const ref of patch.raw?.keys() ?? []) if (!cells.has(ref)) cells.set(ref, '\u0000raw');
  for (const m of patch.merges)
    for (const c of rangeCells(m).slice(1)) cells.set(c.toUpperCase(), null);

  const styles = new Map<string, number>();
  for (const [ref, st] of patch.styles ?? []) styles.set(ref.toUpperCase().replace(/\$/g, ''), st);
  const refs = [...new Set([...cells.keys(), ...styles.keys()])];

  let formula = false;
  const sharedSis = new Set<string>();
  if (refs.length) {
    const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
    if (!open) throw new Error('no-sheetData');
    const innerStart = open.index + open[0].length;
    const innerEnd = open[1] ? innerStart : xml.indexOf(`</${p}sheetData>`, innerStart);
    const rows = parseRows(xml.slice(innerStart, innerEnd), p);
    let grown: { top: number; left: number; bottom: number; right: number } | null = null;
    for (const ref of refs) {
      const { col, row: n } = splitRef(ref);
      const hasValue = cells.has(ref);
      const value = cells.get(ref) ?? null;
      const style = styles.get(ref);
      const empty = value === null || value === '';
      let i = rows.findIndex((r) => r.n >= n);
      let row = i >= 0 && rows[i].n === n ? rows[i] : null;
      if (!row) {
        if (empty && style === undefined) continue;
        row = { n, raw: '', open: `<${p}row r="${n}">`, cells: [], selfClosing: false };
        if (i < 0) i = rows.length;
        rows.splice(i, 0, row);
      }
      row.cells ??= parseCells(row, p);
      let k = row.cells.findIndex((c) => c.col >= col);
      const old = k >= 0 && row.cells[k].col === col ? row.cells[k] : null;
      if (!old && empty && style === undefined) continue;
      let made: { xml: string; formula: boolean; sharedSi: string | null };
      if (hasValue) made = cellXml(p, `${colLetters(col)}${n}`, value, old?.raw ?? null);
      else
        made = {
          xml: old ? old.raw : `<${p}c r="${colLetters(col)}${n}"/>`,
          formula: false,
          sharedSi: null,
        };
      const given = patch.raw?.get(ref);
      if (given !== undefined) made.xml = prefixed(given, p);
      if (style !== undefined) made.xml = withStyle(p, made.xml, style);
      formula ||= made.formula;
      if (made.sharedSi !== null) sharedSis.add(made.sharedSi);
      if (old) old.raw = made.xml;
      else {
        if (k < 0) k = row.cells.length;
        row.cells.splice(k, 0, { col, raw: made.xml });
        grown = grown
          ? {
              top: Math.min(grown.top, n),
              left: Math.min(grown.left, col),
              bottom: Math.max(grown.bottom, n),
              right: Math.max(grown.right, col),
            }
          : { top: n, left: col, bottom: n, right: col };
        // A spans hint ("1:6") that no longer covers the row's cells.
        const spans = /\sspans="(\d+):(\d+)"/.exec(row.open);
        if (spans && (col < Number(spans[1]) || col > Number(spans[2])))
          row.open = row.open.replace(
            spans[0],
            ` spans="${Math.min(col, Number(spans[1]))}:${Math.max(col, Number(spans[2]))}"`,
          );
      }
    }
    let data = rows
      .map((r) =>
        r.cells
          ? r.cells.length
            ? `${r.open}${r.cells.map((c) => c.raw).join('')}</${p}row>`
            : r.open.replace(/>$/, '/>')
          : r.raw,
      )
      .join('');
    // The other cells of a shared formula whose master was edited keep their values, not a formula
    // that no longer has a master.
    for (const si of sharedSis)
      data = data.replace(new RegExp(`<${p}f\\b[^>]*?(?:/>|>[^<]*</${p}f>)`, 'g'), (f) =>
        attr(f, 't') === 'shared' && attr(f, 'si') === si && attr(f, 'ref') === undefined ? '' : f,
      );
    const sheetDataOpen = open[1] ? open[0].replace(/\/>$/, '>') : open[0];
    const tail = open[1] ? xml.slice(innerStart) : xml.slice(innerEnd);
    xml =
      xml.slice(0, open.index) + sheetDataOpen + data + (open[1] ? `</${p}sheetData>` : '') + tail;
    if (grown) {
      xml = xml.replace(
        new RegExp(`(<${p}dimension\\b[^>]*?\\sref=")([^"]*)"`),
        (m, head: string, ref: string) => {
          const [a, b = a] = ref.split(':');
          if (!/^[A-Z]+\d+$/i.test(a) || !/^[A-Z]+\d+$/i.test(b)) return m;
          const x = splitRef(a);
          const y = splitRef(b);
          const box = {
            top: Math.min(x.row, grown!.top),
            left: Math.min(x.col, grown!.left),
            bottom: Math.max(y.row, grown!.bottom),
            right: Math.max(y.col, grown!.right),
          };
          const tl = `${colLetters(box.left)}${box.top}`;
          const br = `${colLetters(box.right)}${box.bottom}`;
          return `${head}${tl === br ? tl : `${tl}:${br}`}"`;
        },
      );
    }
  }

  const merges = patch.merges.map((m) => m.toUpperCase());
  if (merges.length) {
    const existing = [...xml.matchAll(new RegExp(`<${p}mergeCell\\b[^>]*>`, 'g'))].map((m) => m[0]);
    const have = new Set(existing.map((t) => (attr(t, 'ref') ?? '').toUpperCase()));
    const added = merges
      .filter((m, i) => !have.has(m) && merges.indexOf(m) === i)
      .map((m) => `<${p}mergeCell ref="${m}"/>`);
    if (added.length) {
      // writeBlock recounts; items are the existing mergeCell elements plus the new ones.
      xml = writeBlock(
        xml,
        'mergeCells',
        p,
        [...existing.map((t) => (t.endsWith('/>') ? t : `${t}</${p}mergeCell>`)), ...added],
        AFTER_MERGES,
      );
    }
  }
  return { xml, formula };
}

/** The sheets' patches of a list of batches: the last value written to a cell wins. */
export function patchesOf(batches: readonly EditBatch[]): Map<string, SheetPatch> {
  const out = new Map<string, SheetPatch>();
  for (const b of batches) {
    const patch = out.get(b.sheet) ?? { cells: new Map<string, CellValue>(), merges: [] };
    out.set(b.sheet, patch);
    for (const e of b.edits) patch.cells.set(e.cell.toUpperCase(), e.after);
    patch.merges.push(...b.merges);
  }
  return out;
}

/**
 * The original package with the batches' edits and merges written into its sheets (every other
 * part byte-identical). A batch names its sheet; its edits are written on that sheet.
 * @throws Error `no-sheet:<name>` when the package has no such worksheet.
 */
export async function graftEdits(
  original: Uint8Array,
  batches: readonly EditBatch[] | Map<string, SheetPatch>,
): Promise<Uint8Array> {
  const patches = batches instanceof Map ? batches : patchesOf(batches);
  const live = [...patches].filter(([, s]) => s.cells.size || s.merges.length || s.styles?.size);
  if (!live.length) return original;
  const o = await openPkg(original);
  let formula = false;
  for (const [name, patch] of live) {
    const sheet = o.sheets.find((s) => s.name === name);
    if (!sheet?.part) throw new Error(`no-sheet:${name}`);
    const xml = (await readText(o.zip, sheet.part)) ?? '';
    const next = patchSheetXml(xml, patch);
    formula ||= next.formula;
    if (next.xml !== xml) put(o.zip, sheet.part, next.xml);
  }
  if (formula) {
    // Excel rebuilds the calculation chain; one that names a cell without a formula is an error.
    const calc = o.rels.find((r) => /\/calcChain$/.test(r.type));
    if (calc) {
      o.zip.remove(calc.target);
      put(o.zip, relsPartOf(o.workbookPart), o.relsXml.replace(calc.tag, ''));
      const types = (await readText(o.zip, '[Content_Types].xml')) ?? '';
      put(
        o.zip,
        '[Content_Types].xml',
        types.replace(/<(?:\w+:)?Override\b[^>]*PartName="\/[^"]*calcChain[^"]*"[^>]*\/>/, ''),
      );
    }
  }
  return o.zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
