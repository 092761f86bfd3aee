/**
 * The pane's worker as webpack bundles it: `new Worker(new URL(…, import.meta.url))` makes worker.ts
 * its own entry, served from the pane's origin (CSP worker-src 'self'; kept offline by the
 * standalone page's service worker like every other emitted file). Plain JS because the project's
 * TypeScript settings (CommonJS, for jest and the CLI) do not allow import.meta; types in the .d.ts.
 */
export function bundledWorker() {
  return new Worker(new URL('./worker.ts', import.meta.url), { name: 'phancong-check' });
}
