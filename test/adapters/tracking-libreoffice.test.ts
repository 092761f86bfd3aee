/**
 * The tracking columns written through ExcelJS, opened and saved again by LibreOffice Calc (an
 * independent reader): the headers, the drop-down list, the date rule and the prompts survive.
 * Needs `soffice`; skipped with a message otherwise.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';
import { TRACKING_STATUSES } from '../../src/engine/tracking-columns';
import { SOFFICE, describeIfSoffice as describeIfSofficeFor } from '../helpers/libreoffice';

const describeIfSoffice = describeIfSofficeFor('the tracking-columns read-back');

describeIfSoffice('tracking columns read back by LibreOffice', () => {
  it('headers, status drop-down and date rule survive a LibreOffice round trip', async () => {
    const io = recordingIO();
    expect(
      await main(['track', 'test/fixtures/xlsx/two-row-header.xlsx', '--out', 'out.xlsx'], io),
    ).toBe(0);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-track-'));
    try {
      const dir = path.join(tmp, 'in');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'tracked.xlsx'), io.files.get('out.xlsx')!);
      execFileSync(
        SOFFICE!,
        [
          `-env:UserInstallation=file://${path.join(tmp, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          tmp,
          path.join(dir, 'tracked.xlsx'),
        ],
        { stdio: 'pipe', timeout: 120000 },
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        fs.readFileSync(path.join(tmp, 'tracked.xlsx')) as unknown as ExcelJS.Buffer,
      );
      const ws = wb.worksheets[0];
      expect(['F4', 'G4', 'H4'].map((a) => ws.getCell(a).value)).toEqual([
        'Tình trạng',
        'Ngày hoàn thành',
        'Kết quả / minh chứng',
      ]);
      const list = ws.getCell('F6').dataValidation;
      expect(list?.type).toBe('list');
      expect(String(list?.formulae?.[0])).toBe(`"${TRACKING_STATUSES.join(',')}"`);
      expect(list?.error).toBe('Chỉ chọn một tình trạng trong danh sách.');
      expect(ws.getCell('F17').dataValidation?.type).toBe('list');
      const date = ws.getCell('G6').dataValidation;
      expect(date?.type).toBe('date');
      expect(date?.errorTitle).toBe('Ngày không hợp lệ');
      // The user's table is untouched by the round trip.
      expect(ws.getCell('A4').value).toBe('TT');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 180000);
});
