import type { CellEdit, CellValue, MessageItem, Role } from '../types';
import type { RowModel } from '../model';
import { columnLetter } from '../text';
import { defineRule } from './rule';

/**
 * Values sit in the wrong columns (shifted left or right, or beyond the header); they were read
 * from where they belong. One finding per row, at the first moved cell, listing every move (as
 * data: value, from, to and the role of the column it belongs to).
 * Fix: write the row as it was read (every cell whose value changes; a value moved alone keeps its
 * own cell value, an Excel date stays a date). No fix when a value fits no column (it would be lost).
 */
export default defineRule({
  meta: {
    code: 'cells-shifted',
    type: 'problem',
    docs: 'Cells shifted one or two columns; re-aligned by content.',
    messages: { default: 'warning' },
    fixes: ['move'],
  },
  create(ctx) {
    const m = ctx.model;
    const roleAt = (c: number): Role | null => {
      for (const [role, col] of Object.entries(m.columns) as [Role, number][])
        if (col === c) return role;
      return null;
    };
    const letter = (c: number) => columnLetter(m.sheetCol(c) - 1);
    const moveEdits = (r: RowModel): CellEdit[] | null => {
      if (r.moves.some((mv) => mv.to < 0)) return null;
      const edits: CellEdit[] = [];
      const n = Math.max(r.texts.length, r.original.length);
      for (let c = 0; c < n; c++) {
        const now = c < m.width ? (r.texts[c] ?? '') : '';
        if (now === (r.original[c] ?? '')) continue;
        if (r.merged[c]) return null;
        const into = r.moves.filter((mv) => mv.to === c);
        let after: CellValue = now || null;
        if (into.length === 1 && into[0].value === now && !r.merged[into[0].from])
          after = ctx.rawValue(r.index, into[0].from);
        edits.push(ctx.edit(r.index, c, after));
      }
      return edits;
    };
    return {
      row(r) {
        if (!r.moves.length) return;
        // Each move as facts; the catalogue writes them out in the reader's language.
        const moves = r.moves.map((mv): MessageItem => {
          const value = mv.value.length > 40 ? `${mv.value.slice(0, 37)}…` : mv.value;
          const from = letter(mv.from);
          if (mv.to < 0) return { messageId: 'shift.move.nowhere', value, from };
          const role = roleAt(mv.to);
          return role
            ? { messageId: 'shift.move', value, from, to: letter(mv.to), role }
            : { messageId: 'shift.move.column', value, from, to: letter(mv.to) };
        });
        const first = r.moves[0];
        // The location names the cell as it is on the sheet: its own column's role (where the value
        // belongs is in the moves), or none for a cell beyond the header.
        const edits = moveEdits(r);
        ctx.report({
          index: r.index,
          col: first.from,
          role: roleAt(first.from),
          data: { moves, count: r.moves.length },
          fixes: edits ? [{ choice: 'move', data: { count: r.moves.length }, edits }] : undefined,
        });
      },
    };
  },
});
