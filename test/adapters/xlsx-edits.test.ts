/**
 * Fix edits with ExcelJS (src/adapters/xlsx/edits.ts), used by the standalone host and `phancong
 * fix`: only the listed cells change, formats stay, undo restores every touched cell exactly, and
 * both refuse when the cells are not what they expect. The standalone host adds the fingerprint check.
 */
import ExcelJS from 'exceljs';
import { applyEditBatch, undoEditBatch } from '../../src/adapters/xlsx/edits';
import { sheetSnapshot } from '../../src/adapters/xlsx/read';
import { StandaloneHost } from '../../src/adapters/standalone';
import { fingerprintSnapshot } from '../../src/engine/workbook';
import { EditsChangedError, StaleSheetError, type EditBatch } from '../../src/host/types';

const S = 'Phụ lục';

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(S);
  ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn']);
  ws.addRow([
    '1.',
    { richText: [{ text: 'Xây dựng ', font: { bold: true } }, { text: '<b>kế hoạch</b>' }] },
    'Sở Tài chính',
    '30/6',
  ]);
  ws.addRow(['2', 'Tổ chức hội nghị', null, new Date(Date.UTC(2026, 5, 30))]);
  ws.addRow(['3', 'Báo cáo', null, 'Quý IV']);
  ws.getCell('A2').numFmt = '@';
  ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('C3').border = { left: { style: 'thin' } };
  ws.getCell('C4').font = { italic: true };
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  ws.mergeCells('A5:D5');
  ws.getCell('A5').value = 'Ghi chú';
  return wb;
}

/** Every cell's value, style and the merges, comparable with toEqual. */
function dump(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const entry = JSON.parse(
        JSON.stringify({
          v: cell.isMerged && cell.master !== cell ? '(merged)' : cell.value,
          s: cell.style ?? {},
        }),
      );
      // Cells that reading created (empty, no style) are not part of the sheet.
      if (entry.v !== null || Object.keys(entry.s).length > 0) cells[cell.address] = entry;
    }),
  );
  return {
    cells,
    merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
  };
}

const BATCH: EditBatch = {
  sheet: S,
  edits: [
    { sheet: S, cell: 'A2', before: '1.', after: '1' },
    { sheet: S, cell: 'B2', before: 'Xây dựng <b>kế hoạch</b>', after: 'Xây dựng kế hoạch' },
    { sheet: S, cell: 'C3', before: null, after: '=Sở Tài chính' },
    { sheet: S, cell: 'C4', before: null, after: null },
  ],
  merges: ['C3:C4'],
};

describe('xlsx edits', () => {
  test('apply writes only the listed cells and merges, keeps every format; undo restores everything exactly', () => {
    const wb = book();
    const ws = wb.getWorksheet(S)!;
    const original = dump(ws);
    const { record, raw } = applyEditBatch(ws, BATCH);

    const after = dump(ws);
    const touched = new Set(['A2', 'B2', 'C3', 'C4']);
    for (const [addr, cell] of Object.entries(original.cells))
      if (!touched.has(addr)) expect([addr, after.cells[addr]]).toEqual([addr, cell]);
    // Styles of the touched cells are their own (no style copied from the merge's top-left cell).
    for (const addr of touched)
      expect([addr, (after.cells[addr] as { s: unknown }).s]).toEqual([
        addr,
        (original.cells[addr] as { s: unknown }).s,
      ]);
    expect(after.merges).toEqual(['A5:D5', 'C3:C4']);
    const snap = sheetSnapshot(ws);
    expect(snap.values[1].slice(0, 2)).toEqual(['1', 'Xây dựng kế hoạch']);
    expect([snap.values[2][2], snap.values[3][2]]).toEqual(['=Sở Tài chính', null]);
    expect(ws.getCell('C3').type).toBe(ExcelJS.ValueType.String); // text, not a formula
    expect(record).toEqual({
      sheet: S,
      cells: [
        { cell: 'A2', before: '1.', numberFormat: '@', after: '1' },
        {
          cell: 'B2',
          before: 'Xây dựng <b>kế hoạch</b>',
          numberFormat: 'General',
          after: 'Xây dựng kế hoạch',
        },
        { cell: 'C3', before: null, numberFormat: 'General', after: '=Sở Tài chính' },
        { cell: 'C4', before: null, numberFormat: 'General', after: null },
      ],
      merges: ['C3:C4'],
    });

    undoEditBatch(ws, record, raw);
    expect(dump(ws)).toEqual(original);
    // Rich text is back as rich text.
    expect((ws.getCell('B2').value as ExcelJS.CellRichTextValue).richText[0].font?.bold).toBe(true);
  });

  test('the applied workbook survives a save and reload with its values and merges', async () => {
    const wb = book();
    applyEditBatch(wb.getWorksheet(S)!, BATCH);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
    const ws = again.getWorksheet(S)!;
    expect(ws.getCell('C3').value).toBe('=Sở Tài chính');
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(sheetSnapshot(ws).merges).toEqual(
      expect.arrayContaining([{ top: 2, left: 2, bottom: 3, right: 2 }]),
    );
  });

  test('apply refuses (nothing written) when a cell no longer holds its before value or a merge cell is merged', () => {
    const wb = book();
    const ws = wb.getWorksheet(S)!;
    const original = dump(ws);
    const stale = {
      ...BATCH,
      edits: [{ sheet: S, cell: 'C2', before: 'Sở Nội vụ', after: 'x' }, ...BATCH.edits],
    };
    expect(() => applyEditBatch(ws, stale)).toThrow(EditsChangedError);
    expect(() => applyEditBatch(ws, { sheet: S, edits: [], merges: ['B5:B6'] })).toThrow(
      expect.objectContaining({ cells: ['B5'] }),
    );
    expect(dump(ws)).toEqual(original);
  });

  test('undo refuses when a touched cell changed since, or the merge was undone by hand', () => {
    const wb = book();
    const ws = wb.getWorksheet(S)!;
    const { record, raw } = applyEditBatch(ws, BATCH);
    ws.getCell('A2').value = 'sửa tay';
    expect(() => undoEditBatch(ws, record, raw)).toThrow(
      expect.objectContaining({ name: 'EditsChangedError', cells: ['A2'] }),
    );
    ws.getCell('A2').value = '1';
    ws.unMergeCells('C3:C4');
    expect(() => undoEditBatch(ws, record, raw)).toThrow(
      expect.objectContaining({ cells: ['C3', 'C4'] }),
    );
  });

  test('the standalone host checks the fingerprint first, then applies; undo goes back to the same fingerprint', async () => {
    const wb = book();
    const host = new StandaloneHost(wb, { fileName: 'x.xlsx' });
    const read = await host.readSheet(S);
    wb.getWorksheet(S)!.getCell('D4').value = 'Quý III';
    await expect(host.applyEdits(BATCH, read.fingerprint)).rejects.toBeInstanceOf(StaleSheetError);
    wb.getWorksheet(S)!.getCell('D4').value = 'Quý IV';
    const version = host.preview().version;
    const record = await host.applyEdits(BATCH, read.fingerprint);
    expect(host.preview().version).toBe(version + 1);
    expect((await host.readSheet(S)).snapshot.values[2][2]).toBe('=Sở Tài chính');
    await host.undoEdits(record);
    expect(fingerprintSnapshot(sheetSnapshot(wb.getWorksheet(S)!))).toBe(read.fingerprint);
    expect(dump(wb.getWorksheet(S)!)).toEqual(dump(book().getWorksheet(S)!));
  });
});
