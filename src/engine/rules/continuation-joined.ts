import { defineRule } from './rule';

/** A row without a number continues the task above (a page break cut the cell); it was joined. */
export default defineRule({
  meta: {
    code: 'continuation-joined',
    type: 'layout',
    docs: 'Continuation rows joined into their task.',
    messages: { default: 'info' },
  },
  create(ctx) {
    return {
      task(tm) {
        for (let i = 1; i < tm.rows.length; i++)
          ctx.report({
            index: tm.rows[i].index,
            col: ctx.colOf('task') ?? 0,
            data: { task: tm.task.tt || '?', row: tm.task.row },
          });
      },
    };
  },
});
