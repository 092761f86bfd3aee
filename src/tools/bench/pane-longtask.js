#!/usr/bin/env node
/**
 * The pane's responsiveness bench (issue 15), printed, not asserted: the built standalone page
 * (dist/addin: run `npm run build` first) in Debian's Chromium driven by playwright-core, nothing
 * fetched from outside the loopback server.
 *  - click to counters: a 10,000-row appendix opened, "Kiểm tra" clicked, until the counters show
 *    (the first check of the session: the worker starts cold); the worker sends them ahead of the
 *    report, so the time to the whole report (the findings listed, "checked") is printed too;
 *  - longest task: the longest task on the page's thread (PerformanceObserver 'longtask') from the
 *    click to the counters of a 50,000-row check.
 * The workbooks are the bench's generated appendix (pane-sheets.ts), loaded through a small
 * transpile-only TypeScript hook (the bench runs from the sources, like the tests).
 *
 *   npm run bench:pane            # 10,000 and 50,000 rows, three runs each
 *   node src/tools/bench/pane-longtask.js 2000 5000 --runs 5   # other sizes (click-to-counters
 *                                 # rows, long-task rows) and number of runs
 */
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (m, file) =>
  m._compile(
    ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
      fileName: file,
    }).outputText,
    file,
  );

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist', 'addin');
// Debian's Chromium and the flags, as the engine's browser bench launches it.
const { CHROMIUM, ARGS } = require('./bench-browser.ts');
const { median } = require('./stats.ts');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.xlsx': 'application/octet-stream',
};

function serve(dir) {
  const server = http.createServer((req, res) => {
    const file = path.resolve(dir, `.${decodeURIComponent(new URL(req.url, 'http://x').pathname)}`);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Open `file` in a new page, click Kiểm tra; the ms from the click to the counters, to the whole
 * report, and the longest task meanwhile.
 */
async function measure(browser, origin, file) {
  const page = await browser.newPage();
  page.on('crash', () => console.error('  (the page crashed)'));
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`  console: ${m.text()}`));
  await page.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector('[data-standalone]');
  await page.locator('[data-testid="file-input"]').setInputFiles(file);
  await page.waitForSelector('[data-standalone="workbook"]', { timeout: 600_000 });
  // The as-of date is typed day/month/year (AsOfDate.tsx).
  await page.getByLabel('Tính tình trạng đến ngày').fill('01/05/2026');
  await page.evaluate(() => {
    window.__longest = 0;
    const note = (entries) => {
      for (const e of entries)
        if (window.__armed) window.__longest = Math.max(window.__longest, e.duration);
    };
    const observer = new PerformanceObserver((list) => note(list.getEntries()));
    observer.observe({ type: 'longtask' });
    // Entries not yet delivered to the callback are taken when the figure is read.
    window.__takeLongest = () => {
      note(observer.takeRecords());
      return window.__longest;
    };
    // The click's own time: counted from the event, as a user would.
    document.addEventListener(
      'click',
      () => {
        if (!window.__t0) {
          window.__t0 = performance.now();
          window.__armed = true;
        }
      },
      { capture: true },
    );
    // Counted once painted (the next frame): the counters, which the worker sends ahead of the
    // report, then the whole report (its findings listed, the pane's "checked" notice).
    const painted = (resolve) =>
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__t0), 0));
    const when = (test) =>
      new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (!window.__t0 || !test()) return;
          obs.disconnect();
          painted(resolve);
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    window.__counters = when(() => document.querySelector('li[data-counter]'));
    window.__done = when(
      () =>
        document.querySelector('[data-notice="ui.done.checked"]') &&
        document.querySelector('li[data-counter]'),
    );
  });
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  const ms = await page.evaluate(() => window.__counters);
  const whole = await page.evaluate(() => window.__done);
  // Let the last long tasks be reported.
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => window.__takeLongest());
  await page.close();
  return { ms, whole, longest };
}

const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 3;
  const [clickRows = 10_000, longRows = 50_000] = args.map(Number);
  if (!fs.existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/addin is missing: run `npm run build` first');
  if (!fs.existsSync(CHROMIUM))
    return console.log(`pane bench skipped: no Chromium at ${CHROMIUM}`);
  const { appendixXlsx } = require('./pane-sheets.ts');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-pane-bench-'));
  const files = {};
  for (const rows of [clickRows, longRows]) {
    files[rows] = path.join(tmp, `appendix-${rows}.xlsx`);
    fs.writeFileSync(files[rows], await appendixXlsx(rows));
  }
  const server = await serve(DIST);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    // Each run is a new page (a new session, its worker cold); single runs vary by a third or
    // more on this machine (when the collector runs, what else the two cores do): medians of `runs`.
    console.log(
      `pane (standalone page, Chromium ${browser.version()}, check in the worker; each a new page, medians of ${runs}):`,
    );
    const click = [];
    const long = [];
    for (let i = 0; i < runs; i++) {
      click.push(await measure(browser, origin, files[clickRows]));
      long.push(await measure(browser, origin, files[longRows]));
    }
    const ms = click.map((m) => m.ms);
    const longest = long.map((m) => m.longest);
    console.log(
      `  ${clickRows.toLocaleString('en-US')} rows, first check of the session: click to counters ${median(ms).toFixed(0)} ms (target ≤ 300 ms; runs ${list(ms)}); to the whole report ${median(click.map((m) => m.whole)).toFixed(0)} ms; longest UI task ${median(click.map((m) => m.longest)).toFixed(0)} ms`,
    );
    console.log(
      `  ${longRows.toLocaleString('en-US')} rows: longest task on the UI thread during the check ${median(longest).toFixed(0)} ms (target < 100 ms; runs ${list(longest)}); click to counters ${median(long.map((m) => m.ms)).toFixed(0)} ms, to the whole report ${median(long.map((m) => m.whole)).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
