import { columnLetter } from '../text';
import { defineRule } from './rule';

/** A row holds values to the right of the header's last column. */
export default defineRule({
  meta: {
    code: 'extra-cells',
    type: 'layout',
    docs: 'Values beyond the header width.',
    messages: { default: 'warning' },
  },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank' || r.cls === 'header' || r.extra.length === 0) return;
        const m = ctx.model;
        ctx.report({
          index: r.index,
          col: r.extra[0],
          data: {
            count: r.extra.length,
            width: m.width,
            last: columnLetter(m.sheetCol(m.width - 1) - 1),
          },
        });
      },
    };
  },
});
