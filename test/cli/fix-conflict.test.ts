/** `phancong fix` with two fixes on one cell (a conflict built by test/helpers/test-fixes.ts): the first wins, the other is reported as skipped. */
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

jest.mock('../../src/engine/analyze', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.mock factories run before the imports
  return require('../helpers/test-fixes').analyzeModuleWithConflict();
});

test('the later of two fixes on one cell is skipped whole and said so', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KH');
  ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
  ws.addRow(['I', 'Mục một']);
  ws.addRow(['1', 'Việc <b>một</b>', 'Sở Tài chính', 'Quý IV/2026']);
  const io = recordingIO();
  io.files.set('in.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(await main(['fix', 'in.xlsx', '--out', 'out.xlsx'], io)).toBe(0);
  expect(io.out).toContain('B3: "Việc <b>một</b>" → "Việc một"');
  expect(io.out).toContain(
    'Bỏ qua [url-in-cell] B3: trùng ô B3 với [markup-in-cell] B3 đã sửa trước',
  );
  expect(io.out).toContain('Tổng: 1 cách sửa, 1 ô, 1 bỏ qua.');
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(io.files.get('out.xlsx')! as unknown as ExcelJS.Buffer);
  expect(out.getWorksheet('KH')!.getCell('B3').value).toBe('Việc một');
});
