#!/usr/bin/env node
/**
 * README picture of a reminder letter: `node src/tools/render-letter.js letter.docx out.png`.
 * The .docx's text and tables (mammoth → HTML), page width and fonts of Nghị định 30/2020/NĐ-CP,
 * screenshot by Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH). Used where LibreOffice
 * Writer is not installed; Word's page layout (line breaks, spacing) differs a little.
 */
const mammoth = require('mammoth');
const { chromium } = require('playwright-core');

(async () => {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: render-letter.js letter.docx out.png');
  const { value } = await mammoth.convertToHtml({ path: input });
  const css = [
    'body{font-family:"Times New Roman","Liberation Serif",serif;font-size:14pt;width:165mm;margin:20mm 15mm 20mm 30mm;line-height:1.3}',
    'table{border-collapse:collapse;font-size:13pt;width:100%}td,th{padding:2px 5px;vertical-align:top}p{margin:4px 0}',
    // The letter's task table has borders; the header and signature blocks are layout tables without.
    'table.tasks td,table.tasks th{border:1px solid #000;font-size:12pt}',
  ].join('');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width: 860, height: 1000 } });
  await page.setContent(`<!doctype html><meta charset="utf-8"><style>${css}</style>${value}`);
  await page.evaluate(() => {
    for (const t of document.querySelectorAll('table'))
      if (/^\s*TT\b/.test(t.rows[0]?.cells[0]?.textContent ?? '')) t.classList.add('tasks');
  });
  await page.screenshot({ path: output, fullPage: true });
  await browser.close();
})().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
