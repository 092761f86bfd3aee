#!/usr/bin/env node
/**
 * `npm run stop`: end what `npm start` started (the Office template's `stop` script).
 *
 * - The dev server `npm start` serves without desktop Excel: start.js records its process in
 *   node_modules/.cache/phancong/dev-server.json; this ends that process (which ends the server).
 * - With desktop Excel (Windows, macOS), `npm start` handed over to Microsoft's office-addin-debugging,
 *   fetched with npx on demand (not a dependency, see start.js); its own `stop` removes the
 *   sideloaded manifest and ends the dev server it started.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { hasDesktopExcel, DEV_SERVER_FILE } = require('./start');

const ROOT = path.resolve(__dirname, '..', '..');
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * Is the recorded process still the one `npm start` ran? Its id may have been reused after a crash
 * left the record behind: where /proc tells (Linux), it must be node running start.js or webpack.
 */
function stillOurs(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /start\.js|webpack/.test(cmdline);
  } catch {
    return true;
  }
}

/** End the dev server recorded by start.js. Returns what happened, for the message. */
function stopDevServer(file = DEV_SERVER_FILE) {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return 'none';
  }
  fs.rmSync(file, { force: true });
  const pids = [record.pid, record.server].filter(
    (p) => Number.isInteger(p) && p > 0 && stillOurs(p),
  );
  if (!pids.length) return 'gone';
  // start.js forwards SIGTERM to the server and exits with it; the server's own id is a fallback
  // (Windows has no signals: kill ends the process).
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already ended between the check and the signal.
    }
  }
  return 'stopped';
}

if (require.main === module) {
  const result = stopDevServer();
  if (result === 'stopped')
    console.log('Phân công: đã dừng máy chủ phát triển / stopped the dev server.');
  else if (result === 'gone')
    console.log(
      'Phân công: máy chủ phát triển đã dừng từ trước / the dev server had already stopped.',
    );
  if (hasDesktopExcel()) {
    const r = spawnSync(NPX, ['--yes', 'office-addin-debugging@7', 'stop', 'manifest.xml'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    process.exit(r.status ?? 1);
  } else if (result === 'none') {
    console.log(
      'Phân công: không có máy chủ phát triển nào do `npm start` chạy / no dev server started by `npm start` is running.',
    );
  }
}

module.exports = { stopDevServer };
