/**
 * The sheet's scope: is the table a central, provincial or commune-level plan? Read from the title
 * rows (the issuer, the document symbol) and, failing a clear answer there, from the agencies named
 * in the lead and support columns. Pure: no Node APIs.
 */
import type { SheetScope } from './types';
import { toneNormalize } from './agencies/normalize';

interface Signal {
  re: RegExp;
  scope: SheetScope;
  weight: number;
}

/** Upper-case letters (Vietnamese included) for capitalised names. */
const UP = '\\p{Lu}';
/**
 * Word edges for Vietnamese text: `\\b` knows only ASCII letters ("xã", "ỦY" end in non-ASCII
 * letters), so edges are written as look-arounds on letters and digits.
 */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const NOT_COMMAND = '(?!Chỉ\\s+huy|chỉ\\s+huy|đội|CHQS|CH' + E + ')';

function re(source: string, flags = 'gu'): RegExp {
  return new RegExp(source, flags);
}

/**
 * Title signals. Issuers and document symbols weigh most; a central body merely cited by a
 * provincial plan ("… của Chính phủ") weighs little next to "UBND tỉnh" in the same title.
 */
const TITLE_SIGNALS: Signal[] = [
  // Document symbols: "QĐ-BKHCN", "KH-BYT" (a ministry), "QĐ-TTg" (the Prime Minister), "KH-TU" (a provincial Party committee).
  {
    re: re(`${B}(?:QĐ|KH|CTr|CT|NQ|KL|HD|TB|BC|CV)-B[A-ZĐ]{1,8}${E}`),
    scope: 'central',
    weight: 3,
  },
  { re: re(`${B}(?:QĐ|KH|CTr|CT|NQ)-TTg${E}`), scope: 'central', weight: 3 },
  { re: re(`${B}(?:KH|CTr|NQ|KL|CT)-(?:TU|TƯ)${E}`), scope: 'provincial', weight: 3 },
  // Bodies.
  { re: re(`${B}Bộ\\s+${NOT_COMMAND}${UP}`), scope: 'central', weight: 2 },
  { re: re(`${B}BỘ\\s+(?!CHỈ\\s+HUY|ĐỘI)${UP}`), scope: 'central', weight: 2 },
  {
    re: re(
      `${B}(?:Ban Chấp hành Trung ương|Bộ Chính trị|Ban Bí thư|Thủ tướng Chính phủ|Chính phủ|Quốc hội|Trung ương|Việt Nam)${E}`,
      'giu',
    ),
    scope: 'central',
    weight: 1,
  },
  {
    re: re(`${B}(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\\s+(?:tỉnh|thành phố)${E}`, 'giu'),
    scope: 'provincial',
    weight: 3,
  },
  { re: re(`${B}(?:Tỉnh ủy|Thành ủy)${E}`, 'giu'), scope: 'provincial', weight: 3 },
  { re: re(`${B}tỉnh${E}`, 'giu'), scope: 'provincial', weight: 1 },
  { re: re(`${B}Sở\\s+${UP}`), scope: 'provincial', weight: 1 },
  {
    re: re(
      `${B}(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Đảng ủy|Đảng bộ)\\s+(?:xã|phường|đặc khu)${E}`,
      'giu',
    ),
    scope: 'commune',
    weight: 3,
  },
];

/** Agency-cell signals: the head word of each party. */
const CELL_SIGNALS: Signal[] = [
  { re: re(`${B}Bộ\\s+${NOT_COMMAND}${UP}`), scope: 'central', weight: 1 },
  { re: re(`${B}(?:Trung ương|Việt Nam)${E}`), scope: 'central', weight: 1 },
  { re: re(`${B}Sở\\s+${UP}`), scope: 'provincial', weight: 1 },
  { re: re(`${B}(?:tỉnh|Tỉnh ủy)${E}`, 'giu'), scope: 'provincial', weight: 1 },
  {
    re: re(
      `${B}(?:Phòng Kinh tế|Phòng Văn hóa - Xã hội|Văn phòng HĐND và UBND|Đảng ủy xã|Đảng ủy phường|Công an xã|Công an phường)${E}`,
      'giu',
    ),
    scope: 'commune',
    weight: 1,
  },
];

function score(text: string, signals: Signal[], into: Record<SheetScope, number>): void {
  for (const s of signals) {
    s.re.lastIndex = 0;
    const n = text.match(s.re)?.length ?? 0;
    into[s.scope] += n * s.weight;
  }
}

function best(scores: Record<SheetScope, number>): SheetScope | null {
  const order: SheetScope[] = ['central', 'provincial', 'commune'];
  let top: SheetScope | null = null;
  for (const s of order) if (scores[s] > 0 && (top === null || scores[s] > scores[top])) top = s;
  if (top === null) return null;
  // A tie between two levels says nothing.
  return order.some((s) => s !== top && scores[s] === scores[top!]) ? null : top;
}

/**
 * The scope of a sheet: the title's clear answer if it has one, else the agencies' (each lead or
 * support cell counts its parties' head words), else null.
 */
export function inferScope(title: string, agencyCells: readonly string[]): SheetScope | null {
  const t = toneNormalize(title.normalize('NFC'));
  const fromTitle: Record<SheetScope, number> = { central: 0, provincial: 0, commune: 0 };
  score(t, TITLE_SIGNALS, fromTitle);
  const byTitle = best(fromTitle);
  if (byTitle) return byTitle;
  const fromCells: Record<SheetScope, number> = { central: 0, provincial: 0, commune: 0 };
  for (const c of agencyCells)
    if (c) score(toneNormalize(c.normalize('NFC')), CELL_SIGNALS, fromCells);
  return best(fromCells);
}
