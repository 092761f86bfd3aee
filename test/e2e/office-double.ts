/**
 * Build the Office test double for the browser: webpack (the project's own, through its Node API)
 * bundles office-double.entry.ts into one classic script in a temp directory. No eval in the output
 * (devtool off), so the page's Content-Security-Policy has nothing to refuse.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ROOT } from './harness';

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
