import type { Role } from '../types';
import { columnLetter } from '../text';
import { t } from '../../messages';
import { defineRule } from './rule';

/**
 * Values sit in the wrong columns (shifted left or right, or beyond the header); they were read
 * from where they belong. One finding per row, at the first moved cell, listing every move.
 */
export default defineRule({
  meta: { code: 'cells-shifted', severity: 'warning', type: 'problem', docs: 'Cells shifted one or two columns; re-aligned by content.', messages: ['default'] },
  create(ctx) {
    const m = ctx.model;
    const roleAt = (c: number): Role | null => {
      for (const [role, col] of Object.entries(m.columns) as [Role, number][]) if (col === c) return role;
      return null;
    };
    const letter = (c: number) => columnLetter(m.sheetCol(c) - 1);
    return {
      row(r) {
        if (!r.moves.length) return;
        const lang = m.options.lang;
        const moves = r.moves
          .map((mv) => {
            const value = mv.value.length > 40 ? `${mv.value.slice(0, 37)}…` : mv.value;
            const to = mv.to < 0 ? t(lang, 'shift.nowhere') : `${letter(mv.to)} (${t(lang, `role.${roleAt(mv.to)}`)})`;
            return t(lang, 'shift.move', { value, from: letter(mv.from), to });
          })
          .join('; ');
        const first = r.moves[0];
        // The location names the cell as it is on the sheet: its own column's role (where the value
        // belongs is in the moves), or none for a cell beyond the header.
        ctx.report({ index: r.index, col: first.from, role: roleAt(first.from), data: { moves, count: r.moves.length } });
      },
    };
  },
});
