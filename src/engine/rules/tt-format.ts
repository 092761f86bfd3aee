import { cellText } from '../text';
import { defineRule } from './rule';

/** A task number written with a trailing dot ("3.4.") where the table writes "3.4". Fix: drop the dot. */
export default defineRule({
  meta: {
    code: 'tt-format',
    type: 'suggestion',
    docs: 'Task numbers written with a trailing dot.',
    messages: { default: 'info' },
    hasSuggestions: true,
    fixes: ['dot'],
  },
  create(ctx) {
    return {
      task(tm) {
        const tt = tm.task.tt;
        if (!/^\d+(\.\d+)+\.$/.test(tt)) return;
        const index = tm.rows[0].index;
        const col = ctx.colOf('tt') ?? 0;
        const fixed = tt.slice(0, -1);
        const raw = ctx.rawValue(index, col);
        // The dot is the last visible character; tags after it (<b>3.4.</b>) stay.
        const after =
          typeof raw === 'string' && !tm.rows[0].merged[col]
            ? raw.replace(/\.(\s*(?:<\/[a-z]+>\s*)*)$/i, '$1')
            : null;
        const fixes =
          after !== null && after !== raw && cellText(after) === fixed
            ? [{ choice: 'dot', data: { tt: fixed }, edits: [ctx.edit(index, col, after)] }]
            : undefined;
        ctx.report({ index, col, data: { tt }, suggestion: fixed, fixes });
      },
    };
  },
});
