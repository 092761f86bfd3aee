/**
 * The settings flow: the as-of date, the due-soon window, the language and the settings saved in
 * the workbook (column corrections, the due-soon window, the language). Its slice, actions, reducer
 * and flows; re-checking after a change is the check flow's, handed in by the controller.
 */
import type { Lang, Role, ColumnMap } from '../../engine/types';
import type { WorkbookSettings } from '../../host/types';
import { DUE_SOON_DEFAULT_DAYS } from '../../engine/workbook';
import type { BaseAction, FlowContext, PaneBase } from './base';

export interface SettingsSlice {
  lang: Lang;
  /** ISO date the states are computed for. */
  asOf: string;
  dueSoonDays: number;
  settings: WorkbookSettings;
}

export type SettingsAction =
  | { type: 'setAsOf'; asOf: string }
  | { type: 'setDueSoonDays'; days: number }
  | { type: 'setLang'; lang: Lang }
  | { type: 'settings'; settings: WorkbookSettings };

/** The pane's default due-soon window (the workbook layer's, shared with the command line). */
export const DEFAULT_DUE_SOON_DAYS = DUE_SOON_DEFAULT_DAYS;

export function initialSettings(asOf: string, lang: Lang): SettingsSlice {
  return { lang, asOf, dueSoonDays: DEFAULT_DUE_SOON_DAYS, settings: {} };
}

export function settingsReducer(
  state: SettingsSlice,
  action: SettingsAction | BaseAction,
): Partial<SettingsSlice> | null {
  switch (action.type) {
    case 'sheetsLoaded':
      return {
        settings: action.settings,
        dueSoonDays: action.settings.dueSoonDays ?? state.dueSoonDays,
        lang: action.settings.lang ?? state.lang,
      };
    case 'setAsOf':
      return { asOf: action.asOf };
    case 'setDueSoonDays':
      return { dueSoonDays: action.days };
    case 'setLang':
      return { lang: action.lang };
    case 'settings':
      return { settings: action.settings };
    default:
      return null;
  }
}

export interface SettingsFlows {
  setAsOf(isoDate: string): void;
  setDueSoonDays(days: number): void;
  setLang(lang: Lang): Promise<void>;
  /** Correct (col = 0-based snapshot column) or reset (col = null) a role's column; saved in the workbook, then re-checked. */
  setColumn(role: Role, col: number | null): Promise<void>;
}

export interface SettingsDeps {
  /** Findings carry their message in the report's language: check the last sheet again. */
  recheckLast(): Promise<void>;
  /** The sheet the current report was made from (else the chosen one). */
  reportSheet(): string | null;
  /** Check the sheet again when the report is this sheet's. */
  checkIfReported(sheet: string): Promise<void>;
}

type SettingsPane = PaneBase & SettingsSlice;

/** Save settings; a failure is reported but does not stop the action that asked. */
export async function saveSettings(
  ctx: FlowContext<SettingsPane, SettingsAction>,
  next: WorkbookSettings,
): Promise<void> {
  ctx.dispatch({ type: 'settings', settings: next });
  try {
    await ctx.host.saveSettings(next);
  } catch {
    ctx.dispatch({ type: 'degraded', notices: [{ id: 'ui.error.saveSettings' }] });
  }
}

export function createSettingsFlows(
  ctx: FlowContext<SettingsPane, SettingsAction>,
  deps: SettingsDeps,
): SettingsFlows {
  const { getState, dispatch } = ctx;
  return {
    setAsOf: (asOf) => dispatch({ type: 'setAsOf', asOf }),
    setDueSoonDays: (days) => dispatch({ type: 'setDueSoonDays', days }),

    async setLang(lang) {
      if (lang === getState().lang) return;
      dispatch({ type: 'setLang', lang });
      await deps.recheckLast();
      await saveSettings(ctx, { ...getState().settings, lang });
    },

    async setColumn(role, col) {
      const state = getState();
      const sheet = deps.reportSheet();
      if (!sheet || state.busy) return;
      const current: ColumnMap = { ...(state.settings.columns?.[sheet] ?? {}) };
      if (col === null) delete current[role];
      else current[role] = col;
      const columns = { ...(state.settings.columns ?? {}) };
      if (Object.keys(current).length > 0) columns[sheet] = current;
      else delete columns[sheet];
      dispatch({ type: 'busy', busy: { id: 'ui.busy.saving' } });
      await saveSettings(ctx, { ...state.settings, columns });
      dispatch({ type: 'busy', busy: null });
      await deps.checkIfReported(sheet);
    },
  };
}
