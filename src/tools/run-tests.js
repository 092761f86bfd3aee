#!/usr/bin/env node
/**
 * `npm test`: everything a fresh machine needs, then every test.
 *  1. npm dependencies: `npm ci` when node_modules is missing or older than package-lock.json.
 *  2. System tools some suites use (Debian packages): Chromium for the browser suite, LibreOffice
 *     Calc and poppler-utils as an independent reader of the .xlsx files we write. Installed with
 *     apt-get when running as root; elsewhere those suites say they are skipped and why.
 *     With CI=true a missing tool is an error, never a silent skip.
 *  3. Type check, lint (ESLint: `npm run lint`), the CLI build, the add-in build (the browser suite
 *     serves it), then jest.
 *  4. A closing line "N passed, N failed" for CI.
 * Arguments after `npm test --` go to jest.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status === null ? 1 : r.status;
};
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
/** A tool is there: its command, or (fonts) a file it installs. */
const present = (t) => (t.file ? fs.existsSync(t.file) : has(t.cmd));
const step = (msg) => process.stdout.write(`\n[phancong test] ${msg}\n`);

// 1. npm dependencies.
if (!require('./ensure-deps').ensureDeps()) process.exit(1);

// 2. System tools.
const TOOLS = [
  { cmd: 'chromium', pkg: 'chromium', why: 'browser suite (test/e2e)' },
  {
    cmd: 'soffice',
    pkg: 'libreoffice-calc',
    why: 'LibreOffice as an independent reader of written .xlsx',
  },
  { cmd: 'pdftoppm', pkg: 'poppler-utils', why: 'rendering LibreOffice PDFs to PNG' },
  {
    cmd: 'Noto Sans',
    file: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
    pkg: 'fonts-noto-core',
    why: 'Vietnamese glyphs in the browser suite screenshots',
  },
];
const missing = TOOLS.filter((t) => !present(t));
if (missing.length && process.env.PHANCONG_NO_APT !== '1') {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    step(
      `installing Debian packages: ${missing.map((t) => t.pkg).join(' ')} (a few minutes, once)`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((t) => t.pkg)],
      { env },
    );
  }
}
const stillMissing = TOOLS.filter((t) => !present(t));
for (const t of stillMissing) {
  const msg = `${t.cmd} (Debian package ${t.pkg}) is not installed: ${t.why} will be skipped.`;
  if (ci) {
    process.stderr.write(`[phancong test] ERROR: ${msg}\n`);
    process.exit(1);
  }
  process.stdout.write(`[phancong test] NOTE: ${msg}\n`);
}

// 3. Builds.
step('type check (tsc --noEmit)');
if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) process.exit(1);
step('lint (npm run lint: eslint)');
if (run('npm', ['run', '--silent', 'lint'], { shell: process.platform === 'win32' }) !== 0)
  process.exit(1);
step('command-line build (tsc -p tsconfig.cli.json)');
if (run('npx', ['tsc', '-p', 'tsconfig.cli.json']) !== 0) process.exit(1);
if (fs.existsSync(path.join(root, 'webpack.config.js'))) {
  step('add-in build (webpack, production)');
  if (
    run('npx', ['webpack', '--mode', 'production'], {
      env: { ...process.env, NODE_ENV: 'production' },
    }) !== 0
  )
    process.exit(1);
}

// 4. Jest.
step('jest');
const outDir = path.join(root, 'test-artifacts');
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, 'jest-results.json');
const status = run('npx', ['jest', '--json', `--outputFile=${out}`, ...process.argv.slice(2)]);
try {
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  process.stdout.write(
    `\n${r.numPassedTests} passed, ${r.numFailedTests} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}\n`,
  );
} catch {
  process.stdout.write('\n0 passed, 1 failed\n');
}
process.exit(status);
