/** Message catalogue section: what the Office.js adapter writes into the workbook (summary sheet). */
import type { Catalogue } from './index';

export const office: Catalogue = {
  vi: {
    'office.summary.title': 'Tổng hợp phân công nhiệm vụ — {sheet}',
    'office.summary.total': 'Tổng số nhiệm vụ',
    'office.summary.unassigned': 'Chưa giao cơ quan chủ trì',
    'office.summary.byState': 'Theo tình trạng',
    'office.summary.byLead': 'Theo cơ quan chủ trì (nhiệm vụ có nhiều cơ quan chủ trì được tính cho mỗi cơ quan)',
    'office.summary.byLeader': 'Theo lãnh đạo phụ trách',
    'office.summary.byQuarter': 'Theo quý đến hạn',
    'office.summary.pivots': 'PivotTable (nguồn: bảng {table}; chọn Làm mới sau khi kiểm tra lại)',
    'office.summary.noPivots': 'Phiên bản Excel này chưa cho phép phần bổ trợ tạo PivotTable (cần ExcelApi 1.8).',
    'office.chart.byLead': 'Nhiệm vụ theo cơ quan chủ trì và tình trạng',
    'office.pivot.count': 'Số nhiệm vụ',
  },
  en: {
    'office.summary.title': 'Task assignment summary — {sheet}',
    'office.summary.total': 'Tasks',
    'office.summary.unassigned': 'No lead agency',
    'office.summary.byState': 'By state',
    'office.summary.byLead': 'By lead agency (a task with several lead agencies counts for each)',
    'office.summary.byLeader': 'By leader in charge',
    'office.summary.byQuarter': 'By due quarter',
    'office.summary.pivots': 'PivotTables (source: table {table}; Refresh after checking again)',
    'office.summary.noPivots': 'This version of Excel does not let add-ins create PivotTables (needs ExcelApi 1.8).',
    'office.chart.byLead': 'Tasks by lead agency and state',
    'office.pivot.count': 'Tasks',
  },
};
