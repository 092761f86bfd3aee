/** Rule done-date-invalid: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/done-date-invalid';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(
        [...H6, 'Ngày hoàn thành'],
        [
          [...ok6('1'), '10/01/2026'],
          [...ok6('2', 'Nhiệm vụ B'), ''],
        ],
      ),
    },
    {
      name: 'no future on the corrected sheet',
      sheet: grid(
        [...H6, 'Ngày hoàn thành'],
        [
          [...ok6('1'), '10/01/2026'],
          [...ok6('2', 'Nhiệm vụ B'), '01/03/2026'],
        ],
      ),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(
        [...H6, 'Ngày hoàn thành'],
        [
          [...ok6('1'), '10/01/2026'],
          [...ok6('2', 'Nhiệm vụ B'), 'sắp xong'],
        ],
      ),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'G3',
          role: 'done-date',
          data: { value: 'sắp xong' },
        },
      ],
    },
    {
      name: 'reports future',
      sheet: grid(
        [...H6, 'Ngày hoàn thành'],
        [
          [...ok6('1'), '10/01/2026'],
          [...ok6('2', 'Nhiệm vụ B'), '10/04/2026'],
        ],
      ),
      findings: [
        {
          messageId: 'future',
          severity: 'warning',
          cell: 'G3',
          role: 'done-date',
          data: { value: '10/04/2026', asOf: '01/03/2026' },
        },
      ],
    },
  ],
});
