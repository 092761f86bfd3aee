/** Globals the pages share with office-loader.js and with tests. */
import type { WorkbookHost } from '../host/types';

declare global {
  interface Window {
    /** Set by office-loader.js: resolves true once Office.js has loaded inside Office. */
    __PHANCONG_OFFICE__?: Promise<boolean>;
    /** Set by boot-guard.js when the webview cannot run the pane ('ie', 'edgehtml', 'feature'): do not start. */
    __PHANCONG_UNSUPPORTED__?: string;
    /** A host injected before the bundle runs (tests; the standalone page's seam). */
    __PHANCONG_HOST__?: WorkbookHost;
  }
}

export {};
