import { defineRule } from './rule';

/** The lead is only a generic phrase ("Các sở, ngành liên quan"): nobody in particular is accountable. */
export default defineRule({
  meta: { code: 'lead-generic', severity: 'warning', type: 'problem', docs: 'A generic phrase as the only lead.', messages: ['default'] },
  create(ctx) {
    return {
      task(tm) {
        const lead = tm.task.lead;
        if (lead.length && lead.every((r) => r.kind === 'generic')) {
          ctx.report({ index: tm.rows[0].index, col: ctx.colOf('lead'), role: 'lead', data: { value: lead.map((r) => r.raw).join('; ') } });
        }
      },
    };
  },
});
