import { lostMergeFixes, short } from '../fixes';
import { defineRule } from './rule';

/**
 * Nobody is accountable: the task has no lead agency at all (its lead cell is blank and no real
 * merged area covers it). When the cell was probably a vertical merge lost in a paste, or the task
 * sits under a group heading that names a lead, the finding says so and offers the value above as
 * a fix (fill, or merge again); the task stays unassigned until the user applies it.
 */
export default defineRule({
  meta: {
    code: 'lead-missing',
    type: 'problem',
    docs: 'Every task needs a lead agency.',
    messages: { default: 'error', 'lost-merge': 'error', group: 'error' },
    hasSuggestions: true,
    fixes: ['fill', 'merge'],
  },
  create(ctx) {
    return {
      task(tm) {
        const col = ctx.colOf('lead');
        if (col === null || !tm.task.unassigned) return;
        const lost = tm.lostMerges.lead;
        if (!lost) {
          ctx.reportTask(tm, 'lead', 'default', { tt: tm.task.tt });
          return;
        }
        ctx.reportTask(
          tm,
          'lead',
          lost.group ? 'group' : 'lost-merge',
          { tt: tm.task.tt, from: lost.row, value: short(lost.text, 80) },
          { suggestion: lost.text, fixes: lostMergeFixes(ctx, [tm], col, lost) },
        );
      },
    };
  },
});
