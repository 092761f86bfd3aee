/**
 * A checked copy that keeps everything (issue 17): the copy is the ORIGINAL package with the
 * add-in's own parts added, not a workbook re-saved by ExcelJS (which drops drawings, charts,
 * PivotTables, macros, comments, external links…).
 *
 * How: ExcelJS writes the checked workbook as before (`writeCheckedWorkbook`: marks and own
 * sheets); from that "scratch" copy this module takes only what the add-in owns and grafts it onto
 * the original zip:
 * - the own sheets (found by their PhanCong_Own_* defined names) with their tables, under new part
 *   names; their cell styles are appended to the original styles.xml (fonts, fills, borders,
 *   number formats, cell formats, re-indexed) and their shared strings become inline strings;
 * - on each checked sheet, the own conditional formats (formula tagged MARK_TAG), whose
 *   differential formats are appended to the original dxfs; the previous run's own formats are
 *   removed and the user's rules keep their order after the add-in's;
 * - in workbook.xml, its relationships and [Content_Types].xml: the new sheets, their markers.
 * The previous run's own sheets are removed from the original (and calcChain.xml, which Excel
 * rebuilds, when it named them). Every other part is copied byte for byte.
 *
 * Bytes in, bytes out, with JSZip; no Node APIs (the standalone page's download uses it too).
 */
import JSZip from 'jszip';
import { MARK_TAG } from '../../engine/marks';
import { relsPartOf, resolveTarget } from './package';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OWN_PREFIX = 'PhanCong_Own_';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** Parts a graft rewrites (everything else in the original is copied unchanged). */
export const GRAFT_EDITED = [
  '[Content_Types].xml',
  'workbook',
  'workbook rels',
  'styles',
  'checked sheets',
] as const;

// ---------------------------------------------------------------------------------------------
// XML helpers

export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decode(m[2] ?? m[3] ?? '') : undefined;
}
export function decode(s: string): string {
  return s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _m,
  );
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The prefix ('x:' or '') under which a part writes elements of the main namespace. */
export function mainPrefix(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?(worksheet|workbook|styleSheet)\b/.exec(xml);
  return root?.[1] ?? '';
}

/** Give a fragment written without prefix the part's prefix. */
export function prefixed(fragment: string, p: string): string {
  return p
    ? fragment.replace(
        /<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s/>])/g,
        (m, slash: string, name: string) => (name.includes(':') ? m : `<${slash}${p}${name}`),
      )
    : fragment;
}

/** The child elements (outer XML) of the first `<name …>…</name>` block, and where it is. */
export function block(
  xml: string,
  name: string,
  p: string,
): { start: number; end: number; open: string; items: string[] } | null {
  const open = new RegExp(`<${p}${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === '/')
    return {
      start: open.index,
      end: open.index + open[0].length,
      open: open[0].replace(/\/>$/, '>'),
      items: [],
    };
  const close = xml.indexOf(`</${p}${name}>`, open.index);
  const inner = xml.slice(open.index + open[0].length, close);
  return {
    start: open.index,
    end: close + `</${p}${name}>`.length,
    open: open[0],
    items: topLevel(inner),
  };
}

/** Top-level elements of an XML fragment (no comments or processing instructions expected). */
function topLevel(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = -1;
  const re = /<(\/?)([^\s/>!?]+)[^>]*?(\/?)>/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m[1] === '/') {
      depth--;
      if (depth === 0) items.push(inner.slice(start, m.index + m[0].length));
    } else if (m[3] === '/') {
      if (depth === 0) items.push(m[0]);
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return items;
}

export function writeBlock(
  xml: string,
  name: string,
  p: string,
  items: string[],
  before: string[],
): string {
  const b = block(xml, name, p);
  const open = (b?.open ?? `<${p}${name}>`)
    .replace(/\scount="\d+"/, '')
    .replace(/>$/, ` count="${items.length}">`);
  const text = `${open}${items.join('')}</${p}${name}>`;
  if (b) return xml.slice(0, b.start) + text + xml.slice(b.end);
  return insertBefore(
    xml,
    before.map((n) => p + n),
    text,
    p,
  );
}

export function insertBefore(xml: string, names: string[], fragment: string, p: string): string {
  for (const n of names) {
    const i = xml.search(new RegExp(`<${n}[\\s/>]`));
    if (i >= 0) return xml.slice(0, i) + fragment + xml.slice(i);
  }
  const root = /<\/([\w.-]+:)?(worksheet|styleSheet|workbook)>\s*$/.exec(xml);
  return root
    ? xml.slice(0, root.index) + fragment + xml.slice(root.index)
    : xml.replace(new RegExp(`</${p}\\w+>\\s*$`), (m) => fragment + m);
}

// ---------------------------------------------------------------------------------------------
// Package reading

export interface Pkg {
  zip: JSZip;
  workbookPart: string;
  workbookXml: string;
  relsXml: string;
  rels: { id: string; type: string; target: string; tag: string }[];
  sheets: { name: string; sheetId: number; rid: string; tag: string; part: string | null }[];
}

/** Add or replace a part (no folder entries: the original zip has none). */
export function put(zip: JSZip, name: string, data: string): void {
  zip.file(name, data, { createFolders: false });
}

export async function readText(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  return f ? f.async('string') : null;
}

export async function openPkg(bytes: Uint8Array): Promise<Pkg> {
  const zip = await JSZip.loadAsync(bytes);
  const rootRels = (await readText(zip, '_rels/.rels')) ?? '';
  const office = [...rootRels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => /\/officeDocument$/.test(attr(t, 'Type') ?? ''));
  const workbookPart = office
    ? resolveTarget('', attr(office, 'Target') ?? 'xl/workbook.xml')
    : 'xl/workbook.xml';
  const workbookXml = (await readText(zip, workbookPart)) ?? '';
  const relsXml =
    (await readText(zip, relsPartOf(workbookPart))) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
  const rels = [...relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target:
      attr(m[0], 'TargetMode') === 'External'
        ? ''
        : resolveTarget(workbookPart, attr(m[0], 'Target') ?? ''),
    tag: m[0],
  }));
  const p = mainPrefix(workbookXml);
  const sheets = [...workbookXml.matchAll(new RegExp(`<${p}sheet\\b[^>]*>`, 'g'))].map((m) => {
    const rid = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? '';
    const rel = rels.find((r) => r.id === rid);
    return {
      name: attr(m[0], 'name') ?? '',
      sheetId: Number(attr(m[0], 'sheetId') ?? 0),
      rid,
      tag: m[0],
      part: rel && /\/worksheet$/.test(rel.type) ? rel.target : null,
    };
  });
  return { zip, workbookPart, workbookXml, relsXml, rels, sheets };
}

/** Own-sheet markers: defined name elements PhanCong_Own_* and the sheet each names. */
function ownMarkers(workbookXml: string, p: string): { tag: string; sheet: string }[] {
  const out: { tag: string; sheet: string }[] = [];
  for (const m of workbookXml.matchAll(
    new RegExp(`<${p}definedName\\b[^>]*>([\\s\\S]*?)</${p}definedName>`, 'g'),
  )) {
    const name = attr(m[0], 'name') ?? '';
    if (!name.toLowerCase().startsWith(OWN_PREFIX.toLowerCase())) continue;
    const ref = decode(m[1]);
    const sheet =
      /^'((?:[^']|'')*)'!/.exec(ref)?.[1]?.replace(/''/g, "'") ?? /^([^!]*)!/.exec(ref)?.[1] ?? '';
    out.push({ tag: m[0], sheet });
  }
  return out;
}

async function partRels(
  zip: JSZip,
  part: string,
): Promise<{ id: string; type: string; target: string }[]> {
  const xml = await readText(zip, relsPartOf(part));
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target:
      attr(m[0], 'TargetMode') === 'External'
        ? ''
        : resolveTarget(part, attr(m[0], 'Target') ?? ''),
  }));
}

// ---------------------------------------------------------------------------------------------
// Styles

interface StyleLists {
  numFmts: string[];
  fonts: string[];
  fills: string[];
  borders: string[];
  cellXfs: string[];
  dxfs: string[];
}

function styleLists(xml: string, p: string): StyleLists {
  const items = (n: string) => block(xml, n, p)?.items ?? [];
  return {
    numFmts: items('numFmts'),
    fonts: items('fonts'),
    fills: items('fills'),
    borders: items('borders'),
    cellXfs: items('cellXfs'),
    dxfs: items('dxfs'),
  };
}

/** Appends the scratch copy's styles that the grafted parts use to the original's styles. */
/** CT_Stylesheet's order of blocks, to place a missing one. */
const STYLE_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/** The blocks of styles.xml that come after `name` (writeBlock places a new block before them). */
export const stylesAfter = (name: string): string[] =>
  STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1);

export class StyleMerger {
  private readonly from: StyleLists;
  private readonly to: StyleLists;
  private readonly xfMap = new Map<number, number>();
  private readonly dxfMap = new Map<number, number>();
  private readonly numFmtMap = new Map<number, number>();
  private nextNumFmt: number;
  changed = false;

  constructor(
    fromXml: string,
    private toXml: string,
    private readonly p: string,
  ) {
    this.from = styleLists(fromXml, '');
    this.to = styleLists(toXml, p);
    const ids = this.to.numFmts.map((n) => Number(attr(n, 'numFmtId') ?? 0));
    this.nextNumFmt = Math.max(163, ...ids) + 1;
  }

  private numFmt(id: number): number {
    if (id < 164) return id;
    const known = this.numFmtMap.get(id);
    if (known !== undefined) return known;
    const src = this.from.numFmts.find((n) => Number(attr(n, 'numFmtId')) === id);
    if (!src) return 0;
    const code = attr(src, 'formatCode') ?? 'General';
    const existing = this.to.numFmts.find((n) => attr(n, 'formatCode') === code);
    const nid = existing ? Number(attr(existing, 'numFmtId')) : this.nextNumFmt++;
    if (!existing)
      this.to.numFmts.push(
        prefixed(`<numFmt numFmtId="${nid}" formatCode="${esc(code)}"/>`, this.p),
      );
    this.numFmtMap.set(id, nid);
    this.changed = true;
    return nid;
  }

  private append(list: keyof StyleLists, el: string | undefined): number {
    this.to[list].push(prefixed(el ?? '', this.p));
    this.changed = true;
    return this.to[list].length - 1;
  }

  /** The original's index of the scratch copy's cell format `s`. */
  xf(s: number): number {
    if (s === 0) return 0;
    const known = this.xfMap.get(s);
    if (known !== undefined) return known;
    const src = this.from.cellXfs[s];
    if (!src) return 0;
    const font = this.append('fonts', this.from.fonts[Number(attr(src, 'fontId') ?? 0)]);
    const fill =
      Number(attr(src, 'fillId') ?? 0) < 2
        ? Number(attr(src, 'fillId') ?? 0)
        : this.append('fills', this.from.fills[Number(attr(src, 'fillId'))]);
    const border =
      Number(attr(src, 'borderId') ?? 0) === 0
        ? 0
        : this.append('borders', this.from.borders[Number(attr(src, 'borderId'))]);
    const numFmt = this.numFmt(Number(attr(src, 'numFmtId') ?? 0));
    const xf = src
      .replace(/\sfontId="\d+"/, ` fontId="${font}"`)
      .replace(/\sfillId="\d+"/, ` fillId="${fill}"`)
      .replace(/\sborderId="\d+"/, ` borderId="${border}"`)
      .replace(/\snumFmtId="\d+"/, ` numFmtId="${numFmt}"`)
      .replace(/\sxfId="\d+"/, ' xfId="0"');
    const idx = this.append('cellXfs', xf);
    this.xfMap.set(s, idx);
    return idx;
  }

  dxf(id: number): number {
    const known = this.dxfMap.get(id);
    if (known !== undefined) return known;
    const idx = this.append('dxfs', this.from.dxfs[id]);
    this.dxfMap.set(id, idx);
    return idx;
  }

  /** The original styles.xml with what was appended. */
  xml(): string {
    if (!this.changed) return this.toXml;
    let x = this.toXml;
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as const) {
      if (this.to[name].length === 0 && !block(x, name, this.p)) continue;
      x = writeBlock(x, name, this.p, this.to[name], stylesAfter(name));
    }
    return x;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets

/** An own sheet of the scratch copy as a part of the original: styles re-indexed, strings inline. */
function ownSheetXml(xml: string, strings: string[], styles: StyleMerger): string {
  return xml
    .replace(
      /<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
      (_m, a: string, b: string, i: string) =>
        `<c${a} t="inlineStr"${b}><is>${strings[Number(i)] ?? ''}</is></c>`,
    )
    .replace(
      /<(c|row)\b([^>]*?)\ss="(\d+)"/g,
      (_m, n: string, a: string, s: string) => `<${n}${a} s="${styles.xf(Number(s))}"`,
    )
    .replace(
      /<col\b([^>]*?)\sstyle="(\d+)"/g,
      (_m, a: string, s: string) => `<col${a} style="${styles.xf(Number(s))}"`,
    );
}

/** The own conditional formats of a scratch sheet, dxfIds mapped into the original's. */
function ownCfBlocks(xml: string, styles: StyleMerger): string[] {
  return [...xml.matchAll(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g)]
    .map((m) => m[0])
    .filter((b) => b.includes(MARK_TAG))
    .map((b) =>
      b.replace(/\sdxfId="(\d+)"/g, (_m, d: string) => ` dxfId="${styles.dxf(Number(d))}"`),
    );
}

export const AFTER_CF = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** A user sheet with the previous own formats replaced by `blocks` (user rules after them). */
function markedSheetXml(xml: string, blocks: string[]): string {
  const p = mainPrefix(xml);
  const cfRe = new RegExp(
    `<${p}conditionalFormatting\\b[\\s\\S]*?</${p}conditionalFormatting>`,
    'g',
  );
  let out = xml.replace(cfRe, (b) => (b.includes(MARK_TAG) ? '' : b));
  if (blocks.length) {
    // The user's rules come after the add-in's, in their own order: priorities n+1, n+2, … counted
    // from the user's lowest (the same numbers on every run).
    const priorities = [...out.matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority="(\d+)"/g)].map(
      (m) => Number(m[1]),
    );
    const lowest = priorities.length ? Math.min(...priorities) : 1;
    out = out.replace(cfRe, (b) =>
      b.replace(
        /(<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority=")(\d+)"/g,
        (_m, head: string, n: string) => `${head}${Number(n) - lowest + 1 + blocks.length}"`,
      ),
    );
    out = insertBefore(
      out,
      AFTER_CF.map((n) => p + n),
      prefixed(blocks.join(''), p),
      p,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The graft

export interface GraftOptions {
  /** Names of the own sheets taken from the scratch copy (default: all of them). */
  ownSheets?: string[];
}

/**
 * The original package with the add-in's parts of `scratch` (what writeCheckedWorkbook wrote from
 * it) added, and the previous run's own parts removed. `checkedSheets`: names of the sheets whose
 * marks are taken from the scratch copy (default: every sheet the two have in common).
 */
export async function graftCheckedCopy(
  original: Uint8Array,
  scratch: Uint8Array,
  checkedSheets?: string[],
  opts: GraftOptions = {},
): Promise<Uint8Array> {
  const o = await openPkg(original);
  const c = await openPkg(scratch);
  // Only these own sheets (names, any case) are taken from the scratch copy; the original's other
  // own sheets, and their markers, stay as they are. Default: every own sheet.
  const only = opts.ownSheets ? new Set(opts.ownSheets.map((n) => n.toLowerCase())) : null;
  const taken_ = (name: string) => !only || only.has(name.toLowerCase());
  // Default: every sheet of both (a sheet without own marks on either side is left as it is).
  checkedSheets ??= o.sheets
    .filter((s) => c.sheets.some((x) => x.name === s.name))
    .map((s) => s.name);
  const zip = o.zip;
  const p = mainPrefix(o.workbookXml);
  let workbookXml = o.workbookXml;
  let relsXml = o.relsXml;
  let contentTypes = (await readText(zip, '[Content_Types].xml')) ?? '';

  // Styles and shared strings of the scratch copy.
  const cStylesPart = c.rels.find((r) => /\/styles$/.test(r.type))?.target ?? 'xl/styles.xml';
  const oStylesRel = o.rels.find((r) => /\/styles$/.test(r.type));
  const oStylesPart = oStylesRel?.target ?? null;
  const oStylesXml = oStylesPart ? ((await readText(zip, oStylesPart)) ?? '') : '';
  const styles = new StyleMerger(
    (await readText(c.zip, cStylesPart)) ?? '',
    oStylesXml ||
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"></styleSheet>`,
    oStylesXml ? mainPrefix(oStylesXml) : '',
  );
  const cSst = c.rels.find((r) => /\/sharedStrings$/.test(r.type))?.target;
  const strings = cSst
    ? [...((await readText(c.zip, cSst)) ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1])
    : [];

  // 1. The previous run's own sheets leave the original.
  const cOwn = new Set(
    ownMarkers(c.workbookXml, '')
      .map((m) => m.sheet)
      .filter(taken_),
  );
  const cNames = new Set(c.sheets.map((s) => s.name));
  const oMarkers = ownMarkers(workbookXml, p);
  const removed = o.sheets.filter(
    (s) =>
      taken_(s.name) &&
      oMarkers.some((m) => m.sheet === s.name) &&
      (!cNames.has(s.name) || cOwn.has(s.name)),
  );
  const removedNames = new Set(removed.map((s) => s.name));
  const removedIndex = new Set(removed.map((s) => o.sheets.indexOf(s)));
  for (const s of removed) {
    workbookXml = workbookXml.replace(s.tag, '');
    relsXml = relsXml.replace(o.rels.find((r) => r.id === s.rid)?.tag ?? '\u0000', '');
    if (s.part) {
      for (const r of await partRels(zip, s.part)) {
        if (/\/table$/.test(r.type) && r.target) {
          zip.remove(r.target);
          contentTypes = contentTypes.replace(
            new RegExp(
              `<(?:\\w+:)?Override\\b[^>]*PartName="/${r.target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`,
            ),
            '',
          );
        }
      }
      zip.remove(s.part);
      zip.remove(relsPartOf(s.part));
      contentTypes = contentTypes.replace(
        new RegExp(
          `<(?:\\w+:)?Override\\b[^>]*PartName="/${s.part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`,
        ),
        '',
      );
    }
  }
  // Markers all go (the scratch copy's are added back); sheet-scoped names follow their sheet.
  workbookXml = workbookXml.replace(
    new RegExp(`<${p}definedName\\b[^>]*>[\\s\\S]*?</${p}definedName>`, 'g'),
    (dn) => {
      if ((attr(dn, 'name') ?? '').toLowerCase().startsWith(OWN_PREFIX.toLowerCase())) {
        const target = ownMarkers(dn, p)[0]?.sheet ?? '';
        if (!only || removedNames.has(target) || only.has(target.toLowerCase())) return '';
        return dn;
      }
      const local = attr(dn, 'localSheetId');
      if (local === undefined || removedIndex.size === 0) return dn;
      const k = Number(local);
      if (removedIndex.has(k)) return '';
      const shift = [...removedIndex].filter((i) => i < k).length;
      return shift ? dn.replace(/localSheetId="\d+"/, `localSheetId="${k - shift}"`) : dn;
    },
  );
  if (removed.length) {
    const calc = o.rels.find((r) => /\/calcChain$/.test(r.type));
    if (calc) {
      zip.remove(calc.target);
      relsXml = relsXml.replace(calc.tag, '');
      contentTypes = contentTypes.replace(
        /<(?:\w+:)?Override\b[^>]*PartName="\/[^"]*calcChain[^"]*"[^>]*\/>/,
        '',
      );
    }
  }

  // 2. Marks on the checked sheets.
  for (const name of checkedSheets) {
    const os = o.sheets.find((s) => s.name === name);
    const cs = c.sheets.find((s) => s.name === name);
    if (!os?.part || !cs?.part) continue;
    const cXml = (await readText(c.zip, cs.part)) ?? '';
    const oXml = (await readText(zip, os.part)) ?? '';
    const next = markedSheetXml(oXml, ownCfBlocks(cXml, styles));
    if (next !== oXml) put(zip, os.part, next);
  }

  // 3. The own sheets join the original.
  const taken = new Set(Object.keys(zip.files).map((n) => n.toLowerCase()));
  const free = (make: (i: number) => string) => {
    for (let i = 1; ; i++) {
      const n = make(i);
      if (!taken.has(n.toLowerCase())) {
        taken.add(n.toLowerCase());
        return n;
      }
    }
  };
  const usedRids = new Set([...relsXml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  const freeRid = () => {
    for (let i = 1; ; i++)
      if (!usedRids.has(`rIdPc${i}`)) return (usedRids.add(`rIdPc${i}`), `rIdPc${i}`);
  };
  let tableIds = 0;
  for (const f of Object.keys(zip.files)) {
    if (!/tables\/[^/]+\.xml$/i.test(f)) continue;
    const id = Number(
      /<(?:\w+:)?table\b[^>]*\sid="(\d+)"/.exec((await readText(zip, f)) ?? '')?.[1] ?? 0,
    );
    tableIds = Math.max(tableIds, id);
  }
  let sheetId = Math.max(0, ...o.sheets.filter((s) => !removed.includes(s)).map((s) => s.sheetId));
  const sheetsClose = `</${p}sheets>`;
  const wbDir = o.workbookPart.includes('/')
    ? o.workbookPart.slice(0, o.workbookPart.lastIndexOf('/') + 1)
    : '';
  const relTarget = (part: string) =>
    part.startsWith(wbDir) ? part.slice(wbDir.length) : `/${part}`;
  const newOverrides: string[] = [];
  for (const cs of c.sheets) {
    if (!cOwn.has(cs.name) || !cs.part) continue;
    const part = free((i) => `${wbDir}worksheets/sheet${i}.xml`);
    let xml = ownSheetXml((await readText(c.zip, cs.part)) ?? '', strings, styles);
    const rels: string[] = [];
    for (const r of await partRels(c.zip, cs.part)) {
      if (!/\/table$/.test(r.type) || !r.target) continue;
      const tpart = free((i) => `${wbDir}tables/table${i}.xml`);
      const txml = ((await readText(c.zip, r.target)) ?? '').replace(
        /(<table\b[^>]*?\sid=")(\d+)"/,
        (_m, head: string) => `${head}${++tableIds}"`,
      );
      put(zip, tpart, txml);
      newOverrides.push(`<Override PartName="/${tpart}" ContentType="${CT_TABLE}"/>`);
      rels.push(
        `<Relationship Id="${esc(r.id)}" Type="${REL_NS}/table" Target="../tables/${tpart.slice(tpart.lastIndexOf('/') + 1)}"/>`,
      );
    }
    if (!rels.length)
      xml = xml.replace(/<tableParts\b[\s\S]*?<\/tableParts>|<tableParts\b[^>]*\/>/, '');
    put(zip, part, xml);
    if (rels.length)
      put(
        zip,
        relsPartOf(part),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`,
      );
    newOverrides.push(`<Override PartName="/${part}" ContentType="${CT_SHEET}"/>`);
    const rid = freeRid();
    relsXml = relsXml.replace(
      /<\/((?:\w+:)?)Relationships>\s*$/,
      (m) =>
        `<Relationship Id="${rid}" Type="${REL_NS}/worksheet" Target="${relTarget(part)}"/>${m}`,
    );
    const rPrefix =
      /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
        workbookXml,
      )?.[1];
    if (!rPrefix)
      workbookXml = workbookXml.replace(
        new RegExp(`<${p}workbook\\b`),
        (m) => `${m} xmlns:r="${REL_NS}"`,
      );
    const sheetTag = `<${p}sheet name="${esc(cs.name)}" sheetId="${++sheetId}" ${rPrefix ?? 'r'}:id="${rid}"/>`;
    workbookXml = workbookXml.includes(sheetsClose)
      ? workbookXml.replace(sheetsClose, `${sheetTag}${sheetsClose}`)
      : workbookXml.replace(
          new RegExp(`<${p}sheets\\s*/>`),
          `<${p}sheets>${sheetTag}</${p}sheets>`,
        );
  }
  // Markers.
  const markers = ownMarkers(c.workbookXml, '')
    .filter((m) => taken_(m.sheet))
    .map((m) => prefixed(m.tag, p));
  if (markers.length) {
    const close = `</${p}definedNames>`;
    if (workbookXml.includes(close))
      workbookXml = workbookXml.replace(close, `${markers.join('')}${close}`);
    else
      workbookXml = workbookXml.replace(
        sheetsClose,
        `${sheetsClose}<${p}definedNames>${markers.join('')}</${p}definedNames>`,
      );
  }
  // An empty definedNames block is not allowed.
  workbookXml = workbookXml.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), '');
  // The active tab may point past the sheets that are left.
  const count = (workbookXml.match(new RegExp(`<${p}sheet\\b`, 'g')) ?? []).length;
  workbookXml = workbookXml
    .replace(/(\sactiveTab=")(\d+)"/, (m, head: string, n: string) =>
      Number(n) >= count ? `${head}0"` : m,
    )
    .replace(/(\sfirstSheet=")(\d+)"/, (m, head: string, n: string) =>
      Number(n) >= count ? `${head}0"` : m,
    );

  put(zip, o.workbookPart, workbookXml);
  put(zip, relsPartOf(o.workbookPart), relsXml);
  if (styles.changed) {
    if (oStylesPart) put(zip, oStylesPart, styles.xml());
    else {
      const sp = `${wbDir}styles.xml`;
      put(zip, sp, styles.xml());
      const rid = freeRid();
      put(
        zip,
        relsPartOf(o.workbookPart),
        relsXml.replace(
          /<\/((?:\w+:)?)Relationships>\s*$/,
          (m) =>
            `<Relationship Id="${rid}" Type="${REL_NS}/styles" Target="${relTarget(sp)}"/>${m}`,
        ),
      );
      newOverrides.push(
        `<Override PartName="/${sp}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
      );
    }
  }
  contentTypes = contentTypes.replace(
    /<\/((?:\w+:)?)Types>\s*$/,
    (m, tp: string) => `${prefixed(newOverrides.join(''), tp)}${m}`,
  );
  put(zip, '[Content_Types].xml', contentTypes);
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}
