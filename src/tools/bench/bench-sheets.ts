/**
 * The benchmark's sheets: generated assignment tables like the real ones, and random grids as hostile
 * as the property tests'. Deterministic (a seeded PRNG of our own, no Math.random) and pure (no Node
 * APIs): the same code builds the sheets in Node and in the browser benchmark.
 */
import type { CellValue, SheetSnapshot } from '../../engine/types';

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
const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
];
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
const DEADLINES = [
  'Quý I/2026',
  'Quý II/2026',
  'Quý III/2026',
  'Quý IV/2026',
  'Quý III – IV/2026',
  'Tháng 6/2026',
  '30/4/2026',
  'Năm 2026',
  'Thường xuyên',
  'Hằng năm',
  'Giai đoạn 2026-2030',
  'Quý II/2026 ( vào dịp 30/4)',
];
const VERBS = [
  'Xây dựng',
  'Triển khai',
  'Rà soát',
  'Tuyên truyền',
  'Hoàn thiện',
  'Kiểm tra, giám sát',
  'Đẩy mạnh',
  'Tổ chức',
];
const OBJECTS = [
  'kế hoạch phát triển du lịch',
  'các sản phẩm du lịch đặc trưng',
  'hạ tầng giao thông kết nối',
  'chuyển đổi số trong quản lý',
  'Lễ hội Hoa Tam giác mạch',
  'đào tạo nguồn nhân lực',
  'cơ sở dữ liệu về di tích',
  'môi trường kinh doanh',
];

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
  for (let c = HEADER.length; c < width; c++)
    header.push(c === HEADER.length ? 'Ghi chú' : `Cột ${c + 1}`);
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
        for (let c = HEADER.length; c < width; c++)
          row.push(
            rnd() < 0.5 ? null : c % 2 ? `ghi chú ${values.length}:${c}` : Math.floor(rnd() * 1000),
          );
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
    if (k < 0.7)
      return pick(rnd, [
        'I',
        'II',
        '1',
        '1.1',
        '2.3.',
        'a)',
        'TT',
        'Nhiệm vụ',
        '<b>X</b>',
        'https://x.vn',
      ]);
    if (k < 0.8) return Math.floor(rnd() * 3000000) - 100000;
    if (k < 0.85) return rnd() < 0.5;
    if (k < 0.9) return { error: pick(rnd, ['#REF!', '#N/A', '#VALUE!', '#DIV/0!']) };
    if (k < 0.995) {
      const len = Math.floor(rnd() * 20);
      let s = '';
      for (let i = 0; i < len; i++)
        s += String.fromCharCode(
          rnd() < 0.7 ? 32 + Math.floor(rnd() * 95) : 0xc0 + Math.floor(rnd() * 0x1e00),
        );
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
    merges.push({
      top,
      left,
      bottom: Math.min(values.length - 1, top + Math.floor(rnd() * 4)),
      right: left + Math.floor(rnd() * 3),
    });
  }
  return { name: 'fuzz', values, merges };
}
