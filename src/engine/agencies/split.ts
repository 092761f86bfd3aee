/**
 * Splitting a lead/support cell into parties, and reading a cell that holds both roles
 * ("Sở Nội vụ chủ trì, phối hợp với …").
 *
 * Decisions:
 * - Semicolons and line breaks always split. Commas and " và " split unless they sit inside a
 *   name the dictionary knows (greedy longest match over comma/"và" pieces: "Sở Văn hóa, Thể thao
 *   và Du lịch", "Báo và Phát thanh, Truyền hình tỉnh"), inside brackets, or inside a generic
 *   phrase ("Các sở, ban, ngành, địa phương"). " và " between words that do not start a new body
 *   is kept ("Trung tâm Văn hóa và Điện ảnh").
 * - "Các sở: Văn hóa, Thể thao và Du lịch, Ngoại vụ" → "Sở Văn hóa, Thể thao và Du lịch",
 *   "Sở Ngoại vụ" (the head word is distributed over the list).
 * - Communes are split ONE PARTY PER COMMUNE: "UBND các xã: Yên Bình, Thác Bà" → "UBND xã Yên
 *   Bình", "UBND xã Thác Bà"; "UBND Phường Sa Pa, xã Y Tý" → "UBND phường Sa Pa", "UBND xã Y Tý".
 *   Each commune is accountable on its own and is counted on its own in the summaries. A list that
 *   mixes levels ("UBND các xã, phường: Nghĩa Lộ, Văn Chấn") gives "UBND Nghĩa Lộ", "UBND Văn Chấn"
 *   (the level of each place is not written). The all-communes forms ("UBND các xã, phường",
 *   "UBND phường, xã có liên quan") stay one party. Such parts are rebuilt, not substrings.
 * - A person's role keeps its comma-separated name or places with it ("Phó Chủ tịch UBND tỉnh,
 *   Nguyễn Thành Sinh", "Giám đốc, Sở VHTTDL" are one party each).
 * - Two bodies run together without a separator ("Sở VHTTDL Các cơ quan truyền thông trên địa bàn
 *   tỉnh") are split when the start is a known name and the rest starts a new body or a generic
 *   phrase; `runTogether` reports it.
 * - Request wording is dropped from a part: "Đề nghị Ban Tuyên giáo và Dân vận Tỉnh uỷ phối hợp
 *   thực hiện" → "Ban Tuyên giáo và Dân vận Tỉnh uỷ".
 */
import { fold, squash, stripMarkup } from '../text';
import { AgencyDictionary } from './dictionary';
import {
  cleanParty,
  isGenericContinuation,
  isGenericText,
  isNameLike,
  lowerVi,
  startsWithHead,
} from './normalize';

export interface SplitResult {
  parts: string[];
  /** Two bodies were written one after the other with no separator. */
  runTogether: boolean;
}

let builtin: AgencyDictionary | null = null;

/** The shared dictionary of built-in entries (used when no dictionary is passed). */
export function builtinDictionary(): AgencyDictionary {
  if (!builtin) builtin = new AgencyDictionary();
  return builtin;
}

interface Piece {
  text: string;
  /** Separator before this piece. */
  sep: ',' | 'và' | '';
}

function tokenize(seg: string): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let start = 0;
  let sep: Piece['sep'] = '';
  const push = (end: number, next: Piece['sep'], skip: number): void => {
    const text = seg.slice(start, end).trim();
    if (text) {
      pieces.push({ text, sep });
      sep = next;
    } else if (next === 'và' || sep === '') {
      sep = next;
    }
    start = end + skip;
  };
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0) {
      if (ch === ',') push(i, ',', 1);
      else if (ch === ' ' && seg.slice(i, i + 4).toLowerCase() === ' và ') push(i, 'và', 4);
    }
  }
  push(seg.length, '', 0);
  return pieces;
}

function join(p: Piece[], i: number, j: number): string {
  let s = p[i].text;
  for (let k = i + 1; k <= j; k++) s += (p[k].sep === 'và' ? ' và ' : ', ') + p[k].text;
  return s;
}

const LABEL_RE =
  /^(?:(?:đơn vị|cơ quan)\s+)?(?:chủ trì|phối hợp|tổ chức|tham mưu)(?:\s+thực hiện)?\s*:\s*/iu;
const REQUEST_RE = /^(?:đề nghị|giao|đề xuất)\s+/iu;
const TRAILING_WORDING_RE =
  /\s+(?:(?:chủ trì|phối hợp)(?:\s+(?:tổ chức\s+)?thực hiện)?|(?:tổ chức|triển khai)\s+thực hiện|thực hiện)\s*[.;,]?$/iu;
const FILLER = new Set([
  'thuc hien',
  'to chuc thuc hien',
  'trien khai thuc hien',
  'theo chuc nang nhiem vu',
  'thuc hien theo chuc nang nhiem vu',
]);

/** Remove labels, request wording and trailing role wording from a segment or a part. */
function stripWording(text: string): string {
  let s = text.trim();
  for (let n = 0; n < 3; n++) {
    const before = s;
    s = s
      .replace(/^[\s\-–—+•*·]+/u, '')
      .replace(LABEL_RE, '')
      .replace(REQUEST_RE, '');
    s = s.replace(TRAILING_WORDING_RE, '');
    if (s === before) break;
  }
  return s;
}

const UBND_START = /^(?:ubnd|ub nd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu;
const LEVEL_PIECE =
  /^(?:các\s+)?((?:xã|phường|thị trấn)(?:\s*,\s*(?:xã|phường|thị trấn))*)(?=$|[\s:,])\s*:?\s*(.*)$/iu;
const ROLE_START =
  /^(?:phó chủ tịch|chủ tịch|phó giám đốc|giám đốc|tổng giám đốc|phó tổng biên tập|tổng biên tập|chánh|phó chánh|phó trưởng|trưởng|thủ trưởng|phó bí thư|bí thư|cục trưởng|chi cục trưởng|chỉ huy trưởng|hiệu trưởng|viện trưởng|chủ nhiệm|đồng chí|đ\/c)(?=$|[\s,:.])/u;
const LIST_HEAD = /^các\s+(sở|ban|hội)\s*:\s*(.*)$/iu;

interface Ctx {
  dict: AgencyDictionary;
  parts: string[];
  runTogether: boolean;
}

function emit(ctx: Ctx, text: string): void {
  const s = cleanParty(stripWording(text));
  if (!s) return;
  if (FILLER.has(fold(s))) return;
  ctx.parts.push(s);
}

/** Longer than any agency name in the dictionary (the longest have about 15 words). */
const MAX_NAME_WORDS = 40;

/** Emit a piece, splitting it when two bodies are run together ("Sở VHTTDL Các cơ quan …"). */
function emitChecked(ctx: Ctx, text: string): void {
  const s = cleanParty(stripWording(text));
  if (!s || ctx.dict.isKnownName(s) || isGenericText(s)) return emit(ctx, s);
  const words = s.split(' ');
  // The left part must be a known name, and no name is anywhere near MAX_NAME_WORDS words long:
  // without the bound a pasted paragraph (thousands of words) costs quadratic time here.
  for (let k = Math.min(words.length - 1, MAX_NAME_WORDS); k >= 1; k--) {
    const left = words.slice(0, k).join(' ');
    const right = words.slice(k).join(' ');
    if (!ctx.dict.isKnownName(left)) continue;
    if (startsWithHead(right) || ctx.dict.isKnownName(right)) {
      emit(ctx, left);
      ctx.runTogether = true;
      emitChecked(ctx, right);
      return;
    }
  }
  emit(ctx, s);
}

function levelOf(levels: string): string[] {
  return levels
    .toLowerCase()
    .split(/\s*,\s*/)
    .filter(Boolean);
}

/** "UBND xã A, B", "UBND các xã: A, B", "UBND Phường A, xã B", "UBND các xã, phường". */
function ubndList(ctx: Ctx, P: Piece[], i: number): number {
  const p = P[i].text;
  const head = UBND_START.exec(p);
  const rest = head ? p.slice(head[0].length).trim() : p;
  let levels: string[] = [];
  const entries: { levels: string[]; place: string }[] = [];
  const first = LEVEL_PIECE.exec(rest);
  if (first) {
    levels = levelOf(first[1]);
    const place = first[2].trim();
    if (place && isNameLike(place, true)) entries.push({ levels, place });
    else if (place) {
      emitChecked(ctx, p);
      return i + 1;
    }
  } else if (isNameLike(rest)) {
    entries.push({ levels: [], place: rest });
  } else {
    emitChecked(ctx, p);
    return i + 1;
  }
  let j = i + 1;
  for (; j < P.length; j++) {
    const q = P[j].text;
    if (ctx.dict.isKnownName(q)) break;
    const lv = LEVEL_PIECE.exec(q);
    if (lv) {
      const place = lv[2].trim();
      if (!place || /^(?:có\s+)?liên quan$/iu.test(place)) {
        if (entries.length > 0) break;
        levels = [...levels, ...levelOf(lv[1])];
        continue;
      }
      if (!isNameLike(place, true)) break;
      levels =
        entries.length === 0 && !first?.[2] ? [...levels, ...levelOf(lv[1])] : levelOf(lv[1]);
      entries.push({ levels, place });
      continue;
    }
    if ((entries.length > 0 || levels.length > 0) && isNameLike(q)) {
      entries.push({ levels, place: q });
      continue;
    }
    break;
  }
  if (entries.length === 0 || (entries.length === 1 && j === i + 1)) {
    emitChecked(ctx, join(P, i, j - 1));
    return j;
  }
  for (const e of entries) {
    const lvl = e.levels.length === 1 ? `${e.levels[0]} ` : '';
    emit(ctx, `UBND ${lvl}${e.place}`);
  }
  return j;
}

/** "Các sở: Văn hóa, Thể thao và Du lịch, Ngoại vụ" → Sở Văn hóa, Thể thao và Du lịch; Sở Ngoại vụ. */
function headList(ctx: Ctx, P: Piece[], i: number, m: RegExpExecArray): number {
  const head = m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
  const items: Piece[] = [{ text: m[2].trim(), sep: '' }];
  let j = i + 1;
  for (; j < P.length; j++) {
    const q = P[j].text;
    if (ctx.dict.isKnownName(q) || startsWithHead(q) || isGenericText(q)) break;
    items.push(P[j]);
  }
  let k = 0;
  while (k < items.length) {
    let took = false;
    for (let e = Math.min(items.length - 1, k + 6); e >= k; e--) {
      const cand = `${head} ${join(items, k, e)}`;
      if (ctx.dict.isKnownName(cand)) {
        emit(ctx, cand);
        k = e + 1;
        took = true;
        break;
      }
    }
    if (!took) {
      if (items[k].text) emit(ctx, `${head} ${items[k].text}`);
      k++;
    }
  }
  return j;
}

function splitSegment(ctx: Ctx, seg: string): void {
  const P = tokenize(stripWording(seg));
  const { dict } = ctx;
  let i = 0;
  while (i < P.length) {
    // 1. the longest run of pieces that is a known name
    let took = false;
    for (let j = Math.min(P.length - 1, i + 7); j > i; j--) {
      const cand = join(P, i, j);
      if (dict.isKnownName(cand)) {
        emit(ctx, cand);
        i = j + 1;
        took = true;
        break;
      }
    }
    if (took) continue;
    const p = P[i].text;
    if (dict.isKnownName(p)) {
      emit(ctx, p);
      i++;
      continue;
    }
    // 2. "Các sở: A, B"
    const lh = LIST_HEAD.exec(p);
    if (lh) {
      i = headList(ctx, P, i, lh);
      continue;
    }
    // 3. communes and wards
    if (UBND_START.test(p)) {
      i = ubndList(ctx, P, i);
      continue;
    }
    // 4. a person's role keeps its name / places
    if (ROLE_START.test(lowerVi(p))) {
      let j = i + 1;
      const bare = ROLE_START.exec(lowerVi(p))?.[0].length === p.length;
      if (bare && j < P.length) j++;
      while (
        j < P.length &&
        !ROLE_START.test(lowerVi(P[j].text)) &&
        (P[j].sep === 'và' ||
          (!dict.isKnownName(P[j].text) && (isNameLike(P[j].text) || LEVEL_PIECE.test(P[j].text))))
      ) {
        j++;
      }
      emit(ctx, join(P, i, j - 1));
      i = j;
      continue;
    }
    // 5. a generic phrase absorbs its generic continuation ("Các sở, ban, ngành, địa phương")
    if (isGenericText(p)) {
      let j = i + 1;
      while (j < P.length && isGenericContinuation(P[j].text) && !dict.isKnownName(P[j].text)) j++;
      emit(ctx, join(P, i, j - 1));
      i = j;
      continue;
    }
    // 6. " và " inside an unknown name; a comma inside a misspelt known name
    let j = i;
    while (j + 1 < P.length) {
      const next = P[j + 1];
      if (dict.isKnownName(next.text) || startsWithHead(next.text) || isGenericText(next.text))
        break;
      if (next.sep === 'và') {
        j++;
        continue;
      }
      const merged = dict.match(join(P, i, j + 1));
      if (merged.kind === 'agency' && merged.known && !dict.match(join(P, i, j)).known) {
        j++;
        continue;
      }
      break;
    }
    emitChecked(ctx, join(P, i, j));
    i = j + 1;
  }
}

/** Split a cell into parties and report whether two bodies were run together. */
export function splitPartiesDetailed(
  text: string,
  dict: AgencyDictionary = builtinDictionary(),
): SplitResult {
  const ctx: Ctx = { dict, parts: [], runTogether: false };
  const clean = stripMarkup(String(text ?? '')).normalize('NFC');
  for (const seg of clean.split(/[;\n\r]+/)) {
    const s = squash(seg);
    if (s) splitSegment(ctx, s);
  }
  return { parts: ctx.parts, runTogether: ctx.runTogether };
}

/** Split a cell into parties (see splitPartiesDetailed). */
export function splitParties(text: string, dict?: AgencyDictionary): string[] {
  return splitPartiesDetailed(text, dict).parts;
}

export interface Assignment {
  lead: string[];
  support: string[];
}

const CT_RE = /ch[ủu]\s*tr[ìi]/iu;
const PH_RE = /ph[ốo]i\s*h[ợo]p/iu;
const LABELLED_RE =
  /^(?:(?:đơn vị|cơ quan)\s+)?chủ trì(?:\s+thực hiện)?\s*:\s*(.*?)(?:\s*[.;]?\s*(?:(?:đơn vị|cơ quan)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*(.*))?$/iu;

function cutTrailing(s: string): string {
  return s
    .replace(/^\s*(?:thực hiện)?\s*(?:với|cùng)?\s*[,;.:]?\s*/iu, '')
    .replace(/^(?:với|cùng)\s+/iu, '')
    .replace(/\s+(?:để\s+)?(?:tổ chức|triển khai)?\s*thực hiện\s*[.;]?$/iu, '');
}

/**
 * Read one cell that names both roles. Returns null when the text has no "chủ trì"/"phối hợp"
 * wording.
 * - "X chủ trì, phối hợp với Y; Z" → lead [X], support [Y, Z]
 * - "X chủ trì; Y phối hợp", "Giao X chủ trì, Y phối hợp thực hiện" → lead [X], support [Y]
 * - "Chủ trì: X. Phối hợp: Y" (labelled) → lead [X], support [Y]
 * - "Đề nghị X phối hợp thực hiện" → lead [X]: a request to a body the plan's issuer cannot
 *   instruct (a Party body, a central agency). It is the only body the lead cell names, so it is
 *   taken as the lead; its co-operators are in the support column.
 * - "X phối hợp (với Y)" without a request → support [X, Y], lead [].
 */
export function parseAssignment(
  text: string,
  dict: AgencyDictionary = builtinDictionary(),
): Assignment | null {
  const t = squash(stripMarkup(String(text ?? '')).normalize('NFC'));
  if (!CT_RE.test(t) && !PH_RE.test(t)) return null;
  const split = (s: string): string[] => (s.trim() ? splitParties(s, dict) : []);

  const lab = LABELLED_RE.exec(t);
  if (lab) return { lead: split(lab[1]), support: split(lab[2] ?? '') };

  let s = t.replace(/^[\s\-–—+•*·]+/u, '');
  const req = REQUEST_RE.exec(s);
  const request = !!req && /^đề nghị/iu.test(req[0]);
  if (req) s = s.slice(req[0].length);

  const c = CT_RE.exec(s);
  if (c) {
    const lead = split(s.slice(0, c.index));
    const after = s.slice(c.index + c[0].length).replace(/^\s*(?:thực hiện)?\s*[,;.:]?\s*/iu, '');
    const p = PH_RE.exec(after);
    if (!p) return { lead, support: [] };
    const mid = after.slice(0, p.index).replace(/[\s,;]+$/u, '');
    const tail = cutTrailing(after.slice(p.index + p[0].length));
    return { lead, support: [...split(mid), ...split(tail)] };
  }
  const p = PH_RE.exec(s) as RegExpExecArray;
  const before = s.slice(0, p.index);
  const tail = cutTrailing(s.slice(p.index + p[0].length));
  if (request) return { lead: split(before), support: split(tail) };
  return { lead: [], support: [...split(before), ...split(tail)] };
}
