import { parseDeadline } from '../deadline';
import { deadlineYearFix } from '../fixes';
import { defineRule } from './rule';
import { outsideYears } from '../plan-years';
import { isoToVn } from '../calendar';

/**
 * Deadlines: missing (warning), unreadable (error), a refining part that contradicts the period
 * (warning), a year that had to be inferred (info, fix: write the year into the text), a due date
 * outside the plan's years (warning: the title's years, else the run of years the deadlines name;
 * never inside them).
 */
export default defineRule({
  meta: { code: 'deadline', severity: 'warning', type: 'problem', docs: 'Deadline present, readable, consistent and within the plan.', messages: ['missing', 'unreadable', 'conflict', 'year-inferred', 'outside-plan', 'outside-plan-years', 'sentence'], fixes: ['year'] },
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
        if (d.parts && d.due) ctx.report({ ...base, messageId: 'sentence', severity: 'info', data: { parts: d.parts.join(', '), due: isoToVn(d.due) } });
        if (d.conflict) ctx.report({ ...base, messageId: 'conflict', data: { value: d.text, part: d.conflict } });
        if (d.yearInferred && m.planYear) {
          const year = m.planYear;
          const fixes = deadlineYearFix(ctx, tm, year, (text) => parseDeadline(text, { planYear: year }));
          ctx.report({ ...base, messageId: 'year-inferred', severity: 'info', data: { value: d.text, year }, fixes });
        }
        // Outside the plan's years (a one-year plan also allows the next year; see plan-years.ts).
        const years = m.planYears;
        if (d.due && years && !d.multiYear && outsideYears(Number(d.due.slice(0, 4)), years)) {
          if (years.to !== null && years.to !== years.from) ctx.report({ ...base, messageId: 'outside-plan-years', data: { value: d.text, from: years.from, to: years.to } });
          else ctx.report({ ...base, messageId: 'outside-plan', data: { value: d.text, year: years.from } });
        }
      },
    };
  },
});
