/**
 * The engine benchmark inside a browser page (the task pane runs the engine in the browser that
 * Office embeds). Bundled by bench-browser.ts and added to a blank page; exposes
 * `globalThis.phancongBench`. Sheets are generated before each timing, never inside it.
 */
import { analyzeSheet } from '../../engine/analyze';
import { generateSheet } from './bench-sheets';

const AS_OF = { asOf: '2026-06-15' };

function timeOnce(rows: number, seed: number): number {
  const snap = generateSheet(rows, 5, seed);
  const t0 = performance.now();
  analyzeSheet(snap, AS_OF);
  return performance.now() - t0;
}

export interface PageResult {
  /** First check of the page (nothing compiled yet). */
  cold: number;
  /** First check of `rows` after the warm-up. */
  first: number;
  /** Later checks of new sheets of `rows`. */
  times: number[];
}

function run(rows: number, runs: number): PageResult {
  const cold = timeOnce(rows, 424242);
  for (let i = 0; i < 3; i++) timeOnce(2000, 99 + i);
  const first = timeOnce(rows, rows);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) times.push(timeOnce(rows, rows + i));
  return { cold, first, times };
}

(globalThis as unknown as { phancongBench: { run: typeof run } }).phancongBench = { run };
