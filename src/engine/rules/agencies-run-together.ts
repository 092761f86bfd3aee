import { separateFix } from '../fixes';
import { defineRule } from './rule';

/** Two agencies written in one cell without a separator ("Sở VHTTDL Các cơ quan truyền thông…"). Fix: insert "; ". */
export default defineRule({
  meta: {
    code: 'agencies-run-together',
    type: 'problem',
    docs: 'Agencies run together without a separator.',
    messages: { default: 'warning' },
    fixes: ['separate'],
  },
  create(ctx) {
    return {
      task(tm) {
        for (const role of tm.runTogether) {
          const refs = role === 'lead' ? tm.task.lead : tm.task.support;
          ctx.reportTask(
            tm,
            role,
            'default',
            { parts: refs.map((r) => r.raw).join(' | ') },
            { fixes: separateFix(ctx, tm, role as 'lead' | 'support') },
          );
        }
      },
    };
  },
});
