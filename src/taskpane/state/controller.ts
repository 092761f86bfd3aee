/**
 * The task pane's controller (Script Lab's pattern: host calls outside components). It composes
 * the flows, each in its own module with its slice of the state: check.ts (the sheets, the check
 * and its runner, "Hủy", the findings' filter), marks.ts, summary.ts, settings.ts (as-of date,
 * due-soon window, language, saved settings), draft.ts, fix.ts, track.ts, gather.ts. It owns the
 * state, dispatch and the one-action-at-a-time runner; failures become catalogue notices.
 */
import { defaultRunner, type CheckRunner } from '../check-runner/runner';
import { todayIso } from '../../engine/workbook';
import type { Lang } from '../../engine/types';
import type { WorkbookHost } from '../../host/types';
import type { FlowContext, MessageData, Notice, PaneView } from './base';
import { createCheckFlows, type CheckFlows } from './check';
import { createDraftFlows, initialDraftState, type DraftFlows } from './draft';
import { errorNotice } from './errors';
import { createFixFlows, initialFixState, type FixFlows } from './fix';
import { createGatherStore, type GatherStore } from './gather';
import { createMarksFlows, type MarksFlows } from './marks';
import { createSettingsFlows, type SettingsFlows } from './settings';
import { initialState, reducer, type PaneAction, type PaneState } from './state';
import { createSummaryFlows, type SummaryFlows } from './summary';
import { createTrackFlows, type TrackFlows } from './track';

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

export interface Controller
  extends CheckFlows, MarksFlows, SummaryFlows, SettingsFlows, DraftFlows, FixFlows {
  /** "Gộp báo cáo" and "So sánh với bản trước" (issue 13): their own small store (gather.ts). */
  gather?: GatherStore;
  getState(): PaneState;
  subscribe(listener: () => void): () => void;
  dismissError(): void;
  /** Tracking columns and reminder letters (issue 12): their own small store. */
  track: TrackFlows;
}

export function createController(
  host: WorkbookHost,
  clock: Clock = systemClock,
  options: ControllerOptions = {},
): Controller {
  let state = initialState(clock.today(), options.lang ?? 'vi', options.view ?? 'check');
  state = { ...state, draft: initialDraftState(host), fix: initialFixState(host) };
  const listeners = new Set<() => void>();

  const dispatch = (action: PaneAction) => {
    state = reducer(state, action);
    for (const l of [...listeners]) l();
  };
  const fail = (error: unknown, fallback: string, data?: MessageData) =>
    dispatch({ type: 'error', error: errorNotice(error, fallback, data) });

  /** Run one exclusive action: refused while another runs; any failure becomes `fallback`. */
  async function exclusive(
    label: Notice,
    fallback: Notice,
    work: () => Promise<void>,
  ): Promise<void> {
    if (state.busy) return;
    dispatch({ type: 'busy', busy: { id: label.id, data: label.data } });
    try {
      await work();
    } catch (e) {
      fail(e, fallback.id, fallback.data);
    } finally {
      dispatch({ type: 'busy', busy: null });
    }
  }

  const ctx: FlowContext<PaneState, PaneAction> = {
    host,
    getState: () => state,
    dispatch,
    exclusive,
    fail,
  };
  const check = createCheckFlows(ctx, options.runner ?? defaultRunner());
  const marks = createMarksFlows(ctx, check.lastRun);
  const settings = createSettingsFlows(ctx, {
    recheckLast: check.recheckLast,
    reportSheet: () => state.report?.name ?? state.sheet,
    async checkIfReported(sheet) {
      if (state.report?.name === sheet) await check.check(sheet);
    },
  });
  const {
    lastRun: _lastRun,
    runCheck: _runCheck,
    recheckLast: _recheckLast,
    ...checkFlows
  } = check;
  const { remark: _remark, ...marksFlows } = marks;

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dismissError: () => dispatch({ type: 'dismissError' }),
    ...checkFlows,
    ...marksFlows,
    ...createSummaryFlows(ctx),
    ...settings,
    gather: createGatherStore(host),
    ...createDraftFlows(ctx),
    ...createFixFlows({
      ctx,
      lastFingerprint: () => {
        const run = check.lastRun();
        return run && state.report && run.sheet === state.report.name ? run.fingerprint : null;
      },
      recheck: (sheet) => check.runCheck(sheet, state.asOf, state.dueSoonDays, undefined),
    }),
    track: createTrackFlows(
      host,
      () => state,
      async () => {
        if (state.sheet) await check.check(state.sheet);
      },
      marks.remark,
    ),
  };
}
