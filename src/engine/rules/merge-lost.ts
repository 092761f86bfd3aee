import type { Role } from '../types';
import { defineRule } from './rule';

/**
 * A blank cell under a filled one: a vertical merge lost in the paste. Its value was carried down.
 * Reported once per run of rows carried down from the same cell, at the run's first row.
 */
export default defineRule({
  meta: { code: 'merge-lost', severity: 'warning', type: 'layout', docs: 'Blank cells that were vertical merges in the source.', messages: ['default'] },
  create(ctx) {
    const open = new Map<Role, { from: number; rows: number[]; index: number }>();
    const flush = (role: Role) => {
      const run = open.get(role);
      if (!run) return;
      open.delete(role);
      const rows = run.rows.length > 1 ? `${run.rows[0]}–${run.rows[run.rows.length - 1]}` : String(run.rows[0]);
      ctx.report({ index: run.index, col: ctx.colOf(role), role, data: { from: run.from, rows, count: run.rows.length } });
    };
    return {
      task(tm) {
        for (const role of ['leader', 'inspector', 'lead'] as Role[]) {
          const from = tm.inherited[role];
          const run = open.get(role);
          if (from === undefined) {
            flush(role);
            continue;
          }
          if (run && run.from === from) run.rows.push(tm.task.row);
          else {
            flush(role);
            open.set(role, { from, rows: [tm.task.row], index: tm.rows[0].index });
          }
        }
      },
      end() {
        for (const role of [...open.keys()]) flush(role);
      },
    };
  },
});
