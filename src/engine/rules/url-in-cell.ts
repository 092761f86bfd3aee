import { defineRule, type FixDraft } from './rule';

const URL = /\bhttps?:\/\/[^\s,;]+/i;
const SEARCH = /\b(google\.[a-z.]+\/search|bing\.com\/search|\/search\?q=)/i;

/**
 * A web address, often a pasted search-engine link, sits in the table. It is never opened.
 * Fix (search links only, which never belong in a plan): remove the link from the cell's text.
 */
export default defineRule({
  meta: {
    code: 'url-in-cell',
    type: 'problem',
    docs: 'URLs (especially search links) pasted into cells.',
    messages: { default: 'warning', search: 'warning' },
    fixes: ['remove'],
  },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank' || r.cls === 'header') return;
        r.original.forEach((text, c) => {
          // Every address holds "://": the cheap test first.
          if (!text || !text.includes('://')) return;
          const m = URL.exec(text);
          if (!m) return;
          const search = SEARCH.test(m[0]);
          const url = m[0].length > 80 ? `${m[0].slice(0, 77)}…` : m[0];
          let fixes: FixDraft[] | undefined;
          const raw = ctx.rawValue(r.index, c);
          if (search && typeof raw === 'string' && !r.merged[c] && raw.includes(m[0])) {
            const rest = raw
              .split(m[0])
              .join('')
              .replace(/[ \t]{2,}/g, ' ')
              .trim();
            if (!URL.test(rest))
              fixes = [
                { choice: 'remove', data: { url }, edits: [ctx.edit(r.index, c, rest || null)] },
              ];
          }
          ctx.report({
            messageId: search ? 'search' : 'default',
            index: r.index,
            col: c,
            data: { url },
            fixes,
          });
        });
      },
    };
  },
});
