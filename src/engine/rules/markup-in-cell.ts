import { hasMarkup } from '../text';
import { defineRule } from './rule';

/** Cells hold HTML-like tags (<b>, <a href>) left over from a paste: users see the tags. */
export default defineRule({
  meta: { code: 'markup-in-cell', severity: 'warning', type: 'problem', docs: 'Markup tags typed into cells.', messages: ['default'] },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank') return;
        const cols = r.raw.map((s, c) => (s && hasMarkup(s) ? c : -1)).filter((c) => c >= 0);
        if (cols.length) ctx.report({ index: r.index, col: cols[0], data: { count: cols.length } });
      },
    };
  },
});
