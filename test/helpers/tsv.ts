/** Test helper: a tab-separated text export (like the seeds) as a SheetSnapshot, one cell per tab. */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { SheetSnapshot, CellValue } from '../../src/engine/types';

export function snapshotFromTsv(text: string, name = 'Sheet1'): SheetSnapshot {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const values: CellValue[][] = [];
  const bold: boolean[][] = [];
  for (const line of lines) {
    const cells = line.split('\t');
    values.push(cells.map((c) => (c === '' ? null : c.replace(/^\*\*(.*)\*\*$/, '$1'))));
    bold.push(cells.map((c) => /<b>/i.test(c) || /^\*\*.*\*\*$/.test(c)));
  }
  return { name, values, bold };
}

export const SEED_002 = join(__dirname, '..', 'fixtures', 'seeds', '002-lao-cai-du-lich-2026.txt');

export function seed002Snapshot(): SheetSnapshot {
  return snapshotFromTsv(readFileSync(SEED_002, 'utf8'), 'Phụ lục 02');
}
