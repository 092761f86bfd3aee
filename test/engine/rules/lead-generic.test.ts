/** Rule lead-generic: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/lead-generic';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { Q1 } from './common';

ruleTester(rule, {
  valid: [
    // One accountable agency next to the generic phrase: fine.
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [
        row6('1', 'Nhiệm vụ A', 'Sở Tài chính, các sở, ngành, địa phương liên quan', Q1),
      ]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', 'Các sở, ngành, địa phương liên quan', Q1)]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'D2',
          role: 'lead',
          data: { value: 'Các sở, ngành, địa phương liên quan' },
        },
      ],
    },
  ],
});
