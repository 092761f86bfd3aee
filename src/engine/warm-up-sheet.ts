/**
 * A made-up appendix for warming the engine up (V8 parses and compiles its code, the agency
 * dictionary is built) before a real sheet arrives: the CLI checks one while its worker reads a
 * large file (src/cli/warm-up.ts), the pane's worker checks a few in small chunks while the user
 * opens a file or types the date (src/taskpane/check-runner/protocol.ts). Pure: the values only.
 * The result of checking it is thrown away; the engine keeps no state that changes its answers.
 */
import type { CellValue, SheetSnapshot } from './types';

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
const SECTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** The as-of date the made-up appendix is checked for. */
export const WARM_UP_AS_OF = '2026-06-15';

/**
 * A made-up appendix of `rows` rows under its header: a section row every 60 rows, tasks with
 * varied leads, deadlines and states. `first` numbers its tasks from another start (the pane's
 * chunks differ from one another; 1 gives the CLI's appendix).
 */
export function warmUpSheet(rows = 400, first = 1): SheetSnapshot {
  const values: CellValue[][] = [HEADER];
  let task = first - 1;
  for (let r = 0; r < rows; r++) {
    if (r % 60 === 0) {
      values.push([SECTIONS[(r / 60) % 7], 'Nhóm nhiệm vụ']);
      continue;
    }
    task++;
    values.push([
      String(task),
      `Triển khai nhiệm vụ số ${task} của kế hoạch`,
      task % 3 ? 'Đ/c Phó Chủ tịch UBND tỉnh' : '',
      LEADS[task % LEADS.length],
      LEADS[(task + 2) % LEADS.length],
      DEADLINES[task % DEADLINES.length],
      STATUSES[task % STATUSES.length],
      task % 4 === 2 ? 46050 : null,
    ]);
  }
  return { name: 'warm-up', values };
}
