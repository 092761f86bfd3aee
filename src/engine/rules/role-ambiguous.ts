import type { Role } from '../types';
import { columnLetter } from '../text';
import { defineRule } from './rule';

/** Two header cells name the same role; the first is used. */
export default defineRule({
  meta: {
    code: 'role-ambiguous',
    type: 'layout',
    docs: 'More than one column matches a role.',
    messages: { default: 'warning' },
  },
  create(ctx) {
    return {
      sheet(model) {
        const h = model.header;
        if (!h) return;
        for (const [role, cols] of Object.entries(h.ambiguous) as [Role, number[]][]) {
          if (model.options.columns?.[role] !== undefined) continue;
          ctx.report({
            index: h.row,
            col: cols[1],
            role,
            data: {
              used: columnLetter(model.sheetCol(cols[0]) - 1),
              others: cols
                .slice(1)
                .map((c) => columnLetter(model.sheetCol(c) - 1))
                .join(', '),
            },
          });
        }
      },
    };
  },
});
