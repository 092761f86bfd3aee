/**
 * The agency dictionary: canonical names of provincial agencies (after the 2025 reorganisation),
 * their short forms, former names with what took over, other bodies, Party bodies and generic
 * phrases; and `AgencyDictionary.match()`, which names one party as written in a cell.
 * Pure: no Node APIs, no clock.
 */
import { distance } from 'fastest-levenshtein';
import { fold } from '../text';
import type { AgencyEntry, AgencyLevel, AgencyRef, PartyKind } from '../types';
import { BUILTIN_AGENCIES } from './data';
import {
  cleanParty,
  exactForm,
  isGenericText,
  isNameLike,
  isProvinceKey,
  lowerVi,
  matchKey,
  provinceExact,
  provinceKey,
} from './normalize';

const XA_PHUONG = 'UBND các xã, phường';
/** The district level ended on 1 July 2025 (see SOURCES.md). */
const DISTRICTS_ABOLISHED = '2025-07-01';

export { BUILTIN_AGENCIES };

interface Compiled {
  entry: AgencyEntry;
  kind: PartyKind;
  /** The entry's level (null: generic phrases and user entries without one). */
  level: AgencyLevel | null;
  /** Order of insertion: user entries first. */
  rank: number;
}

/** People's roles: a role word at the start, the body (if any) after it. Lower case, NFC. */
const ROLE_RE =
  /^(?:phó thủ tướng|thủ tướng|bộ trưởng|thứ trưởng|phó chủ tịch|chủ tịch|phó giám đốc|giám đốc|tổng giám đốc|phó tổng biên tập|tổng biên tập|chánh án|phó chánh|chánh|phó trưởng|trưởng|thủ trưởng|phó bí thư|bí thư|cục trưởng|chi cục trưởng|chỉ huy trưởng|chính ủy|hiệu trưởng|viện trưởng|chủ nhiệm|người đứng đầu|đồng chí|đ\/c|lãnh đạo)(?=$|[\s,:.])/u;

/** "UBND …" as written (short or long form). */
const UBND_RE = /^(?:ubnd|ub nd|ủy ban nhân dân|uỷ ban nhân dân|ủy ban nd)\s+(.+)$/iu;
const LEVEL_PLACE_RE =
  /^(các\s+)?((?:xã|phường|thị trấn)(?:\s*,\s*(?:xã|phường|thị trấn))*|huyện|thị xã|thành phố|tp\.?)\s*(:?)\s*(\S.*)$/iu;
const DISTRICT_LEVELS = new Set(['huyện', 'thị xã', 'thành phố', 'tp', 'tp.']);
const SBV_RE =
  /^ngân hàng nhà nước (?:việt nam )?(?:chi nhánh|cn)\s+khu vực\s+([0-9]+|[ivxlc]+)$/iu;

function levenshteinThreshold(n: number): number {
  if (n < 5) return 0;
  if (n < 9) return 1;
  if (n < 16) return 2;
  return Math.floor(n * 0.15);
}

/**
 * Generated short key for "Sở X Y và Z W": "so" + initials ("Sở Nông nghiệp và Môi trường" → sonnmt);
 * likewise "bo" + initials for a ministry ("Bộ Giao thông vận tải" → bogtvt).
 */
function initialsKey(entry: AgencyEntry): string | null {
  const f = fold(entry.canonical);
  const head = f.startsWith('so ')
    ? 'so'
    : f.startsWith('bo ') && entry.level === 'central'
      ? 'bo'
      : null;
  if (!head) return null;
  const words = f
    .slice(3)
    .split(' ')
    .filter((w) => w && w !== 'va');
  if (words.length < 2) return null;
  return `${head}${words.map((w) => w[0]).join('')}`;
}

/**
 * The level a name's head word fixes: "Bộ …" is a ministry (central; "Bộ Chỉ huy …" and "Bộ đội …"
 * are provincial commands), "Sở …" a provincial department. Null when the head does not say.
 */
export function headLevel(cleaned: string): AgencyLevel | null {
  const l = lowerVi(cleaned);
  if (/^sở\s/u.test(l)) return 'provincial';
  if (/^bộ\s/u.test(l)) return /^bộ\s+(?:chỉ huy|ch\b|chq|đội)/u.test(l) ? 'provincial' : 'central';
  return null;
}

function ucFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * Names parties. Entries given to the constructor (the user's own agencies and abbreviations)
 * take precedence over the built-in ones; an entry whose canonical name is already known adds its
 * aliases to it.
 */
export class AgencyDictionary {
  readonly entries: readonly AgencyEntry[];
  private readonly exact = new Map<string, Compiled>();
  private readonly keys = new Map<string, Compiled>();
  private readonly fuzzyKeys: { key: string; c: Compiled }[] = [];
  private readonly memo = new Map<string, AgencyRef>();
  private readonly knownMemo = new Map<string, boolean>();

  constructor(extra: AgencyEntry[] = []) {
    const merged = new Map<string, AgencyEntry>();
    const order: AgencyEntry[] = [];
    for (const e of [...extra, ...BUILTIN_AGENCIES]) {
      const k = exactForm(e.canonical);
      const prev = merged.get(k);
      if (prev) {
        prev.aliases = [...(prev.aliases ?? []), ...(e.aliases ?? [])];
        continue;
      }
      const copy: AgencyEntry = { ...e, aliases: [...(e.aliases ?? [])] };
      merged.set(k, copy);
      order.push(copy);
    }
    this.entries = order;
    const generated = new Map<string, Compiled | null>();
    order.forEach((entry, rank) => {
      // A user's entry without a level takes the one its head word fixes ("Sở Du lịch": provincial).
      const level = entry.generic ? null : (entry.level ?? headLevel(cleanParty(entry.canonical)));
      const c: Compiled = { entry, kind: entry.generic ? 'generic' : 'agency', level, rank };
      const ex = exactForm(entry.canonical);
      if (!this.exact.has(ex)) this.exact.set(ex, c);
      for (const name of [entry.canonical, ...(entry.aliases ?? [])]) {
        const key = matchKey(name);
        if (!key) continue;
        if (!this.keys.has(key)) {
          this.keys.set(key, c);
          this.fuzzyKeys.push({ key, c });
        }
      }
      const ik = initialsKey(entry);
      if (ik) generated.set(ik, generated.has(ik) && generated.get(ik)?.entry !== entry ? null : c);
    });
    for (const [k, c] of generated) {
      if (c && !this.keys.has(k)) {
        this.keys.set(k, c);
        this.fuzzyKeys.push({ key: k, c });
      }
    }
  }

  /**
   * Names one party (already split from its cell). Memoised: the same text gets the same ref, frozen
   * (a ref is a value; the tasks of a sheet share them rather than each holding a copy).
   */
  match(text: string, prefer: AgencyLevel | null = null): AgencyRef {
    const key = prefer === null ? text : `${prefer}\u0000${text}`;
    let ref = this.memo.get(key);
    if (ref === undefined) {
      ref = Object.freeze(this.compute(text, prefer));
      if (this.memo.size > 100_000) this.memo.clear();
      this.memo.set(key, ref);
    }
    return ref;
  }

  /** The level of a name in the dictionary (exact, alias or spelling variant), or null. */
  levelOf(text: string): AgencyLevel | null {
    return this.lookup(cleanParty(text))?.c.level ?? null;
  }

  /**
   * The text is a name in the dictionary (exactly, by an alias or a spelling variant; no
   * approximate matching, no pattern families). Used by the splitter to keep names whole.
   */
  isKnownName(text: string): boolean {
    const hit = this.knownMemo.get(text);
    if (hit !== undefined) return hit;
    const r = this.lookup(cleanParty(text)) !== null;
    this.knownMemo.set(text, r);
    return r;
  }

  private lookup(cleaned: string): { c: Compiled; variant: boolean } | null {
    if (!cleaned) return null;
    const ex = this.exact.get(exactForm(cleaned));
    if (ex) return { c: ex, variant: false };
    const pe = provinceExact(cleaned);
    if (pe) {
      const c = this.exact.get(pe);
      if (c) return { c, variant: false };
    }
    const byKey = this.keys.get(matchKey(cleaned));
    if (byKey) return { c: byKey, variant: true };
    const pk = provinceKey(cleaned);
    if (pk) {
      const c = this.keys.get(pk);
      if (c) return { c, variant: true };
    }
    return null;
  }

  private fromEntry(raw: string, c: Compiled, variant: boolean): AgencyRef {
    const name = c.entry.canonical;
    const renamedTo = c.entry.renamedTo;
    const changedOn = c.entry.changedOn;
    // One literal per shape: no property is added after the object is made.
    if (renamedTo && changedOn) {
      return variant && c.kind !== 'generic'
        ? { name, raw, kind: c.kind, known: true, variant: true, renamedTo, changedOn }
        : { name, raw, kind: c.kind, known: true, renamedTo, changedOn };
    }
    if (variant && c.kind !== 'generic') {
      return renamedTo
        ? { name, raw, kind: c.kind, known: true, variant: true, renamedTo }
        : { name, raw, kind: c.kind, known: true, variant: true };
    }
    return renamedTo
      ? { name, raw, kind: c.kind, known: true, renamedTo }
      : { name, raw, kind: c.kind, known: true };
  }

  private compute(raw: string, prefer: AgencyLevel | null): AgencyRef {
    const cleaned = cleanParty(raw);
    if (!cleaned) return { name: '', raw, kind: 'agency', known: false };

    const person = this.person(raw, cleaned, prefer);
    if (person) return person;

    const found = this.lookup(cleaned);
    if (found) return this.fromEntry(raw, found.c, found.variant);

    const pattern = this.pattern(raw, cleaned);
    if (pattern) return pattern;

    if (isGenericText(cleaned))
      return { name: ucFirst(cleaned), raw, kind: 'generic', known: true };

    // Approximate matching never crosses levels: a "Bộ …" is never read as a "Sở …" (nor the
    // reverse). A name whose head does not fix a level is compared with the sheet's level first.
    const fixed = headLevel(cleaned);
    const key = matchKey(cleaned);
    const fuzzy = fixed
      ? this.fuzzy(key, (c) => c.level === fixed || c.level === null)
      : prefer
        ? (this.fuzzy(key, (c) => c.level === null || c.level === prefer) ??
          this.fuzzy(key, (c) => c.level !== null && c.level !== prefer))
        : this.fuzzy(key, () => true);
    if (fuzzy) return this.fromEntry(raw, fuzzy, true);

    return { name: cleaned, raw, kind: 'agency', known: false };
  }

  /** "Giám đốc Sở VHTTDL", "Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh", "Chủ tịch UBND xã Bắc Hà". */
  private person(raw: string, cleaned: string, prefer: AgencyLevel | null): AgencyRef | null {
    const lower = lowerVi(cleaned);
    const m = ROLE_RE.exec(lower);
    if (!m) return null;
    const ref: AgencyRef = { name: cleaned, raw, kind: 'person', known: true };
    const rest = cleaned.slice(m[0].length).replace(/^[\s,:.]+/u, '');
    if (rest) {
      const candidates = [rest];
      const comma = rest.indexOf(',');
      if (comma > 0) candidates.push(rest.slice(0, comma));
      if (/^(các\s+)?(xã|phường|thị trấn)(?=[\s,:]|$)/iu.test(rest))
        candidates.unshift(`UBND ${rest}`);
      for (const cand of candidates) {
        if (ROLE_RE.test(lowerVi(cand))) continue;
        const inner = this.match(cand, prefer);
        if (inner.kind === 'agency' && inner.known) {
          ref.suggestion = inner.renamedTo ?? inner.name;
          break;
        }
      }
    }
    return ref;
  }

  /** Pattern families: UBND xã/phường X, UBND các xã, phường; Ngân hàng Nhà nước Chi nhánh khu vực N. */
  private pattern(raw: string, cleaned: string): AgencyRef | null {
    const sbv = SBV_RE.exec(cleaned);
    if (sbv) {
      return {
        name: `Ngân hàng Nhà nước Chi nhánh khu vực ${sbv[1].toUpperCase()}`,
        raw,
        kind: 'agency',
        known: true,
      };
    }
    const m = UBND_RE.exec(cleaned);
    if (!m) return null;
    const rest = m[1].trim();
    const restFold = ` ${fold(rest)} `
      .replace(/ (co )?lien quan | tren dia ban( tinh)? /g, ' ')
      .replace(/ thi tran | dia phuong | cap xa /g, ' xa ')
      .replace(/ thi xa | thanh pho | tp /g, ' huyen ')
      .trim();
    const words = restFold.split(' ').filter((w) => w && w !== 'cac' && w !== 'va');
    if (words.length > 0 && words.every((w) => w === 'xa' || w === 'phuong' || w === 'huyen')) {
      const old = words.includes('huyen') && !words.includes('xa') && !words.includes('phuong');
      const c = this.exact.get(exactForm(old ? 'UBND các huyện, thị xã, thành phố' : XA_PHUONG));
      if (c) return this.fromEntry(raw, c, true);
    }
    const lp = LEVEL_PLACE_RE.exec(rest);
    if (lp) {
      const level = lp[2].toLowerCase().replace(/\s*,\s*/g, ', ');
      const place = lp[4].trim();
      const lvl = level === 'tp' || level === 'tp.' ? 'thành phố' : level;
      const name = `UBND ${lp[1] ? 'các ' : ''}${lvl}${lp[3]} ${place}`;
      const ref: AgencyRef = { name, raw, kind: 'agency', known: true };
      if (DISTRICT_LEVELS.has(level) && !isProvinceKey(fold(place))) {
        ref.renamedTo = XA_PHUONG;
        ref.changedOn = DISTRICTS_ABOLISHED;
      }
      return ref;
    }
    if (isNameLike(rest) && fold(rest) !== 'tinh') {
      return { name: `UBND ${rest}`, raw, kind: 'agency', known: true };
    }
    return null;
  }

  /** Approximate match on folded keys (fallback only). */
  private fuzzy(key: string, allowed: (c: Compiled) => boolean): Compiled | null {
    if (key.length < 5) return null;
    let best: Compiled | null = null;
    let bestD = Infinity;
    for (const { key: k, c } of this.fuzzyKeys) {
      if (!allowed(c)) continue;
      const t = levenshteinThreshold(Math.max(k.length, key.length));
      if (t === 0 || Math.abs(k.length - key.length) > t) continue;
      const d = distance(k, key);
      if (d > t) continue;
      if (d < bestD || (d === bestD && best && !!best.entry.renamedTo && !c.entry.renamedTo)) {
        best = c;
        bestD = d;
      }
    }
    if (best) return best;
    // A truncated abbreviation ("Sở VH&TT" → sovhtt, a prefix of sovhttdl): only when unambiguous.
    let prefixHit: Compiled | null = null;
    for (const { key: k, c } of this.fuzzyKeys) {
      if (!allowed(c)) continue;
      if (k.length > key.length && k.startsWith(key) && key.length / k.length >= 0.6) {
        if (prefixHit && prefixHit.entry !== c.entry) return null;
        prefixHit = c;
      }
    }
    return prefixHit;
  }
}
