/**
 * Write a drafted appendix (from src/engine/plan-text) as a new .xlsx workbook in the standard
 * layout, with ExcelJS. Runs in Node and in a browser bundle: returns the bytes.
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
import type { DraftTask, PlanDraft } from '../../engine/plan-text/extract';
import { t } from '../../messages';

/** Values of the status drop-down: the words the checker reads as states. */
export const STATUS_VALUES = ['Chưa thực hiện', 'Đang thực hiện', 'Đã hoàn thành'] as const;

/** Column ids in order; header text is `draft.header.<id>`. */
export const DRAFT_COLUMNS = ['tt', 'task', 'lead', 'support', 'deadline', 'result', 'status', 'note'] as const;
const WIDTHS = [6, 48, 26, 32, 16, 30, 16, 16];

/** 1-based row of the header in the written sheet. */
export const DRAFT_HEADER_ROW = 4;

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The TT written in the table: "1.a" (a lettered item) → "a)". */
export function displayTt(tt: string): string {
  const m = /(?:^|\.)([a-zđ])$/.exec(tt);
  return m ? `${m[1]})` : tt;
}

type Row =
  | { kind: 'section'; line: number; label: string; title: string }
  | { kind: 'group'; line: number; tt: string; title: string }
  | { kind: 'task'; line: number; task: DraftTask };

export async function writeDraftWorkbook(draft: PlanDraft, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phân công';
  const last = DRAFT_COLUMNS.length;
  const ws = wb.addWorksheet(t(lang, 'draft.sheet.name'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: DRAFT_HEADER_ROW, topLeftCell: `A${DRAFT_HEADER_ROW + 1}` }],
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
  ws.columns = WIDTHS.map((width) => ({ width }));

  // Title block.
  const titleCell = ws.getCell(1, 1);
  titleCell.value = t(lang, 'draft.sheet.title');
  titleCell.font = { name: FONT, size: 14, bold: true };
  ws.mergeCells(1, 1, 1, last);
  const sub = ws.getCell(2, 1);
  sub.value = draft.title
    ? t(lang, 'draft.sheet.subtitle', { title: draft.title })
    : t(lang, 'draft.sheet.subtitleNone');
  sub.font = { name: FONT, size: 12, italic: true };
  ws.mergeCells(2, 1, 2, last);
  for (const r of [1, 2]) ws.getCell(r, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(2).height = 34;

  // Header.
  const header = ws.getRow(DRAFT_HEADER_ROW);
  DRAFT_COLUMNS.forEach((id, i) => {
    const c = header.getCell(i + 1);
    c.value = t(lang, `draft.header.${id}`);
    c.font = { name: FONT, size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  header.height = 36;

  // Body, in the order of the plan.
  const rows: Row[] = [
    ...draft.sections.map((s, i): Row => ({ kind: 'section', line: s.line, label: toRoman(i + 1), title: s.title })),
    ...draft.groups.map((g): Row => ({ kind: 'group', line: g.line, tt: g.tt, title: g.title })),
    ...draft.tasks.map((task): Row => ({ kind: 'task', line: task.line, task })),
  ].sort((a, b) => a.line - b.line || order(a) - order(b));

  const list = `"${STATUS_VALUES.join(',')}"`;
  let r = DRAFT_HEADER_ROW + 1;
  for (const row of rows) {
    const x = ws.getRow(r);
    let values: (string | null)[];
    if (row.kind === 'section') values = [row.label, row.title];
    else if (row.kind === 'group') values = [row.tt, row.title];
    else {
      const tk = row.task;
      values = [displayTt(tk.tt), tk.task, tk.leadText, tk.supportText, tk.deadlineText, tk.resultText, null, null];
    }
    for (let c = 1; c <= last; c++) {
      const cell = x.getCell(c);
      const v = values[c - 1];
      if (v !== null && v !== undefined && v !== '') cell.value = v;
      cell.font = { name: FONT, size: 12, bold: row.kind !== 'task' };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: c === 1 || c === 5 || c === 7 ? 'center' : 'left' };
      cell.border = THIN;
    }
    if (row.kind === 'section') {
      ws.mergeCells(r, 2, r, last);
      x.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
      x.getCell(2).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    }
    if (row.kind === 'task') {
      x.getCell(7).dataValidation = {
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
    ws.pageSetup.printArea = `A1:${String.fromCharCode(64 + last)}${r - 1}`;
  }

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** 1 → I, 4 → IV, 14 → XIV. */
export function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function order(row: Row): number {
  return row.kind === 'section' ? 0 : row.kind === 'group' ? 1 : 2;
}
