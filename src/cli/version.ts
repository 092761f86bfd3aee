/**
 * The version `phancong --version` prints: package.json's. The release bundle (src/tools/package.js,
 * webpack for Node) writes it in as __PHANCONG_VERSION__; the tsc build (dist/cli) and the tests
 * read it from the project's package.json, the first one named "phancong" above this file.
 */
import fs from 'fs';
import path from 'path';

declare const __PHANCONG_VERSION__: string | undefined;

function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'phancong' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

export const VERSION: string =
  typeof __PHANCONG_VERSION__ === 'string' ? __PHANCONG_VERSION__ : packageVersion();
