/**
 * The marks flow: colour the checked sheet's rows by state and finding ("Tô màu"), clear them, and
 * keep them up to date after a live re-check. No slice of its own: it reads the report and says
 * how it went through the common status.
 */
import { planMarks } from '../../engine/marks';
import type { FlowContext, PaneBase } from './base';
import type { CheckSlice, LastRun } from './check';

export interface MarksFlows {
  applyMarks(): Promise<void>;
  clearMarks(): Promise<void>;
}

export interface MarksInternals {
  /** Marks again when the user marked the reported sheet in this session (the live re-check). */
  remark(): Promise<void>;
}

export function createMarksFlows(
  ctx: FlowContext<PaneBase & CheckSlice, never>,
  lastRun: () => LastRun | null,
): MarksFlows & MarksInternals {
  const { host, getState, dispatch, exclusive } = ctx;
  /** The sheet whose marks the user applied in this session (the live re-check keeps them up to date). */
  let markedSheet: string | null = null;

  const flows: MarksFlows & MarksInternals = {
    applyMarks: () =>
      exclusive({ id: 'ui.busy.marking' }, { id: 'ui.error.mark' }, async () => {
        const report = getState().report;
        const run = lastRun();
        if (!report || !run) {
          dispatch({ type: 'error', error: { id: 'ui.error.noReport' } });
          return;
        }
        const plan = planMarks(report);
        await host.applyMarks(plan, run.fingerprint);
        markedSheet = report.name;
        const rows = plan.rules.reduce((n, r) => n + r.rows.length, 0);
        dispatch({
          type: 'status',
          status:
            rows > 0
              ? { id: 'ui.done.marked', data: { rows, sheet: report.name } }
              : { id: 'ui.done.markedNone' },
        });
      }),

    clearMarks() {
      const state = getState();
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

    async remark() {
      if (markedSheet && markedSheet === getState().report?.name) await flows.applyMarks();
    },
  };
  return flows;
}
