/** Rule role-missing: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/role-missing';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
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
      sheet: grid(
        ['TT', 'Nhiệm vụ', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
        [['1', 'Nhiệm vụ A', TC, Q1]],
      ),
      findings: [{ messageId: 'default', severity: 'error', cell: 'A1', role: 'lead' }],
    },
  ],
});
