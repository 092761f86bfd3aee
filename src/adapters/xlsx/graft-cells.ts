/**
 * Cells another writer made, grafted into the ORIGINAL package (issue 17, for `phancong merge`):
 * ExcelJS writes the gathering into a scratch copy (values, the tracking columns as `track` adds
 * them); from it this module takes only the cells named (their value and cell format), the data
 * validations that lie inside the ranges named, and the merges named, and patches them into the
 * original sheet's XML (graft-edits.ts). The scratch copy's cell formats are appended to the
 * original's styles (graft.ts's StyleMerger); its shared strings become inline strings. Every other
 * part stays byte for byte; the own sheets are added afterwards by graftCheckedCopy.
 *
 * Bytes in, bytes out, with JSZip; no Node APIs.
 */
import { rangeCells } from '../../engine/fix-plan';
import {
  AFTER_CF,
  attr,
  block,
  mainPrefix,
  openPkg,
  prefixed,
  put,
  readText,
  StyleMerger,
  writeBlock,
} from './graft';
import { patchSheetXml } from './graft-edits';
import { colNumber } from './package';

export interface CellGraft {
  /** The sheet (same name in both packages). */
  sheet: string;
  /** A1 cells whose value and format are taken from the scratch copy. */
  cells: string[];
  /** A1 ranges: the scratch copy's data validations lying inside one of them are added. */
  validationsWithin: string[];
  /** Merges to add ("H5:H6"). */
  merges: string[];
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function box(ref: string): Box | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const a = { col: colNumber(m[1].toUpperCase()), row: Number(m[2]) };
  const b = m[3] ? { col: colNumber(m[3].toUpperCase()), row: Number(m[4]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
const inside = (x: Box, y: Box) =>
  x.top >= y.top && x.bottom <= y.bottom && x.left >= y.left && x.right <= y.right;

export async function graftCells(
  original: Uint8Array,
  scratch: Uint8Array,
  g: CellGraft,
): Promise<Uint8Array> {
  if (!g.cells.length && !g.merges.length && !g.validationsWithin.length) return original;
  const o = await openPkg(original);
  const c = await openPkg(scratch);
  const os = o.sheets.find((s) => s.name === g.sheet);
  const cs = c.sheets.find((s) => s.name === g.sheet);
  if (!os?.part || !cs?.part) throw new Error(`no-sheet:${g.sheet}`);
  const oXml = (await readText(o.zip, os.part)) ?? '';
  const cXml = (await readText(c.zip, cs.part)) ?? '';
  const p = mainPrefix(oXml);

  const oStylesPart = o.rels.find((r) => /\/styles$/.test(r.type))?.target ?? null;
  const cStylesPart = c.rels.find((r) => /\/styles$/.test(r.type))?.target ?? 'xl/styles.xml';
  const oStylesXml = oStylesPart ? ((await readText(o.zip, oStylesPart)) ?? '') : '';
  const styles = oStylesXml
    ? new StyleMerger(
        (await readText(c.zip, cStylesPart)) ?? '',
        oStylesXml,
        mainPrefix(oStylesXml),
      )
    : null;
  const cSst = c.rels.find((r) => /\/sharedStrings$/.test(r.type))?.target;
  const strings = cSst
    ? [...((await readText(c.zip, cSst)) ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1])
    : [];

  // The scratch copy's cells, by reference (ExcelJS writes every cell with its r).
  const scratchCells = new Map<string, string>();
  for (const m of cXml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const r = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'r');
    if (r) scratchCells.set(r.toUpperCase(), m[0]);
  }
  const raw = new Map<string, string>();
  for (const ref of g.cells
    .flatMap((x) => (x.includes(':') ? rangeCells(x) : [x]))
    .map((x) => x.toUpperCase().replace(/\$/g, ''))) {
    let el = scratchCells.get(ref) ?? `<c r="${ref}"/>`;
    el = el.replace(
      /^<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>$/,
      (_m, a: string, b: string, i: string) =>
        `<c${a} t="inlineStr"${b}><is>${strings[Number(i)] ?? ''}</is></c>`,
    );
    el = el.replace(/^<c\b([^>]*?)\ss="(\d+)"/, (_m, a: string, s: string) =>
      styles ? `<c${a} s="${styles.xf(Number(s))}"` : `<c${a}`,
    );
    raw.set(ref, el);
  }
  let xml = patchSheetXml(oXml, { cells: new Map(), merges: g.merges, raw }).xml;

  // Data validations of the scratch copy inside the ranges named.
  const within = g.validationsWithin.map(box).filter((b): b is Box => b !== null);
  const added = [...cXml.matchAll(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g)]
    .map((m) => m[0])
    .filter((el) => {
      const refs = (attr(el.slice(0, el.indexOf('>') + 1), 'sqref') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map(box);
      return refs.length > 0 && refs.every((r) => r !== null && within.some((w) => inside(r, w)));
    });
  if (added.length) {
    const existing = block(xml, 'dataValidations', p)?.items ?? [];
    xml = writeBlock(
      xml,
      'dataValidations',
      p,
      [...existing, ...added.map((el) => prefixed(el, p))],
      AFTER_CF.slice(1),
    );
  }
  if (xml !== oXml) put(o.zip, os.part, xml);
  if (styles?.changed && oStylesPart) put(o.zip, oStylesPart, styles.xml());
  return o.zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
