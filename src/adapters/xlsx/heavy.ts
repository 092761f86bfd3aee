/**
 * What made a workbook heavy, in the user's words: the largest of the package's facts (merges,
 * cells named by validations or conditional formats, shared strings, cells), for the message of a
 * read stopped by its time or memory limit. Pure: used by the CLI's worker guard and the page.
 */
import type { Lang } from '../../engine/types';
import { t } from '../../messages';
import type { PackageFacts } from './package';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-US');
const fmt = (n: number, lang: Lang) => Math.round(n).toLocaleString(locale(lang));

/**
 * A duration in seconds, in the language's number format ("0,3" in Vietnamese): one decimal, or
 * up to three below a tenth of a second, so that a limit of 1 ms does not read "0 giây".
 */
export function formatSeconds(ms: number, lang: Lang): string {
  return (ms / 1000).toLocaleString(locale(lang), { maximumFractionDigits: ms < 100 ? 3 : 1 });
}

/** A read's time limit in the user's words ("0,3 giây"), for read.error.too-heavy's {limit}. */
export function timeLimitText(ms: number, lang: Lang): string {
  return t(lang, 'read.limit.time', { seconds: formatSeconds(ms, lang) });
}

/** A read's memory limit in the user's words ("1536 MB bộ nhớ"), for read.error.too-heavy's {limit}. */
export function memoryLimitText(mb: number, lang: Lang): string {
  return t(lang, 'read.limit.memory', { mb });
}

/** A read stopped at a limit: the developer's message and the data read.error.too-heavy names. */
export interface TooHeavy {
  message: string;
  data: { seconds: string; limit: string; what: string };
}

/**
 * The "too heavy" failure of a read stopped after `elapsedMs` at `limit` (timeLimitText or
 * memoryLimitText), naming what made the file heavy: one text for the CLI's guard, the page's
 * runner and readWorkbookWithin, each of which wraps it in its own error.
 */
export function tooHeavy(
  elapsedMs: number,
  limit: string,
  facts: PackageFacts | null | undefined,
  lang: Lang,
): TooHeavy {
  const seconds = formatSeconds(elapsedMs, lang);
  const what = describeHeavy(facts, lang);
  return {
    message: `Stopped reading after ${seconds} s (limit ${limit}): ${what}.`,
    data: { seconds, limit, what },
  };
}

/**
 * The facts worth naming, heaviest first. Thresholds are where each starts to cost seconds in
 * ExcelJS (measured on test/fixtures/real; see README "Reliability").
 */
export function describeHeavy(facts: PackageFacts | null | undefined, lang: Lang): string {
  if (!facts) return t(lang, 'read.heavy.unknown');
  const scored: [number, string][] = [
    [facts.merges / 20000, t(lang, 'read.heavy.merges', { count: fmt(facts.merges, lang) })],
    [
      facts.validationCells / 1_000_000,
      t(lang, 'read.heavy.validations', { count: fmt(facts.validationCells, lang) }),
    ],
    [
      facts.conditionalCells / 50_000_000,
      t(lang, 'read.heavy.conditional', { count: fmt(facts.conditionalCells, lang) }),
    ],
    [
      facts.sharedStrings / 100_000,
      t(lang, 'read.heavy.sharedStrings', { count: fmt(facts.sharedStrings, lang) }),
    ],
    [facts.cells / 500_000, t(lang, 'read.heavy.cells', { count: fmt(facts.cells, lang) })],
    [
      facts.xmlBytes / 100_000_000,
      t(lang, 'read.heavy.size', { count: fmt(facts.xmlBytes / 1e6, lang) }),
    ],
  ];
  const named = scored.filter(([score]) => score >= 0.5).sort((a, b) => b[0] - a[0]);
  if (!named.length) return t(lang, 'read.heavy.unknown');
  return named
    .slice(0, 2)
    .map(([, s]) => s)
    .join(lang === 'vi' ? ' và ' : ' and ');
}
