/** Rule deadline: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/deadline';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H6, row6 } from '../../helpers/grid';
import { ok6, TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no missing on the corrected sheet',
      sheet: grid(H6, [ok6()]),
    },
    {
      name: 'no unreadable on the corrected sheet',
      sheet: grid(H6, [ok6()]),
    },
    {
      name: 'no conflict on the corrected sheet',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Quý II/2026 (vào dịp 30/4)')]),
    },
    {
      name: 'no year-inferred on the corrected sheet',
      sheet: grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', TC, 'Quý II/2026')]),
    },
    {
      name: 'no outside-plan-years on the corrected sheet',
      sheet: grid(
        H6,
        [row6('1', 'Nhiệm vụ A', TC, 'Quý II/2027'), row6('2', 'Nhiệm vụ B', TC, 'Năm 2030')],
        { title: [['Chương trình hành động giai đoạn 2026–2030']] },
      ),
    },
    {
      name: 'no sentence on the corrected sheet',
      sheet: grid(H6, [ok6()]),
    },
    // The next year and a multi-year period are within the plan.
    {
      name: 'no outside-plan on the corrected sheet',
      sheet: grid(H6, [
        ok6('1'),
        row6('2', 'Nhiệm vụ B', TC, 'Quý I/2027'),
        row6('3', 'C', TC, 'Giai đoạn 2026-2030'),
      ]),
      options: { planYear: 2026 },
    },
  ],
  invalid: [
    {
      name: 'reports missing',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', TC, '')]),
      findings: [
        {
          messageId: 'missing',
          severity: 'warning',
          cell: 'F2',
          role: 'deadline',
          data: { tt: '1' },
        },
      ],
    },
    {
      name: 'reports unreadable',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Sớm nhất có thể')]),
      findings: [
        {
          messageId: 'unreadable',
          severity: 'error',
          cell: 'F2',
          role: 'deadline',
          data: { value: 'Sớm nhất có thể' },
        },
      ],
    },
    {
      name: 'reports conflict',
      sheet: grid(H6, [row6('1', 'Nhiệm vụ A', TC, 'Quý I/2026 (tháng 10/2026)')]),
      findings: [
        {
          messageId: 'conflict',
          severity: 'warning',
          cell: 'F2',
          role: 'deadline',
          data: { value: 'Quý I/2026 (tháng 10/2026)', part: 'tháng 10/2026' },
        },
      ],
    },
    {
      name: 'reports year-inferred',
      sheet: grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', TC, 'Quý II')]),
      findings: [
        {
          messageId: 'year-inferred',
          severity: 'info',
          cell: 'F3',
          role: 'deadline',
          data: { value: 'Quý II', year: 2026 },
        },
      ],
    },
    // A programme for 2026–2030 (title): 2027 and 2030 are inside, 2032 is not.
    {
      name: 'reports outside-plan-years',
      sheet: grid(
        H6,
        [row6('1', 'Nhiệm vụ A', TC, 'Quý II/2027'), row6('2', 'Nhiệm vụ B', TC, 'Quý I/2032')],
        { title: [['Chương trình hành động giai đoạn 2026–2030']] },
      ),
      findings: [
        {
          messageId: 'outside-plan-years',
          severity: 'warning',
          cell: 'F4',
          role: 'deadline',
          data: { value: 'Quý I/2032', from: 2026, to: 2030 },
        },
      ],
    },
    {
      name: 'reports sentence',
      sheet: grid(H6, [
        row6(
          '1',
          'Nhiệm vụ A',
          TC,
          'Sơ kết trong quý II hoặc quý III; tổng kết vào tháng 11/2026.',
        ),
      ]),
      findings: [
        {
          messageId: 'sentence',
          severity: 'info',
          cell: 'F2',
          role: 'deadline',
          data: { parts: 'quý II, quý III, tháng 11/2026', due: '30/11/2026' },
        },
      ],
    },
    {
      name: 'reports outside-plan',
      sheet: grid(H6, [ok6('1'), row6('2', 'Nhiệm vụ B', TC, 'Quý I/2024')]),
      options: { planYear: 2026 },
      findings: [
        {
          messageId: 'outside-plan',
          severity: 'warning',
          cell: 'F3',
          role: 'deadline',
          data: { value: 'Quý I/2024', year: 2026 },
        },
      ],
    },
  ],
});
