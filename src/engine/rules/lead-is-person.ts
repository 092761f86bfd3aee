import type { AgencyRef } from '../types';
import type { TaskModel } from '../model';
import { defineRule } from './rule';

/** A person's role ("Giám đốc Sở X") stands where an agency belongs (lead or support column). */
export default defineRule({
  meta: { code: 'lead-is-person', severity: 'warning', type: 'problem', docs: "A person's role in the lead or support column.", messages: ['default', 'support'], hasSuggestions: true },
  create(ctx) {
    const check = (tm: TaskModel, role: 'lead' | 'support', refs: readonly AgencyRef[]) => {
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
    };
    return {
      task(tm) {
        check(tm, 'lead', tm.task.lead);
        check(tm, 'support', tm.task.support);
      },
    };
  },
});
