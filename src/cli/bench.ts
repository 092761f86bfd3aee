/**
 * `npm run bench`: the engine's speed and memory on generated assignment tables (every timed check
 * is of a new sheet; the median is the headline), the cold start (the first check in a new
 * process), the fuzz throughput (random grids per second through analyzeSheet), and the largest
 * sheet (rows × 30 columns) checked within 2 s. Deterministic input: a seeded PRNG of our own,
 * no Math.random.
 *
 *   npm run bench                 # all figures
 *   node dist/cli/cli/bench.js --quick   # smaller runs
 */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { execFileSync } from 'child_process';
import { analyzeSheet } from '../engine/analyze';
import type { CellValue, SheetSnapshot } from '../engine/types';

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const HEADER = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI'];
const AGENCIES = [
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở VHTTDL',
  'Sở VH TTDL',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Nông nghiệp và Môi trường',
  'Sở NN&MT',
  'Sở Khoa học và Công nghệ',
  'Sở GD&ĐT',
  'Sở Y tế',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Ngoại vụ',
  'Công an tỉnh',
  'Bộ Chỉ huy BĐBP',
  'Ban Quản lý các khu công nghiệp',
  'Đài Phát thanh và Truyền hình tỉnh',
  'UBND các xã, phường',
  'Các sở, ngành, địa phương liên quan',
  'Sở Kế hoạch và Đầu tư',
];
const DEADLINES = ['Quý I/2026', 'Quý II/2026', 'Quý III/2026', 'Quý IV/2026', 'Quý III – IV/2026', 'Tháng 6/2026', '30/4/2026', 'Năm 2026', 'Thường xuyên', 'Hằng năm', 'Giai đoạn 2026-2030', 'Quý II/2026 ( vào dịp 30/4)'];
const VERBS = ['Xây dựng', 'Triển khai', 'Rà soát', 'Tuyên truyền', 'Hoàn thiện', 'Kiểm tra, giám sát', 'Đẩy mạnh', 'Tổ chức'];
const OBJECTS = ['kế hoạch phát triển du lịch', 'các sản phẩm du lịch đặc trưng', 'hạ tầng giao thông kết nối', 'chuyển đổi số trong quản lý', 'Lễ hội Hoa Tam giác mạch', 'đào tạo nguồn nhân lực', 'cơ sở dữ liệu về di tích', 'môi trường kinh doanh'];

/**
 * A table like the real ones: a title block, the header, sections (I, II, …) of numbered tasks
 * (some grouped 1 → 1.1, 1.2), continuation rows, the header repeated every ~40 rows (page
 * breaks), Vietnamese agencies and deadlines, some date cells. `taskRows` counts the body rows.
 * `width` > 5 adds further filled columns (a wide tracking sheet).
 */
export function generateSheet(taskRows: number, width = 5, seed = 1): SheetSnapshot {
  const rnd = prng(seed);
  const values: CellValue[][] = [
    [null, 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI'],
    [null, 'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NĂM 2026'],
    [],
  ];
  const header: CellValue[] = HEADER.slice();
  for (let c = HEADER.length; c < width; c++) header.push(c === HEADER.length ? 'Ghi chú' : `Cột ${c + 1}`);
  values.push(header);
  const numberFormats: string[][] = values.map((r) => r.map(() => 'General'));
  let section = 0;
  let n = 0;
  let group = 0;
  let sinceHeader = 0;
  let sectionSize = 0;
  const body = values.length;
  while (values.length - body < taskRows) {
    const r = rnd();
    const fmt: string[] = [];
    let row: CellValue[];
    if (sinceHeader >= 40) {
      row = header.slice();
      sinceHeader = 0;
    } else if (section === 0 || n >= sectionSize) {
      row = [ROMAN[section % ROMAN.length], `NHÓM NHIỆM VỤ ${section + 1}`];
      section++;
      sectionSize = 10 + Math.floor(rnd() * 40);
      n = 0;
      group = 0;
      sinceHeader++;
    } else if (r < 0.08) {
      row = [null, pick(rnd, ['và các nội dung liên quan', 'trên địa bàn tỉnh.', '(tiếp theo)'])];
      sinceHeader++;
    } else {
      n++;
      let tt = String(n);
      if (r < 0.12 && !group) {
        group = n;
        row = [tt, `${pick(rnd, VERBS)} nhóm nhiệm vụ ${n}`];
      } else {
        if (group) tt = `${group}.${n - group}`;
        const supportCount = Math.floor(rnd() * 3);
        const support: string[] = [];
        for (let i = 0; i < supportCount; i++) support.push(pick(rnd, AGENCIES));
        const dateCell = rnd() < 0.1;
        row = [
          tt,
          `${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} (${values.length})`,
          rnd() < 0.03 ? null : pick(rnd, AGENCIES),
          support.join('; ') || null,
          dateCell ? 46023 + Math.floor(rnd() * 365) : pick(rnd, DEADLINES),
        ];
        if (dateCell) fmt[4] = 'dd/mm/yyyy';
        for (let c = HEADER.length; c < width; c++) row.push(rnd() < 0.5 ? null : c % 2 ? `ghi chú ${values.length}:${c}` : Math.floor(rnd() * 1000));
      }
      sinceHeader++;
    }
    values.push(row);
    numberFormats.push(row.map((_, c) => fmt[c] ?? 'General'));
  }
  return { name: 'Phụ lục 02', values, numberFormats };
}

/** A random grid, as hostile as the property tests' (seeded). */
export function randomGrid(rnd: () => number): SheetSnapshot {
  const rows = Math.floor(rnd() * 60);
  const values: CellValue[][] = [];
  const cell = (): CellValue => {
    const k = rnd();
    if (k < 0.35) return null;
    if (k < 0.5) return pick(rnd, AGENCIES);
    if (k < 0.6) return pick(rnd, DEADLINES);
    if (k < 0.7) return pick(rnd, ['I', 'II', '1', '1.1', '2.3.', 'a)', 'TT', 'Nhiệm vụ', '<b>X</b>', 'https://x.vn']);
    if (k < 0.8) return Math.floor(rnd() * 3000000) - 100000;
    if (k < 0.85) return rnd() < 0.5;
    if (k < 0.9) return { error: pick(rnd, ['#REF!', '#N/A', '#VALUE!', '#DIV/0!']) };
    if (k < 0.995) {
      const len = Math.floor(rnd() * 20);
      let s = '';
      for (let i = 0; i < len; i++) s += String.fromCharCode(rnd() < 0.7 ? 32 + Math.floor(rnd() * 95) : 0xc0 + Math.floor(rnd() * 0x1e00));
      return s;
    }
    return 'Nội dung rất dài '.repeat(300);
  };
  for (let r = 0; r < rows; r++) {
    const w = Math.floor(rnd() * 12);
    const row: CellValue[] = [];
    for (let c = 0; c < w; c++) row.push(cell());
    values.push(row);
  }
  if (rnd() < 0.5) values.splice(Math.floor(rnd() * (values.length + 1)), 0, HEADER.slice());
  const merges = [];
  const m = Math.floor(rnd() * 4);
  for (let i = 0; i < m && values.length; i++) {
    const top = Math.floor(rnd() * values.length);
    const left = Math.floor(rnd() * 6);
    merges.push({ top, left, bottom: Math.min(values.length - 1, top + Math.floor(rnd() * 4)), right: left + Math.floor(rnd() * 3) });
  }
  return { name: 'fuzz', values, merges };
}

// ---------------------------------------------------------------------------------------------
// Measuring

const AS_OF = { asOf: '2026-06-15' };

function gcFn(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

function timeOnce(snap: SheetSnapshot): number {
  const t0 = process.hrtime.bigint();
  analyzeSheet(snap, AS_OF);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/**
 * The first check in a new process: nothing compiled yet, the agency dictionary not built. Run in a
 * child process (this one is warm) by `--cold N`, which prints the milliseconds only.
 */
function coldCheck(rows: number): number | null {
  try {
    const out = execFileSync(process.execPath, [__filename, '--cold', String(rows)], { encoding: 'utf8' });
    const ms = Number(out.trim());
    return Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
}

export function runBench(quick: boolean, log: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): void {
  const gc = gcFn();
  log(`Phân công — engine benchmark (node ${process.version}, ${process.platform}/${process.arch})`);

  const coldRows = 10000;
  const cold = coldCheck(coldRows);

  // Warm-up, as in a pane that has checked a few sheets: three different 2,000-row sheets.
  for (let i = 0; i < 3; i++) analyzeSheet(generateSheet(2000, 5, 99 + i), AS_OF);

  log('');
  log('Every check below is of a new sheet (its own seed): nothing is re-checked.');
  log('Rows      first ms   median ms   ms / 1,000 rows   heap Δ (MB)   tasks   findings');
  const sizes = quick ? [1000, 10000] : [1000, 10000, 50000];
  const results: { rows: number; ms: number; runs: number }[] = [];
  for (const rows of sizes) {
    const runs = rows >= 50000 ? 5 : quick ? 7 : 11;
    // The first check of a sheet this size is shown on its own (the JIT meets this size for the
    // first time); the median is over the further sheets.
    const first = timeOnce(generateSheet(rows, 5, rows));
    const times: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const snap = generateSheet(rows, 5, rows + i);
      times.push(timeOnce(snap));
    }
    const snap = generateSheet(rows, 5, rows + runs + 1);
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const report = analyzeSheet(snap, AS_OF);
    const heap = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    const ms = median(times);
    results.push({ rows, ms, runs });
    log(`${fmt(rows).padEnd(9)} ${fmt(first, 1).padStart(8)}   ${fmt(ms, 1).padStart(9)}   ${fmt((ms / rows) * 1000, 1).padStart(15)}   ${fmt(heap, 1).padStart(11)}   ${fmt(report.tasks.length).padStart(5)}   ${fmt(report.findings.length).padStart(8)}`);
  }
  const ten = results.find((r) => r.rows === 10000);
  if (ten) log(`10,000 rows: median ${fmt(ten.ms, 1)} ms over ${ten.runs} new sheets (target < 150 ms: ${ten.ms < 150 ? 'met' : 'NOT met'})`);
  log(cold !== null ? `Cold start: the first check in a new process, ${fmt(coldRows)} rows: ${fmt(cold, 1)} ms (JIT compilation and building the agency dictionary included)` : 'Cold start: could not be measured (child process failed)');
  if (results.length >= 2) {
    // The two largest sizes: at 1,000 rows the fixed cost of a check (header search, rules set-up,
    // summaries) still shows.
    const a = results[results.length - 2];
    const b = results[results.length - 1];
    log(`Growth ${fmt(a.rows)} → ${fmt(b.rows)} rows: ×${fmt(b.ms / a.ms, 1)} time for ×${fmt(b.rows / a.rows)} rows (linear = ×${fmt(b.rows / a.rows)})`);
  }

  // Fuzz throughput.
  const rnd = prng(20260615);
  const budget = quick ? 1000 : 3000;
  let grids = 0;
  let cells = 0;
  const start = Date.now();
  while (Date.now() - start < budget) {
    const g = randomGrid(rnd);
    for (const r of g.values) cells += r.length;
    analyzeSheet(g, AS_OF);
    grids++;
  }
  const secs = (Date.now() - start) / 1000;
  log('');
  log(`Fuzz throughput: ${fmt(grids / secs)} random grids/s (${fmt(cells / secs)} cells/s; ${fmt(grids)} grids in ${fmt(secs, 1)} s)`);

  // Largest sheet within 2 s: rows × 30 columns, doubling.
  let rows = 1000;
  let largest = 0;
  let largestMs = 0;
  const cap = quick ? 64000 : 1024000;
  for (;;) {
    const snap = generateSheet(rows, 30, 7);
    gc?.();
    const ms = timeOnce(snap);
    if (ms > 2000) {
      log(`Largest sheet within 2 s: ${fmt(largest)} rows × 30 columns (${fmt(largestMs)} ms; ${fmt(rows)} rows took ${fmt(ms)} ms)`);
      break;
    }
    largest = rows;
    largestMs = ms;
    if (rows >= cap) {
      log(`Largest sheet within 2 s: at least ${fmt(largest)} rows × 30 columns (${fmt(largestMs)} ms; search capped)`);
      break;
    }
    rows *= 2;
  }
}

if (require.main === module) {
  const coldAt = process.argv.indexOf('--cold');
  if (coldAt >= 0) {
    // Child of coldCheck: generate first (not timed), then one check in this new process.
    const snap = generateSheet(Number(process.argv[coldAt + 1]) || 10000, 5, 424242);
    process.stdout.write(`${timeOnce(snap)}\n`);
  } else {
    runBench(process.argv.includes('--quick'));
  }
}
