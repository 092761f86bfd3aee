/**
 * The agency dictionary: canonical names of provincial agencies (after the 2025 reorganisation),
 * their short forms, former names with what took over, other bodies, Party bodies and generic
 * phrases; and `AgencyDictionary.match()`, which names one party as written in a cell.
 * Pure: no Node APIs, no clock.
 */
import { distance } from 'fastest-levenshtein';
import { fold } from '../text';
import type { AgencyEntry, AgencyRef, PartyKind } from '../types';
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

const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
const TC = 'Sở Tài chính';
const NV = 'Sở Nội vụ';
const NNMT = 'Sở Nông nghiệp và Môi trường';
const KHCN = 'Sở Khoa học và Công nghệ';
const XD = 'Sở Xây dựng';
const DTTG = 'Sở Dân tộc và Tôn giáo';
const BAO = 'Báo và Phát thanh, Truyền hình tỉnh';
const TGDV = 'Ban Tuyên giáo và Dân vận Tỉnh ủy';
const XA_PHUONG = 'UBND các xã, phường';

/** Everything in shared/agencies.md, plus a few bodies people's roles point at (UBND tỉnh, …). */
export const BUILTIN_AGENCIES: AgencyEntry[] = [
  // Departments of the Provincial People's Committee (after the 2025 reorganisation)
  {
    canonical: VHTTDL,
    aliases: ['Sở VHTTDL', 'Sở VH TTDL', 'Sở VH,TT&DL', 'Sở VHTT&DL', 'VHTTDL', 'Sở VH, TT và DL'],
  },
  { canonical: TC, aliases: ['STC', 'Sở TC'] },
  { canonical: NV, aliases: ['SNV'] },
  { canonical: 'Sở Tư pháp', aliases: ['STP'] },
  { canonical: 'Sở Công Thương', aliases: ['Sở Công thương', 'SCT'] },
  { canonical: NNMT, aliases: ['Sở NN&MT', 'Sở NNMT', 'Sở NN và MT'] },
  { canonical: XD, aliases: ['SXD'] },
  { canonical: KHCN, aliases: ['Sở KH&CN', 'Sở KHCN', 'Sở Khoa học Công nghệ'] },
  { canonical: 'Sở Giáo dục và Đào tạo', aliases: ['Sở GD&ĐT', 'Sở GDĐT'] },
  { canonical: 'Sở Y tế' },
  { canonical: 'Sở Ngoại vụ' },
  { canonical: DTTG, aliases: ['Sở DT&TG'] },
  { canonical: 'Thanh tra tỉnh' },
  { canonical: 'Văn phòng UBND tỉnh', aliases: ['VP UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'] },

  // Names that no longer exist (2025) and what took over
  { canonical: 'Sở Kế hoạch và Đầu tư', aliases: ['Sở KH&ĐT', 'Sở KHĐT'], renamedTo: TC },
  {
    canonical: 'Sở Nông nghiệp và Phát triển nông thôn',
    aliases: ['Sở NN&PTNT', 'Sở NNPTNT'],
    renamedTo: NNMT,
  },
  { canonical: 'Sở Tài nguyên và Môi trường', aliases: ['Sở TN&MT', 'Sở TNMT'], renamedTo: NNMT },
  { canonical: 'Sở Thông tin và Truyền thông', aliases: ['Sở TT&TT', 'Sở TTTT'], renamedTo: KHCN },
  { canonical: 'Sở Giao thông vận tải', aliases: ['Sở GTVT'], renamedTo: XD },
  {
    canonical: 'Sở Lao động - Thương binh và Xã hội',
    aliases: ['Sở LĐ-TB&XH', 'Sở LĐTBXH'],
    renamedTo: NV,
  },
  { canonical: 'Ban Dân tộc tỉnh', aliases: ['Ban Dân tộc'], renamedTo: DTTG },
  { canonical: 'Cục Thống kê tỉnh', aliases: ['Cục Thống kê'], renamedTo: 'Thống kê tỉnh' },
  { canonical: 'Cục Thuế tỉnh', aliases: ['Cục Thuế'], renamedTo: 'Thuế tỉnh' },
  { canonical: 'Báo tỉnh', renamedTo: BAO },
  {
    canonical: 'Đài Phát thanh - Truyền hình tỉnh',
    aliases: ['Đài PT-TH tỉnh', 'Đài PTTH tỉnh'],
    renamedTo: BAO,
  },
  { canonical: 'Ban Tuyên giáo Tỉnh ủy', renamedTo: TGDV },
  { canonical: 'Ban Dân vận Tỉnh ủy', renamedTo: TGDV },
  {
    canonical: 'UBND các huyện, thị xã, thành phố',
    aliases: ['UBND cấp huyện', 'UBND các huyện', 'UBND các huyện, thành phố', 'UBND các huyện, thị xã'],
    renamedTo: XA_PHUONG,
  },

  // Other bodies that plans assign
  { canonical: 'UBND tỉnh', aliases: ['Ủy ban nhân dân tỉnh'] },
  { canonical: 'HĐND tỉnh', aliases: ['Hội đồng nhân dân tỉnh'] },
  { canonical: 'Công an tỉnh' },
  { canonical: 'Bộ Chỉ huy Quân sự tỉnh', aliases: ['Bộ CHQS tỉnh', 'BCH Quân sự tỉnh', 'Bộ Chỉ huy QS tỉnh'] },
  {
    canonical: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    aliases: ['Bộ Chỉ huy BĐBP tỉnh', 'Bộ Chỉ huy BĐBP', 'BĐBP tỉnh', 'Bộ CH BĐBP tỉnh', 'BCH BĐBP tỉnh'],
  },
  { canonical: 'Thống kê tỉnh' },
  { canonical: 'Thuế tỉnh' },
  {
    canonical: 'Ngân hàng Chính sách xã hội',
    aliases: ['Ngân hàng Chính sách XH', 'NHCSXH', 'Chi nhánh Ngân hàng Chính sách xã hội tỉnh', 'Ngân hàng Chính sách xã hội tỉnh'],
  },
  {
    canonical: 'Ban Quản lý Khu kinh tế tỉnh',
    aliases: ['Ban QL Khu kinh tế tỉnh', 'BQL Khu kinh tế tỉnh', 'Ban QLKKT tỉnh'],
  },
  {
    canonical: 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch',
    aliases: ['Trung tâm XTĐT, TM&DL', 'Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh'],
  },
  { canonical: 'Trung tâm Thông tin và Hội nghị tỉnh' },
  {
    canonical: BAO,
    aliases: ['Báo và PTTH tỉnh', 'Báo và PT, TH tỉnh', 'Báo và Đài Phát thanh, Truyền hình tỉnh'],
  },
  {
    canonical: 'Hội Liên hiệp Văn học Nghệ thuật tỉnh',
    aliases: ['Hội Văn học Nghệ thuật tỉnh', 'Hội VHNT tỉnh', 'Hội LHVHNT tỉnh'],
  },
  { canonical: 'Liên hiệp các tổ chức hữu nghị tỉnh' },
  { canonical: 'Hiệp hội Du lịch tỉnh', aliases: ['Hiệp hội Du lịch'] },
  {
    canonical: 'Ủy ban MTTQ Việt Nam tỉnh',
    aliases: ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Ủy ban MTTQ tỉnh', 'UBMTTQ tỉnh', 'UB MTTQ tỉnh', 'MTTQ tỉnh'],
  },
  { canonical: 'Tỉnh đoàn', aliases: ['Tỉnh Đoàn', 'Đoàn Thanh niên tỉnh'] },
  { canonical: 'Hội Liên hiệp Phụ nữ tỉnh', aliases: ['Hội LHPN tỉnh', 'Hội Liên hiệp Phụ nữ'] },
  { canonical: 'Hội Nông dân tỉnh', aliases: ['Hội Nông dân', 'Hội ND tỉnh'] },
  { canonical: 'Liên đoàn Lao động tỉnh', aliases: ['LĐLĐ tỉnh', 'Liên đoàn Lao động'] },
  {
    canonical: XA_PHUONG,
    aliases: [
      'UBND các xã phường',
      'UBND các phường, xã',
      'UBND các xã, phường, thị trấn',
      'UBND các địa phương',
      'UBND xã, phường',
      'UBND cấp xã',
    ],
  },

  // Party bodies
  { canonical: 'Tỉnh ủy' },
  { canonical: 'Thường trực Tỉnh ủy' },
  { canonical: 'Ban Thường vụ Tỉnh ủy', aliases: ['BTV Tỉnh ủy'] },
  { canonical: 'Đảng ủy UBND tỉnh' },
  { canonical: 'Đảng ủy HĐND tỉnh', aliases: ['Đảng ủy Hội đồng Nhân dân tỉnh'] },
  { canonical: 'Đảng ủy các cơ quan Đảng tỉnh' },
  { canonical: 'Đảng ủy các cấp' },
  { canonical: TGDV, aliases: ['Ban Tuyên giáo và Dân vận'] },

  // Generic phrases (name nobody accountable)
  {
    canonical: 'Các sở, ban, ngành, địa phương liên quan',
    aliases: ['Các sở, ban, ngành, địa phương', 'Các sở, ban, ngành, địa phương có liên quan'],
    generic: true,
  },
  {
    canonical: 'Các cơ quan, đơn vị liên quan',
    aliases: ['Các cơ quan, đơn vị có liên quan', 'Các cơ quan, đơn vị'],
    generic: true,
  },
  { canonical: 'Các sở, ngành có liên quan', aliases: ['Các sở, ngành liên quan'], generic: true },
  { canonical: 'Các tổ chức đoàn thể', generic: true },
  { canonical: 'Các địa phương', aliases: ['Các địa phương liên quan'], generic: true },
  { canonical: 'Các sở, ngành và các địa phương liên quan', generic: true },
];

interface Compiled {
  entry: AgencyEntry;
  kind: PartyKind;
  /** Order of insertion: user entries first. */
  rank: number;
}

/** People's roles: a role word at the start, the body (if any) after it. Lower case, NFC. */
const ROLE_RE =
  /^(?:phó chủ tịch|chủ tịch|phó giám đốc|giám đốc|tổng giám đốc|phó tổng biên tập|tổng biên tập|chánh án|phó chánh|chánh|phó trưởng|trưởng|thủ trưởng|phó bí thư|bí thư|cục trưởng|chi cục trưởng|chỉ huy trưởng|chính ủy|hiệu trưởng|viện trưởng|chủ nhiệm|người đứng đầu|đồng chí|đ\/c|lãnh đạo)(?=$|[\s,:.])/u;

/** "UBND …" as written (short or long form). */
const UBND_RE = /^(?:ubnd|ub nd|ủy ban nhân dân|uỷ ban nhân dân|ủy ban nd)\s+(.+)$/iu;
const LEVEL_PLACE_RE =
  /^(các\s+)?((?:xã|phường|thị trấn)(?:\s*,\s*(?:xã|phường|thị trấn))*|huyện|thị xã|thành phố|tp\.?)\s*(:?)\s*(\S.*)$/iu;
const DISTRICT_LEVELS = new Set(['huyện', 'thị xã', 'thành phố', 'tp', 'tp.']);
const SBV_RE = /^ngân hàng nhà nước (?:việt nam )?(?:chi nhánh|cn)\s+khu vực\s+([0-9]+|[ivxlc]+)$/iu;

function levenshteinThreshold(n: number): number {
  if (n < 5) return 0;
  if (n < 9) return 1;
  if (n < 16) return 2;
  return Math.floor(n * 0.15);
}

/** Generated short key for "Sở X Y và Z W": "so" + initials ("Sở Nông nghiệp và Môi trường" → sonnmt). */
function initialsKey(canonical: string): string | null {
  const f = fold(canonical);
  if (!f.startsWith('so ')) return null;
  const words = f.slice(3).split(' ').filter((w) => w && w !== 'va');
  if (words.length < 2) return null;
  return `so${words.map((w) => w[0]).join('')}`;
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
      const c: Compiled = { entry, kind: entry.generic ? 'generic' : 'agency', rank };
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
      const ik = initialsKey(entry.canonical);
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
  match(text: string): AgencyRef {
    let ref = this.memo.get(text);
    if (ref === undefined) {
      ref = Object.freeze(this.compute(text));
      if (this.memo.size > 100_000) this.memo.clear();
      this.memo.set(text, ref);
    }
    return ref;
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
    // One literal per shape: no property is added after the object is made.
    if (variant && c.kind !== 'generic') {
      return renamedTo ? { name, raw, kind: c.kind, known: true, variant: true, renamedTo } : { name, raw, kind: c.kind, known: true, variant: true };
    }
    return renamedTo ? { name, raw, kind: c.kind, known: true, renamedTo } : { name, raw, kind: c.kind, known: true };
  }

  private compute(raw: string): AgencyRef {
    const cleaned = cleanParty(raw);
    if (!cleaned) return { name: '', raw, kind: 'agency', known: false };

    const person = this.person(raw, cleaned);
    if (person) return person;

    const found = this.lookup(cleaned);
    if (found) return this.fromEntry(raw, found.c, found.variant);

    const pattern = this.pattern(raw, cleaned);
    if (pattern) return pattern;

    if (isGenericText(cleaned)) return { name: ucFirst(cleaned), raw, kind: 'generic', known: true };

    const fuzzy = this.fuzzy(matchKey(cleaned));
    if (fuzzy) return this.fromEntry(raw, fuzzy, true);

    return { name: cleaned, raw, kind: 'agency', known: false };
  }

  /** "Giám đốc Sở VHTTDL", "Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh", "Chủ tịch UBND xã Bắc Hà". */
  private person(raw: string, cleaned: string): AgencyRef | null {
    const lower = lowerVi(cleaned);
    const m = ROLE_RE.exec(lower);
    if (!m) return null;
    const ref: AgencyRef = { name: cleaned, raw, kind: 'person', known: true };
    const rest = cleaned.slice(m[0].length).replace(/^[\s,:.]+/u, '');
    if (rest) {
      const candidates = [rest];
      const comma = rest.indexOf(',');
      if (comma > 0) candidates.push(rest.slice(0, comma));
      if (/^(các\s+)?(xã|phường|thị trấn)(?=[\s,:]|$)/iu.test(rest)) candidates.unshift(`UBND ${rest}`);
      for (const cand of candidates) {
        if (ROLE_RE.test(lowerVi(cand))) continue;
        const inner = this.match(cand);
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
      return { name: `Ngân hàng Nhà nước Chi nhánh khu vực ${sbv[1].toUpperCase()}`, raw, kind: 'agency', known: true };
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
      if (DISTRICT_LEVELS.has(level) && !isProvinceKey(fold(place))) ref.renamedTo = XA_PHUONG;
      return ref;
    }
    if (isNameLike(rest) && fold(rest) !== 'tinh') {
      return { name: `UBND ${rest}`, raw, kind: 'agency', known: true };
    }
    return null;
  }

  /** Approximate match on folded keys (fallback only). */
  private fuzzy(key: string): Compiled | null {
    if (key.length < 5) return null;
    let best: Compiled | null = null;
    let bestD = Infinity;
    for (const { key: k, c } of this.fuzzyKeys) {
      const t = levenshteinThreshold(Math.max(k.length, key.length));
      if (t === 0 || Math.abs(k.length - key.length) > t) continue;
      const d = distance(k, key);
      if (d > t) continue;
      if (
        d < bestD ||
        (d === bestD && best && !!best.entry.renamedTo && !c.entry.renamedTo)
      ) {
        best = c;
        bestD = d;
      }
    }
    if (best) return best;
    // A truncated abbreviation ("Sở VH&TT" → sovhtt, a prefix of sovhttdl): only when unambiguous.
    let prefixHit: Compiled | null = null;
    for (const { key: k, c } of this.fuzzyKeys) {
      if (k.length > key.length && k.startsWith(key) && key.length / k.length >= 0.6) {
        if (prefixHit && prefixHit.entry !== c.entry) return null;
        prefixHit = c;
      }
    }
    return prefixHit;
  }
}
