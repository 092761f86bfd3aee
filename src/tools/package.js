#!/usr/bin/env node
/**
 * `npm run package`: the release for one office, as one archive.
 *
 *   PHANCONG_PUBLIC_URL=https://phancong.example.vn/addin/ npm run package
 *
 * 1. Builds the add-in (webpack, production; the site is the same for any address: every URL in it
 *    is relative) — or, with --no-build, takes the existing dist/addin as it is.
 * 2. Writes the manifest for that address (webpack.config.js manifestFor: URLs and <Version> from
 *    package.json) and checks it as the offline manifest check does: office-addin-manifest's own
 *    reader (what `office-addin-manifest info` prints), the id, the version, the source location,
 *    every URL under the address and naming a file of the site.
 * 3. Bundles the command line into one file for Node (webpack, target node; ExcelJS and mammoth
 *    inside) and packs it with `npm pack` into a tarball with no dependencies, installable with no
 *    registry: `npm install --global --offline phancong-<version>.tgz`.
 * 4. Writes the archive with tar and gzip (GNU tar on Debian — an essential package, on every
 *    machine; Windows 10 and later have tar.exe, which extracts it too). Entries in name order,
 *    owner 0, times of the newest commit: the same sources give the same file list and contents.
 *
 *      addin/                  the static site (without source maps), help page included
 *      manifest.xml            the manifest for that address (the same as addin/manifest.xml)
 *      HUONG-DAN-CAI-DAT.html  the installation guide for IT, in Vietnamese
 *      VERSION.txt             version, manifest version, address
 *      iis/web.config, nginx/phancong.conf   hosting samples
 *      cli/phancong-<version>.tgz, cli/phancong.js (+ read-worker.js)   the command line
 *
 * Options: --no-build (reuse dist/addin), --out DIR (default dist/release). The last line printed
 * is the archive's absolute path.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SITE = path.join(ROOT, 'dist', 'addin');
const TEMPLATES = path.join(__dirname, 'package');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const webpackConfig = require(path.join(ROOT, 'webpack.config.js'));

/** XML namespaces name schemas; they are identifiers, never fetched. */
const NAMESPACE = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;
const OFFICE_JS_ORIGIN = webpackConfig.OFFICE_JS_ORIGIN;

class PackageError extends Error {}

const log = (msg) => process.stderr.write(`[phancong package] ${msg}\n`);

/** PHANCONG_PUBLIC_URL as the add-in's base address: https, no query or fragment, ending in "/". */
function publicBase(value) {
  if (!value)
    throw new PackageError(
      'PHANCONG_PUBLIC_URL is not set (e.g. PHANCONG_PUBLIC_URL=https://phancong.example.vn/addin/).',
    );
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new PackageError(`PHANCONG_PUBLIC_URL "${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:')
    throw new PackageError(
      `PHANCONG_PUBLIC_URL "${value}" must be https: Office loads add-ins over HTTPS only.`,
    );
  if (url.search || url.hash || url.username || url.password)
    throw new PackageError(
      `PHANCONG_PUBLIC_URL "${value}" must have no query, fragment or credentials.`,
    );
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    ...options,
  });
  if (r.status !== 0)
    throw new PackageError(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
  return r;
}

function buildSite(base) {
  log(`building the add-in for ${base} (webpack, production)`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  // webpack's own output goes to stderr: stdout keeps only this script's lines.
  run(npx, ['webpack', '--mode', 'production'], {
    env: { ...process.env, PHANCONG_PUBLIC_URL: base, NODE_ENV: 'production' },
    stdio: ['ignore', process.stderr, 'inherit'],
  });
}

/** Copy a directory; `keep(relative path)` filters files. */
function copyTree(from, to, keep = () => true, rel = '') {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      copyTree(path.join(from, entry.name), path.join(to, entry.name), keep, r);
    else if (keep(r)) fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
  }
}

function attribute(xml, element) {
  const m = new RegExp(`<${element}\\s+DefaultValue="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
}

/** Every URL in the manifest's markup (comments and namespaces left out). */
function manifestUrls(xml) {
  return [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/https?:\/\/[^\s"'<>]+/g)]
    .map((m) => m[0])
    .filter((u) => !NAMESPACE.test(u));
}

/**
 * The manifest checked as the offline manifest check (test/manifest.test.ts) does, for this
 * address: office-addin-manifest's reader, then every URL against the site. Throws on a problem.
 */
async function checkManifest(file, base, siteDir) {
  const { OfficeAddinManifest } = require('office-addin-manifest');
  let info;
  try {
    info = await OfficeAddinManifest.readManifestFile(file);
  } catch (e) {
    throw new PackageError(
      `office-addin-manifest cannot read ${file}: ${e && e.message ? e.message : e}`,
    );
  }
  const problems = [];
  const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const sourceId = /<Id>([^<]+)<\/Id>/.exec(source)[1];
  if (info.id !== sourceId) problems.push(`Id ${info.id} is not ${sourceId}`);
  if (info.version !== webpackConfig.manifestVersion(PKG.version))
    problems.push(`Version ${info.version} does not follow package.json ${PKG.version}`);
  if (info.officeAppType !== 'TaskPaneApp') problems.push(`type ${info.officeAppType}`);
  if (info.defaultSettings?.sourceLocation !== `${base}taskpane.html`)
    problems.push(`SourceLocation ${info.defaultSettings?.sourceLocation}`);
  const xml = fs.readFileSync(file, 'utf8');
  const urls = manifestUrls(xml);
  if (urls.length < 5) problems.push(`only ${urls.length} URLs`);
  for (const url of urls) {
    if (url.startsWith(OFFICE_JS_ORIGIN)) continue;
    if (!url.startsWith(base)) {
      problems.push(`${url} is not under ${base}`);
      continue;
    }
    const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
    if (!fs.existsSync(path.join(siteDir, rel)))
      problems.push(`${url} names ${rel}, which the site does not have`);
  }
  if (problems.length) throw new PackageError(`manifest check failed:\n  ${problems.join('\n  ')}`);
  return info;
}

/** The command line as one file for Node (and an npm tarball of it), written into `dir`. */
async function buildCli(dir) {
  log('bundling the command line (webpack, target node)');
  const webpack = require('webpack');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-cli-'));
  const pkgDir = path.join(work, 'phancong');
  // Two files: the command, and the worker thread every read runs in (src/cli/read-guard.ts starts
  // `read-worker.js` beside the running file, under a time and memory limit).
  const bundle = (entry, filename, banner) => ({
    mode: 'production',
    target: 'node20',
    context: ROOT,
    devtool: false,
    entry,
    output: { path: pkgDir, filename },
    // The real __dirname / __filename of the bundled file (read-guard.ts finds the worker by them).
    node: { __dirname: false, __filename: false },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
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
    // Readable and quick to build; the archive compresses it.
    optimization: { minimize: false },
    plugins: [
      new webpack.DefinePlugin({ __PHANCONG_VERSION__: JSON.stringify(PKG.version) }),
      // One file each: `phancong draft`'s import() stays inside it.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      ...(banner
        ? [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true })]
        : []),
    ],
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  });
  for (const [entry, filename, banner] of [
    ['./src/cli/bin.ts', 'phancong.js', true],
    ['./src/cli/read-worker.ts', 'read-worker.js', false],
  ]) {
    const compiler = webpack(bundle(entry, filename, banner));
    const stats = await new Promise((resolve, reject) =>
      compiler.run((err, result) =>
        err || !result ? reject(err || new Error('webpack: no result')) : resolve(result),
      ),
    );
    await new Promise((resolve) => compiler.close(resolve));
    if (stats.hasErrors())
      throw new PackageError(
        `command-line bundle ${filename} failed:\n${stats.toString({ all: false, errors: true })}`,
      );
  }
  fs.chmodSync(path.join(pkgDir, 'phancong.js'), 0o755);
  const manifest = {
    name: 'phancong',
    version: PKG.version,
    description: PKG.description,
    license: PKG.license,
    bin: { phancong: 'phancong.js' },
    files: ['phancong.js', 'read-worker.js'],
    engines: PKG.engines,
  };
  fs.writeFileSync(path.join(pkgDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.mkdirSync(dir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['pack', '--silent', '--pack-destination', dir], {
    cwd: pkgDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  fs.copyFileSync(path.join(pkgDir, 'phancong.js'), path.join(dir, 'phancong.js'));
  fs.chmodSync(path.join(dir, 'phancong.js'), 0o755);
  fs.copyFileSync(path.join(pkgDir, 'read-worker.js'), path.join(dir, 'read-worker.js'));
  fs.rmSync(work, { recursive: true, force: true });
  const tgz = `phancong-${PKG.version}.tgz`;
  if (!fs.existsSync(path.join(dir, tgz))) throw new PackageError(`npm pack did not write ${tgz}`);
  return tgz;
}

function fill(template, values) {
  return template.replace(/\{\{(\w+)\}\}/g, (m, key) => (key in values ? values[key] : m));
}

/** The newest commit's time (reproducible archives), else now. */
function sourceDate() {
  const r = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' });
  const seconds = Number((r.stdout || '').trim());
  return Number.isFinite(seconds) && seconds > 0 ? seconds : Math.floor(Date.now() / 1000);
}

function writeArchive(stage, archive) {
  const r = spawnSync('tar', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new PackageError('tar is not installed (Debian: apt-get install tar gzip).');
  fs.rmSync(archive, { force: true });
  run(
    'tar',
    // gzip -n: no name or time in the gzip header either.
    [
      '--sort=name',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      `--mtime=@${sourceDate()}`,
      '--use-compress-program=gzip -n',
      '-cf',
      archive,
      '-C',
      stage,
      ...fs.readdirSync(stage).sort(),
    ],
  );
}

/**
 * Build the release. Returns the archive's absolute path (and what went in, for the tests).
 * options: { publicUrl, outDir, build }
 */
async function packageRelease({
  publicUrl,
  outDir = path.join(ROOT, 'dist', 'release'),
  build = true,
}) {
  const base = publicBase(publicUrl);
  if (build) buildSite(base);
  if (!fs.existsSync(path.join(SITE, 'taskpane.html')))
    throw new PackageError(`${SITE} has no build (run without --no-build).`);

  const name = `phancong-${PKG.version}`;
  fs.mkdirSync(outDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  try {
    fs.chmodSync(stage, 0o755);
    // The site, without source maps (and webpack's license notes stay: they are the bundles' licenses).
    copyTree(SITE, path.join(stage, 'addin'), (rel) => !rel.endsWith('.map'));

    // The manifest for this address.
    let manifest = webpackConfig
      .manifestFor(fs.readFileSync(path.join(ROOT, 'manifest.xml')), base)
      .toString();
    // The help page is the manifest's SupportUrl (src/help/help.html, built with the site).
    const help = attribute(manifest, 'SupportUrl');
    const helpFile =
      help && help.startsWith(base)
        ? new URL(help).pathname.slice(new URL(base).pathname.length)
        : null;
    if (!helpFile || helpFile === 'taskpane.html')
      throw new PackageError(`the manifest's SupportUrl (${help}) names no help page of the site`);
    log(`help page: ${helpFile} (the manifest's SupportUrl)`);
    if (!fs.existsSync(path.join(stage, 'addin', helpFile)))
      throw new PackageError(`the help page ${helpFile} is not in the site`);
    fs.writeFileSync(path.join(stage, 'addin', 'manifest.xml'), manifest);
    fs.writeFileSync(path.join(stage, 'manifest.xml'), manifest);
    const info = await checkManifest(
      path.join(stage, 'manifest.xml'),
      base,
      path.join(stage, 'addin'),
    );
    log(
      `manifest: ${info.displayName} ${info.version}, ${info.defaultSettings.sourceLocation} (office-addin-manifest: read and checked)`,
    );

    const cliTgz = await buildCli(path.join(stage, 'cli'));

    const values = {
      URL: base,
      VERSION: PKG.version,
      MANIFEST_VERSION: info.version,
      HELP: helpFile,
      CLI_TGZ: cliTgz,
    };
    fs.writeFileSync(
      path.join(stage, 'HUONG-DAN-CAI-DAT.html'),
      fill(fs.readFileSync(path.join(TEMPLATES, 'huong-dan-cai-dat.html'), 'utf8'), values),
    );
    fs.writeFileSync(
      path.join(stage, 'VERSION.txt'),
      `Phân công ${PKG.version}\nmanifest Version ${info.version}\naddress ${base}\nhelp ${base}${helpFile}\ncommand line cli/${cliTgz}\n`,
    );
    fs.mkdirSync(path.join(stage, 'iis'));
    fs.copyFileSync(path.join(TEMPLATES, 'web.config'), path.join(stage, 'iis', 'web.config'));
    fs.mkdirSync(path.join(stage, 'nginx'));
    fs.copyFileSync(
      path.join(TEMPLATES, 'nginx-phancong.conf'),
      path.join(stage, 'nginx', 'phancong.conf'),
    );

    const archive = path.resolve(outDir, `${name}.tar.gz`);
    writeArchive(stage, archive);
    return {
      archive,
      base,
      version: PKG.version,
      manifestVersion: info.version,
      help: helpFile,
      cli: cliTgz,
    };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

function parseArgs(argv) {
  const out = { build: true, outDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') out.build = false;
    else if (argv[i] === '--out') out.outDir = path.resolve(argv[++i] ?? '');
    else throw new PackageError(`unknown argument ${argv[i]} (use --no-build, --out DIR)`);
  }
  return out;
}

if (require.main === module) {
  (async () => {
    const args = parseArgs(process.argv.slice(2));
    const result = await packageRelease({
      publicUrl: process.env.PHANCONG_PUBLIC_URL,
      ...args,
      outDir: args.outDir,
    });
    log(`version ${result.version} (manifest ${result.manifestVersion}) for ${result.base}`);
    process.stdout.write(`${result.archive}\n`);
  })().catch((e) => {
    process.stderr.write(
      `[phancong package] ${e instanceof PackageError ? e.message : e && e.stack ? e.stack : e}\n`,
    );
    process.exit(1);
  });
}

module.exports = { packageRelease, publicBase, checkManifest, PackageError };
