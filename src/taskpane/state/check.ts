/**
 * The check flow: loading the sheet list, choosing a sheet, checking it (through the check runner:
 * the pane's worker or this thread, with "Hủy"), the findings' filter and selection. Its slice
 * (the report and what the findings list shows), actions, reducer and flows.
 */
import { CheckCancelledError, type CheckRunner } from '../check-runner/runner';
import { DUE_SOON_MAX_DAYS, isDueSoonDays, isIsoDate } from '../../engine/workbook';
import type { AnalyzeOptions, ColumnMap, Finding, SheetReport } from '../../engine/types';
import type { ReadSheet, SheetInfo, WorkbookHost, WorkbookSettings } from '../../host/types';
import type {
  BaseAction,
  FindingFilter,
  FlowContext,
  HeaderColumn,
  Notice,
  PaneBase,
} from './base';
import { headerColumns } from './columns';
import { findingKey, type Counters } from './selectors';
import { saveSettings, type SettingsAction, type SettingsSlice } from './settings';

export interface CheckSlice {
  report: SheetReport | null;
  /** Columns of the checked sheet (for the column mapping). */
  header: HeaderColumn[];
  filter: FindingFilter;
  /** Key of the finding last selected (see findingKey). */
  selected: string | null;
  /**
   * The counters of the check under way, known before its report has arrived (the worker sends
   * them first): the pane shows them at once; its report replaces them.
   */
  counted: Counters | null;
}

export type CheckAction =
  | { type: 'report'; report: SheetReport; header: HeaderColumn[] }
  | { type: 'counted'; counters: Counters | null }
  | { type: 'setFilter'; filter: Partial<FindingFilter> }
  | { type: 'selected'; key: string };

export function initialCheck(): CheckSlice {
  return {
    report: null,
    header: [],
    filter: { severity: 'all', code: 'all' },
    selected: null,
    counted: null,
  };
}

export function checkReducer(
  state: CheckSlice & Pick<PaneBase, 'sheet'>,
  action: CheckAction | BaseAction,
): Partial<CheckSlice> | null {
  switch (action.type) {
    case 'setSheet':
      // A report belongs to one sheet: choosing another one drops it.
      return action.sheet === state.sheet
        ? null
        : { report: null, header: [], selected: null, counted: null };
    case 'report': {
      // A rule filter the new report has no finding of goes back to all rules.
      const code = state.filter.code;
      const filter =
        code !== 'all' && !action.report.findings.some((f) => f.code === code)
          ? { ...state.filter, code: 'all' }
          : state.filter;
      return {
        report: action.report,
        header: action.header,
        selected: null,
        filter,
        counted: null,
      };
    }
    case 'counted':
      return { counted: action.counters };
    case 'setFilter':
      return { filter: { ...state.filter, ...action.filter } };
    case 'selected':
      return { selected: action.key };
    default:
      return null;
  }
}

/** The last check: its sheet's fingerprint (guards marks and fixes against a changed sheet) and its options. */
export interface LastRun {
  sheet: string;
  fingerprint: string;
  options: AnalyzeOptions;
}

export interface CheckFlows {
  /** Load the sheets, then (summary view) check the chosen sheet at once. */
  start(): Promise<void>;
  loadSheets(): Promise<void>;
  setSheet(sheet: string): void;
  /** Check a sheet; arguments left out come from the state (and the saved column corrections). */
  check(sheet?: string, asOf?: string, dueSoonDays?: number, columns?: ColumnMap): Promise<void>;
  /** "Hủy": stop the running check (its worker is ended); the previous results stay. */
  cancelCheck(): void;
  /** Whether "Hủy" can stop what runs now (a check in the worker). */
  canCancel(): boolean;
  selectFinding(finding: Finding): Promise<void>;
  setFilter(filter: Partial<FindingFilter>): void;
}

/** What the other flows need of the check (not on the Controller). */
export interface CheckInternals {
  /** The last check (null once another sheet is chosen). */
  lastRun(): LastRun | null;
  /** Read and check a sheet inside an action already running (no busy guard). */
  runCheck(
    sheet: string,
    asOf: string,
    dueSoonDays: number,
    columns: ColumnMap | undefined,
  ): Promise<void>;
  /** Check the last checked sheet again with its options (after a language change). */
  recheckLast(): Promise<void>;
}

type CheckPane = PaneBase & SettingsSlice & CheckSlice;

/** Let the pane paint the progress label before synchronous engine work. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Capabilities the host lacks, as lasting notices. */
function degradedNotices(host: WorkbookHost): Notice[] {
  const caps = host.capabilities();
  const out: Notice[] = [];
  if (!caps.conditionalFormats) out.push({ id: 'ui.degraded.conditionalFormats' });
  // The standalone page (the workbook in the browser, downloaded afterwards) writes its summary as
  // tables with live formulas, as `phancong check --out` does: no PivotTable is missing there.
  if (!caps.pivotTables && !caps.download) out.push({ id: 'ui.degraded.pivotTables' });
  if (!caps.cellProperties && host.kind === 'excel') out.push({ id: 'ui.degraded.cellProperties' });
  return out;
}

function chooseSheet(sheets: SheetInfo[], current: string | null): string | null {
  if (current && sheets.some((s) => s.name === current)) return current;
  return (sheets.find((s) => s.active) ?? sheets[0])?.name ?? null;
}

export function createCheckFlows(
  ctx: FlowContext<CheckPane, CheckAction | SettingsAction>,
  runner: CheckRunner,
): CheckFlows & CheckInternals {
  const { host, getState, dispatch, exclusive, fail } = ctx;
  /** The report carries everything else of the last check; no raw snapshot is kept. */
  let lastRun: LastRun | null = null;
  const busy = (id: string, data?: Notice['data']) =>
    dispatch({ type: 'busy', busy: { id, data } });

  async function analyze(read: ReadSheet, opts: AnalyzeOptions): Promise<void> {
    let report: SheetReport;
    try {
      report = await runner.analyze(read.snapshot, opts, (counters) =>
        dispatch({ type: 'counted', counters }),
      );
    } catch (e) {
      // Cancelled or failed: the counters shown are the previous report's again.
      if (getState().counted) dispatch({ type: 'counted', counters: null });
      throw e;
    }
    lastRun = { sheet: read.snapshot.name, fingerprint: read.fingerprint, options: opts };
    dispatch({ type: 'report', report, header: headerColumns(report) });
  }

  async function runCheck(
    sheet: string,
    asOf: string,
    dueSoonDays: number,
    columns: ColumnMap | undefined,
  ): Promise<void> {
    busy('ui.busy.reading', { sheet });
    let read: ReadSheet;
    try {
      read = await host.readSheet(sheet);
    } catch (e) {
      fail(e, 'ui.error.read', { sheet });
      return;
    }
    busy('ui.busy.analyzing');
    if (!runner.offThread) await yieldToUi();
    const state = getState();
    const opts: AnalyzeOptions = {
      asOf,
      dueSoonDays,
      columns: columns ?? state.settings.columns?.[sheet],
      agencies: state.settings.agencies,
      lang: state.lang,
    };
    try {
      await analyze(read, opts);
    } catch (e) {
      // Cancelled: nothing changed, the previous report stays on screen.
      if (e instanceof CheckCancelledError)
        dispatch({ type: 'status', status: { id: 'ui.done.cancelled', data: { sheet } } });
      else fail(e, 'ui.error.check', { sheet });
      return;
    }
    const report = getState().report!;
    if (report.headerRow === null)
      dispatch({ type: 'error', error: { id: 'ui.error.noTable', data: { sheet } } });
    else
      dispatch({
        type: 'status',
        status: { id: 'ui.done.checked', data: { tasks: report.tasks.length, sheet } },
      });
    if (getState().settings.dueSoonDays !== dueSoonDays)
      await saveSettings(ctx, { ...getState().settings, dueSoonDays });
  }

  const flows: CheckFlows & CheckInternals = {
    lastRun: () => lastRun,
    runCheck,

    async recheckLast() {
      if (!lastRun || getState().busy) return;
      const { sheet, options } = lastRun;
      await exclusive(
        { id: 'ui.busy.reading', data: { sheet } },
        { id: 'ui.error.check', data: { sheet } },
        () =>
          runCheck(
            sheet,
            options.asOf,
            options.dueSoonDays ?? getState().dueSoonDays,
            options.columns,
          ),
      );
    },

    async start() {
      await flows.loadSheets();
      if (getState().view === 'summary' && getState().sheet) await flows.check();
    },

    loadSheets: () =>
      exclusive({ id: 'ui.busy.loading' }, { id: 'ui.error.loadSheets' }, async () => {
        const sheets = (await host.listSheets()).filter((s) => !s.own);
        const degraded = degradedNotices(host);
        let settings: WorkbookSettings = {};
        try {
          settings = (await host.loadSettings()) ?? {};
        } catch {
          degraded.push({ id: 'ui.error.settings' });
        }
        dispatch({
          type: 'sheetsLoaded',
          sheets,
          sheet: chooseSheet(sheets, getState().sheet),
          capabilities: host.capabilities(),
          settings,
          degraded,
        });
      }),

    setSheet(sheet) {
      const state = getState();
      if (state.busy) return;
      if (state.report?.name !== sheet) lastRun = null;
      dispatch({ type: 'setSheet', sheet });
    },

    check(sheet, asOf, dueSoonDays, columns) {
      const state = getState();
      sheet ??= state.sheet ?? undefined;
      asOf ??= state.asOf;
      dueSoonDays ??= state.dueSoonDays;
      if (state.busy) return Promise.resolve();
      if (!sheet) {
        dispatch({ type: 'error', error: { id: 'ui.error.noSheet' } });
        return Promise.resolve();
      }
      if (!isIsoDate(asOf)) {
        dispatch({ type: 'error', error: { id: 'ui.error.asOf' } });
        return Promise.resolve();
      }
      if (!isDueSoonDays(dueSoonDays)) {
        dispatch({
          type: 'error',
          error: { id: 'ui.error.dueSoon', data: { max: DUE_SOON_MAX_DAYS } },
        });
        return Promise.resolve();
      }
      if (sheet !== state.sheet) dispatch({ type: 'setSheet', sheet });
      if (asOf !== state.asOf) dispatch({ type: 'setAsOf', asOf });
      if (dueSoonDays !== state.dueSoonDays)
        dispatch({ type: 'setDueSoonDays', days: dueSoonDays });
      const days = dueSoonDays;
      const target = sheet;
      const date = asOf;
      return exclusive(
        { id: 'ui.busy.reading', data: { sheet } },
        { id: 'ui.error.check', data: { sheet } },
        () => runCheck(target, date, days, columns),
      );
    },

    canCancel: () => runner.offThread && getState().busy?.id === 'ui.busy.analyzing',
    cancelCheck() {
      if (flows.canCancel()) runner.cancel();
    },

    async selectFinding(finding) {
      const report = getState().report;
      if (!report || !finding.cell) return;
      const index = report.findings.indexOf(finding);
      dispatch({ type: 'selected', key: findingKey(finding, index) });
      try {
        await host.selectCell(report.name, finding.cell);
      } catch (e) {
        fail(e, 'ui.error.select', { cell: finding.cell });
      }
    },

    setFilter: (filter) => dispatch({ type: 'setFilter', filter }),
  };
  return flows;
}
