/** Rule agency-name: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/agency-name';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { ok6, Q1, TC, VHTTDL } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no unknown on the corrected sheet',
      sheet: grid(H6, [ok6()]),
    },
    {
      name: 'no variant on the corrected sheet',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở VHTTDL', Q1)]),
    },
    {
      name: 'no renamed on the corrected sheet',
      sheet: grid(H6, [ok6()]),
    },
    {
      name: 'no renamed-on on the corrected sheet',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', 'Bộ Tài chính', Q1)]),
    },
  ],
  invalid: [
    {
      name: 'reports unknown',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở Phép Thuật', Q1)]),
      findings: [
        {
          messageId: 'unknown',
          severity: 'info',
          cell: 'D2',
          role: 'lead',
          data: { value: 'Sở Phép Thuật' },
        },
      ],
    },
    // "Sở VH TTL" is a typo of Sở VHTTDL (domain.md).
    {
      name: 'reports variant',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở VH TTL', Q1)]),
      findings: [
        {
          messageId: 'variant',
          severity: 'info',
          cell: 'D2',
          role: 'lead',
          data: { value: 'Sở VH TTL', canonical: VHTTDL },
          suggestion: VHTTDL,
        },
      ],
    },
    {
      name: 'reports renamed',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', 'Sở Kế hoạch và Đầu tư', Q1)]),
      findings: [
        {
          messageId: 'renamed',
          severity: 'warning',
          cell: 'D2',
          role: 'lead',
          data: { value: 'Sở Kế hoạch và Đầu tư', now: TC },
          suggestion: TC,
        },
      ],
    },
    {
      name: 'reports renamed-on',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', 'Bộ Kế hoạch và Đầu tư', Q1)]),
      findings: [
        {
          messageId: 'renamed-on',
          severity: 'warning',
          cell: 'D2',
          role: 'lead',
          data: { value: 'Bộ Kế hoạch và Đầu tư', now: 'Bộ Tài chính', date: '01/03/2025' },
          suggestion: 'Bộ Tài chính',
        },
      ],
    },
  ],
});
