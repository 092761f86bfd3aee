import { parseDeadline } from '../deadline';
import { deadlineYearFix } from '../fixes';
import { defineRule } from './rule';

/**
 * Deadlines: missing (warning), unreadable (error), a refining part that contradicts the period
 * (warning), a year that had to be inferred (info, fix: write the year into the text), a due date
 * outside the plan's years (warning).
 */
export default defineRule({
  meta: { code: 'deadline', severity: 'warning', type: 'problem', docs: 'Deadline present, readable, consistent and within the plan.', messages: ['missing', 'unreadable', 'conflict', 'year-inferred', 'outside-plan'], fixes: ['year'] },
  create(ctx) {
    const m = ctx.model;
    return {
      task(tm) {
        const col = ctx.colOf('deadline');
        if (col === null) return;
        const d = tm.task.deadline;
        const base = { index: tm.rows[0].index, col, role: 'deadline' as const };
        if (tm.task.state.startsWith('done')) return;
        if (d.kind === 'missing') ctx.report({ ...base, messageId: 'missing', data: { tt: tm.task.tt } });
        else if (d.kind === 'unknown') ctx.report({ ...base, messageId: 'unreadable', severity: 'error', data: { value: d.text } });
        if (d.conflict) ctx.report({ ...base, messageId: 'conflict', data: { value: d.text, part: d.conflict } });
        if (d.yearInferred && m.planYear) {
          const year = m.planYear;
          const fixes = deadlineYearFix(ctx, tm, year, (text) => parseDeadline(text, { planYear: year }));
          ctx.report({ ...base, messageId: 'year-inferred', severity: 'info', data: { value: d.text, year }, fixes });
        }
        if (d.due && m.planYear && !d.multiYear) {
          const y = Number(d.due.slice(0, 4));
          if (y < m.planYear || y > m.planYear + 1) ctx.report({ ...base, messageId: 'outside-plan', data: { value: d.text, year: m.planYear } });
        }
      },
    };
  },
});
