import { defineRule } from './rule';

/** A numbered row with no task text. */
export default defineRule({
  meta: { code: 'task-empty', severity: 'warning', type: 'problem', docs: 'Numbered task rows without a task.', messages: ['default'] },
  create(ctx) {
    return {
      task(tm) {
        if (ctx.colOf('task') !== null && !tm.task.task) ctx.report({ index: tm.rows[0].index, col: ctx.colOf('task'), role: 'task', data: { tt: tm.task.tt } });
      },
    };
  },
});
