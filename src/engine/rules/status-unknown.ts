import { ACCEPTED_STATUSES } from '../status';
import { defineRule } from './rule';

/**
 * A status cell that says none of the progress-report statuses (status.ts): the task's state then
 * rests on its deadline alone. Lists the accepted statuses.
 */
export default defineRule({
  meta: { code: 'status-unknown', severity: 'warning', type: 'problem', docs: 'A status the progress-report vocabulary does not know.', messages: ['default'] },
  create(ctx) {
    const accepted = ACCEPTED_STATUSES.join(', ');
    return {
      task(tm) {
        const t = tm.task;
        if (!t.status || t.progress) return;
        ctx.report({ index: tm.rows[0].index, col: ctx.colOf('status'), role: 'status', data: { value: t.status, accepted } });
      },
    };
  },
});
