/**
 * Write a checked workbook (.xlsx bytes) with ExcelJS: the `--out` file of `phancong check`, and
 * the standalone browser mode's download. Bytes in, bytes out: no Node APIs in this file. What it
 * changes in the workbook and why (own-sheet marker, links, summary formulas): ./README.md.
 */
import ExcelJS from 'exceljs';
import type { Lang, SheetReport, Summary, SummaryCount, TaskState } from '../../engine/types';
import { planMarks, type MarkRule } from '../../engine/marks';
import { addMarkRules, removeOwnMarks } from './marks';
import {
  buildFindingsTable,
  buildTaskAgencyTable,
  buildTaskTable,
  OWN_SHEETS,
  TASK_COLUMNS,
  type OutCell,
  type OutTable,
} from '../../engine/tables';
import { quarterSortKey } from '../../engine/summary';
import { columnIndex, columnLetter } from '../../engine/text';
import { hasMessage, t } from '../../messages';
import { xlsx as xlsxMessages } from '../../messages/xlsx';
import { planTitle, writeRemindersSheet, writeReportSheet } from './report-sheet';

export interface WriteOptions {
  lang: Lang;
  /** ISO date the reports were computed for (shown on the summary sheet). */
  asOf: string;
}

export type { OwnSheetKind } from '../../engine/tables';

export { OWN_NAME_PREFIX } from '../../engine/tables';
import { OWN_NAME_PREFIX, isOwnMarkerName, ownKindOfName, ownMarkerName, type OwnSheetKind } from '../../engine/tables';

const OWN_KINDS: OwnSheetKind[] = ['tasks', 'agencies', 'summary', 'findings', 'report', 'reminders'];

/** Summary columns: every state, those that need attention first. */
export const SUMMARY_STATES: TaskState[] = [
  'overdue',
  'due-soon',
  'open',
  'done-on-time',
  'done-late',
  'done',
  'recurring',
  'no-deadline',
];

// ---------------------------------------------------------------------------------------------
// Messages (the xlsx section may not be registered in the catalogue yet: fall back to it directly)

function msg(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  if (hasMessage(id)) return t(lang, id, data);
  const template = xlsxMessages[lang]?.[id] ?? xlsxMessages.vi[id];
  if (template === undefined) return id;
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** 'Sheet name' quoted for a reference, with quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function unquoteSheet(name: string | undefined): string {
  if (!name) return '';
  const inner = name.startsWith("'") && name.endsWith("'") ? name.slice(1, -1) : name;
  return inner.replace(/''/g, "'");
}

/** A string as an Excel formula literal. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function isoToDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

function isoToDisplay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');

// ---------------------------------------------------------------------------------------------
// Own-sheet marker

interface NamedCell {
  name: string;
  cell: { sheetName?: string; address?: string; row?: number; col?: number };
}

function ownNamedCells(wb: ExcelJS.Workbook): NamedCell[] {
  const out: NamedCell[] = [];
  wb.definedNames.forEach((name, cell) => {
    if (name.toLowerCase().startsWith(OWN_NAME_PREFIX.toLowerCase())) {
      out.push({ name, cell: cell as unknown as NamedCell['cell'] });
    }
  });
  return out;
}

/** The kind of own sheet a worksheet is (by its marker name), or null for a user sheet. */
export function ownSheetKind(ws: ExcelJS.Worksheet): OwnSheetKind | null {
  for (const { name, cell } of ownNamedCells(ws.workbook)) {
    if (!sameName(unquoteSheet(cell.sheetName), ws.name)) continue;
    const kind = ownKindOfName(name);
    if (kind) return kind;
  }
  return null;
}

/** True when the worksheet is one of the add-in's own sheets (it carries the marker name). */
export function isOwnSheet(ws: ExcelJS.Worksheet): boolean {
  if (ownSheetKind(ws) !== null) return true;
  // PC So sánh, PC Gộp báo cáo: own too, though not the summary's.
  return ownNamedCells(ws.workbook).some(({ name, cell }) => isOwnMarkerName(name) && sameName(unquoteSheet(cell.sheetName), ws.name));
}

/** True for "PC Nhiệm vụ" and "PC Nhiệm vụ (2)", … for any own sheet name. */
function hasOwnSheetName(name: string): boolean {
  return OWN_KINDS.some((k) => {
    const base = OWN_SHEETS[k];
    if (sameName(name, base)) return true;
    const m = /^(.*) \((\d+)\)$/.exec(name);
    return m !== null && sameName(m[1], base);
  });
}

/** Remove the previous run's own sheets and all own markers. */
function removeOwnSheets(wb: ExcelJS.Workbook): void {
  for (const ws of [...wb.worksheets]) {
    if (isOwnSheet(ws) && hasOwnSheetName(ws.name)) wb.removeWorksheet(ws.id);
  }
  // Only the summary's markers: PC So sánh and PC Gộp báo cáo (OTHER_OWN_KINDS) keep theirs.
  for (const { name, cell } of ownNamedCells(wb)) {
    if (ownKindOfName(name) !== null) wb.definedNames.removeEx(cell as never, name);
  }
}

function freeSheetName(wb: ExcelJS.Workbook, base: string): string {
  const taken = (n: string) => wb.worksheets.some((ws) => sameName(ws.name, n));
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken(name)) return name;
  }
}

function addOwnSheet(wb: ExcelJS.Workbook, kind: OwnSheetKind): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(freeSheetName(wb, OWN_SHEETS[kind]));
  wb.definedNames.add(`${quoteSheet(ws.name)}!$A$1`, ownMarkerName(kind));
  return ws;
}

// ---------------------------------------------------------------------------------------------
// Marks (conditional formats on the checked sheet)

export { removeOwnMarks } from './marks';

/** Last column (1-based) that the header row(s) reach, counting merges and the mapped roles. */
export function tableLastColumn(ws: ExcelJS.Worksheet, report: SheetReport): number {
  let last = 1;
  for (const letter of Object.values(report.columns)) if (letter) last = Math.max(last, columnIndex(letter) + 1);
  if (report.headerRow === null) return last;
  const top = report.headerRow;
  const bottom = report.headerRow + Math.max(1, report.headerHeight) - 1;
  for (let r = top; r <= bottom; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = cell.value;
      if (v !== null && v !== undefined && v !== '') last = Math.max(last, col);
    });
  }
  // Merged header cells reach further than their master cell (read from the model, so that no
  // cell of the user's sheet gets created).
  for (const m of sheetMerges(ws)) {
    if (m.bottom >= top && m.top <= bottom) last = Math.max(last, m.right);
  }
  return last;
}

function sheetMerges(ws: ExcelJS.Worksheet): { top: number; left: number; bottom: number; right: number }[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model?: Record<string, number> } & Record<string, number>> })._merges;
  if (!internal) return [];
  return Object.values(internal).map((range) => {
    const m = range.model ?? range;
    return { top: Number(m.top), left: Number(m.left), bottom: Number(m.bottom), right: Number(m.right) };
  });
}

/** Replace the add-in's conditional formats on the report's sheet with the report's marks. */
export function applyMarks(ws: ExcelJS.Worksheet, report: SheetReport): MarkRule[] {
  removeOwnMarks(ws);
  if (report.headerRow === null) return [];
  const plan = planMarks(report, 1, tableLastColumn(ws, report));
  addMarkRules(ws, plan.rules);
  return plan.rules;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Several reports' tables as one, rows in report order. */
function concatTables(tables: OutTable[], fallback: OutTable): OutTable {
  return { name: fallback.name, headers: fallback.headers, rows: tables.flatMap((x) => x.rows) };
}

function withSheetColumn(table: OutTable, sheet: string, lang: Lang): OutTable {
  return { ...table, headers: [t(lang, 'table.sheet'), ...table.headers], rows: table.rows.map((r) => [sheet, ...r]) };
}

/** One row per task × role × agency: the engine counts an agency once per task. */
function dedupeAgencyRows(table: OutTable): OutTable {
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
    return { formula: `HYPERLINK(${literal(`#${v.link}`)},${literal(v.text)})`, result: v.text } as ExcelJS.CellFormulaValue;
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

function freeTableName(wb: ExcelJS.Workbook, base: string): string {
  const used = tableNamesInUse(wb);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
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

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

/** Write a table at A1 as an Excel table (or a plain header when it has no rows). */
export function writeTable(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, table: OutTable, layout: TableLayout): void {
  const headers = uniqueHeaders(table.headers);
  const rows = table.rows.map((r) => r.map(toCellValue));
  if (rows.length > 0) {
    ws.addTable({
      name: freeTableName(wb, table.name),
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
    for (const c of layout.linkCols ?? []) if (rows[r][c] !== null) ws.getCell(r + 2, c + 1).font = LINK_FONT;
    for (const c of layout.wrapCols ?? []) ws.getCell(r + 2, c + 1).alignment = { vertical: 'top', wrapText: true };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

// ---------------------------------------------------------------------------------------------
// Summary

/** Sum several reports' summaries (for one report: that report's summary, as is). */
export function mergeSummaries(summaries: Summary[]): Summary {
  if (summaries.length === 1) return summaries[0];
  const mergeCounts = (lists: SummaryCount[][]): SummaryCount[] => {
    const map = new Map<string, SummaryCount>();
    for (const list of lists) {
      for (const e of list) {
        let m = map.get(e.key);
        if (!m) map.set(e.key, (m = { key: e.key, counts: {} }));
        for (const [k, n] of Object.entries(e.counts) as [keyof SummaryCount['counts'], number][]) {
          m.counts[k] = (m.counts[k] ?? 0) + n;
        }
      }
    }
    return [...map.values()];
  };
  const byCount = (a: SummaryCount, b: SummaryCount) =>
    (b.counts.total ?? 0) - (a.counts.total ?? 0) || a.key.localeCompare(b.key, 'vi');
  const byState: Summary['byState'] = {};
  const support = new Map<string, number>();
  for (const s of summaries) {
    for (const [k, n] of Object.entries(s.byState) as [TaskState, number][]) byState[k] = (byState[k] ?? 0) + n;
    for (const e of s.bySupport) support.set(e.key, (support.get(e.key) ?? 0) + e.count);
  }
  return {
    total: summaries.reduce((n, s) => n + s.total, 0),
    byState,
    unassigned: summaries.reduce((n, s) => n + s.unassigned, 0),
    byLead: mergeCounts(summaries.map((s) => s.byLead)).sort(byCount),
    byLeader: mergeCounts(summaries.map((s) => s.byLeader)).sort(byCount),
    byQuarter: mergeCounts(summaries.map((s) => s.byQuarter)).sort((a, b) =>
      quarterSortKey(a.key).localeCompare(quarterSortKey(b.key)),
    ),
    // Sections keep the order they first appear in.
    bySection: mergeCounts(summaries.map((s) => s.bySection)),
    bySupport: [...support.entries()]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'vi')),
  };
}

/** A column of a written table, as an absolute bounded range: 'PC Nhiệm vụ'!$G$2:$G$40 */
interface TableRef {
  sheet: string;
  headers: string[];
  rowCount: number;
}

function columnRange(ref: TableRef, col: number): string {
  const letter = columnLetter(col);
  return `${quoteSheet(ref.sheet)}!$${letter}$2:$${letter}$${ref.rowCount + 1}`;
}

type BlockKind = 'lead' | 'leader' | 'quarter' | 'section';

interface SummaryRowSpec {
  /** What the key cell shows. */
  label: string;
  /** The value the table column holds for this key ('' = a blank cell). */
  match: string;
  counts: SummaryCount['counts'];
}

/** COUNTIFS cannot match this text exactly (wildcards, operators, numbers, booleans, length). */
function needsExact(text: string): boolean {
  return (
    /[*?~]/.test(text) ||
    /^[=<>]/.test(text) ||
    text.length > 200 ||
    /^\s*[-+]?[\d\s.,/:%]+\s*$/.test(text) ||
    /^(true|false)$/i.test(text.trim())
  );
}

function blockRows(kind: BlockKind, summary: Summary, lang: Lang): SummaryRowSpec[] {
  switch (kind) {
    case 'lead':
      return summary.byLead.map((e) => {
        const label = e.key === '' ? t(lang, 'lead.none') : e.key;
        return { label, match: label, counts: e.counts };
      });
    case 'leader':
      return summary.byLeader.map((e) => ({
        label: e.key === '' ? t(lang, 'leader.none') : e.key,
        match: e.key,
        counts: e.counts,
      }));
    case 'quarter':
      return summary.byQuarter.map((e) => {
        const m = /^(\d)\/(\d{4})$/.exec(e.key);
        const label = m ? t(lang, 'quarter.label', { q: m[1], year: m[2] }) : t(lang, 'quarter.none');
        return { label, match: label, counts: e.counts };
      });
    case 'section':
      return summary.bySection.map((e) => ({
        label: e.key === '' ? t(lang, 'section.none') : e.key,
        match: e.key,
        counts: e.counts,
      }));
  }
}

interface SummaryContext {
  lang: Lang;
  tasks: TableRef;
  agencies: TableRef;
  /** 0-based columns in the task table. */
  taskCol: Record<'leader' | 'lead' | 'quarter' | 'section' | 'state', number>;
  /** 0-based columns in the agency table. */
  agencyCol: Record<'role' | 'agency' | 'state', number>;
}

/**
 * The formula that counts tasks with a key and a state.
 * keyRef / stateRef: cells holding the key's label and the state's label.
 */
function countFormula(
  ctx: SummaryContext,
  kind: BlockKind,
  spec: SummaryRowSpec,
  exact: boolean,
  keyRef: string,
  stateRef: string,
): string {
  const { lang } = ctx;
  // The lead block counts the long table's lead rows; tasks without a lead are on the task table.
  const viaAgencies = kind === 'lead' && spec.match !== t(lang, 'lead.none');
  const src = viaAgencies ? ctx.agencies : ctx.tasks;
  const keyCol = viaAgencies ? ctx.agencyCol.agency : ctx.taskCol[kind];
  const stateCol = viaAgencies ? ctx.agencyCol.state : ctx.taskCol.state;
  const keyRange = columnRange(src, keyCol);
  const stateRange = columnRange(src, stateCol);
  const keyValue = spec.label === spec.match ? keyRef : literal(spec.match);
  const extra: [string, string][] = viaAgencies
    ? [[columnRange(src, ctx.agencyCol.role), literal(t(lang, 'role.lead'))]]
    : [];
  if (spec.match === '') {
    const parts = [keyRange, '""', ...extra.flat(), stateRange, stateRef];
    return `COUNTIFS(${parts.join(',')})`;
  }
  if (exact) {
    const factors = [`EXACT(${keyRange},${keyValue})`, ...extra.map(([r, v]) => `(${r}=${v})`), `(${stateRange}=${stateRef})`];
    return `SUMPRODUCT(${factors.join('*')})`;
  }
  const parts = [keyRange, keyValue, ...extra.flat(), stateRange, stateRef];
  return `COUNTIFS(${parts.join(',')})`;
}

function totalFormula(ctx: SummaryContext, stateRef: string): string {
  return `COUNTIFS(${columnRange(ctx.tasks, ctx.taskCol.state)},${stateRef})`;
}

const BLOCKS: { kind: BlockKind; title: string; keyHeader: string; summaryKey: keyof Summary }[] = [
  { kind: 'lead', title: 'xlsx.summary.byLead', keyHeader: 'table.lead', summaryKey: 'byLead' },
  { kind: 'leader', title: 'xlsx.summary.byLeader', keyHeader: 'table.leader', summaryKey: 'byLeader' },
  { kind: 'quarter', title: 'xlsx.summary.byQuarter', keyHeader: 'table.quarter', summaryKey: 'byQuarter' },
  { kind: 'section', title: 'xlsx.summary.bySection', keyHeader: 'table.section', summaryKey: 'bySection' },
];

/** Where each block landed on the summary sheet (1-based rows), for tests and callers. */
export interface SummaryBlockLayout {
  kind: BlockKind;
  titleRow: number;
  headerRow: number;
  /** First and last key rows (empty when the block has no key). */
  firstRow: number;
  lastRow: number;
  totalRow: number;
  /** 1-based column of each state in SUMMARY_STATES order; the total column follows. */
  stateCols: number[];
  totalCol: number;
}

function writeSummary(ws: ExcelJS.Worksheet, summary: Summary, ctx: SummaryContext, asOf: string): SummaryBlockLayout[] {
  const { lang } = ctx;
  const nStates = SUMMARY_STATES.length;
  const totalCol = nStates + 2;
  const stateCols = SUMMARY_STATES.map((_, i) => i + 2);
  ws.getCell('A1').value = msg(lang, 'xlsx.summary.title');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = msg(lang, 'xlsx.summary.asOf', { date: isoToDisplay(asOf), sheet: ctx.tasks.sheet });
  ws.getCell('A2').font = { italic: true };
  ws.getColumn(1).width = 44;
  for (let c = 2; c <= totalCol; c++) ws.getColumn(c).width = 14;

  const haveTasks = ctx.tasks.rowCount > 0;
  const layouts: SummaryBlockLayout[] = [];
  let r = 4;
  for (const block of BLOCKS) {
    const rows = blockRows(block.kind, summary, lang);
    const titleRow = r;
    const headerRow = r + 1;
    ws.getCell(titleRow, 1).value = msg(lang, block.title);
    ws.getCell(titleRow, 1).font = { bold: true, size: 12 };
    const header = ws.getRow(headerRow);
    header.getCell(1).value = t(lang, block.keyHeader);
    SUMMARY_STATES.forEach((s, i) => (header.getCell(stateCols[i]).value = t(lang, `state.${s}`)));
    header.getCell(totalCol).value = t(lang, 'table.total');
    for (let c = 1; c <= totalCol; c++) {
      const cell = header.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle', horizontal: c === 1 ? 'left' : 'center', wrapText: true };
    }
    // Keys that differ only in case cannot be told apart by COUNTIFS.
    const folded = new Map<string, number>();
    for (const spec of rows) folded.set(spec.match.toLowerCase(), (folded.get(spec.match.toLowerCase()) ?? 0) + 1);
    let row = headerRow + 1;
    for (const spec of rows) {
      const exact = needsExact(spec.match) || (folded.get(spec.match.toLowerCase()) ?? 0) > 1;
      const line = ws.getRow(row);
      line.getCell(1).value = spec.label;
      SUMMARY_STATES.forEach((s, i) => {
        const stateRef = `${columnLetter(stateCols[i] - 1)}$${headerRow}`;
        const result = spec.counts[s] ?? 0;
        line.getCell(stateCols[i]).value = haveTasks
          ? { formula: countFormula(ctx, block.kind, spec, exact, `$A${row}`, stateRef), result }
          : result;
      });
      line.getCell(totalCol).value = { formula: `SUM(B${row}:${columnLetter(totalCol - 2)}${row})`, result: spec.counts.total ?? 0 };
      row++;
    }
    const totalRow = row;
    const totals = ws.getRow(totalRow);
    totals.getCell(1).value = msg(lang, 'xlsx.summary.allTasks');
    SUMMARY_STATES.forEach((s, i) => {
      const stateRef = `${columnLetter(stateCols[i] - 1)}$${headerRow}`;
      const result = summary.byState[s] ?? 0;
      totals.getCell(stateCols[i]).value = haveTasks ? { formula: totalFormula(ctx, stateRef), result } : result;
    });
    totals.getCell(totalCol).value = {
      formula: `SUM(B${totalRow}:${columnLetter(totalCol - 2)}${totalRow})`,
      result: summary.total,
    };
    for (let c = 1; c <= totalCol; c++) totals.getCell(c).font = { bold: true };
    totals.getCell(1).border = { top: { style: 'thin' } };
    for (let c = 2; c <= totalCol; c++) totals.getCell(c).border = { top: { style: 'thin' } };
    layouts.push({
      kind: block.kind,
      titleRow,
      headerRow,
      firstRow: headerRow + 1,
      lastRow: totalRow - 1,
      totalRow,
      stateCols,
      totalCol,
    });
    r = totalRow + 2;
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  return layouts;
}

// ---------------------------------------------------------------------------------------------
// Entry point

export interface WriteResult {
  /** Name actually given to each own sheet (a user sheet may have had the plain name). */
  sheets: Record<OwnSheetKind, string>;
  summaryBlocks: SummaryBlockLayout[];
}

/**
 * Apply the reports to the workbook (marks on the checked sheets, the own sheets replaced) and
 * return the workbook's new bytes. `workbook` is the one readWorkbook returned; it is modified.
 */
export async function writeCheckedWorkbook(
  workbook: ExcelJS.Workbook,
  reports: SheetReport[],
  opts: WriteOptions,
): Promise<Uint8Array> {
  applyReports(workbook, reports, opts);
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** The workbook changes of writeCheckedWorkbook, without serialising (exported for tests). */
export function applyReports(workbook: ExcelJS.Workbook, reports: SheetReport[], opts: WriteOptions): WriteResult {
  // Own sheets are never checked sheets: drop reports about them (a re-run reads them too).
  removeOwnSheets(workbook);
  for (const rep of reports) {
    const ws = workbook.getWorksheet(rep.name);
    if (ws) applyMarks(ws, rep);
  }
  return writeOwnSheets(workbook, reports, opts);
}

/**
 * Only the own sheets of applyReports (tasks, agencies, summary, findings), replacing the previous
 * ones; the checked sheets' marks are left as they are. The standalone host's "Tạo bảng tổng hợp".
 */
export function writeOwnSheets(workbook: ExcelJS.Workbook, reports: SheetReport[], opts: WriteOptions): WriteResult {
  const { lang, asOf } = opts;
  removeOwnSheets(workbook);
  const checked = reports.filter((rep) => workbook.getWorksheet(rep.name) !== undefined);

  const withTable = checked.filter((rep) => rep.headerRow !== null);
  const taskTables = withTable.map((rep) => buildTaskTable(rep, lang));
  const tasksTable = concatTables(taskTables, buildTaskTable({ ...emptyReport(), name: '' }, lang));
  const agencyTable = dedupeAgencyRows(
    concatTables(
      withTable.map((rep) => withSheetColumn(buildTaskAgencyTable(rep, lang), rep.name, lang)),
      withSheetColumn(buildTaskAgencyTable(emptyReport(), lang), '', lang),
    ),
  );
  const findingsTable = concatTables(
    checked.map((rep) => withSheetColumn(buildFindingsTable(rep, lang), rep.name, lang)),
    withSheetColumn(buildFindingsTable(emptyReport(), lang), '', lang),
  );

  const sheets = {} as Record<OwnSheetKind, string>;
  const wsTasks = addOwnSheet(workbook, 'tasks');
  sheets.tasks = wsTasks.name;
  const col = (id: (typeof TASK_COLUMNS)[number]) => TASK_COLUMNS.indexOf(id);
  writeTable(workbook, wsTasks, tasksTable, {
    widths: [18, 7, 7, 8, 60, 24, 32, 32, 32, 22, 13, 13, 22, 11, 22],
    dateCols: [col('due')],
    wrapCols: [col('task')],
  });

  const wsAgencies = addOwnSheet(workbook, 'agencies');
  sheets.agencies = wsAgencies.name;
  writeTable(workbook, wsAgencies, agencyTable, { widths: [18, 7, 7, 18, 36, 36, 22, 13] });

  const wsSummary = addOwnSheet(workbook, 'summary');
  sheets.summary = wsSummary.name;
  const ctx: SummaryContext = {
    lang,
    tasks: { sheet: wsTasks.name, headers: tasksTable.headers, rowCount: tasksTable.rows.length },
    agencies: { sheet: wsAgencies.name, headers: agencyTable.headers, rowCount: agencyTable.rows.length },
    taskCol: { leader: col('leader'), lead: col('lead'), quarter: col('quarter'), section: col('section'), state: col('state') },
    // The agency table: [sheet, row, tt, role, agency, raw, state, quarter]
    agencyCol: { role: 3, agency: 4, state: 6 },
  };
  const summaryBlocks = writeSummary(wsSummary, mergeSummaries(withTable.map((rep) => rep.summary).concat(withTable.length ? [] : [emptyReport().summary])), ctx, asOf);

  // Issue 12: the standard report and the reminder list, over the same tables.
  const wsReport = addOwnSheet(workbook, 'report');
  sheets.report = wsReport.name;
  writeReportSheet(
    wsReport,
    withTable,
    {
      tasks: { sheet: wsTasks.name, rowCount: tasksTable.rows.length, lead: col('lead'), category: col('category') },
      agencies: { sheet: wsAgencies.name, rowCount: agencyTable.rows.length, role: 3, agency: 4, category: agencyTable.headers.length - 1 },
    },
    { lang, asOf, title: planTitle(workbook, withTable) },
  );
  const wsReminders = addOwnSheet(workbook, 'reminders');
  sheets.reminders = wsReminders.name;
  writeRemindersSheet(wsReminders, withTable, { lang, asOf });

  const wsFindings = addOwnSheet(workbook, 'findings');
  sheets.findings = wsFindings.name;
  writeTable(workbook, wsFindings, findingsTable, {
    widths: [18, 11, 22, 8, 7, 22, 80, 30],
    linkCols: [3],
    wrapCols: [6, 7],
  });

  fixActiveTab(workbook);
  return { sheets, summaryBlocks };
}

function emptyReport(): SheetReport {
  return {
    name: '',
    headerRow: null,
    headerHeight: 0,
    columns: {},
    columnIndexes: {},
    missingRoles: [],
    planYear: null,
    sections: [],
    tasks: [],
    rows: [],
    findings: [],
    summary: {
      total: 0,
      byState: {},
      unassigned: 0,
      byLead: [],
      byLeader: [],
      byQuarter: [],
      bySection: [],
      bySupport: [],
    },
  };
}

/** Removing sheets can leave the workbook view pointing past the last sheet. */
function fixActiveTab(wb: ExcelJS.Workbook): void {
  const count = wb.worksheets.length;
  for (const view of wb.views ?? []) {
    const v = view as { activeTab?: number; firstSheet?: number };
    if (typeof v.activeTab === 'number' && v.activeTab >= count) v.activeTab = 0;
    if (typeof v.firstSheet === 'number' && v.firstSheet >= count) v.firstSheet = 0;
  }
}
