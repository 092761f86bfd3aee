import { romanValue, type SectionModel } from '../model';
import { defineRule } from './rule';
import { toRoman } from '../appendix-layout';

/** The label section n should have had (digits past XXX, as before). */
const roman = (n: number) => (n >= 1 && n <= 30 ? toRoman(n) : String(n));

/** Section numbers (I, II, III…) out of order, repeated, or missing. */
export default defineRule({
  meta: {
    code: 'section-order',
    type: 'problem',
    docs: 'Roman section numbers must run I, II, III… without repeats or gaps.',
    messages: { default: 'warning', duplicate: 'warning', missing: 'warning' },
  },
  create(ctx) {
    const seen = new Map<number, SectionModel>();
    let prev = 0;
    return {
      section(s) {
        const v = romanValue(s.label);
        if (seen.has(v)) {
          ctx.report({
            messageId: 'duplicate',
            index: s.model.index,
            col: ctx.colOf('tt') ?? 0,
            data: { label: s.label, first: seen.get(v)!.row },
          });
        } else if (v !== prev + 1) {
          ctx.report({
            index: s.model.index,
            col: ctx.colOf('tt') ?? 0,
            data: { label: s.label, expected: roman(prev + 1), previous: prev ? roman(prev) : '—' },
          });
        }
        if (!seen.has(v)) seen.set(v, s);
        prev = v;
      },
      end() {
        if (seen.size === 0) return;
        const max = Math.max(...seen.keys());
        const missing: string[] = [];
        for (let i = 1; i <= max; i++) if (!seen.has(i)) missing.push(roman(i));
        if (missing.length) {
          const first = [...seen.values()][0];
          ctx.report({
            messageId: 'missing',
            index: first.model.index,
            col: ctx.colOf('tt') ?? 0,
            data: { labels: missing.join(', ') },
          });
        }
      },
    };
  },
});
