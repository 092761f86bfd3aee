/** Put the pane (or a start-up message) on the page. Shared by the Office and standalone starts. */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Lang } from '../engine/types';
import type { WorkbookHost } from '../host/types';
import { t } from '../messages';
import { App, type PaneTheme } from './components/App';
import { defaultRunner } from './check-runner/runner';
import { createController, systemClock, type Clock, type Controller } from './state/controller';
import type { PaneView } from './state/state';

export interface MountOptions {
  view?: PaneView;
  theme?: PaneTheme;
  lang?: Lang;
  clock?: Clock;
}

const roots = new WeakMap<Element, Root>();
/** The element's React root (one per element: the boot message, then the pane, render into it). */
export function rootOf(element: Element): Root {
  let root = roots.get(element);
  if (!root) {
    root = createRoot(element);
    roots.set(element, root);
  }
  return root;
}

export function mountPane(
  element: Element,
  host: WorkbookHost,
  options: MountOptions = {},
): Controller {
  // The pane's worker starts now and warms the engine up while the pane loads its sheets.
  const runner = defaultRunner();
  runner.warmUp(options.lang ?? 'vi');
  const controller = createController(host, options.clock ?? systemClock, {
    view: options.view,
    lang: options.lang,
    runner,
  });
  rootOf(element).render(
    <StrictMode>
      <App controller={controller} theme={options.theme} />
    </StrictMode>,
  );
  void controller.start();
  return controller;
}

/** A message instead of the pane (not inside Excel, Office.js missing, start-up failed). */
export function showBootMessage(
  element: Element,
  id: string,
  theme: PaneTheme = 'light',
  lang: Lang = 'vi',
): void {
  rootOf(element).render(
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang}>
      <main style={{ padding: '1rem', minHeight: '100vh', boxSizing: 'border-box' }} role="status">
        <h1 style={{ fontSize: '1.1rem', margin: '0 0 0.5rem' }}>{t(lang, 'ui.app.title')}</h1>
        <p data-boot={id}>{t(lang, id)}</p>
      </main>
    </FluentProvider>,
  );
}
