/**
 * Message catalogue section: applying fixes (issue 10) — the pane's tabs and its "Sửa" view, and
 * `phancong fix`. The fixes' own descriptions ("fix.<code>[.<choice>]") live with the engine's
 * messages. Keys are ids; {name} marks a placeholder.
 */
import type { Catalogue } from './index';

export const fixUi: Catalogue = {
  vi: {
    'ui.tabs.label': 'Các phần của ngăn tác vụ',
    'ui.tab.check': 'Kiểm tra',
    'ui.tab.fix': 'Sửa',
    'ui.tab.fixCount': 'Sửa ({count})',
    'ui.tab.track': 'Theo dõi',
    'ui.tab.report': 'Báo cáo',
    'ui.tab.noReport': 'Hãy kiểm tra một trang tính trước (thẻ "Kiểm tra").',

    'ui.fix.heading': 'Sửa lỗi ({count} phát hiện có cách sửa)',
    'ui.fix.hint':
      'Bấm "Sửa" để xem trước các ô sẽ thay đổi, rồi "Áp dụng". Chỉ các ô trong bản xem trước được ghi; định dạng ô giữ nguyên; có thể hoàn tác.',
    'ui.fix.none': 'Không có phát hiện nào sửa được tự động. Các phát hiện còn lại cần sửa tay.',
    'ui.fix.unavailable':
      'Nơi đang mở sổ làm việc này không cho phần bổ trợ ghi vào ô: hãy sửa tay theo danh sách phát hiện.',
    'ui.fix.rule': '{rule} ({count})',
    'ui.fix.fixAll': 'Sửa tất cả ({count})',
    'ui.fix.fixAllLabel': 'Sửa tất cả {count} phát hiện "{rule}": xem trước',
    'ui.fix.one': 'Sửa',
    'ui.fix.oneLabel': 'Sửa ô {cell}: xem trước',
    'ui.fix.generic': 'Sửa theo gợi ý',
    'ui.fix.preview.heading': 'Xem trước: {cells} ô sẽ thay đổi',
    'ui.fix.preview.headingNone': 'Xem trước: chưa chọn cách sửa nào',
    'ui.fix.preview.choice': 'Chọn cách sửa cho ô {cell}',
    'ui.fix.preview.before': 'Trước',
    'ui.fix.preview.after': 'Sau',
    'ui.fix.preview.cell': 'Ô',
    'ui.fix.preview.empty': '(trống)',
    'ui.fix.preview.merge': 'Gộp lại các ô {range} (giữ giá trị ô đầu)',
    'ui.fix.preview.skipped':
      'Sẽ bỏ qua: trùng ô {cells} với cách sửa ô {other} đã chọn trước. Kiểm tra lại sau khi áp dụng để xem còn cần không.',
    'ui.fix.apply': 'Áp dụng ({count})',
    'ui.fix.close': 'Đóng',
    'ui.fix.undo': 'Hoàn tác',
    'ui.fix.undoHint':
      'Hoàn tác lần áp dụng gần nhất: {cells} ô trên trang "{sheet}". Ngăn tác vụ tự giữ giá trị cũ, vì lệnh Hoàn tác (Ctrl+Z) của Excel có thể không hoàn tác được thay đổi do phần bổ trợ ghi.',
    'ui.findings.fix': 'Sửa',
    'ui.busy.fixing': 'Đang sửa {cells} ô…',
    'ui.busy.undoing': 'Đang hoàn tác…',
    'ui.done.fixed': 'Đã sửa {fixes} phát hiện ({cells} ô) trên trang "{sheet}" và kiểm tra lại.',
    'ui.done.fixedSkipped':
      'Đã sửa {fixes} phát hiện ({cells} ô) trên trang "{sheet}" và kiểm tra lại; bỏ qua {skipped} cách sửa trùng ô.',
    'ui.done.undone': 'Đã hoàn tác {cells} ô trên trang "{sheet}" và kiểm tra lại.',
    'ui.error.fix':
      'Không áp dụng được cách sửa trên trang "{sheet}". Chưa có ô nào bị thay đổi thì hãy kiểm tra lại rồi thử lại.',
    'ui.error.fixStale':
      'Trang "{sheet}" đã thay đổi sau lần kiểm tra: chưa sửa ô nào. Hãy bấm "Kiểm tra lại" rồi sửa.',
    'ui.error.fixChanged':
      'Các ô {cells} trên trang "{sheet}" không còn như lúc kiểm tra: chưa sửa ô nào. Hãy bấm "Kiểm tra lại" rồi sửa.',
    'ui.error.undo': 'Không hoàn tác được trên trang "{sheet}".',
    'ui.error.undoChanged':
      'Không hoàn tác được: các ô {cells} trên trang "{sheet}" đã được sửa sau khi áp dụng. Chưa ô nào bị hoàn tác; hãy sửa tay hoặc đưa các ô đó về như lúc áp dụng rồi thử lại.',

    'cli.usage.fix':
      'Cách dùng: phancong fix <tệp.xlsx> --out tệp-đã-sửa.xlsx [--sheet TÊN] [--rule mã,mã] [--choice fill|merge] [--dry-run] [--json] [--as-of YYYY-MM-DD] [--lang vi|en]',
    'cli.fix.error.noOut':
      'Cần --out tệp-đã-sửa.xlsx (hoặc --dry-run để chỉ liệt kê các ô sẽ sửa).',
    'cli.fix.error.sameFile':
      'Tệp ghi ra (--out) phải khác tệp đầu vào "{file}": tệp gốc không bao giờ bị sửa.',
    'cli.fix.error.outExt': 'Tệp ghi ra "{file}" phải có đuôi .xlsx.',
    'cli.fix.error.choice':
      'Cách sửa "{value}" không có; dùng fill (điền như dòng trên) hoặc merge (gộp lại ô).',
    'cli.fix.error.rule': 'Không có quy tắc "{value}". Các quy tắc: {rules}.',
    'cli.fix.error.apply':
      'Không sửa được trang "{sheet}": các ô {cells} không như lúc kiểm tra. Chưa ghi tệp nào.',
    'cli.fix.title': 'PHÂN CÔNG — SỬA LỖI BẢNG PHÂN CÔNG NHIỆM VỤ',
    'cli.fix.sheet': 'Trang "{sheet}": {fixes} cách sửa, {cells} ô.',
    'cli.fix.sheetNone': 'Trang "{sheet}": không có lỗi nào sửa được tự động.',
    'cli.fix.fix': '[{code}] {cell}: {message}',
    'cli.fix.edit': '{cell}: "{before}" → "{after}"',
    'cli.fix.merge': 'gộp ô {range}',
    'cli.fix.skipped':
      'Bỏ qua [{code}] {cell}: trùng ô {cells} với [{other}] {otherCell} đã sửa trước; hãy chạy lại sau khi kiểm tra bản đã sửa.',
    'cli.fix.empty': '(trống)',
    'cli.fix.dryRun':
      'Chạy thử (--dry-run): chưa ghi tệp nào. Tổng: {fixes} cách sửa, {cells} ô, {skipped} bỏ qua.',
    'cli.fix.wrote':
      'Đã ghi bản đã sửa vào: {file} (tệp gốc giữ nguyên). Tổng: {fixes} cách sửa, {cells} ô, {skipped} bỏ qua.',
  },
  en: {
    'ui.tabs.label': 'Parts of the task pane',
    'ui.tab.check': 'Check',
    'ui.tab.fix': 'Fix',
    'ui.tab.fixCount': 'Fix ({count})',
    'ui.tab.track': 'Track',
    'ui.tab.report': 'Report',
    'ui.tab.noReport': 'Check a sheet first (the "Check" tab).',

    'ui.fix.heading': 'Fixes ({count} findings can be fixed)',
    'ui.fix.hint':
      'Choose "Fix" to preview the cells that will change, then "Apply". Only the cells in the preview are written; cell formats stay; you can undo.',
    'ui.fix.none': 'No finding can be fixed automatically. The other findings need a manual fix.',
    'ui.fix.unavailable':
      'Where this workbook is open, the add-in cannot write cells: fix them by hand from the findings list.',
    'ui.fix.rule': '{rule} ({count})',
    'ui.fix.fixAll': 'Fix all ({count})',
    'ui.fix.fixAllLabel': 'Fix all {count} "{rule}" findings: preview',
    'ui.fix.one': 'Fix',
    'ui.fix.oneLabel': 'Fix cell {cell}: preview',
    'ui.fix.generic': 'Fix as suggested',
    'ui.fix.preview.heading': 'Preview: {cells} cells will change',
    'ui.fix.preview.headingNone': 'Preview: no fix chosen',
    'ui.fix.preview.choice': 'Choose the fix for cell {cell}',
    'ui.fix.preview.before': 'Before',
    'ui.fix.preview.after': 'After',
    'ui.fix.preview.cell': 'Cell',
    'ui.fix.preview.empty': '(empty)',
    'ui.fix.preview.merge': 'Merge cells {range} again (the first cell’s value stays)',
    'ui.fix.preview.skipped':
      'Will be skipped: it touches cells {cells} that the fix of cell {other}, chosen first, also touches. Check again after applying to see whether it is still needed.',
    'ui.fix.apply': 'Apply ({count})',
    'ui.fix.close': 'Close',
    'ui.fix.undo': 'Undo',
    'ui.fix.undoHint':
      'Undo the last apply: {cells} cells on sheet "{sheet}". The pane keeps the old values itself, because Excel’s own Undo (Ctrl+Z) may not undo changes written by an add-in.',
    'ui.findings.fix': 'Fix',
    'ui.busy.fixing': 'Fixing {cells} cells…',
    'ui.busy.undoing': 'Undoing…',
    'ui.done.fixed': 'Fixed {fixes} findings ({cells} cells) on sheet "{sheet}" and checked again.',
    'ui.done.fixedSkipped':
      'Fixed {fixes} findings ({cells} cells) on sheet "{sheet}" and checked again; skipped {skipped} fixes touching the same cells.',
    'ui.done.undone': 'Undid {cells} cells on sheet "{sheet}" and checked again.',
    'ui.error.fix':
      'Could not apply the fixes on sheet "{sheet}". If no cell changed, check again and retry.',
    'ui.error.fixStale':
      'Sheet "{sheet}" changed after it was checked: no cell was fixed. Choose "Check again", then fix.',
    'ui.error.fixChanged':
      'Cells {cells} on sheet "{sheet}" are no longer as checked: no cell was fixed. Choose "Check again", then fix.',
    'ui.error.undo': 'Could not undo on sheet "{sheet}".',
    'ui.error.undoChanged':
      'Cannot undo: cells {cells} on sheet "{sheet}" were edited after the apply. Nothing was undone; fix them by hand, or put those cells back as the apply left them and retry.',

    'cli.usage.fix':
      'Usage: phancong fix <file.xlsx> --out fixed.xlsx [--sheet NAME] [--rule code,code] [--choice fill|merge] [--dry-run] [--json] [--as-of YYYY-MM-DD] [--lang vi|en]',
    'cli.fix.error.noOut':
      'Give --out fixed.xlsx (or --dry-run to only list the cells that would change).',
    'cli.fix.error.sameFile':
      'The output (--out) must differ from the input "{file}": the original is never modified.',
    'cli.fix.error.outExt': 'The output "{file}" must end in .xlsx.',
    'cli.fix.error.choice':
      'No fix choice "{value}"; use fill (as the row above) or merge (merge the cells again).',
    'cli.fix.error.rule': 'No rule "{value}". Rules: {rules}.',
    'cli.fix.error.apply':
      'Cannot fix sheet "{sheet}": cells {cells} are not as checked. No file written.',
    'cli.fix.title': 'PHÂN CÔNG — FIXING A TASK-ASSIGNMENT TABLE',
    'cli.fix.sheet': 'Sheet "{sheet}": {fixes} fixes, {cells} cells.',
    'cli.fix.sheetNone': 'Sheet "{sheet}": nothing can be fixed automatically.',
    'cli.fix.fix': '[{code}] {cell}: {message}',
    'cli.fix.edit': '{cell}: "{before}" → "{after}"',
    'cli.fix.merge': 'merge {range}',
    'cli.fix.skipped':
      'Skipped [{code}] {cell}: it touches cells {cells} that [{other}] {otherCell}, applied first, touches; run again after checking the fixed copy.',
    'cli.fix.empty': '(empty)',
    'cli.fix.dryRun':
      'Dry run (--dry-run): no file written. Total: {fixes} fixes, {cells} cells, {skipped} skipped.',
    'cli.fix.wrote':
      'Wrote the fixed copy to: {file} (the original is unchanged). Total: {fixes} fixes, {cells} cells, {skipped} skipped.',
  },
};
