/** Rule lead-missing: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/lead-missing';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { ok6, Q1, TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [ok6()]),
    },
    // The same blank under a real merged area belongs to the task above's cell.
    {
      name: 'no lost-merge on the corrected sheet',
      sheet: grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', '', Q1)], {
        merges: [{ top: 1, left: 3, bottom: 2, right: 3 }],
      }),
    },
    {
      name: 'no group on the corrected sheet',
      sheet: grid(H6, [row6('2', 'Nhóm nhiệm vụ', TC, Q1), ok6('2.1')]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)]),
      findings: [
        { messageId: 'default', severity: 'error', cell: 'D2', role: 'lead', data: { tt: '1' } },
      ],
    },
    {
      name: 'reports lost-merge',
      sheet: grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', '', Q1)]),
      findings: [
        {
          messageId: 'lost-merge',
          severity: 'error',
          cell: 'D3',
          role: 'lead',
          data: { tt: '2', from: 2, value: TC },
          suggestion: TC,
        },
      ],
    },
    {
      name: 'reports group',
      sheet: grid(H6, [row6('2', 'Nhóm nhiệm vụ', TC, Q1), row6('2.1', 'Nhiệm vụ A', '', Q1)]),
      findings: [
        {
          messageId: 'group',
          severity: 'error',
          cell: 'D3',
          role: 'lead',
          data: { tt: '2.1', from: 2, value: TC },
          suggestion: TC,
        },
      ],
    },
  ],
});
