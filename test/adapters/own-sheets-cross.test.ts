/**
 * Own sheets written by one adapter are the add-in's own for the other (issue 14's bug): a workbook
 * checked with `phancong check --out` (ExcelJS) and then opened in Excel must have its summary sheets
 * replaced, not offered as user sheets and written beside as "PC Tổng hợp (2)"; and the reverse.
 */
import ExcelJS from 'exceljs';
import { createExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { ownNameFor, OWN_KINDS } from '../../src/adapters/office/own';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { OWN_SHEETS, ownKindOfName, ownMarkerName } from '../../src/engine/tables';
import { AS_OF, USER_SHEET, buildUserWorkbook, check } from './xlsx-write.fixture';

jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'Excel' } }));

/** The workbook's defined names as [name, sheet] (ExcelJS's model: ranges like "'PC Nhiệm vụ'!$A$1"). */
function definedNames(wb: ExcelJS.Workbook): [string, string][] {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] })
    .model;
  return model.flatMap((n) =>
    n.ranges.map(
      (r) =>
        [n.name, r.slice(0, r.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'")] as [
          string,
          string,
        ],
    ),
  );
}

test('the marker name is one definition: written lower-case, read in any case', () => {
  expect(ownMarkerName('tasks')).toBe('PhanCong_Own_tasks');
  expect(ownKindOfName('PhanCong_Own_Tasks')).toBe('tasks');
  expect(ownKindOfName('phancong_own_FINDINGS')).toBe('findings');
  expect(ownKindOfName('PhanCong_Own_')).toBeNull();
  expect(ownKindOfName('PhanCong_Own_other')).toBeNull();
  expect(ownKindOfName('Tasks')).toBeNull();
  for (const kind of OWN_KINDS) expect(ownNameFor(kind)).toBe(ownMarkerName(kind));
});

test('written by the .xlsx writer, recognised by the Office adapter: the summary replaces them', async () => {
  const { out } = await check(await buildUserWorkbook());
  const { sheets, workbook } = await readWorkbook(out);
  const names = definedNames(workbook).filter(([n]) => ownKindOfName(n) !== null);
  expect(names.length).toBe(Object.keys(OWN_SHEETS).length);

  const fake = createExcelFake({ apiVersion: '1.13' });
  for (const s of sheets) fake.addSheet(s);
  // The names as Excel opens them from the file: no comment (ExcelJS cannot write one).
  for (const [name, sheet] of names) {
    const target = fake.book.sheets.find((s) => s.name === sheet)!;
    fake.book.names.push({
      name,
      comment: '',
      ref: { sheetId: target.id, area: { r0: 0, c0: 0, r1: 0, c1: 0 } },
    });
  }
  const host = createOfficeHost(fake.Excel, fake.Office);
  const listed = await host.listSheets();
  const ownSheets = listed.filter((s) => s.own).map((s) => s.name);
  expect(ownSheets.sort()).toEqual(names.map(([, sheet]) => sheet).sort());
  // The user's sheet named like the summary sheet stays the user's.
  expect(listed.find((s) => s.name === OWN_SHEETS.summary)!.own).toBe(false);

  const before = fake.sheetNames().length;
  const report = analyzeSheet((await host.readSheet(USER_SHEET)).snapshot, { asOf: AS_OF });
  await host.writeSummary(report, 'vi');
  // Replaced in place: no "(3)" beside the "(2)" the xlsx writer had to use, no new sheets.
  expect(fake.sheetNames().length).toBe(before);
  expect(fake.sheetNames().filter((n) => / \(3\)$/.test(n))).toEqual([]);
  expect(fake.cells(OWN_SHEETS.summary).B2).toMatchObject({ v: 42 });
});

test('written by the Office adapter, recognised by the .xlsx writer: check --out replaces them', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await buildUserWorkbook()) as unknown as ExcelJS.Buffer);
  // Own sheets as the Office adapter leaves them: its marker names (lower-case kinds) on A1.
  wb.removeWorksheet(wb.getWorksheet(OWN_SHEETS.summary)!.id); // no clash in this direction
  for (const kind of OWN_KINDS) {
    const ws = wb.addWorksheet(OWN_SHEETS[kind]);
    ws.getCell('A1').value = `old ${kind}`;
    wb.definedNames.add(`'${OWN_SHEETS[kind]}'!$A$1`, ownNameFor(kind));
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const { out } = await check(bytes);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
  const sheetNames = back.worksheets.map((w) => w.name);
  expect(sheetNames.filter((n) => / \(\d+\)$/.test(n))).toEqual([]);
  expect(sheetNames.sort()).toEqual([USER_SHEET, ...Object.values(OWN_SHEETS)].sort());
  for (const kind of OWN_KINDS)
    expect(back.getWorksheet(OWN_SHEETS[kind])!.getCell('A1').value).not.toBe(`old ${kind}`);
});
