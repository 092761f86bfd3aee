/** Message catalogue section: ui (the task pane and its ribbon). Keys are ids; {name} marks a placeholder. */
import type { Catalogue } from './index';

export const ui: Catalogue = {
  vi: {
    'ui.app.title': 'Phân công',
    'ui.app.subtitle': 'Kiểm tra và theo dõi bảng phân công nhiệm vụ',
    'ui.boot.loading': 'Đang khởi động…',
    'ui.boot.notInOffice':
      'Trang này cần được mở bên trong Excel: trên thẻ Trang đầu (Home), chọn nút "Kiểm tra" của nhóm Phân công.',
    'ui.boot.officeFailed':
      'Không tải được thư viện Office.js của Microsoft. Hãy kiểm tra kết nối mạng rồi mở lại ngăn tác vụ.',
    'ui.boot.failed': 'Không khởi động được ngăn tác vụ. Hãy đóng rồi mở lại.',

    'ui.section.check': 'Kiểm tra',
    'ui.section.summary': 'Tổng hợp',
    'ui.sheet.label': 'Trang tính cần kiểm tra',
    'ui.sheet.placeholder': 'Chọn trang tính',
    'ui.sheet.active': '{name} (đang mở)',
    'ui.sheet.none': 'Sổ làm việc chưa có trang tính nào để kiểm tra.',
    'ui.sheet.reload': 'Tải lại danh sách trang tính',
    'ui.asOf.label': 'Tính tình trạng đến ngày',
    'ui.asOf.hint': 'Ngày/tháng/năm. Mặc định là hôm nay.',
    'ui.asOf.placeholder': 'dd/mm/yyyy',
    'ui.asOf.invalid': 'Không có ngày này. Hãy nhập ngày/tháng/năm, ví dụ 01/12/2026.',
    'ui.dueSoon.label': 'Số ngày coi là "sắp đến hạn"',
    'ui.dueSoon.hint': 'Nhiệm vụ còn từ 0 đến số ngày này là đến hạn.',
    'ui.check.button': 'Kiểm tra',
    'ui.check.again': 'Kiểm tra lại',

    'ui.report.header': 'Bảng phân công bắt đầu ở dòng {row} của trang {sheet}.',
    'ui.report.planYear': 'Năm kế hoạch: {year}.',
    'ui.report.planYears': 'Các năm của kế hoạch: {from}–{to}.',
    'ui.report.scope.central': 'Kế hoạch cấp trung ương.',
    'ui.report.scope.provincial': 'Kế hoạch cấp tỉnh.',
    'ui.report.scope.commune': 'Kế hoạch cấp xã.',
    'ui.report.missingRoles':
      'Chưa tìm thấy cột bắt buộc: {roles}. Hãy chọn cột ở mục "Cột của bảng".',

    'ui.columns.heading': 'Cột của bảng',
    'ui.columns.hint': 'Sửa khi cột được nhận diện sai. Lựa chọn được lưu trong sổ làm việc.',
    'ui.columns.autoFound': 'Tự động ({option})',
    'ui.columns.autoMissing': 'Tự động (chưa tìm thấy)',
    'ui.columns.option': '{letter} — {header}',
    'ui.columns.optionEmpty': '{letter} — (không có tiêu đề)',
    'ui.columns.required': '{role} (bắt buộc)',

    'ui.counters.heading': 'Tổng quan',
    'ui.counters.tasks': 'Nhiệm vụ',
    'ui.counters.overdue': 'Quá hạn',
    'ui.counters.dueSoon': 'Sắp đến hạn',
    'ui.counters.unassigned': 'Chưa giao chủ trì',
    'ui.counters.errors': 'Lỗi',
    'ui.counters.warnings': 'Cảnh báo',

    'ui.findings.heading': 'Các vấn đề phát hiện ({count})',
    'ui.findings.filterSeverity': 'Lọc theo mức độ',
    'ui.findings.filterRule': 'Lọc theo loại vấn đề',
    'ui.findings.allSeverities': 'Mọi mức độ',
    'ui.findings.allRules': 'Mọi loại vấn đề',
    'ui.findings.rule': '{code} ({count})',
    'ui.findings.severityGroup': '{severity} ({count})',
    'ui.findings.none': 'Không phát hiện vấn đề nào.',
    'ui.findings.noneFiltered': 'Không có vấn đề nào khớp bộ lọc.',
    'ui.findings.sheetLevel': 'Cả trang',
    'ui.findings.goTo': 'Đi tới ô {cell}: {message}',
    'ui.findings.suggestion': 'Gợi ý: {suggestion}',
    'ui.findings.showMore': 'Xem thêm {count} (còn {rest})',

    'ui.actions.heading': 'Đánh dấu trên trang tính',
    'ui.actions.mark': 'Tô màu',
    'ui.actions.markHint':
      'Tô màu các dòng quá hạn, sắp đến hạn, chưa giao chủ trì hoặc có lỗi. Chỉ dùng định dạng có điều kiện: dữ liệu và định dạng của bạn giữ nguyên.',
    'ui.actions.unmark': 'Xóa tô màu',
    'ui.actions.summary': 'Tạo bảng tổng hợp',
    'ui.actions.summaryHint':
      'Ghi các trang tổng hợp (theo cơ quan chủ trì, lãnh đạo phụ trách, quý, mục) vào sổ làm việc. Trang tính của bạn không bị sửa.',

    'ui.lang.label': 'Ngôn ngữ / Language',
    'ui.lang.vi': 'Tiếng Việt',
    'ui.lang.en': 'English',

    'ui.busy.loading': 'Đang đọc danh sách trang tính…',
    'ui.busy.reading': 'Đang đọc trang tính "{sheet}"…',
    'ui.busy.analyzing': 'Đang kiểm tra bảng phân công…',
    'ui.busy.saving': 'Đang lưu lựa chọn cột…',
    'ui.busy.marking': 'Đang tô màu…',
    'ui.busy.unmarking': 'Đang xóa tô màu…',
    'ui.busy.summary': 'Đang tạo bảng tổng hợp…',

    'ui.done.checked': 'Đã kiểm tra {tasks} nhiệm vụ trên trang "{sheet}".',
    'ui.done.marked': 'Đã tô màu {rows} dòng trên trang "{sheet}".',
    'ui.done.markedNone': 'Không có dòng nào cần tô màu.',
    'ui.done.unmarked': 'Đã xóa tô màu của Phân công trên trang "{sheet}".',
    'ui.done.summary': 'Đã tạo: {sheets}.',

    'ui.error.title': 'Chưa thực hiện được',
    'ui.error.dismiss': 'Đóng thông báo',
    'ui.error.loadSheets': 'Không đọc được danh sách trang tính.',
    'ui.error.settings':
      'Không đọc được thiết lập đã lưu trong sổ làm việc; đang dùng thiết lập mặc định.',
    'ui.error.saveSettings': 'Không lưu được thiết lập vào sổ làm việc.',
    'ui.error.read': 'Không đọc được trang tính "{sheet}".',
    'ui.error.check': 'Không kiểm tra được trang tính "{sheet}".',
    'ui.error.noSheet': 'Hãy chọn một trang tính để kiểm tra.',
    'ui.error.asOf': 'Ngày tính tình trạng không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm.',
    'ui.error.dueSoon': 'Số ngày "sắp đến hạn" phải là số nguyên từ 0 đến {max}.',
    'ui.error.noReport': 'Hãy bấm "Kiểm tra" trước.',
    'ui.error.noTable':
      'Không tìm thấy dòng tiêu đề của bảng phân công trên trang "{sheet}". Hãy chọn cột ở mục "Cột của bảng" hoặc kiểm tra lại trang tính.',
    'ui.error.mark': 'Không tô màu được.',
    'ui.error.unmark': 'Không xóa được tô màu.',
    'ui.error.summary': 'Không tạo được bảng tổng hợp.',
    'ui.error.select': 'Không chọn được ô {cell}.',
    'ui.error.stale':
      'Trang tính "{sheet}" đã thay đổi sau lần kiểm tra trước. Hãy bấm "Kiểm tra" lại rồi thực hiện tiếp.',
    'ui.error.nameTaken':
      'Đã có một trang tính của bạn tên "{sheet}". Phân công không ghi đè lên trang của người dùng: hãy đổi tên trang đó rồi thử lại.',
    'ui.error.itemNotFound':
      'Không tìm thấy trang tính hoặc vùng ô cần dùng (có thể đã bị xóa hoặc đổi tên). Hãy tải lại danh sách trang tính.',
    'ui.error.accessDenied':
      'Sổ làm việc đang được bảo vệ hoặc chỉ cho đọc, nên Phân công không ghi được.',
    'ui.error.cellEditMode': 'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc rồi thử lại.',
    'ui.error.busyHost': 'Excel đang bận. Hãy thử lại sau giây lát.',

    'ui.degraded.pivotTables':
      'Excel này chưa hỗ trợ tạo PivotTable từ phần bổ trợ (cần ExcelApi 1.8). Bảng tổng hợp vẫn được tạo dưới dạng bảng số liệu thường.',
    'ui.degraded.charts':
      'Excel này chưa hỗ trợ tạo biểu đồ từ phần bổ trợ. Bảng tổng hợp không kèm biểu đồ.',
    'ui.degraded.cellProperties':
      'Excel này chưa hỗ trợ đọc định dạng nhiều ô một lúc (cần ExcelApi 1.9), nên việc nhận biết chữ đậm có thể kém chính xác hơn.',
    'ui.degraded.conditionalFormats':
      'Excel này chưa hỗ trợ định dạng có điều kiện từ phần bổ trợ, nên không tô màu được.',
    'ui.degraded.other':
      'Một phần của bảng tổng hợp chưa được tạo vì Excel này không hỗ trợ: {part}.',

    // "Tạo phụ lục từ văn bản" (src/taskpane/state/draft.ts, components/DraftPanel.tsx).
    'ui.draft.heading': 'Tạo phụ lục từ văn bản',
    'ui.draft.hint':
      'Dán phần nhiệm vụ của văn bản kế hoạch (các mục đánh số kèm "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"…). Phân công lập bảng phân công theo mẫu trên một trang tính mới; các trang tính khác giữ nguyên.',
    'ui.draft.text.label': 'Văn bản kế hoạch',
    'ui.draft.text.placeholder': 'Dán nội dung kế hoạch vào đây…',
    'ui.draft.read': 'Đọc văn bản',
    'ui.draft.column.heading': 'Lấy từ cột trên trang tính',
    'ui.draft.column.hint': 'Khi văn bản đã được dán vào một cột (mỗi ô một đoạn).',
    'ui.draft.column.sheet': 'Trang tính chứa văn bản',
    'ui.draft.column.column': 'Cột',
    'ui.draft.column.read': 'Đọc từ cột',
    'ui.draft.preview.heading': 'Xem trước',
    'ui.draft.preview.summary': 'Tìm thấy {tasks} nhiệm vụ ({groups} nhóm) trong {sections} mục.',
    'ui.draft.preview.planYear': 'Năm kế hoạch: {year}.',
    'ui.draft.preview.table': 'Các nhiệm vụ tìm thấy',
    'ui.draft.preview.empty': '—',
    'ui.draft.preview.skipped': 'Không lập bảng cho các mục: {list}.',
    'ui.draft.preview.unplaced':
      'Có {count} dòng không xếp được vào nhiệm vụ nào (không bị bỏ, hãy xem lại):',
    'ui.draft.preview.unplacedLine': 'Dòng {line} ({reason}): {text}',
    'ui.draft.create': 'Tạo trang phụ lục',
    'ui.draft.createHint':
      'Thêm một trang tính mới theo mẫu: TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Sản phẩm, Tình trạng (danh sách chọn), Ghi chú. Không ghi đè trang tính nào.',
    'ui.draft.checkNew': 'Kiểm tra trang "{sheet}"',
    'ui.draft.clear': 'Xóa bản xem trước',
    'ui.draft.sheetName': 'Phụ lục (dự thảo)',
    'ui.busy.drafting': 'Đang đọc văn bản kế hoạch…',
    'ui.busy.readingColumn': 'Đang đọc cột {column} của trang "{sheet}"…',
    'ui.busy.appendix': 'Đang tạo trang phụ lục…',
    'ui.done.drafted':
      'Đã đọc {tasks} nhiệm vụ. Xem lại bản xem trước rồi bấm "Tạo trang phụ lục".',
    'ui.done.appendix': 'Đã tạo trang "{sheet}" với {tasks} nhiệm vụ.',
    'ui.error.draftEmpty': 'Hãy dán văn bản kế hoạch vào ô trước.',
    'ui.error.draftNoTasks':
      'Không tìm thấy nhiệm vụ nào trong văn bản. Cần các mục đánh số (1., 1.1., a)) kèm dòng "Đơn vị chủ trì: …" hoặc "Sở X chủ trì, phối hợp với Y".',
    'ui.error.draft': 'Không đọc được văn bản kế hoạch.',
    'ui.error.column': 'Cột không hợp lệ: "{column}". Hãy nhập chữ cái của cột, ví dụ A hoặc AB.',
    'ui.error.columnEmpty': 'Cột {column} của trang "{sheet}" không có nội dung.',
    'ui.error.readColumn': 'Không đọc được cột {column} của trang "{sheet}".',
    'ui.error.noDraft': 'Hãy bấm "Đọc văn bản" trước.',
    'ui.error.appendix': 'Không tạo được trang phụ lục.',
  },
  en: {
    'ui.app.title': 'Phân công',
    'ui.app.subtitle': 'Check and track task-assignment tables',
    'ui.boot.loading': 'Starting…',
    'ui.boot.notInOffice':
      'Open this page inside Excel: on the Home tab, choose "Check" in the Phân công group.',
    'ui.boot.officeFailed':
      "Microsoft's Office.js library could not be loaded. Check the network connection and open the task pane again.",
    'ui.boot.failed': 'The task pane could not start. Close it and open it again.',

    'ui.section.check': 'Check',
    'ui.section.summary': 'Summary',
    'ui.sheet.label': 'Sheet to check',
    'ui.sheet.placeholder': 'Choose a sheet',
    'ui.sheet.active': '{name} (active)',
    'ui.sheet.none': 'The workbook has no sheet to check.',
    'ui.sheet.reload': 'Reload the list of sheets',
    'ui.asOf.label': 'Compute states as of',
    'ui.asOf.hint': 'Day/month/year. Today by default.',
    'ui.asOf.placeholder': 'dd/mm/yyyy',
    'ui.asOf.invalid': 'There is no such day. Enter day/month/year, for example 01/12/2026.',
    'ui.dueSoon.label': 'Days that count as "due soon"',
    'ui.dueSoon.hint': 'Tasks due within this many days are due soon.',
    'ui.check.button': 'Check',
    'ui.check.again': 'Check again',

    'ui.report.header': 'The assignment table starts at row {row} of sheet {sheet}.',
    'ui.report.planYear': 'Plan year: {year}.',
    'ui.report.planYears': 'Plan years: {from}–{to}.',
    'ui.report.scope.central': 'Central-level plan.',
    'ui.report.scope.provincial': 'Provincial plan.',
    'ui.report.scope.commune': 'Commune-level plan.',
    'ui.report.missingRoles':
      'Required columns not found: {roles}. Choose them under "Table columns".',

    'ui.columns.heading': 'Table columns',
    'ui.columns.hint':
      'Correct a column that was recognised wrongly. Your choice is saved in the workbook.',
    'ui.columns.autoFound': 'Automatic ({option})',
    'ui.columns.autoMissing': 'Automatic (not found)',
    'ui.columns.option': '{letter} — {header}',
    'ui.columns.optionEmpty': '{letter} — (no header)',
    'ui.columns.required': '{role} (required)',

    'ui.counters.heading': 'Overview',
    'ui.counters.tasks': 'Tasks',
    'ui.counters.overdue': 'Overdue',
    'ui.counters.dueSoon': 'Due soon',
    'ui.counters.unassigned': 'No lead agency',
    'ui.counters.errors': 'Errors',
    'ui.counters.warnings': 'Warnings',

    'ui.findings.heading': 'Findings ({count})',
    'ui.findings.filterSeverity': 'Filter by severity',
    'ui.findings.filterRule': 'Filter by kind of finding',
    'ui.findings.allSeverities': 'All severities',
    'ui.findings.allRules': 'All kinds',
    'ui.findings.rule': '{code} ({count})',
    'ui.findings.severityGroup': '{severity} ({count})',
    'ui.findings.none': 'No findings.',
    'ui.findings.noneFiltered': 'No finding matches the filter.',
    'ui.findings.sheetLevel': 'Whole sheet',
    'ui.findings.goTo': 'Go to cell {cell}: {message}',
    'ui.findings.suggestion': 'Suggestion: {suggestion}',
    'ui.findings.showMore': 'Show {count} more ({rest} left)',

    'ui.actions.heading': 'Marks on the sheet',
    'ui.actions.mark': 'Highlight',
    'ui.actions.markHint':
      'Highlight rows that are overdue, due soon, without a lead agency or with errors. Only conditional formats are used: your data and formats stay as they are.',
    'ui.actions.unmark': 'Remove highlights',
    'ui.actions.summary': 'Create summary',
    'ui.actions.summaryHint':
      'Write summary sheets (by lead agency, leader, quarter, section) into the workbook. Your sheets are not changed.',

    'ui.lang.label': 'Ngôn ngữ / Language',
    'ui.lang.vi': 'Tiếng Việt',
    'ui.lang.en': 'English',

    'ui.busy.loading': 'Reading the list of sheets…',
    'ui.busy.reading': 'Reading sheet "{sheet}"…',
    'ui.busy.analyzing': 'Checking the assignment table…',
    'ui.busy.saving': 'Saving the column choice…',
    'ui.busy.marking': 'Highlighting…',
    'ui.busy.unmarking': 'Removing highlights…',
    'ui.busy.summary': 'Creating the summary…',

    'ui.done.checked': 'Checked {tasks} tasks on sheet "{sheet}".',
    'ui.done.marked': 'Highlighted {rows} rows on sheet "{sheet}".',
    'ui.done.markedNone': 'No row needs highlighting.',
    'ui.done.unmarked': 'Removed the Phân công highlights on sheet "{sheet}".',
    'ui.done.summary': 'Created: {sheets}.',

    'ui.error.title': 'Could not do that',
    'ui.error.dismiss': 'Dismiss',
    'ui.error.loadSheets': 'Could not read the list of sheets.',
    'ui.error.settings': 'Could not read the settings saved in the workbook; using the defaults.',
    'ui.error.saveSettings': 'Could not save the settings in the workbook.',
    'ui.error.read': 'Could not read sheet "{sheet}".',
    'ui.error.check': 'Could not check sheet "{sheet}".',
    'ui.error.noSheet': 'Choose a sheet to check.',
    'ui.error.asOf': 'The as-of date is not valid. Enter a day, month and year.',
    'ui.error.dueSoon': 'The number of "due soon" days must be a whole number from 0 to {max}.',
    'ui.error.noReport': 'Choose "Check" first.',
    'ui.error.noTable':
      'No assignment-table header row was found on sheet "{sheet}". Choose the columns under "Table columns" or check the sheet.',
    'ui.error.mark': 'Could not highlight.',
    'ui.error.unmark': 'Could not remove the highlights.',
    'ui.error.summary': 'Could not create the summary.',
    'ui.error.select': 'Could not select cell {cell}.',
    'ui.error.stale':
      'Sheet "{sheet}" changed after it was checked. Choose "Check" again, then retry.',
    'ui.error.nameTaken':
      'One of your sheets is already named "{sheet}". Phân công never overwrites a user sheet: rename it and retry.',
    'ui.error.itemNotFound':
      'A sheet or range that was needed no longer exists (deleted or renamed?). Reload the list of sheets.',
    'ui.error.accessDenied':
      'The workbook is protected or read-only, so Phân công cannot write to it.',
    'ui.error.cellEditMode': 'Excel is editing a cell. Press Enter or Esc, then retry.',
    'ui.error.busyHost': 'Excel is busy. Retry in a moment.',

    'ui.degraded.pivotTables':
      'This Excel cannot create PivotTables from an add-in (ExcelApi 1.8 is needed). The summary is written as plain tables instead.',
    'ui.degraded.charts':
      'This Excel cannot create charts from an add-in. The summary has no charts.',
    'ui.degraded.cellProperties':
      'This Excel cannot read many cell formats at once (ExcelApi 1.9 is needed), so bold text may be recognised less reliably.',
    'ui.degraded.conditionalFormats':
      'This Excel cannot add conditional formats from an add-in, so highlighting is not available.',
    'ui.degraded.other':
      'Part of the summary was not created because this Excel does not support it: {part}.',

    // "Tạo phụ lục từ văn bản" (src/taskpane/state/draft.ts, components/DraftPanel.tsx).
    'ui.draft.heading': 'Create an appendix from the plan text',
    'ui.draft.hint':
      'Paste the task part of the plan (numbered items with "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"…). Phân công writes the assignment table in the standard layout on a new sheet; the other sheets stay as they are.',
    'ui.draft.text.label': 'Plan text',
    'ui.draft.text.placeholder': 'Paste the plan here…',
    'ui.draft.read': 'Read the text',
    'ui.draft.column.heading': 'Take it from a sheet column',
    'ui.draft.column.hint': 'When the text was pasted into a column (one paragraph per cell).',
    'ui.draft.column.sheet': 'Sheet holding the text',
    'ui.draft.column.column': 'Column',
    'ui.draft.column.read': 'Read the column',
    'ui.draft.preview.heading': 'Preview',
    'ui.draft.preview.summary': 'Found {tasks} tasks ({groups} groups) in {sections} sections.',
    'ui.draft.preview.planYear': 'Plan year: {year}.',
    'ui.draft.preview.table': 'Tasks found',
    'ui.draft.preview.empty': '—',
    'ui.draft.preview.skipped': 'No table made for these sections: {list}.',
    'ui.draft.preview.unplaced':
      '{count} lines could not be placed in a task (nothing is dropped: review them):',
    'ui.draft.preview.unplacedLine': 'Line {line} ({reason}): {text}',
    'ui.draft.create': 'Create the appendix sheet',
    'ui.draft.createHint':
      'Adds a new sheet in the standard layout: TT, task, lead agency, supporting agencies, deadline, output, status (a drop-down list), note. No sheet is overwritten.',
    'ui.draft.checkNew': 'Check sheet "{sheet}"',
    'ui.draft.clear': 'Clear the preview',
    'ui.draft.sheetName': 'Appendix (draft)',
    'ui.busy.drafting': 'Reading the plan text…',
    'ui.busy.readingColumn': 'Reading column {column} of sheet "{sheet}"…',
    'ui.busy.appendix': 'Creating the appendix sheet…',
    'ui.done.drafted':
      'Read {tasks} tasks. Review the preview, then choose "Create the appendix sheet".',
    'ui.done.appendix': 'Created sheet "{sheet}" with {tasks} tasks.',
    'ui.error.draftEmpty': 'Paste the plan text into the box first.',
    'ui.error.draftNoTasks':
      'No task was found in the text. It needs numbered items (1., 1.1., a)) with a line "Đơn vị chủ trì: …" or "Sở X chủ trì, phối hợp với Y".',
    'ui.error.draft': 'Could not read the plan text.',
    'ui.error.column': 'Not a column: "{column}". Enter the column letters, e.g. A or AB.',
    'ui.error.columnEmpty': 'Column {column} of sheet "{sheet}" is empty.',
    'ui.error.readColumn': 'Could not read column {column} of sheet "{sheet}".',
    'ui.error.noDraft': 'Choose "Read the text" first.',
    'ui.error.appendix': 'Could not create the appendix sheet.',
  },
};
