import { defineRule } from './rule';

/** A person's role ("Giám đốc Sở X") stands where an agency belongs (lead or support column). */
export default defineRule({
  meta: { code: 'lead-is-person', severity: 'warning', type: 'problem', docs: "A person's role in the lead or support column.", messages: ['default', 'support'], hasSuggestions: true },
  create(ctx) {
    return {
      task(tm) {
        for (const [role, refs] of [['lead', tm.task.lead], ['support', tm.task.support]] as const) {
          for (const r of refs) {
            if (r.kind !== 'person') continue;
            ctx.report({
              messageId: role === 'lead' ? 'default' : 'support',
              index: tm.rows[0].index,
              col: ctx.colOf(role),
              role,
              data: { value: r.raw, agency: r.suggestion ?? '—' },
              suggestion: r.suggestion,
            });
          }
        }
      },
    };
  },
});
