/**
 * Message catalogue section: the .xlsx writer (the add-in's own sheets written by `phancong check
 * --out` and by the browser download). Keys are ids; {name} marks a placeholder.
 */
import type { Catalogue } from './index';

export const xlsx: Catalogue = {
  vi: {
    'xlsx.summary.title': 'Tổng hợp tình hình thực hiện nhiệm vụ',
    'xlsx.summary.asOf':
      'Số liệu tính đến ngày {date}. Các ô là công thức đếm trên trang "{sheet}", tự cập nhật khi trang đó thay đổi.',
    'xlsx.summary.asOfValues': 'Số liệu của trang "{sheet}" tính đến ngày {date}.',
    'xlsx.summary.byLead':
      'Theo cơ quan chủ trì (nhiệm vụ có nhiều cơ quan chủ trì được tính cho từng cơ quan)',
    'xlsx.summary.byLeader': 'Theo lãnh đạo phụ trách',
    'xlsx.summary.byQuarter': 'Theo quý của thời hạn hoàn thành',
    'xlsx.summary.bySection': 'Theo mục',
    'xlsx.summary.allTasks': 'Tổng số nhiệm vụ',
  },
  en: {
    'xlsx.summary.title': 'Task progress summary',
    'xlsx.summary.asOf':
      'Figures as of {date}. The cells are counting formulas over the sheet "{sheet}" and update when it changes.',
    'xlsx.summary.asOfValues': 'Figures of the sheet "{sheet}" as of {date}.',
    'xlsx.summary.byLead': 'By lead agency (a task with several lead agencies counts for each)',
    'xlsx.summary.byLeader': 'By leader in charge',
    'xlsx.summary.byQuarter': 'By quarter of the due date',
    'xlsx.summary.bySection': 'By section',
    'xlsx.summary.allTasks': 'All tasks',
  },
};
