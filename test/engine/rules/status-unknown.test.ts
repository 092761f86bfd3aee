/** Rule status-unknown: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/status-unknown';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(
        [...H6, 'Tiến độ'],
        [
          [...ok6('1'), 'Hoàn thành'],
          [...ok6('2', 'Nhiệm vụ B'), 'Đang thực hiện'],
        ],
      ),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(
        [...H6, 'Tiến độ'],
        [
          [...ok6('1'), 'Hoàn thành'],
          [...ok6('2', 'Nhiệm vụ B'), 'Gần xong rồi'],
        ],
      ),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'G3',
          role: 'status',
          data: { value: 'Gần xong rồi' },
        },
      ],
    },
  ],
});
