/** Rule section-order: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/section-order';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [['I', 'Mục một'], ok6(), ['II', 'Mục hai'], ok6()]),
    },
    {
      name: 'no duplicate on the corrected sheet',
      sheet: grid(H6, [
        ['I', 'Mục một'],
        ok6(),
        ['II', 'Mục hai'],
        ok6(),
        ['III', 'Mục ba'],
        ok6(),
      ]),
    },
    {
      name: 'no missing on the corrected sheet',
      sheet: grid(H6, [['I', 'Mục một'], ok6(), ['II', 'Mục hai'], ok6()]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [['I', 'Mục một'], ok6(), ['III', 'Mục ba'], ok6()]),
      findings: [
        { messageId: 'missing', cell: 'A2' },
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'A4',
          role: 'tt',
          data: { label: 'III', expected: 'II', previous: 'I' },
        },
      ],
    },
    {
      name: 'reports duplicate',
      sheet: grid(H6, [
        ['I', 'Mục một'],
        ok6(),
        ['II', 'Mục hai'],
        ok6(),
        ['II', 'Mục hai nữa'],
        ok6(),
      ]),
      findings: [
        {
          messageId: 'duplicate',
          severity: 'warning',
          cell: 'A6',
          role: 'tt',
          data: { label: 'II', first: 4 },
        },
      ],
    },
    {
      name: 'reports missing',
      sheet: grid(H6, [['I', 'Mục một'], ok6(), ['III', 'Mục ba'], ok6()]),
      findings: [
        {
          messageId: 'missing',
          severity: 'warning',
          cell: 'A2',
          role: 'tt',
          data: { labels: 'II' },
        },
        { messageId: 'default', cell: 'A4' },
      ],
    },
  ],
});
