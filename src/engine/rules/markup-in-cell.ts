import type { CellEdit } from '../types';
import { hasMarkup, stripMarkup } from '../text';
import { defineRule } from './rule';

/**
 * Cells hold HTML-like tags (<b>, <a href>) left over from a paste: users see the tags. A cell under
 * a merged area is its top row's. Fix: remove the tags, keep the text (a cell left empty is cleared).
 */
export default defineRule({
  meta: {
    code: 'markup-in-cell',
    type: 'problem',
    docs: 'Markup tags typed into cells.',
    messages: { default: 'warning' },
    fixes: ['strip'],
  },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank') return;
        let first = -1;
        let count = 0;
        let edits: CellEdit[] | null = null;
        for (let c = 0; c < r.values.length; c++) {
          const v = r.values[c];
          // Every tag starts with "<": the cheap test first.
          if (typeof v === 'string' && v.includes('<') && !r.merged[c] && hasMarkup(v)) {
            if (first < 0) first = c;
            count++;
            const text = stripMarkup(v);
            (edits ??= []).push(ctx.edit(r.index, c, text.trim() ? text : null));
          }
        }
        if (count)
          ctx.report({
            index: r.index,
            col: first,
            data: { count },
            fixes: edits ? [{ choice: 'strip', data: { count }, edits }] : undefined,
          });
      },
    };
  },
});
