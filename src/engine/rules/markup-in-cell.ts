import { hasMarkup } from '../text';
import { defineRule } from './rule';

/** Cells hold HTML-like tags (<b>, <a href>) left over from a paste: users see the tags. */
export default defineRule({
  meta: { code: 'markup-in-cell', severity: 'warning', type: 'problem', docs: 'Markup tags typed into cells.', messages: ['default'] },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank') return;
        let first = -1;
        let count = 0;
        for (let c = 0; c < r.values.length; c++) {
          const v = r.values[c];
          // Every tag starts with "<": the cheap test first.
          if (typeof v === 'string' && v.includes('<') && hasMarkup(v)) {
            if (first < 0) first = c;
            count++;
          }
        }
        if (count) ctx.report({ index: r.index, col: first, data: { count } });
      },
    };
  },
});
