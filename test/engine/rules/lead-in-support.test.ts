/** Rule lead-in-support: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/lead-in-support';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { Q1, TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { support: 'Sở VHTTDL, Sở Nội vụ' })]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', TC, Q1, { support: 'Sở VHTTDL, Sở Tài chính' })]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'E2',
          role: 'support',
          data: { agency: TC },
        },
      ],
    },
  ],
});
