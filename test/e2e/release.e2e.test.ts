/**
 * The release package (issue 18), from the archive itself: `src/tools/package.js` run as IT runs it
 * (PHANCONG_PUBLIC_URL, last line = the archive), the archive unpacked with tar, and its site served
 * under a sub-path (/phancong/addin/) by a plain static server on 127.0.0.1, opened in Debian's
 * Chromium:
 *  - the archive: the site, the manifest for the address (office-addin-manifest's reader), the help
 *    page, the IT guide, the version, the command line — installed from its tarball with no
 *    registry and run on the sample;
 *  - standalone mode with the sample, and Office mode through the real Office.js path
 *    (`_host_Info`: office-loader.js fetches Office.js from Microsoft's CDN, answered here with the
 *    Excel fake): every request stays on the server's origin and under the sub-path, but Office.js
 *    in Office mode; no service worker there;
 *  - offline: first visit online, then the network cut (context.setOffline, and the server
 *    stopped), a reload that still checks the sample and a user's file; installable (web app
 *    manifest, Chromium's own installability check);
 *  - a new version (a changed sw.js) is announced on the page, and "Tải lại" switches to it.
 * The package is built with --no-build from dist/addin (`npm test` builds it first).
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { createExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import type { SheetReport } from '../../src/engine/types';
import { t } from '../../src/messages';
import { counters } from '../../src/taskpane/state/selectors';
import {
  describeBrowser,
  launchBrowser,
  ROOT,
  serveStatic,
  type Browser,
  type StaticServer,
} from './harness';
import { buildOfficeDouble } from './office-double';

jest.setTimeout(600_000);

const PUBLIC_URL = 'https://phancong.example.vn/addin/';
const PREFIX = '/phancong/addin/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SAMPLE = path.join(ROOT, 'assets', 'sample', 'phu-luc-mau.xlsx');
const USER_FILE = path.join(ROOT, 'test', 'fixtures', 'xlsx', 'two-row-header.xlsx');
const AS_OF = '2026-05-01';
const NAMESPACE = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PKG = require('../../package.json') as { version: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestVersion } = require('../../webpack.config.js') as {
  manifestVersion(v?: string): string;
};

let work: string;
let archive: string;
/** The unpacked archive, as the web server's document root holds it: <root>/phancong/… */
let webRoot: string;
let unpacked: string;
let packageOutput: string;
let sampleReport: SheetReport;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-release-'));
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'src', 'tools', 'package.js'), '--no-build', '--out', path.join(work, 'out')],
    {
      cwd: ROOT,
      env: { ...process.env, PHANCONG_PUBLIC_URL: PUBLIC_URL },
      encoding: 'utf8',
    },
  );
  packageOutput = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`package failed (${r.status}):\n${packageOutput}`);
  archive = r.stdout.trim().split('\n').pop()!;
  webRoot = path.join(work, 'www');
  unpacked = path.join(webRoot, 'phancong');
  fs.mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
  const { sheets } = await readWorkbook(fs.readFileSync(SAMPLE));
  sampleReport = analyzeSheet(sheets[0], { asOf: AS_OF, dueSoonDays: 15, lang: 'vi' });
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** office-addin-manifest's own reader in a child process (its ESM dependencies defeat jest's loader). */
function readManifestInfo(file: string): {
  id: string;
  version: string;
  defaultSettings?: { sourceLocation?: string };
  displayName?: string;
} {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)))';
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' }),
  );
}

function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(path.join(dir, e.name), r) : [r];
  });
}

describe('the release archive', () => {
  test('one tar.gz named for the version, its path on the last line, holding the site, manifest, help, guide, version and CLI', () => {
    expect(path.isAbsolute(archive)).toBe(true);
    expect(path.basename(archive)).toBe(`phancong-${PKG.version}.tar.gz`);
    expect(fs.existsSync(archive)).toBe(true);
    const files = listFiles(unpacked);
    for (const f of [
      'addin/taskpane.html',
      'addin/commands.html',
      'addin/sw.js',
      'addin/manifest.webmanifest',
      'addin/assets/sample/phu-luc-mau.xlsx',
      'manifest.xml',
      'HUONG-DAN-CAI-DAT.html',
      'VERSION.txt',
      'iis/web.config',
      'nginx/phancong.conf',
      `cli/phancong-${PKG.version}.tgz`,
      'cli/phancong.js',
    ]) {
      expect({ file: f, present: files.includes(f) }).toEqual({ file: f, present: true });
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // The scripts carry content hashes in their names (cache-busting).
    expect(files.filter((f) => /^addin\/taskpane\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
    expect(fs.readFileSync(path.join(unpacked, 'VERSION.txt'), 'utf8')).toContain(
      `Phân công ${PKG.version}\n`,
    );
  });

  test('the manifest is for the address: office-addin-manifest reads it; every URL under the address names a file of the site', () => {
    const manifest = path.join(unpacked, 'manifest.xml');
    expect(fs.readFileSync(manifest, 'utf8')).toBe(
      fs.readFileSync(path.join(unpacked, 'addin', 'manifest.xml'), 'utf8'),
    );
    const info = readManifestInfo(manifest);
    expect(info.version).toBe(manifestVersion(PKG.version));
    expect(info.defaultSettings?.sourceLocation).toBe(`${PUBLIC_URL}taskpane.html`);
    const xml = fs.readFileSync(manifest, 'utf8');
    expect(xml).not.toContain('localhost');
    const urls = [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/https?:\/\/[^\s"'<>]+/g)]
      .map((m) => m[0])
      .filter((u) => !NAMESPACE.test(u));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(PUBLIC_URL)).toBe(true);
      const file = new URL(url).pathname.slice(new URL(PUBLIC_URL).pathname.length);
      expect({ url, exists: fs.existsSync(path.join(unpacked, 'addin', file)) }).toEqual({
        url,
        exists: true,
      });
    }
    // The help page: the manifest's SupportUrl, a page of the site in Vietnamese.
    const support = /<SupportUrl\s+DefaultValue="([^"]+)"/.exec(xml)![1];
    expect(support.startsWith(PUBLIC_URL)).toBe(true);
    const help = support.slice(PUBLIC_URL.length);
    expect(help).not.toBe('taskpane.html');
    expect(fs.readFileSync(path.join(unpacked, 'addin', help), 'utf8')).toMatch(
      /<html lang="?vi"?[ >]/,
    ); // minified: attribute quotes may be dropped
    expect(packageOutput).toContain('office-addin-manifest');
  });

  test('the IT guide is Vietnamese and written for this address and version', () => {
    const guide = fs.readFileSync(path.join(unpacked, 'HUONG-DAN-CAI-DAT.html'), 'utf8');
    expect(guide).toMatch(/<html lang="?vi"?[ >]/); // minified: attribute quotes may be dropped
    expect(guide).toContain(`${PUBLIC_URL}taskpane.html`);
    expect(guide).toContain(`phancong-${PKG.version}.tgz`);
    expect(guide).not.toMatch(/\{\{\w+\}\}/);
    expect(guide).toContain('Integrated apps');
    expect(guide).toContain('Trusted Add-in Catalogs');
  });

  test('the command line installs from the archive with no registry and checks the sample; --version is package.json’s', () => {
    const prefix = path.join(work, 'npm-prefix');
    const cache = path.join(work, 'npm-cache');
    const npmEnv = {
      ...process.env,
      npm_config_cache: cache,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    // An unreachable registry: the install must not need one.
    execFileSync(
      'npm',
      [
        'install',
        '--global',
        '--offline',
        '--prefix',
        prefix,
        path.join(unpacked, 'cli', `phancong-${PKG.version}.tgz`),
      ],
      { env: npmEnv, stdio: 'pipe' },
    );
    const bin = path.join(prefix, 'bin', 'phancong');
    expect(fs.existsSync(bin)).toBe(true);
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe(`${PKG.version}\n`);
    const check = spawnSync(bin, ['check', SAMPLE, '--as-of', AS_OF, '--json'], {
      encoding: 'utf8',
      cwd: work,
    });
    // 1: the sample has errors to fix (the CLI's documented exit code).
    expect(check.status).toBe(sampleReport.findings.some((f) => f.severity === 'error') ? 1 : 0);
    const json = JSON.parse(check.stdout) as {
      sheets: { findings: unknown[]; tasks: unknown[] }[];
    };
    expect(json.sheets[0].tasks.length).toBe(sampleReport.tasks.length);
    expect(json.sheets[0].findings.length).toBe(sampleReport.findings.length);
    // The single file runs as it is, too.
    expect(
      execFileSync(process.execPath, [path.join(unpacked, 'cli', 'phancong.js'), '--version'], {
        encoding: 'utf8',
      }),
    ).toBe(`${PKG.version}\n`);
  });
});

async function counterValues(page: Page): Promise<Record<string, number>> {
  return page.$$eval('li[data-counter]', (items) =>
    Object.fromEntries(
      items.map((li) => [
        li.getAttribute('data-counter')!,
        Number(li.textContent!.match(/\d+/)![0]),
      ]),
    ),
  );
}

async function checkNow(page: Page): Promise<void> {
  await page.getByLabel(t('vi', 'ui.asOf.label')).fill(AS_OF);
  await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
  await page.waitForSelector('[data-notice="ui.done.checked"]');
}

/** The service worker is active and controls the page. */
async function offlineReady(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
          once: true,
        }),
      );
    }
    return registration.scope;
  });
}

describeBrowser('the archive’s site under a sub-path, in Chromium', () => {
  let server: StaticServer;
  let browser: Browser | undefined;

  beforeEach(async () => {
    server = await serveStatic(webRoot);
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    await server.close();
  });

  test('standalone mode: the sample checked; every request to this origin, under the sub-path', async () => {
    browser = await launchBrowser(server.origin);
    const page = await browser.newPage();
    await page.goto(`${server.origin}${PREFIX}taskpane.html?sample=1`);
    await page.waitForSelector('[data-preview="Phụ lục 02"]');
    await checkNow(page);
    expect(await counterValues(page)).toEqual({ ...counters(sampleReport) });
    // The standalone page registers its service worker, scoped to the sub-path.
    expect(await offlineReady(page)).toBe(`${server.origin}${PREFIX}`);
    expect(server.requests.length).toBeGreaterThan(5);
    expect(server.requests.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    expect(server.requests).toEqual(
      expect.arrayContaining([
        `${PREFIX}taskpane.html`,
        `${PREFIX}sw.js`,
        `${PREFIX}manifest.webmanifest`,
      ]),
    );
    expect(browser.blocked).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  test('Office mode: Office.js from Microsoft’s CDN (answered by the Excel fake) is the only other origin; no service worker', async () => {
    const [{ sheets }, code] = await Promise.all([
      readWorkbook(fs.readFileSync(SAMPLE)),
      buildOfficeDouble(),
    ]);
    const seed = sheets[0];
    // What the Office adapter reads from a fake seeded the same way, checked by the engine.
    const fake = createExcelFake({ apiVersion: '1.13' });
    fake.addSheet(seed);
    const officeSnapshot = (await createOfficeHost(fake.Excel, fake.Office).readSheet(seed.name))
      .snapshot;
    const officeReport = analyzeSheet(officeSnapshot, { asOf: AS_OF, dueSoonDays: 15, lang: 'vi' });
    // "office.js": the fake Excel and Office objects, plus what Office.js itself provides the pane.
    const officeJs = [
      code,
      `;(function (seed) {
        var D = window.PhancongOfficeDouble;
        var fake = D.createExcelFake({ apiVersion: '1.13' });
        fake.addSheet(seed);
        var Office = fake.Office;
        Office.HostType = { Excel: 'Excel' };
        Office.onReady = function () { return Promise.resolve({ host: 'Excel', platform: 'PC' }); };
        window.Excel = fake.Excel;
        window.Office = Office;
        window.__PHANCONG_FAKE__ = fake;
      })(${JSON.stringify(seed)});`,
    ].join('\n');

    browser = await launchBrowser(server.origin);
    const remote: string[] = [];
    // Registered after the harness's block-everything route, so it answers first.
    await browser.context.route(OFFICE_JS, (route) => {
      remote.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript; charset=utf-8',
        body: officeJs,
      });
    });
    const page = await browser.newPage({ width: 420, height: 800 });
    await page.goto(
      `${server.origin}${PREFIX}taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`,
    );
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).waitFor();
    await expect(page.locator('[data-standalone]').count()).resolves.toBe(0);
    await checkNow(page);
    expect(await counterValues(page)).toEqual({ ...counters(officeReport) });

    expect(remote).toEqual([OFFICE_JS]);
    expect(browser.blocked).toEqual([]);
    expect(server.requests.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    // Never a service worker or a web manifest when Office opened the page.
    expect(server.requests.filter((p) => /sw\.js|webmanifest|standalone\./.test(p))).toEqual([]);
    await expect(
      page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
    ).resolves.toBe(0);
    expect(browser.problems).toEqual([]);
  });

  test('offline: after a first visit, the network cut and the server stopped, a reload still checks the sample and a user’s file', async () => {
    browser = await launchBrowser(server.origin);
    const page = await browser.newPage();
    const url = `${server.origin}${PREFIX}taskpane.html`;
    await page.goto(url);
    await page.waitForSelector('[data-standalone="start"]');
    await offlineReady(page);

    // Installable: Chromium's own check of the web app manifest, icons and service worker.
    const cdp = await browser.context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: unknown[];
      data?: string;
    };
    expect(manifest.url).toBe(`${server.origin}${PREFIX}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const web = JSON.parse(manifest.data!) as {
      name: string;
      short_name: string;
      lang: string;
      icons: { src: string; sizes: string }[];
    };
    expect(web.short_name).toBe('Phân công');
    expect(web.lang).toBe('vi');
    expect(web.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installability.installabilityErrors).toEqual([]);

    // No network: the browser offline, and the server gone too.
    const before = server.requests.length;
    await browser.context.setOffline(true);
    await server.close();
    await page.reload();
    await page.waitForSelector('[data-standalone="start"]');

    await page.getByRole('button', { name: t('vi', 'standalone.sample') }).click();
    await page.waitForSelector('[data-preview="Phụ lục 02"]');
    await checkNow(page);
    expect(await counterValues(page)).toEqual({ ...counters(sampleReport) });

    // A user's own file, from the disk: read and checked in the page, nothing sent.
    await page.setInputFiles('[data-testid="file-input"]', USER_FILE);
    await page.waitForSelector('[data-preview="Nhiệm vụ CCHC 2026"]');
    const { sheets } = await readWorkbook(fs.readFileSync(USER_FILE));
    const userReport = analyzeSheet(sheets[0], { asOf: AS_OF, dueSoonDays: 15, lang: 'vi' });
    await checkNow(page);
    expect(await counterValues(page)).toEqual({ ...counters(userReport) });

    expect(server.requests.length).toBe(before);
    expect(browser.blocked).toEqual([]);
    expect(browser.problems).toEqual([]);
    server = await serveStatic(webRoot); // for afterEach
  });

  test('a new version (a changed sw.js) is announced; "Tải lại" switches to it and drops the old files', async () => {
    browser = await launchBrowser(server.origin);
    const page = await browser.newPage();
    const url = `${server.origin}${PREFIX}taskpane.html`;
    await page.goto(url);
    await page.waitForSelector('[data-standalone="start"]');
    const scope = await offlineReady(page);
    const cacheNames = () => page.evaluate(() => caches.keys());
    const [oldCache] = await cacheNames();
    expect(oldCache).toMatch(
      new RegExp(
        `^phancong\\|${scope.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\|${PKG.version}\\|[0-9a-f]{12}$`,
      ),
    );
    await expect(page.locator('[data-notice="standalone.update.available"]').count()).resolves.toBe(
      0,
    );

    // The server gets a new version: sw.js with another build id.
    const sw = path.join(unpacked, 'addin', 'sw.js');
    const original = fs.readFileSync(sw, 'utf8');
    const next = original
      .replace(/build:\s*"[0-9a-f]{12}"/, 'build:"feedfacecafe"')
      .replace(/"build":\s*"[0-9a-f]{12}"/, '"build":"feedfacecafe"');
    expect(next).not.toBe(original);
    fs.writeFileSync(sw, next);
    try {
      await page.reload();
      const notice = page.locator('[data-notice="standalone.update.available"]');
      await notice.waitFor();
      await expect(notice.innerText()).resolves.toContain(t('vi', 'standalone.update.available'));
      await Promise.all([
        page.waitForEvent('load'),
        notice.getByRole('button', { name: t('vi', 'standalone.update.reload') }).click(),
      ]);
      await page.waitForSelector('[data-standalone="start"]');
      await expect(
        page.locator('[data-notice="standalone.update.available"]').count(),
      ).resolves.toBe(0);
      // The old version's files are deleted when the new one takes over.
      const want = [`phancong|${scope}|${PKG.version}|feedfacecafe`];
      let names = await cacheNames();
      for (let i = 0; i < 50 && JSON.stringify(names) !== JSON.stringify(want); i++) {
        await page.waitForTimeout(100);
        names = await cacheNames();
      }
      expect(names).toEqual(want);
    } finally {
      fs.writeFileSync(sw, original);
    }
    expect(browser.blocked).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
