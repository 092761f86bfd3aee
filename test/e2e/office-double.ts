/**
 * Build the Office test double for the browser: webpack (the project's own, through its Node API)
 * bundles office-double.entry.ts into one classic script in a temp directory. No eval in the output
 * (devtool off), so the page's Content-Security-Policy has nothing to refuse.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createOfficeHost } from '../../src/adapters/office/host';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import type { SheetSnapshot } from '../../src/engine/types';
import { createExcelFake } from '../fakes/excel-fake';
import { launchBrowser, ROOT, serveStatic, type Browser, type StaticServer } from './harness';

export async function buildOfficeDouble(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-double-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    context: ROOT,
    entry: path.join(__dirname, 'office-double.entry.ts'),
    output: { path: outDir, filename: 'office-double.js', iife: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', sourceMap: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
    compiler.run((err, result) =>
      err || !result ? reject(err ?? new Error('webpack: no result')) : resolve(result),
    ),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  const code = fs.readFileSync(path.join(outDir, 'office-double.js'), 'utf8');
  fs.rmSync(outDir, { recursive: true, force: true });
  return code;
}

/** What an Office-mode suite needs: the built pane served, Chromium, the double's page script. */
export interface OfficeMode {
  server: StaticServer;
  browser: Browser;
  /** Add with `context.addInitScript`: the double, seeded with the sheet, as window.Excel/Office. */
  initScript: string;
  /** The sheet as the Office adapter reads it from a fake seeded the same way (for known answers). */
  snapshot: SheetSnapshot;
}

/**
 * Serve dist/addin, launch Chromium and build the double's page script, seeded with `sheet` of the
 * workbook `file` (an Excel fake at ExcelApi 1.13 whose host is the pane's `__PHANCONG_HOST__`).
 */
export async function startOfficeMode(file: string, sheet: string): Promise<OfficeMode> {
  const { sheets } = await readWorkbook(fs.readFileSync(file));
  const seed = sheets.find((s) => s.name === sheet)!;
  let server!: StaticServer;
  let browser!: Browser;
  const [code] = await Promise.all([
    buildOfficeDouble(),
    (async () => {
      server = await serveStatic(path.join(ROOT, 'dist', 'addin'));
      browser = await launchBrowser(server.origin);
    })(),
  ]);
  const initScript = [
    code,
    `;(function (seed) {
      var D = window.PhancongOfficeDouble;
      var fake = D.createExcelFake({ apiVersion: '1.13' });
      fake.addSheet(seed);
      window.Excel = fake.Excel;
      window.Office = fake.Office;
      window.__PHANCONG_FAKE__ = fake;
      window.__PHANCONG_HOST__ = D.createOfficeHost(fake.Excel, fake.Office);
    })(${JSON.stringify(seed)});`,
  ].join('\n');
  const fake = createExcelFake({ apiVersion: '1.13' });
  fake.addSheet(seed);
  const snapshot = (await createOfficeHost(fake.Excel, fake.Office).readSheet(sheet)).snapshot;
  return { server, browser, initScript, snapshot };
}
