/**
 * The boundary between the task pane and wherever the workbook lives. The pane only ever talks to a
 * WorkbookHost; Office.js (inside Excel) and ExcelJS (the standalone page) each implement it in
 * src/adapters. No component calls Office.js directly (the Script Lab pattern).
 */
import type {
  ColumnMap,
  SheetReport,
  SheetSnapshot,
  AgencyEntry,
  CellEdit,
  CellValue,
} from '../engine/types';
import type { MarkPlan } from '../engine/marks';
import type { PlanDraft } from '../engine/plan-text/extract';
import type { OutTable } from '../engine/tables';
import type { GatherResult } from '../engine/gather';
import type { TrackingPlan } from '../engine/tracking-columns';

export interface HostCapabilities {
  /** Native PivotTables can be created (ExcelApi 1.8). */
  pivotTables: boolean;
  /** Charts can be created. */
  charts: boolean;
  /** Per-cell formats in one call (ExcelApi 1.9). */
  cellProperties: boolean;
  /** Conditional formats with custom formulas (ExcelApi 1.6). */
  conditionalFormats: boolean;
  /** The workbook can be downloaded as a file (standalone mode). */
  download: boolean;
}

export interface SheetInfo {
  name: string;
  active: boolean;
  /** The add-in created this sheet (summary, findings): never offered for checking. */
  own: boolean;
}

/** A snapshot plus a fingerprint of the values it was read from (to refuse stale writes). */
export interface ReadSheet {
  snapshot: SheetSnapshot;
  fingerprint: string;
}

/** Settings kept in the workbook itself (document settings or a custom XML part). */
export interface WorkbookSettings {
  /** Per sheet: the user's corrections to the column mapping. */
  columns?: Record<string, ColumnMap>;
  /** The user's own agencies and abbreviations. */
  agencies?: AgencyEntry[];
  dueSoonDays?: number;
  lang?: 'vi' | 'en';
}

export interface SummaryResult {
  /** Names of the sheets written (all the add-in's own). */
  sheets: string[];
  /** Parts skipped because the host lacks them (e.g. 'pivotTables'), for the pane to explain. */
  skipped: string[];
  /**
   * The PivotTables created, by name (Office host). When their batch failed part-way this lists those
   * that exist nonetheless; undefined when the host cannot tell.
   */
  pivotTables?: string[];
}

/** What the user chose to apply: the edits and merges of one or more fixes, on one sheet. */
export interface EditBatch {
  sheet: string;
  edits: CellEdit[];
  /** Vertical merges to restore (A1 ranges). */
  merges: string[];
}

/** Everything needed to restore the cells an apply touched, exactly (kept by the pane, not by Excel). */
export interface UndoRecord {
  sheet: string;
  /** Per touched cell: its value and number format before the apply, and the value written. */
  cells: { cell: string; before: CellValue; numberFormat: string | null; after: CellValue }[];
  /** Merges the apply created (undo unmerges them). */
  merges: string[];
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'standalone';
  capabilities(): HostCapabilities;
  listSheets(): Promise<SheetInfo[]>;
  readSheet(name: string): Promise<ReadSheet>;
  /** Replace the add-in's marks on the sheet with the plan. Refuses (StaleSheetError) if the sheet changed since `fingerprint`. */
  applyMarks(plan: MarkPlan, fingerprint: string): Promise<void>;
  /** Remove every mark the add-in owns on that sheet; the user's own formats stay. */
  clearMarks(sheet: string): Promise<void>;
  /** Write (or replace) the add-in's summary sheets for the report. Never touches a user sheet. */
  writeSummary(report: SheetReport, lang: 'vi' | 'en'): Promise<SummaryResult>;
  /** Select a cell on a sheet (a finding was clicked). */
  selectCell(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /**
   * Optional ("Tạo phụ lục từ văn bản"): add the drafted appendix as a NEW sheet in the standard
   * layout (src/engine/appendix-layout.ts: title rows, header, bold merged sections, status
   * drop-down, frozen header, A4 landscape where the host can) and activate it. Never overwrites a
   * sheet: the name is made free ("Phụ lục (dự thảo)", "Phụ lục (dự thảo) (2)", …). The pane hides
   * the feature when the host lacks it.
   */
  writeAppendix?(draft: PlanDraft, lang: 'vi' | 'en'): Promise<{ sheet: string }>;
  /**
   * Optional (fixes): write the batch in one write round trip, after checking that the sheet has
   * not changed since `fingerprint` (StaleSheetError) and that every edited cell still holds its
   * `before` value. Writes nothing outside the listed cells and merges; keeps the cells' formats.
   * Returns what undo needs.
   */
  applyEdits?(batch: EditBatch, fingerprint: string): Promise<UndoRecord>;
  /** Optional: restore exactly what an apply changed; EditsChangedError when those cells changed since. */
  undoEdits?(record: UndoRecord): Promise<void>;
  /** Optional: the non-empty cells of one column of a sheet ("B"), top to bottom, joined by newlines. */
  readColumnText?(sheet: string, column: string): Promise<string>;
  /**
   * Optional ("Gộp báo cáo", issue 13): write a gathering into the open workbook — the missing tracking
   * headers, each applied value, the "PC Gộp báo cáo" log. StaleSheetError (nothing written) when a
   * cell no longer holds what the gathering read.
   */
  applyGather?(result: GatherResult, lang: 'vi' | 'en'): Promise<{ logSheet: string }>;
  /** Optional ("So sánh với bản trước", issue 13): write (or replace) the "PC So sánh" own sheet. */
  writeComparison?(table: OutTable): Promise<{ sheet: string }>;
  /**
   * Optional ("Thêm cột theo dõi", issue 12): append the tracking columns of an engine plan
   * (planTrackingColumns) to the right of the table. Refuses with StaleSheetError when the sheet
   * changed since `fingerprint`, and with TrackingCellsBusyError when a target cell holds something;
   * writes only the plan's cells. Returns what undo needs (the header cells written, the merges).
   */
  addTrackingColumns?(plan: TrackingPlan, fingerprint: string): Promise<UndoRecord>;
  /**
   * Optional (issue 12): take back the tracking columns of a record addTrackingColumns returned —
   * values, formats, merges, validation and widths — as an undone fix leaves no trace. Only hosts
   * that can remove every format they added offer it (the standalone page).
   */
  undoTrackingColumns?(record: UndoRecord): Promise<void>;
  /**
   * Optional (live re-check, issue 12): call `onChange` after each edit of the sheet (Worksheet
   * onChanged, ExcelApi 1.7). Resolves to a function that stops watching; null when the host cannot
   * watch. Edits the add-in itself makes with events switched off are not reported.
   */
  watchSheet?(sheet: string, onChange: () => void): Promise<(() => Promise<void>) | null>;
}

/** A cell where a tracking column would go holds something: nothing was written. */
export class TrackingCellsBusyError extends Error {
  constructor(
    public readonly sheet: string,
    public readonly cells: string[],
  ) {
    super(`tracking-busy:${sheet}:${cells.join(',')}`);
    this.name = 'TrackingCellsBusyError';
  }
}

/** The sheet's values changed between reading and writing: check again. */
export class StaleSheetError extends Error {
  constructor(public readonly sheet: string) {
    super(`stale:${sheet}`);
    this.name = 'StaleSheetError';
  }
}

/** A user's sheet already has the name the add-in wanted for its own sheet. */
export class NameTakenError extends Error {
  constructor(public readonly sheet: string) {
    super(`name-taken:${sheet}`);
    this.name = 'NameTakenError';
  }
}

/** Undo refused: cells an apply wrote no longer hold what it wrote. */
export class EditsChangedError extends Error {
  constructor(
    public readonly sheet: string,
    public readonly cells: string[],
  ) {
    super(`edits-changed:${sheet}:${cells.join(',')}`);
    this.name = 'EditsChangedError';
  }
}
