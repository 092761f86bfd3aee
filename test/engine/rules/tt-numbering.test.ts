/** Rule tt-numbering: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/tt-numbering';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no duplicate on the corrected sheet',
      sheet: grid(H6, [ok6('1'), ok6('2', 'B'), ok6('3', 'C')]),
    },
    // Top-level numbers may run on across sections (1–2 in I, 3 in II): no gap.
    {
      name: 'no gap on the corrected sheet',
      sheet: grid(H6, [
        ['I', 'Mục một'],
        ok6('1'),
        ok6('2', 'B'),
        ['II', 'Mục hai'],
        ok6('3', 'C'),
      ]),
    },
    {
      name: 'no order on the corrected sheet',
      sheet: grid(H6, [ok6('1'), ok6('2', 'B'), ok6('3', 'C')]),
    },
  ],
  invalid: [
    {
      name: 'reports duplicate',
      sheet: grid(H6, [ok6('1'), ok6('2', 'B'), ok6('2', 'C')]),
      findings: [
        {
          messageId: 'duplicate',
          severity: 'error',
          cell: 'A4',
          role: 'tt',
          data: { tt: '2', first: 3 },
        },
      ],
    },
    {
      name: 'reports gap',
      sheet: grid(H6, [ok6('1'), ok6('2', 'B'), ok6('4', 'D')]),
      findings: [
        {
          messageId: 'gap',
          severity: 'warning',
          cell: 'A4',
          role: 'tt',
          data: { tt: '4', missing: '3' },
        },
      ],
    },
    {
      name: 'reports order',
      sheet: grid(H6, [ok6('1'), ok6('3', 'C'), ok6('2', 'B')]),
      findings: [
        { messageId: 'gap', cell: 'A3' },
        {
          messageId: 'order',
          severity: 'warning',
          cell: 'A4',
          role: 'tt',
          data: { tt: '2', previous: '3' },
        },
      ],
    },
  ],
});
