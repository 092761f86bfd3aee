/** Rule tt-unreadable: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/tt-unreadable';
import { analyzeSheet } from '../../../src/engine/analyze';
import { applyFixes } from '../../../src/engine/edits';
import { ruleTester } from '../../helpers/rule-tester';
import { AS_OF, grid, H6 } from '../../helpers/grid';
import { ok6 } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H6, [ok6('1', 'A'), ok6('2', 'B'), ok6('3', 'C')]),
    },
    {
      name: 'a lettered heading, a note under the table, a signature, a row of column numbers away from the header',
      sheet: grid(H6, [
        ['A', 'NHIỆM VỤ CHUNG'],
        ['Phần B.', 'NHIỆM VỤ CỤ THỂ'],
        ok6('1', 'A'),
        [],
        ['Ghi chú:', 'Các cơ quan báo cáo trước ngày 15 hằng tháng'],
        ['', '', '', 'TM. ỦY BAN NHÂN DÂN'],
        ['Nơi nhận:', '- Như trên;'],
        [],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      ]),
    },
  ],
  invalid: [
    {
      name: 'reports default',
      sheet: grid(H6, [ok6('1', 'A'), ok6('(2)', 'B'), ok6('3', 'C')]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'A3',
          role: 'tt',
          data: { tt: '(2)' },
          suggestion: '2',
          fixes: ['number'],
        },
      ],
    },
    {
      name: 'numbers with a mark after them are offered their number; a letter, a bullet and a row slid left are not',
      sheet: grid(H6, [
        ok6('1', 'A'),
        ok6('2)', 'B'),
        ok6('3a', 'C'),
        ok6('-', 'D'),
        ['Xây dựng kế hoạch', 'Sở Tài chính', '', 'Quý I/2026'],
        ok6('4.1:', 'E'),
        ok6('5 .', 'F'),
        ok6('5,1', 'G'),
        ok6('５,２', 'H'),
      ]),
      findings: [
        { messageId: 'default', cell: 'A3', suggestion: '2', fixes: ['number'] },
        { messageId: 'default', cell: 'A4', fixes: [] },
        { messageId: 'default', cell: 'A5', fixes: [] },
        { messageId: 'default', cell: 'A6', data: { tt: 'Xây dựng kế hoạch' }, fixes: [] },
        { messageId: 'default', cell: 'A7', suggestion: '4.1', fixes: ['number'] },
        { messageId: 'default', cell: 'A8', suggestion: '5', fixes: ['number'] },
        { messageId: 'default', cell: 'A9', suggestion: '5.1', fixes: ['number'] },
        { messageId: 'default', cell: 'A10', suggestion: '5.2', fixes: ['number'] },
      ],
    },
  ],
});

describe('tt-unreadable: the fix', () => {
  it('once applied, the row is read as a task and counted, and nothing is reported about it', () => {
    const sheet = grid(H6, [ok6('1', 'A'), ok6('(2)', 'B'), ok6('3', 'C')]);
    const before = analyzeSheet(sheet, { asOf: AS_OF });
    expect(before.tasks.map((t) => t.tt)).toEqual(['1', '3']);
    const finding = before.findings.find((f) => f.code === 'tt-unreadable')!;
    const fixed = applyFixes(sheet, finding.fixes!).snapshot;
    expect(fixed.values[2][0]).toBe('2');
    const after = analyzeSheet(fixed, { asOf: AS_OF });
    expect(after.tasks.map((t) => t.tt)).toEqual(['1', '2', '3']);
    expect(after.findings).toEqual([]);
  });
});
