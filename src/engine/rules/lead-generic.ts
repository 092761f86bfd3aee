import { defineRule } from './rule';

/** The lead is only a generic phrase ("Các sở, ngành liên quan"): nobody in particular is accountable. */
export default defineRule({
  meta: {
    code: 'lead-generic',
    type: 'problem',
    docs: 'A generic phrase as the only lead.',
    messages: { default: 'warning' },
  },
  create(ctx) {
    return {
      task(tm) {
        const lead = tm.task.lead;
        if (lead.length && lead.every((r) => r.kind === 'generic')) {
          ctx.reportTask(tm, 'lead', 'default', { value: lead.map((r) => r.raw).join('; ') });
        }
      },
    };
  },
});
