/** Rule agencies-run-together: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/agencies-run-together';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { Q1 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [
        row6('1', 'Nhiệm vụ A', 'Sở VHTTDL; Các cơ quan truyền thông trên địa bàn tỉnh', Q1),
      ]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [
        row6('1', 'Nhiệm vụ A', 'Sở VHTTDL Các cơ quan truyền thông trên địa bàn tỉnh', Q1),
      ]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'D2',
          role: 'lead',
          data: { parts: 'Sở VHTTDL | Các cơ quan truyền thông trên địa bàn tỉnh' },
        },
      ],
    },
  ],
});
