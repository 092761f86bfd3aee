/**
 * The CLI on hostile workbooks (test/fixtures/hostile, built by hostile-corpus.js) and "nothing
 * lost": `check --out` on every readable fixture leaves every user cell's value and style as it
 * was, adds only the add-in's own sheets, and never touches the input file.
 */
import { promises as fsp, readFileSync, readdirSync } from 'fs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, basename } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { OWN_SHEETS } from '../../src/engine/tables';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain .js module, shared with the corpus script
const corpus = require('./hostile-corpus.js') as {
  CORPUS: {
    file: string;
    expect: 'read' | 'not-xlsx' | 'legacy' | 'encrypted' | 'corrupt' | 'unreadable';
    about: string;
  }[];
  writeCorpus(dir: string): Promise<{ file: string; bytes: number }[]>;
  DEFAULT_OUT: string;
};

const HOSTILE = corpus.DEFAULT_OUT;
const FIXTURES = join(__dirname, '..', 'fixtures', 'xlsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, Uint8Array>;
}

/** A CliIO that reads real files and records everything else. */
async function run(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, Uint8Array>();
  const io: CliIO = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readFile: async (p) => new Uint8Array(await fsp.readFile(p)),
    writeFile: async (p, d) => {
      written.set(p, d);
    },
    now: () => new Date(2026, 5, 15, 9, 0, 0),
    describeError: (e) => String((e as Error)?.message ?? e),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, written };
}

const STACK = /\n\s+at |\bat Object\.|node_modules|TypeError|RangeError|ReferenceError|\.ts:\d+/;

/** The Vietnamese message per reason: it names the file and (where the user can act) says what to do. */
const READ_MESSAGE: Record<string, RegExp> = {
  'not-xlsx': /không phải tệp Excel \(\.xlsx\)/,
  legacy: /định dạng Excel cũ \(\.xls\)/,
  encrypted: /đặt mật khẩu/,
  corrupt: /bị hỏng/,
  unreadable: /Excel mở được tệp này/,
};
const WHAT_TO_DO: Record<string, RegExp> = {
  'not-xlsx': /Hãy .*lưu lại/,
  legacy: /Hãy lưu lại dưới dạng \.xlsx/,
  encrypted: /Hãy .*bỏ mật khẩu/,
  corrupt: /Hãy mở tệp bằng Excel .*lưu lại/,
  unreadable: /Lưu thành .* rồi kiểm tra bản vừa lưu/,
};

describe('hostile corpus', () => {
  it('the committed corpus is what hostile-corpus.js builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phancong-hostile-'));
    try {
      const written = await corpus.writeCorpus(dir);
      for (const w of written) {
        const committed = readFileSync(join(HOSTILE, basename(w.file)));
        expect({
          file: basename(w.file),
          same: Buffer.compare(committed, readFileSync(w.file)) === 0,
        }).toEqual({ file: basename(w.file), same: true });
      }
      const total = written.reduce((n, w) => n + w.bytes, 0);
      expect(total).toBeLessThan(2 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe.each(corpus.CORPUS.map((c) => [c.file, c] as const))('%s', (_name, entry) => {
    const file = join(HOSTILE, entry.file);

    it(`check --json: ${entry.expect === 'read' ? 'exit 0/1 and a JSON report' : `exit 2 (${entry.expect})`}`, async () => {
      const r = await run(['check', file, '--json', '--as-of', '2026-06-15']);
      expect(r.stderr).not.toMatch(STACK);
      if (entry.expect === 'read') {
        expect([0, 1, 3]).toContain(r.code);
        expect(r.stderr).toBe('');
        const doc = JSON.parse(r.stdout);
        expect(doc.file).toBe(file);
        expect(Array.isArray(doc.sheets)).toBe(true);
        // Sheets without a table do not count when another sheet has one (notes, figures); with
        // no table at all the exit code is 3.
        type S = { headerRow: number | null; findings: { severity: string }[] };
        const tables = doc.sheets.filter((s: S) => s.headerRow !== null);
        const hasErrors = tables.some((s: S) => s.findings.some((f) => f.severity === 'error'));
        expect(r.code).toBe(tables.length === 0 ? 3 : hasErrors ? 1 : 0);
        expect(doc.result).toBe(tables.length === 0 ? 'no-table' : hasErrors ? 'errors' : 'ok');
        // Every finding about a cell names the sheet, the row and the column.
        for (const s of doc.sheets) {
          for (const f of s.findings) {
            expect(typeof f.message).toBe('string');
            if (f.cell) {
              const [, col, row] = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
              expect(f.row).toBe(Number(row));
              expect(f.message).toContain(`'${s.name}'`);
              expect(f.message).toContain(`dòng ${row}`);
              if (f.code === 'cell-error') expect(f.message).toContain(`cột ${col}`);
            }
          }
        }
      } else {
        expect(r.code).toBe(2);
        // --json still prints one JSON document: the error.
        const doc = JSON.parse(r.stdout);
        expect(doc.error.code).toBe(`read-${entry.expect}`);
        expect(doc.sheets).toEqual([]);
        expect(r.stderr).toContain(`"${file}"`);
        expect(r.stderr).toMatch(READ_MESSAGE[entry.expect]);
        if (WHAT_TO_DO[entry.expect]) expect(r.stderr).toMatch(WHAT_TO_DO[entry.expect]);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }
    });

    it('check (human output): same exit code, no stack trace', async () => {
      const json = await run(['check', file, '--json', '--as-of', '2026-06-15']);
      const human = await run(['check', file, '--as-of', '2026-06-15', '--all']);
      expect(human.code).toBe(json.code);
      expect(human.stderr).not.toMatch(STACK);
      expect(human.stdout).not.toMatch(STACK);
      if (entry.expect === 'read') expect(human.stdout).toMatch(/Phân công|PHÂN CÔNG/i);
    });
  });

  it('formulas and error values: each error cell is reported with its sheet, row and column', async () => {
    const file = join(HOSTILE, 'formulas-errors.xlsx');
    const r = await run(['check', file, '--json', '--as-of', '2026-06-15']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const errs = doc.sheets[0].findings.filter((f: { code: string }) => f.code === 'cell-error');
    const cells = errs.map((f: { cell: string }) => f.cell).sort();
    // #REF! in B2, #N/A in C3, error results in C2, C4–C6, and an error value in every E cell.
    for (const c of ['B2', 'C2', 'C3', 'C4', 'C5', 'C6', 'E2', 'E3', 'E4', 'E5', 'E6'])
      expect(cells).toContain(c);
    for (const f of errs) expect(f.message).toMatch(/^Trang 'Công thức', dòng \d+, cột [A-Z]+/);
  });

  it('a file that does not exist: exit 2 and a message naming it', async () => {
    const r = await run(['check', join(HOSTILE, 'khong-co.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('khong-co.xlsx');
    expect(r.stderr).not.toMatch(STACK);
  });
});

// ---------------------------------------------------------------------------------------------
// Nothing lost

const OWN_NAMES = Object.values(OWN_SHEETS) as string[];
const isOwnName = (name: string) =>
  OWN_NAMES.some(
    (own) =>
      name === own ||
      new RegExp(`^${own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`).test(name),
  );

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell the sheet holds (value or style), by address. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, { value: unknown; style: unknown }> {
  const out = new Map<string, { value: unknown; style: unknown }>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, {
        value: JSON.parse(JSON.stringify(cell.value ?? null)),
        style: JSON.parse(JSON.stringify(cell.style ?? {})),
      });
    });
  });
  return out;
}

function sheetLayout(ws: ExcelJS.Worksheet) {
  const rows: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) =>
    rows.push([n, row.hidden ?? false, row.height ?? null]),
  );
  const cols: unknown[] = [];
  for (let c = 1; c <= Math.min(ws.columnCount, 400); c++) {
    const col = ws.getColumn(c);
    cols.push([c, col.hidden ?? false, col.width ?? null]);
  }
  const merges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
  return {
    state: ws.state,
    rows,
    cols,
    merges,
    protection: JSON.parse(
      JSON.stringify((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null),
    ),
  };
}

const readable = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, f)),
  ...corpus.CORPUS.filter((c) => c.expect === 'read').map((c) => join(HOSTILE, c.file)),
];

describe('check --out: nothing lost', () => {
  it.each(readable.map((f) => [basename(f), f]))('%s', async (_name, file) => {
    const before = readFileSync(file);
    const outPath = join(tmpdir(), `phancong-out-${basename(file)}`);
    const r = await run(['check', file, '--out', outPath, '--json', '--as-of', '2026-06-15']);
    expect(r.stderr).not.toMatch(STACK);
    expect([0, 1, 3]).toContain(r.code);
    // The input file is never modified, and nothing but the --out file is written (nothing at
    // all for a workbook without a table: exit 3).
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
    if (r.code === 3) {
      expect(r.written.size).toBe(0);
      return;
    }
    expect([...r.written.keys()]).toEqual([outPath]);

    const input = await load(before);
    const output = await load(r.written.get(outPath)!);
    const inNames = input.worksheets.map((w) => w.name);
    const outNames = output.worksheets.map((w) => w.name);
    // Every user sheet is still there, in the same order; the only new sheets are the add-in's own.
    expect(outNames.filter((n) => inNames.includes(n))).toEqual(inNames);
    for (const n of outNames.filter((x) => !inNames.includes(x))) expect(isOwnName(n)).toBe(true);

    for (const ws of input.worksheets) {
      const out = output.getWorksheet(ws.name)!;
      expect(out).toBeDefined();
      const a = cellsOf(ws);
      const b = cellsOf(out);
      for (const [address, cell] of a)
        expect({
          sheet: ws.name,
          address,
          ...(b.get(address) ?? { value: null, style: {} }),
        }).toEqual({ sheet: ws.name, address, ...cell });
      // No user cell gained a value.
      for (const [address, cell] of b)
        if (!a.has(address))
          expect({ sheet: ws.name, address, value: cell.value }).toEqual({
            sheet: ws.name,
            address,
            value: null,
          });
      expect(sheetLayout(out)).toEqual(sheetLayout(ws));
    }
  });
});
