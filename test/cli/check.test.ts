import { spawnSync } from 'child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join, relative } from 'path';
import ExcelJS from 'exceljs';
import { main, stdoutWriter } from '../../src/cli/main';
import { recordingIO } from '../helpers/cli-io';

const fx = (n: string) => join(__dirname, '..', 'fixtures', 'xlsx', n);
const root = join(__dirname, '..', '..');

describe('phancong check', () => {
  it('prints a report a staff member can act on, and exits 1 when errors are found', async () => {
    const io = recordingIO();
    const code = await main(['check', fx('002-bold.xlsx'), '--as-of', '2026-11-22'], io);
    expect(code).toBe(1);
    expect(io.err).toBe('');
    expect(io.out).toContain('Trang "Phụ lục 02": tiêu đề ở dòng 11; 116 nhiệm vụ trong 14 mục.');
    // 35, not 36: V.3 heads 3.1–3.3 and is no longer counted as a task of its own.
    expect(io.out).toContain('QUÁ HẠN (35 nhiệm vụ, tính đến 22/11/2026)');
    expect(io.out).toMatch(
      /\[lead-missing\] Trang 'Phụ lục 02', dòng 117, cột E \(Cơ quan chủ trì\)/,
    );
    expect(io.out).toContain('Kết quả: bảng còn LỖI cần sửa.');
    // Info findings are summarised unless --all.
    expect(io.out).toContain('thêm --all để xem từng mục');
  });

  it('uses today as the default as-of date', async () => {
    const io = recordingIO(new Date('2026-03-01T10:00:00'));
    await main(['check', fx('002-bold.xlsx'), '--json'], io);
    const doc = JSON.parse(io.out);
    expect(doc.asOf).toBe('2026-03-01');
  });

  it('--json prints exactly one JSON document with the documented shape', async () => {
    const io = recordingIO();
    const code = await main(
      ['check', fx('002-pasted.xlsx'), '--as-of', '2026-11-22', '--json'],
      io,
    );
    expect(code).toBe(1);
    const doc = JSON.parse(io.out);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['file', 'asOf', 'sheets', 'summary']));
    const s = doc.sheets[0];
    expect(s).toMatchObject({ name: 'Phụ lục 02', headerRow: 6, missingRoles: [] });
    expect(s.columns).toMatchObject({ tt: 'A', task: 'B', lead: 'E', deadline: 'G' });
    expect(s.sections[0]).toEqual({
      row: 7,
      label: 'I',
      title: expect.stringContaining('Đổi mới tư duy'),
    });
    const t = s.tasks[0];
    expect(Object.keys(t)).toEqual(
      expect.arrayContaining([
        'row',
        'rows',
        'tt',
        'section',
        'task',
        'leader',
        'lead',
        'support',
        'deadline',
        'status',
        'state',
        'unassigned',
      ]),
    );
    expect(t.lead[0]).toEqual(
      expect.objectContaining({ name: expect.any(String), raw: expect.any(String) }),
    );
    expect(t.deadline).toEqual(
      expect.objectContaining({ text: 'Thường xuyên', due: null, kind: 'recurring' }),
    );
    for (const f of s.findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['code', 'severity', 'cell', 'row', 'role', 'message']),
      );
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    // V.3 heads 3.1–3.3: a group, not a task (issue 10).
    expect(doc.summary.tasks).toBe(116);
    // Findings carry the fixes their rule offers, as data; the others have no `fixes` key.
    const withFixes = s.findings.filter((f: { fixes?: unknown[] }) => f.fixes);
    expect(withFixes.length).toBeGreaterThan(0);
    const f = s.findings.find(
      (x: { code: string; row: number }) => x.code === 'lead-missing' && x.row === 9,
    );
    expect(f.fixes.map((x: { id: string }) => x.id)).toEqual([
      'lead-missing:E9:fill',
      'lead-missing:E9:merge',
    ]);
    expect(f.fixes[0]).toEqual({
      id: 'lead-missing:E9:fill',
      messageId: 'fix.lead-missing.fill',
      data: expect.objectContaining({ row: 8 }),
      edits: [expect.objectContaining({ sheet: 'Phụ lục 02', cell: 'E9', before: null })],
    });
    expect(
      s.findings.find((x: { code: string }) => x.code === 'section-order').fixes,
    ).toBeUndefined();
  });

  it('examines every sheet and says when a sheet has no assignment table', async () => {
    const io = recordingIO();
    const code = await main(['check', fx('no-table.xlsx'), '--as-of', '2026-11-22'], io);
    expect(io.out).toContain('Trang "Thuyết minh": không có bảng phân công nhiệm vụ.');
    expect(io.out).toContain('Trang "Số liệu": không có bảng phân công nhiệm vụ.');
    // No table anywhere: exit 3, said plainly (not "bảng còn LỖI"), which a batch tells from 1.
    expect(io.out).toContain('Kết quả: không trang nào có bảng phân công nhiệm vụ');
    expect(io.out).not.toContain('LỖI cần sửa');
    expect(code).toBe(3);
  });

  it('no table: --json says result "no-table", and --out writes no copy', async () => {
    const io = recordingIO();
    expect(
      await main(
        ['check', fx('no-table.xlsx'), '--json', '--out', 'copy.xlsx', '--as-of', '2026-11-22'],
        io,
      ),
    ).toBe(3);
    const doc = JSON.parse(io.out);
    expect(doc.result).toBe('no-table');
    expect(doc.out).toBeUndefined();
    expect(io.files.has('copy.xlsx')).toBe(false);
    const io2 = recordingIO();
    expect(await main(['check', fx('002-raw.xlsx'), '--json', '--as-of', '2026-11-22'], io2)).toBe(
      1,
    );
    expect(JSON.parse(io2.out).result).toBe('errors');
  });

  it('--out naming the input (after resolving the path) is refused with exit 2, and nothing is written', async () => {
    const input = fx('002-raw.xlsx');
    const { nodeIO } = await import('../../src/cli/main');
    const samePath = nodeIO().samePath!;
    const rel = relative(process.cwd(), input);
    for (const out of [
      input,
      rel,
      `./${rel}`,
      join(dirname(input), '..', basename(dirname(input)), basename(input)),
    ]) {
      const io = { ...recordingIO(), samePath };
      const rec = io as ReturnType<typeof recordingIO>;
      const code = await main(['check', input, '--out', out, '--json'], io);
      expect(code).toBe(2);
      expect(rec.files.size).toBe(0);
    }
    const io = { ...recordingIO(), samePath };
    let out = '';
    let err = '';
    io.stdout = (s) => void (out += s);
    io.stderr = (s) => void (err += s);
    expect(await main(['check', input, '--out', rel, '--json'], io)).toBe(2);
    expect(err).toContain('không ghi đè tệp gốc');
    expect(JSON.parse(out).error.code).toBe('out-is-input');
    // A different name is fine.
    expect(samePath(input, join(dirname(input), 'khac.xlsx'))).toBe(false);
  });

  it('--json prints one JSON error document for every exit-2 case', async () => {
    const cases: [string[], string, (io: ReturnType<typeof recordingIO>) => void][] = [
      [['check', '/no/such/file.xlsx', '--json'], 'open', () => undefined],
      [
        ['check', fx('no-table.xlsx'), '--sheet', 'Không có', '--json'],
        'no-sheet',
        () => undefined,
      ],
      [['check', fx('002-raw.xlsx'), '--bogus', '--json'], 'usage', () => undefined],
      [['check', fx('002-raw.xlsx'), '--as-of', '31/12/2026', '--json'], 'usage', () => undefined],
      [
        ['check', fx('002-raw.xlsx'), '--json', '--out', 'readonly/copy.xlsx'],
        'write',
        (io) => {
          io.writeFile = async () => {
            throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
          };
        },
      ],
    ];
    for (const [argv, code, setup] of cases) {
      const io = recordingIO();
      setup(io);
      expect(await main(argv, io)).toBe(2);
      const doc = JSON.parse(io.out);
      expect({ argv, code: doc.error.code }).toEqual({ argv, code });
      expect(typeof doc.error.message).toBe('string');
      expect(io.err).toContain(doc.error.message);
      expect(doc.sheets).toEqual([]);
    }
  });

  it('--sheet picks one sheet, and an unknown sheet is a clear error (exit 2)', async () => {
    const io = recordingIO();
    expect(await main(['check', fx('no-table.xlsx'), '--sheet', 'Số liệu', '--json'], io)).toBe(3);
    expect(JSON.parse(io.out).sheets.map((s: { name: string }) => s.name)).toEqual(['Số liệu']);
    const io2 = recordingIO();
    expect(await main(['check', fx('no-table.xlsx'), '--sheet', 'Không có'], io2)).toBe(2);
    expect(io2.err).toContain(
      'Không có trang "Không có". Các trang trong tệp: Thuyết minh, Số liệu.',
    );
  });

  it('exits 0 when there is no error-severity finding', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KH');
    ws.addRow(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện']);
    ws.addRow(['I', 'Mục một']);
    ws.addRow([1, 'Việc một', 'Sở Tài chính', 'Quý IV/2026']);
    ws.addRow([2, 'Việc hai', 'Sở Nội vụ', 'Thường xuyên']);
    const io = recordingIO();
    io.files.set('ok.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await main(['check', 'ok.xlsx', '--as-of', '2026-11-22'], io)).toBe(0);
    expect(io.out).toContain('Kết quả: không có lỗi.');
    // A notes sheet beside the table is said to have no table, but is not an error…
    wb.addWorksheet('Ghi chú').addRow(['Bảng này cập nhật hằng quý.']);
    const io2 = recordingIO();
    io2.files.set('ok2.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await main(['check', 'ok2.xlsx', '--as-of', '2026-11-22'], io2)).toBe(0);
    expect(io2.out).toContain('Trang "Ghi chú": không có bảng phân công nhiệm vụ.');
    // …unless the user asked for that sheet by name.
    const io3 = recordingIO();
    io3.files.set('ok2.xlsx', io2.files.get('ok2.xlsx')!);
    expect(await main(['check', 'ok2.xlsx', '--sheet', 'Ghi chú'], io3)).toBe(3);
  });

  it('--json on unreadable input still prints one JSON document, the error', async () => {
    const io = recordingIO();
    io.files.set('x.xlsx', new TextEncoder().encode('plain text'));
    expect(await main(['check', 'x.xlsx', '--json'], io)).toBe(2);
    expect(JSON.parse(io.out).error).toEqual({
      code: 'read-not-xlsx',
      message: expect.stringContaining('không phải tệp Excel'),
    });
  });

  it('gives a clear message and exit 2 for input it cannot read, without a stack trace', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['notes.xlsx', new TextEncoder().encode('just text, renamed'), /không phải tệp Excel/],
      ['cut.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /bị hỏng hoặc không đầy đủ/],
    ];
    for (const [name, bytes, msg] of cases) {
      const io = recordingIO();
      io.files.set(name, bytes);
      expect(await main(['check', name], io)).toBe(2);
      expect(io.err).toMatch(msg);
      expect(io.err).toContain(name);
      expect(io.err).not.toMatch(/\n\s+at /);
    }
    const io = recordingIO();
    expect(await main(['check', '/no/such/file.xlsx'], io)).toBe(2);
    expect(io.err).toContain('Không mở được tệp "/no/such/file.xlsx": không tìm thấy tệp.');
  });

  it('rejects bad options with exit 2', async () => {
    for (const argv of [
      ['check'],
      ['check', 'a.xlsx', '--as-of', '22/11/2026'],
      ['check', 'a.xlsx', '--lang', 'fr'],
      ['check', 'a.xlsx', '--bogus'],
      ['frobnicate'],
    ]) {
      const io = recordingIO();
      expect(await main(argv, io)).toBe(2);
    }
  });

  it('--lang en speaks English', async () => {
    const io = recordingIO();
    await main(['check', fx('002-bold.xlsx'), '--as-of', '2026-11-22', '--lang', 'en'], io);
    expect(io.out).toContain('Sheet "Phụ lục 02": header at row 11; 116 tasks in 14 sections.');
    expect(io.out).toContain('Result: the table has ERRORS to fix.');
  });

  it('--out writes a checked copy and leaves the input bytes alone', async () => {
    const io = recordingIO();
    const code = await main(
      ['check', fx('two-row-header.xlsx'), '--as-of', '2026-11-22', '--out', 'checked.xlsx'],
      io,
    );
    expect(code).toBeLessThan(2);
    const bytes = io.files.get('checked.xlsx');
    expect(bytes).toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'Nhiệm vụ CCHC 2026',
        'PC Nhiệm vụ',
        'PC Tổng hợp',
        'PC Kết quả kiểm tra',
      ]),
    );
  });
});

describe('stdoutWriter', () => {
  it('writes into a file every piece, in order, as UTF-8, pieces longer than its buffer too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phancong-writer-'));
    try {
      const file = join(dir, 'out.txt');
      const fd = openSync(file, 'w');
      const write = stdoutWriter(fd);
      // 3 bytes in UTF-8 for "ệ": 120,000 of them are more than the first buffer (64 KiB) holds.
      const pieces = ['{\n', 'Sở Nội vụ', 'ệ'.repeat(120_000), '', 'tail\n'];
      for (const p of pieces) write(p);
      closeSync(fd);
      expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the installed command', () => {
  const bin = join(root, 'dist', 'cli', 'cli', 'main.js');
  beforeAll(() => {
    if (!existsSync(bin)) spawnSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root });
  });
  it('runs as a process with the documented exit codes', () => {
    const ok = spawnSync(
      'node',
      [bin, 'check', fx('002-raw.xlsx'), '--as-of', '2026-11-22', '--json'],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(1);
    expect(JSON.parse(ok.stdout).sheets[0].tasks).toHaveLength(116);
    const bad = spawnSync('node', [bin, 'check', join(root, 'package.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('không phải tệp Excel');
  });

  it('writes into a file (written straight to its descriptor) the bytes it writes into a pipe', () => {
    const args = [bin, 'check', fx('002-raw.xlsx'), '--as-of', '2026-11-22', '--json'];
    const piped = spawnSync('node', args, { encoding: 'utf8' });
    const dir = mkdtempSync(join(tmpdir(), 'phancong-stdout-'));
    try {
      const file = join(dir, 'report.json');
      const fd = openSync(file, 'w');
      const intoFile = spawnSync('node', args, { stdio: ['ignore', fd, 'pipe'] });
      closeSync(fd);
      expect(intoFile.status).toBe(piped.status);
      const written = readFileSync(file, 'utf8');
      // Vietnamese text: multi-byte UTF-8 across the pieces written.
      expect(written).toContain('Phụ lục');
      expect(written).toBe(piped.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly when the reader closes the pipe early (check … | head): no EPIPE trace', () => {
    const r = spawnSync(
      'sh',
      ['-c', `node "${bin}" check "${fx('002-raw.xlsx')}" --as-of 2026-11-22 --all | head -n 2`],
      { encoding: 'utf8' },
    );
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('stops a read past its time limit with exit 2 and a message naming the limit (the read runs in a worker)', () => {
    // 1 ms: no machine starts a worker and reads a workbook in that time, fast or slow (a limit
    // near the read's own time made this test depend on the machine's speed).
    const heavy = join(root, 'test', 'fixtures', 'real', 'merges-20000.xlsx');
    const r = spawnSync('node', [bin, 'check', heavy, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, PHANCONG_READ_TIME_MS: '1' },
    });
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.error.code).toBe('read-too-heavy');
    expect(doc.error.message).toMatch(
      /^Đã dừng đọc tệp ".*merges-20000\.xlsx" sau \d+(,\d{1,3})? giây \(giới hạn 0,001 giây\)/,
    );
    // Within the default limits the same file reads.
    const ok = spawnSync('node', [bin, 'check', heavy, '--json'], { encoding: 'utf8' });
    expect([0, 1]).toContain(ok.status);
  });
});
