/**
 * The task pane's controller: every business flow of the pane lives here (Script Lab's pattern:
 * host calls outside components). It talks to the workbook only through a WorkbookHost, runs the
 * engine, and publishes a PaneState that components render. Failures become catalogue notices.
 */
import { CheckCancelledError, defaultRunner, type CheckRunner } from '../check-runner/runner';
import { planMarks } from '../../engine/marks';
import { DUE_SOON_MAX_DAYS, isDueSoonDays, isIsoDate, todayIso } from '../../engine/workbook';
import type { AnalyzeOptions, ColumnMap, Finding, Lang, Role } from '../../engine/types';
import type { ReadSheet, SheetInfo, WorkbookHost, WorkbookSettings } from '../../host/types';
import { createGatherStore, type GatherStore } from './gather';
import { hasMessage } from '../../messages';
import { headerColumns } from './columns';
import { createDraftFlows, initialDraftState, type DraftFlows } from './draft';
import { errorNotice } from './errors';
import { createFixFlows, initialFixState, type FixFlows } from './fix';
import { findingKey } from './selectors';
import { createTrackFlows, type TrackFlows } from './track';
import {
  initialState,
  reducer,
  type FindingFilter,
  type MessageData,
  type Notice,
  type PaneAction,
  type PaneState,
  type PaneView,
} from './state';

/** Where "today" comes from (tests pass a fixed one). */
export interface Clock {
  /** Today as an ISO date (YYYY-MM-DD), in the user's time zone. */
  today(): string;
}

export const systemClock: Clock = {
  today: () => todayIso(new Date()),
};

export interface ControllerOptions {
  lang?: Lang;
  view?: PaneView;
  /** Where the engine runs (default: the pane's worker when registered, else this thread). */
  runner?: CheckRunner;
}

/** DraftFlows: "Tạo phụ lục từ văn bản" (draft.ts); FixFlows: the tabs and the "Sửa" view (fix.ts). */
export interface Controller extends DraftFlows, FixFlows {
  /** "Gộp báo cáo" and "So sánh với bản trước" (issue 13): their own small store (gather.ts). */
  gather?: GatherStore;
  getState(): PaneState;
  subscribe(listener: () => void): () => void;
  /** Load the sheets, then (summary view) check the chosen sheet at once. */
  start(): Promise<void>;
  loadSheets(): Promise<void>;
  setSheet(sheet: string): void;
  setAsOf(isoDate: string): void;
  setDueSoonDays(days: number): void;
  setLang(lang: Lang): Promise<void>;
  /** Check a sheet; arguments left out come from the state (and the saved column corrections). */
  check(sheet?: string, asOf?: string, dueSoonDays?: number, columns?: ColumnMap): Promise<void>;
  /** "Hủy": stop the running check (its worker is ended); the previous results stay. */
  cancelCheck(): void;
  /** Whether "Hủy" can stop what runs now (a check in the worker). */
  canCancel(): boolean;
  /** Correct (col = 0-based snapshot column) or reset (col = null) a role's column; saved in the workbook, then re-checked. */
  setColumn(role: Role, col: number | null): Promise<void>;
  applyMarks(): Promise<void>;
  clearMarks(): Promise<void>;
  writeSummary(): Promise<void>;
  selectFinding(finding: Finding): Promise<void>;
  setFilter(filter: Partial<FindingFilter>): void;
  dismissError(): void;
  /** Tracking columns and reminder letters (issue 12): their own small store. */
  track: TrackFlows;
}

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

export function createController(host: WorkbookHost, clock: Clock = systemClock, options: ControllerOptions = {}): Controller {
  let state = initialState(clock.today(), options.lang ?? 'vi', options.view ?? 'check');
  state = { ...state, draft: initialDraftState(host), fix: initialFixState(host) };
  const listeners = new Set<() => void>();
  /**
   * The last check: its sheet's fingerprint (guards marks and fixes against a changed sheet) and
   * the options it ran with. The report carries everything else; no raw snapshot is kept.
   */
  let lastRun: { sheet: string; fingerprint: string; options: AnalyzeOptions } | null = null;
  /** The sheet whose marks the user applied in this session (the live re-check keeps them up to date). */
  let markedSheet: string | null = null;
  const runner = options.runner ?? defaultRunner();

  const dispatch = (action: PaneAction) => {
    state = reducer(state, action);
    for (const l of [...listeners]) l();
  };
  const busy = (id: string, data?: MessageData) => dispatch({ type: 'busy', busy: { id, data } });
  const fail = (error: unknown, fallback: string, data?: MessageData) =>
    dispatch({ type: 'error', error: errorNotice(error, fallback, data) });

  /** Run one exclusive action: refused while another runs; any failure becomes `fallback`. */
  async function exclusive(label: Notice, fallback: Notice, work: () => Promise<void>): Promise<void> {
    if (state.busy) return;
    busy(label.id, label.data);
    try {
      await work();
    } catch (e) {
      fail(e, fallback.id, fallback.data);
    } finally {
      dispatch({ type: 'busy', busy: null });
    }
  }

  /** Save settings; a failure is reported but does not stop the action that asked. */
  async function saveSettings(next: WorkbookSettings): Promise<void> {
    dispatch({ type: 'settings', settings: next });
    try {
      await host.saveSettings(next);
    } catch {
      dispatch({ type: 'degraded', notices: [{ id: 'ui.error.saveSettings' }] });
    }
  }

  async function analyze(read: ReadSheet, opts: AnalyzeOptions): Promise<void> {
    const report = await runner.analyze(read.snapshot, opts);
    lastRun = { sheet: read.snapshot.name, fingerprint: read.fingerprint, options: opts };
    dispatch({ type: 'report', report, header: headerColumns(report) });
  }

  async function runCheck(sheet: string, asOf: string, dueSoonDays: number, columns: ColumnMap | undefined): Promise<void> {
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
      if (e instanceof CheckCancelledError) dispatch({ type: 'status', status: { id: 'ui.done.cancelled', data: { sheet } } });
      else fail(e, 'ui.error.check', { sheet });
      return;
    }
    const report = state.report!;
    if (report.headerRow === null) dispatch({ type: 'error', error: { id: 'ui.error.noTable', data: { sheet } } });
    else dispatch({ type: 'status', status: { id: 'ui.done.checked', data: { tasks: report.tasks.length, sheet } } });
    if (state.settings.dueSoonDays !== dueSoonDays) await saveSettings({ ...state.settings, dueSoonDays });
  }

  const controller: Controller = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start() {
      await controller.loadSheets();
      if (state.view === 'summary' && state.sheet) await controller.check();
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
          sheet: chooseSheet(sheets, state.sheet),
          capabilities: host.capabilities(),
          settings,
          degraded,
        });
      }),

    setSheet(sheet) {
      if (state.busy) return;
      if (state.report?.name !== sheet) lastRun = null;
      dispatch({ type: 'setSheet', sheet });
    },
    setAsOf: (asOf) => dispatch({ type: 'setAsOf', asOf }),
    setDueSoonDays: (days) => dispatch({ type: 'setDueSoonDays', days }),

    async setLang(lang) {
      if (lang === state.lang) return;
      dispatch({ type: 'setLang', lang });
      // Findings carry their message in the report's language: check the sheet again (the pane
      // keeps no raw snapshot), with the options of the last check.
      if (lastRun && !state.busy) {
        const { sheet, options } = lastRun;
        await exclusive({ id: 'ui.busy.reading', data: { sheet } }, { id: 'ui.error.check', data: { sheet } }, () =>
          runCheck(sheet, options.asOf, options.dueSoonDays ?? state.dueSoonDays, options.columns),
        );
      }
      await saveSettings({ ...state.settings, lang });
    },

    check(sheet = state.sheet ?? undefined, asOf = state.asOf, dueSoonDays = state.dueSoonDays, columns) {
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
        dispatch({ type: 'error', error: { id: 'ui.error.dueSoon', data: { max: DUE_SOON_MAX_DAYS } } });
        return Promise.resolve();
      }
      if (sheet !== state.sheet) dispatch({ type: 'setSheet', sheet });
      if (asOf !== state.asOf) dispatch({ type: 'setAsOf', asOf });
      if (dueSoonDays !== state.dueSoonDays) dispatch({ type: 'setDueSoonDays', days: dueSoonDays });
      return exclusive({ id: 'ui.busy.reading', data: { sheet } }, { id: 'ui.error.check', data: { sheet } }, () =>
        runCheck(sheet, asOf, dueSoonDays, columns),
      );
    },

    canCancel: () => runner.offThread && state.busy?.id === 'ui.busy.analyzing',
    cancelCheck() {
      if (controller.canCancel()) runner.cancel();
    },

    async setColumn(role, col) {
      const sheet = state.report?.name ?? state.sheet;
      if (!sheet || state.busy) return;
      const current: ColumnMap = { ...(state.settings.columns?.[sheet] ?? {}) };
      if (col === null) delete current[role];
      else current[role] = col;
      const columns = { ...(state.settings.columns ?? {}) };
      if (Object.keys(current).length > 0) columns[sheet] = current;
      else delete columns[sheet];
      busy('ui.busy.saving');
      await saveSettings({ ...state.settings, columns });
      dispatch({ type: 'busy', busy: null });
      if (state.report?.name === sheet) await controller.check(sheet);
    },

    applyMarks: () =>
      exclusive({ id: 'ui.busy.marking' }, { id: 'ui.error.mark' }, async () => {
        const report = state.report;
        if (!report || !lastRun) {
          dispatch({ type: 'error', error: { id: 'ui.error.noReport' } });
          return;
        }
        const plan = planMarks(report);
        await host.applyMarks(plan, lastRun.fingerprint);
        markedSheet = report.name;
        const rows = plan.rules.reduce((n, r) => n + r.rows.length, 0);
        dispatch({
          type: 'status',
          status: rows > 0 ? { id: 'ui.done.marked', data: { rows, sheet: report.name } } : { id: 'ui.done.markedNone' },
        });
      }),

    clearMarks() {
      const sheet = state.report?.name ?? state.sheet;
      if (!sheet) {
        dispatch({ type: 'error', error: { id: 'ui.error.noSheet' } });
        return Promise.resolve();
      }
      return exclusive({ id: 'ui.busy.unmarking' }, { id: 'ui.error.unmark' }, async () => {
        await host.clearMarks(sheet);
        if (markedSheet === sheet) markedSheet = null;
        dispatch({ type: 'status', status: { id: 'ui.done.unmarked', data: { sheet } } });
      });
    },

    writeSummary: () =>
      exclusive({ id: 'ui.busy.summary' }, { id: 'ui.error.summary' }, async () => {
        const report = state.report;
        if (!report) {
          dispatch({ type: 'error', error: { id: 'ui.error.noReport' } });
          return;
        }
        const result = await host.writeSummary(report, state.lang);
        dispatch({ type: 'status', status: { id: 'ui.done.summary', data: { sheets: result.sheets.join(', ') } } });
        const skipped = result.skipped.map((part): Notice =>
          hasMessage(`ui.degraded.${part}`) ? { id: `ui.degraded.${part}` } : { id: 'ui.degraded.other', data: { part } },
        );
        if (skipped.length > 0) dispatch({ type: 'degraded', notices: skipped });
      }),

    async selectFinding(finding) {
      const report = state.report;
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
    dismissError: () => dispatch({ type: 'dismissError' }),
    gather: createGatherStore(host),
    ...createDraftFlows({ host, getState: () => state, dispatch, exclusive }),
    ...createFixFlows({
      host,
      getState: () => state,
      dispatch,
      exclusive,
      lastFingerprint: () => (lastRun && state.report && lastRun.sheet === state.report.name ? lastRun.fingerprint : null),
      recheck: (sheet) => runCheck(sheet, state.asOf, state.dueSoonDays, undefined),
    }),
    track: createTrackFlows(
      host,
      () => state,
      async () => {
        if (state.sheet) await controller.check(state.sheet);
      },
      async () => {
        if (markedSheet && markedSheet === state.report?.name) await controller.applyMarks();
      },
    ),
  };
  return controller;
}
