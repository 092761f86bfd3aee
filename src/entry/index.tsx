/**
 * The page's entry (webpack's `taskpane` entry: taskpane.html), which picks the mode, so that the
 * pane (src/taskpane) and the standalone page (src/standalone, which renders the pane) never import
 * each other. Inside Excel (office-loader.js loaded Office.js): the pane over the Office.js host
 * from src/adapters/office. Elsewhere: the pane over a host injected before load
 * (window.__PHANCONG_HOST__: the browser tests inject the Office.js adapter over a fake Excel), else
 * the standalone page: the workbook in the browser (ExcelJS), loaded with import() into its own
 * chunk, so that ExcelJS and the preview never weigh on the add-in inside Excel.
 */
/// <reference types="office-js" />
import { createOfficeHost } from '../adapters/office';
import type { WorkbookHost } from '../host/types';
import { mountPane, showBootMessage } from '../taskpane/mount';
import type { PaneView } from '../taskpane/state/state';
import { themeFor } from '../taskpane/theme';
import { registerCheckWorker } from '../taskpane/check-runner/runner';
import { bundledWorker } from '../taskpane/check-runner/bundled-worker';
import type { StartOptions } from '../standalone/start';

// The engine runs in the pane's own worker (issue 15): the pane stays responsive during a check.
registerCheckWorker(bundledWorker);

function prefersDark(): boolean {
  return (
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
  );
}

async function officeHost(): Promise<
  { host: WorkbookHost; theme: ReturnType<typeof themeFor> } | 'failed' | null
> {
  const insideOffice = /[?&]_host_Info=/i.test(window.location.search);
  const loaded = await (window.__PHANCONG_OFFICE__ ?? Promise.resolve(false));
  if (!loaded) return insideOffice ? 'failed' : null;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return null;
  return {
    host: createOfficeHost(Excel, Office),
    theme: themeFor(Office.context.officeTheme, prefersDark()),
  };
}

async function startStandalone(element: Element, options: StartOptions): Promise<void> {
  const { startStandalone: start } = await import(
    /* webpackChunkName: "standalone" */ '../standalone/start'
  );
  start(element, options);
}

async function boot(): Promise<void> {
  // boot-guard.js found a webview that cannot run the pane and shows why: leave the page to it.
  if (window.__PHANCONG_UNSUPPORTED__) return;
  const element = document.getElementById('root');
  if (!element) return;
  const view: PaneView =
    new URLSearchParams(window.location.search).get('view') === 'summary' ? 'summary' : 'check';
  showBootMessage(element, 'ui.boot.loading', themeFor(null, prefersDark()));
  try {
    const office = await officeHost();
    if (office === 'failed') {
      showBootMessage(element, 'ui.boot.officeFailed', themeFor(null, prefersDark()));
      return;
    }
    if (office) {
      mountPane(element, office.host, { view, theme: office.theme });
      return;
    }
    const injected = window.__PHANCONG_HOST__ ?? null;
    if (injected) {
      mountPane(element, injected, { view, theme: themeFor(null, prefersDark()) });
      return;
    }
    await startStandalone(element, { view, theme: themeFor(null, prefersDark()) });
  } catch {
    showBootMessage(element, 'ui.boot.failed', themeFor(null, prefersDark()));
  }
}

void boot();
