/**
 * The pane's shared vocabulary, a leaf every flow imports (it imports no flow): notices, the part
 * of the state no single flow owns (the sheet list, the chosen sheet, busy / error / status), its
 * actions and reducer, and what a flow is given by the controller (FlowContext). state.ts composes
 * the flows' slices into PaneState; controller.ts composes their flows.
 */
import type { HostCapabilities, SheetInfo, WorkbookHost, WorkbookSettings } from '../../host/types';
import type { Severity } from '../../engine/types';

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

/** The pane's common slice: the sheets, the chosen one, and what the last action says. */
export interface PaneBase {
  view: PaneView;
  /** Sheets the user may check (the add-in's own sheets left out). */
  sheets: SheetInfo[];
  /** False until the first loadSheets has finished. */
  loaded: boolean;
  sheet: string | null;
  capabilities: HostCapabilities | null;
  /** An action is running: its progress label. */
  busy: Notice | null;
  /** The last action failed. */
  error: Notice | null;
  /** The last action's result. */
  status: Notice | null;
  /** Lasting notices: what this host cannot do. */
  degraded: Notice[];
}

export type BaseAction =
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
  | { type: 'error'; error: Notice }
  | { type: 'status'; status: Notice | null }
  | { type: 'degraded'; notices: Notice[] }
  | { type: 'dismissError' };

export function initialBase(view: PaneView): PaneBase {
  return {
    view,
    sheets: [],
    loaded: false,
    sheet: null,
    capabilities: null,
    busy: null,
    error: null,
    status: null,
    degraded: [],
  };
}

function addNotices(list: Notice[], more: Notice[]): Notice[] {
  const out = [...list];
  for (const n of more) if (!out.some((o) => o.id === n.id)) out.push(n);
  return out;
}

/**
 * Each flow's reducer answers with the changes to its own slice (null: none) for the actions it
 * knows, reading the state as it was before the action; state.ts merges the answers.
 */
export function baseReducer(state: PaneBase, action: BaseAction): Partial<PaneBase> | null {
  switch (action.type) {
    case 'busy':
      // Starting an action clears the previous outcome.
      return action.busy ? { busy: action.busy, error: null, status: null } : { busy: null };
    case 'sheetsLoaded':
      return {
        loaded: true,
        sheets: action.sheets,
        sheet: action.sheet,
        capabilities: action.capabilities,
        degraded: addNotices([], action.degraded),
      };
    case 'setSheet':
      return action.sheet === state.sheet ? null : { sheet: action.sheet, status: null };
    case 'error':
      return { error: action.error, status: null };
    case 'status':
      return { status: action.status };
    case 'degraded':
      return { degraded: addNotices(state.degraded, action.notices) };
    case 'dismissError':
      return { error: null };
    default:
      return null;
  }
}

/** What the controller gives each flow: the host, the state, dispatch and the one-action-at-a-time runner. */
export interface FlowContext<S extends PaneBase, A extends { type: string }> {
  host: WorkbookHost;
  getState(): S;
  dispatch(action: A | BaseAction): void;
  /** Run one exclusive action: refused while another runs; busy label; any failure becomes `fallback`. */
  exclusive(label: Notice, fallback: Notice, work: () => Promise<void>): Promise<void>;
  /** Report a failure as a catalogue notice (errors.ts picks a specific one when it knows the error). */
  fail(error: unknown, fallback: string, data?: MessageData): void;
}
