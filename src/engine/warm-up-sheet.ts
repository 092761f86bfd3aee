/**
 * A made-up appendix for warming the engine up (V8 parses and compiles its code, the agency
 * dictionary is built) before a real sheet arrives: the CLI checks one while its worker reads a
 * large file (src/cli/warm-up.ts), the pane's worker checks a few in small chunks while the user
 * opens a file or types the date (src/taskpane/check-runner/protocol.ts), and then slices of the
 * sheet it read (warmUpSlices). Pure: the values only.
 * The result of checking it is thrown away; the engine keeps no state that changes its answers.
 */
import type { CellValue, MergedArea, SheetSnapshot } from './types';
import { detectHeader } from './header';

const HEADER = [
  'TT',
  'Nội dung nhiệm vụ',
  'Lãnh đạo phụ trách',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Tình trạng',
  'Ngày hoàn thành',
];
const LEADS = [
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'UBND các huyện, thành phố',
  'Sở Kế hoạch và Đầu tư; Sở Xây dựng',
  '',
];
const DEADLINES: CellValue[] = [
  'Quý I/2026',
  'Tháng 6/2026',
  '30/9/2026',
  'Năm 2026',
  'Thường xuyên',
  46100,
  '',
];
const STATUSES = ['', 'Đang thực hiện', 'Đã hoàn thành', 'Chưa thực hiện'];
/** What a real appendix also holds: abbreviations, unknown agencies, deadlines that do not read. */
const ODD_LEADS = [
  'Sở VHTTDL',
  'Sở NN&MT',
  'Ban Quản lý XYZ',
  'Sở GD&ĐT, Công an tỉnh',
  'UBND cấp xã',
];
const ODD_DEADLINES: CellValue[] = [
  'khi nào xong thì báo',
  '31/2/2026',
  'Quý V/2026',
  'trước ngày 15/7/2026',
  'Tháng 13/2026',
  '6 tháng đầu năm 2026',
  2,
];
const SECTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** The as-of date the made-up appendix is checked for. */
export const WARM_UP_AS_OF = '2026-06-15';

/**
 * A made-up appendix of `rows` rows under its header: a section row every 60 rows, tasks with
 * varied leads, deadlines and states. `first` numbers its tasks from another start (the pane's
 * chunks differ from one another; 1 gives the CLI's appendix). `varied` puts in every third task an
 * abbreviated or unknown agency and a deadline that does not read (the rules' findings and their
 * messages warm up too); without it the appendix is the CLI's.
 */
export function warmUpSheet(rows = 400, first = 1, varied = false): SheetSnapshot {
  const values: CellValue[][] = [HEADER];
  let task = first - 1;
  for (let r = 0; r < rows; r++) {
    if (r % 60 === 0) {
      values.push([SECTIONS[(r / 60) % 7], 'Nhóm nhiệm vụ']);
      continue;
    }
    task++;
    const odd = varied && task % 3 === 0;
    values.push([
      odd && task % 2 ? String(task - 1) : String(task),
      `Triển khai nhiệm vụ số ${task} của kế hoạch`,
      task % 3 ? 'Đ/c Phó Chủ tịch UBND tỉnh' : '',
      odd ? ODD_LEADS[task % ODD_LEADS.length] : LEADS[task % LEADS.length],
      LEADS[(task + 2) % LEADS.length],
      odd ? ODD_DEADLINES[task % ODD_DEADLINES.length] : DEADLINES[task % DEADLINES.length],
      STATUSES[task % STATUSES.length],
      task % 4 === 2 ? 46050 : null,
    ]);
  }
  return { name: 'warm-up', values };
}

/**
 * Slices of a sheet the user opened, for warming the engine up on the very layout, agencies and
 * deadlines the check of that sheet will meet: in Node, a first check of the bench's 10,000-row
 * appendix took about 570 ms cold, 450 ms after the made-up appendix above, 140 ms after 200-row
 * slices of its own rows. Slice `n` is the sheet's rows down to the end of its header, then `rows` body rows
 * from the n-th (merges wholly inside kept, moved up with their rows); null past the end. Only
 * for warming up: what is checked when the user asks is always the whole sheet.
 */
export function warmUpSlices(
  snapshot: SheetSnapshot,
  rows: number,
): (n: number) => SheetSnapshot | null {
  const merges = snapshot.merges ?? [];
  const header = detectHeader(snapshot.values, merges);
  const head = header ? header.row + header.height : 0;
  return (n) => {
    const from = head + n * rows;
    const to = Math.min(from + rows, snapshot.values.length);
    if (from >= to) return null;
    const pick = <T>(xs: T[]): T[] => xs.slice(0, head).concat(xs.slice(from, to));
    const shift = from - head;
    const kept: MergedArea[] = [];
    for (const m of merges) {
      if (m.bottom < head) kept.push(m);
      else if (m.top >= from && m.bottom < to)
        kept.push({ top: m.top - shift, left: m.left, bottom: m.bottom - shift, right: m.right });
    }
    // The sheet's own fields (its origin, hidden rows), its rows replaced by the slice's. The
    // engine gives every snapshot one shape itself (buildModel's sameShape).
    const slice: SheetSnapshot = { ...snapshot, values: pick(snapshot.values) };
    if (snapshot.bold) slice.bold = pick(snapshot.bold);
    if (snapshot.numberFormats) slice.numberFormats = pick(snapshot.numberFormats);
    if (snapshot.merges) slice.merges = kept;
    if (snapshot.hiddenRows)
      slice.hiddenRows = snapshot.hiddenRows.flatMap((r) =>
        r < head ? [r] : r >= from && r < to ? [r - shift] : [],
      );
    return slice;
  };
}
