/** Rule role-ambiguous: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/role-ambiguous';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H5, row5 } from '../../helpers/grid';
import { Q1, TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H5, [row5('1', 'Nhiệm vụ A', TC, Q1)]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(
        ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Thời hạn'],
        [['1', 'Nhiệm vụ A', TC, Q1, 'Quý II/2026']],
      ),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'E1',
          role: 'deadline',
          data: { used: 'D', others: 'E' },
        },
      ],
    },
  ],
});
