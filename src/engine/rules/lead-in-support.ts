import { defineRule } from './rule';

/** The lead agency is listed again among the supporting agencies. */
export default defineRule({
  meta: { code: 'lead-in-support', severity: 'warning', type: 'problem', docs: 'Lead agency repeated among support agencies.', messages: ['default'] },
  create(ctx) {
    return {
      task(tm) {
        const leads = new Set(tm.task.lead.filter((r) => r.kind === 'agency').map((r) => r.name));
        for (const s of tm.task.support) {
          if (s.kind === 'agency' && leads.has(s.name)) {
            ctx.report({ index: tm.rows[0].index, col: ctx.colOf('support'), role: 'support', data: { agency: s.name } });
          }
        }
      },
    };
  },
});
