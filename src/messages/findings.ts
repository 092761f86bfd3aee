/**
 * Message catalogue section: findings of the validation rules (src/engine/rules) and where they are.
 * Ids: `finding.<code>` or `finding.<code>.<messageId>`. {role} is filled with the role's name.
 */
import type { Catalogue } from './index';

export const findings: Catalogue = {
  vi: {
    'rule.header-missing': 'Không tìm thấy bảng',
    'rule.role-missing': 'Thiếu cột bắt buộc',
    'rule.role-ambiguous': 'Cột trùng vai trò',
    'rule.header-repeated': 'Tiêu đề lặp lại',
    'rule.extra-cells': 'Ô ngoài bảng',
    'rule.cells-shifted': 'Ô lệch cột',
    'rule.markup-in-cell': 'Thẻ định dạng trong ô',
    'rule.url-in-cell': 'Địa chỉ web trong ô',
    'rule.cell-error': 'Giá trị lỗi',
    'rule.continuation-joined': 'Dòng bị ngắt trang',
    'rule.merge-lost': 'Ô gộp bị mất',
    'rule.section-order': 'Số mục',
    'rule.tt-numbering': 'Số thứ tự',
    'rule.tt-format': 'Cách ghi số thứ tự',
    'rule.tt-unreadable': 'Số thứ tự không đọc được',
    'rule.task-empty': 'Thiếu nội dung nhiệm vụ',
    'rule.lead-missing': 'Chưa có cơ quan chủ trì',
    'rule.lead-generic': 'Chủ trì ghi chung chung',
    'rule.lead-is-person': 'Ghi chức danh thay cho cơ quan',
    'rule.lead-in-support': 'Chủ trì lặp ở phối hợp',
    'rule.agencies-run-together': 'Cơ quan viết liền',
    'rule.agency-name': 'Tên cơ quan',
    'rule.deadline': 'Thời gian thực hiện',
    'rule.status-unknown': 'Tình trạng không rõ',
    'where.sheet': "Trang '{sheet}'",
    'where.row': "Trang '{sheet}', dòng {row}",
    'where.cell': "Trang '{sheet}', dòng {row}, cột {col}",
    'where.cellRole': "Trang '{sheet}', dòng {row}, cột {col} ({role})",
    'finding.header-missing':
      'Không tìm thấy dòng tiêu đề của bảng phân công trong {rows} dòng đầu (cần các cột như TT, Nhiệm vụ, Cơ quan chủ trì, Thời gian thực hiện).',
    'finding.role-missing':
      'Bảng thiếu cột "{role}". Hãy thêm cột này hoặc chọn cột tương ứng trong phần "Cột của bảng".',
    'finding.role-ambiguous':
      'Có nhiều cột cùng là "{role}" (cột {used} và {others}); đang dùng cột {used}.',
    'finding.header-repeated':
      'Dòng tiêu đề lặp lại (do ngắt trang khi dán từ Word); dòng này được bỏ qua. Nên xóa để bảng liền mạch.',
    'finding.extra-cells':
      'Dòng có {count} ô có nội dung nằm ngoài bảng (bảng chỉ đến cột {last}). Có thể các ô đã bị lệch khi dán.',
    'finding.cells-shifted':
      'Các ô bị lệch cột, đã đọc theo nội dung: {moves}. Nên chuyển các ô về đúng cột.',
    'shift.move': '"{value}" ở cột {from} → cột {to} ({role:role})',
    'shift.move.column': '"{value}" ở cột {from} → cột {to}',
    'shift.move.nowhere': '"{value}" ở cột {from} → cột không khớp cột nào',
    'finding.markup-in-cell':
      'Dòng có {count} ô chứa thẻ định dạng như <b>, <a href> (sót lại khi dán). Người đọc sẽ thấy cả thẻ; nên xóa thẻ và định dạng lại.',
    'finding.url-in-cell': 'Ô chứa địa chỉ web: {url}. Kiểm tra lại nội dung.',
    'finding.url-in-cell.search':
      'Ô chứa đường dẫn tìm kiếm Google dán nhầm: {url}. Nên thay bằng địa chỉ trang thật.',
    'finding.cell-error': 'Ô chứa giá trị lỗi {value}.',
    'finding.continuation-joined':
      'Dòng không có số thứ tự: là phần tiếp theo của nhiệm vụ {task} (dòng {row}) bị ngắt trang; đã ghép vào nhiệm vụ đó.',
    'finding.merge-lost':
      'Ô trống ở dòng {rows}: có lẽ giống dòng {from}: "{value}" (ô gộp dọc bị mất khi sao chép bảng). Chưa sửa thì coi như trống; nên điền lại hoặc gộp ô.',
    'finding.section-order':
      'Số mục {label} không đúng thứ tự: sau mục {previous} phải là mục {expected}.',
    'finding.section-order.duplicate': 'Số mục {label} bị trùng (đã có ở dòng {first}).',
    'finding.section-order.missing': 'Thiếu mục: {labels}.',
    'finding.tt-numbering.duplicate': 'Số thứ tự {tt} bị trùng với nhiệm vụ ở dòng {first}.',
    'finding.tt-numbering.gap': 'Số thứ tự nhảy cóc: thiếu {missing} trước {tt}.',
    'finding.tt-numbering.order': 'Số thứ tự {tt} không đúng thứ tự (sau {previous}).',
    'finding.tt-format': 'Số thứ tự "{tt}" có dấu chấm ở cuối; nên ghi thống nhất.',
    'finding.tt-unreadable':
      'Số thứ tự "{tt}" không phải số thứ tự nhiệm vụ (1, 2, 1.1…) nên dòng này không được đọc là nhiệm vụ và không được tính. Nếu đây là nhiệm vụ, hãy sửa số thứ tự.',
    'finding.task-empty': 'Dòng số {tt} không có nội dung nhiệm vụ.',
    'finding.lead-missing': 'Nhiệm vụ {tt} chưa có cơ quan chủ trì.',
    'finding.lead-missing.lost-merge':
      'Nhiệm vụ {tt} chưa có cơ quan chủ trì; có lẽ giống dòng {from}: "{value}" (ô gộp dọc bị mất khi sao chép bảng). Chưa sửa thì nhiệm vụ vẫn tính là chưa giao.',
    'finding.lead-missing.group':
      'Nhiệm vụ {tt} chưa có cơ quan chủ trì; nhóm nhiệm vụ ở dòng {from} ghi "{value}". Chưa sửa thì nhiệm vụ vẫn tính là chưa giao.',
    'finding.lead-generic':
      'Cơ quan chủ trì chỉ ghi chung chung ("{value}"): không rõ cơ quan nào chịu trách nhiệm chính.',
    'finding.lead-is-person':
      '"{value}" là chức danh của một người, không phải cơ quan; nên ghi vào cột lãnh đạo phụ trách/kiểm tra. Cơ quan gợi ý: {agency}.',
    'finding.lead-is-person.support':
      'Cột cơ quan phối hợp ghi chức danh "{value}"; nên ghi tên cơ quan ({agency}).',
    'finding.lead-in-support':
      '{agency} là cơ quan chủ trì nhưng lại có trong danh sách cơ quan phối hợp.',
    'finding.agencies-run-together':
      'Hai cơ quan viết liền trong một ô, không có dấu phân cách: {parts}.',
    'finding.agency-name.unknown':
      'Không nhận ra cơ quan "{value}". Kiểm tra chính tả, hoặc thêm vào danh mục cơ quan.',
    'finding.agency-name.variant':
      'Tên cơ quan "{value}" viết chưa thống nhất; tên chuẩn: {canonical}.',
    'finding.agency-name.renamed':
      '"{value}" không còn tồn tại sau sắp xếp bộ máy năm 2025; nay là {now}.',
    'finding.agency-name.renamed-on':
      '"{value}" không còn tồn tại từ ngày {date} (sắp xếp bộ máy năm 2025); nay là {now}.',
    'finding.deadline.missing': 'Nhiệm vụ {tt} chưa có thời gian thực hiện.',
    'finding.deadline.unreadable':
      'Không đọc được thời gian "{value}". Ghi theo dạng: Quý II/2026, Tháng 6/2026, 30/6/2026, Năm 2026, Thường xuyên.',
    'finding.deadline.conflict':
      'Thời gian "{value}" mâu thuẫn: phần "{part}" nằm ngoài khoảng thời gian đã ghi.',
    'finding.deadline.year-inferred': 'Thời gian "{value}" không ghi năm; đã hiểu là năm {year}.',
    'finding.deadline.outside-plan': 'Thời gian "{value}" nằm ngoài năm của kế hoạch ({year}).',
    'finding.status-unknown':
      'Không hiểu tình trạng "{value}". Ghi một trong các tình trạng: {accepted}.',
    'finding.deadline.sentence': 'Đọc từ câu: {parts} → {due}.',
    'finding.deadline.outside-plan-years':
      'Thời gian "{value}" nằm ngoài các năm của kế hoạch ({from}–{to}).',
  },
  en: {
    'rule.header-missing': 'No table found',
    'rule.role-missing': 'Required column missing',
    'rule.role-ambiguous': 'Duplicate column role',
    'rule.header-repeated': 'Repeated header',
    'rule.extra-cells': 'Cells outside the table',
    'rule.cells-shifted': 'Shifted cells',
    'rule.markup-in-cell': 'Markup in cells',
    'rule.url-in-cell': 'Web address in cell',
    'rule.cell-error': 'Error values',
    'rule.continuation-joined': 'Row cut by a page break',
    'rule.merge-lost': 'Lost merged cells',
    'rule.section-order': 'Section numbers',
    'rule.tt-numbering': 'Task numbers',
    'rule.tt-format': 'Number format',
    'rule.tt-unreadable': 'Unreadable number',
    'rule.task-empty': 'Empty task',
    'rule.lead-missing': 'No lead agency',
    'rule.lead-generic': 'Generic lead',
    'rule.lead-is-person': 'Person instead of agency',
    'rule.lead-in-support': 'Lead repeated in support',
    'rule.agencies-run-together': 'Agencies run together',
    'rule.agency-name': 'Agency names',
    'rule.deadline': 'Deadlines',
    'rule.status-unknown': 'Unknown status',
    'where.sheet': "Sheet '{sheet}'",
    'where.row': "Sheet '{sheet}', row {row}",
    'where.cell': "Sheet '{sheet}', row {row}, column {col}",
    'where.cellRole': "Sheet '{sheet}', row {row}, column {col} ({role})",
    'finding.header-missing':
      'No assignment-table header found in the first {rows} rows (columns such as TT, Task, Lead agency, Deadline).',
    'finding.role-missing':
      'The table has no "{role}" column. Add it, or pick the matching column under "Table columns".',
    'finding.role-ambiguous':
      'Several columns are "{role}" (column {used} and {others}); column {used} is used.',
    'finding.header-repeated':
      'Repeated header row (a page break pasted from Word); skipped. Delete it to keep the table continuous.',
    'finding.extra-cells':
      'The row has {count} filled cell(s) outside the table (which ends at column {last}). Cells may have shifted in the paste.',
    'finding.cells-shifted':
      'Cells in the wrong columns, read by their content: {moves}. Move them to the right columns.',
    'shift.move': '"{value}" in column {from} → column {to} ({role:role})',
    'shift.move.column': '"{value}" in column {from} → column {to}',
    'shift.move.nowhere': '"{value}" in column {from} → column no column',
    'finding.markup-in-cell':
      'The row has {count} cell(s) with tags such as <b> or <a href> left from a paste. Readers see the tags; remove them and format the cells instead.',
    'finding.url-in-cell': 'The cell holds a web address: {url}. Check the content.',
    'finding.url-in-cell.search':
      'The cell holds a pasted Google search link: {url}. Replace it with the real address.',
    'finding.cell-error': 'The cell holds the error value {value}.',
    'finding.continuation-joined':
      'Row without a number: the rest of task {task} (row {row}) cut by a page break; joined into that task.',
    'finding.merge-lost':
      'Blank cell(s) in row {rows}: probably the same as row {from}: "{value}" (a merge lost when the table was copied). Read as blank until fixed; fill them in or merge the cells.',
    'finding.section-order':
      'Section {label} is out of order: after section {previous} comes section {expected}.',
    'finding.section-order.duplicate': 'Section number {label} is repeated (first at row {first}).',
    'finding.section-order.missing': 'Missing sections: {labels}.',
    'finding.tt-numbering.duplicate': 'Number {tt} repeats the task at row {first}.',
    'finding.tt-numbering.gap': 'Numbering skips: {missing} missing before {tt}.',
    'finding.tt-numbering.order': 'Number {tt} is out of order (after {previous}).',
    'finding.tt-format': 'Number "{tt}" has a trailing dot; write numbers the same way throughout.',
    'finding.tt-unreadable':
      'Number "{tt}" is not a task number (1, 2, 1.1…), so this row is not read as a task and is not counted. If it is a task, correct its number.',
    'finding.task-empty': 'Row number {tt} has no task text.',
    'finding.lead-missing': 'Task {tt} has no lead agency.',
    'finding.lead-missing.lost-merge':
      'Task {tt} has no lead agency; probably the same as row {from}: "{value}" (a merge lost when the table was copied). Counted as unassigned until fixed.',
    'finding.lead-missing.group':
      'Task {tt} has no lead agency; its group heading at row {from} names "{value}". Counted as unassigned until fixed.',
    'finding.lead-generic':
      'The lead is only a generic phrase ("{value}"): no agency is accountable.',
    'finding.lead-is-person':
      '"{value}" is a person\'s title, not an agency; it belongs in the leader/follow-up column. Suggested agency: {agency}.',
    'finding.lead-is-person.support':
      'The supporting-agencies column names a person ("{value}"); write the agency ({agency}).',
    'finding.lead-in-support':
      '{agency} is the lead agency but is also listed among the supporting agencies.',
    'finding.agencies-run-together':
      'Two agencies run together in one cell without a separator: {parts}.',
    'finding.agency-name.unknown':
      'Unknown agency "{value}". Check the spelling, or add it to the agency list.',
    'finding.agency-name.variant': 'Agency written as "{value}"; the standard name is {canonical}.',
    'finding.agency-name.renamed':
      '"{value}" no longer exists after the 2025 reorganisation; it is now {now}.',
    'finding.agency-name.renamed-on':
      '"{value}" no longer exists since {date} (2025 reorganisation); it is now {now}.',
    'finding.deadline.missing': 'Task {tt} has no deadline.',
    'finding.deadline.unreadable':
      'Cannot read the deadline "{value}". Write e.g. Quý II/2026, Tháng 6/2026, 30/6/2026, Năm 2026, Thường xuyên.',
    'finding.deadline.conflict':
      'Deadline "{value}" contradicts itself: "{part}" falls outside the period.',
    'finding.deadline.year-inferred': 'Deadline "{value}" names no year; read as {year}.',
    'finding.deadline.outside-plan': 'Deadline "{value}" falls outside the plan year ({year}).',
    'finding.status-unknown': 'Unknown status "{value}". Write one of: {accepted}.',
    'finding.deadline.sentence': 'Read from the sentence: {parts} → {due}.',
    'finding.deadline.outside-plan-years':
      'Deadline "{value}" falls outside the plan\'s years ({from}–{to}).',
  },
};
