/**
 * Real Excel's rules, as the fake models them (test/fakes/excel-fake.ts: each rule cites Microsoft's
 * documentation there), and the Office adapter held to them (issue 16): text that Excel would turn into
 * formulas or numbers, the 5 MB payload limits, one namespace for table and defined names, the reserved
 * sheet name "History", and a summary write that fails without losing the previous summary.
 */
import {
  createExcelFake,
  FakeOfficeError,
  PAYLOAD_BYTE_LIMIT,
  payloadBytes,
  type ExcelFake,
  type SheetSeed,
} from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';
import {
  cellWrite,
  toExcelValue,
  wouldCoerce,
  jsonBytes,
  chunkRows,
  PAYLOAD_BUDGET,
} from '../../src/adapters/office/values';
import { analyzeSheet } from '../../src/engine/analyze';
import { planMarks } from '../../src/engine/marks';
import { buildTaskTable, OWN_MARKER, OWN_SHEETS } from '../../src/engine/tables';

async function write(
  fake: ExcelFake,
  sheet: string,
  address: string,
  values: unknown[][],
  numberFormat?: string[][],
) {
  await fake.Excel.run(async (ctx: Excel.RequestContext) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    if (numberFormat) range.numberFormat = numberFormat;
    range.values = values;
    await ctx.sync();
  });
}

/* ------------------------------------------------------------------ the fake's rules */

describe('Excel fake: value coercion on writing values', () => {
  const texts = [
    '=1+1',
    '- Tổ chức hội nghị',
    '+ Bổ sung',
    '-5',
    '+1.5',
    '1.10',
    '01',
    '1,10',
    '30/6/2026',
    '2018-12-31',
    '8:30',
    'TRUE',
    'false',
    "'=x",
    'Quý I/2026',
  ];

  test('without a text format: formulas from = + -, numbers, dates, booleans; the rest and an apostrophe kept as written', async () => {
    const fake = createExcelFake();
    fake.addSheet({ name: 'S', values: [] });
    await write(
      fake,
      'S',
      `A1:A${texts.length}`,
      texts.map((t) => [t]),
    );
    const cells = fake.cells('S');
    expect(cells.A1).toEqual({ v: '#NAME?', err: true, formula: '=1+1' });
    expect(cells.A2).toMatchObject({ err: true, formula: '- Tổ chức hội nghị' });
    expect(cells.A3).toMatchObject({ err: true, formula: '+ Bổ sung' });
    expect(cells.A4.v).toBe(-5);
    expect(cells.A5.v).toBe(1.5);
    expect(cells.A6.v).toBe(1.1); // "1.10" loses its trailing zero
    expect(cells.A7.v).toBe(1); // "01" loses its leading zero
    expect(cells.A8.v).toBe(1.1); // stricter than Excel: every locale's separator
    expect(cells.A9).toEqual({ v: 46203, nf: 'm/d/yyyy' }); // 2026-06-30
    expect(cells.A10).toEqual({ v: 43465, nf: 'm/d/yyyy' }); // 2018-12-31 (office-js #229)
    expect(typeof cells.A11.v).toBe('number');
    expect(cells.A12.v).toBe(true);
    expect(cells.A13.v).toBe(false);
    expect(cells.A14.v).toBe("'=x"); // no documented quote prefix: the apostrophe stays
    expect(cells.A15.v).toBe('Quý I/2026');
  });

  test('with the text format "@" every string is kept exactly', async () => {
    const fake = createExcelFake();
    fake.addSheet({ name: 'S', values: [] });
    await write(
      fake,
      'S',
      `A1:A${texts.length}`,
      texts.map((t) => [t]),
      texts.map(() => ['@']),
    );
    const cells = fake.cells('S');
    texts.forEach((t, i) => expect(cells[`A${i + 1}`]).toEqual({ v: t, nf: '@' }));
  });

  test('a user edit made outside the add-in (setCell) is stored as given', () => {
    const fake = createExcelFake();
    fake.addSheet({ name: 'S', values: [] });
    fake.setCell('S', 'A1', '01');
    expect(fake.cells('S').A1).toEqual({ v: '01' });
  });
});

describe('Excel fake: 5 MB requests and responses, 5,000,000 cells per read', () => {
  test('a request over the limit is refused whole: RequestPayloadSizeLimitExceeded, nothing applied', async () => {
    const fake = createExcelFake({ payloadByteLimit: 2_000 });
    fake.addSheet({ name: 'S', values: [] });
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [['trước']];
      ws.getRange('A2').values = [['x'.repeat(1_000)]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.cells('S')).toEqual({});
    expect(fake.book.payloads[0].request).toBeGreaterThan(2_000);
  });

  test('a response over the limit: ResponsePayloadSizeLimitExceeded and no value delivered', async () => {
    const fake = createExcelFake({ payloadByteLimit: 2_000 });
    fake.addSheet({
      name: 'S',
      values: Array.from({ length: 60 }, () => ['Sở Văn hóa, Thể thao và Du lịch']),
    });
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1:A60');
      range.load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => range.values).toThrow(/not available/);
    });
  });

  test('payloads are measured on the serialised JSON, non-ASCII counted as \\u escapes; the default limit is 5,000,000 bytes', () => {
    expect(payloadBytes([['ab']])).toBe(8);
    expect(payloadBytes([['ở']])).toBe(12); // [["ở"]]: 7 characters, one of them counted as 6 bytes
    expect(PAYLOAD_BYTE_LIMIT).toBe(5_000_000);
    // The adapter estimates the same way.
    expect(jsonBytes([['Sở', 1, true]])).toBe(payloadBytes([['Sở', 1, true]]));
  });

  test('reading more cells than the limit: RangeExceedsLimit', async () => {
    const fake = createExcelFake({ payloadCellLimit: 10 });
    fake.addSheet({ name: 'S', values: [['x']] });
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:C4').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
  });
});

describe('Excel fake: names', () => {
  test('tables and defined names share one namespace, both ways', async () => {
    const fake = createExcelFake();
    fake.addSheet({
      name: 'S',
      values: [
        ['a', 'b'],
        [1, 2],
      ],
    });
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.names.add('Kế_hoạch', ctx.workbook.worksheets.getItem('S').getRange('A1'), '');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('S').tables.add('S!A1:B2', true).name = 'KẾ_HOẠCH';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      ctx.workbook.worksheets.getItem('S').tables.getItem('Table1').name = 'Bang';
      await ctx.sync();
      ctx.workbook.names.add('bang', ctx.workbook.worksheets.getItem('S').getRange('B1'), '');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
  });

  test.each([
    'A1',
    'PC1',
    'xfd1048576',
    'R1C1',
    'r2',
    'C5x',
    'R',
    'c',
    'TRUE',
    'có dấu cách',
    '1abc',
    'a-b',
    'x'.repeat(256),
  ])('refuses the name %s', async (bad) => {
    const fake = createExcelFake();
    fake.addSheet({ name: 'S', values: [['a']] });
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.names.add(bad, ctx.workbook.worksheets.getItem('S').getRange('A1'), '');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  test.each(['PC_NhiemVu', '_x', '\\y', 'Phân_công', 'A1B', 'Table1.2'])(
    'accepts the name %s',
    async (good) => {
      const fake = createExcelFake();
      fake.addSheet({ name: 'S', values: [['a']] });
      await fake.Excel.run(async (ctx: Excel.RequestContext) => {
        ctx.workbook.names.add(good, ctx.workbook.worksheets.getItem('S').getRange('A1'), '');
        await ctx.sync();
      });
      expect(fake.book.names.map((n) => n.name)).toEqual([good]);
    },
  );

  test('"History" is reserved for sheets, in any case, for add and rename', async () => {
    const fake = createExcelFake();
    fake.addSheet({ name: 'S', values: [] });
    expect(() => fake.addSheet({ name: 'History', values: [] })).toThrow(FakeOfficeError);
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.add('history');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ctx.workbook.worksheets.getItem('S').name = 'HISTORY';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      ctx.workbook.worksheets.add('History 2026');
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['S', 'History 2026']);
  });
});

/* ------------------------------------------------------------------ values the adapter sends */

describe('toExcelValue / cellWrite', () => {
  test('text is sent as it is; a user cell gets "@" only when Excel would coerce the text', () => {
    expect(toExcelValue('- Tổ chức')).toBe('- Tổ chức');
    expect(toExcelValue({ date: '2026-03-31' })).toBe(46112);
    expect(toExcelValue(null)).toBe('');
    for (const t of ['=x', '+x', '- x', '1.10', '01', '30/6/2026', 'TRUE', '8:30'])
      expect([t, wouldCoerce(t)]).toEqual([t, true]);
    for (const t of ['Tổ chức', 'Quý I/2026', 'Năm 2026 (quý II)', "'x", ''])
      expect([t, wouldCoerce(t)]).toEqual([t, false]);
    expect(cellWrite('- Tổ chức', 'General')).toEqual({ value: '- Tổ chức', numberFormat: '@' });
    expect(cellWrite('- Tổ chức', '@')).toEqual({ value: '- Tổ chức' });
    expect(cellWrite('Tổ chức', 'General')).toEqual({ value: 'Tổ chức' });
    expect(cellWrite(12, 'General')).toEqual({ value: 12 });
  });

  test('a user cell written as cellWrite says keeps the text in the faithful fake', async () => {
    const fake = createExcelFake();
    fake.addSheet({ name: 'S', values: [] });
    for (const [i, text] of ['- Tổ chức', '01', 'Tổ chức'].entries()) {
      const w = cellWrite(text, 'General');
      await write(
        fake,
        'S',
        `A${i + 1}`,
        [[w.value]],
        w.numberFormat ? [[w.numberFormat]] : undefined,
      );
      expect(fake.cells('S')[`A${i + 1}`].v).toBe(text);
    }
    expect(fake.cells('S').A3.nf).toBeUndefined(); // plain text: the format is kept
  });

  test('chunkRows cuts runs under the budget, a large row alone', () => {
    expect(chunkRows([4, 4, 4, 10, 1], 8)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(chunkRows([], 8)).toEqual([]);
  });
});

/* ------------------------------------------------------------------ the adapter held to the rules */

const HEADER = [
  'TT',
  'Nhiệm vụ',
  'Lãnh đạo phụ trách',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
  'Sản phẩm',
  'Ghi chú',
];

function tricky(): SheetSeed {
  const rows: (string | number | null)[][] = [
    ['KẾ HOẠCH PHÂN CÔNG NHIỆM VỤ', null, null, null, null, null, null, null],
    HEADER,
    ['I', 'NHIỆM VỤ CHUNG', null, null, null, null, null, null],
    // '3', not '1': a '1' above '1.10' would head it as a group (issue 10), and this test needs four tasks.
    [
      '3',
      '- Tổ chức hội nghị triển khai',
      'Phó Chủ tịch UBND tỉnh',
      'Sở Nội vụ',
      'Sở Tài chính',
      'Quý I/2026',
      '+ Báo cáo',
      '= ghi chú',
    ],
    ['1.10', '+ Bổ sung kinh phí', null, 'Sở Tài chính', '- Các sở', 'Tháng 6/2026', '01', '1.10'],
    [
      '01',
      '=Báo cáo tổng kết',
      null,
      'Sở Văn hóa, Thể thao và Du lịch',
      null,
      'Năm 2026',
      'TRUE',
      '30/6/2026',
    ],
    ['2', '1.10', null, 'Sở Nội vụ', null, 'Quý II/2026', null, null],
  ];
  // The user's own sheet holds these texts as text (format "@").
  return { name: 'Phụ lục', values: rows, numberFormats: rows.map((r) => r.map(() => '@')) };
}

describe('writeSummary in the faithful fake', () => {
  test('task texts starting with "-", "+", "=" or looking like numbers round-trip exactly', async () => {
    const fake = createExcelFake();
    fake.addSheet(tricky());
    const host = createOfficeHost(fake.Excel, fake.Office);
    const read = await host.readSheet('Phụ lục');
    const report = analyzeSheet(read.snapshot, { asOf: '2026-05-01' });
    expect(report.tasks.map((t) => t.task)).toEqual([
      '- Tổ chức hội nghị triển khai',
      '+ Bổ sung kinh phí',
      '=Báo cáo tổng kết',
      '1.10',
    ]);
    await host.writeSummary(report, 'vi');
    const table = buildTaskTable(report, 'vi');
    const back = (await host.readSheet(OWN_SHEETS.tasks)).snapshot.values;
    expect(back[0]).toEqual(table.headers);
    let strings = 0;
    table.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell !== 'string') return;
        strings++;
        expect({ r, c, v: back[r + 1][c] }).toEqual({ r, c, v: cell === '' ? null : cell });
      }),
    );
    expect(strings).toBeGreaterThan(20);
    expect(Object.values(fake.cells(OWN_SHEETS.tasks)).filter((c) => c.err || c.formula)).toEqual(
      [],
    );
    for (const sheet of Object.values(OWN_SHEETS))
      expect({
        sheet,
        errors: Object.values(fake.cells(sheet)).filter((c) => c.err || c.formula),
      }).toEqual({ sheet, errors: [] });
  });

  test('a failing write leaves the previous summary sheets, names and tables exactly as they were', async () => {
    const fake = createExcelFake();
    fake.addSheet(tricky());
    const host = createOfficeHost(fake.Excel, fake.Office);
    const report = analyzeSheet((await host.readSheet('Phụ lục')).snapshot, { asOf: '2026-05-01' });
    await host.writeSummary(report, 'vi');
    const before = {
      sheets: fake.sheetNames(),
      cells: Object.values(OWN_SHEETS).map((s) => fake.cells(s)),
      names: JSON.stringify(fake.book.names),
      tables: fake.book.sheets.flatMap((s) => s.tables.map((t) => `${s.name}:${t.name}`)),
      pivots: fake.book.sheets.flatMap((s) => s.pivots.map((p) => `${s.name}:${p.name}`)),
    };
    // A write of the new agencies sheet fails in the middle of a batch.
    fake.book.faultOnWrite = (sheet) =>
      sheet.startsWith('~') && sheet.includes('Cơ quan')
        ? new FakeOfficeError('InvalidArgument', 'injected')
        : null;
    await expect(host.writeSummary(report, 'en')).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    expect(fake.sheetNames()).toEqual(before.sheets); // no temporary sheet left behind
    expect(Object.values(OWN_SHEETS).map((s) => fake.cells(s))).toEqual(before.cells);
    expect(JSON.stringify(fake.book.names)).toBe(before.names);
    expect(fake.book.sheets.flatMap((s) => s.tables.map((t) => `${s.name}:${t.name}`))).toEqual(
      before.tables,
    );
    expect(fake.book.sheets.flatMap((s) => s.pivots.map((p) => `${s.name}:${p.name}`))).toEqual(
      before.pivots,
    );

    // A request Excel refuses as too large (the estimate was wrong): the same.
    fake.book.faultOnWrite = undefined;
    fake.book.payloadByteLimit = 2_000;
    await expect(host.writeSummary(report, 'en')).rejects.toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
    });
    expect(fake.sheetNames()).toEqual(before.sheets);
    expect(Object.values(OWN_SHEETS).map((s) => fake.cells(s))).toEqual(before.cells);

    // And when nothing fails, the new summary replaces the old one.
    fake.book.payloadByteLimit = PAYLOAD_BYTE_LIMIT;
    await host.writeSummary(report, 'en');
    expect(fake.sheetNames()).toEqual(before.sheets);
    expect(fake.book.names.filter((n) => n.comment === OWN_MARKER)).toHaveLength(6);
  });

  test('sheets left by a write cut off before its clean-up carry a temporary marker: shown as own, deleted next time', async () => {
    const fake = createExcelFake();
    fake.addSheet(tricky());
    const left = fake.addSheet({ name: '~PC Tổng hợp', values: [['nửa chừng']] });
    fake.book.names.push({
      name: 'PhanCong_Tmp_summary_abc',
      comment: OWN_MARKER,
      ref: { sheetId: left.id, area: { r0: 0, c0: 0, r1: 0, c1: 0 } },
    });
    const host = createOfficeHost(fake.Excel, fake.Office);
    expect((await host.listSheets()).find((s) => s.name === '~PC Tổng hợp')!.own).toBe(true);
    const report = analyzeSheet((await host.readSheet('Phụ lục')).snapshot, { asOf: '2026-05-01' });
    await host.writeSummary(report, 'vi');
    expect(fake.sheetNames()).toEqual([
      'Phụ lục',
      OWN_SHEETS.summary,
      OWN_SHEETS.tasks,
      OWN_SHEETS.agencies,
      OWN_SHEETS.findings,
      OWN_SHEETS.report,
      OWN_SHEETS.reminders,
    ]);
    expect(fake.book.names.map((n) => n.name).filter((n) => n.startsWith('PhanCong_Tmp_'))).toEqual(
      [],
    );
  });

  test('PivotTables created before a failing PivotTable are reported as created', async () => {
    const fake = createExcelFake();
    fake.addSheet(tricky());
    const host = createOfficeHost(fake.Excel, fake.Office);
    const report = analyzeSheet((await host.readSheet('Phụ lục')).snapshot, { asOf: '2026-05-01' });
    const user = fake.sheet('Phụ lục')!;
    user.pivots.push({
      id: 'user',
      name: 'PhanCong_Quarter',
      source: { sheetId: user.id, area: { r0: 1, c0: 0, r1: 6, c1: 7 } },
      destination: { sheetId: user.id, row: 30, col: 0 },
      rows: [],
      columns: [],
      data: [],
      filters: [],
    });
    const result = await host.writeSummary(report, 'vi');
    expect(result.skipped).toEqual(['pivotTables']);
    expect(result.pivotTables).toEqual(['PhanCong_Lead', 'PhanCong_Leader']);
    expect(fake.sheet(OWN_SHEETS.summary)!.pivots.map((p) => p.name)).toEqual(result.pivotTables);
  });

  test('table names avoid defined names (one namespace)', async () => {
    const fake = createExcelFake();
    fake.addSheet(tricky());
    fake.book.names.push({ name: 'PC_NhiemVu', comment: 'the user’s', formula: '=1' });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const report = analyzeSheet((await host.readSheet('Phụ lục')).snapshot, { asOf: '2026-05-01' });
    await host.writeSummary(report, 'vi');
    expect(fake.sheet(OWN_SHEETS.tasks)!.tables.map((t) => t.name)).toEqual(['PC_NhiemVu_2']);
    expect(fake.book.names.find((n) => n.name === 'PC_NhiemVu')!.formula).toBe('=1');
  });
});

describe('a 10,000-row × 8-column sheet', () => {
  test('is read and its summary written with every request and response under 5 MB', async () => {
    const leads = [
      'Sở Nội vụ',
      'Sở Tài chính',
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Kế hoạch và Đầu tư',
      'UBND các xã, phường',
    ];
    const values: (string | number | null)[][] = [
      ['KẾ HOẠCH NĂM 2026', null, null, null, null, null, null, null],
      HEADER,
    ];
    for (let i = 1; i <= 10_000; i++)
      values.push([
        `${Math.floor((i - 1) / 100) + 1}.${((i - 1) % 100) + 1}`,
        `Triển khai nhiệm vụ số ${i}: rà soát, hoàn thiện hồ sơ, tổ chức thực hiện và báo cáo kết quả theo quy định của Ủy ban nhân dân tỉnh`,
        'Phó Chủ tịch UBND tỉnh',
        leads[i % leads.length],
        `${leads[(i + 1) % leads.length]}; ${leads[(i + 2) % leads.length]}`,
        `Quý ${['I', 'II', 'III', 'IV'][i % 4]}/2026`,
        'Báo cáo kết quả thực hiện',
        i % 7 === 0 ? 'Thường xuyên cập nhật' : null,
      ]);
    const fake = createExcelFake();
    fake.addSheet({ name: 'Lớn', values });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const read = await host.readSheet('Lớn');
    expect(read.snapshot.values).toEqual(values.map((r) => r.map((v) => (v === '' ? null : v))));
    const readSyncs = fake.syncs;
    expect(readSyncs).toBeGreaterThan(2); // in runs, not in one response
    const report = analyzeSheet(read.snapshot, { asOf: '2026-05-01' });
    expect(report.tasks).toHaveLength(10_000);
    const result = await host.writeSummary(report, 'vi');
    expect(result.sheets).toHaveLength(6);
    expect(fake.syncs - readSyncs).toBeGreaterThan(3); // the build took several batches
    // The fake refuses anything over 5,000,000 bytes; it measured every round trip.
    expect(fake.maxPayload.request).toBeLessThan(PAYLOAD_BYTE_LIMIT);
    expect(fake.maxPayload.response).toBeLessThan(PAYLOAD_BYTE_LIMIT);
    expect(fake.sheet(OWN_SHEETS.tasks)!.tables[0].area.r1).toBe(10_000);
  }, 120_000);
});

describe('a 50,000-row × 8-column sheet (issue 15)', () => {
  /**
   * Round trips at 50,000 rows: a read in runs sized by the payload budget, marks on rows whose
   * kinds change every row (the most ranges a plan can have), the summary in batches. Each sync's
   * request and response are measured by the fake, which refuses either over 5 MB.
   */
  test('read, marked and summarised in round trips the payload budget sets, none refused', async () => {
    const leads = ['Sở Nội vụ', 'Sở Tài chính', 'Sở Xây dựng', 'Công an tỉnh', 'UBND các xã'];
    // As of 20/05/2026: Quý I overdue, 25/05 due soon, Quý IV not yet due; every 7th task unowned.
    const deadlines = ['Quý I/2026', '25/05/2026', 'Quý IV/2026'];
    const values: (string | number | null)[][] = [
      ['KẾ HOẠCH TỔNG HỢP NĂM 2026', null, null, null, null, null, null, null],
      HEADER,
    ];
    for (let i = 1; i <= 50_000; i++)
      values.push([
        i,
        `Nhiệm vụ số ${i}: rà soát, hoàn thiện hồ sơ và báo cáo kết quả thực hiện`,
        'Phó Chủ tịch UBND tỉnh',
        i % 7 === 0 ? null : leads[i % leads.length],
        leads[(i + 1) % leads.length],
        deadlines[i % deadlines.length],
        'Báo cáo',
        null,
      ]);
    const fake = createExcelFake();
    fake.addSheet({ name: 'Tổng hợp', values });
    const host = createOfficeHost(fake.Excel, fake.Office);
    const budgetRuns = (payloads: { request: number; response: number }[]) => ({
      // A run carries at least half the budget (it is not cut needlessly small) and at most the
      // budget; the last run carries what is left.
      fewest: Math.ceil(payloads.reduce((n, p) => n + p.response, 0) / PAYLOAD_BUDGET),
      most: Math.ceil(payloads.reduce((n, p) => n + p.response, 0) / (PAYLOAD_BUDGET / 2)) + 1,
    });

    // The read: 1 sync for the used range and its first rows, then 1 per run of rows.
    fake.resetSyncs();
    const read = await host.readSheet('Tổng hợp');
    expect(read.snapshot.values).toEqual(values);
    const readPayloads = [...fake.book.payloads];
    expect(readPayloads).toHaveLength(fake.syncs);
    const runs = budgetRuns(readPayloads.slice(1));
    expect(fake.syncs - 1).toBeGreaterThanOrEqual(runs.fewest);
    expect(fake.syncs - 1).toBeLessThanOrEqual(runs.most);
    for (const p of readPayloads) expect(p.response).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    const readSyncs = fake.syncs;

    const report = analyzeSheet(read.snapshot, { asOf: '2026-05-20' });
    expect(report.tasks).toHaveLength(50_000);
    const plan = planMarks(report);
    const states = new Set(report.tasks.map((t) => t.state));
    expect(states).toEqual(new Set(['overdue', 'due-soon', 'open']));

    // The marks: the re-read for the fingerprint (values only: no more runs than the read), then
    // one write of every rule and its ranges.
    fake.resetSyncs();
    await host.applyMarks(plan, read.fingerprint);
    expect(fake.syncs).toBeGreaterThanOrEqual(2);
    expect(fake.syncs).toBeLessThanOrEqual(readSyncs + 1);
    const marked = fake
      .sheet('Tổng hợp')!
      .cfs.filter((cf) => (cf.formula ?? '').includes('"phancong:'));
    expect(marked.length).toBeGreaterThanOrEqual(plan.rules.length);
    for (const p of fake.book.payloads) {
      expect(p.request).toBeLessThan(PAYLOAD_BYTE_LIMIT);
      expect(p.response).toBeLessThan(PAYLOAD_BYTE_LIMIT);
    }

    // The summary: its batches cut by the budget, each request within it by the fake's measure too.
    fake.resetSyncs();
    const result = await host.writeSummary(report, 'vi');
    expect(result.sheets).toHaveLength(6);
    const requests = fake.book.payloads.reduce((n, p) => n + p.request, 0);
    expect(fake.syncs).toBeGreaterThanOrEqual(Math.ceil(requests / PAYLOAD_BUDGET));
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(requests / (PAYLOAD_BUDGET / 2)) + 4);
    for (const p of fake.book.payloads) {
      expect(p.request).toBeLessThan(PAYLOAD_BYTE_LIMIT);
      expect(p.response).toBeLessThan(PAYLOAD_BYTE_LIMIT);
    }
    expect(fake.sheet(OWN_SHEETS.tasks)!.tables[0].area.r1).toBe(50_000);
  }, 600_000);
});

describe('writeAppendix in the faithful fake', () => {
  test('a very large draft is written in runs of rows, every request under 5 MB; the texts stay text', async () => {
    const { extractPlan } = await import('../../src/engine/plan-text/extract');
    const { readFileSync } = await import('fs');
    const { join } = await import('path');
    const seed = extractPlan(
      readFileSync(join(__dirname, '../fixtures/seeds/000-lao-cai-ke-hoach-2026.txt'), 'utf8'),
    );
    // The seed's 13 tasks, 250 times, each text starting with "- " (as Excel would take for a formula).
    const tasks = Array.from({ length: 250 }, (_, k) =>
      seed.tasks.map((t) => ({ ...t, task: `- ${t.task} (${k + 1})` })),
    ).flat();
    const draft = { ...seed, tasks };
    expect(draft.tasks.length).toBeGreaterThan(3_000);
    const fake = createExcelFake();
    fake.addSheet({ name: 'Sheet1', values: [['x']] });
    const host = createOfficeHost(fake.Excel, fake.Office);
    fake.resetSyncs();
    const { sheet } = await host.writeAppendix!(draft, 'vi');
    expect(fake.syncs).toBeGreaterThan(2);
    expect(fake.maxPayload.request).toBeLessThan(PAYLOAD_BYTE_LIMIT);
    const cells = Object.values(fake.cells(sheet));
    expect(cells.filter((c) => c.err || c.formula)).toEqual([]);
    expect(cells.filter((c) => typeof c.v === 'string' && c.v.startsWith('- ')).length).toBe(
      draft.tasks.length,
    );
  }, 120_000);
});
