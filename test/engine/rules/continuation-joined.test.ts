/** Rule continuation-joined: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/continuation-joined';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { Q1, TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A phần đầu phần sau', TC, Q1)]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A phần đầu', TC, Q1), ['', 'phần sau của nhiệm vụ A']]),
      findings: [
        {
          messageId: 'default',
          severity: 'info',
          cell: 'B3',
          role: 'task',
          data: { task: '1', row: 2 },
        },
      ],
    },
  ],
});
