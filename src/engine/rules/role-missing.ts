import { REQUIRED_ROLES } from '../types';
import { defineRule } from './rule';

/** A required column (TT, task, lead agency, deadline) was not found in the header. */
export default defineRule({
  meta: {
    code: 'role-missing',
    type: 'layout',
    docs: 'A required column role is missing from the header.',
    messages: { default: 'error' },
  },
  create(ctx) {
    return {
      sheet(model) {
        if (!model.header && !model.options.columns) return;
        for (const role of REQUIRED_ROLES) {
          if (model.columns[role] === undefined)
            ctx.report({ index: model.header?.row ?? null, role });
        }
      },
    };
  },
});
