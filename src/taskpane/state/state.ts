/**
 * The task pane's state and its reducer. Pure: no host calls, no clock. The controller
 * (controller.ts) owns every flow and dispatches the actions below; components only read the state
 * and call the controller.
 */
import type { HostCapabilities, SheetInfo, WorkbookSettings } from '../../host/types';
import type { Lang, SheetReport, Severity } from '../../engine/types';
import { DUE_SOON_DEFAULT_DAYS } from '../../engine/workbook';
import { draftPaneReducer, initialDraftState, isDraftAction, type DraftAction, type DraftState } from './draft';
import { fixPaneReducer, initialFixState, isFixAction, type FixAction, type FixState, type PaneTab } from './fix';

export type MessageData = Record<string, string | number>;

/** Something to tell the user, as a catalogue id and its data (never raw text). */
export interface Notice {
  id: string;
  data?: MessageData;
}

/** One column of the checked sheet, for the column-mapping dropdowns. */
export interface HeaderColumn {
  /** 0-based snapshot column (what ColumnMap uses). */
  col: number;
  /** Column letter on the user's sheet. */
  letter: string;
  /** The header text (stacked header rows joined), '' when the column has none. */
  text: string;
}

export type PaneView = 'check' | 'summary';

export interface FindingFilter {
  severity: Severity | 'all';
  code: string | 'all';
}

export interface PaneState {
  lang: Lang;
  view: PaneView;
  /** Sheets the user may check (the add-in's own sheets left out). */
  sheets: SheetInfo[];
  /** False until the first loadSheets has finished. */
  loaded: boolean;
  sheet: string | null;
  /** ISO date the states are computed for. */
  asOf: string;
  dueSoonDays: number;
  capabilities: HostCapabilities | null;
  settings: WorkbookSettings;
  report: SheetReport | null;
  /** Columns of the checked sheet (for the column mapping). */
  header: HeaderColumn[];
  /** An action is running: its progress label. */
  busy: Notice | null;
  /** The last action failed. */
  error: Notice | null;
  /** The last action's result. */
  status: Notice | null;
  /** Lasting notices: what this host cannot do. */
  degraded: Notice[];
  filter: FindingFilter;
  /** Key of the finding last selected (see findingKey). */
  selected: string | null;
  /** "Tạo phụ lục từ văn bản" (see draft.ts). */
  draft: DraftState;
  /** The view shown: Kiểm tra · Sửa · Theo dõi · Báo cáo (fix.ts). */
  tab: PaneTab;
  /** The "Sửa" view: preview and the last apply, for undo (fix.ts). */
  fix: FixState;
}

/** The pane's default due-soon window (the workbook layer's, shared with the command line). */
export const DEFAULT_DUE_SOON_DAYS = DUE_SOON_DEFAULT_DAYS;

export function initialState(asOf: string, lang: Lang = 'vi', view: PaneView = 'check'): PaneState {
  return {
    lang,
    view,
    sheets: [],
    loaded: false,
    sheet: null,
    asOf,
    dueSoonDays: DEFAULT_DUE_SOON_DAYS,
    capabilities: null,
    settings: {},
    report: null,
    header: [],
    busy: null,
    error: null,
    status: null,
    degraded: [],
    filter: { severity: 'all', code: 'all' },
    selected: null,
    draft: initialDraftState(),
    tab: view === 'summary' ? 'report' : 'check',
    fix: initialFixState(),
  };
}

export type PaneAction =
  | { type: 'busy'; busy: Notice | null }
  | {
      type: 'sheetsLoaded';
      sheets: SheetInfo[];
      sheet: string | null;
      capabilities: HostCapabilities;
      settings: WorkbookSettings;
      degraded: Notice[];
    }
  | { type: 'setSheet'; sheet: string }
  | { type: 'setAsOf'; asOf: string }
  | { type: 'setDueSoonDays'; days: number }
  | { type: 'setLang'; lang: Lang }
  | { type: 'settings'; settings: WorkbookSettings }
  | { type: 'report'; report: SheetReport; header: HeaderColumn[] }
  | { type: 'error'; error: Notice }
  | { type: 'status'; status: Notice | null }
  | { type: 'degraded'; notices: Notice[] }
  | { type: 'dismissError' }
  | { type: 'setFilter'; filter: Partial<FindingFilter> }
  | { type: 'selected'; key: string }
  | DraftAction
  | FixAction;

function addNotices(list: Notice[], more: Notice[]): Notice[] {
  const out = [...list];
  for (const n of more) if (!out.some((o) => o.id === n.id)) out.push(n);
  return out;
}

export function reducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'busy':
      // Starting an action clears the previous outcome.
      return action.busy
        ? { ...state, busy: action.busy, error: null, status: null }
        : { ...state, busy: null };
    case 'sheetsLoaded':
      return {
        ...state,
        loaded: true,
        sheets: action.sheets,
        sheet: action.sheet,
        capabilities: action.capabilities,
        settings: action.settings,
        dueSoonDays: action.settings.dueSoonDays ?? state.dueSoonDays,
        lang: action.settings.lang ?? state.lang,
        degraded: addNotices([], action.degraded),
      };
    case 'setSheet':
      if (action.sheet === state.sheet) return state;
      // A report belongs to one sheet: choosing another one drops it.
      return { ...state, sheet: action.sheet, report: null, header: [], selected: null, status: null, fix: { ...state.fix, preview: null } };
    case 'setAsOf':
      return { ...state, asOf: action.asOf };
    case 'setDueSoonDays':
      return { ...state, dueSoonDays: action.days };
    case 'setLang':
      return { ...state, lang: action.lang };
    case 'settings':
      return { ...state, settings: action.settings };
    case 'report': {
      const codes = new Set(action.report.findings.map((f) => f.code));
      const filter = state.filter.code !== 'all' && !codes.has(state.filter.code) ? { ...state.filter, code: 'all' } : state.filter;
      // A preview points at the previous report's findings: a new report closes it.
      return { ...state, report: action.report, header: action.header, selected: null, filter, fix: { ...state.fix, preview: null } };
    }
    case 'error':
      return { ...state, error: action.error, status: null };
    case 'status':
      return { ...state, status: action.status };
    case 'degraded':
      return { ...state, degraded: addNotices(state.degraded, action.notices) };
    case 'dismissError':
      return { ...state, error: null };
    case 'setFilter':
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case 'selected':
      return { ...state, selected: action.key };
    default:
      if (isFixAction(action)) return fixPaneReducer(state, action);
      return isDraftAction(action) ? draftPaneReducer(state, action) : state;
  }
}
