/// <reference types="office-js" />
/**
 * "Tạo phụ lục từ văn bản" on Office.js: add the drafted appendix as a new sheet, and read a column's
 * text. The layout is src/engine/appendix-layout.ts, the one the .xlsx writer uses.
 *
 * writeAppendix: TWO round trips.
 * - Sync 1 — look: the sheet names (a free name is chosen: the add-in never writes over a sheet).
 * - Sync 2 — write: add the sheet; text format (@) then the values of the whole block in one call
 *   (in runs of rows with a sync between them when the block would pass half the payload budget,
 *   about 1.75 MB: a plan of thousands of long tasks)
 *   (so "1.1" stays a number as written and "30/6/2026" stays the plan's text); fonts, title merges,
 *   header fill, borders, alignment, bold runs of sections and groups, merged section titles,
 *   column widths and row heights; the status drop-down on each run of task rows (ExcelApi 1.8,
 *   skipped without it); the frozen header (1.7); A4 landscape fitted to one page wide, centred, with
 *   the header repeated on every page and the print area set (page layout, 1.9, skipped without it);
 *   then the sheet is activated.
 * Formats are given per block and per run of rows, never per cell, so a plan of hundreds of tasks
 * still makes one small batch.
 *
 * readColumnText: ONE round trip (the column's used range, values only).
 */
import type { Lang } from '../../engine/types';
import type { PlanDraft } from '../../engine/plan-text/extract';
import { columnLetter } from '../../engine/text';
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
  type AppendixRowKind,
} from '../../engine/appendix-layout';
import { freeSheetName, normalizeColumn } from '../../engine/workbook';
import { chunkRows, jsonBytes, PAYLOAD_BUDGET } from './values';

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32767;

export interface AppendixSupport {
  /** Data validation (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Freeze panes (ExcelApi 1.7). */
  freezePanes: boolean;
  /** Page layout (ExcelApi 1.9). */
  pageLayout: boolean;
}

/** ExcelJS column width (characters of the default font) → Office.js columnWidth (points). */
export function widthToPoints(chars: number): number {
  return Math.round((Math.trunc(chars * 7 + 5) * 3) / 4);
}

/** Runs of consecutive rows (0-based indexes into `kinds`) for which `pick` holds. */
function runs(kinds: AppendixRowKind[], pick: (k: AppendixRowKind) => boolean): [number, number][] {
  const out: [number, number][] = [];
  kinds.forEach((k, i) => {
    if (!pick(k)) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

function cellText(v: string | null): string {
  if (v === null) return '';
  // The block is formatted as text (@) before the values are set, so "=…", "1.1" or "30/6/2026"
  // stay the text the plan wrote (no formula, number or date conversion).
  return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
}

export async function writeAppendix(
  context: Excel.RequestContext,
  draft: PlanDraft,
  lang: Lang,
  support: AppendixSupport,
): Promise<{ sheet: string }> {
  // ---- sync 1: the names in use
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const name = freeSheetName(
    t(lang, 'ui.draft.sheetName'),
    new Set(sheets.items.map((s) => s.name.toLowerCase())),
  );

  // ---- sync 2: the sheet
  const layout = appendixLayout(draft, lang);
  const width = DRAFT_COLUMNS.length;
  const lastCol = columnLetter(width - 1);
  const first = DRAFT_HEADER_ROW + 1; // 1-based first body row
  const lastRow = DRAFT_HEADER_ROW + layout.rows.length; // 1-based; the header row when there is no task
  const row = (r: number) => `A${r}:${lastCol}${r}`;

  const ws = sheets.add(name);
  const grid: string[][] = [
    [layout.title, ...Array<string>(width - 1).fill('')],
    [layout.subtitle, ...Array<string>(width - 1).fill('')],
    Array<string>(width).fill(''),
    layout.headers.map(cellText),
    ...layout.rows.map((r) => r.values.map(cellText)),
  ];
  // Text format, then the values, in runs of rows that keep each request under the payload budget
  // (one run, so no extra sync, for any plan of ordinary size; the formats below share the last batch).
  const runsOfRows = chunkRows(
    grid.map((r) => jsonBytes(r) + jsonBytes(r.map(() => '@'))),
    PAYLOAD_BUDGET / 2,
  );
  for (const [i, [a, b]] of runsOfRows.entries()) {
    const part = ws.getRange(`A${a + 1}:${lastCol}${b}`);
    part.numberFormat = grid.slice(a, b).map((r) => r.map(() => '@'));
    part.values = grid.slice(a, b);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a run per payload budget; the request must be sent before the next run is queued
    if (i < runsOfRows.length - 1) await context.sync();
  }
  const block = ws.getRange(`A1:${lastCol}${lastRow}`);
  block.format.font.name = DRAFT_FONT;
  block.format.font.size = 12;
  block.format.wrapText = true;
  block.format.verticalAlignment = 'Top';

  DRAFT_WIDTHS.forEach((w, c) => {
    ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = widthToPoints(w);
  });

  // Title block.
  const title = ws.getRange(row(1));
  title.merge(false);
  title.format.font.size = 14;
  title.format.font.bold = true;
  const subtitle = ws.getRange(row(2));
  subtitle.merge(false);
  subtitle.format.font.italic = true;
  subtitle.format.rowHeight = 34;
  for (const r of [title, subtitle]) {
    r.format.horizontalAlignment = 'Center';
    r.format.verticalAlignment = 'Center';
  }

  // Header.
  const header = ws.getRange(row(DRAFT_HEADER_ROW));
  header.format.font.bold = true;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  header.format.fill.color = `#${DRAFT_HEADER_FILL}`;
  header.format.rowHeight = 36;

  // Borders on the table (header and body).
  const table = ws.getRange(`A${DRAFT_HEADER_ROW}:${lastCol}${lastRow}`);
  const sides = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'];
  if (lastRow > DRAFT_HEADER_ROW) sides.push('InsideHorizontal');
  for (const side of sides) {
    const border = table.format.borders.getItem(side as Excel.BorderIndex);
    border.style = 'Continuous';
    border.weight = 'Thin';
  }

  if (layout.rows.length > 0) {
    // Alignment: left, then TT / deadline / status centred.
    ws.getRange(`A${first}:${lastCol}${lastRow}`).format.horizontalAlignment = 'Left';
    for (const c of DRAFT_CENTERED_COLS) {
      const l = columnLetter(c - 1);
      ws.getRange(`${l}${first}:${l}${lastRow}`).format.horizontalAlignment = 'Center';
    }
    const kinds = layout.rows.map((r) => r.kind);
    // Sections and groups are bold.
    for (const [a, b] of runs(kinds, (k) => k !== 'task')) {
      ws.getRange(`A${first + a}:${lastCol}${first + b}`).format.font.bold = true;
    }
    // A section's title spans B:H.
    kinds.forEach((k, i) => {
      if (k !== 'section') return;
      const r = first + i;
      const merged = ws.getRange(`B${r}:${lastCol}${r}`);
      merged.merge(false);
      merged.format.verticalAlignment = 'Center';
      ws.getRange(`A${r}`).format.verticalAlignment = 'Center';
    });
    // The status drop-down on every task row.
    if (support.dataValidation) {
      const s = columnLetter(DRAFT_STATUS_COL - 1);
      for (const [a, b] of runs(kinds, (k) => k === 'task')) {
        const dv = ws.getRange(`${s}${first + a}:${s}${first + b}`).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: STATUS_VALUES.join(',') } };
        dv.prompt = {
          showPrompt: true,
          title: t(lang, 'draft.status.promptTitle'),
          message: t(lang, 'draft.status.prompt'),
        };
        dv.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: t(lang, 'draft.status.errorTitle'),
          message: t(lang, 'draft.status.error'),
        };
      }
    }
  }

  if (support.freezePanes) ws.freezePanes.freezeRows(DRAFT_HEADER_ROW);

  if (support.pageLayout) {
    const page = ws.pageLayout;
    page.orientation = 'Landscape';
    page.paperSize = 'A4';
    page.centerHorizontally = true;
    page.zoom = { horizontalFitToPages: 1 };
    page.setPrintMargins('Inches', {
      left: 0.4,
      right: 0.4,
      top: 0.6,
      bottom: 0.6,
      header: 0.3,
      footer: 0.3,
    });
    page.setPrintTitleRows(`$${DRAFT_HEADER_ROW}:$${DRAFT_HEADER_ROW}`);
    page.setPrintArea(`A1:${lastCol}${lastRow}`);
  }

  ws.activate();
  ws.getRange(`A${first}`).select();
  await context.sync();
  return { sheet: name };
}

/** The column's non-empty cells, top to bottom, joined with newlines (one paragraph per cell). */
export async function readColumnText(
  context: Excel.RequestContext,
  sheet: string,
  column: string,
): Promise<string> {
  const col = normalizeColumn(column);
  if (!col)
    throw Object.assign(new Error(`bad column ${column}`), {
      messageId: 'ui.error.column',
      data: { column },
    });
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.load('name'); // a missing sheet fails here (ItemNotFound), not as an empty column
  const used = ws.getRange(`${col}:${col}`).getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  if (used.isNullObject) return '';
  return (used.values as unknown[][])
    .map((r) => (r[0] === null || r[0] === undefined ? '' : String(r[0]).trim()))
    .filter((v) => v !== '')
    .join('\n');
}
