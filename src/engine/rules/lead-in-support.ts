import { removeSupportFix } from '../fixes';
import { defineRule } from './rule';

/** The lead agency is listed again among the supporting agencies. Fix: remove it from the support cell. */
export default defineRule({
  meta: {
    code: 'lead-in-support',
    type: 'problem',
    docs: 'Lead agency repeated among support agencies.',
    messages: { default: 'warning' },
    fixes: ['remove'],
  },
  create(ctx) {
    return {
      task(tm) {
        const { lead, support } = tm.task;
        if (!lead.length || !support.length) return;
        let seen: Set<string> | null = null;
        for (const s of support) {
          // Once per agency, however often it is repeated.
          if (
            s.kind === 'agency' &&
            !seen?.has(s.name) &&
            lead.some((r) => r.kind === 'agency' && r.name === s.name)
          ) {
            (seen ??= new Set<string>()).add(s.name);
            ctx.reportTask(
              tm,
              'support',
              'default',
              { agency: s.name },
              { fixes: removeSupportFix(ctx, tm, s) },
            );
          }
        }
      },
    };
  },
});
