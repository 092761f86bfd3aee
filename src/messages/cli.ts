/** Message catalogue section: the command line (phancong check). */
import type { Catalogue } from './index';

export const cli: Catalogue = {
  vi: {
    'cli.usage':
      'Phân công — kiểm tra bảng phân công nhiệm vụ\n\nCách dùng:\n  phancong check <tệp.xlsx> [--sheet TÊN] [--as-of YYYY-MM-DD] [--due-soon SỐ_NGÀY] [--json] [--out tệp-đã-kiểm-tra.xlsx] [--lang vi|en] [--all]\n  phancong fix <tệp.xlsx> --out tệp-đã-sửa.xlsx [--sheet TÊN] [--rule mã,mã] [--choice fill|merge] [--dry-run] [--json]\n  phancong draft <kế-hoạch.txt|kế-hoạch.docx> --out phụ-lục.xlsx [--lang vi|en]\n  phancong diff <bản-cũ.xlsx> <bản-mới.xlsx> [--sheet TÊN] [--json] [--out so-sánh.xlsx]\n  phancong merge <bảng-tổng.xlsx> <báo-cáo.xlsx>… --out bảng-đã-gộp.xlsx [--json]\n  phancong track <tệp.xlsx> --out tệp-theo-dõi.xlsx [--sheet TÊN] [--validate-existing]\n  phancong remind <tệp.xlsx> --out <thư-mục> [--as-of YYYY-MM-DD] [--due-soon SỐ_NGÀY] [--agency TÊN]\n  phancong --version',
    'cli.usage.check':
      'Cách dùng: phancong check <tệp.xlsx|thư-mục>… [--sheet TÊN] [--as-of YYYY-MM-DD] [--due-soon SỐ_NGÀY] [--json] [--out tệp.xlsx] [--lang vi|en] [--all]',
    'cli.error.lang': 'Ngôn ngữ "{value}" không hỗ trợ; dùng vi hoặc en.',
    'cli.error.asOf': 'Ngày "{value}" không hợp lệ; ghi theo dạng YYYY-MM-DD, ví dụ 2026-11-22.',
    'cli.error.dueSoon': 'Số ngày "sắp đến hạn" "{value}" không hợp lệ (0–{max}).',
    'cli.error.missingValue': 'Tuỳ chọn {option} cần một giá trị.',
    'cli.error.unknownOption': 'Không có tuỳ chọn {option}.',
    'cli.error.open': 'Không mở được tệp "{file}": {reason}.',
    'cli.error.noSheet': 'Không có trang "{sheet}". Các trang trong tệp: {sheets}.',
    'cli.error.write': 'Không ghi được tệp "{file}": {reason}.',
    'cli.error.outIsInput':
      'Tệp ghi ra (--out) trùng với tệp đang kiểm tra "{file}". Phân công không ghi đè tệp gốc: hãy chọn một tên khác cho bản đã kiểm tra.',
    'cli.notWritten':
      'Không ghi bản đã kiểm tra "{file}": không có bảng phân công nào để tô màu và tổng hợp.',
    'cli.result.noTable':
      'Kết quả: không trang nào có bảng phân công nhiệm vụ (cần một dòng tiêu đề có các cột như "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành").',
    'cli.error.unexpected': 'Có lỗi không mong muốn: {reason}',
    'cli.reason.enoent': 'không tìm thấy tệp',
    'cli.reason.eacces': 'không có quyền truy cập',
    'cli.reason.eisdir': 'đây là thư mục, không phải tệp',
    'cli.title': 'PHÂN CÔNG — KẾT QUẢ KIỂM TRA BẢNG PHÂN CÔNG NHIỆM VỤ',
    'cli.fileLine': 'Tệp: {file} · Tính đến ngày {asOf}',
    'cli.sheet.noTable': 'Trang "{sheet}": không có bảng phân công nhiệm vụ.',
    'cli.sheet.title':
      'Trang "{sheet}": tiêu đề ở dòng {header}; {tasks} nhiệm vụ trong {sections} mục.',
    'cli.columns': 'Các cột',
    'cli.missingRoles': 'Thiếu cột',
    'cli.planYear': 'Năm kế hoạch: {year}',
    'cli.states': 'Tình trạng',
    'cli.findingCounts': 'Phát hiện: {errors} lỗi · {warnings} cảnh báo · {infos} thông tin',
    'cli.overdueTitle': 'QUÁ HẠN ({count} nhiệm vụ, tính đến {asOf}):',
    'cli.dueSoonTitle': 'SẮP ĐẾN HẠN trong {days} ngày ({count} nhiệm vụ):',
    'cli.taskLine': '{tt} (dòng {row}) {text} — hạn {due} — {lead}',
    'cli.findings.error': 'LỖI ({count}) — cần sửa trước khi trình ký:',
    'cli.findings.warning': 'CẢNH BÁO ({count}) — nên xem lại:',
    'cli.findings.info': 'THÔNG TIN ({count}):',
    'cli.seeAll': 'thêm --all để xem từng mục',
    'cli.wrote': 'Đã ghi bản đã kiểm tra (tô màu, bảng tổng hợp) vào: {file}',
    'cli.result.errors': 'Kết quả: bảng còn LỖI cần sửa.',
    'cli.result.ok': 'Kết quả: không có lỗi.',
    'cli.batch.line': '{file}: {tasks} nhiệm vụ · {errors} lỗi · {warnings} cảnh báo — {result}',
    'cli.batch.failed': '{file}: KHÔNG KIỂM TRA ĐƯỢC — {message}',
    'cli.batch.result.ok': 'không có lỗi',
    'cli.batch.result.errors': 'còn LỖI cần sửa',
    'cli.batch.result.noTable': 'không có bảng phân công',
    'cli.batch.total':
      'Đã kiểm tra {files} tệp: {ok} không có lỗi, {errors} còn lỗi, {noTable} không có bảng phân công, {failed} không kiểm tra được.',
    'cli.batch.empty': 'Thư mục "{folder}" không có tệp .xlsx hoặc .xlsm nào.',
    'cli.batch.noOut':
      'Khi kiểm tra nhiều tệp (một thư mục hoặc nhiều tệp) không dùng được --out; hãy kiểm tra từng tệp để ghi bản đã kiểm tra.',
  },
  en: {
    'cli.usage':
      'Phân công — checks task-assignment tables\n\nUsage:\n  phancong check <file.xlsx> [--sheet NAME] [--as-of YYYY-MM-DD] [--due-soon DAYS] [--json] [--out checked.xlsx] [--lang vi|en] [--all]\n  phancong fix <file.xlsx> --out fixed.xlsx [--sheet NAME] [--rule code,code] [--choice fill|merge] [--dry-run] [--json]\n  phancong draft <plan.txt|plan.docx> --out appendix.xlsx [--lang vi|en]\n  phancong diff <old.xlsx> <new.xlsx> [--sheet NAME] [--json] [--out diff.xlsx]\n  phancong merge <master.xlsx> <report.xlsx>… --out merged.xlsx [--json]\n  phancong track <file.xlsx> --out tracked.xlsx [--sheet NAME] [--validate-existing]\n  phancong remind <file.xlsx> --out <folder> [--as-of YYYY-MM-DD] [--due-soon DAYS] [--agency NAME]\n  phancong --version',
    'cli.usage.check':
      'Usage: phancong check <file.xlsx|folder>… [--sheet NAME] [--as-of YYYY-MM-DD] [--due-soon DAYS] [--json] [--out file.xlsx] [--lang vi|en] [--all]',
    'cli.error.lang': 'Language "{value}" is not supported; use vi or en.',
    'cli.error.asOf': 'Date "{value}" is not valid; write YYYY-MM-DD, e.g. 2026-11-22.',
    'cli.error.dueSoon': 'Due-soon days "{value}" is not valid (0–{max}).',
    'cli.error.missingValue': 'Option {option} needs a value.',
    'cli.error.unknownOption': 'Unknown option {option}.',
    'cli.error.open': 'Cannot open "{file}": {reason}.',
    'cli.error.noSheet': 'No sheet "{sheet}". Sheets in the file: {sheets}.',
    'cli.error.write': 'Cannot write "{file}": {reason}.',
    'cli.error.outIsInput':
      'The output file (--out) is the file being checked, "{file}". Phân công never overwrites the original: choose another name for the checked copy.',
    'cli.notWritten':
      'The checked copy "{file}" was not written: there is no assignment table to mark or summarise.',
    'cli.result.noTable':
      'Result: no sheet holds a task-assignment table (it needs a header row with columns such as "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành").',
    'cli.error.unexpected': 'Unexpected error: {reason}',
    'cli.reason.enoent': 'file not found',
    'cli.reason.eacces': 'permission denied',
    'cli.reason.eisdir': 'it is a folder, not a file',
    'cli.title': 'PHÂN CÔNG — TASK-ASSIGNMENT TABLE CHECK',
    'cli.fileLine': 'File: {file} · As of {asOf}',
    'cli.sheet.noTable': 'Sheet "{sheet}": no task-assignment table.',
    'cli.sheet.title':
      'Sheet "{sheet}": header at row {header}; {tasks} tasks in {sections} sections.',
    'cli.columns': 'Columns',
    'cli.missingRoles': 'Missing columns',
    'cli.planYear': 'Plan year: {year}',
    'cli.states': 'States',
    'cli.findingCounts': 'Findings: {errors} errors · {warnings} warnings · {infos} info',
    'cli.overdueTitle': 'OVERDUE ({count} tasks, as of {asOf}):',
    'cli.dueSoonTitle': 'DUE WITHIN {days} DAYS ({count} tasks):',
    'cli.taskLine': '{tt} (row {row}) {text} — due {due} — {lead}',
    'cli.findings.error': 'ERRORS ({count}) — fix before sign-off:',
    'cli.findings.warning': 'WARNINGS ({count}) — worth a look:',
    'cli.findings.info': 'INFO ({count}):',
    'cli.seeAll': 'add --all to list each one',
    'cli.wrote': 'Wrote the checked copy (marks, summary sheets) to: {file}',
    'cli.result.errors': 'Result: the table has ERRORS to fix.',
    'cli.result.ok': 'Result: no errors.',
    'cli.batch.line': '{file}: {tasks} tasks · {errors} errors · {warnings} warnings — {result}',
    'cli.batch.failed': '{file}: NOT CHECKED — {message}',
    'cli.batch.result.ok': 'no errors',
    'cli.batch.result.errors': 'has ERRORS to fix',
    'cli.batch.result.noTable': 'no assignment table',
    'cli.batch.total':
      'Checked {files} files: {ok} without errors, {errors} with errors, {noTable} without an assignment table, {failed} not checked.',
    'cli.batch.empty': 'Folder "{folder}" holds no .xlsx or .xlsm file.',
    'cli.batch.noOut':
      'When checking several files (a folder or several files) --out cannot be used; check one file at a time to write a checked copy.',
  },
};
