/** Message catalogue section: a check running off the pane's UI thread (issue 15): its cancel button and outcome. */
import type { Catalogue } from './index';

export const perf: Catalogue = {
  vi: {
    'ui.cancel.button': 'Hủy',
    'ui.cancel.label': 'Hủy lần kiểm tra đang chạy',
    'ui.done.cancelled':
      'Đã hủy lần kiểm tra trang tính "{sheet}". Kết quả trước đó (nếu có) được giữ nguyên.',
    'standalone.cancelOpen': 'Hủy mở tệp',
    'standalone.openCancelled': 'Đã hủy mở tệp "{file}".',
  },
  en: {
    'ui.cancel.button': 'Cancel',
    'ui.cancel.label': 'Cancel the running check',
    'ui.done.cancelled':
      'The check of sheet "{sheet}" was cancelled. The previous results (if any) are kept.',
    'standalone.cancelOpen': 'Cancel opening',
    'standalone.openCancelled': 'Opening "{file}" was cancelled.',
  },
};
