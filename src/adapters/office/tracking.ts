/// <reference types="office-js" />
/**
 * "Thêm cột theo dõi" on Office.js: applies an engine TrackingPlan in one write round trip after the
 * read that checks the sheet is unchanged and every target cell still empty. Copies the look of the
 * table's last header cell (font, fill, alignment, wrap) onto the new header cells, merges them down
 * a two-row header, sets the completion-date number format and, with ExcelApi 1.8, the data
 * validation (drop-down, date rule, Vietnamese prompt and error).
 */
import type { TrackingPlan } from '../../engine/tracking-columns';
import type { UndoRecord } from '../../host/types';
import { isoToSerial } from '../../engine/calendar';

export interface TrackingSupport {
  dataValidation: boolean;
}

/** What sync 1 loads: the target range and the header cell whose look is copied. */
export function queueTrackingRead(ws: Excel.Worksheet, plan: TrackingPlan) {
  const target = plan.range ? ws.getRange(plan.range) : null;
  target?.load('values');
  const source = ws.getRange(plan.styleFrom);
  source.load(
    'format/horizontalAlignment, format/wrapText, format/font/bold, format/font/color, format/font/size, format/font/name, format/fill/color',
  );
  return { target, source };
}

/** The target cells that hold something (A1), after sync 1. */
export function busyCells(plan: TrackingPlan, target: Excel.Range | null): string[] {
  if (!target) return [];
  const out: string[] = [];
  const left = plan.columns[0]?.col ?? 1;
  target.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined)
        out.push(`${plan.columns[c]?.letter ?? String(left + c)}${plan.headerRow + r}`);
    }),
  );
  return out;
}

/** Queues the writes of sync 2; returns what undo needs (the cells were empty before). */
export function queueTrackingWrite(
  ws: Excel.Worksheet,
  plan: TrackingPlan,
  source: Excel.Range,
  support: TrackingSupport,
): UndoRecord {
  const f = source.format;
  const cells: UndoRecord['cells'] = [];
  for (const c of plan.columns) {
    const head = ws.getRange(
      `${c.letter}${plan.headerRow}:${c.letter}${plan.headerRow + plan.headerHeight - 1}`,
    );
    head.format.font.bold = f.font.bold;
    if (f.font.color) head.format.font.color = f.font.color;
    if (f.font.size) head.format.font.size = f.font.size;
    if (f.font.name) head.format.font.name = f.font.name;
    if (f.fill.color && f.fill.color !== '#FFFFFF') head.format.fill.color = f.fill.color;
    head.format.horizontalAlignment = f.horizontalAlignment;
    head.format.wrapText = true;
    ws.getRange(`${c.letter}${plan.headerRow}`).values = [[c.header]];
    cells.push({
      cell: `${c.letter}${plan.headerRow}`,
      before: null,
      numberFormat: null,
      after: c.header,
    });
    const body = ws.getRange(`${c.letter}${plan.firstRow}:${c.letter}${plan.lastRow}`);
    if (c.numberFormat)
      body.numberFormat = Array.from({ length: plan.lastRow - plan.firstRow + 1 }, () => [
        c.numberFormat!,
      ]);
    body.format.wrapText = true;
    ws.getRange(`${c.letter}:${c.letter}`).format.columnWidth = c.width * 7;
  }
  for (const m of plan.headerMerges) ws.getRange(m).merge(false);
  if (support.dataValidation) {
    for (const v of plan.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule =
        v.kind === 'status-list'
          ? { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } }
          : {
              date: {
                formula1: String(isoToSerial(v.from!)),
                formula2: String(isoToSerial(v.to!)),
                operator: 'Between',
              } as Excel.DateTimeDataValidation,
            };
      dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: v.errorTitle, message: v.error };
    }
  }
  return { sheet: plan.sheet, cells, merges: [...plan.headerMerges] };
}
