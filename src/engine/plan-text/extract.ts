/**
 * Draft an assignment appendix from the body of a plan (Kế hoạch) written as text.
 *
 * Pure: no Node APIs, no DOM, no clock. Input is the plan as plain text, one paragraph per line
 * (a .txt export, or the raw text of a .docx); output is raw strings: the agency and deadline
 * parsers of the checker read them later, exactly as they read the cells of a table. Where the
 * tasks are found and how a task section is read: ./README.md.
 */
import { squash, stripMarkup } from '../text';
import { parseAssignment } from '../agencies';

export type DraftField = 'lead' | 'support' | 'deadline' | 'result' | 'content';

export interface DraftSection {
  label: string;
  title: string;
  /** 1-based line of the heading in the text. */
  line: number;
}

export interface DraftGroup {
  tt: string;
  section: string | null;
  line: number;
  title: string;
  /** Paragraphs written under the group's heading before its first sub-item. */
  detail: string[];
}

export interface DraftTask {
  /** Number as written ("1.1", "2"), "<parent>.a" for a lettered item, "<parent>.k" for a bullet task. */
  tt: string;
  section: string | null;
  /** 1-based line of the task's heading. */
  line: number;
  task: string;
  detail: string[];
  leadText: string | null;
  supportText: string | null;
  deadlineText: string | null;
  resultText: string | null;
}

export type UnplacedReason =
  'before-first-task' | 'assignment-without-task' | 'duplicate-field' | 'footnote';

export interface UnplacedLine {
  line: number;
  text: string;
  reason: UnplacedReason;
}

export interface PlanDraft {
  /** The plan's subject line (the paragraph after "KẾ HOẠCH"), or null. */
  title: string | null;
  planYear: number | null;
  /** Sections read for tasks. */
  sections: DraftSection[];
  /** Sections not read (purposes, targets, funding, duties per agency). */
  skipped: DraftSection[];
  groups: DraftGroup[];
  tasks: DraftTask[];
  unplaced: UnplacedLine[];
}

export interface ExtractOptions {
  /** Force the plan year. */
  planYear?: number;
  /** Also read "TỔ CHỨC THỰC HIỆN" (duties per agency) when other task sections exist. */
  organization?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Folding that keeps string positions: one output character per input character (NFC input).

function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  const base = ch.normalize('NFD')[0] ?? ch;
  return base.toLowerCase().length === 1 ? base.toLowerCase() : base;
}

/** Lower case, no diacritics, same length as the input (so indexes map back). */
export function foldSame(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = foldChar(ch);
    out += f.length === ch.length ? f : ch.length === 1 ? f[0] : f.padEnd(ch.length, ' ');
  }
  return out;
}

function isUpper(ch: string | undefined): boolean {
  return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Trailing punctuation a value does not keep. */
function trimValue(s: string): string {
  return squash(s)
    .replace(/^[\s:：.,;–—-]+/, '')
    .replace(/[\s.,;:]+$/, '')
    .replace(/\/\.?$/, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Labels

interface LabelDef {
  field: DraftField;
  re: RegExp;
  /** Accepted without a colon when the value looks right. */
  strong: boolean;
}

const DV = '(?:(?:don vi|co quan)(?:\\s*,\\s*(?:don vi|co quan))?\\s+)';
const LABELS: LabelDef[] = [
  { field: 'lead', re: new RegExp(`^${DV}chu tri(?:\\s+thuc hien)?`), strong: true },
  { field: 'lead', re: /^chu tri(?:\s+thuc hien)?/, strong: false },
  {
    field: 'lead',
    re: new RegExp(`^${DV}(?:tham muu|chiu trach nhiem)(?:\\s+thuc hien)?`),
    strong: true,
  },
  { field: 'lead', re: new RegExp(`^${DV}thuc hien`), strong: true },
  { field: 'lead', re: /^(?:to chuc|trach nhiem) thuc hien/, strong: false },
  { field: 'support', re: new RegExp(`^${DV}phoi hop(?:\\s+thuc hien)?`), strong: true },
  { field: 'support', re: /^phoi hop(?:\s+thuc hien)?/, strong: false },
  {
    field: 'deadline',
    re: /^(?:thoi gian|thoi han|tien do|thoi diem)(?:\s+(?:thuc hien|hoan thanh|trien khai))?/,
    strong: true,
  },
  {
    field: 'result',
    re: /^(?:hinh thuc )?(?:san pham|ket qua)(?:\s+(?:dau ra|du kien|chu yeu|can dat|dat duoc))?/,
    strong: false,
  },
  {
    field: 'content',
    re: /^(?:noi dung|nhiem vu)(?:\s+(?:thuc hien|nhiem vu|cong viec|chu yeu|cu the|trien khai))?/,
    strong: false,
  },
];

/** Words an agency name starts with (folded); the original must be capitalised, except "các". */
const AGENCY_START =
  /^(?:so|ubnd|uy ban|ban|bao|dai|hoi|cong an|bo|van phong|thong ke|thue|trung tam|cac|lien doan|lien hiep|tinh doan|tinh uy|thanh uy|huyen uy|dang uy|thanh tra|ngan hang|cuc|chi cuc|vien|truong|hdnd|mttq|hiep hoi|kho bac|benh vien|doan|cong ty|tong cong ty|chi nhanh|quy|toa an|thuong truc|vp|bch|bql)\b/;

/** The text (at `i` in `orig`/`folded`) starts with an agency name. */
function agencyAt(orig: string, folded: string, i = 0): boolean {
  const f = folded.slice(i);
  const m = AGENCY_START.exec(f);
  if (!m) return false;
  if (m[0] === 'cac')
    return /^cac\s+(?:so|co quan|don vi|ban|nganh|dia phuong|to chuc|hoi|doan|xa|phuong|huyen)/.test(
      f,
    );
  if (/^ban hanh|^bo tri|^bo sung|^bao dam|^bao cao|^bao ton|^thue /.test(f)) return false;
  return isUpper(orig[i]);
}

const DEADLINE_LIKE =
  /(?:\b(?:nam|quy|thang|ngay)\s*[ivx\d]|\b(?:19|20)\d\d\b|\d{1,2}\/\d{1,2}|thuong xuyen|hang nam|hang quy|hang thang|dinh ky|truoc|giai doan|lien tuc)/;

/** A deadline value starts like one (folded): "Quý II/2026", "Trong năm 2026", "Thường xuyên". */
const DEADLINE_START =
  /^(?:nam|quy|thang|ngay|truoc|trong|den|tu|giai doan|thuong xuyen|hang|dinh ky|lien tuc|hoan thanh|\d)/;

interface LabelHit {
  field: DraftField;
  value: string;
}

/**
 * An assignment label at the start of `text` (bullet and markup already removed), or null.
 * Also splits later "; Thời gian: …" parts of the same line into more hits.
 */
export function matchLabel(text: string): LabelHit[] | null {
  const folded = foldSame(text);
  for (const def of LABELS) {
    const m = def.re.exec(folded);
    if (!m) continue;
    let end = m[0].length;
    if (/[a-z0-9]/.test(folded[end] ?? '')) continue; // a longer word
    const after = text.slice(end);
    const colon = /^\s*(?:[:：]|\s-\s|–)\s*/.exec(after);
    let value: string;
    if (colon) {
      end += colon[0].length;
      value = text.slice(end);
    } else {
      value = after.replace(/^[\s.]+/, '');
      if (value !== '') {
        // No colon: take it only when the value is what this field holds.
        const fv = foldSame(value);
        if (def.field === 'lead' || def.field === 'support') {
          if (!agencyAt(value, fv)) continue;
          // "Phối hợp Sở X tổ chức …" is a sentence, not a label.
          if (!def.strong && verbAt(value, fv) >= 0) continue;
        } else if (def.field === 'deadline') {
          if (!DEADLINE_START.test(fv) || !DEADLINE_LIKE.test(fv)) continue;
        } else continue;
      }
    }
    return splitMoreLabels({ field: def.field, value }, 0);
  }
  return null;
}

/** "Sở X chủ trì; Thời gian: Quý II/2026" → the value stops at "; <label>:" and a second hit starts. */
function splitMoreLabels(hit: LabelHit, depth: number): LabelHit[] {
  if (depth > 4) return [{ field: hit.field, value: trimValue(hit.value) }];
  const folded = foldSame(hit.value);
  const re = /[;(]\s*|\.\s+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    const start = m.index + m[0].length;
    const rest = hit.value.slice(start);
    const more = matchLabelStrict(rest);
    if (more) {
      const head = { field: hit.field, value: trimValue(hit.value.slice(0, m.index)) };
      const tail = splitMoreLabels(
        { field: more.field, value: more.value.replace(/\)\s*$/, '') },
        depth + 1,
      );
      return [head, ...tail];
    }
  }
  return [{ field: hit.field, value: trimValue(hit.value) }];
}

/** A label followed by a colon (used inside a line, where no looser form is safe). */
function matchLabelStrict(text: string): LabelHit | null {
  const folded = foldSame(text);
  for (const def of LABELS) {
    const m = def.re.exec(folded);
    if (!m || /[a-z0-9]/.test(folded[m[0].length] ?? '')) continue;
    const colon = /^\s*[:：]\s*/.exec(text.slice(m[0].length));
    if (!colon) continue;
    return { field: def.field, value: text.slice(m[0].length + colon[0].length) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Inline assignment: "Sở X chủ trì, phối hợp với Y thực hiện"

export interface InlineAssignment {
  lead: string;
  support: string | null;
  /** Deadline or result stated in the same sentence ("; thời gian: Quý II/2026"). */
  deadline: string | null;
  /** Index in the text where the assignment starts (the lead's first character). */
  start: number;
  /** The assignment is the whole paragraph (nothing but who does it). */
  pure: boolean;
}

/** Verbs that end a list of supporting agencies inside a sentence (folded). */
const SUPPORT_STOP =
  /\s(?:de|thuc hien|trien khai|tham muu|xay dung|to chuc|nghien cuu|de xuat|ra soat|huong dan|day manh|bo tri|can doi|theo doi|kiem tra|hoan thien|trinh|tong hop|cung cap|quan ly|lap|ban hanh|dieu chinh|danh gia|tuyen truyen|ho tro|khao sat|van dong|chi dao|giai quyet|phat trien|huy dong|tiep tuc|chu dong)\b/;

/** Index of the first verb (written in lower case: "Sở Xây dựng" is a name) in `orig`, or -1. */
function verbAt(orig: string, folded: string): number {
  const re = new RegExp(SUPPORT_STOP.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    const ch = orig[m.index + 1];
    if (ch && ch === ch.toLowerCase()) return m.index;
  }
  return -1;
}

/**
 * Find "X chủ trì[, phối hợp với Y]" in a sentence. The lead must start with an agency name
 * (or be the "Agency:" before a "Chủ trì, …" sentence, as in duties per agency).
 */
export function findInlineAssignment(
  text: string,
  headingAgency?: string,
): InlineAssignment | null {
  const folded = foldSame(text);
  const re = /\bchu tri\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded))) {
    const at = m.index;
    // The lead: from the last hard boundary before "chủ trì", starting at an agency name.
    const before = folded.slice(0, at);
    let segStart = 0;
    const hard = /[;(:]|\.\s|\s[-–]\s/g;
    let h: RegExpExecArray | null;
    while ((h = hard.exec(before))) segStart = h.index + h[0].length;
    let lead: string | null = null;
    let leadStart = -1;
    const seg = before.slice(segStart);
    // First candidate: the segment start itself; then after a comma or "do/giao/và/cho".
    const s0 = segStart + (/^\s*/.exec(seg)?.[0].length ?? 0);
    if (s0 < at && agencyAt(text, folded, s0)) leadStart = s0;
    else {
      const r = /(?:,\s+|\s(?:do|giao|va|cho)\s+)/g;
      let c: RegExpExecArray | null;
      while ((c = r.exec(seg))) {
        const pos = segStart + c.index + c[0].length;
        if (pos < at && agencyAt(text, folded, pos)) {
          leadStart = pos;
          break;
        }
      }
    }
    if (leadStart >= 0) lead = trimValue(text.slice(leadStart, at));
    else if (headingAgency && folded.slice(segStart, at).trim() === '') {
      lead = headingAgency;
      leadStart = segStart;
    }
    if (!lead) continue;
    // The support: after "phối hợp (với|cùng)".
    let i = at + m[0].length;
    const tail = folded.slice(i);
    const ph = /^\s*(?:,|;)?\s*(?:va\s+)?phoi hop(?:\s+(?:voi|cung))?\s+/.exec(tail);
    let support: string | null = null;
    let end = i;
    if (ph) {
      i += ph[0].length;
      const rest = folded.slice(i);
      let stop = rest.length;
      // Stop at ")" or a full stop, or at ";" unless another agency follows it.
      const punct = /[;)]|\.(?:\s|$)/g;
      let p: RegExpExecArray | null;
      while ((p = punct.exec(rest))) {
        if (p[0] === ';') {
          const k = i + p.index + 1 + (/^\s*/.exec(rest.slice(p.index + 1))?.[0].length ?? 0);
          if (agencyAt(text, folded, k)) continue;
        }
        stop = p.index;
        break;
      }
      const verb = verbAt(text.slice(i, i + stop), rest.slice(0, stop));
      if (verb >= 0) stop = verb;
      support = trimValue(text.slice(i, i + stop)) || null;
      end = i + stop;
    } else {
      const th = /^\s*(?:thuc hien)?/.exec(tail);
      end = i + (th ? th[0].length : 0);
    }
    // What follows: "thực hiện", a deadline label, or the end.
    const restOrig = text.slice(end);
    let deadline: string | null = null;
    const dl = /[;,(]\s*/g;
    let d: RegExpExecArray | null;
    while ((d = dl.exec(restOrig))) {
      const hit = matchLabelStrict(restOrig.slice(d.index + d[0].length));
      if (hit && hit.field === 'deadline') {
        deadline = trimValue(hit.value.replace(/\).*$/, '')) || null;
        break;
      }
    }
    const leftover = foldSame(restOrig)
      .replace(/^\s*(?:thuc hien|trien khai)?/, '')
      .replace(/[;,(]\s*(?:thoi gian|thoi han|tien do)[^;)]*/g, '')
      .replace(/[\s.;,)]+/g, '');
    const pure = leadStart <= (/^\s*/.exec(text)?.[0].length ?? 0) && leftover === '';
    // The located words, read by the checker's own parser (so lists split as in a table cell).
    const segment =
      leadStart >= segStart && lead !== headingAgency
        ? text.slice(leadStart, end)
        : `${lead} ${text.slice(at, end)}`;
    const parsed = parseAssignment(segment);
    if (parsed && parsed.lead.length > 0) {
      lead = parsed.lead.join('; ');
      if (parsed.support.length > 0) support = parsed.support.join('; ');
    }
    return { lead, support, deadline, start: leadStart, pure };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Lines

type Tok =
  | { t: 'section'; label: string; title: string }
  | { t: 'num'; tt: string; depth: number; text: string }
  | { t: 'letter'; letter: string; text: string }
  | { t: 'label'; hits: LabelHit[]; marker: string | null; raw: string }
  | { t: 'para'; text: string; marker: string | null }
  | { t: 'footnote'; text: string }
  | { t: 'end' };

interface Line {
  line: number;
  text: string;
}

const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;

/** Remove emphasis markup: **bold**, *italic*, __x__, <b>…</b>. */
function unmark(text: string): string {
  return squash(
    stripMarkup(text)
      .replace(/\*+/g, '')
      .replace(/(^|\s)_+|_+(\s|$)/g, '$1$2'),
  );
}

function tokenize(raw: string): Tok {
  let text = squash(stripMarkup(raw));
  if (/^[¹²³⁴⁵⁶⁷⁸⁹⁰]/.test(text)) return { t: 'footnote', text };
  let marker: string | null = null;
  const b = /^(?:([-–—+•·▪◦●○➢►])|(\*)(?=\s))\s*/.exec(text);
  if (b) {
    marker = (b[1] ?? b[2] ?? '-').replace(/[–—]/, '-');
    text = text.slice(b[0].length);
  }
  text = unmark(text);
  if (text === '') return { t: 'para', text: '', marker };
  const label = matchLabel(text);
  if (label) return { t: 'label', hits: label, marker, raw: text };
  if (marker === null) {
    if (/^(?:trên đây là|nơi nhận)/i.test(text)) return { t: 'end' };
    const r = /^([IVX]+)\s*[./)]\s*(\S.*)$/.exec(text);
    if (r && ROMAN.test(r[1]!)) return { t: 'section', label: r[1]!, title: r[2]!.trim() };
    const cap = /^([A-Z])\s*\.\s+(\S.*)$/.exec(text);
    if (cap && cap[2] === cap[2]!.toUpperCase() && /[A-ZÀ-Ỹ]/.test(cap[2]!))
      return { t: 'section', label: cap[1]!, title: cap[2]!.trim() };
    const n = numHeading(text);
    if (n) return { t: 'num', tt: n.tt, depth: n.tt.split('.').length, text: n.text };
    const l = /^([a-zđ])\s*\)\s*(\S.*)$/.exec(text) ?? /^([a-zđ])\.\s+(\p{Lu}.*)$/u.exec(text);
    if (l) return { t: 'letter', letter: l[1]!, text: l[2]! };
  }
  return { t: 'para', text, marker };
}

/** "1.", "1)", "1.1.", "1.1 " followed by a capitalised word: a numbered heading. */
function numHeading(text: string): { tt: string; text: string } | null {
  const n = /^(\d{1,2}(?:\.\d{1,2})*)(?:\s*([.)])\s*|\s+)(\S.*)$/.exec(text);
  if (!n || !(n[2] || n[1]!.includes('.'))) return null;
  const rest = n[3]!;
  const first = /\p{L}/u.exec(rest);
  if (!first || !isUpper(first[0]) || first.index > 1) return null;
  return { tt: n[1]!, text: rest };
}

/** Split into non-blank lines, joining a paragraph that a page break cut in two. */
function readLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n/);
  raw.forEach((l, i) => {
    const s = squash(l);
    if (s === '') return;
    const prev = out[out.length - 1];
    const startsLow = /^[\p{Ll}\d]/u.test(s) && !numHeading(s);
    const isLetterItem = /^[a-zđ]\s*\)/.test(s);
    if (prev && startsLow && !isLetterItem && !/[.;:!?]["”)]?$/.test(prev.text)) {
      prev.text = `${prev.text} ${s}`;
      return;
    }
    out.push({ line: i + 1, text: s });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sections

type SectionKind = 'tasks' | 'organization' | 'other';

const TASK_WORDS =
  /\b(?:nhiem vu|giai phap|noi dung|hoat dong|chuong trinh|danh muc|cong viec|phan cong|ke hoach hanh dong)\b/;
const ORG_WORDS = /\b(?:to chuc thuc hien|trach nhiem)\b/;

function classifySection(title: string): SectionKind {
  const f = foldSame(title);
  if (ORG_WORDS.test(f) && !/\b(?:nhiem vu|giai phap)\b/.test(f)) return 'organization';
  if (TASK_WORDS.test(f)) return 'tasks';
  return 'other';
}

interface Item {
  kind: 'num' | 'letter' | 'bullet';
  tt: string;
  depth: number;
  line: number;
  heading: string;
  section: string | null;
  entries: Entry[];
  children: Item[];
  agencyMode: boolean;
}

type Entry =
  | { kind: 'para'; text: string; marker: string | null; line: number }
  | { kind: 'label'; hits: LabelHit[]; marker: string | null; line: number; raw: string };

interface Fields {
  lead: string | null;
  support: string | null;
  deadline: string | null;
  result: string | null;
}

// ---------------------------------------------------------------------------------------------
// Main

export function extractPlan(text: string, opts: ExtractOptions = {}): PlanDraft {
  const lines = readLines(text);
  const toks = lines.map((l) => ({ ...l, tok: tokenize(l.text) }));

  // Title: the paragraph after the document type line.
  let title: string | null = null;
  let titleYear: number | null = null;
  let dateYear: number | null = null;
  for (let i = 0; i < Math.min(toks.length, 30); i++) {
    const s = toks[i]!.text;
    const f = foldSame(unmark(s));
    if (dateYear === null) {
      const dm = /\bngay\b.*\bthang\b.*\bnam\s+((?:19|20)\d\d)\b/.exec(f);
      if (dm) dateYear = Number(dm[1]);
    }
    if (
      title === null &&
      /^(?:ke hoach|chuong trinh|de an|phuong an)(?: hanh dong)?$/.test(f.trim()) &&
      s === s.toUpperCase()
    ) {
      const next = toks[i + 1];
      if (
        next &&
        next.tok.t !== 'section' &&
        !/^(?:thuc hien|can cu)\b/.test(foldSame(next.text))
      ) {
        title = unmark(next.text);
        const ym = /\b((?:19|20)\d\d)\b/.exec(title);
        if (ym) titleYear = Number(ym[1]);
      }
    }
  }

  // Cut into sections.
  interface Sec {
    label: string | null;
    title: string;
    line: number;
    kind: SectionKind;
    toks: typeof toks;
    hasLabels: boolean;
  }
  const secs: Sec[] = [];
  let cur: Sec | null = null;
  const pre: typeof toks = [];
  for (const tk of toks) {
    if (tk.tok.t === 'end') break;
    if (tk.tok.t === 'section') {
      cur = {
        label: tk.tok.label,
        title: tk.tok.title,
        line: tk.line,
        kind: classifySection(tk.tok.title),
        toks: [],
        hasLabels: false,
      };
      secs.push(cur);
      continue;
    }
    if (cur) {
      cur.toks.push(tk);
      if (tk.tok.t === 'label' && tk.tok.hits.some((h) => h.field !== 'content'))
        cur.hasLabels = true;
    } else pre.push(tk);
  }
  if (secs.length === 0) {
    // No section headings: read from the first numbered item.
    const first = pre.findIndex((t) => t.tok.t === 'num');
    const body = first >= 0 ? pre.slice(first) : [];
    secs.push({
      label: null,
      title: '',
      line: body[0]?.line ?? 1,
      kind: 'tasks',
      toks: body,
      hasLabels: false,
    });
  }
  for (const s of secs) if (s.kind !== 'tasks' && s.hasLabels) s.kind = 'tasks';
  const anyTasks = secs.some((s) => s.kind === 'tasks');
  const readOrg = opts.organization === true || !anyTasks;

  const draft: PlanDraft = {
    title,
    planYear: null,
    sections: [],
    skipped: [],
    groups: [],
    tasks: [],
    unplaced: [],
  };

  for (const sec of secs) {
    const read = sec.kind === 'tasks' || (sec.kind === 'organization' && readOrg);
    const info = { label: sec.label ?? '', title: sec.title, line: sec.line };
    if (!read) {
      if (sec.label !== null) draft.skipped.push(info);
      continue;
    }
    if (sec.label !== null) draft.sections.push(info);
    const agencyMode = sec.kind === 'organization';

    // Build the item tree.
    const roots: Item[] = [];
    const stack: Item[] = [];
    for (const tk of sec.toks) {
      const tok = tk.tok;
      if (tok.t === 'num') {
        while (stack.length && stack[stack.length - 1]!.depth >= tok.depth) stack.pop();
        const item: Item = {
          kind: 'num',
          tt: tok.tt,
          depth: tok.depth,
          line: tk.line,
          heading: tok.text,
          section: sec.label,
          entries: [],
          children: [],
          agencyMode,
        };
        (stack.length ? stack[stack.length - 1]!.children : roots).push(item);
        stack.push(item);
      } else if (tok.t === 'letter') {
        while (stack.length && stack[stack.length - 1]!.kind === 'letter') stack.pop();
        const parent = stack[stack.length - 1];
        const item: Item = {
          kind: 'letter',
          tt: parent ? `${parent.tt}.${tok.letter}` : tok.letter,
          depth: (parent?.depth ?? 0) + 0.5,
          line: tk.line,
          heading: tok.text,
          section: sec.label,
          entries: [],
          children: [],
          agencyMode: false,
        };
        (parent ? parent.children : roots).push(item);
        stack.push(item);
      } else if (tok.t === 'footnote') {
        draft.unplaced.push({ line: tk.line, text: tok.text, reason: 'footnote' });
      } else if (tok.t === 'label' || tok.t === 'para') {
        const top = stack[stack.length - 1];
        if (!top) {
          if (tok.t === 'para' && tok.text === '') continue;
          draft.unplaced.push({
            line: tk.line,
            text: tk.text,
            reason: tok.t === 'label' ? 'assignment-without-task' : 'before-first-task',
          });
          continue;
        }
        top.entries.push(
          tok.t === 'label'
            ? { kind: 'label', hits: tok.hits, marker: tok.marker, line: tk.line, raw: tok.raw }
            : { kind: 'para', text: tok.text, marker: tok.marker, line: tk.line },
        );
      }
    }
    for (const item of roots) resolveItem(item, emptyFields(), draft);
  }

  draft.tasks.sort((a, b) => a.line - b.line);
  draft.groups.sort((a, b) => a.line - b.line);
  draft.unplaced.sort((a, b) => a.line - b.line);
  draft.planYear = opts.planYear ?? inferYear(draft.tasks, titleYear, dateYear);
  return draft;
}

function emptyFields(): Fields {
  return { lead: null, support: null, deadline: null, result: null };
}

/** The most named year among deadlines (at least twice, no tie), else the title's, else the date line's. */
function inferYear(
  tasks: DraftTask[],
  titleYear: number | null,
  dateYear: number | null,
): number | null {
  const counts = new Map<number, number>();
  for (const t of tasks) {
    const m = t.deadlineText ? /\b((?:19|20)\d\d)\b/.exec(t.deadlineText) : null;
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (sorted[0] && sorted[0][1] >= 2 && (!sorted[1] || sorted[1][1] < sorted[0][1]))
    return sorted[0][0];
  return titleYear ?? dateYear;
}

/** "… (Chủ trì: Sở X; phối hợp: Sở Y; thời gian: Quý II/2026)": labels in a trailing bracket. */
function trailingLabels(text: string): { hits: LabelHit[]; rest: string } | null {
  const m = /\(([^()]*)\)\s*[.;]?\s*$/.exec(text);
  if (!m || m.index === 0) return null;
  const hits = matchLabel(m[1]!.trim());
  if (!hits || !hits.some((h) => h.field !== 'content' && h.value)) return null;
  return { hits, rest: text.slice(0, m.index) };
}

function cleanHeading(s: string): string {
  return squash(s)
    .replace(/[\s:]+$/, '')
    .replace(/\.$/, '');
}

/** Resolve one item: a task, or a group of tasks. */
function resolveItem(item: Item, inherited: Fields, draft: PlanDraft): void {
  let heading = cleanHeading(item.heading);
  const fields = emptyFields();
  const detail: string[] = [];
  const dup = (line: number, raw: string) =>
    draft.unplaced.push({ line, text: raw, reason: 'duplicate-field' });

  // Duties per agency: "3. Sở Tài chính: Chủ trì, …" or "2. Sở X" with paragraphs below.
  let headingAgency: string | undefined;
  let entries = item.entries;
  if (item.agencyMode && agencyAt(heading, foldSame(heading))) {
    const colon = heading.indexOf(':');
    if (colon > 0) {
      headingAgency = trimValue(heading.slice(0, colon));
      heading = cleanHeading(heading.slice(colon + 1));
    } else {
      headingAgency = heading;
      const firstPara = entries.findIndex((e) => e.kind === 'para' && e.text !== '');
      const e = entries[firstPara];
      if (e && e.kind === 'para') {
        heading = cleanHeading(e.text);
        entries = entries.filter((_, i) => i !== firstPara);
      }
    }
    fields.lead = headingAgency;
  }

  // Labels in a trailing bracket of the heading.
  const bracket = trailingLabels(heading);
  if (bracket) {
    for (const h of bracket.hits) {
      const v = trimValue(h.value);
      if (v && h.field !== 'content' && fields[h.field] === null) fields[h.field] = v;
    }
    heading = cleanHeading(bracket.rest);
  }
  // Inline assignment in the heading.
  const inl = bracket ? null : findInlineAssignment(heading, headingAgency);
  if (inl) {
    if (!headingAgency) fields.lead = inl.lead;
    if (inl.support) fields.support = inl.support;
    if (inl.deadline) fields.deadline = inl.deadline;
    // "… (Sở X chủ trì, …)": drop the bracketed assignment from the task text.
    const open = heading.lastIndexOf('(', inl.start);
    if (open > 0 && /\)\s*$/.test(heading) && heading.slice(open + 1, inl.start).trim() === '') {
      heading = cleanHeading(heading.slice(0, open));
    }
  }

  // Bullets with their own assignment make their own tasks.
  const leadLabels = entries.filter(
    (e) => e.kind === 'label' && e.hits.some((h) => h.field === 'lead'),
  ).length;
  const topMarker = entries.find((e) => e.kind === 'para' && e.marker !== null)?.marker ?? null;
  const ownInline = entries.some(
    (e) =>
      e.kind === 'para' &&
      e.marker === topMarker &&
      topMarker !== null &&
      (() => {
        const a = findInlineAssignment(e.text);
        return (!!a && !a.pure) || trailingLabels(e.text) !== null;
      })(),
  );
  const subtasks: Item[] = [];
  if (item.children.length === 0 && topMarker !== null && (leadLabels >= 2 || ownInline)) {
    const own: Entry[] = [];
    let curSub: Item | null = null;
    for (const e of entries) {
      if (e.kind === 'para' && e.marker === topMarker) {
        curSub = {
          kind: 'bullet',
          tt: `${item.tt}.${subtasks.length + 1}`,
          depth: item.depth + 0.5,
          line: e.line,
          heading: e.text,
          section: item.section,
          entries: [],
          children: [],
          agencyMode: false,
        };
        subtasks.push(curSub);
      } else if (curSub) curSub.entries.push(e);
      else own.push(e);
    }
    entries = own;
  }

  // Entries: labels, blocks, detail.
  let open: { field: DraftField; marker: string | null; taken: number } | null = null;
  const set = (field: DraftField, value: string, line: number, raw: string) => {
    if (field === 'content') {
      if (value) detail.push(value);
      return;
    }
    const v = trimValue(value);
    if (!v) return;
    const cur = fields[field];
    if (cur === null) fields[field] = v;
    else if (field === 'result') fields.result = `${cur}\n${v}`;
    else if (cur !== v) dup(line, raw);
  };
  for (const e of entries) {
    if (e.kind === 'label') {
      for (const h of e.hits) set(h.field, h.value, e.line, e.raw);
      const last = e.hits[e.hits.length - 1]!;
      const emptyValue = trimValue(last.value) === '';
      open =
        last.field === 'result' || last.field === 'content' || emptyValue
          ? { field: last.field, marker: e.marker, taken: 0 }
          : null;
      continue;
    }
    if (e.text === '') continue;
    if (open) {
      const deeper = e.marker !== null && e.marker !== open.marker;
      const plainAfterEmpty =
        e.marker === null &&
        (open.field === 'content' || open.field === 'result' || open.taken === 0);
      if (deeper || plainAfterEmpty) {
        if (open.field === 'lead' || open.field === 'support' || open.field === 'deadline') {
          const v = trimValue(e.text);
          const cur = fields[open.field];
          fields[open.field] = cur ? `${cur}; ${v}` : v;
        } else set(open.field, e.text, e.line, e.text);
        open.taken++;
        continue;
      }
      open = null;
    }
    const a = findInlineAssignment(e.text);
    if (a && a.pure) {
      if (fields.lead === null) fields.lead = a.lead;
      else if (fields.lead !== a.lead) dup(e.line, e.text);
      if (a.support && fields.support === null) fields.support = a.support;
      if (a.deadline && fields.deadline === null) fields.deadline = a.deadline;
      continue;
    }
    detail.push(e.text);
  }

  const merged: Fields = {
    lead: fields.lead ?? inherited.lead,
    support: fields.support ?? inherited.support,
    deadline: fields.deadline ?? inherited.deadline,
    result: fields.result ?? inherited.result,
  };

  const kids = [...item.children, ...subtasks];
  if (kids.length > 0) {
    draft.groups.push({
      tt: item.tt,
      section: item.section,
      line: item.line,
      title: heading,
      detail,
    });
    for (const k of kids) resolveItem(k, merged, draft);
    return;
  }
  draft.tasks.push({
    tt: item.tt,
    section: item.section,
    line: item.line,
    task: heading,
    detail,
    leadText: merged.lead,
    supportText: merged.support,
    deadlineText: merged.deadline,
    resultText: merged.result,
  });
}
