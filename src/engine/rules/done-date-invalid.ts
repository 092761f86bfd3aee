import { isoToVn } from '../calendar';
import { defineRule } from './rule';

/**
 * A completion date ("Ngày hoàn thành") that breaks the date rule the tracking columns carry: not a
 * date, or later than the as-of date (a task cannot have been finished in the future).
 */
export default defineRule({
  meta: {
    code: 'done-date-invalid',
    type: 'problem',
    docs: 'A completion date that is not a date or lies after the as-of date.',
    messages: { default: 'warning', future: 'warning' },
  },
  create(ctx) {
    const col = ctx.colOf('done-date');
    const asOf = ctx.model.options.asOf;
    return {
      task(tm) {
        if (col === null) return;
        const first = tm.rows[0];
        const text = first.texts[col];
        if (!text) return;
        const t = tm.task;
        if (!t.doneDate) {
          ctx.reportTask(tm, 'done-date', 'default', { value: text });
        } else if (t.doneDate > asOf) {
          ctx.reportTask(tm, 'done-date', 'future', { value: text, asOf: isoToVn(asOf) });
        }
      },
    };
  },
});
