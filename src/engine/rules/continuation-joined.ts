import { defineRule } from './rule';

/** A row without a number continues the task above (a page break cut the cell); it was joined. */
export default defineRule({
  meta: { code: 'continuation-joined', severity: 'info', type: 'layout', docs: 'Continuation rows joined into their task.', messages: ['default'] },
  create(ctx) {
    return {
      task(tm) {
        for (const r of tm.rows.slice(1)) ctx.report({ index: r.index, col: ctx.colOf('task') ?? 0, data: { task: tm.task.tt || '?', row: tm.task.row } });
      },
    };
  },
});
