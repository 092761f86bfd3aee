/**
 * The add-in's tables (engine/tables.ts) written with ExcelJS as Excel tables: the task table, the
 * task × agency table and the findings (write.ts), and the other commands' own tables (own-table.ts).
 * Findings links are HYPERLINK("#'Sheet'!E12", "E12") formulas, not ExcelJS hyperlink values: ExcelJS
 * 4.4.0 writes an in-document hyperlink with both an external relationship and a `location`, which
 * Excel resolves as a link to a file (exceljs issue #3027); the formula works in Excel and LibreOffice.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../engine/types';
import type { OutCell, OutTable } from '../../engine/tables';
import { t } from '../../messages';
import { freeTableName } from '../../engine/workbook';

/** A string as an Excel formula literal. */
export function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function isoToDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** Several reports' tables as one, rows in report order. */
export function concatTables(tables: OutTable[], fallback: OutTable): OutTable {
  return { name: fallback.name, headers: fallback.headers, rows: tables.flatMap((x) => x.rows) };
}

export function withSheetColumn(table: OutTable, sheet: string, lang: Lang): OutTable {
  return {
    ...table,
    headers: [t(lang, 'table.sheet'), ...table.headers],
    rows: table.rows.map((r) => [sheet, ...r]),
  };
}

/** One row per task × role × agency: the engine counts an agency once per task. */
export function dedupeAgencyRows(table: OutTable): OutTable {
  const seen = new Set<string>();
  const rows = table.rows.filter((r) => {
    // [sheet, row, tt, role, agency, …]
    const key = JSON.stringify([r[0], r[1], r[3], r[4]]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...table, rows };
}

type XlValue = ExcelJS.CellValue;

function toCellValue(v: OutCell): XlValue {
  if (v === null || v === '') return null;
  if (typeof v === 'object' && 'date' in v) return isoToDate(v.date) ?? v.date;
  if (typeof v === 'object' && 'link' in v) {
    return {
      formula: `HYPERLINK(${literal(`#${v.link}`)},${literal(v.text)})`,
      result: v.text,
    } as ExcelJS.CellFormulaValue;
  }
  return v;
}

function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    let name = h.trim() || `Column${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function tableNamesInUse(wb: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
    for (const n of Object.keys(tables)) names.add(n.toLowerCase());
  }
  return names;
}

export interface TableLayout {
  widths: number[];
  /** 0-based columns holding dates. */
  dateCols?: number[];
  /** 0-based columns holding links. */
  linkCols?: number[];
  /** 0-based columns whose text wraps. */
  wrapCols?: number[];
}

export const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDEBF7' },
};
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

/** Write a table at A1 as an Excel table (or a plain header when it has no rows). */
export function writeTable(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  table: OutTable,
  layout: TableLayout,
): void {
  const headers = uniqueHeaders(table.headers);
  const rows = table.rows.map((r) => r.map(toCellValue));
  if (rows.length > 0) {
    ws.addTable({
      name: freeTableName(table.name, tableNamesInUse(wb)),
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    headers.forEach((h, c) => (ws.getCell(1, c + 1).value = h));
  }
  headers.forEach((_, c) => {
    const head = ws.getCell(1, c + 1);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    if (rows.length === 0) head.fill = HEADER_FILL;
    const column = ws.getColumn(c + 1);
    column.width = layout.widths[c] ?? 14;
  });
  for (let r = 0; r < rows.length; r++) {
    for (const c of layout.dateCols ?? []) ws.getCell(r + 2, c + 1).numFmt = 'dd/mm/yyyy';
    for (const c of layout.linkCols ?? [])
      if (rows[r][c] !== null) ws.getCell(r + 2, c + 1).font = LINK_FONT;
    for (const c of layout.wrapCols ?? [])
      ws.getCell(r + 2, c + 1).alignment = { vertical: 'top', wrapText: true };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}
