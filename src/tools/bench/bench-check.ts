/**
 * `phancong check` against the cost of reading the file (issue 15): whole processes, each size
 * alternating one `phancong check --json` with one bare ExcelJS read of the same file (every cell
 * value visited), medians of the runs; wall time measured around the child process, peak memory
 * as the child's own maximum resident set size (process.resourceUsage().maxRSS, written by a
 * preloaded hook when the child exits: worker threads included, no /usr/bin/time needed). Then
 * batch throughput: one `phancong check <folder>` over many workbooks against one process per file.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { generateSheet } from './bench-sheets';
import { projectRoot } from './root';
import { fmt, median } from './stats';

/** Reads a workbook as a bare ExcelJS user would: load, then visit every cell value. */
export const BARE_READ = `
const ExcelJS = require('exceljs');
const bytes = require('fs').readFileSync(process.argv[1]);
new ExcelJS.Workbook().xlsx.load(bytes).then((wb) => {
  let n = 0;
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => { if (cell.value !== null) n++; }));
  process.stdout.write(String(n) + '\\n');
});`;

/** Preloaded into each measured child: its peak resident memory (KiB on Linux) into a file. */
const RSS_HOOK = `
process.on('exit', () => require('fs').writeFileSync(process.env.PHANCONG_BENCH_RSS, String(process.resourceUsage().maxRSS)));`;

/** An appendix of `rows` body rows and 8 columns, written with ExcelJS (as the issue measured). */
export async function writeTable(rows: number, file: string, seed = rows): Promise<void> {
  const snap = generateSheet(rows, 8, seed);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(snap.name);
  snap.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || typeof v === 'object') return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      const f = snap.numberFormats?.[r]?.[c];
      if (f && f !== 'General') cell.numFmt = f;
    }),
  );
  await wb.xlsx.writeFile(file);
}

export interface Measured {
  ms: number;
  rssMiB: number;
  status: number | null;
}

/** One whole process: wall time around it, its peak RSS from the hook. */
export function measure(args: string[], cwd: string): Measured {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-rss-'));
  const hook = path.join(dir, 'hook.js');
  const rssFile = path.join(dir, 'rss');
  fs.writeFileSync(hook, RSS_HOOK);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', hook, ...args], {
    cwd,
    env: { ...process.env, PHANCONG_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  fs.rmSync(dir, { recursive: true, force: true });
  return { ms, rssMiB: rss, status: r.status };
}

export async function runCheckBench(
  quick: boolean,
  log: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
): Promise<void> {
  const root = projectRoot();
  const cli = path.join(root, 'dist', 'cli', 'cli', 'main.js');
  log('');
  if (!fs.existsSync(cli)) {
    log(
      `phancong check against a bare ExcelJS read: skipped (no ${path.relative(root, cli)}; npm run bench builds it)`,
    );
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phancong-bench-check-'));
  try {
    const runs = quick ? 3 : 5;
    log(
      `phancong check --json against a bare ExcelJS read of the same file (every cell value visited): whole processes, alternating, medians of ${runs}`,
    );
    log('Rows      check s   read s   time ratio   check MiB   read MiB   memory ratio');
    for (const rows of [10000, 50000]) {
      const file = path.join(dir, `table-${rows}.xlsx`);
      await writeTable(rows, file);
      const check: Measured[] = [];
      const read: Measured[] = [];
      for (let i = 0; i < runs; i++) {
        check.push(measure([cli, 'check', file, '--json', '--as-of', '2026-06-15'], root));
        read.push(measure(['-e', BARE_READ, file], root));
      }
      const failed = check.find((m) => m.status !== 1 && m.status !== 0);
      if (failed) log(`  (check exited ${failed.status})`);
      const c = {
        s: median(check.map((m) => m.ms)) / 1000,
        mib: median(check.map((m) => m.rssMiB)),
      };
      const r = { s: median(read.map((m) => m.ms)) / 1000, mib: median(read.map((m) => m.rssMiB)) };
      const tr = c.s / r.s;
      const mr = c.mib / r.mib;
      log(
        `${fmt(rows).padEnd(9)} ${fmt(c.s, 2).padStart(7)}   ${fmt(r.s, 2).padStart(6)}   ${`${fmt(tr, 2)}×`.padStart(10)}   ${fmt(c.mib).padStart(9)}   ${fmt(r.mib).padStart(8)}   ${`${fmt(mr, 2)}×`.padStart(12)}` +
          `   (targets ≤ 1.2× / ≤ 1.5×: ${tr <= 1.2 ? 'met' : 'NOT met'} / ${mr <= 1.5 ? 'met' : 'NOT met'})`,
      );
    }

    // Batch: a folder of appendices in one process, against one process per file.
    const files = quick ? 20 : 50;
    const folder = path.join(dir, 'batch');
    fs.mkdirSync(folder);
    for (let i = 0; i < files; i++)
      await writeTable(
        300,
        path.join(folder, `phu-luc-${String(i + 1).padStart(3, '0')}.xlsx`),
        1000 + i,
      );
    const batch = measure([cli, 'check', folder, '--json', '--as-of', '2026-06-15'], root);
    const sample = Math.min(files, 10);
    let single = 0;
    for (let i = 0; i < sample; i++)
      single += measure(
        [
          cli,
          'check',
          path.join(folder, `phu-luc-${String(i + 1).padStart(3, '0')}.xlsx`),
          '--json',
          '--as-of',
          '2026-06-15',
        ],
        root,
      ).ms;
    const perFile = single / sample;
    log(
      `Batch: ${files} appendices of 300 rows in one process ${fmt(batch.ms / 1000, 2)} s (${fmt(files / (batch.ms / 1000), 1)} files/s, peak ${fmt(batch.rssMiB)} MiB); ` +
        `one process per file ${fmt(perFile)} ms each (${fmt(1000 / perFile, 1)} files/s, mean of ${sample})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
