import { parseDeadline } from '../deadline';
import { deadlineYearFix } from '../fixes';
import type { MessageData } from '../types';
import { defineRule, type ReportExtras } from './rule';
import { outsideYears } from '../plan-years';
import { isoToVn } from '../calendar';

/**
 * Deadlines: missing (warning), unreadable (error), a refining part that contradicts the period
 * (warning), a year that had to be inferred (info, fix: write the year into the text), a due date
 * outside the plan's years (warning: the title's years, else the run of years the deadlines name;
 * never inside them).
 */
export default defineRule({
  meta: {
    code: 'deadline',
    type: 'problem',
    docs: 'Deadline present, readable, consistent and within the plan.',
    messages: {
      missing: 'warning',
      unreadable: 'error',
      conflict: 'warning',
      'year-inferred': 'info',
      'outside-plan': 'warning',
      'outside-plan-years': 'warning',
      sentence: 'info',
    },
    fixes: ['year'],
  },
  create(ctx) {
    const m = ctx.model;
    return {
      task(tm) {
        if (ctx.colOf('deadline') === null) return;
        const d = tm.task.deadline;
        const report = (messageId: string, data: MessageData, extras?: ReportExtras) =>
          ctx.reportTask(tm, 'deadline', messageId, data, extras);
        if (tm.task.state.startsWith('done')) return;
        if (d.kind === 'missing') report('missing', { tt: tm.task.tt });
        else if (d.kind === 'unknown') report('unreadable', { value: d.text });
        if (d.parts && d.due)
          report('sentence', { parts: d.parts.join(', '), due: isoToVn(d.due) });
        if (d.conflict) report('conflict', { value: d.text, part: d.conflict });
        if (d.yearInferred && m.planYear) {
          const year = m.planYear;
          const fixes = deadlineYearFix(ctx, tm, year, (text) =>
            parseDeadline(text, { planYear: year }),
          );
          report('year-inferred', { value: d.text, year }, { fixes });
        }
        // Outside the plan's years (a one-year plan also allows the next year; see plan-years.ts).
        const years = m.planYears;
        if (d.due && years && !d.multiYear && outsideYears(Number(d.due.slice(0, 4)), years)) {
          if (years.to !== null && years.to !== years.from)
            report('outside-plan-years', { value: d.text, from: years.from, to: years.to });
          else report('outside-plan', { value: d.text, year: years.from });
        }
      },
    };
  },
});
