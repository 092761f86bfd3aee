/** Rule header-missing: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/header-missing';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

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
      sheet: grid(null, [['Kế hoạch phát triển du lịch'], ['Nội dung dài không phải bảng', 'x']]),
      findings: [
        { messageId: 'default', severity: 'error', cell: null, role: null, data: { rows: 60 } },
      ],
    },
  ],
});
