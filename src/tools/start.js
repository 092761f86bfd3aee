#!/usr/bin/env node
/**
 * `npm start`: run the add-in for development.
 *
 * - Windows or macOS with desktop Excel: make sure the Office dev certificates are installed, then
 *   let Microsoft's office-addin-debugging sideload manifest.xml into Excel and run the dev server
 *   (`npm run dev-server`). It is fetched with npx on demand, not a dependency: it pulls in keytar,
 *   a native module that does not build on Linux.
 * - Anywhere else: start the dev server, open the standalone page with the sample appendix loaded
 *   (taskpane.html?sample=1: the pane in a plain browser, the workbook in memory) in the default
 *   browser, and print how to sideload manifest.xml into Excel on the web too.
 *
 * PHANCONG_HTTP=1 serves plain http (tests); PHANCONG_NO_EXCEL=1 skips the desktop-Excel path;
 * PHANCONG_NO_OPEN=1 does not open a browser.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** Where the running dev server is recorded for `npm run stop` (src/tools/stop.js). */
const DEV_SERVER_FILE = path.join(ROOT, 'node_modules', '.cache', 'phancong', 'dev-server.json');

/** Desktop Excel on this machine (only Windows and macOS have one). */
function hasDesktopExcel() {
  if (process.env.PHANCONG_NO_EXCEL === '1') return false;
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    return roots.some((root) =>
      ['root\\Office16\\EXCEL.EXE', 'Office16\\EXCEL.EXE'].some((p) =>
        fs.existsSync(path.join(root, 'Microsoft Office', p)),
      ),
    );
  }
  return false;
}

function run(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });
  const stop = () => child.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
  return child;
}

function startWithExcel() {
  console.log(
    'Phân công: cài chứng chỉ phát triển của Office (nếu chưa có) / installing the Office dev certificates (if missing)…',
  );
  const certs = spawnSync(NPX, ['office-addin-dev-certs', 'install'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (certs.status !== 0)
    console.warn(
      'Phân công: không cài được chứng chỉ / could not install the certificates; continuing.',
    );
  run(NPX, [
    '--yes',
    'office-addin-debugging@7',
    'start',
    'manifest.xml',
    '--dev-server',
    'npm run dev-server',
    '--dev-server-port',
    '3000',
  ]);
}

function sideloadHelp(url) {
  return [
    '',
    '──────────────────────────────────────────────────────────────────────',
    `Phân công đang chạy tại ${url}taskpane.html`,
    'Nạp phần bổ trợ vào Excel trên web:',
    '  1. Mở một sổ làm việc trong Excel trên web (cùng máy này, để truy cập được localhost).',
    '  2. Chọn Chèn (hoặc Trang đầu) → Phần bổ trợ → Thêm phần bổ trợ khác → Tải lên Phần bổ trợ của tôi.',
    `  3. Chọn tệp ${path.join(ROOT, 'manifest.xml')} rồi bấm Tải lên.`,
    '  4. Trên thẻ Trang đầu, nhóm Phân công, bấm "Kiểm tra".',
    'Trình duyệt phải tin chứng chỉ của localhost: chạy `npx office-addin-dev-certs install` một lần.',
    '',
    `Phân công is running at ${url}taskpane.html`,
    'Sideload the add-in into Excel on the web:',
    '  1. Open a workbook in Excel on the web (in a browser on this machine, so that it reaches localhost).',
    '  2. Choose Insert (or Home) → Add-ins → More Add-ins → Upload My Add-in.',
    `  3. Choose ${path.join(ROOT, 'manifest.xml')} and Upload.`,
    '  4. On the Home tab, in the Phân công group, choose "Check" (Kiểm tra).',
    'The browser must trust the localhost certificate: run `npx office-addin-dev-certs install` once.',
    '──────────────────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}

/** Resolves once the dev server answers (webpack's first build takes a while), or after `ms`. */
function whenServing(url, ms) {
  const client = url.startsWith('https:') ? require('https') : require('http');
  const deadline = Date.now() + ms;
  return new Promise((resolve) => {
    const attempt = () => {
      const req = client.get(`${url}taskpane.html`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve(true);
        else retry();
      });
      req.on('error', retry);
      req.setTimeout(2000, () => req.destroy());
    };
    const retry = () =>
      Date.now() < deadline ? setTimeout(attempt, 1000).unref() : resolve(false);
    attempt();
  });
}

/** The standalone page with the sample appendix loaded: what a new user sees first without Excel. */
function standaloneUrl(url) {
  return `${url}taskpane.html?sample=1`;
}

function standaloneHelp(url) {
  return [
    '',
    `Dùng ngay trong trình duyệt (không cần Excel), với phụ lục mẫu: ${standaloneUrl(url)}`,
    `Use it right in the browser (no Excel needed), with the sample appendix: ${standaloneUrl(url)}`,
    'Tệp chỉ được xử lý trên máy này / files are processed on this computer only.',
    '',
  ].join('\n');
}

/** Open a URL in the default browser (skipped with PHANCONG_NO_OPEN=1, under CI, or without a display). */
function openBrowser(url) {
  if (process.env.PHANCONG_NO_OPEN === '1' || process.env.CI === 'true' || process.env.CI === '1')
    return false;
  let command;
  let args;
  if (process.platform === 'darwin') [command, args] = ['open', [url]];
  else if (process.platform === 'win32') [command, args] = ['cmd', ['/c', 'start', '""', url]];
  else {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
    [command, args] = ['xdg-open', [url]];
  }
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** Record this process and the server's for `npm run stop`; the record goes when this process ends. */
function recordDevServer(serverPid) {
  try {
    fs.mkdirSync(path.dirname(DEV_SERVER_FILE), { recursive: true });
    fs.writeFileSync(DEV_SERVER_FILE, JSON.stringify({ pid: process.pid, server: serverPid }));
    process.on('exit', () => fs.rmSync(DEV_SERVER_FILE, { force: true }));
  } catch {
    // Without the record `npm run stop` cannot find the server; Ctrl+C still stops it.
  }
}

/**
 * No desktop Excel: serve the add-in, open the standalone page with the sample appendix in the
 * default browser, and print how to sideload the add-in into Excel on the web as well.
 */
function startWithoutExcel() {
  const url =
    process.env.PHANCONG_HTTP === '1' ? 'http://localhost:3000/' : 'https://localhost:3000/';
  // webpack-cli directly (not through npm), so that stopping this script stops the server too.
  const server = run(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'],
    { shell: false },
  );
  recordDevServer(server.pid);
  void whenServing(url, 5 * 60 * 1000).then((up) => {
    if (!up) return;
    console.log(sideloadHelp(url));
    console.log(standaloneHelp(url));
    openBrowser(standaloneUrl(url));
  });
}

if (require.main === module) {
  // A fresh clone: install the locked npm tree first (npm start installs what it needs).
  if (!require('./ensure-deps').ensureDeps()) process.exit(1);
  if (hasDesktopExcel()) startWithExcel();
  else startWithoutExcel();
}

module.exports = { hasDesktopExcel, sideloadHelp, standaloneUrl, standaloneHelp, DEV_SERVER_FILE };
