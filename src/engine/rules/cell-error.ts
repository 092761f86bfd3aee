import { isErrorValue } from '../text';
import { defineRule } from './rule';

/** A cell holds an Excel error value (#REF!, #N/A, #VALUE!…). */
export default defineRule({
  meta: { code: 'cell-error', severity: 'error', type: 'problem', docs: 'Excel error values in the table.', messages: ['default'] },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank') return;
        r.values.forEach((v, c) => {
          if (isErrorValue(v)) ctx.report({ index: r.index, col: c, data: { value: v.error } });
        });
      },
    };
  },
});
