/**
 * The pane at its narrowest (320 px, Excel's smallest task pane) in real Chromium: every finding's
 * cell address is whole inside its button (it used to be cut off at the pane's left edge), and the
 * as-of date shows day/month/year.
 */
import path from 'path';
import { t } from '../../src/messages';
import {
  describeBrowser,
  launchBrowser,
  ROOT,
  serveStatic,
  type Browser,
  type StaticServer,
  findingsDrawn,
} from './harness';

jest.setTimeout(180_000);

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
  expect(browser.problems).toEqual([]);
});

describeBrowser('the pane at 320 px (real Chromium)', () => {
  test('cell addresses in the findings list are whole, inside their buttons and the pane', async () => {
    const page = await browser.newPage({ width: 320, height: 800 });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector('[data-standalone]');
    await page.getByRole('button', { name: t('vi', 'standalone.sample') }).click();
    await page.waitForSelector('[data-standalone="workbook"] [data-preview="Phụ lục 02"]');
    const asOf = page.getByLabel(t('vi', 'ui.asOf.label'));
    expect(await asOf.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await asOf.fill('01/05/2026');
    await page.getByRole('button', { name: t('vi', 'ui.check.button'), exact: true }).click();
    await page.waitForSelector('[data-notice="ui.done.checked"]');
    await findingsDrawn(page);
    const boxes = await page.$$eval('[data-finding] button[data-goto]', (buttons) =>
      buttons.map((b) => {
        const cell = b.querySelector('[data-cell]') as HTMLElement;
        const r = cell.getBoundingClientRect();
        const br = b.getBoundingClientRect();
        // The text's own extent (a span may be wider or narrower than its box).
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tr = range.getBoundingClientRect();
        return {
          cell: cell.textContent,
          left: Math.min(r.left, tr.left),
          right: Math.max(r.right, tr.right),
          buttonLeft: br.left,
          buttonRight: br.right,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThan(5);
    const cut = boxes.filter(
      (b) => b.left < b.buttonLeft - 0.5 || b.right > b.buttonRight + 0.5 || b.left < 0,
    );
    expect(cut).toEqual([]);
    await page.close();
  });
});
