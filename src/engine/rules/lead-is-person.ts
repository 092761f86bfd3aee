import type { AgencyRef, Role } from '../types';
import { columnLetter } from '../text';
import type { TaskModel } from '../model';
import { movePersonFix } from '../fixes';
import { t } from '../../messages';
import { defineRule } from './rule';

/**
 * A person's role ("Giám đốc Sở X") stands where an agency belongs (lead or support column). Fix:
 * move the title to the leader (else inspector) column when the task's cell there is blank, and
 * write the agency inside the title in its place.
 */
export default defineRule({
  meta: {
    code: 'lead-is-person',
    type: 'problem',
    docs: "A person's role in the lead or support column.",
    messages: { default: 'warning', support: 'warning' },
    hasSuggestions: true,
    fixes: ['move', 'move-only'],
  },
  create(ctx) {
    const lang = ctx.model.options.lang;
    const columnName = (role: Role) => {
      const c = ctx.colOf(role)!;
      return `${columnLetter(ctx.model.sheetCol(c) - 1)} (${t(lang, `role.${role}`)})`;
    };
    const check = (tm: TaskModel, role: 'lead' | 'support', refs: readonly AgencyRef[]) => {
      for (const r of refs) {
        if (r.kind !== 'person') continue;
        ctx.reportTask(
          tm,
          role,
          role === 'lead' ? 'default' : 'support',
          { value: r.raw, agency: r.suggestion ?? '—' },
          { suggestion: r.suggestion, fixes: movePersonFix(ctx, tm, role, r, columnName) },
        );
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
