/** addDraftSheet: the appendix as a new sheet of an open ExcelJS workbook (the standalone page's host). */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { addDraftSheet } from '../../src/adapters/xlsx/draft-writer';
import { extractPlan } from '../../src/engine/plan-text/extract';

const draft = extractPlan(
  readFileSync(join(__dirname, '../fixtures/seeds/000-lao-cai-ke-hoach-2026.txt'), 'utf8'),
);

describe('addDraftSheet', () => {
  test('adds a new sheet, never over an existing one (case-insensitive), in the standard layout', () => {
    const wb = new ExcelJS.Workbook();
    const user = wb.addWorksheet('phụ lục (DỰ THẢO)');
    user.getCell('A1').value = 'của người dùng';
    expect(addDraftSheet(wb, draft, 'vi', 'Phụ lục (dự thảo)')).toBe('Phụ lục (dự thảo) (2)');
    expect(addDraftSheet(wb, draft, 'vi', 'Phụ lục (dự thảo)')).toBe('Phụ lục (dự thảo) (3)');
    expect(addDraftSheet(wb, draft, 'vi')).toBe('Phụ lục');
    expect(user.getCell('A1').value).toBe('của người dùng');
    const ws = wb.getWorksheet('Phụ lục (dự thảo) (2)')!;
    expect(ws.getCell('A1').value).toBe('PHÂN CÔNG NHIỆM VỤ');
    expect(ws.getCell('B4').value).toBe('Nhiệm vụ');
    const status: number[] = [];
    ws.eachRow((row, r) => {
      if (r > 4 && row.getCell(7).dataValidation) status.push(r);
    });
    expect(status).toHaveLength(13);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });
});
