import { defineRule } from './rule';

/** A numbered row with no task text. */
export default defineRule({
  meta: {
    code: 'task-empty',
    type: 'problem',
    docs: 'Numbered task rows without a task.',
    messages: { default: 'warning' },
  },
  create(ctx) {
    return {
      task(tm) {
        if (ctx.colOf('task') !== null && !tm.task.task)
          ctx.reportTask(tm, 'task', 'default', { tt: tm.task.tt });
      },
    };
  },
});
