/**
 * The engine benchmark in Chromium (the task pane's engine runs in the browser Office embeds:
 * Edge WebView2 on Windows, Safari's WebKit on the Mac, the user's browser on the web). Bundles
 * bench-page.ts with webpack (the add-in's own bundler), adds it to a blank page of Debian's
 * Chromium driven by playwright-core, and reads the timings back. Nothing is fetched: the page is
 * about:blank and every request is refused.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';

export interface BrowserBench {
  browser: string;
  cold: number;
  first: number;
  times: number[];
}

/** Debian's Chromium (no browser download here), and the flags both browser benches launch it with. */
export const CHROMIUM = process.env.PHANCONG_CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The page script, bundled into a temporary directory; its text. */
async function bundle(root: string): Promise<string> {
  // Loaded here, not at the top: `npm run bench` must run without the browser part when the
  // bundler or the browser is missing.
  const webpack = (await import('webpack')).default;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-bench-'));
  const compiler = webpack({
    mode: 'production',
    target: 'web',
    context: root,
    entry: path.join(root, 'src/tools/bench/bench-page.ts'),
    output: { path: out, filename: 'bench-page.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: { transpileOnly: true, configFile: path.join(root, 'tsconfig.json') },
        },
      ],
    },
    devtool: false,
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  const text = fs.readFileSync(path.join(out, 'bench-page.js'), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return text;
}

/** Runs the page benchmark in a new Chromium; `skipped` with the reason when it cannot run here. */
export async function browserBench(
  root: string,
  rows: number,
  runs: number,
): Promise<BrowserBench | { skipped: string }> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  let script: string;
  try {
    script = await bundle(root);
  } catch (e) {
    return { skipped: `bundling failed: ${(e as Error).message.split('\n')[0]}` };
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      ([r, n]) =>
        (
          globalThis as unknown as {
            phancongBench: {
              run(rows: number, runs: number): { cold: number; first: number; times: number[] };
            };
          }
        ).phancongBench.run(r, n),
      [rows, runs] as const,
    );
    return { browser: `Chromium ${browser.version()}`, ...result };
  } finally {
    await browser.close();
  }
}
