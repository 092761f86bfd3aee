/**
 * Normalise an .xlsx package before ExcelJS reads it (issue 17): valid workbooks that ExcelJS 4.4.0
 * hangs on or refuses become, part by part, the shape it reads quickly. Bytes in, bytes out, with
 * JSZip (ExcelJS's own zip library); no Node APIs, so it runs in the browser bundle as well.
 *
 * Measured on test/fixtures/real (see README, "Reliability") — what ExcelJS does and the remedy:
 * - A data validation is expanded into one entry per cell it names: one over a whole column
 *   (A1:A1048576) costs seconds and hundreds of MB, one over the whole sheet never finishes.
 *   Remedy: each validation's ranges are clipped to the sheet's used range (the cells that hold
 *   something); a validation wholly outside it is dropped. Reading needs no validation at all; a
 *   copy written from this workbook keeps the validations over the table.
 * - Elements in the main namespace written with a prefix (`<x:worksheet xmlns:x="…/main">`, the
 *   OpenXML SDK style of report servers) are not recognised: the workbook reads as empty or fails.
 *   Remedy: the prefix is removed from those parts (workbook, worksheets, shared strings, styles).
 * - Rows and cells without their `r` position (optional in the format) fail with "Invalid row
 *   number". Remedy: positions are written in (a row without r follows the previous row; a cell
 *   without r follows the previous cell).
 * - Parts are found by their usual names (xl/workbook.xml, xl/worksheets/sheetN.xml, …), not
 *   through [Content_Types].xml and the relationships: a workbook with parts of its own names reads
 *   as having no sheet. Remedy: the workbook is found through the package relationships and the
 *   parts ExcelJS reads are copied under the usual names (the other parts are left out: this copy
 *   is only for reading).
 * Merged ranges (quadratic in ExcelJS) are handled in read.ts, not here.
 *
 * It also gathers the facts that make a file heavy (merges, cells named by validations, shared
 * strings, cells), so that a read stopped by its time or memory limit can say why.
 */
import JSZip from 'jszip';
import { columnIndex, columnLetter } from '../../engine/workbook';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** What makes a workbook heavy to read (counted before reading, cheaply). */
export interface PackageFacts {
  /** Merged ranges, all sheets. */
  merges: number;
  /** Cells named by data validations, before clipping (a whole column: 1,048,576). */
  validationCells: number;
  /** Cells named by conditional formats. */
  conditionalCells: number;
  /** Entries of the shared-string table. */
  sharedStrings: number;
  /** Cells in the sheets (`<c` elements). */
  cells: number;
  /** Uncompressed size of the parts ExcelJS reads, in bytes. */
  xmlBytes: number;
}

export interface PreparedPackage {
  /** The bytes to hand ExcelJS (the input itself when nothing needed changing). */
  bytes: Uint8Array;
  facts: PackageFacts;
  /** What was changed, for tests and diagnostics ('prefix', 'positions', 'validations', 'relocated'). */
  changes: string[];
  /** The package has a workbook part that declares sheets (so it is a spreadsheet, read or not). */
  declaresSheets: boolean;
  /** Parts ExcelJS would read whose XML is cut off (no end tag of the root element): damage. */
  damaged: string[];
}

/** False when an XML part does not end with the end tag of its root element (cut off). */
export function xmlComplete(xml: string): boolean {
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(
    xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''),
  );
  if (!root) return false;
  const tail = xml.trimEnd();
  return (
    tail.endsWith(`</${root[1]}>`) ||
    new RegExp(`<${root[1].replace(/[.]/g, '\\.')}\\b[^>]*/>$`).test(tail)
  );
}

// ---------------------------------------------------------------------------------------------
// Small XML helpers (attribute values of the package's own XML; no entity beyond the five)

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decode(m[2] ?? m[3] ?? '') : undefined;
}

function decode(s: string): string {
  return s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _m,
  );
}

interface Rel {
  id: string;
  type: string;
  /** Resolved part name, without a leading slash ('' for external targets). */
  target: string;
  external: boolean;
}

/** Part name of a relationship target, relative to the source part's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return normalisePath(target.slice(1));
  const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) : '';
  return normalisePath(dir + target);
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The relationships part of a part: a/b/c.xml → a/b/_rels/c.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function parseRels(xml: string, sourcePart: string): Rel[] {
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const external = attr(tag, 'TargetMode') === 'External';
    const target = attr(tag, 'Target') ?? '';
    rels.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      target: external ? '' : resolveTarget(sourcePart, target),
      external,
    });
  }
  return rels;
}

const relKind = (type: string) => type.slice(type.lastIndexOf('/') + 1);

function findFile(zip: JSZip, part: string): JSZip.JSZipObject | null {
  const direct = zip.file(part);
  if (direct) return direct;
  // Part names are case-insensitive in OPC.
  const lower = part.toLowerCase();
  const name = Object.keys(zip.files).find((n) => n.replace(/^\//, '').toLowerCase() === lower);
  return name ? zip.file(name) : null;
}

// ---------------------------------------------------------------------------------------------
// Namespace prefixes

/**
 * Remove the prefix bound to the main spreadsheetml namespace, if the part's elements carry one.
 * Only element names with that prefix change: `<x:c r="A1">` → `<c r="A1">`.
 */
export function stripMainPrefix(xml: string): string {
  const decl = new RegExp(
    `xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${MAIN_NS.replace(/[.]/g, '\\.')}["']`,
  ).exec(xml);
  if (!decl) return xml;
  const p = decl[1];
  if (!new RegExp(`<${p}:`).test(xml)) return xml;
  const hasDefault = new RegExp(`\\sxmlns\\s*=\\s*["']${MAIN_NS.replace(/[.]/g, '\\.')}["']`).test(
    xml,
  );
  let out = xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1');
  out = out.replace(decl[0], hasDefault ? '' : `xmlns="${MAIN_NS}"`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Positions (r attributes) and the used range

/** 1-based column of letters. */
export function colNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

/** 1-based column → letters. */
export function colLetters(n: number): string {
  return columnLetter(n - 1);
}

interface SheetScan {
  xml: string;
  lastRow: number;
  lastCol: number;
  cells: number;
  positionsAdded: boolean;
}

/**
 * Write in the r of rows and cells that lack it, and find the used range (the last row and column
 * that have a cell element). Rows and cells are the `<row>` and `<c>` elements of sheetData.
 */
export function scanSheetData(xml: string): SheetScan {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return { xml, lastRow: 0, lastCol: 0, cells: 0, positionsAdded: false };
  const endTag = xml.indexOf('</sheetData>', start);
  const end = endTag < 0 ? xml.length : endTag;
  const data = xml.slice(start, end);
  let row = 0;
  let col = 0;
  let lastRow = 0;
  let lastCol = 0;
  let cells = 0;
  let added = false;
  const rewritten = data.replace(
    /<(row|c)(\s[^>]*?)?(\/?)>/g,
    (m: string, name: string, attrs: string | undefined, selfClose: string) => {
      const a = attrs ?? '';
      const r = /\sr\s*=\s*"([^"]*)"/.exec(a);
      if (name === 'row') {
        row = r && /^\d+$/.test(r[1]) ? Number(r[1]) : row + 1;
        col = 0;
        if (row > lastRow) lastRow = row;
        if (r) return m;
        added = true;
        return `<row r="${row}"${a}${selfClose}>`;
      }
      cells++;
      const ref = r ? /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(r[1]) : null;
      col = ref ? colNumber(ref[1].toUpperCase()) : col + 1;
      if (col > lastCol) lastCol = col;
      if (row > lastRow) lastRow = row;
      if (ref) return m;
      added = true;
      const rest = r ? a.replace(r[0], '') : a;
      return `<c r="${colLetters(col)}${row || 1}"${rest}${selfClose}>`;
    },
  );
  if (!added) return { xml, lastRow, lastCol, cells, positionsAdded: false };
  return {
    xml: xml.slice(0, start) + rewritten + xml.slice(end),
    lastRow,
    lastCol,
    cells,
    positionsAdded: true,
  };
}

// ---------------------------------------------------------------------------------------------
// Ranges named by sqref

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sqref token (A1, A1:B5, F:G, 3:5) → a box, or null when it is not a reference. */
export function parseRangeToken(token: string): Box | null {
  const t = token.replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(t);
  if (m) {
    const l = colNumber(m[1]);
    const tp = Number(m[2]);
    const r = m[3] ? colNumber(m[3]) : l;
    const b = m[4] ? Number(m[4]) : tp;
    return {
      top: Math.min(tp, b),
      left: Math.min(l, r),
      bottom: Math.max(tp, b),
      right: Math.max(l, r),
    };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(t);
  if (m) {
    const l = colNumber(m[1]);
    const r = colNumber(m[2]);
    return { top: 1, left: Math.min(l, r), bottom: MAX_ROW, right: Math.max(l, r) };
  }
  m = /^(\d+):(\d+)$/.exec(t);
  if (m) {
    const tp = Number(m[1]);
    const b = Number(m[2]);
    return { top: Math.min(tp, b), left: 1, bottom: Math.max(tp, b), right: MAX_COL };
  }
  return null;
}

const area = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
const boxRef = (b: Box) =>
  b.top === b.bottom && b.left === b.right
    ? `${colLetters(b.left)}${b.top}`
    : `${colLetters(b.left)}${b.top}:${colLetters(b.right)}${b.bottom}`;

/** Cells a sqref names. */
export function sqrefArea(sqref: string): number {
  let n = 0;
  for (const token of sqref.trim().split(/\s+/)) {
    const b = parseRangeToken(token);
    if (b) n += area(b);
  }
  return n;
}

/** A sqref clipped to rows 1..lastRow and columns 1..lastCol ('' when nothing is left). */
export function clipSqref(sqref: string, lastRow: number, lastCol: number): string {
  const out: string[] = [];
  for (const token of sqref.trim().split(/\s+/)) {
    const b = parseRangeToken(token);
    if (!b) continue;
    const clipped = {
      top: b.top,
      left: b.left,
      bottom: Math.min(b.bottom, lastRow),
      right: Math.min(b.right, lastCol),
    };
    if (clipped.bottom < clipped.top || clipped.right < clipped.left) continue;
    out.push(boxRef(clipped));
  }
  return out.join(' ');
}

/**
 * Clip each data validation of the sheet to its used range (dropping those left with no cell).
 * Returns the new XML and how many cells the validations named before.
 */
export function clipValidations(
  xml: string,
  lastRow: number,
  lastCol: number,
): { xml: string; cellsBefore: number; changed: boolean } {
  let cellsBefore = 0;
  let changed = false;
  const out = xml.replace(
    /<dataValidations\b[^>]*?(?:\/>|>([\s\S]*?)<\/dataValidations>)/,
    (block: string, inner: string | undefined) => {
      if (inner === undefined) return block;
      let kept = 0;
      const body = inner.replace(
        /<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g,
        (dv: string, attrs: string) => {
          const sqref = attr(attrs, 'sqref') ?? '';
          const cells = sqrefArea(sqref);
          cellsBefore += cells;
          const clipped = clipSqref(sqref, Math.max(lastRow, 1), Math.max(lastCol, 1));
          if (clipped === sqref.trim()) {
            kept++;
            return dv;
          }
          changed = true;
          if (!clipped) return '';
          kept++;
          return dv.replace(/(\ssqref\s*=\s*)("[^"]*"|'[^']*')/, `$1"${clipped}"`);
        },
      );
      if (!changed) return block;
      if (kept === 0) return '';
      const open = /^<dataValidations\b[^>]*>/
        .exec(block)![0]
        .replace(/\scount\s*=\s*"\d+"/, ` count="${kept}"`);
      return `${open}${body}</dataValidations>`;
    },
  );
  return { xml: out, cellsBefore, changed };
}

function conditionalCells(xml: string): number {
  let n = 0;
  for (const m of xml.matchAll(/<conditionalFormatting\b[^>]*\ssqref\s*=\s*"([^"]*)"/g))
    n += sqrefArea(m[1]);
  return n;
}

function countOf(xml: string, re: RegExp): number {
  let n = 0;
  for (const _ of xml.matchAll(re)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// The package

const STANDARD = {
  workbook: 'xl/workbook.xml',
  sharedStrings: 'xl/sharedStrings.xml',
  styles: 'xl/styles.xml',
};

interface Located {
  workbook: string;
  workbookRels: Rel[];
  worksheets: { rel: Rel; part: string }[];
  sharedStrings?: string;
  styles?: string;
  theme?: string;
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const f = findFile(zip, part);
  return f ? f.async('string') : null;
}

async function locate(zip: JSZip): Promise<Located | null> {
  let workbook: string | null = null;
  const rootRels = await text(zip, '_rels/.rels');
  if (rootRels) {
    const office = parseRels(rootRels, '').find(
      (r) => relKind(r.type) === 'officeDocument' && !r.external,
    );
    if (office && findFile(zip, office.target)) workbook = office.target;
  }
  if (!workbook) {
    const ct = (await text(zip, '[Content_Types].xml')) ?? '';
    for (const m of ct.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      const type = attr(m[0], 'ContentType') ?? '';
      const name = (attr(m[0], 'PartName') ?? '').replace(/^\//, '');
      if (
        /spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml/.test(
          type,
        ) &&
        findFile(zip, name)
      )
        workbook = name;
    }
  }
  if (!workbook && findFile(zip, STANDARD.workbook)) workbook = STANDARD.workbook;
  if (!workbook) return null;
  const relsXml = (await text(zip, relsPartOf(workbook))) ?? '';
  const workbookRels = parseRels(relsXml, workbook);
  const byKind = (kind: string) =>
    workbookRels.filter((r) => relKind(r.type) === kind && !r.external && findFile(zip, r.target));
  return {
    workbook,
    workbookRels,
    worksheets: byKind('worksheet').map((rel) => ({ rel, part: rel.target })),
    sharedStrings: byKind('sharedStrings')[0]?.target,
    styles: byKind('styles')[0]?.target,
    theme: byKind('theme')[0]?.target,
  };
}

function isStandard(loc: Located): boolean {
  if (loc.workbook !== STANDARD.workbook) return false;
  if (loc.sharedStrings && loc.sharedStrings !== STANDARD.sharedStrings) return false;
  if (loc.styles && loc.styles !== STANDARD.styles) return false;
  return loc.worksheets.every((w) => /^xl\/worksheets\/sheet\d+\.xml$/.test(w.part));
}

/** Elements of a worksheet that point at the sheet's relationships (left out of a relocated copy). */
function dropRelReferences(xml: string): string {
  return xml
    .replace(/<hyperlinks\b[\s\S]*?<\/hyperlinks>/, '')
    .replace(/<(drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture)\b[^>]*\/>/g, '')
    .replace(/<(tableParts|oleObjects|controls)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<(tableParts|oleObjects|controls)\b[^>]*\/>/g, '')
    .replace(/(<pageSetup\b[^>]*?)\s(?:\w+:)?id="[^"]*"/, '$1');
}

/**
 * Prepare `bytes` for ExcelJS: the same bytes when the package needs nothing, otherwise a new zip
 * with the parts ExcelJS reads normalised. Throws what JSZip throws for a damaged zip.
 */
export async function preparePackage(bytes: Uint8Array): Promise<PreparedPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const facts: PackageFacts = {
    merges: 0,
    validationCells: 0,
    conditionalCells: 0,
    sharedStrings: 0,
    cells: 0,
    xmlBytes: 0,
  };
  const changes = new Set<string>();
  const loc = await locate(zip);
  if (!loc) return { bytes, facts, changes: [], declaresSheets: false, damaged: [] };

  const standard = isStandard(loc);
  const out: Map<string, string> = new Map();

  // Workbook
  const wbXml = (await text(zip, loc.workbook)) ?? '';
  const declaresSheets = loc.worksheets.length > 0;
  const damaged: string[] = [];
  if (!xmlComplete(wbXml)) damaged.push(loc.workbook);
  facts.xmlBytes += wbXml.length;
  const wbNorm = stripMainPrefix(wbXml);
  if (wbNorm !== wbXml) changes.add('prefix');
  out.set(STANDARD.workbook, wbNorm);

  // Shared strings and styles
  for (const [kind, part] of [
    ['sharedStrings', loc.sharedStrings],
    ['styles', loc.styles],
  ] as const) {
    if (!part) continue;
    const xml = (await text(zip, part)) ?? '';
    facts.xmlBytes += xml.length;
    if (!xmlComplete(xml)) damaged.push(part);
    if (kind === 'sharedStrings') {
      const unique = /<(?:\w+:)?sst\b[^>]*\suniqueCount\s*=\s*"(\d+)"/.exec(xml);
      facts.sharedStrings = unique ? Number(unique[1]) : countOf(xml, /<(?:\w+:)?si\b/g);
    }
    const norm = stripMainPrefix(xml);
    if (norm !== xml) changes.add('prefix');
    out.set(STANDARD[kind], norm);
  }

  // Worksheets
  const sheetNames: string[] = [];
  for (let i = 0; i < loc.worksheets.length; i++) {
    const { part } = loc.worksheets[i];
    const raw = (await text(zip, part)) ?? '';
    facts.xmlBytes += raw.length;
    if (!xmlComplete(raw)) damaged.push(part);
    let xml = stripMainPrefix(raw);
    if (xml !== raw) changes.add('prefix');
    const scan = scanSheetData(xml);
    if (scan.positionsAdded) changes.add('positions');
    xml = scan.xml;
    facts.cells += scan.cells;
    facts.merges += countOf(xml, /<mergeCell\b/g);
    facts.conditionalCells += conditionalCells(xml);
    const clipped = clipValidations(xml, scan.lastRow, scan.lastCol);
    facts.validationCells += clipped.cellsBefore;
    if (clipped.changed) changes.add('validations');
    xml = clipped.xml;
    const name = standard ? part : `xl/worksheets/sheet${i + 1}.xml`;
    sheetNames.push(name);
    out.set(name, standard ? xml : dropRelReferences(xml));
  }

  if (standard) {
    if (changes.size === 0) return { bytes, facts, changes: [], declaresSheets, damaged };
    for (const [name, xml] of out) {
      const existing = findFile(zip, name);
      zip.file(existing ? existing.name : name, xml);
    }
    return {
      bytes: await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }),
      facts,
      changes: [...changes],
      declaresSheets,
      damaged,
    };
  }

  // Relocated: a new package of the parts ExcelJS reads, under their usual names.
  changes.add('relocated');
  const fresh = new JSZip();
  const rels: string[] = [];
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
  ];
  loc.worksheets.forEach((w, i) => {
    rels.push(
      `<Relationship Id="${escapeAttr(w.rel.id)}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    overrides.push(
      `<Override PartName="/${sheetNames[i]}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
  });
  const other = (kind: string) =>
    loc.workbookRels.find((r) => relKind(r.type) === kind && !r.external);
  const usedIds = new Set(loc.worksheets.map((w) => w.rel.id));
  const relFor = (kind: string, target: string, contentType: string) => {
    const rel = other(kind);
    let id = rel?.id ?? `rIdPc${kind}`;
    if (usedIds.has(id)) id = `rIdPc${kind}`;
    usedIds.add(id);
    rels.push(`<Relationship Id="${escapeAttr(id)}" Type="${REL_NS}/${kind}" Target="${target}"/>`);
    overrides.push(`<Override PartName="/xl/${target}" ContentType="${contentType}"/>`);
  };
  if (out.has(STANDARD.sharedStrings))
    relFor(
      'sharedStrings',
      'sharedStrings.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
    );
  if (out.has(STANDARD.styles))
    relFor(
      'styles',
      'styles.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
    );
  if (loc.theme) {
    const theme = await text(zip, loc.theme);
    if (theme) {
      out.set('xl/theme/theme1.xml', theme);
      relFor(
        'theme',
        'theme/theme1.xml',
        'application/vnd.openxmlformats-officedocument.theme+xml',
      );
    }
  }
  // The workbook keeps only its worksheets among <sheets> (chart and dialog sheets are left out).
  const sheetIds = new Set(loc.worksheets.map((w) => w.rel.id));
  out.set(
    STANDARD.workbook,
    (out.get(STANDARD.workbook) ?? '').replace(/<sheet\b[^>]*\/>/g, (tag) => {
      const id = /\s(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
      return id && sheetIds.has(id) ? tag : '';
    }),
  );
  fresh.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  fresh.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  fresh.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`,
  );
  for (const [name, xml] of out) fresh.file(name, xml);
  return {
    bytes: await fresh.generateAsync({ type: 'uint8array', compression: 'STORE' }),
    facts,
    changes: [...changes],
    declaresSheets,
    damaged,
  };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
