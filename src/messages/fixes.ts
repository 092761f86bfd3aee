/**
 * Message catalogue section: the fixes the rules offer (src/engine/rules, `fixes` on a finding).
 * Ids: `fix.<code>.<choice>`; the data is the fix's `data`.
 */
import type { Catalogue } from './index';

export const fixes: Catalogue = {
  vi: {
    'fix.lead-missing.fill': 'Điền "{value}" (như dòng {row})',
    'fix.lead-missing.merge': 'Gộp lại ô {range} (giá trị "{value}" ở dòng {row})',
    'fix.merge-lost.fill': 'Điền "{value}" (như dòng {row}) vào {count} ô trống',
    'fix.merge-lost.merge': 'Gộp lại ô {range} (giá trị "{value}" ở dòng {row})',
    'fix.cells-shifted.move': 'Chuyển {count} giá trị về đúng cột',
    'fix.markup-in-cell.strip': 'Xóa thẻ định dạng, giữ nội dung ({count} ô)',
    'fix.url-in-cell.remove': 'Xóa đường dẫn tìm kiếm {url}',
    'fix.agency-name.canonical': 'Sửa "{value}" thành "{canonical}"',
    'fix.agency-name.renamed':
      'Đổi "{value}" thành tên mới "{now}" (chỉ khi kế hoạch không cố ý ghi tên cũ)',
    'fix.tt-format.dot': 'Sửa thành "{tt}"',
    'fix.tt-unreadable.number': 'Ghi số thứ tự "{tt}"',
    'fix.lead-in-support.remove': 'Xóa {agency} khỏi cột cơ quan phối hợp',
    'fix.lead-is-person.move': 'Chuyển "{value}" sang cột {column}; ghi "{agency}" vào chỗ cũ',
    'fix.lead-is-person.move-only': 'Chuyển "{value}" sang cột {column}',
    'fix.agencies-run-together.separate': 'Thêm dấu "; " giữa hai cơ quan: "{text}"',
    'fix.deadline.year': 'Ghi rõ năm: "{text}"',
  },
  en: {
    'fix.lead-missing.fill': 'Fill in "{value}" (as in row {row})',
    'fix.lead-missing.merge': 'Merge {range} again (the value "{value}" of row {row})',
    'fix.merge-lost.fill': 'Fill in "{value}" (as in row {row}) in {count} blank cell(s)',
    'fix.merge-lost.merge': 'Merge {range} again (the value "{value}" of row {row})',
    'fix.cells-shifted.move': 'Move {count} value(s) into their columns',
    'fix.markup-in-cell.strip': 'Remove the tags, keep the text ({count} cell(s))',
    'fix.url-in-cell.remove': 'Remove the search link {url}',
    'fix.agency-name.canonical': 'Change "{value}" to "{canonical}"',
    'fix.agency-name.renamed':
      'Change "{value}" to the new name "{now}" (only if the plan does not cite the old name on purpose)',
    'fix.tt-format.dot': 'Change to "{tt}"',
    'fix.tt-unreadable.number': 'Number it "{tt}"',
    'fix.lead-in-support.remove': 'Remove {agency} from the supporting agencies',
    'fix.lead-is-person.move': 'Move "{value}" to column {column}; write "{agency}" in its place',
    'fix.lead-is-person.move-only': 'Move "{value}" to column {column}',
    'fix.agencies-run-together.separate': 'Insert "; " between the two agencies: "{text}"',
    'fix.deadline.year': 'Write the year: "{text}"',
  },
};
