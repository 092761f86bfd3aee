/**
 * The comparison and the gathering log as own-sheet tables ("PC So sánh", "PC Gộp báo cáo"), as
 * data like `tables.ts`: both writers render them; each entry links to its cell.
 */
import type { Lang } from './types';
import { t } from '../messages';
import type { OutCell, OutTable } from './tables';
import { sheetCellRef } from './tables';
import type { Comparison, TaskPlace } from './compare';
import { a1 } from './text';

/** Own sheet names of this module (fixed in every language, so a second run replaces them). */
export const COMPARE_SHEETS = {
  compare: 'PC So sánh',
  merge: 'PC Gộp báo cáo',
} as const;

export function placeLabel(p: Pick<TaskPlace, 'section' | 'tt'>): string {
  return p.section ? `${p.section}.${p.tt}` : p.tt;
}

function link(sheet: string, row: number, col: number): OutCell {
  const cell = a1(row, col);
  return { link: sheetCellRef(sheet, cell), text: cell };
}

/**
 * One row per entry: added, removed, moved, changed. Links point at the newer sheet (`sheet`):
 * the TT cell (column `ttCol`, 1-based) of the task's row; a removed task has no cell there.
 */
export function buildCompareTable(
  c: Comparison,
  lang: Lang,
  sheet: string,
  ttCol = 1,
  fieldCols: Partial<Record<string, number>> = {},
): OutTable {
  const rows: OutCell[][] = [];
  for (const x of c.added)
    rows.push([
      t(lang, 'diff.kind.added'),
      link(sheet, x.row, ttCol),
      x.tt,
      x.section ?? '',
      x.row,
      null,
      '',
      '',
      x.task,
      '',
    ]);
  for (const x of c.removed)
    rows.push([
      t(lang, 'diff.kind.removed'),
      '',
      x.tt,
      x.section ?? '',
      null,
      x.row,
      '',
      x.task,
      '',
      '',
    ]);
  for (const x of c.moved) {
    rows.push([
      t(lang, 'diff.kind.moved'),
      link(sheet, x.to.row, ttCol),
      x.tt,
      x.to.section ?? '',
      x.to.row,
      x.from.row,
      t(lang, 'role.tt'),
      placeLabel(x.from),
      placeLabel(x.to),
      t(lang, `diff.move.${x.kind}`),
    ]);
  }
  for (const x of c.changed) {
    const note =
      x.sameDue && x.dueAfter ? t(lang, 'diff.sameDue', { due: isoToVn(x.dueAfter) }) : '';
    rows.push([
      t(lang, 'diff.kind.changed'),
      link(sheet, x.row, fieldCols[x.field] ?? ttCol),
      x.tt,
      '',
      x.row,
      x.beforeRow,
      t(lang, `role.${x.field}`),
      x.before,
      x.after,
      note,
    ]);
  }
  return {
    name: 'PC_SoSanh',
    headers: [
      'kind',
      'cell',
      'tt',
      'section',
      'row',
      'beforeRow',
      'field',
      'before',
      'after',
      'note',
    ].map((k) => t(lang, `diff.table.${k}`)),
    rows,
  };
}

export function isoToVn(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The gathering log: every change applied, every conflict, every unmatched report row. */
export function buildGatherTable(
  g: {
    applied: readonly import('./gather').AppliedChange[];
    conflicts: readonly import('./gather').Conflict[];
    unmatched: readonly import('./gather').UnmatchedRow[];
  },
  lang: Lang,
  masterSheet: string,
): OutTable {
  const rows: OutCell[][] = [];
  const field = (f: string) => t(lang, `tracking.${f}`);
  for (const x of g.applied) {
    rows.push([
      t(lang, 'merge.kind.applied'),
      link(masterSheet, x.row, x.col),
      x.tt,
      x.task,
      field(x.field),
      x.before,
      x.after,
      x.source.file,
      x.source.sheet,
      x.source.row,
    ]);
  }
  for (const x of g.conflicts) {
    for (const v of x.values) {
      rows.push([
        t(lang, 'merge.kind.conflict'),
        link(masterSheet, x.row, x.col),
        x.tt,
        x.task,
        field(x.field),
        x.master,
        v.value,
        v.source.file,
        v.source.sheet,
        v.source.row,
      ]);
    }
  }
  for (const x of g.unmatched) {
    const values = Object.entries(x.values)
      .map(([f, v]) => `${field(f)}: ${v}`)
      .join('; ');
    rows.push([
      t(lang, 'merge.kind.unmatched'),
      '',
      x.tt,
      x.task,
      '',
      '',
      values,
      x.file,
      x.sheet,
      x.row,
    ]);
  }
  return {
    name: 'PC_GopBaoCao',
    headers: [
      'kind',
      'cell',
      'tt',
      'task',
      'field',
      'before',
      'after',
      'file',
      'sheet',
      'sourceRow',
    ].map((k) => t(lang, `merge.table.${k}`)),
    rows,
  };
}
