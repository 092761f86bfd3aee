import { normaliseTt } from '../model';
import { defineRule } from './rule';

/**
 * Task numbers inside a section (and inside a group "1" → 1.1, 1.2…) run 1, 2, 3… Group rows count
 * as numbers of their level. Duplicates are errors (two tasks cannot be told apart in reports);
 * gaps and steps back are warnings.
 */
const NUMBER = /^\d+(\.\d+)*$/;

export default defineRule({
  meta: {
    code: 'tt-numbering',
    type: 'problem',
    docs: 'Task numbers: duplicates, gaps and steps back.',
    messages: { duplicate: 'error', gap: 'warning', order: 'warning' },
  },
  create(ctx) {
    // Numbers are keyed within the current section instance (each section row starts afresh).
    let last = new Map<string, number>();
    let seen = new Map<string, number>();
    let lastTop = 0;
    return {
      row(r) {
        if (r.cls === 'section') {
          // The instance, not the label: a repeated section number starts its own numbering too.
          last = new Map();
          seen = new Map();
          return;
        }
        if (r.cls !== 'task' && r.cls !== 'group') return;
        const tt = normaliseTt(r.tt);
        if (!NUMBER.test(tt)) return;
        // "2.3.4" → parent "2.3", n = 4; "7" → parent "", n = 7.
        const dot = tt.lastIndexOf('.');
        const nested = dot >= 0;
        const n = Number(tt.slice(dot + 1));
        const parent = nested ? tt.slice(0, dot) : '';
        const key = tt;
        const col = ctx.colOf('tt') ?? 0;
        if (seen.has(key)) {
          ctx.report({
            messageId: 'duplicate',
            index: r.index,
            col,
            data: { tt, first: seen.get(key)! },
          });
          return;
        }
        seen.set(key, r.row);
        // Top-level numbers may run on across sections (1–5 in I, 6–9 in II): the first number of a
        // section may continue the previous section's last one.
        let prev = last.get(parent) ?? 0;
        if (!nested && !last.has(parent) && n === lastTop + 1 && n !== 1) prev = lastTop;
        if (!nested) lastTop = n;
        const name = (i: number) => (nested ? `${parent}.${i}` : String(i));
        if (n > prev + 1) {
          const missing: string[] = [];
          for (let i = prev + 1; i < n && missing.length < 10; i++) missing.push(name(i));
          ctx.report({
            messageId: 'gap',
            index: r.index,
            col,
            data: { tt, missing: missing.join(', ') },
          });
        } else if (n <= prev) {
          ctx.report({
            messageId: 'order',
            index: r.index,
            col,
            data: { tt, previous: name(prev) },
          });
        }
        last.set(parent, Math.max(prev, n));
      },
    };
  },
});
