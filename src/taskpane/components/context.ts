/** What every pane component reads: the controller to call, the state to render, the translator. */
import { createContext, useContext } from 'react';
import type { Translate } from '../../messages';
import type { Controller } from '../state/controller';
import type { PaneState } from '../state/state';

export interface PaneContextValue {
  controller: Controller;
  state: PaneState;
  t: Translate;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePane outside <App>');
  return value;
}
