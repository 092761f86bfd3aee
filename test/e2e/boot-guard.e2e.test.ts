/**
 * The boot guard (src/taskpane/boot-guard.js) in real Chromium: a webview that lacks what the pane
 * needs is simulated by an init script that deletes a global before any page script runs (as in an
 * old EdgeHTML or Safari), or by an Internet Explorer user agent. The page must show the Vietnamese
 * message (with English) under the pages' own Content-Security-Policy, and the pane must not start.
 * With nothing missing, the guard stays silent and the pane starts as usual.
 */
import path from 'path';
import {
  describeBrowser,
  launchBrowser,
  ROOT,
  serveStatic,
  type Browser,
  type StaticServer,
} from './harness';

jest.setTimeout(120_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(path.join(ROOT, 'dist', 'addin'));
  browser = await launchBrowser(server.origin);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(() => {
  expect(browser.blocked).toEqual([]);
  // No CSP violation: the guard is a file of the page's own origin, not an inline script.
  expect(browser.problems.filter((p) => /Content Security Policy/i.test(p))).toEqual([]);
  browser.problems.length = 0;
});

describeBrowser('boot guard', () => {
  test('a missing ES2020 feature: the message shows, in Vietnamese and English, and the pane does not start', async () => {
    const page = await browser.newPage({ width: 420, height: 800 });
    await page.addInitScript(() => {
      delete (String.prototype as unknown as { matchAll?: unknown }).matchAll;
    });
    await page.goto(`${server.origin}/taskpane.html`);
    const box = page.locator('#phancong-unsupported');
    await box.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await box.getAttribute('role')).toBe('alert');
    const vi = await page.locator('#phancong-unsupported section[lang="vi"]').innerText();
    expect(vi).toContain('Phiên bản Office này chưa chạy được Phân công');
    expect(vi).toContain('String.prototype.matchAll');
    expect(vi).toMatch(/Microsoft 365/);
    expect(vi).toMatch(/Office 2021 trở lên/);
    expect(vi).toMatch(/Excel trên web/);
    expect(vi).toMatch(/WebView2/);
    expect(vi).toMatch(/phancong/);
    expect(vi).toMatch(/chế độ độc lập/);
    const en = await page.locator('#phancong-unsupported section[lang="en"]').innerText();
    expect(en).toContain('This version of Office cannot run Phân công');
    expect(
      await page.evaluate(
        () => (window as unknown as { __PHANCONG_UNSUPPORTED__?: string }).__PHANCONG_UNSUPPORTED__,
      ),
    ).toBe('feature');
    // The pane did not start: still only the guard's message in #root, a second later.
    await page.waitForTimeout(1_000);
    expect(await page.locator('#root > *').count()).toBe(1);
    await page.close();
  });

  test('an Internet Explorer user agent: the message names Internet Explorer 11', async () => {
    const context = browser.context;
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'userAgent', {
        get: () => 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
      });
    });
    await page.goto(`${server.origin}/taskpane.html`);
    const vi = page.locator('#phancong-unsupported section[lang="vi"]');
    await vi.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await vi.innerText()).toContain('Internet Explorer 11');
    await page.close();
  });

  test('nothing missing: the guard is silent and the pane starts', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForFunction(
      () => document.querySelector('#root')!.children.length > 0,
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.locator('#phancong-unsupported').count()).toBe(0);
    expect(
      await page.evaluate(
        () => (window as unknown as { __PHANCONG_UNSUPPORTED__?: string }).__PHANCONG_UNSUPPORTED__,
      ),
    ).toBeUndefined();
    await page.close();
  });
});
