/**
 * Render a sheet described as data (engine/summary-layout.ts, engine/report-layout.ts) with ExcelJS:
 * values, formulas as Excel text over the written tables (the engine's counts cached as results),
 * merges, styles, sizes, frozen panes and the page setup.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../../engine/text';
import type { CellRef, CellStyle, ColumnRef, Formula, Operand } from '../../engine/summary-layout';
import type { SheetLayout } from '../../engine/report-layout';
import { HEADER_FILL, literal } from './write-tables';

/** Where a table landed: its sheet, the number of data rows (below the header on row 1), its columns' 0-based positions. */
export interface TablePlacement {
  sheet: string;
  rowCount: number;
  column: (id: string) => number;
}

export type Placements = Record<ColumnRef['table'], TablePlacement>;

/** 'Sheet name' quoted for a reference, with quotes doubled. */
function quote(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function cellA1(ref: CellRef): string {
  return `${ref.fixCol ? '$' : ''}${columnLetter(ref.col)}${ref.fixRow ? '$' : ''}${ref.row + 1}`;
}

/** A formula of a layout as Excel text; table columns become bounded absolute ranges ('PC Nhiệm vụ'!$G$2:$G$40). */
export function formulaText(f: Formula, tables: Placements): string {
  const range = (r: ColumnRef) => {
    const p = tables[r.table];
    const letter = columnLetter(p.column(r.column));
    return `${quote(p.sheet)}!$${letter}$2:$${letter}$${p.rowCount + 1}`;
  };
  const operand = (o: Operand) => ('text' in o ? literal(o.text) : cellA1(o.ref));
  switch (f.fn) {
    case 'countIfs':
      return `COUNTIFS(${f.criteria.flatMap((c) => [range(c.range), operand(c.match)]).join(',')})`;
    case 'countExact':
      return `SUMPRODUCT(${[`EXACT(${range(f.exact.range)},${operand(f.exact.match)})`, ...f.equal.map((c) => `(${range(c.range)}=${operand(c.match)})`)].join('*')})`;
    case 'sum':
      return `SUM(${cellA1(f.from)}:${cellA1(f.to)})`;
    case 'countA':
      return `COUNTA(${range(f.range)})`;
    case 'plus':
      return f.terms.map((x) => formulaText(x, tables)).join('+');
    case 'percent':
      return `IF(${cellA1(f.whole)}=0,0,ROUND(${cellA1(f.part)}/${cellA1(f.whole)}*100,1))`;
  }
}

const TNR = 'Times New Roman';
const REPORT_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9E1F2' },
};
const THIN = (): ExcelJS.Borders =>
  ({
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  }) as ExcelJS.Borders;

function styleCell(cell: ExcelJS.Cell, style: CellStyle): void {
  switch (style) {
    case 'title':
      cell.font = { bold: true, size: 14 };
      break;
    case 'note':
      cell.font = { italic: true };
      break;
    case 'blockTitle':
      cell.font = { bold: true, size: 12 };
      break;
    case 'headerKey':
    case 'header':
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = {
        vertical: 'middle',
        horizontal: style === 'headerKey' ? 'left' : 'center',
        wrapText: true,
      };
      break;
    case 'total':
      cell.font = { bold: true };
      cell.border = { top: { style: 'thin' } };
      break;
    case 'reportTitle':
    case 'reportPlan':
    case 'reportPeriod': {
      const [size, bold] =
        style === 'reportTitle' ? [14, true] : style === 'reportPlan' ? [12, true] : [11, false];
      cell.font = { name: TNR, size, bold, italic: !bold };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      break;
    }
    case 'reportHeader':
      cell.font = { name: TNR, size: 11, bold: true };
      cell.fill = REPORT_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN();
      break;
    case 'reportLabel':
    case 'reportLabelBold':
    case 'reportCell':
    case 'reportCellBold':
    case 'reportRate':
    case 'reportRateBold':
      if (style.startsWith('reportRate')) cell.numFmt = '0.0';
      cell.border = THIN();
      cell.font = { name: TNR, size: 11, bold: style.endsWith('Bold') };
      cell.alignment = style.startsWith('reportLabel')
        ? { vertical: 'middle', wrapText: true }
        : { horizontal: 'center', vertical: 'middle' };
      break;
    case 'reportNote':
      cell.font = { name: TNR, italic: true, size: 10 };
      break;
    case 'remindTitle':
      cell.font = { bold: true, size: 14 };
      break;
    case 'remindHeader':
      cell.font = { bold: true };
      cell.fill = REPORT_FILL;
      cell.border = THIN();
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      break;
    case 'remindCell':
    case 'remindWrap':
      cell.border = THIN();
      cell.alignment = { vertical: 'top', wrapText: style === 'remindWrap' };
      break;
  }
}

/** Render a layout on an empty worksheet: values first, then merges, then styles and sizes. */
export function renderLayout(ws: ExcelJS.Worksheet, layout: SheetLayout, tables: Placements): void {
  layout.rows.forEach((cells, r) =>
    cells.forEach((c, col) => {
      if (!c || (c.value === null && !c.formula)) return;
      ws.getCell(r + 1, col + 1).value = c.formula
        ? ({ formula: formulaText(c.formula, tables), result: c.value } as ExcelJS.CellFormulaValue)
        : c.value;
    }),
  );
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  layout.rows.forEach((cells, r) =>
    cells.forEach((c, col) => {
      if (c?.style) styleCell(ws.getCell(r + 1, col + 1), c.style);
    }),
  );
  for (const [r, h] of Object.entries(layout.heights)) ws.getRow(Number(r) + 1).height = h;
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  if (layout.print) {
    const { titleRows, centered, margins } = layout.print;
    ws.pageSetup = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(centered ? { horizontalCentered: true } : {}),
      ...(margins ? { margins } : {}),
      printTitlesRow: `${titleRows[0] + 1}:${titleRows[1] + 1}`,
    } as Partial<ExcelJS.PageSetup>;
  }
  ws.views = [{ state: 'frozen', xSplit: layout.freeze.cols, ySplit: layout.freeze.rows }];
}
