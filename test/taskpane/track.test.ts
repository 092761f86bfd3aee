/**
 * The pane's tracking flows against the Office adapter on the Excel fake: preview, add the tracking
 * columns (then the sheet is checked again and reads them), refusal on a changed sheet, and the
 * reminder letters per agency (text to copy, .docx bytes).
 */
import JSZip from 'jszip';
import { createExcelFake, type SheetSeed } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import { createController } from '../../src/taskpane/state/controller';

const SHEET = 'Phụ lục';
const SEED: SheetSeed = {
  name: SHEET,
  values: [
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026', null, null, null, null],
    ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
    ['1', 'Xây dựng kế hoạch', 'Sở Tài chính', 'Sở Nội vụ', 'Tháng 1/2026'],
    ['2', 'Tổ chức hội nghị', 'Sở Nội vụ', null, '10/03/2026'],
    ['3', 'Báo cáo tổng kết', 'Sở Tài chính', null, 'Tháng 12/2026'],
  ],
};

async function setup() {
  const fake = createExcelFake();
  fake.addSheet(SEED);
  const host = createOfficeHost(fake.Excel, fake.Office);
  const controller = createController(host, { today: () => '2026-03-01' });
  await controller.loadSheets();
  await controller.check(SHEET);
  return { fake, controller };
}

describe('pane: Thêm cột theo dõi', () => {
  it('previews, adds the columns, and the re-check reads them', async () => {
    const { fake, controller } = await setup();
    expect(controller.getState().report?.columns.status).toBeUndefined();
    await controller.track.previewTracking();
    const preview = controller.track.getState().preview;
    expect(preview?.text).toContain('F2:H5');
    expect(fake.cells(SHEET).F2).toBeUndefined(); // a preview writes nothing
    await controller.track.addTracking();
    expect(controller.track.getState().message?.kind).toBe('success');
    expect(fake.cells(SHEET).F2?.v).toBe('Tình trạng');
    expect(controller.getState().report?.columns).toMatchObject({ status: 'F', 'done-date': 'G' });
  });

  it('a sheet edited after the preview is refused with a message, nothing written', async () => {
    const { fake, controller } = await setup();
    await controller.track.previewTracking();
    fake.setCell(SHEET, 'B3', 'Đã sửa');
    await controller.track.addTracking();
    expect(controller.track.getState().message).toMatchObject({ kind: 'error' });
    expect(controller.track.getState().message?.text).toContain('kiểm tra lại');
    expect(fake.cells(SHEET).F2).toBeUndefined();
  });
});

describe('pane: reminder letters', () => {
  it('one per agency with overdue or due-soon tasks, as text and as .docx', async () => {
    const { controller } = await setup();
    const list = controller.track.reminders();
    expect(list.map((r) => [r.agency, r.overdue, r.dueSoon])).toEqual([
      ['Sở Tài chính', 1, 0],
      ['Sở Nội vụ', 0, 1],
    ]);
    const text = controller.track.letterText('Sở Tài chính');
    expect(text).toContain('Kính gửi: Sở Tài chính.');
    expect(text).toContain('Xây dựng kế hoạch');
    expect(text).not.toContain('Tổ chức hội nghị');
    const file = await controller.track.letterFile('Sở Nội vụ');
    expect(file.name).toBe('don-doc-Sở-Nội-vụ.docx');
    const xml = await (
      await JSZip.loadAsync(file.bytes)
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('Tổ chức hội nghị');
    expect(xml).not.toContain('Xây dựng kế hoạch');
  });
});

describe('pane: live re-check (Worksheet onChanged on the fake)', () => {
  it('typing a status re-checks after a pause and the marks follow; the add-in’s own write does not wake it', async () => {
    const { fake, controller } = await setup();
    await controller.track.setLive(true);
    expect(controller.track.getState().live).toBe(SHEET);
    // Adding the tracking columns writes with events off: no live run.
    await controller.track.previewTracking();
    await controller.track.addTracking();
    await new Promise((r) => setTimeout(r, 600));
    await controller.track.settled();
    expect(controller.track.getState().liveRuns).toBe(0);
    await controller.applyMarks();
    const overdue = () => controller.getState().report!.tasks.find((x) => x.tt === '1')!.state;
    expect(overdue()).toBe('overdue');
    // Two quick edits: one re-check after the pause.
    fake.setCell(SHEET, 'F3', 'Đang thực hiện');
    fake.setCell(SHEET, 'F3', 'Đã hoàn thành');
    await new Promise((r) => setTimeout(r, 50));
    await controller.track.settled();
    expect(controller.track.getState().liveRuns).toBe(1);
    expect(overdue()).toBe('done');
    expect(controller.getState().report!.tasks[0].category).toBe('done-undated');
    // The marks were re-applied from the new check: row 3 no longer carries the overdue mark.
    const cfs = fake.sheet(SHEET)!.cfs.map((cf) => JSON.stringify(cf));
    expect(cfs.some((c) => c.includes('"r0":2'))).toBe(false);
    await controller.track.setLive(false);
    fake.setCell(SHEET, 'F4', 'Đã hoàn thành');
    await new Promise((r) => setTimeout(r, 600));
    expect(controller.track.getState().liveRuns).toBe(1);
  });

  it('below ExcelApi 1.7 the pane cannot watch (no error)', async () => {
    const fake = createExcelFake({ apiVersion: '1.6' });
    fake.addSheet(SEED);
    const controller = createController(createOfficeHost(fake.Excel, fake.Office), {
      today: () => '2026-03-01',
    });
    await controller.loadSheets();
    await controller.check(SHEET);
    await controller.track.setLive(true);
    expect(controller.track.getState().live).toBeNull();
  });
});
