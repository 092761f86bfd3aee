import { isErrorValue } from '../text';
import { defineRule } from './rule';

/** A cell holds an Excel error value (#REF!, #N/A, #VALUE!…). */
export default defineRule({
  meta: {
    code: 'cell-error',
    type: 'problem',
    docs: 'Excel error values in the table.',
    messages: { default: 'error' },
  },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank') return;
        for (let c = 0; c < r.values.length; c++) {
          const v = r.values[c];
          if (isErrorValue(v)) ctx.report({ index: r.index, col: c, data: { value: v.error } });
        }
      },
    };
  },
});
