import type { Role } from '../types';
import type { LostMerge, TaskModel } from '../model';
import { lostMergeFixes, short } from '../fixes';
import { defineRule } from './rule';

/**
 * A blank leader / inspector cell under a filled one: probably a vertical merge lost in the paste.
 * The blank stays blank (the task has no leader until the user fixes it); the value above is
 * offered as a fix (fill, or merge again). Reported once per run of blank cells that continue the
 * same cell, at the run's first row. (A blank lead cell is lead-missing's, with the same fixes.)
 */
export default defineRule({
  meta: {
    code: 'merge-lost',
    type: 'layout',
    docs: 'Blank cells that were probably vertical merges in the source.',
    messages: { default: 'warning' },
    hasSuggestions: true,
    fixes: ['fill', 'merge'],
  },
  create(ctx) {
    const roles: Role[] = ['leader', 'inspector'];
    const open = new Map<Role, { lost: LostMerge; tasks: TaskModel[] }>();
    const flush = (role: Role) => {
      const run = open.get(role);
      if (!run) return;
      open.delete(role);
      const col = ctx.colOf(role)!;
      const rowsOf = run.tasks.map((tm) => tm.task.row);
      const rows =
        rowsOf.length > 1 ? `${rowsOf[0]}–${rowsOf[rowsOf.length - 1]}` : String(rowsOf[0]);
      ctx.report({
        index: run.tasks[0].rows[0].index,
        col,
        role,
        data: { from: run.lost.row, rows, count: rowsOf.length, value: short(run.lost.text, 80) },
        suggestion: run.lost.text,
        fixes: lostMergeFixes(ctx, run.tasks, col, run.lost),
      });
    };
    return {
      task(tm) {
        for (const role of roles) {
          if (ctx.colOf(role) === null) continue;
          const lost = tm.lostMerges[role];
          const run = open.get(role);
          if (!lost) {
            flush(role);
            continue;
          }
          if (run && run.lost.index === lost.index && run.lost.through === lost.through)
            run.tasks.push(tm);
          else {
            flush(role);
            open.set(role, { lost, tasks: [tm] });
          }
        }
      },
      end() {
        for (const role of [...open.keys()]) flush(role);
      },
    };
  },
});
