/**
 * The standalone page's "Thêm cột theo dõi" and its undo (issue 12), through the pane's flows on the
 * StandaloneHost: the download holds the columns (written into the original package, as
 * `phancong track` writes its copy); after undo the sheet in memory and the download are as before —
 * values, formats, merges, validation, widths — as an undone fix leaves no trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { StandaloneHost } from '../../src/adapters/standalone/host';
import { createController } from '../../src/taskpane/state/controller';
import { readWorkbook } from '../../src/adapters/xlsx/read';

const FILE = path.join(__dirname, '..', 'fixtures', 'real', 'exceljs-plain.xlsx');
const SHEET = 'Phụ lục';

async function sheetParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const n of Object.keys(zip.files))
    if (/worksheets\/[^/]+\.xml$/.test(n)) out.set(n, await zip.files[n].async('string'));
  return out;
}

describe('standalone: tracking columns and their undo', () => {
  it('the download holds the columns; undo takes them out of the sheet and of the download', async () => {
    const bytes = new Uint8Array(fs.readFileSync(FILE));
    const host = await StandaloneHost.open(bytes, { fileName: 'plain.xlsx' });
    const controller = createController(host, { today: () => '2026-06-15' });
    await controller.loadSheets();
    await controller.check(SHEET);
    const ws = host.workbook.getWorksheet(SHEET)!;
    const widthBefore = ws.getColumn(7).width;
    const styleBefore = JSON.stringify(ws.getCell('G4').style);
    await controller.track.previewTracking();
    const plan = controller.track.getState().preview!.plan;
    expect(plan.range).toBe('G3:H9');
    await controller.track.addTracking();
    expect(controller.track.getState().undo).not.toBeNull();
    expect(ws.getCell('G3').value).toBe('Ngày hoàn thành');
    expect(ws.getCell('G4').dataValidation?.type).toBe('date');

    // The download (original package + the columns + the check's own parts).
    const withColumns = await host.checkedBytes(null, 'vi');
    const read = (await readWorkbook(withColumns)).sheets.find((s) => s.name === SHEET)!;
    expect([read.values[2][6], read.values[2][7]]).toEqual([
      'Ngày hoàn thành',
      'Kết quả / minh chứng',
    ]);
    const zipped = [...(await sheetParts(withColumns)).values()].join('');
    expect(zipped).toMatch(/type="date" operator="between"[^>]*sqref="G4:G9"/);

    await controller.track.undoTracking();
    expect(controller.track.getState().message).toMatchObject({ kind: 'success' });
    expect(controller.track.getState().undo).toBeNull();
    expect(ws.getCell('G3').value).toBeNull();
    expect(ws.getCell('G4').dataValidation).toBeUndefined();
    expect(JSON.stringify(ws.getCell('G4').style)).toBe(styleBefore);
    expect(ws.getColumn(7).width).toBe(widthBefore);
    // The check after the undo no longer sees a completion-date column.
    expect(controller.getState().report?.columns['done-date']).toBeUndefined();
    // The download after undo: every worksheet part as in the opened file.
    const after = await sheetParts(await host.checkedBytes(null, 'vi'));
    for (const [n, xml] of await sheetParts(bytes))
      expect([n, after.get(n) === xml]).toEqual([n, true]);
  });

  it('the Office host offers no undo of the columns (it cannot remove every format it adds)', async () => {
    const { createExcelFake } = await import('../fakes/excel-fake');
    const { createOfficeHost } = await import('../../src/adapters/office/host');
    const host = createOfficeHost(createExcelFake().Excel, createExcelFake().Office);
    expect(host.undoTrackingColumns).toBeUndefined();
  });
});
