/** Rule cells-shifted: sheets where it reports nothing, and sheets with every finding it reports. */
import rule from '../../../src/engine/rules/cells-shifted';
import { ruleTester } from '../../helpers/rule-tester';
import { grid, H8 } from '../../helpers/grid';
import type { MessageItem } from '../../../src/engine/types';
import { t } from '../../../src/messages';
import { TC } from './common';

ruleTester(rule, {
  valid: [
    {
      name: 'no default on the corrected sheet',
      sheet: grid(H8, [['1', 'Nhiệm vụ A', '', '', 'Sở VHTTDL', TC, 'Quý IV/2026', '']]),
    },
  ],
  invalid: [
    // The deadline sits in the lead column (E); it is read as the deadline (G).
    // The location is the cell as it is (E, the lead column); where it belongs is in the moves.
    {
      name: 'reports default',
      sheet: grid(H8, [['1', 'Nhiệm vụ A', '', '', 'Quý IV/2026', '', '', '']]),
      findings: [
        {
          messageId: 'default',
          severity: 'warning',
          cell: 'E2',
          role: 'lead',
          // The moves are facts (letters and the role's id), not text in the check's language.
          data: {
            count: 1,
            moves: [
              {
                messageId: 'shift.move',
                value: 'Quý IV/2026',
                from: 'E',
                to: 'G',
                role: 'deadline',
              },
            ],
          },
          fixes: ['move'],
        },
      ],
    },
  ],
});

describe('cells-shifted moves in the catalogue', () => {
  const moves: MessageItem[] = [
    { messageId: 'shift.move', value: 'Sở VHTTDL', from: 'F', to: 'E', role: 'lead' },
    { messageId: 'shift.move.nowhere', value: 'Giám đốc Sở VHTTDL', from: 'E' },
  ];
  it("are written out in the reader's language, role names included", () => {
    expect(t('en', 'finding.cells-shifted', { moves, count: 2 })).toBe(
      'Cells in the wrong columns, read by their content: "Sở VHTTDL" in column F → column E (Lead agency); "Giám đốc Sở VHTTDL" in column E → column no column. Move them to the right columns.',
    );
    expect(t('vi', 'finding.cells-shifted', { moves, count: 2 })).toContain(
      '"Sở VHTTDL" ở cột F → cột E (Cơ quan chủ trì); "Giám đốc Sở VHTTDL" ở cột E',
    );
  });
});
