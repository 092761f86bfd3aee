/**
 * The pane's tracking flows (issue 12), beside the controller's: "Thêm cột theo dõi" (plan, preview,
 * apply through the host, then a new check), and the reminder letters per agency (text to copy and
 * .docx bytes to download). Its own small store, so the controller's reducer stays as it is.
 */
import { analyzeSheet } from '../../engine/analyze';
import {
  planTrackingColumns,
  describeTrackingPlan,
  type TrackingPlan,
} from '../../engine/tracking-columns';
import { buildReminders, type AgencyReminder } from '../../engine/tracking';
import type { UndoRecord, WorkbookHost } from '../../host/types';
import { StaleSheetError, TrackingCellsBusyError } from '../../host/types';
import { letterContent, letterFileName, letterText } from '../../adapters/reminder-letter';
import { t } from '../../messages';
import type { PaneBase } from './base';
import type { CheckSlice } from './check';
import type { SettingsSlice } from './settings';

export interface TrackState {
  /** The planned columns and the preview sentence, or the reason nothing can be added. */
  preview: { plan: TrackingPlan; fingerprint: string; text: string } | null;
  message: { kind: 'info' | 'error' | 'success'; text: string } | null;
  busy: boolean;
  /** The sheet watched by the live re-check, or null. */
  live: string | null;
  /** Live re-checks run so far (for the pane and tests). */
  liveRuns: number;
  /** The tracking columns last added, while the host can take them back (undoTrackingColumns). */
  undo: { record: UndoRecord; plan: TrackingPlan } | null;
}

export interface TrackFlows {
  /** The host can add tracking columns. */
  readonly supported: boolean;
  /** The host can watch a sheet for edits (live re-check). */
  readonly canWatch: boolean;
  getState(): TrackState;
  subscribe(listener: () => void): () => void;
  /** Plan the tracking columns of the checked sheet (a fresh read) and show the preview. */
  previewTracking(): Promise<void>;
  /** Apply the previewed plan, then check the sheet again. */
  addTracking(): Promise<void>;
  cancelTracking(): void;
  /** Take back the tracking columns last added (hosts with undoTrackingColumns), then check again. */
  undoTracking(): Promise<void>;
  /** Watch the checked sheet and re-check it after each edit (a short pause first); off: stop. */
  setLive(on: boolean): Promise<void>;
  /** Resolves when no live re-check is pending or running (tests, benchmark). */
  settled(): Promise<void>;
  /** Lead agencies with overdue or due-soon tasks in the current report. */
  reminders(): AgencyReminder[];
  letterText(agency: string): string;
  letterFile(agency: string): Promise<{ name: string; bytes: Uint8Array }>;
}

/** Quiet time after the last edit before the live re-check runs (ms). */
export const LIVE_DEBOUNCE_MS = 400;

export function createTrackFlows(
  host: WorkbookHost,
  pane: () => PaneBase & SettingsSlice & Pick<CheckSlice, 'report'>,
  recheck: () => Promise<void>,
  remark: () => Promise<void> = async () => {},
  debounceMs = LIVE_DEBOUNCE_MS,
): TrackFlows {
  let state: TrackState = {
    preview: null,
    message: null,
    busy: false,
    live: null,
    liveRuns: 0,
    undo: null,
  };
  let stopWatch: (() => Promise<void>) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  /** After the quiet time: re-check (and re-mark) unless the pane is busy (then wait again). */
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (pane().busy !== null || state.busy || running) {
        schedule();
        return;
      }
      running = (async () => {
        try {
          await recheck();
          await remark();
        } finally {
          running = null;
          set({ liveRuns: state.liveRuns + 1 });
        }
      })();
    }, debounceMs);
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<TrackState>) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  };
  const lang = () => pane().lang;
  const reminderOf = (agency: string) => {
    const r = flows.reminders().find((x) => x.agency === agency);
    if (!r) throw new Error(`no reminder for ${agency}`);
    return r;
  };
  const content = (agency: string) => {
    const p = pane();
    return letterContent(reminderOf(agency), {
      lang: p.lang,
      asOf: p.asOf,
      planTitle: p.report?.name ?? '',
      dueSoonDays: p.dueSoonDays,
    });
  };

  const flows: TrackFlows = {
    supported: typeof host.addTrackingColumns === 'function',
    canWatch: typeof host.watchSheet === 'function',
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async previewTracking() {
      const p = pane();
      if (!p.sheet || !host.addTrackingColumns || state.busy) return;
      set({ busy: true, message: null, preview: null });
      try {
        const read = await host.readSheet(p.sheet);
        const report = analyzeSheet(read.snapshot, {
          asOf: p.asOf,
          dueSoonDays: p.dueSoonDays,
          lang: p.lang,
        });
        const res = planTrackingColumns(read.snapshot, report, { lang: p.lang });
        if (!res.ok)
          set({
            busy: false,
            message: { kind: res.error === 'nothing-to-add' ? 'info' : 'error', text: res.message },
          });
        else
          set({
            busy: false,
            preview: {
              plan: res.plan,
              fingerprint: read.fingerprint,
              text: describeTrackingPlan(res.plan, p.lang),
            },
          });
      } catch (e) {
        set({
          busy: false,
          message: {
            kind: 'error',
            text: t(lang(), 'ui.track.error', { reason: (e as Error)?.message ?? String(e) }),
          },
        });
      }
    },
    async addTracking() {
      const preview = state.preview;
      if (!preview || !host.addTrackingColumns || state.busy) return;
      set({ busy: true, message: null });
      try {
        const record = await host.addTrackingColumns(preview.plan, preview.fingerprint);
        set({
          busy: false,
          preview: null,
          undo: host.undoTrackingColumns ? { record, plan: preview.plan } : null,
          message: {
            kind: 'success',
            text: t(lang(), 'track.done', {
              count: preview.plan.columns.length,
              headers: preview.plan.columns.map((c) => c.header).join(', '),
              sheet: preview.plan.sheet,
              range: preview.plan.range,
            }),
          },
        });
        await recheck();
      } catch (e) {
        const text =
          e instanceof StaleSheetError
            ? t(lang(), 'ui.track.stale')
            : e instanceof TrackingCellsBusyError
              ? t(lang(), 'track.error.notEmpty', {
                  sheet: e.sheet,
                  cells: e.cells.slice(0, 5).join(', '),
                })
              : t(lang(), 'ui.track.error', { reason: (e as Error)?.message ?? String(e) });
        set({ busy: false, preview: null, message: { kind: 'error', text } });
      }
    },
    cancelTracking: () => set({ preview: null }),
    async undoTracking() {
      const undo = state.undo;
      if (!undo || !host.undoTrackingColumns || state.busy) return;
      set({ busy: true, message: null });
      try {
        await host.undoTrackingColumns(undo.record);
        const { plan } = undo;
        set({
          busy: false,
          undo: null,
          message: {
            kind: 'success',
            text: t(lang(), 'track.undone', {
              count: plan.columns.length,
              sheet: plan.sheet,
              range: plan.range,
            }),
          },
        });
        await recheck();
      } catch (e) {
        set({
          busy: false,
          message: {
            kind: 'error',
            text: t(lang(), 'ui.track.undoError', { reason: (e as Error)?.message ?? String(e) }),
          },
        });
      }
    },
    async setLive(on) {
      if (stopWatch) {
        const stop = stopWatch;
        stopWatch = null;
        if (timer) clearTimeout(timer);
        timer = null;
        await stop().catch(() => undefined);
      }
      const sheet = pane().sheet;
      if (!on || !sheet || !host.watchSheet) {
        set({ live: null });
        return;
      }
      stopWatch = await host.watchSheet(sheet, schedule);
      set({ live: stopWatch ? sheet : null });
    },
    async settled() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((r) => setTimeout(r, debounceMs / 4));
      }
    },
    reminders() {
      const p = pane();
      return p.report ? buildReminders(p.report.tasks, p.asOf) : [];
    },
    letterText: (agency) => letterText(content(agency)),
    async letterFile(agency) {
      const { reminderDocx } = await import('../../adapters/docx/reminder-docx');
      return { name: letterFileName(agency, lang()), bytes: await reminderDocx(content(agency)) };
    },
  };
  return flows;
}
