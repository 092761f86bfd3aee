import { defineRule } from './rule';

const URL = /\bhttps?:\/\/[^\s,;]+/i;
const SEARCH = /\b(google\.[a-z.]+\/search|bing\.com\/search|\/search\?q=)/i;

/** A web address, often a pasted search-engine link, sits in the table. It is never opened. */
export default defineRule({
  meta: { code: 'url-in-cell', severity: 'warning', type: 'problem', docs: 'URLs (especially search links) pasted into cells.', messages: ['default', 'search'] },
  create(ctx) {
    return {
      row(r) {
        if (r.cls === 'blank' || r.cls === 'header') return;
        r.original.forEach((text, c) => {
          // Every address holds "://": the cheap test first.
          if (!text || !text.includes('://')) return;
          const m = URL.exec(text);
          if (!m) return;
          ctx.report({ messageId: SEARCH.test(m[0]) ? 'search' : 'default', index: r.index, col: c, data: { url: m[0].length > 80 ? `${m[0].slice(0, 77)}…` : m[0] } });
        });
      },
    };
  },
});
