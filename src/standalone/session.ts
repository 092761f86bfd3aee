/**
 * The standalone page's session flows, outside the component: open a file (or the bundled sample),
 * read it first in a worker under a deadline and a memory budget ("Hủy mở tệp" ends it), give the
 * opened workbook its own controller and check runner (ending the previous file's), download the
 * checked workbook. A small store the page renders (StandaloneApp.tsx); failures become notices.
 */
import { SAMPLE_FILE_NAME, SAMPLE_URL, StandaloneHost } from '../adapters/standalone';
import { WorkbookReadError } from '../adapters/xlsx/read';
import type { Lang } from '../engine/types';
import { hasMessage, translator } from '../messages';
import {
  CheckCancelledError,
  defaultRunner,
  ReadFailure,
  type CheckRunner,
} from '../taskpane/check-runner/runner';
import {
  createController,
  systemClock,
  type Clock,
  type Controller,
} from '../taskpane/state/controller';
import type { Notice, PaneView } from '../taskpane/state/state';

/** One opened workbook: its host, the pane's controller over it, and where its checks run. */
export interface Session {
  host: StandaloneHost;
  controller: Controller;
  /** Where the session's checks run (its worker is ended when another file replaces it). */
  runner: CheckRunner;
  /** Counts the files opened (the pane is mounted afresh for each). */
  seq: number;
}

export interface SessionState {
  session: Session | null;
  /** The file being opened, or null. */
  opening: string | null;
  /** The open can be stopped ("Hủy mở tệp": its read runs in a worker). */
  cancellable: boolean;
  error: Notice | null;
  status: Notice | null;
}

export interface SessionOptions {
  view?: PaneView;
  lang?: Lang;
  clock?: Clock;
}

export interface SessionStore {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Open a workbook from its bytes; `failure` replaces the read's own message when loading fails. */
  open(fileName: string, load: () => Promise<ArrayBuffer>, failure?: Notice): Promise<void>;
  openFile(file: File | undefined | null): Promise<void>;
  openSample(): Promise<void>;
  /** "Hủy mở tệp": end the worker reading the file being opened. */
  cancelOpen(): void;
  /** Download the checked workbook (marks and summary sheets as the pane wrote them). */
  download(): Promise<void>;
  /** The page's language: the pane's once a file is open. */
  lang(): Lang;
}

function readErrorNotice(error: unknown, file: string): Notice {
  // The same messages as `phancong check` gives for the same file (catalogue: read.error.*).
  if (error instanceof WorkbookReadError)
    return { id: `read.error.${error.reason}`, data: { ...error.data, file } };
  // The same reasons, from the read in the pane's worker (issue 17: under a deadline and a memory budget).
  if (error instanceof ReadFailure && error.reason && hasMessage(`read.error.${error.reason}`)) {
    return { id: `read.error.${error.reason}`, data: { ...error.data, file } };
  }
  return { id: 'standalone.error.open', data: { file } };
}

export function createSessionStore({
  view = 'check',
  lang: initialLang = 'vi',
  clock = systemClock,
}: SessionOptions = {}): SessionStore {
  let state: SessionState = {
    session: null,
    opening: null,
    cancellable: false,
    error: null,
    status: null,
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<SessionState>) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  };
  let seq = 0;
  /** The worker reading the file being opened. */
  let reader: CheckRunner | null = null;
  /**
   * The worker for the next file, started with the page and warming the engine up meanwhile; it
   * reads the file and keeps its sheets, so that the checks need not send them back (runner.ts).
   */
  let spare: CheckRunner | null = defaultRunner();
  spare.warmUp(initialLang);
  const lang = (): Lang => state.session?.controller.getState().lang ?? initialLang;

  const store: SessionStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lang,

    async open(fileName, load, failure) {
      const pageLang = lang();
      // The same worker reads the file and then checks it (it holds the sheets it read).
      const runner = spare ?? defaultRunner();
      spare = null;
      reader = runner;
      set({ opening: fileName, cancellable: runner.offThread, error: null, status: null });
      let opened = false;
      try {
        const bytes = await load();
        // Read first in a worker under a deadline and a memory budget (a heavy file stops there).
        const host = await StandaloneHost.open(bytes, {
          fileName,
          lang: pageLang,
          guard: runner.offThread
            ? async (b) => {
                const sheets = await runner.read(b, pageLang);
                // The read stopped the warm-up: it goes on while the page builds its own copy of
                // the workbook (a second or so for a large file), and while the user looks at it.
                runner.warmUp(pageLang);
                return sheets;
              }
            : undefined,
          knownFingerprint: (snapshot) => runner.fingerprint(snapshot),
        });
        const controller = createController(host, clock, { view, lang: pageLang, runner });
        seq += 1;
        state.session?.runner.dispose();
        opened = true;
        set({ session: { host, controller, runner, seq } });
        void controller.start();
      } catch (e) {
        if (e instanceof CheckCancelledError)
          set({ status: { id: 'standalone.openCancelled', data: { file: fileName } } });
        else set({ error: failure ?? readErrorNotice(e, fileName) });
      } finally {
        // Not opened: the worker serves the next file (a cancelled one starts afresh on its next request).
        if (!opened) spare = runner;
        reader = null;
        set({ opening: null, cancellable: false });
      }
    },

    openFile: async (file) => {
      if (file) await store.open(file.name, () => file.arrayBuffer());
    },

    openSample: () =>
      store.open(
        SAMPLE_FILE_NAME,
        async () => {
          const response = await fetch(SAMPLE_URL, { credentials: 'same-origin' });
          if (!response.ok) throw new Error(`sample: HTTP ${response.status}`);
          return response.arrayBuffer();
        },
        { id: 'standalone.error.sample' },
      ),

    cancelOpen: () => reader?.cancel(),

    async download() {
      const session = state.session;
      const pane = session?.controller.getState();
      if (!session || !pane?.report) return;
      set({ error: null });
      try {
        const file = await session.host.download(
          pane.report,
          pane.lang,
          translator(pane.lang)('standalone.checkedSuffix'),
        );
        set({ status: { id: 'standalone.downloaded', data: { file } } });
      } catch {
        set({ error: { id: 'standalone.error.download' } });
      }
    },
  };
  return store;
}
