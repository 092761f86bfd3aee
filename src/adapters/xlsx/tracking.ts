/**
 * "Thêm cột theo dõi" through ExcelJS: applies an engine TrackingPlan (planTrackingColumns) to a
 * worksheet. Writes only the cells the plan names, which the plan checked are empty: the header
 * cells (styled like the table's last header cell, merged down a two-row header), the body cells'
 * borders and number format, and data validation (drop-down, date rule) with Vietnamese prompts.
 */
import ExcelJS from 'exceljs';
import type { TrackingPlan, TrackingValidation } from '../../engine/tracking-columns';
import { rangeCells } from '../../engine/edits';

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function excelValidation(v: TrackingValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  if (v.kind === 'status-list')
    return { type: 'list', formulae: [`"${(v.list ?? []).join(',')}"`], ...common };
  return {
    type: 'date',
    operator: 'between',
    formulae: [isoToDate(v.from!), isoToDate(v.to!)],
    ...common,
  };
}

/** What removeTrackingColumns needs beyond the plan: the column widths before (undefined: none). */
export interface TrackingTrace {
  widths: (number | undefined)[];
}

/** The widths of the plan's columns as they are now (before addTrackingColumns). */
export function trackingTrace(workbook: ExcelJS.Workbook, plan: TrackingPlan): TrackingTrace {
  const ws = workbook.getWorksheet(plan.sheet);
  return { widths: plan.columns.map((c) => ws?.getColumn(c.col).width) };
}

/**
 * Takes back what addTrackingColumns wrote (the standalone page's undo): the header merges, every
 * cell of the columns from the header to the last body row (value and style: the plan checked they
 * were empty), the validations the plan set, and the column widths as they were.
 */
export function removeTrackingColumns(
  workbook: ExcelJS.Workbook,
  plan: TrackingPlan,
  trace: TrackingTrace,
): void {
  const ws = workbook.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`Sheet "${plan.sheet}" not found.`);
  for (const m of plan.headerMerges) ws.unMergeCells(m);
  const dvs = (ws as unknown as { dataValidations: { remove(address: string): void } })
    .dataValidations;
  for (const v of plan.validations) for (const a of rangeCells(v.range)) dvs.remove(a);
  plan.columns.forEach((c, i) => {
    for (let r = plan.headerRow; r <= plan.lastRow; r++) {
      const cell = ws.getCell(r, c.col);
      cell.value = null;
      cell.style = {};
    }
    ws.getColumn(c.col).width = trace.widths[i];
  });
}

/** Applies the plan to the worksheet named in it; returns the A1 cells written. */
export function addTrackingColumns(workbook: ExcelJS.Workbook, plan: TrackingPlan): string[] {
  const ws = workbook.getWorksheet(plan.sheet);
  if (!ws) throw new Error(`Sheet "${plan.sheet}" not found.`);
  const written: string[] = [];
  const source = ws.getCell(plan.styleFrom);
  const style = clone(source.style);
  const bodyBorder = clone(ws.getCell(plan.firstRow, source.col).border);
  for (const c of plan.columns) {
    const head = ws.getCell(plan.headerRow, c.col);
    head.value = c.header;
    head.style = clone(style);
    written.push(head.address);
    for (let r = plan.headerRow + 1; r < plan.headerRow + plan.headerHeight; r++)
      ws.getCell(r, c.col).style = clone(style);
    for (let r = plan.firstRow; r <= plan.lastRow; r++) {
      const cell = ws.getCell(r, c.col);
      if (bodyBorder) cell.border = clone(bodyBorder);
      cell.alignment = { vertical: 'top', wrapText: true };
      if (c.numberFormat) cell.numFmt = c.numberFormat;
    }
    const col = ws.getColumn(c.col);
    if (!col.width) col.width = c.width;
  }
  for (const m of plan.headerMerges) ws.mergeCells(m);
  for (const v of plan.validations) {
    const dv = excelValidation(v);
    for (const a of rangeCells(v.range)) ws.getCell(a).dataValidation = dv;
  }
  return written;
}
