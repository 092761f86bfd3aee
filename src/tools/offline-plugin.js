/**
 * Webpack plugin for the standalone page offline (production builds only):
 *  - sw.js: the service worker (src/standalone/sw.js) with the list of files it keeps for offline
 *    use, the package version and a build id (a hash of those files' names and contents), so that
 *    every build that changes a file changes sw.js, which is how a browser learns of a new version;
 *  - manifest.webmanifest: the web app manifest (src/standalone/app.webmanifest, copied as is).
 * The files are everything the standalone page can load: the pages but commands.html (Office
 * only), the scripts and chunks, the icons and the sample. Not kept: source maps, license notes,
 * manifest.xml (Office reads it, not the page), commands.* and sw.js itself.
 * The page registers sw.js only in standalone mode (src/standalone/offline.ts).
 */
'use strict';
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const SW_SOURCE = path.join(__dirname, '..', 'standalone', 'sw.js');
const WEB_MANIFEST_SOURCE = path.join(__dirname, '..', 'standalone', 'app.webmanifest');
const SW_FILE = 'sw.js';
const WEB_MANIFEST_FILE = 'manifest.webmanifest';

/** Files the service worker keeps: what the standalone page may request. */
function offlineFiles(names) {
  return names
    .filter(
      (n) =>
        !/\.map$|\.LICENSE\.txt$|^manifest\.xml$|^commands\.|^web\.config$/.test(n) &&
        n !== SW_FILE,
    )
    .sort();
}

class OfflinePlugin {
  constructor({ version }) {
    this.version = version;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PhancongOfflinePlugin', (compilation) => {
      compilation.fileDependencies.add(SW_SOURCE);
      compilation.fileDependencies.add(WEB_MANIFEST_SOURCE);
      // After the pages (html-webpack-plugin) and the copied files are emitted.
      compilation.hooks.processAssets.tap(
        { name: 'PhancongOfflinePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          compilation.emitAsset(
            WEB_MANIFEST_FILE,
            new sources.RawSource(fs.readFileSync(WEB_MANIFEST_SOURCE)),
          );
          const files = offlineFiles(compilation.getAssets().map((a) => a.name));
          const hash = createHash('sha256');
          for (const name of files)
            hash.update(name).update('\0').update(compilation.getAsset(name).source.buffer());
          const offline = { version: this.version, build: hash.digest('hex').slice(0, 12), files };
          const code = `self.PHANCONG_OFFLINE = ${JSON.stringify(offline, null, 2)};\n${fs.readFileSync(SW_SOURCE, 'utf8')}`;
          compilation.emitAsset(SW_FILE, new sources.RawSource(code));
        },
      );
    });
  }
}

module.exports = { OfflinePlugin, offlineFiles, SW_FILE, WEB_MANIFEST_FILE };
