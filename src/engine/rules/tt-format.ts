import { defineRule } from './rule';

/** A task number written with a trailing dot ("3.4.") where the table writes "3.4". */
export default defineRule({
  meta: { code: 'tt-format', severity: 'info', type: 'suggestion', docs: 'Task numbers written with a trailing dot.', messages: ['default'], hasSuggestions: true },
  create(ctx) {
    return {
      task(tm) {
        const tt = tm.task.tt;
        if (/^\d+(\.\d+)+\.$/.test(tt)) ctx.report({ index: tm.rows[0].index, col: ctx.colOf('tt') ?? 0, data: { tt }, suggestion: tt.slice(0, -1) });
      },
    };
  },
});
