/** Message catalogue section: what the Office.js adapter writes into the workbook (summary sheet). */
import type { Catalogue } from './index';

export const office: Catalogue = {
  vi: {
    'office.summary.pivots': 'PivotTable (nguồn: bảng {table}; chọn Làm mới sau khi kiểm tra lại)',
    'office.summary.noPivots':
      'Phiên bản Excel này chưa cho phép phần bổ trợ tạo PivotTable (cần ExcelApi 1.8).',
    'office.chart.byLead': 'Nhiệm vụ theo cơ quan chủ trì và tình trạng',
    'office.pivot.count': 'Số nhiệm vụ',
  },
  en: {
    'office.summary.pivots': 'PivotTables (source: table {table}; Refresh after checking again)',
    'office.summary.noPivots':
      'This version of Excel does not let add-ins create PivotTables (needs ExcelApi 1.8).',
    'office.chart.byLead': 'Tasks by lead agency and state',
    'office.pivot.count': 'Tasks',
  },
};
