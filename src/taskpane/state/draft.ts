/**
 * "Tạo phụ lục từ văn bản": the pane's state and flows for drafting an appendix from a plan's text.
 *
 * - The text comes from the box (setDraftText) or from a column of a sheet (draftFromColumn, through
 *   the host's optional readColumnText).
 * - draftFromText runs the engine's extractPlan here, in the pane (no host call), and publishes a
 *   preview: counts, the tasks found (TT, task, lead, support, deadline), the lines it could not
 *   place and the sections it did not read.
 * - createAppendix hands the previewed draft to the host's optional writeAppendix (a new sheet, never
 *   over an existing one), refreshes the sheet list and remembers the new sheet, so the pane can
 *   offer to check it.
 *
 * The slice's reducer (draftPaneReducer) is composed in state.ts; the flows (createDraftFlows) in
 * controller.ts, which passes its FlowContext (base.ts).
 */
import { extractPlan, type PlanDraft, type UnplacedLine } from '../../engine/plan-text/extract';
import type { SheetInfo, WorkbookHost } from '../../host/types';
import type { BaseAction, FlowContext, Notice, PaneBase } from './base';
import type { SettingsSlice } from './settings';

export interface DraftPreviewTask {
  tt: string;
  task: string;
  lead: string | null;
  support: string | null;
  deadline: string | null;
}

export interface DraftPreview {
  tasks: number;
  groups: number;
  sections: number;
  planYear: number | null;
  title: string | null;
  rows: DraftPreviewTask[];
  unplaced: UnplacedLine[];
  /** Sections not read ("I. MỤC ĐÍCH, YÊU CẦU"). */
  skipped: { label: string; title: string }[];
}

export interface DraftState {
  /** The host can create the appendix sheet (writeAppendix): otherwise the panel is hidden. */
  available: boolean;
  /** The host can read a column's text (readColumnText). */
  columnAvailable: boolean;
  /** The text in the box. */
  text: string;
  preview: DraftPreview | null;
  /** The sheet the last createAppendix made (offered for checking). */
  created: string | null;
}

export type DraftAction =
  | { type: 'draft/text'; text: string }
  | { type: 'draft/preview'; preview: DraftPreview | null }
  | { type: 'draft/created'; sheet: string | null }
  /** The sheet list after a new sheet was added (nothing else of the pane changes). */
  | { type: 'draft/sheets'; sheets: SheetInfo[] };

export function initialDraftState(
  host?: Pick<WorkbookHost, 'writeAppendix' | 'readColumnText'>,
): DraftState {
  return {
    available: typeof host?.writeAppendix === 'function',
    columnAvailable:
      typeof host?.writeAppendix === 'function' && typeof host?.readColumnText === 'function',
    text: '',
    preview: null,
    created: null,
  };
}

export function isDraftAction(action: { type: string }): action is DraftAction {
  return action.type.startsWith('draft/');
}

/** The draft flow's part of PaneState. */
export interface DraftSlice {
  /** "Tạo phụ lục từ văn bản". */
  draft: DraftState;
}

/** The draft slice's changes for an action (state.ts composes it; null: none). */
export function draftPaneReducer(
  state: DraftSlice,
  action: DraftAction | BaseAction,
): Partial<DraftSlice & PaneBase> | null {
  if (!isDraftAction(action)) return null;
  if (action.type === 'draft/sheets') return { sheets: action.sheets };
  return { draft: draftReducer(state.draft, action) };
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'draft/text':
      return { ...state, text: action.text };
    case 'draft/preview':
      return { ...state, preview: action.preview, created: action.preview ? state.created : null };
    case 'draft/created':
      return { ...state, created: action.sheet };
    default:
      return state;
  }
}

/** What the preview shows of a draft. */
export function previewOf(draft: PlanDraft): DraftPreview {
  return {
    tasks: draft.tasks.length,
    groups: draft.groups.length,
    sections: Math.max(draft.sections.length, draft.tasks.length ? 1 : 0),
    planYear: draft.planYear,
    title: draft.title,
    rows: draft.tasks.map((t) => ({
      tt: t.tt,
      task: t.task,
      lead: t.leadText,
      support: t.supportText,
      deadline: t.deadlineText,
    })),
    unplaced: draft.unplaced.map((u) => ({ ...u })),
    skipped: draft.skipped.map((s) => ({ label: s.label, title: s.title })),
  };
}

export interface DraftFlows {
  /** The text in the box (kept in the state so a column read can fill it). */
  setDraftText(text: string): void;
  /** Read the plan text (default: the box's) and publish the preview. No host call. */
  draftFromText(text?: string): Promise<void>;
  /** Read the plan text from a column of a sheet ("B"), put it in the box, and preview it. */
  draftFromColumn(sheet: string, column: string): Promise<void>;
  /** Create the appendix sheet from the previewed draft; then offer to check it. */
  createAppendix(): Promise<void>;
  /** Drop the preview (the text stays). */
  clearDraft(): void;
}

/** The controller's context: host, state, dispatch, and its one-action-at-a-time runner. */
export type DraftDeps = FlowContext<
  PaneBase & Pick<SettingsSlice, 'lang'> & DraftSlice,
  DraftAction
>;

/** Let the pane paint the progress label before synchronous engine work. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const COLUMN_RE = /^[A-Za-z]{1,3}$/;

export function createDraftFlows({ host, getState, dispatch, exclusive }: DraftDeps): DraftFlows {
  /** The draft behind the preview (what createAppendix writes). */
  let current: PlanDraft | null = null;
  const error = (id: string, data?: Notice['data']) =>
    dispatch({ type: 'error', error: { id, data } });

  /** Extract, publish the preview and say how it went. */
  function preview(text: string): void {
    const draft = extractPlan(text);
    current = draft.tasks.length > 0 ? draft : null;
    dispatch({ type: 'draft/preview', preview: previewOf(draft) });
    if (draft.tasks.length === 0) error('ui.error.draftNoTasks');
    else
      dispatch({
        type: 'status',
        status: { id: 'ui.done.drafted', data: { tasks: draft.tasks.length } },
      });
  }

  const flows: DraftFlows = {
    setDraftText: (text) => dispatch({ type: 'draft/text', text }),

    draftFromText(text = getState().draft.text) {
      if (getState().busy) return Promise.resolve();
      if (text !== getState().draft.text) dispatch({ type: 'draft/text', text });
      if (!text.trim()) {
        error('ui.error.draftEmpty');
        return Promise.resolve();
      }
      return exclusive({ id: 'ui.busy.drafting' }, { id: 'ui.error.draft' }, async () => {
        await yieldToUi();
        preview(text);
      });
    },

    draftFromColumn(sheet, column) {
      const col = column.trim().toUpperCase();
      if (getState().busy || !host.readColumnText) return Promise.resolve();
      if (!COLUMN_RE.test(col)) {
        error('ui.error.column', { column });
        return Promise.resolve();
      }
      const data = { sheet, column: col };
      return exclusive(
        { id: 'ui.busy.readingColumn', data },
        { id: 'ui.error.readColumn', data },
        async () => {
          const text = await host.readColumnText!(sheet, col);
          dispatch({ type: 'draft/text', text });
          if (!text.trim()) {
            current = null;
            dispatch({ type: 'draft/preview', preview: null });
            error('ui.error.columnEmpty', data);
            return;
          }
          await yieldToUi();
          preview(text);
        },
      );
    },

    createAppendix() {
      if (getState().busy || !host.writeAppendix) return Promise.resolve();
      const draft = current;
      if (!draft) {
        error('ui.error.noDraft');
        return Promise.resolve();
      }
      return exclusive({ id: 'ui.busy.appendix' }, { id: 'ui.error.appendix' }, async () => {
        const { sheet } = await host.writeAppendix!(draft, getState().lang);
        dispatch({ type: 'draft/created', sheet });
        dispatch({
          type: 'status',
          status: { id: 'ui.done.appendix', data: { sheet, tasks: draft.tasks.length } },
        });
        // The new sheet joins the list (to check it); a failure here does not undo the sheet.
        try {
          dispatch({
            type: 'draft/sheets',
            sheets: (await host.listSheets()).filter((x) => !x.own),
          });
        } catch {
          // The list is refreshed on the next "Tải lại"; checking the new sheet still works by name.
        }
      });
    },

    clearDraft() {
      if (getState().busy) return;
      current = null;
      dispatch({ type: 'draft/preview', preview: null });
    },
  };
  return flows;
}
