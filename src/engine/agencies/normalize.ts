/**
 * Text normalisation for agency names: cleaning a party as written, the "exact" form (spelling as
 * written, tone-mark placement normalised) and the folded matching key (no diacritics, no
 * punctuation, no spaces, no "và", "tỉnh <Province>" → "tỉnh").
 * Pure: no Node APIs.
 */
import { fold, squash, stripMarkup } from '../text';

/**
 * Old-style tone placement → new style ("hoá" → "hóa", "uỷ" → "ủy", "khoẻ" → "khỏe"), only where
 * the two vowels end the syllable, and never after "q" ("quý" stays).
 */
export function toneNormalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(
      /(^|[^qQ\p{M}])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu,
      '$1$2$4$3',
    )
    .normalize('NFC');
}

/** Provinces (before and after the 2025 merger) as written in plans. */
export const PROVINCES: readonly string[] = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bà Rịa Vũng Tàu',
  'Bạc Liêu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Dương',
  'Bình Định',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cao Bằng',
  'Cần Thơ',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hòa Bình',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Thừa Thiên Huế',
  'Thừa Thiên - Huế',
  'Huế',
  'Tiền Giang',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
  'Hồ Chí Minh',
  'TP. Hồ Chí Minh',
];

/** Folded province names, longest first. */
const PROVINCE_KEYS: string[] = Array.from(new Set(PROVINCES.map((p) => fold(p)))).sort(
  (a, b) => b.length - a.length,
);
const PROVINCE_ALT = PROVINCE_KEYS.map((k) => k.replace(/ /g, ' ')).join('|');
/** "tinh lao cai" anywhere → "tinh". */
const TINH_PROVINCE = new RegExp(` tinh (?:${PROVINCE_ALT})(?= )`, 'g');
/** A province name at the end, not after a commune/ward/district word. */
const TRAILING_PROVINCE = new RegExp(
  `^(.*?)( (?:xa|phuong|tran|huyen|pho|tp|thi xa))? (?:${PROVINCE_ALT}) $`,
);

/** Is this folded text a province name? */
export function isProvinceKey(folded: string): boolean {
  return PROVINCE_KEYS.includes(folded);
}

/**
 * Clean one party as written: markup stripped, white space squashed, leading bullets and
 * conjunctions ("và", "với", "cùng") and trailing punctuation removed, "tỉnh tỉnh" collapsed.
 */
export function cleanParty(text: string): string {
  let s = squash(stripMarkup(text).normalize('NFC'));
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s
      .replace(/^[\s\-–—+•*·,.;:]+/u, '')
      .replace(/[\s,.;:\-–—]+$/u, '')
      .replace(/^["“”']+|["“”']+$/gu, '')
      .replace(/^(?:và|với|cùng|hoặc)\s+/iu, '');
    if (s === before) break;
  }
  return s.replace(/\b(tỉnh)(\s+tỉnh)+(?=$|[\s,])/giu, '$1');
}

/** The spelling as written, for "exact" comparison: cleaned, tone placement normalised. */
export function exactForm(text: string): string {
  return toneNormalize(cleanParty(text)).replace(/\s*&\s*/g, ' & ');
}

/** Word substitutions on folded text (padded with spaces). */
function expand(padded: string): string {
  return padded
    .replace(/ uy ban nhan dan /g, ' ubnd ')
    .replace(/ ub nd /g, ' ubnd ')
    .replace(/ hoi dong nhan dan /g, ' hdnd ')
    .replace(/ mat tran to quoc viet nam /g, ' mttq ')
    .replace(/ mat tran to quoc /g, ' mttq ')
    .replace(/ thanh pho /g, ' tp ');
}

function compact(padded: string): string {
  let s = padded;
  // "và" between words (repeat: adjacent matches share a space)
  s = s.replace(/ va /g, ' ').replace(/ va /g, ' ');
  s = s.replace(/( tinh)+ /g, ' tinh ');
  return s.replace(/ /g, '');
}

/**
 * The folded matching key: no case, diacritics, punctuation, "&", "và" or spaces; "tỉnh Lào Cai"
 * → "tỉnh"; long forms of UBND/HĐND/MTTQ contracted.
 */
export function matchKey(text: string): string {
  let s = expand(` ${fold(cleanParty(text))} `);
  s = s.replace(TINH_PROVINCE, ' tinh');
  return compact(s);
}

/**
 * The key with a trailing province name read as "tỉnh" ("Báo Hải Dương" → "Báo tỉnh"), or null
 * when the text does not end in a province name (or names a commune/ward of that name).
 */
export function provinceKey(text: string): string | null {
  const s = expand(` ${fold(cleanParty(text))} `).replace(TINH_PROVINCE, ' tinh');
  const m = TRAILING_PROVINCE.exec(s);
  if (!m || m[2] || !m[1].trim()) return null;
  return compact(`${m[1]} tinh `);
}

const STRONG_HEADS = [
  'sở',
  'ubnd',
  'ub',
  'ủy ban',
  'ban',
  'bộ',
  'công an',
  'cục',
  'chi cục',
  'trung tâm',
  'ngân hàng',
  'hiệp hội',
  'liên hiệp',
  'liên đoàn',
  'văn phòng',
  'vp',
  'trường',
  'báo',
  'đài',
  'thanh tra',
  'thống kê',
  'thuế',
  'tỉnh đoàn',
  'tỉnh ủy',
  'đảng ủy',
  'thường trực',
  'hđnd',
  'mttq',
  'viện',
  'bệnh viện',
  'kho bạc',
  'bảo hiểm xã hội',
  'công ty',
  'tổng công ty',
  'tập đoàn',
  'doanh nghiệp',
  'bộ chỉ huy',
  'bch',
  'hội',
  'các',
  'những',
];
const WEAK_HEADS = ['hội', 'khu', 'đoàn', 'quỹ', 'hãng', 'vườn', 'bảo tàng', 'thư viện', 'nhà hát'];

function startsWithWord(lower: string, words: readonly string[]): boolean {
  return words.some((w) => lower === w || lower.startsWith(`${w} `) || lower.startsWith(`${w}:`));
}

/** Lower case, tone placement normalised (diacritics kept: "báo" ≠ "bảo"). */
export function lowerVi(text: string): string {
  return toneNormalize(text).toLowerCase();
}

/** The text starts with a word that opens an agency name ("Sở", "UBND", "Hiệp hội", "các", …). */
export function startsWithHead(text: string): boolean {
  const l = lowerVi(text.trim());
  return startsWithWord(l, STRONG_HEADS) || startsWithWord(l, WEAK_HEADS);
}

/** Strong head: never the start of a place name. */
export function startsWithStrongHead(text: string): boolean {
  const l = lowerVi(text.trim());
  return startsWithWord(
    l,
    STRONG_HEADS.filter((h) => h !== 'hội'),
  );
}

/**
 * Looks like a proper name (a commune, a ward, a person): 1–5 words, each starting with a capital
 * letter, no strong agency head word.
 */
export function isNameLike(text: string, allowHeads = false): boolean {
  const s = cleanParty(text);
  if (!s || /\d/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  if (!words.every((w) => /^\p{Lu}/u.test(w))) return false;
  return allowHeads || !startsWithStrongHead(s);
}

export const LEVEL_WORDS = ['xã', 'phường', 'thị trấn', 'huyện', 'thị xã', 'thành phố'];

/** Vocabulary of generic phrases ("các sở, ban, ngành, địa phương có liên quan"), folded. */
const GENERIC_WORDS = new Set(
  (
    'cac nhung so ban nganh dia phuong co quan don vi lien huu doan the tinh va to chuc chinh tri xa hoi ' +
    'cap tren ban khac tham gia phoi hop duoc giao theo chuc nang nhiem vu'
  ).split(' '),
);

/**
 * A generic phrase that names nobody accountable: it starts with "các"/"những" (a class of
 * bodies), or is made only of generic words ("sở, ngành liên quan").
 */
export function isGenericText(text: string): boolean {
  const f = fold(text);
  if (!f) return false;
  if (/^(cac|nhung) /.test(f)) return true;
  return f.split(' ').every((w) => GENERIC_WORDS.has(w));
}

/** Only generic vocabulary (a continuation of a generic list: "ban", "ngành", "địa phương"). */
export function isGenericContinuation(text: string): boolean {
  const f = fold(text);
  if (!f || /^(cac|nhung) /.test(f)) return false;
  return f.split(' ').every((w) => GENERIC_WORDS.has(w));
}

const PROVINCE_NFC_ALT = PROVINCES.map((p) => toneNormalize(p).replace(/\./g, '\\.')).sort(
  (a, b) => b.length - a.length,
);
const PROVINCE_EXACT = new RegExp(
  `^(.*?\\S)(\\s+(?:xã|phường|thị trấn|huyện|thành phố|TP\\.?|thị xã))?(?:\\s+tỉnh)?\\s+(?:${PROVINCE_NFC_ALT.join('|')})$`,
  'iu',
);
const PROVINCE_EXACT_MID = new RegExp(`\\btỉnh\\s+(?:${PROVINCE_NFC_ALT.join('|')})(?=\\s)`, 'gu');

/**
 * The exact form with the province's name read as "tỉnh" ("Công an tỉnh Lào Cai" → "Công an
 * tỉnh", "Báo và Phát thanh, Truyền hình Lào Cai" → "… Truyền hình tỉnh"); null when unchanged.
 */
export function provinceExact(text: string): string | null {
  const e = exactForm(text);
  let s = e.replace(PROVINCE_EXACT_MID, 'tỉnh');
  const m = PROVINCE_EXACT.exec(s);
  if (m && !m[2]) s = `${m[1]} tỉnh`;
  return s === e ? null : s;
}
