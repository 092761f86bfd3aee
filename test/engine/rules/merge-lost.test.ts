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
    {
      // "2.1" is not numbered under "1": the leader of group 1's heading is not what its rows continue.
      name: 'no default under a group numbered otherwise',
      sheet: grid(H6, [
        row6('1', 'Nhóm 1', '', '', { leader: 'Phó Chủ tịch UBND tỉnh' }),
        row6('1.1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh' }),
        row6('2', 'Nhóm 2', '', ''),
        row6('2.1', 'Nhóm 2.1', '', ''),
        row6('2.1.1', 'Nhiệm vụ B', TC, Q1),
      ]),
    },
  ],
  invalid: [
    {
      // Group 1.1's heading is blank: its rows continue the heading of the group it is numbered under.
      name: 'reports default under a nested group, from the enclosing heading',
      sheet: grid(H6, [
        row6('1', 'Nhóm 1', '', '', { leader: 'Phó Chủ tịch UBND tỉnh' }),
        row6('1.1', 'Nhóm 1.1', '', ''),
        row6('1.1.1', 'Nhiệm vụ A', TC, Q1),
        row6('1.1.2', 'Nhiệm vụ B', TC, Q1),
      ]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'C4',
          role: 'leader',
          data: { from: 2, rows: '4–5', count: 2, value: 'Phó Chủ tịch UBND tỉnh' },
          suggestion: 'Phó Chủ tịch UBND tỉnh',
        },
      ],
    },
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
