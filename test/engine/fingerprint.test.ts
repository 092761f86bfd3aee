/**
 * The sheet fingerprint in steps (the standalone page hashes a large sheet a few thousand rows at a
 * time, yielding between steps) is the fingerprint in one go, whatever the step.
 */
import fs from 'fs';
import path from 'path';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { fingerprintSnapshot, fingerprintSteps } from '../../src/engine/workbook';
import type { SheetSnapshot } from '../../src/engine/types';
import { generateSheet } from '../../src/tools/bench/bench-sheets';

function stepped(s: SheetSnapshot, rows?: number): { fingerprint: string; steps: number } {
  const it = fingerprintSteps(s, rows);
  let steps = 1;
  for (;;) {
    const step = it.next();
    if (step.done) return { fingerprint: step.value, steps };
    steps++;
  }
}

test('in steps it is the same fingerprint, for every fixture and a generated sheet', async () => {
  const dir = path.join(__dirname, '..', 'fixtures', 'xlsx');
  const sheets: SheetSnapshot[] = [generateSheet(9_000, 8, 3)];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')))
    sheets.push(...(await readWorkbook(fs.readFileSync(path.join(dir, f)))).sheets);
  sheets.push({ ...sheets[1], origin: { row: 4, col: 2 } });
  for (const s of sheets)
    for (const rows of [1, 7, 4000, 100_000])
      expect(stepped(s, rows).fingerprint).toBe(fingerprintSnapshot(s));
  // 9,001 rows (the header too) in steps of 4,000: three steps, two yields between them.
  expect(stepped(sheets[0]).steps).toBe(3);
  expect(stepped({ name: 'x', values: [] }).fingerprint).toBe(fingerprintSnapshot({ values: [] }));
});

test('a changed cell changes it', () => {
  const s = generateSheet(500, 6, 1);
  const changed: SheetSnapshot = { ...s, values: s.values.map((r) => [...r]) };
  changed.values[300][2] = 'khác';
  expect(stepped(changed, 50).fingerprint).not.toBe(stepped(s, 50).fingerprint);
});
