import { defineRule } from './rule';

/** Nobody is accountable: the task has no lead agency at all. */
export default defineRule({
  meta: { code: 'lead-missing', severity: 'error', type: 'problem', docs: 'Every task needs a lead agency.', messages: ['default'] },
  create(ctx) {
    return {
      task(tm) {
        if (ctx.colOf('lead') === null) return;
        if (tm.task.unassigned) ctx.report({ index: tm.rows[0].index, col: ctx.colOf('lead'), role: 'lead', data: { tt: tm.task.tt } });
      },
    };
  },
});
