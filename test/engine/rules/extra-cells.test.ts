/** Rule extra-cells: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/extra-cells';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [[...ok6(), '', '']]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [[...ok6(), '', 'ghi thêm']]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'H2',
          role: null,
          data: { count: 1, last: 'F' },
        },
      ],
    },
  ],
});
