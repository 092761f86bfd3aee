/**
 * fast-check arbitraries for the engine's robustness properties (engine.property.test.ts).
 *
 * Two families:
 * - structured grids: a title block, the real header row "TT | Nhiệm vụ | Cơ quan chủ trì |
 *   Cơ quan phối hợp | Thời gian thực hiện", then sections of tasks with continuation rows, noise
 *   rows, extra cells, Vietnamese agencies and deadlines, date serials, error values and merges,
 *   then a signature block. Kept as blocks (one per section) so properties can permute sections
 *   and insert rows without breaking merges.
 * - fully random grids: any cell value (any Unicode, lone surrogates, huge strings, numbers
 *   including NaN/±Infinity/-0, booleans, error values), ragged rows, random (even overlapping)
 *   merges, random bold flags and number formats, sometimes the real header pasted at a random row.
 */
import fc from 'fast-check';
import type {
  AnalyzeOptions,
  CellValue,
  ColumnMap,
  MergedArea,
  Role,
  SheetSnapshot,
} from '../../src/engine/types';
import { ROLES } from '../../src/engine/types';

/** How many runs each property makes: small by default so `npm test` stays fast; CI sets more. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.PHANCONG_FUZZ_RUNS) || 60);

export const HEADER: CellValue[] = [
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian thực hiện',
];
export const HEADER_WIDTH = HEADER.length;

export const ROMAN = [
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

export const AGENCIES = [
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Văn hoá, Thể thao và Du lịch',
  'Sở VHTTDL',
  'Sở VH TTDL',
  'Sở VH TTL',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Nông nghiệp và Môi trường',
  'Sở NN&MT',
  'Sở KH&CN',
  'Sở GD&ĐT',
  'Sở Kế hoạch và Đầu tư',
  'Sở Thông tin và Truyền thông',
  'Sở Y tế',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Ngoại vụ',
  'Sở Tư pháp',
  'Công an tỉnh',
  'Bộ Chỉ huy BĐBP',
  'Bộ Chỉ huy Quân sự tỉnh',
  'Ban Quản lý các khu công nghiệp',
  'Đài Phát thanh và Truyền hình tỉnh',
  'Hội Liên hiệp Phụ nữ tỉnh',
  'UBND các xã, phường',
  'UBND xã Bắc Hà',
  'Các sở, ngành, địa phương liên quan',
  'Các sở: Văn hóa, Thể thao và Du lịch, Ngoại vụ',
  'Giám đốc Sở VHTTDL',
  'Phó Chủ tịch UBND tỉnh, Nguyễn Thành Sinh',
  'Sở VHTTDLSở Tài chính',
  '<b>Sở Du lịch</b>',
  'Sở Nội vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch; UBND các xã, phường.',
  'Cơ quan X không có trong danh mục',
];

export const DEADLINE_TEXTS = [
  'Quý I/2026',
  'Quý II/2026',
  'Quý IV/ 2026',
  'quý 1 năm 2026',
  'Hoàn thành trong Quý I/2026',
  'Quý III – IV/2026',
  'Quý II hoặc Quý III/2026',
  'Tháng 6/2026',
  'tháng 02 năm 2026',
  '30/4/2026',
  'ngày 30 tháng 4 năm 2026',
  'trước ngày 25/11/2026',
  'Năm 2026',
  'Trong năm 2026',
  'Giai đoạn 2026-2030',
  'đến năm 2030',
  'Thường xuyên',
  'Hằng năm',
  'Định kỳ theo yêu cầu',
  'Năm 2026 và các năm tiếp theo',
  'Quý II/2026 ( vào dịp 30/4)',
  'Quý III/2026 (tháng 10/2026)',
  'Quý I/2026 (tháng 10/2026)',
  'Năm 2026 (theo chương trình HT)',
  'Quý II',
  'tháng 13/2026',
  '31/02/2026',
  'Quý V/2026',
  '2026-06-30',
  'sớm nhất có thể',
  '',
];

const TASK_VERBS = [
  'Xây dựng',
  'Triển khai',
  'Rà soát',
  'Tuyên truyền',
  'Hoàn thiện',
  'Kiểm tra, giám sát',
  'Đẩy mạnh',
  'Nâng cao chất lượng',
  'Tổ chức',
];
const TASK_OBJECTS = [
  'kế hoạch phát triển du lịch năm 2026',
  'các sản phẩm du lịch đặc trưng',
  'hạ tầng giao thông kết nối các điểm du lịch',
  'chuyển đổi số trong quản lý nhà nước',
  'Lễ hội Hoa Tam giác mạch',
  'công tác đào tạo nguồn nhân lực',
  'cơ sở dữ liệu về di tích',
  'quảng bá hình ảnh tại <a href="https://www.google.com/search?q=lao+cai">Lào Cai</a>',
  'môi trường kinh doanh; cải cách hành chính',
  'an ninh, trật tự tại khu, điểm du lịch',
];
const CONTINUATIONS = [
  'và các nội dung liên quan',
  '(tiếp theo)',
  'trên địa bàn tỉnh.',
  'đảm bảo tiến độ đề ra',
  'theo quy định',
];
const SIGNATURES = [
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Nơi nhận:',
  'Ghi chú: số liệu tạm tính',
  'Người lập biểu',
];
const TITLES = [
  'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Phụ lục 02',
  'PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NĂM 2026',
  '(Kèm theo Kế hoạch số 123/KH-UBND ngày 15/01/2026)',
];
const ERRORS = [
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
];
const FORMATS = [
  'General',
  'dd/mm/yyyy',
  'd/m/yyyy',
  'mm-dd-yy',
  '[$-409]d-mmm-yy;@',
  '@',
  '0.00',
  '#,##0',
  'yyyy-mm-dd hh:mm',
  '"Quý "0',
];

/** Hostile long strings: huge cells and classic regex-backtracking shapes. */
export const HUGE_STRINGS: string[] = [
  'Nội dung rất dài '.repeat(300), // ~5,000 characters
  'x'.repeat(5000),
  ' '.repeat(5000) + 'x',
  '('.repeat(2000) + 'Quý II/2026',
  'Quý '.repeat(1500),
  '1.'.repeat(2500),
  '9'.repeat(5000),
  '<b'.repeat(2000),
  '<a href="' + 'a'.repeat(3000),
  'http://' + 'a.'.repeat(2000),
  'Sở '.repeat(1500) + 'Văn hóa',
  'Sở Văn hóa, '.repeat(400),
  'ngày 30 tháng 4 năm '.repeat(200),
  'Giai đoạn 2026-'.repeat(300),
  'Sở Tài chính; '.repeat(300),
  'Quý I/2026 ('.repeat(400),
  '\u0301'.repeat(3000),
  'đ'.repeat(5000),
  '\n\t\u00a0\u200b'.repeat(1000),
  'chủ trì, phối hợp với '.repeat(200),
];

export const errorValue = fc.constantFrom(...ERRORS).map((error): CellValue => ({ error }));

/** Any cell value an adapter could hand over, and some it should not (NaN, ±Infinity, -0). */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  // lone surrogates and control characters
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 10 })
      .map((cs) => String.fromCharCode(...cs)),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...AGENCIES,
      ...DEADLINE_TEXTS,
      ...TASK_OBJECTS,
      ...SIGNATURES,
      ...TITLES,
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'I',
      'II',
      'IV',
      'XIV',
      'Phần II',
      'Mục V',
      '1',
      '1.1',
      '2.2.1',
      '3.4.',
      'a)',
      'b)',
      '1..2',
      'TT',
      'STT',
    ),
  },
  { weight: 2, arbitrary: fc.integer({ min: -100000, max: 3000000 }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1e308,
      -1e308,
      5e-324,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      2958465,
      2958466,
      60,
      61,
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: errorValue },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<b>II</b>',
      '<b>1</b>',
      '<a href="http://x">y</a>',
      'https://www.google.com/search?q=s%E1%BB%9F',
      '=SUM(A1:A3)',
      '#REF!',
      '{"error":"x"}',
      '__proto__',
      'constructor',
      'toString',
    ),
  },
);

/** Merges anywhere in a rows × cols grid, including overlapping and one-cell ones. */
export function mergesIn(rows: number, cols: number, max = 6): fc.Arbitrary<MergedArea[]> {
  if (rows === 0 || cols === 0) return fc.constant([]);
  const area = fc
    .tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.nat(4), fc.nat(4))
    .map(([top, left, h, w]) => ({
      top,
      left,
      bottom: Math.min(rows - 1, top + h),
      right: Math.min(cols - 1, left + w),
    }));
  return fc.array(area, { maxLength: max });
}

/** A fully random sheet, sometimes with the real header pasted in at a random row. */
export const randomSnapshot: fc.Arbitrary<SheetSnapshot> = fc
  .tuple(
    fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 70 }),
    fc.option(fc.nat(65), { nil: undefined }),
    fc.boolean(),
    fc.string({ maxLength: 31 }),
    fc.option(fc.record({ row: fc.nat(1000), col: fc.nat(50) }), { nil: undefined }),
  )
  .chain(([rows, headerAt, withExtras, name, origin]) => {
    const values = rows.map((r) => r.slice());
    if (headerAt !== undefined) {
      const at = Math.min(headerAt, values.length);
      values.splice(at, 0, HEADER.slice());
    }
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    return fc
      .tuple(
        mergesIn(values.length, width),
        fc.array(fc.array(fc.boolean(), { maxLength: width }), {
          minLength: values.length,
          maxLength: values.length,
        }),
        fc.array(fc.array(fc.constantFrom(...FORMATS), { maxLength: width }), {
          minLength: values.length,
          maxLength: values.length,
        }),
        fc.array(fc.nat(Math.max(0, values.length)), { maxLength: 5 }),
      )
      .map(([merges, bold, numberFormats, hiddenRows]) => {
        const snap: SheetSnapshot = { name, values, merges };
        if (withExtras) {
          snap.bold = bold;
          snap.numberFormats = numberFormats;
          snap.hiddenRows = hiddenRows;
        }
        if (origin) snap.origin = origin;
        return snap;
      });
  });

// ---------------------------------------------------------------------------------------------
// Structured grids

/** A run of rows that moves as one (a section and its tasks), with merges relative to its first row. */
export interface Block {
  rows: CellValue[][];
  formats: string[][];
  merges: MergedArea[];
}

export interface GridSpec {
  title: CellValue[][];
  header: CellValue[];
  /** Tasks before the first section. */
  preamble: Block;
  sections: Block[];
  /** Signature block: a signature row first, then rows with nothing in the TT column. */
  tail: CellValue[][];
}

const ttText = (n: number, style: number, group: number): string =>
  style === 0
    ? String(n)
    : style === 1
      ? `${group}.${n}`
      : style === 2
        ? `${group}.${n}.`
        : style === 3
          ? `${group}.${n}.1`
          : `${String.fromCharCode(96 + ((n - 1) % 26) + 1)})`;

const deadlineCell: fc.Arbitrary<{ v: CellValue; f: string }> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...DEADLINE_TEXTS).map((v) => ({ v: v as CellValue, f: 'General' })),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 45658, max: 47118 })
      .map((v) => ({ v: v as CellValue, f: 'dd/mm/yyyy' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 3000000 })
      .map((v) => ({ v: v as CellValue, f: 'General' })),
  },
  { weight: 1, arbitrary: errorValue.map((v) => ({ v, f: 'General' })) },
  { weight: 1, arbitrary: fc.constant({ v: null as CellValue, f: 'General' }) },
);

const supportCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc
    .array(fc.constantFrom(...AGENCIES), { minLength: 1, maxLength: 3 })
    .chain((xs) => fc.constantFrom('; ', ', ', '\n', ' - ').map((sep) => xs.join(sep))),
);

/** Noise for body cells: anything but a section or task number (so blocks stay blocks). */
const noiseCell: fc.Arbitrary<CellValue> = anyCell.filter((v) => {
  if (typeof v !== 'string') return true;
  const s = v.replace(/<[^>]*>/g, '').trim();
  return (
    !/^(phần|mục|phan|muc)?\s*[IVXLCDM]+[.:)]?$/i.test(s) &&
    !/^\d/.test(s) &&
    !/^[a-zđ]\)$/i.test(s)
  );
});

interface TaskRows {
  rows: CellValue[][];
  formats: string[][];
}

function taskRows(tt: string): fc.Arbitrary<TaskRows> {
  return fc
    .record({
      verb: fc.constantFrom(...TASK_VERBS),
      object: fc.constantFrom(...TASK_OBJECTS),
      lead: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...AGENCIES) as fc.Arbitrary<CellValue> },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: errorValue },
      ),
      support: supportCell,
      deadline: deadlineCell,
      extra: fc.array(noiseCell, { maxLength: 3 }),
      continuations: fc.array(
        fc.oneof(
          fc.constantFrom(...CONTINUATIONS).map((s) => [null, s] as CellValue[]),
          fc.constantFrom(...AGENCIES).map((s) => [null, null, s] as CellValue[]),
          fc
            .array(noiseCell, { minLength: 2, maxLength: 6 })
            .map((cells) => [null, ...cells] as CellValue[]),
        ),
        { maxLength: 2 },
      ),
      ttCell: fc.oneof(
        { weight: 8, arbitrary: fc.constant(tt as CellValue) },
        { weight: 1, arbitrary: fc.constant(`<b>${tt}</b>` as CellValue) },
      ),
    })
    .map((r) => {
      const first: CellValue[] = [
        r.ttCell,
        `${r.verb} ${r.object}`,
        r.lead,
        r.support,
        r.deadline.v,
        ...r.extra,
      ];
      const rows = [first, ...r.continuations];
      const formats = rows.map((row, i) =>
        row.map((_, c) => (i === 0 && c === 4 ? r.deadline.f : 'General')),
      );
      return { rows, formats };
    });
}

/** A section block: section row, tasks (some grouped), noise rows, blank rows, local merges. */
function sectionBlock(label: string | null): fc.Arbitrary<Block> {
  return fc
    .record({
      titleStyle: fc.nat(3),
      count: fc.nat(label === null ? 3 : 7),
      style: fc.nat(4),
      group: fc.integer({ min: 1, max: 9 }),
      noise: fc.array(fc.tuple(fc.nat(10), fc.array(noiseCell, { minLength: 1, maxLength: 7 })), {
        maxLength: 2,
      }),
      blanks: fc.array(fc.nat(10), { maxLength: 2 }),
      mergeSeed: fc.array(
        fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 })),
        { maxLength: 2 },
      ),
      mergeTitle: fc.boolean(),
    })
    .chain((p) =>
      fc
        .tuple(
          ...Array.from({ length: p.count }, (_, i) => taskRows(ttText(i + 1, p.style, p.group))),
        )
        .map((tasks) => {
          const rows: CellValue[][] = [];
          const formats: string[][] = [];
          const merges: MergedArea[] = [];
          if (label !== null) {
            const labelText =
              p.titleStyle === 0
                ? label
                : p.titleStyle === 1
                  ? `${label}.`
                  : p.titleStyle === 2
                    ? `<b>${label}</b>`
                    : `Phần ${label}`;
            rows.push([labelText, `Nhóm nhiệm vụ ${label}: phát triển sản phẩm`]);
            formats.push(['General', 'General']);
            if (p.mergeTitle) merges.push({ top: 0, left: 1, bottom: 0, right: HEADER_WIDTH - 1 });
          }
          if (p.style === 1 || p.style === 2) {
            rows.push([String(p.group), 'Nhóm nhiệm vụ']);
            formats.push(['General', 'General']);
          }
          tasks.forEach((t, i) => {
            for (const [at, cells] of p.noise)
              if (at === i) {
                rows.push([null, ...cells]);
                formats.push(cells.map(() => 'General').concat('General'));
              }
            for (const at of p.blanks)
              if (at === i) {
                rows.push([]);
                formats.push([]);
              }
            rows.push(...t.rows);
            formats.push(...t.formats);
          });
          // Vertical merges inside the block (lead / support / deadline columns), covered cells emptied
          // as Excel shows them.
          for (const [seed, col, height] of p.mergeSeed) {
            const start = label !== null ? 1 : 0;
            if (rows.length - start < 2) continue;
            const top = start + (seed % (rows.length - start - 1));
            const bottom = Math.min(rows.length - 1, top + height - 1);
            const c = 1 + col; // 2..5 → columns C..F (0-based 2..5)
            if (c >= HEADER_WIDTH) continue;
            if (
              merges.some((m) => !(m.bottom < top || m.top > bottom || m.right < c || m.left > c))
            )
              continue;
            for (let r = top + 1; r <= bottom; r++) if (rows[r].length > c) rows[r][c] = null;
            merges.push({ top, left: c, bottom, right: c });
          }
          return { rows, formats, merges };
        }),
    );
}

export const gridSpec: fc.Arbitrary<GridSpec> = fc
  .record({
    titleRows: fc.nat(45),
    titleTexts: fc.array(fc.constantFrom(...TITLES), { maxLength: 5 }),
    headerVariant: fc.nat(3),
    sectionCount: fc.nat(8),
    tailRows: fc.array(fc.constantFrom(...SIGNATURES.slice(1)), { maxLength: 3 }),
    tailBlanks: fc.nat(2),
  })
  .chain((p) =>
    fc
      .tuple(
        sectionBlock(null),
        fc.tuple(...Array.from({ length: p.sectionCount }, (_, i) => sectionBlock(ROMAN[i]))),
      )
      .map(([preamble, sections]) => {
        const title: CellValue[][] = [];
        for (let i = 0; i < p.titleRows; i++)
          title.push(i < p.titleTexts.length ? [null, p.titleTexts[i]] : []);
        const header =
          p.headerVariant === 0
            ? HEADER.slice()
            : p.headerVariant === 1
              ? ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn']
              : p.headerVariant === 2
                ? [
                    'TT',
                    'Nhiệm vụ',
                    'Cơ quan\nchủ trì',
                    'Cơ quan\nphối hợp',
                    'Thời gian\nthực hiện',
                  ]
                : [
                    '<b>TT</b>',
                    '<b>Nhiệm vụ</b>',
                    '<b>Cơ quan chủ trì</b>',
                    '<b>Cơ quan phối hợp</b>',
                    '<b>Thời gian thực hiện</b>',
                  ];
        const tail: CellValue[][] = [];
        for (let i = 0; i < p.tailBlanks; i++) tail.push([]);
        tail.push([null, null, null, 'TM. ỦY BAN NHÂN DÂN']);
        for (const s of p.tailRows) tail.push([null, null, null, s]);
        return { title, header, preamble, sections, tail };
      }),
  );

export interface Assembled {
  snapshot: SheetSnapshot;
  /** 0-based row of the header. */
  headerRow: number;
}

/** Lay a spec out as a sheet. */
export function assemble(spec: GridSpec, name = 'Phụ lục 02'): Assembled {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const merges: MergedArea[] = [];
  const push = (rows: CellValue[][], formats?: string[][]) => {
    rows.forEach((r, i) => {
      values.push(r.slice());
      numberFormats.push(formats?.[i]?.slice() ?? r.map(() => 'General'));
    });
  };
  push(spec.title);
  const headerRow = values.length;
  push([spec.header]);
  for (const block of [spec.preamble, ...spec.sections]) {
    const base = values.length;
    push(block.rows, block.formats);
    for (const m of block.merges)
      merges.push({ top: m.top + base, left: m.left, bottom: m.bottom + base, right: m.right });
  }
  push(spec.tail);
  return { snapshot: { name, values, numberFormats, merges }, headerRow };
}

/** Insert rows before index `at`, shifting every parallel array and the merges. */
export function insertRows(snap: SheetSnapshot, at: number, rows: CellValue[][]): SheetSnapshot {
  const n = rows.length;
  const values = snap.values.slice();
  values.splice(at, 0, ...rows.map((r) => r.slice()));
  const out: SheetSnapshot = { ...snap, values };
  if (snap.numberFormats) {
    const f = snap.numberFormats.slice();
    f.splice(at, 0, ...rows.map((r) => r.map(() => 'General')));
    out.numberFormats = f;
  }
  if (snap.bold) {
    const b = snap.bold.slice();
    b.splice(at, 0, ...rows.map((r) => r.map(() => false)));
    out.bold = b;
  }
  out.merges = (snap.merges ?? []).map((m) =>
    m.top >= at
      ? { ...m, top: m.top + n, bottom: m.bottom + n }
      : m.bottom >= at
        ? { ...m, bottom: m.bottom + n }
        : m,
  );
  return out;
}

/** Options: a random as-of date, language, due-soon window, sometimes a plan year or a (hostile) column override. */
export const analyzeOptions: fc.Arbitrary<AnalyzeOptions> = fc
  .record({
    asOf: fc
      .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10)),
    lang: fc.constantFrom('vi' as const, 'en' as const),
    dueSoonDays: fc.nat(400),
    planYear: fc.option(fc.integer({ min: 1900, max: 2200 }), { nil: undefined }),
    columns: fc.option(
      fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.nat(20)), { maxLength: 6 }).map((pairs) => {
        const map: ColumnMap = {};
        for (const [role, col] of pairs) map[role as Role] = col;
        return map;
      }),
      { nil: undefined },
    ),
  })
  .map((o) => {
    const out: AnalyzeOptions = { asOf: o.asOf, lang: o.lang, dueSoonDays: o.dueSoonDays };
    if (o.planYear !== undefined) out.planYear = o.planYear;
    if (o.columns !== undefined) out.columns = o.columns;
    return out;
  });
