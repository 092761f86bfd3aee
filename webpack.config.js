/**
 * Webpack for the Excel add-in (after Microsoft's Office-Addin-TaskPane-React template):
 * two pages, taskpane.html (the pane) and commands.html (the ribbon's function file), each with its
 * own entry; assets and the Office.js loader copied as they are.
 *
 *   npm run build      production build into dist/addin (PHANCONG_PUBLIC_URL=https://host/path/
 *                      rewrites the manifest copy there from https://localhost:3000/)
 *   npm run build:dev  development build into dist/addin
 *   npm run dev-server https://localhost:3000 with the Office dev certificates
 *                      (PHANCONG_HTTP=1: plain http, for tests and machines without the certificates)
 *
 * Office.js: the pages never name it in a <script> tag. src/taskpane/office-loader.js adds it, from
 * Microsoft's CDN, only when Office opened the page (the `_host_Info` query parameter); outside
 * Office nothing remote is loaded. The Content-Security-Policy below is written into both pages as a
 * <meta> tag: scripts only from this origin and the Office.js host, no inline script, connections
 * only to this origin (webpack's live reload included), no frames, objects or forms. Inline styles
 * are allowed because Fluent UI (Griffel) inserts its style rules at run time.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
// Release packaging (issue 18): the version, the standalone page's service worker and web manifest.
const { OfflinePlugin } = require('./src/tools/offline-plugin');
const { version: VERSION } = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** The pages' Content-Security-Policy. `dev` adds the dev server's live-reload socket. */
function contentSecurityPolicy(dev) {
  const connect = ["'self'"];
  if (dev) connect.push(`wss://localhost:${PORT}`, `ws://localhost:${PORT}`);
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // The standalone page's service worker (sw.js) and web app manifest, both from this origin.
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join('; ');
}

/** The pages webpack writes, by file name: what manifest.xml may point at. */
const PAGES = {
  'taskpane.html': { template: './src/taskpane/taskpane.html', chunks: ['taskpane'] },
  'commands.html': { template: './src/commands/commands.html', chunks: ['commands'] },
  // The manifest's SupportUrl: help in Vietnamese (what it does, Office versions, sideloading, privacy, limits). No script.
  'help.html': { template: './src/help/help.html', chunks: [] },
};

/**
 * HTTPS options for the dev server: the Office add-in dev certificates (trusted by Excel) when they
 * are installed or can be installed; null when they cannot (the caller falls back).
 */
async function devCertificates() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const {
      localhostCertificatePath,
      localhostKeyPath,
      caCertificatePath,
    } = require('office-addin-dev-certs/lib/defaults');
    if (
      [localhostCertificatePath, localhostKeyPath, caCertificatePath].every((p) => fs.existsSync(p))
    ) {
      return {
        ca: fs.readFileSync(caCertificatePath),
        cert: fs.readFileSync(localhostCertificatePath),
        key: fs.readFileSync(localhostKeyPath),
      };
    }
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, cert: options.cert, key: options.key };
  } catch (error) {
    console.warn(
      '[phancong] Không dùng được chứng chỉ phát triển của Office; máy chủ dùng chứng chỉ tự ký (Excel sẽ không tin).\n' +
        '[phancong] Office dev certificates unavailable; the server uses a self-signed certificate (Excel will not trust it).\n' +
        `[phancong] ${error && error.message ? error.message.split('\n')[0] : error}\n` +
        '[phancong] Run: npx office-addin-dev-certs install — or set PHANCONG_HTTP=1 for plain http.',
    );
    return null;
  }
}

async function devServerOptions() {
  const server =
    process.env.PHANCONG_HTTP === '1'
      ? { type: 'http' }
      : { type: 'https', options: (await devCertificates()) ?? undefined };
  return {
    port: PORT,
    host: 'localhost',
    server,
    hot: false,
    liveReload: true,
    client: { overlay: { errors: true, warnings: false } },
    // Excel on the web loads the pane from another origin: let it fetch the add-in's files.
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
  };
}

/** package.json's version as an Office manifest version (n.n.n.n): 0.1.0 → 0.1.0.0. */
function manifestVersion(version = VERSION) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!m) throw new Error(`package.json version "${version}" is not x.y.z`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/**
 * The manifest as copied into the build: https://localhost:3000/ → PHANCONG_PUBLIC_URL when set;
 * <Version> from package.json, so that Office sees every release as an update.
 */
function manifestFor(content, url = process.env.PHANCONG_PUBLIC_URL) {
  let text = content
    .toString()
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion()}</Version>`);
  if (url) text = text.split(DEV_URL).join(url.endsWith('/') ? url : `${url}/`);
  return Buffer.from(text);
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const csp = contentSecurityPolicy(dev);
  const config = {
    mode: dev ? 'development' : 'production',
    // No eval-based source maps: the CSP forbids eval.
    devtool: 'source-map',
    entry: {
      // The page's entry picks Office or standalone mode (src/entry); the output keeps the pane's name.
      taskpane: './src/entry/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].[contenthash:8].js',
      // The standalone page's chunk (ExcelJS, the preview), loaded with import() outside Office only.
      chunkFilename: '[name].[contenthash:8].js',
      // The version salts the hashes: a new version gets new file names even where code is unchanged.
      hashSalt: VERSION,
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      ...Object.entries(PAGES).map(
        ([filename, page]) =>
          new HtmlWebpackPlugin({
            filename,
            template: page.template,
            chunks: page.chunks,
            scriptLoading: 'defer',
            csp,
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The sample appendix the standalone page offers ("Dùng phụ lục mẫu"), fetched from this origin.
          { from: 'assets/sample/*.xlsx', to: 'assets/sample/[name][ext]' },
          { from: 'src/taskpane/office-loader.js', to: 'office-loader.js' },
          // ES5, run before everything else: explains an Office webview that cannot run the pane (IE, EdgeHTML).
          { from: 'src/taskpane/boot-guard.js', to: 'boot-guard.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestFor(content),
          },
        ],
      }),
      // Production only: a service worker would keep serving stale files to the dev server.
      ...(dev ? [] : [new OfflinePlugin({ version: VERSION })]),
    ],
    performance: { hints: false },
  };
  if (env.WEBPACK_SERVE) config.devServer = await devServerOptions();
  return config;
};

module.exports.PAGES = PAGES;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_JS_ORIGIN = OFFICE_JS_ORIGIN;
module.exports.manifestVersion = manifestVersion;
module.exports.manifestFor = manifestFor;
module.exports.DEV_URL = DEV_URL;
