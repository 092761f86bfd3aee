/**
 * The summary flow: write the checked sheet's summary sheets ("Viết tổng hợp") through the host,
 * and turn the parts the host could not write into lasting notices.
 */
import { hasMessage } from '../../messages';
import type { FlowContext, Notice, PaneBase } from './base';
import type { CheckSlice } from './check';
import type { SettingsSlice } from './settings';

export interface SummaryFlows {
  writeSummary(): Promise<void>;
}

export function createSummaryFlows(
  ctx: FlowContext<PaneBase & SettingsSlice & CheckSlice, never>,
): SummaryFlows {
  const { host, getState, dispatch, exclusive } = ctx;
  return {
    writeSummary: () =>
      exclusive({ id: 'ui.busy.summary' }, { id: 'ui.error.summary' }, async () => {
        const { report, lang } = getState();
        if (!report) {
          dispatch({ type: 'error', error: { id: 'ui.error.noReport' } });
          return;
        }
        const result = await host.writeSummary(report, lang);
        dispatch({
          type: 'status',
          status: { id: 'ui.done.summary', data: { sheets: result.sheets.join(', ') } },
        });
        const skipped = result.skipped.map((part): Notice =>
          hasMessage(`ui.degraded.${part}`)
            ? { id: `ui.degraded.${part}` }
            : { id: 'ui.degraded.other', data: { part } },
        );
        if (skipped.length > 0) dispatch({ type: 'degraded', notices: skipped });
      }),
  };
}
