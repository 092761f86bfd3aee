/**
 * Running the pane outside Excel.
 * - findStandaloneHost: a host injected as window.__PHANCONG_HOST__ before the bundle runs (the
 *   browser tests inject the Office.js adapter over a fake Excel; demos may inject their own).
 * - startStandalone: the standalone page (src/standalone): the workbook lives in the browser
 *   (ExcelJS), opened from a file or the bundled sample. Loaded with import() into its own chunk,
 *   so that ExcelJS and the preview never weigh on the add-in inside Excel.
 */
import type { WorkbookHost } from '../host/types';
import type { StartOptions } from '../standalone/start';

export async function findStandaloneHost(): Promise<WorkbookHost | null> {
  return window.__PHANCONG_HOST__ ?? null;
}

export async function startStandalone(element: Element, options: StartOptions): Promise<void> {
  const { startStandalone: start } = await import(/* webpackChunkName: "standalone" */ '../standalone/start');
  start(element, options);
}
