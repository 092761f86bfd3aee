import fs from 'fs';
import path from 'path';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { warmUpEngine } from '../../src/cli/warm-up';
import type { SheetSnapshot } from '../../src/engine/types';

// The command checks a made-up appendix while the worker reads a large file (src/cli/warm-up.ts).
// The real reports must be the same with or without it: the engine keeps no state that changes
// its answers (its memo tables only hold what a text always reads as).
const DIR = path.join(__dirname, '..', 'fixtures', 'xlsx');

test('a warm-up check leaves the reports of every fixture unchanged', async () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));
  expect(files.length).toBeGreaterThan(3);
  const sheets: SheetSnapshot[] = [];
  for (const f of files)
    sheets.push(...(await readWorkbook(fs.readFileSync(path.join(DIR, f)))).sheets);
  const check = (lang: 'vi' | 'en') =>
    JSON.stringify(
      sheets.map((s) => analyzeSheet(s, { asOf: '2026-03-15', lang, dueSoonDays: 15 })),
    );
  // Jest gives each test file its own module registry: the engine here has not seen the warm-up.
  const before = { vi: check('vi'), en: check('en') };
  warmUpEngine('vi');
  warmUpEngine('en'); // once per process: a second call does nothing
  expect(check('vi')).toBe(before.vi);
  expect(check('en')).toBe(before.en);
});
