/**
 * While the worker reads a large workbook, the command's own thread would only wait: it checks a
 * small made-up appendix instead, so V8 has parsed and compiled the engine (and the agency
 * dictionary is built) by the time the real sheets arrive. The result is thrown away; the engine
 * is deterministic, so the real report is the same with or without it (test/cli/warm-up.test.ts).
 */
import { analyzeSheet } from '../engine/analyze';
import type { CellValue, Lang } from '../engine/types';

/** Files smaller than this read faster than the warm-up would take: no warm-up. */
export const WARM_UP_MIN_BYTES = 200_000;

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

let warmed = false;

/** Check a made-up appendix of `rows` rows once per process (later calls do nothing). */
export function warmUpEngine(lang: Lang, rows = 400): void {
  if (warmed) return;
  warmed = true;
  const values: CellValue[][] = [HEADER];
  let task = 0;
  for (let r = 0; r < rows; r++) {
    if (r % 60 === 0) {
      values.push([['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'][(r / 60) % 7], 'Nhóm nhiệm vụ']);
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
  analyzeSheet({ name: 'warm-up', values }, { asOf: '2026-06-15', lang });
}
