/** Rule task-empty: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/task-empty';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { ok6, Q1, TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [ok6()]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [row6('1', '', TC, Q1)]),
      findings: [
        { messageId: 'default', severity: 'warning', cell: 'B2', role: 'task', data: { tt: '1' } },
      ],
    },
  ],
});
