/**
 * Nothing lost inside Excel: every fixture workbook (test/fixtures/xlsx and the readable hostile
 * corpus), seeded into the Excel fake, goes through every command of the Office host — check, marks
 * on, marks off, marks on again, the summary twice — and afterwards every user sheet's cells (values,
 * number formats, fonts, fills, links) are exactly as before, the add-in's marks clear completely, and
 * the only sheets created are the add-in's own.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { createExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { planMarks } from '../../src/engine/marks';
import { OWN_SHEETS } from '../../src/engine/tables';

// office-addin-manifest (pulled in by the host's dependencies) loads ESM-only modules jest does not transform.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'Excel' } }));

const FIXTURES = join(__dirname, '..', 'fixtures');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const corpus = require('../robustness/hostile-corpus.js') as {
  CORPUS: { file: string; expect: string }[];
};
const files = [
  ...readdirSync(join(FIXTURES, 'xlsx'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, 'xlsx', f)),
  ...corpus.CORPUS.filter((c) => c.expect === 'read').map((c) => join(FIXTURES, 'hostile', c.file)),
];

const ownNames = new Set<string>(Object.values(OWN_SHEETS));
const isOwnName = (n: string) => ownNames.has(n.replace(/ \(\d+\)$/, ''));

let checkedSheets = 0;
afterAll(() => {
  // Most fixtures hold an assignment table: the commands really ran on them.
  expect(checkedSheets).toBeGreaterThanOrEqual(10);
});

describe.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', (_name, file) => {
  it('every command leaves the user sheets exactly as they were', async () => {
    const wb = await readWorkbook(readFileSync(file));
    const fake = createExcelFake({ apiVersion: '1.13' });
    // Seed each sheet (the fake takes what a user's workbook holds: values, formats, bold, merges).
    for (const s of wb.sheets) fake.addSheet(s);
    const userSheets = fake.sheetNames();
    const before = Object.fromEntries(userSheets.map((n) => [n, JSON.stringify(fake.cells(n))]));
    const cfBefore = Object.fromEntries(
      userSheets.map((n) => [n, JSON.stringify(fake.sheet(n)!.cfs)]),
    );
    const host = createOfficeHost(fake.Excel, fake.Office);

    for (const name of userSheets) {
      if (isOwnName(name)) continue;
      const read = await host.readSheet(name);
      const report = analyzeSheet(read.snapshot, { asOf: '2026-11-22' });
      if (report.headerRow === null) continue;
      const plan = planMarks(report);
      await host.applyMarks(plan, read.fingerprint);
      // The marks really went on (so that clearing them below proves something).
      expect(fake.sheet(name)!.cfs.length).toBeGreaterThan(
        JSON.parse(cfBefore[name]).length + (plan.rules.length ? 0 : -1),
      );
      checkedSheets++;
      await host.clearMarks(name);
      expect(JSON.stringify(fake.sheet(name)!.cfs)).toBe(cfBefore[name]);
      await host.applyMarks(plan, read.fingerprint);
      await host.writeSummary(report, 'vi');
      await host.writeSummary(report, 'vi');
      await host.clearMarks(name);
      expect(JSON.stringify(fake.sheet(name)!.cfs)).toBe(cfBefore[name]);
    }
    for (const n of userSheets) expect(JSON.stringify(fake.cells(n))).toBe(before[n]);
    const added = fake.sheetNames().filter((n) => !userSheets.includes(n));
    for (const n of added) expect(isOwnName(n)).toBe(true);
  });
});
