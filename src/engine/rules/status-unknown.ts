import { ACCEPTED_STATUSES } from '../status';
import { defineRule } from './rule';

/** Longer texts in a status column ("Kết quả thực hiện") are reports of results, not statuses. */
const MAX_STATUS_WORDS = 8;

/**
 * A status cell that says none of the progress-report statuses (status.ts): the task's state then
 * rests on its deadline alone. Lists the accepted statuses. A text of more than 8 words is a
 * report of results (columns headed "Kết quả thực hiện" hold them), not a misspelt status.
 */
export default defineRule({
  meta: {
    code: 'status-unknown',
    type: 'problem',
    docs: 'A status the progress-report vocabulary does not know.',
    messages: { default: 'warning' },
  },
  create(ctx) {
    const accepted = ACCEPTED_STATUSES.join(', ');
    return {
      task(tm) {
        const t = tm.task;
        if (!t.status || t.progress || t.status.trim().split(/\s+/).length > MAX_STATUS_WORDS)
          return;
        ctx.reportTask(tm, 'status', 'default', { value: t.status, accepted });
      },
    };
  },
});
