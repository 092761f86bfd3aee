/**
 * The offline manifest check (the online one is `npm run validate`, which needs Microsoft's
 * service): manifest.xml parsed by office-addin-manifest's own reader, every URL checked against
 * what webpack emits and what assets/ holds, and no remote origin but Office.js anywhere.
 */
import fs from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import type { ManifestInfo } from 'office-addin-manifest';

// The XML parser office-addin-manifest itself reads manifests with (its dependency; no types shipped).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tree xml2js returns is untyped
type XmlTree = any;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as {
  parseStringPromise(xml: string): Promise<XmlTree>;
};

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const DEV_ORIGIN = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** XML namespaces name the schemas; they are identifiers, never fetched. */
const NAMESPACE = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../webpack.config.js') as ((
  env: object,
  argv: object,
) => Promise<WebpackConfig>) & {
  PAGES: Record<string, { template: string }>;
  contentSecurityPolicy(dev: boolean): string;
  manifestVersion(version?: string): string;
};
interface WebpackConfig {
  entry: Record<string, string>;
  plugins: {
    userOptions?: { filename?: string; template?: string };
    patterns?: { from: string; to: string }[];
  }[];
}

const xml = fs.readFileSync(MANIFEST, 'utf8');

/**
 * office-addin-manifest's own reader (OfficeAddinManifest.readManifestFile), run by Node in a child
 * process: the package loads ESM-only dependencies (uuid, @microsoft/app-manifest) that Node
 * requires fine but jest's CommonJS module system cannot.
 */
function readManifestFile(): ManifestInfo {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)))';
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, MANIFEST], { cwd: ROOT, encoding: 'utf8' }),
  ) as ManifestInfo;
}

/** Everything that looks like a URL in the manifest's markup (comments and namespaces left out). */
function manifestUrls(): string[] {
  return [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/https?:\/\/[^\s"'<>]+/g)]
    .map((m) => m[0])
    .filter((u) => !NAMESPACE.test(u));
}

/** The files a production build writes (from the config itself; the build takes too long for a test). */
async function emittedFiles(): Promise<Set<string>> {
  const config = await webpackConfig({}, { mode: 'production' });
  const files = new Set<string>();
  for (const plugin of config.plugins) {
    if (plugin.userOptions?.filename) files.add(plugin.userOptions.filename);
    for (const pattern of plugin.patterns ?? []) {
      if (pattern.to.includes('[name]')) {
        const dir = path.dirname(pattern.to);
        const matches = fs
          .readdirSync(path.join(ROOT, path.dirname(pattern.from)))
          .filter((f) => f.endsWith(path.extname(pattern.from)));
        for (const f of matches) files.add(path.posix.join(dir, f));
      } else files.add(pattern.to);
    }
  }
  return files;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  test('office-addin-manifest reads it: id, version, host, permissions, locale', async () => {
    const info = readManifestFile();
    expect(info.id).toBe('c6262481-0a74-4ab1-920c-dbedbab9c051');
    // package.json's version (the build writes it into every copy too: webpack.config.js manifestFor).
    expect(info.version).toBe(webpackConfig.manifestVersion());
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultLocale).toBe('vi-VN');
    expect(info.displayName).toBe('Phân công');
    expect(info.providerName).toBeTruthy();
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(info.appDomains ?? []).toEqual([]);
  });

  test('SupportUrl points to the bundled help page (Vietnamese: what it does, versions, sideloading, privacy, limits)', async () => {
    const doc = await parseStringPromise(xml);
    const support = doc.OfficeApp.SupportUrl[0].$.DefaultValue as string;
    expect(support).toBe(`${DEV_ORIGIN}/help.html`);
    const emitted = await emittedFiles();
    expect(emitted.has('help.html')).toBe(true);
    const page = Object.entries(webpackConfig.PAGES).find(([file]) => file === 'help.html')![1];
    const html = fs.readFileSync(path.join(ROOT, page.template), 'utf8');
    expect(html).toMatch(/<html lang="vi">/);
    for (const id of ['lam-gi', 'phien-ban', 'cai-dat', 'rieng-tu', 'gioi-han'])
      expect(html).toContain(`id="${id}"`);
    for (const words of [
      'Microsoft 365',
      'Office 2021',
      'Excel trên web',
      'WebView2',
      'manifest.xml',
      'phancong check',
    ])
      expect(html).toContain(words);
    // In the production build too, when one is there (the browser suite builds it).
    const built = path.join(ROOT, 'dist', 'addin', 'help.html');
    if (fs.existsSync(built))
      expect(fs.readFileSync(built, 'utf8')).toMatch(/id="?phien-ban"?[ >]/); // minified: quotes dropped
  });

  test('requires ExcelApi 1.7 (1.8 and 1.9 are checked at run time)', async () => {
    const doc = await parseStringPromise(xml);
    const sets = doc.OfficeApp.Requirements[0].Sets[0].Set.map(
      (s: { $: { Name: string; MinVersion: string } }) => s.$,
    );
    expect(sets).toEqual([{ Name: 'ExcelApi', MinVersion: '1.7' }]);
  });

  test('every URL is https://localhost:3000/… and names a file the build emits or an icon in assets/', async () => {
    const emitted = await emittedFiles();
    const urls = manifestUrls();
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const u = new URL(url);
      expect(`${u.protocol}//${u.host}`).toBe(DEV_ORIGIN);
      const file = u.pathname.replace(/^\//, '');
      expect({ url, emitted: emitted.has(file) }).toEqual({ url, emitted: true });
      if (file.startsWith('assets/')) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    }
  });

  test('every icon exists in assets/ with the size it is declared at', async () => {
    const doc = await parseStringPromise(xml);
    const images: { $: { id: string; DefaultValue: string } }[] =
      doc.OfficeApp.VersionOverrides[0].Resources[0]['bt:Images'][0]['bt:Image'];
    const declared = images.map((i) => ({
      url: i.$.DefaultValue,
      size: Number(/(\d+)x\1/.exec(i.$.id)![1]),
    }));
    declared.push({ url: doc.OfficeApp.IconUrl[0].$.DefaultValue, size: 32 });
    declared.push({ url: doc.OfficeApp.HighResolutionIconUrl[0].$.DefaultValue, size: 64 });
    for (const { url, size } of declared) {
      const file = path.join(ROOT, new URL(url).pathname);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test('the ribbon: a Home-tab group with "Kiểm tra" and "Tổng hợp", every resid defined', async () => {
    const doc = await parseStringPromise(xml);
    const overrides = doc.OfficeApp.VersionOverrides[0];
    const form = overrides.Hosts[0].Host[0].DesktopFormFactor[0];
    const tab = form.ExtensionPoint[0].OfficeTab[0];
    expect(tab.$.id).toBe('TabHome');
    const controls = tab.Group[0].Control;
    const resources = overrides.Resources[0];
    const strings = new Map<string, string>();
    for (const kind of ['bt:ShortStrings', 'bt:LongStrings', 'bt:Urls', 'bt:Images']) {
      const list =
        resources[kind][0][
          kind === 'bt:Urls' ? 'bt:Url' : kind === 'bt:Images' ? 'bt:Image' : 'bt:String'
        ];
      for (const item of list) strings.set(item.$.id, item.$.DefaultValue);
    }
    expect(
      controls.map((c: { Label: { $: { resid: string } }[] }) => strings.get(c.Label[0].$.resid)),
    ).toEqual(['Kiểm tra', 'Tổng hợp']);
    expect(
      controls.map(
        (c: {
          Action: { $: Record<string, string>; SourceLocation: { $: { resid: string } }[] }[];
        }) => [c.Action[0].$['xsi:type'], strings.get(c.Action[0].SourceLocation[0].$.resid)],
      ),
    ).toEqual([
      ['ShowTaskpane', `${DEV_ORIGIN}/taskpane.html`],
      ['ShowTaskpane', `${DEV_ORIGIN}/taskpane.html?view=summary`],
    ]);
    // Every resid the manifest uses is defined in Resources.
    for (const m of xml.matchAll(/resid="([^"]+)"/g))
      expect({ resid: m[1], defined: strings.has(m[1]) }).toEqual({ resid: m[1], defined: true });
    // English overrides exist for every visible string.
    const overridden = [
      ...xml.matchAll(/<bt:String id="([^"]+)"[^>]*>\s*<bt:Override Locale="en-US"/g),
    ].map((m) => m[1]);
    const allStrings = [...xml.matchAll(/<bt:String id="([^"]+)"/g)].map((m) => m[1]);
    expect(overridden.sort()).toEqual(allStrings.sort());
  });
});

describe('no remote code but Office.js', () => {
  test('the pages load Office.js only through office-loader.js, only inside Office, from Microsoft’s CDN', () => {
    for (const page of Object.values(webpackConfig.PAGES)) {
      const html = fs.readFileSync(path.join(ROOT, page.template), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      // No inline script: every script has a local src and an empty body; the boot guard comes first.
      for (const [, attrs, body] of scripts) {
        expect(body.trim()).toBe('');
        expect(attrs).toMatch(/src="(boot-guard|office-loader)\.js"/);
      }
      // The help page (SupportUrl) has no script at all.
      const expected = page.template.includes('/help/')
        ? []
        : ['boot-guard.js', 'office-loader.js'];
      expect(scripts.map(([, attrs]) => /src="([^"]+)"/.exec(attrs)![1])).toEqual(expected);
      expect(html).toContain('http-equiv="Content-Security-Policy"');
      expect(html).not.toMatch(/https?:\/\//);
    }
    const loader = fs.readFileSync(path.join(ROOT, 'src/taskpane/office-loader.js'), 'utf8');
    const remote = [...loader.matchAll(/https?:\/\/[^\s'"]+/g)].map((m) => m[0]);
    expect(remote).toEqual([OFFICE_JS]);
    expect(loader).toContain('_host_Info');
  });

  test('the Content-Security-Policy allows scripts only from the page and the Office.js host', () => {
    for (const dev of [false, true]) {
      const csp = Object.fromEntries(
        webpackConfig
          .contentSecurityPolicy(dev)
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(
        csp['connect-src'].filter((s: string) => !/^wss?:\/\/localhost:3000$/.test(s)),
      ).toEqual(["'self'"]);
      if (!dev) expect(csp['connect-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['frame-src']).toEqual(["'none'"]);
      expect(JSON.stringify(csp)).not.toContain('unsafe-eval');
    }
  });

  test('no source file of the pane names a remote origin', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(tsx?|js|html)$/.test(entry.name) && entry.name !== 'office-loader.js') {
          const text = fs.readFileSync(p, 'utf8');
          for (const m of text.matchAll(/https?:\/\/[^\s'"`)]+/g))
            offenders.push(`${path.relative(ROOT, p)}: ${m[0]}`);
        }
      }
    };
    walk(path.join(ROOT, 'src/taskpane'));
    walk(path.join(ROOT, 'src/commands'));
    expect(offenders).toEqual([]);
  });
});
