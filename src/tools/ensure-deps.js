/**
 * Shared by `npm test` and `npm start`: install the locked npm tree when node_modules is missing or
 * older than package-lock.json. Uses only Node's own modules (it runs before anything is installed).
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The locked packages (name → version and integrity), without the project's own entry. */
function lockedPackages(file) {
  const packages = JSON.parse(fs.readFileSync(file, 'utf8')).packages || {};
  const out = {};
  for (const [key, p] of Object.entries(packages))
    if (key) out[key] = `${p.version}|${p.integrity || p.resolved || ''}`;
  return out;
}

/**
 * Is node_modules the tree package-lock.json describes? npm writes what it installed to
 * node_modules/.package-lock.json; compare the packages, not the files' times (a fresh checkout,
 * or a version bump of the project itself, makes the lock newer without changing a package).
 */
function installedMatchesLock() {
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return false;
  try {
    const want = lockedPackages(path.join(ROOT, 'package-lock.json'));
    const have = lockedPackages(installed);
    // Optional packages for other platforms are in the lock but never installed here.
    return (
      Object.keys(have).every((k) => want[k] === have[k]) &&
      Object.keys(want).every((k) => k in have || isOptional(k))
    );
  } catch {
    return false;
  }
}

let lockJson = null;
function isOptional(key) {
  lockJson = lockJson || JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const p = lockJson.packages[key];
  return Boolean(p && (p.optional || p.devOptional || p.peer));
}

function ensureDeps() {
  if (installedMatchesLock()) return true;
  process.stdout.write('[phancong] installing npm dependencies (npm ci)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return r.status === 0;
}

module.exports = { ensureDeps, installedMatchesLock, ROOT };
