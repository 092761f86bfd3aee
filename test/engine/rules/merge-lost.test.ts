/** Rule merge-lost: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/merge-lost';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { ok6, Q1, TC } from './common';

ruleTester(rule, {
  valid: [
    // Same cells, but the leader is a real vertical merge over both rows.
    {
      name: 'no default on the corrected sheet',
      sheet: grid(
        H6,
        [
          row6('1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh' }),
          ok6('2', 'Nhiệm vụ B'),
        ],
        {
          merges: [{ top: 1, left: 2, bottom: 2, right: 2 }],
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [
        row6('1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh' }),
        ok6('2', 'Nhiệm vụ B'),
      ]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'C3',
          role: 'leader',
          data: { from: 2, rows: '3', count: 1, value: 'Phó Chủ tịch UBND tỉnh' },
          suggestion: 'Phó Chủ tịch UBND tỉnh',
        },
      ],
    },
  ],
});
