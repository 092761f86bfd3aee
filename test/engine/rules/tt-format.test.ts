/** Rule tt-format: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/tt-format';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [['1', 'Nhóm nhiệm vụ'], ok6('1.1', 'A'), ok6('1.2', 'B')]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [['1', 'Nhóm nhiệm vụ'], ok6('1.1', 'A'), ok6('1.2.', 'B')]),
      findings: [
        {
          messageId: 'default',
          severity: 'info',
          cell: 'A4',
          role: 'tt',
          data: { tt: '1.2.' },
          suggestion: '1.2',
        },
      ],
    },
  ],
});
