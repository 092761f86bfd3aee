/** Rule header-repeated: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/header-repeated';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [ok6('1'), ok6('2', 'Nhiệm vụ B')]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [ok6('1'), H6, ok6('2', 'Nhiệm vụ B')]),
      findings: [
        { messageId: 'default', severity: 'info', cell: 'A3', role: 'tt', data: { header: 1 } },
      ],
    },
  ],
});
