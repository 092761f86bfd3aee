/**
 * Applying fixes from the pane (issue 10): the state of the "Sửa" view, its pure selectors and its
 * flows. Components only render these and call the controller.
 *
 * - previewFinding / previewRule open a preview: one item per finding, each with the fix chosen
 *   (the first of its fixes; the user may pick another choice, or leave the item out).
 * - fixPreviewPlan combines the chosen fixes (src/engine/fix-plan.ts): fixes touching a cell that an
 *   earlier chosen fix touches are shown as skipped, and are not written.
 * - applyFixes writes the plan's batch through the host (after its stale-sheet check), keeps the
 *   UndoRecords in the state, then checks the sheet again. undoFixes hands them back to the host,
 *   then checks again. The pane keeps the records itself: Excel may clear its own undo stack after
 *   an add-in writes.
 */
import { planFixes, rangeCells, type FixPlan } from '../../engine/fix-plan';
import type { Finding, Fix, SheetReport, Severity } from '../../engine/types';
import type { UndoRecord, WorkbookHost } from '../../host/types';
import { errorNotice } from './errors';
import { findingKey, SEVERITIES } from './selectors';
import type { BaseAction, FlowContext, MessageData, PaneBase, PaneView } from './base';
import type { CheckAction, CheckSlice } from './check';

export type PaneTab = 'check' | 'fix' | 'track' | 'report';
export const PANE_TABS: readonly PaneTab[] = ['check', 'fix', 'track', 'report'];

export interface FixPreviewItem {
  /** findingKey of the finding. */
  key: string;
  /** Index of the finding in the report. */
  index: number;
  /** Id of the chosen fix, or null: left out. */
  chosen: string | null;
}

export interface FixPreview {
  scope: 'finding' | 'rule';
  /** The rule code (of the finding, or of the group). */
  code: string;
  items: FixPreviewItem[];
}

export interface LastApply {
  sheet: string;
  records: UndoRecord[];
  fixes: number;
  cells: number;
}

export interface FixState {
  /** The host can write and undo edits: otherwise the view says so and offers nothing. */
  available: boolean;
  preview: FixPreview | null;
  /** What the last apply changed, for Hoàn tác (null: nothing to undo). */
  lastApply: LastApply | null;
}

export type FixAction =
  | { type: 'fix/tab'; tab: PaneTab }
  | { type: 'fix/preview'; preview: FixPreview | null }
  | { type: 'fix/choose'; key: string; fixId: string | null }
  | { type: 'fix/applied'; lastApply: LastApply | null };

export function initialFixState(host?: Pick<WorkbookHost, 'applyEdits' | 'undoEdits'>): FixState {
  return {
    available: typeof host?.applyEdits === 'function' && typeof host?.undoEdits === 'function',
    preview: null,
    lastApply: null,
  };
}

export function isFixAction(action: { type: string }): action is FixAction {
  return action.type.startsWith('fix/');
}

/** The fix flow's part of PaneState: the view shown (Kiểm tra · Sửa · Theo dõi · Báo cáo) and the "Sửa" view. */
export interface FixSlice {
  tab: PaneTab;
  fix: FixState;
}

export function initialFixSlice(
  view: PaneView,
  host?: Pick<WorkbookHost, 'applyEdits' | 'undoEdits'>,
): FixSlice {
  return { tab: view === 'summary' ? 'report' : 'check', fix: initialFixState(host) };
}

/** The fix slice's changes for an action (state.ts composes it; null: none). */
export function fixPaneReducer(
  state: FixSlice & Pick<PaneBase, 'sheet'>,
  action: FixAction | CheckAction | BaseAction,
): Partial<FixSlice> | null {
  switch (action.type) {
    case 'fix/tab':
      return { tab: action.tab };
    case 'fix/preview':
      return { fix: { ...state.fix, preview: action.preview } };
    case 'fix/choose': {
      const preview = state.fix.preview;
      if (!preview) return null;
      const items = preview.items.map((i) =>
        i.key === action.key ? { ...i, chosen: action.fixId } : i,
      );
      return { fix: { ...state.fix, preview: { ...preview, items } } };
    }
    case 'fix/applied':
      return { fix: { ...state.fix, lastApply: action.lastApply, preview: null } };
    // A preview points at a report's findings: another sheet or a new report closes it.
    case 'setSheet':
      return action.sheet === state.sheet ? null : { fix: { ...state.fix, preview: null } };
    case 'report':
      return { fix: { ...state.fix, preview: null } };
    default:
      return null;
  }
}

// ------------------------------------------------------------------ selectors

export interface FixableFinding {
  key: string;
  index: number;
  finding: Finding;
}

export interface FixRuleGroup {
  code: string;
  severity: Severity;
  items: FixableFinding[];
}

/** Findings with fixes, grouped by rule (errors' rules first), each group in sheet order. */
export function fixGroups(report: SheetReport | null): FixRuleGroup[] {
  if (!report) return [];
  const groups = new Map<string, FixRuleGroup>();
  report.findings.forEach((finding, index) => {
    if (!finding.fixes?.length) return;
    let g = groups.get(finding.code);
    if (!g)
      groups.set(finding.code, (g = { code: finding.code, severity: finding.severity, items: [] }));
    g.items.push({ key: findingKey(finding, index), index, finding });
  });
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const byPlace = (a: FixableFinding, b: FixableFinding) =>
    (a.finding.row ?? 0) - (b.finding.row ?? 0) || (a.finding.col ?? 0) - (b.finding.col ?? 0);
  return [...groups.values()]
    .map((g) => ({ ...g, items: [...g.items].sort(byPlace) }))
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.code.localeCompare(b.code));
}

/** Number of findings that carry a fix. */
const fixableOf = new WeakMap<SheetReport, number>();

/** How many findings offer a fix (counted once per report: the pane's tab label shows it on every render). */
export function fixableCount(report: SheetReport | null): number {
  if (!report) return 0;
  let n = fixableOf.get(report);
  if (n === undefined) {
    n = report.findings.filter((f) => f.fixes?.length).length;
    fixableOf.set(report, n);
  }
  return n;
}

export interface PreviewRow {
  item: FixPreviewItem;
  finding: Finding;
  fixes: Fix[];
  /** The chosen fix, or null. */
  fix: Fix | null;
  /** Set when the chosen fix will be skipped: the cells it shares, and the finding whose fix wins. */
  skipped: { cells: string[]; other: Finding | null } | null;
}

export interface PreviewView {
  rows: PreviewRow[];
  plan: FixPlan;
  /** Distinct cells the plan writes or merges. */
  cells: number;
}

/** What the preview shows and what Áp dụng would write. */
export function fixPreviewPlan(
  report: SheetReport | null,
  preview: FixPreview | null,
): PreviewView | null {
  if (!report || !preview) return null;
  const rows: PreviewRow[] = [];
  const ownerOf = new Map<Fix, Finding>();
  for (const item of preview.items) {
    const finding = report.findings[item.index];
    if (!finding?.fixes?.length) continue;
    const fix = finding.fixes.find((f) => f.id === item.chosen) ?? null;
    if (fix) ownerOf.set(fix, finding);
    rows.push({ item, finding, fixes: finding.fixes, fix, skipped: null });
  }
  const plan = planFixes(
    rows.flatMap((r) => (r.fix ? [r.fix] : [])),
    report.name,
  );
  for (const s of plan.skipped) {
    const row = rows.find((r) => r.fix === s.fix);
    if (row) row.skipped = { cells: s.cells, other: ownerOf.get(s.yieldsTo) ?? null };
  }
  const cells = plan.batches.reduce(
    (n, b) => n + new Set([...b.edits.map((e) => e.cell), ...b.merges.flatMap(rangeCells)]).size,
    0,
  );
  return { rows, plan, cells };
}

// ------------------------------------------------------------------ flows

export interface FixFlows {
  setTab(tab: PaneTab): void;
  /** Open the preview of one finding's fix (and show the Sửa view). */
  previewFinding(finding: Finding): void;
  /** Open the checklist preview of every fix of a rule. */
  previewRule(code: string): void;
  /** Choose a fix for an item of the preview, or leave it out (null). */
  chooseFix(key: string, fixId: string | null): void;
  closePreview(): void;
  /** Write the chosen edits, then check again. */
  applyFixes(): Promise<void>;
  /** Restore what the last apply changed, then check again. */
  undoFixes(): Promise<void>;
}

interface FixDeps {
  ctx: FlowContext<PaneBase & CheckSlice & FixSlice, FixAction>;
  /** The fingerprint of the sheet read the current report was made from (it guards the write). */
  lastFingerprint(): string | null;
  /** Check the sheet again (the controller's check, inside the running action). */
  recheck(sheet: string): Promise<void>;
}

const nameOf = (e: unknown) =>
  typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
const cellsOfError = (e: unknown) => {
  const cells = (e as { cells?: unknown }).cells;
  return Array.isArray(cells) ? cells.join(', ') : '';
};

export function createFixFlows(deps: FixDeps): FixFlows {
  const { host, getState, dispatch, exclusive } = deps.ctx;
  const fail = (id: string, data: MessageData) => dispatch({ type: 'error', error: { id, data } });

  function previewOf(
    items: FixableFinding[],
    scope: FixPreview['scope'],
    code: string,
  ): FixPreview {
    return {
      scope,
      code,
      items: items.map((i) => ({ key: i.key, index: i.index, chosen: i.finding.fixes![0].id })),
    };
  }

  return {
    setTab: (tab) => dispatch({ type: 'fix/tab', tab }),

    previewFinding(finding) {
      const report = getState().report;
      if (!report || !finding.fixes?.length) return;
      const index = report.findings.indexOf(finding);
      if (index < 0) return;
      dispatch({
        type: 'fix/preview',
        preview: previewOf(
          [{ key: findingKey(finding, index), index, finding }],
          'finding',
          finding.code,
        ),
      });
      dispatch({ type: 'fix/tab', tab: 'fix' });
    },

    previewRule(code) {
      const group = fixGroups(getState().report).find((g) => g.code === code);
      if (!group) return;
      dispatch({ type: 'fix/preview', preview: previewOf(group.items, 'rule', code) });
      dispatch({ type: 'fix/tab', tab: 'fix' });
    },

    chooseFix: (key, fixId) => dispatch({ type: 'fix/choose', key, fixId }),
    closePreview: () => dispatch({ type: 'fix/preview', preview: null }),

    applyFixes() {
      const state = getState();
      const view = fixPreviewPlan(state.report, state.fix.preview);
      const fingerprint = deps.lastFingerprint();
      if (!view || !state.report || fingerprint === null) {
        dispatch({ type: 'error', error: { id: 'ui.error.noReport' } });
        return Promise.resolve();
      }
      if (!host.applyEdits || view.plan.applied.length === 0) return Promise.resolve();
      const sheet = state.report.name;
      return exclusive(
        { id: 'ui.busy.fixing', data: { cells: view.cells } },
        { id: 'ui.error.fix', data: { sheet } },
        async () => {
          const records: UndoRecord[] = [];
          try {
            // One sheet per report: one batch, one write after the host's stale-sheet check.
            for (const batch of view.plan.batches)
              records.push(await host.applyEdits!(batch, fingerprint));
          } catch (e) {
            // Several batches (never more than one today): keep what was written, so it can be undone.
            if (records.length > 0)
              dispatch({
                type: 'fix/applied',
                lastApply: {
                  sheet,
                  records,
                  fixes: 0,
                  cells: records.reduce((n, r) => n + r.cells.length, 0),
                },
              });
            if (nameOf(e) === 'StaleSheetError') fail('ui.error.fixStale', { sheet });
            else if (nameOf(e) === 'EditsChangedError')
              fail('ui.error.fixChanged', { sheet, cells: cellsOfError(e) });
            else dispatch({ type: 'error', error: errorNotice(e, 'ui.error.fix', { sheet }) });
            return;
          }
          const cells = records.reduce((n, r) => n + r.cells.length, 0);
          dispatch({
            type: 'fix/applied',
            lastApply: { sheet, records, fixes: view.plan.applied.length, cells },
          });
          await deps.recheck(sheet);
          if (getState().error) return;
          const skipped = view.plan.skipped.length;
          dispatch({
            type: 'status',
            status: {
              id: skipped ? 'ui.done.fixedSkipped' : 'ui.done.fixed',
              data: { fixes: view.plan.applied.length, cells: view.cells, sheet, skipped },
            },
          });
        },
      );
    },

    undoFixes() {
      const last = getState().fix.lastApply;
      if (!last || !host.undoEdits) return Promise.resolve();
      const sheet = last.sheet;
      return exclusive(
        { id: 'ui.busy.undoing' },
        { id: 'ui.error.undo', data: { sheet } },
        async () => {
          try {
            for (const record of [...last.records].reverse()) await host.undoEdits!(record);
          } catch (e) {
            if (nameOf(e) === 'EditsChangedError')
              fail('ui.error.undoChanged', { sheet, cells: cellsOfError(e) });
            else dispatch({ type: 'error', error: errorNotice(e, 'ui.error.undo', { sheet }) });
            return;
          }
          dispatch({ type: 'fix/applied', lastApply: null });
          await deps.recheck(sheet);
          if (getState().error) return;
          dispatch({
            type: 'status',
            status: { id: 'ui.done.undone', data: { cells: last.cells, sheet } },
          });
        },
      );
    },
  };
}
