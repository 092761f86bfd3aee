/**
 * Entry of the standalone page's chunk (loaded by src/entry/index.tsx with import() only when the
 * page was not opened by Office): ExcelJS and the preview come with it, never with the add-in.
 */
import { StrictMode } from 'react';
import type { Lang } from '../engine/types';
import { rootOf } from '../taskpane/mount';
import type { PaneTheme } from '../taskpane/components/App';
import type { PaneView } from '../taskpane/state/state';
import { StandaloneApp } from './StandaloneApp';

export interface StartOptions {
  view?: PaneView;
  theme?: PaneTheme;
  lang?: Lang;
}

/** `?sample=1` (what `npm start` opens) loads the bundled sample appendix at once. */
export function wantsSample(search: string): boolean {
  const value = new URLSearchParams(search).get('sample');
  return value !== null && value !== '0' && value !== 'false';
}

export function startStandalone(element: Element, options: StartOptions = {}): void {
  rootOf(element).render(
    <StrictMode>
      <StandaloneApp
        view={options.view}
        theme={options.theme}
        lang={options.lang}
        sample={wantsSample(window.location.search)}
      />
    </StrictMode>,
  );
}
