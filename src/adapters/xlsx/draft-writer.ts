/**
 * Write a drafted appendix (from src/engine/plan-text) in the standard layout with ExcelJS: as a new
 * .xlsx workbook (writeDraftWorkbook, returns the bytes) or as a new sheet of a workbook already open
 * (addDraftSheet, the standalone page). Runs in Node and in a browser bundle. The layout's rows and
 * texts come from src/engine/appendix-layout.ts, shared with the Office.js host.
 *
 * Layout (one sheet):
 * - rows 1–2: the title block (PHÂN CÔNG NHIỆM VỤ; "Kèm theo Kế hoạch …" with the plan's title);
 * - row 4: the header TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |
 *   Sản phẩm | Tình trạng | Ghi chú (texts from the message catalogue);
 * - then, in the order of the plan: sections (Roman label in A, title merged B:H, bold), groups
 *   (number and title, bold) and tasks. The appendix numbers its own sections I, II, … in order
 *   (the plan's tasks may sit in its section III; an appendix starting at III reads as two missing
 *   sections); the draft keeps the plan's labels. A lettered item is numbered "a)", as appendices write it.
 * - Tình trạng has a drop-down list (STATUS_VALUES) on every task row; the header is frozen; the
 *   page is A4 landscape, fitted to the width, with the header repeated on every printed page.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../engine/types';
import { columnLetter, freeSheetName, lowerNames } from '../../engine/workbook';
import type { PlanDraft } from '../../engine/plan-text/extract';
import { t } from '../../messages';
import {
  appendixLayout,
  DRAFT_CENTERED_COLS,
  DRAFT_COLUMNS,
  DRAFT_FONT,
  DRAFT_HEADER_FILL,
  DRAFT_HEADER_ROW,
  DRAFT_STATUS_COL,
  DRAFT_WIDTHS,
  STATUS_VALUES,
} from '../../engine/appendix-layout';

export {
  DRAFT_COLUMNS,
  DRAFT_HEADER_ROW,
  STATUS_VALUES,
  displayTt,
  toRoman,
} from '../../engine/appendix-layout';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A sheet name not used in the workbook (case-insensitive): base, "base (2)", "base (3)", … (31 chars max). */
function freeName(workbook: ExcelJS.Workbook, base: string): string {
  return freeSheetName(base, lowerNames(workbook.worksheets.map((w) => w.name)));
}

/**
 * Add the appendix as a NEW sheet of `workbook` and return its name. `name` (default: the catalogue's
 * draft.sheet.name) is made free first: an existing sheet is never overwritten, the new one becomes
 * "<name> (2)", "(3)", …
 */
export function addDraftSheet(
  workbook: ExcelJS.Workbook,
  draft: PlanDraft,
  lang: Lang,
  name?: string,
): string {
  const layout = appendixLayout(draft, lang);
  const last = DRAFT_COLUMNS.length;
  const sheetName = freeName(workbook, name ?? t(lang, 'draft.sheet.name'));
  const ws = workbook.addWorksheet(sheetName, {
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: DRAFT_HEADER_ROW,
        topLeftCell: `A${DRAFT_HEADER_ROW + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${DRAFT_HEADER_ROW}:${DRAFT_HEADER_ROW}`,
    },
  });
  ws.columns = DRAFT_WIDTHS.map((width) => ({ width }));

  // Title block.
  const titleCell = ws.getCell(1, 1);
  titleCell.value = layout.title;
  titleCell.font = { name: DRAFT_FONT, size: 14, bold: true };
  ws.mergeCells(1, 1, 1, last);
  const sub = ws.getCell(2, 1);
  sub.value = layout.subtitle;
  sub.font = { name: DRAFT_FONT, size: 12, italic: true };
  ws.mergeCells(2, 1, 2, last);
  for (const r of [1, 2])
    ws.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(2).height = 34;

  // Header.
  const header = ws.getRow(DRAFT_HEADER_ROW);
  layout.headers.forEach((text, i) => {
    const c = header.getCell(i + 1);
    c.value = text;
    c.font = { name: DRAFT_FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${DRAFT_HEADER_FILL}` } };
  });
  header.height = 36;

  // Body, in the order of the plan.
  const list = `"${STATUS_VALUES.join(',')}"`;
  let r = DRAFT_HEADER_ROW + 1;
  for (const row of layout.rows) {
    const x = ws.getRow(r);
    for (let c = 1; c <= last; c++) {
      const cell = x.getCell(c);
      const v = row.values[c - 1];
      if (v !== null && v !== undefined && v !== '') cell.value = v;
      cell.font = { name: DRAFT_FONT, size: 12, bold: row.kind !== 'task' };
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: DRAFT_CENTERED_COLS.includes(c) ? 'center' : 'left',
      };
      cell.border = THIN;
    }
    if (row.kind === 'section') {
      ws.mergeCells(r, 2, r, last);
      x.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
      x.getCell(2).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    }
    if (row.kind === 'task') {
      x.getCell(DRAFT_STATUS_COL).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showInputMessage: true,
        promptTitle: t(lang, 'draft.status.promptTitle'),
        prompt: t(lang, 'draft.status.prompt'),
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: t(lang, 'draft.status.errorTitle'),
        error: t(lang, 'draft.status.error'),
      };
    }
    r++;
  }
  if (r > DRAFT_HEADER_ROW + 1) {
    ws.pageSetup.printArea = `A1:${columnLetter(last - 1)}${r - 1}`;
  }
  return sheetName;
}

/** The appendix as a new one-sheet workbook. */
export async function writeDraftWorkbook(draft: PlanDraft, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phân công';
  addDraftSheet(wb, draft, lang);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
