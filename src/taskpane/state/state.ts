/**
 * The task pane's state and its reducer, composed from the flows' slices. Pure: no host calls, no
 * clock. Each flow module owns its slice, its actions and its reducer (base.ts: the sheets and the
 * last action's outcome; settings.ts; check.ts; draft.ts; fix.ts); this module only puts them
 * together. The controller (controller.ts) composes the flows; components read the state and call
 * the controller.
 */
import type { Lang } from '../../engine/types';
import { baseReducer, initialBase, type BaseAction, type PaneBase, type PaneView } from './base';
import { checkReducer, initialCheck, type CheckAction, type CheckSlice } from './check';
import { draftPaneReducer, initialDraftState, type DraftAction, type DraftSlice } from './draft';
import { fixPaneReducer, initialFixSlice, type FixAction, type FixSlice } from './fix';
import {
  initialSettings,
  settingsReducer,
  type SettingsAction,
  type SettingsSlice,
} from './settings';

export type { FindingFilter, HeaderColumn, MessageData, Notice, PaneView } from './base';
export { DEFAULT_DUE_SOON_DAYS } from './settings';

export interface PaneState extends PaneBase, SettingsSlice, CheckSlice, DraftSlice, FixSlice {}

export type PaneAction = BaseAction | SettingsAction | CheckAction | DraftAction | FixAction;

export function initialState(asOf: string, lang: Lang = 'vi', view: PaneView = 'check'): PaneState {
  return {
    ...initialBase(view),
    ...initialSettings(asOf, lang),
    ...initialCheck(),
    draft: initialDraftState(),
    ...initialFixSlice(view),
  };
}

type SliceReducer = (state: PaneState, action: PaneAction) => Partial<PaneState> | null;

/**
 * A flow's reducer, as the composition calls it: it reads the slices it names and answers null for
 * the actions it does not know (each one's `default`), so handing it any action is safe.
 */
const slice = <S, A>(reduce: (state: S, action: A) => Partial<PaneState> | null): SliceReducer =>
  reduce as unknown as SliceReducer;

const SLICES: SliceReducer[] = [
  slice(baseReducer),
  slice(settingsReducer),
  slice(checkReducer),
  slice(draftPaneReducer),
  slice(fixPaneReducer),
];

export function reducer(state: PaneState, action: PaneAction): PaneState {
  // Every slice reads the state as it was before the action; their changes do not overlap.
  let next: PaneState | null = null;
  for (const reduce of SLICES) {
    const change = reduce(state, action);
    if (change) next = { ...(next ?? state), ...change };
  }
  return next ?? state;
}
