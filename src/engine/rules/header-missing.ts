import { defineRule } from './rule';

/** No assignment table: no row names at least three column roles. */
export default defineRule({
  meta: {
    code: 'header-missing',
    type: 'layout',
    docs: 'The sheet has no recognisable header row.',
    messages: { default: 'error' },
  },
  create(ctx) {
    return {
      sheet(model) {
        if (!model.header && !ctx.model.options.columns) ctx.report({ data: { rows: 60 } });
      },
    };
  },
});
