/**
 * The browser suite's harness: the built pane (dist/addin, from `webpack --mode production`) served
 * by a tiny static server on 127.0.0.1 and a random port; Debian's Chromium driven by
 * playwright-core with a fresh profile; every request that is not to that server blocked and
 * recorded (the suite fails when there is one: nothing may leave the machine), and page errors,
 * console errors and Content-Security-Policy violations recorded too.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist', 'addin');
export const CHROMIUM = process.env.PHANCONG_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'screenshots');
export const COMMITTED_SCREENSHOTS = path.join(ROOT, 'assets', 'screenshots');

/** Why the suite cannot run here (no Chromium, no build), or null. CI=true turns a skip into a failure. */
export function unavailable(): string | null {
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} not found (Debian package chromium)`;
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
    return 'dist/addin/taskpane.html not found (run `npx webpack --mode production`)';
  return null;
}

const ci = process.env.CI === 'true' || process.env.CI === '1';

/** `describe` that skips, saying why, when the browser suite cannot run (never under CI=true). */
export function describeBrowser(name: string, fn: () => void): void {
  const why = unavailable();
  if (why && !ci) {
    // eslint-disable-next-line no-console
    console.warn(`[e2e] skipped: ${why}`);
    describe.skip(name, fn);
  } else describe(name, fn);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  origin: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 and a port the system picks. GET and HEAD only; nothing outside `dir`. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const requests: string[] = [];
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  /** URLs that were not to the loopback server (blocked). Must stay empty. */
  blocked: string[];
  /** Uncaught page errors, console errors and CSP violations. Must stay empty. */
  problems: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh --user-data-dir (a persistent context on a new temp directory). Every
 * request not to `origin` is aborted and recorded; so are page errors and console errors.
 */
export async function launchBrowser(origin: string): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    colorScheme: 'light',
  });
  const blocked: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    let allowed = false;
    try {
      const u = new URL(url);
      allowed = u.origin === origin || u.protocol === 'data:' || u.protocol === 'blob:';
    } catch {
      allowed = false;
    }
    if (allowed) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
        problems.push(`console.${m.type()}: ${m.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    blocked,
    problems,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A screenshot as a test artifact, and (small PNGs only) as the committed copy the README shows. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  fs.mkdirSync(COMMITTED_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(COMMITTED_SCREENSHOTS, `${name}.png`));
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

const AXE_SOURCE = () => fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Run axe-core on the page; returns the serious and critical violations. axe is evaluated through
 * the DevTools protocol: the page's Content-Security-Policy (no inline script) refuses
 * page.addScriptTag({ content }), and the suite keeps that policy on to prove the page works under it.
 *
 * One known false positive is left out, as Microsoft's Accessibility Insights does: aria-hidden-focus
 * on Tabster's focus "dummy" elements (`<i tabindex="0" aria-hidden="true" data-tabster-dummy>`),
 * which Fluent UI v9 adds around focus groups on purpose: they only pass focus on to the right
 * element and must stay hidden from screen readers (microsoft/tabster#288, the Fluent v9 known
 * issues; accessibility-insights-web#7605). Any other aria-hidden-focus node still fails.
 */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300) })),
    }));
  });
  const tabsterDummy = (n: { html: string }) => /^<i\b[^>]*\bdata-tabster-dummy\b/.test(n.html);
  return violations
    .map((v) =>
      v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !tabsterDummy(n)) } : v,
    )
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0)
    .map((v) => ({ ...v, nodes: v.nodes.slice(0, 5) }));
}

/**
 * Wait until the pane's findings list is drawn whole: it follows a check a step behind the
 * counters (a deferred render) and draws a long list a batch of rows at a time (FindingsList.tsx).
 */
export async function findingsDrawn(page: Page): Promise<void> {
  await page.waitForSelector('#pc-findings');
  await page.waitForFunction(() => !document.querySelector('section[data-drawing]'));
}
