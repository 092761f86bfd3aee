import { hasMarkup } from '../text';
import { defineRule } from './rule';

/** Cells hold HTML-like tags (<b>, <a href>) left over from a paste: users see the tags. */
export default defineRule({
  meta: { code: 'markup-in-cell', severity: 'warning', type: 'problem', docs: 'Markup tags typed into cells.', messages: ['default'] },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank') return;
        const cols: number[] = [];
        r.values.forEach((v, c) => {
          if (typeof v === 'string' && hasMarkup(v)) cols.push(c);
        });
        if (cols.length) ctx.report({ index: r.index, col: cols[0], data: { count: cols.length } });
      },
    };
  },
});
