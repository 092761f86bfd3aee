/**
 * The release's building blocks, without a build (the archive itself is tested in
 * test/e2e/release.e2e.test.ts): versions follow package.json (manifest <Version>, hashed file
 * names, `phancong --version`), the manifest is rewritten for an address, the release address is
 * checked, and the service worker keeps exactly what the standalone page may load.
 */
import fs from 'fs';
import path from 'path';
import { main } from '../src/cli/main';
import { recordingIO } from './helpers/cli-io';

const ROOT = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PKG = require('../package.json') as { version: string; scripts: Record<string, string> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as ((
  env: object,
  argv: object,
) => Promise<{ output: Record<string, unknown>; plugins: object[] }>) & {
  manifestVersion(v?: string): string;
  manifestFor(content: Buffer, url?: string): Buffer;
  DEV_URL: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { publicBase } = require('../src/tools/package.js') as {
  publicBase(url: string | undefined): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { offlineFiles, OfflinePlugin } = require('../src/tools/offline-plugin.js') as {
  offlineFiles(names: string[]): string[];
  OfflinePlugin: new (o: object) => object;
};

describe('versions follow package.json', () => {
  test('manifest Version: x.y.z → x.y.z.0; anything else is refused', () => {
    expect(webpackConfig.manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(webpackConfig.manifestVersion('2.13.4-beta.1')).toBe('2.13.4.0');
    expect(() => webpackConfig.manifestVersion('2.1')).toThrow(/not x\.y\.z/);
    expect(webpackConfig.manifestVersion()).toBe(`${PKG.version}.0`);
  });

  test('the production build salts content hashes with the version and writes the service worker', async () => {
    const config = await webpackConfig({}, { mode: 'production' });
    expect(config.output.hashSalt).toBe(PKG.version);
    expect(config.output.filename).toContain('[contenthash');
    expect(config.output.chunkFilename).toContain('[contenthash');
    expect(config.plugins.some((p) => p instanceof OfflinePlugin)).toBe(true);
    // Not in development: a worker would serve stale files to the dev server.
    const dev = await webpackConfig({}, { mode: 'development' });
    expect(dev.plugins.some((p) => p instanceof OfflinePlugin)).toBe(false);
  });

  test('phancong --version prints package.json’s version', async () => {
    const io = recordingIO();
    await expect(main(['--version'], io)).resolves.toBe(0);
    expect(io.out).toBe(`${PKG.version}\n`);
  });

  test('npm run package runs the release script', () => {
    expect(PKG.scripts.package).toBe('node src/tools/package.js');
  });
});

describe('the manifest for an address', () => {
  const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'));

  test('every dev URL points at the address, and the Version is the package’s', () => {
    const xml = webpackConfig.manifestFor(source, 'https://so.example.vn/pc/addin').toString();
    expect(xml).not.toContain(webpackConfig.DEV_URL);
    expect(xml).toContain(
      '<SourceLocation DefaultValue="https://so.example.vn/pc/addin/taskpane.html"/>',
    );
    expect(xml).toContain(`<Version>${PKG.version}.0</Version>`);
    const devUrls = source.toString().split(webpackConfig.DEV_URL).length - 1;
    expect(xml.split('https://so.example.vn/pc/addin/').length - 1).toBe(devUrls);
  });

  test('the release address: https only, no query or fragment, one trailing slash', () => {
    expect(publicBase('https://phancong.example.vn/addin')).toBe(
      'https://phancong.example.vn/addin/',
    );
    expect(publicBase('https://phancong.example.vn/addin/')).toBe(
      'https://phancong.example.vn/addin/',
    );
    expect(() => publicBase(undefined)).toThrow(/PHANCONG_PUBLIC_URL is not set/);
    expect(() => publicBase('http://phancong.example.vn/addin/')).toThrow(/must be https/);
    expect(() => publicBase('https://phancong.example.vn/addin/?x=1')).toThrow(/no query/);
    expect(() => publicBase('not a url')).toThrow(/is not a URL/);
  });
});

describe('what the service worker keeps', () => {
  test('the standalone page’s files; not source maps, license notes, manifest.xml, the Office-only commands or itself', () => {
    const emitted = [
      'taskpane.html',
      'taskpane.1a2b3c4d.js',
      'taskpane.1a2b3c4d.js.map',
      'taskpane.1a2b3c4d.js.LICENSE.txt',
      'standalone.5e6f7a8b.js',
      '386.0badf00d.js',
      'commands.html',
      'commands.9c8d7e6f.js',
      'office-loader.js',
      'manifest.xml',
      'manifest.webmanifest',
      'sw.js',
      'assets/icon-32.png',
      'assets/icon-192.png',
      'assets/sample/phu-luc-mau.xlsx',
    ];
    expect(offlineFiles(emitted)).toEqual([
      '386.0badf00d.js',
      'assets/icon-192.png',
      'assets/icon-32.png',
      'assets/sample/phu-luc-mau.xlsx',
      'manifest.webmanifest',
      'office-loader.js',
      'standalone.5e6f7a8b.js',
      'taskpane.1a2b3c4d.js',
      'taskpane.html',
    ]);
  });

  test('the web app manifest: Vietnamese name, the add-in’s icon at 192 and 512 px, relative to the page', () => {
    const web = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'src', 'standalone', 'app.webmanifest'), 'utf8'),
    );
    expect(web).toMatchObject({
      short_name: 'Phân công',
      lang: 'vi',
      start_url: './taskpane.html',
      scope: './',
      display: 'standalone',
    });
    for (const icon of web.icons as { src: string; sizes: string }[]) {
      expect(icon.src.startsWith('/')).toBe(false);
      const buf = fs.readFileSync(path.join(ROOT, icon.src));
      expect(`${buf.readUInt32BE(16)}x${buf.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });
});

describe('hosting samples shipped in the archive', () => {
  const TEMPLATES = path.join(ROOT, 'src', 'tools', 'package');

  test('IIS web.config: well-formed, the content types a default IIS may lack, no-cache, nothing that stops framing', async () => {
    // The XML parser office-addin-manifest reads manifests with (its dependency; no types shipped).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tree xml2js returns is untyped
    type XmlTree = any;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseStringPromise } = require('xml2js') as {
      parseStringPromise(xml: string): Promise<XmlTree>;
    };
    const text = fs.readFileSync(path.join(TEMPLATES, 'web.config'), 'utf8');
    const doc = await parseStringPromise(text);
    const content = doc.configuration['system.webServer'][0].staticContent[0];
    const types = Object.fromEntries(
      content.mimeMap.map((m: { $: { fileExtension: string; mimeType: string } }) => [
        m.$.fileExtension,
        m.$.mimeType,
      ]),
    );
    expect(types).toMatchObject({
      '.webmanifest': 'application/manifest+json',
      '.json': 'application/json',
      '.xml': 'application/xml',
    });
    // Every mimeMap is preceded by a remove (IIS refuses a duplicate extension).
    expect(
      content.remove.map((r: { $: { fileExtension: string } }) => r.$.fileExtension).sort(),
    ).toEqual(Object.keys(types).sort());
    expect(content.clientCache[0].$.cacheControlMode).toBe('DisableCache');
    expect(text.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(
      /X-Frame-Options|frame-ancestors|<rewrite>/i,
    );
  });

  test('nginx: hashed scripts kept a year, everything else revalidated, .webmanifest typed, nothing that stops framing', () => {
    const conf = fs.readFileSync(path.join(TEMPLATES, 'nginx-phancong.conf'), 'utf8');
    const directives = conf.replace(/#.*$/gm, '');
    expect(directives).toContain('location ~ "\\.[0-9a-f]{8}\\.js$"');
    expect(directives).toContain('public, max-age=31536000, immutable');
    expect(directives).toContain('add_header Cache-Control "no-cache" always;');
    expect(directives).toContain('default_type application/manifest+json;');
    expect(directives).not.toMatch(/X-Frame-Options|frame-ancestors/i);
  });
});
