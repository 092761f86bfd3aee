/**
 * While the worker reads a large workbook, the command's own thread would only wait: it checks a
 * small made-up appendix instead (src/engine/warm-up-sheet.ts), so V8 has parsed and compiled the
 * engine (and the agency dictionary is built) by the time the real sheets arrive. The result is
 * thrown away; the engine is deterministic, so the real report is the same with or without it
 * (test/cli/warm-up.test.ts).
 */
import { analyzeSheet } from '../engine/analyze';
import type { Lang } from '../engine/types';
import { WARM_UP_AS_OF, warmUpSheet } from '../engine/warm-up-sheet';

/** Files smaller than this read faster than the warm-up would take: no warm-up. */
export const WARM_UP_MIN_BYTES = 200_000;

let warmed = false;

/** Check a made-up appendix of `rows` rows once per process (later calls do nothing). */
export function warmUpEngine(lang: Lang, rows = 400): void {
  if (warmed) return;
  warmed = true;
  analyzeSheet(warmUpSheet(rows), { asOf: WARM_UP_AS_OF, lang });
}
