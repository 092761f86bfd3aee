/**
 * The standard report ("PC Báo cáo") and the reminder list ("PC Đôn đốc") as ExcelJS sheets, written
 * with the other summary sheets (write.ts), rendering the engine's layouts (engine/report-layout.ts).
 * The report's figures are live COUNTIFS formulas over the
 * task table ("PC Nhiệm vụ": the total row, tasks without a lead) and the task × agency table ("PC Cơ
 * quan": one row per lead agency), with the engine's counts cached as results; A4 landscape, the two
 * header rows repeated on every page, fit to the page width.
 */
import ExcelJS from 'exceljs';
import type { Lang, SheetReport } from '../../engine/types';
import { REPORT_COLUMNS, type ReportColumn, type ReportPeriod } from '../../engine/tracking';
import {
  remindersSheetLayout,
  reportSheetLayout,
  type ReportSheetLayout as EngineReportSheetLayout,
  type SheetLayout,
} from '../../engine/report-layout';
import { cellText } from '../../engine/text';
import { renderLayout } from './render-layout';

/** A written table: its sheet, its data rows (below a header on row 1) and the 0-based columns used. */
export interface ReportSources {
  tasks: { sheet: string; rowCount: number; lead: number; category: number };
  agencies: { sheet: string; rowCount: number; role: number; agency: number; category: number };
}

/** The report's columns: the engine's one list (engine/tracking.ts). */
export const REPORT_SHEET_COLUMNS: readonly ReportColumn[] = REPORT_COLUMNS;

/** The plan's name: the longest text above the header of the first checked sheet (its title block). */
export function planTitle(workbook: ExcelJS.Workbook, reports: SheetReport[]): string {
  for (const rep of reports) {
    const ws = workbook.getWorksheet(rep.name);
    if (!ws || rep.headerRow === null) continue;
    let best = '';
    for (let r = 1; r < rep.headerRow; r++) {
      ws.getRow(r).eachCell((cell) => {
        const text = cellText(typeof cell.value === 'string' ? cell.value : cell.text)
          .replace(/\s+/g, ' ')
          .trim();
        if (text.length > best.length && text.length < 300) best = text;
      });
    }
    if (best) return best;
  }
  return reports.map((r) => r.name).join(', ');
}

/**
 * Where the report's parts landed: the engine's layout without its cells, with 1-based rows and
 * columns (as ExcelJS counts them): the two header rows, the first and last agency rows, the total
 * row, the column of each REPORT_SHEET_COLUMNS entry, the agency label on each agency row.
 */
export type ReportSheetLayout = Omit<EngineReportSheetLayout, keyof SheetLayout>;

export function writeReportSheet(
  ws: ExcelJS.Worksheet,
  reports: SheetReport[],
  sources: ReportSources,
  opts: { lang: Lang; asOf: string; title: string; period?: ReportPeriod },
): ReportSheetLayout {
  const T = sources.tasks;
  const A = sources.agencies;
  const layout = reportSheetLayout(
    reports.flatMap((r) => r.tasks),
    {
      lang: opts.lang,
      asOf: opts.asOf,
      title: opts.title,
      period: opts.period,
      taskRows: T.rowCount,
      agencyRows: A.rowCount,
    },
  );
  const column = (cols: Record<string, number>) => (id: string) => {
    if (!(id in cols)) throw new Error(`report: no column ${id}`);
    return cols[id];
  };
  renderLayout(ws, layout, {
    tasks: {
      sheet: T.sheet,
      rowCount: T.rowCount,
      column: column({ lead: T.lead, category: T.category }),
    },
    agencies: {
      sheet: A.sheet,
      rowCount: A.rowCount,
      column: column({ role: A.role, agency: A.agency, category: A.category }),
    },
  });
  const cols = Object.fromEntries(
    Object.entries(layout.cols).map(([k, c]) => [k, c + 1]),
  ) as Record<ReportColumn, number>;
  return {
    headerRow: layout.headerRow + 1,
    firstRow: layout.firstRow + 1,
    lastRow: layout.lastRow + 1,
    totalRow: layout.totalRow + 1,
    cols,
    agencies: layout.agencies,
  };
}

/** "PC Đôn đốc": per lead agency, its overdue and due-soon tasks, most overdue first. */
export function writeRemindersSheet(
  ws: ExcelJS.Worksheet,
  reports: SheetReport[],
  opts: { lang: Lang; asOf: string },
): number {
  const layout = remindersSheetLayout(
    reports.flatMap((r) => r.tasks),
    opts,
  );
  const none = { sheet: '', rowCount: 0, column: () => 0 };
  renderLayout(ws, layout, { tasks: none, agencies: none });
  return layout.count;
}
