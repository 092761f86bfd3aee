/** Rule lead-is-person: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/lead-is-person';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H5, H6, row5, row6 } from '../../helpers/grid';
import { Q1, TC, VHTTDL } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H5, [row5('1', 'Nhiệm vụ A', 'Sở VHTTDL', Q1, TC)]),
    },
    {
      name: 'no support on the corrected sheet',
      sheet: grid(H6, [
        row6('1', 'Nhiệm vụ A', TC, Q1, { leader: 'Phó Chủ tịch UBND tỉnh', support: 'Sở Nội vụ' }),
      ]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H5, [row5('1', 'Nhiệm vụ A', 'Giám đốc Sở VHTTDL', Q1, TC)]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'C2',
          role: 'lead',
          data: { value: 'Giám đốc Sở VHTTDL', agency: VHTTDL },
          suggestion: VHTTDL,
        },
      ],
    },
    {
      name: 'reports support',
      sheet: grid(H6, [
        row6('1', 'Nhiệm vụ A', TC, Q1, {
          leader: 'Phó Chủ tịch UBND tỉnh',
          support: 'Giám đốc Sở Nội vụ',
        }),
      ]),
      findings: [
        {
          messageId: 'support',
          severity: 'warning',
          cell: 'E2',
          role: 'support',
          data: { value: 'Giám đốc Sở Nội vụ', agency: 'Sở Nội vụ' },
          suggestion: 'Sở Nội vụ',
        },
      ],
    },
  ],
});
