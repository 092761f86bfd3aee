/**
 * `phancong check <folder or several files>` (issue 15): one process, one summary line per file,
 * --json as JSON lines (one single-file document per line), exit code the worst of the files.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, nodeIO } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

const fx = (n: string) => join(__dirname, '..', 'fixtures', 'xlsx', n);
const AS_OF = ['--as-of', '2026-11-22'];

/** The recording IO, with the real folder listing (what `phancong` uses). */
function batchIO() {
  const r = recordingIO();
  r.listFolder = nodeIO().listFolder;
  return r;
}

describe('phancong check, many workbooks in one process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'phancong-batch-'));
    copyFileSync(fx('002-bold.xlsx'), join(dir, 'a-errors.xlsx'));
    copyFileSync(fx('no-table.xlsx'), join(dir, 'b-no-table.xlsx'));
    writeFileSync(join(dir, 'c-broken.xlsx'), 'not a workbook');
    writeFileSync(join(dir, 'notes.txt'), 'ignored: not a workbook name');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a folder: one line per workbook in name order, an unreadable file does not stop the batch, exit 2 (the worst)', async () => {
    const r = batchIO();
    const code = await main(['check', dir, ...AS_OF], r);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^.*a-errors\.xlsx: 116 nhiệm vụ · \d+ lỗi · \d+ cảnh báo — còn LỖI cần sửa$/,
    );
    expect(lines[1]).toMatch(/b-no-table\.xlsx: 0 nhiệm vụ .* — không có bảng phân công$/);
    expect(lines[2]).toMatch(/c-broken\.xlsx: KHÔNG KIỂM TRA ĐƯỢC — /);
    expect(lines[3]).toBe(
      'Đã kiểm tra 3 tệp: 0 không có lỗi, 1 còn lỗi, 1 không có bảng phân công, 1 không kiểm tra được.',
    );
    expect(r.out).not.toContain('notes.txt');
    expect(code).toBe(2);
  });

  it('--json: JSON lines, each the document a single check prints', async () => {
    const r = batchIO();
    const code = await main(['check', dir, ...AS_OF, '--json'], r);
    expect(code).toBe(2);
    const docs = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs.map((d) => d.result ?? d.error.code)).toEqual([
      'errors',
      'no-table',
      'read-not-xlsx',
    ]);
    const single = recordingIO();
    await main(['check', join(dir, 'a-errors.xlsx'), ...AS_OF, '--json'], single);
    expect(docs[0]).toEqual(JSON.parse(single.out));
  });

  it('several files: exit code the worst of them (errors 1 over no table 3 over ok 0)', async () => {
    const r = batchIO();
    expect(
      await main(['check', join(dir, 'b-no-table.xlsx'), join(dir, 'a-errors.xlsx'), ...AS_OF], r),
    ).toBe(1);
    expect(r.out.split('\n')[0]).toContain('b-no-table.xlsx');
    const onlyNoTable = batchIO();
    expect(
      await main(
        ['check', join(dir, 'b-no-table.xlsx'), join(dir, 'b-no-table.xlsx'), ...AS_OF],
        onlyNoTable,
      ),
    ).toBe(3);
  });

  it('a missing file gets its line; --out is refused in a batch', async () => {
    const r = batchIO();
    const code = await main(
      ['check', join(dir, 'missing.xlsx'), join(dir, 'b-no-table.xlsx'), ...AS_OF],
      r,
    );
    expect(code).toBe(2);
    expect(r.out).toMatch(/missing\.xlsx: KHÔNG KIỂM TRA ĐƯỢC — Không mở được tệp/);
    expect(r.out).toContain('b-no-table.xlsx: 0 nhiệm vụ');
    const out = batchIO();
    expect(await main(['check', dir, '--out', join(dir, 'x.xlsx'), '--json'], out)).toBe(2);
    expect(JSON.parse(out.out).error.code).toBe('usage');
    expect(out.files.size).toBe(0);
  });

  it('one file is still a single check (the full report)', async () => {
    const r = batchIO();
    await main(['check', join(dir, 'a-errors.xlsx'), ...AS_OF], r);
    expect(r.out).toContain('Kết quả: bảng còn LỖI cần sửa.');
  });
});
