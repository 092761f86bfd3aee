import { isColumnNumbering } from '../header';
import { defineRule } from './rule';

/** The header row appears again inside the table (a page break of the source document). */
export default defineRule({
  meta: {
    code: 'header-repeated',
    type: 'layout',
    docs: 'A repeated header row inside the table is skipped.',
    messages: { default: 'info' },
  },
  create(ctx) {
    return {
      row(r) {
        // A row of column numbers is part of the header above it, repeated or not.
        const header = ctx.model.header;
        if (r.cls === 'header' && !(header && isColumnNumbering(r.texts, header)))
          ctx.report({
            index: r.index,
            col: ctx.colOf('tt') ?? 0,
            data: {
              header: (ctx.model.header?.row ?? 0) + (ctx.model.snapshot.origin?.row ?? 0) + 1,
            },
          });
      },
    };
  },
});
