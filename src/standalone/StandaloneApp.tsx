/**
 * The standalone page: the task pane (the same <App>, controller and components as inside Excel)
 * next to the workbook, which lives in the browser (StandaloneHost over ExcelJS). The user opens an
 * .xlsx (button or drag and drop) or the bundled sample; sees the sheet with the marks drawn, the
 * own sheets (summary tables and a chart); and downloads the checked workbook. Nothing is uploaded:
 * the only requests are for this page's own files (the sample, the script chunks).
 */
import {
  Button,
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTableRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { SAMPLE_FILE_NAME, SAMPLE_URL, StandaloneHost } from '../adapters/standalone';
import { WorkbookReadError } from '../adapters/xlsx/read';
import type { Lang } from '../engine/types';
import { hasMessage, translator, type Translate } from '../messages';
import { CheckCancelledError, defaultRunner, ReadFailure, type CheckRunner } from '../taskpane/check-runner/runner';
import { App, type PaneTheme } from '../taskpane/components/App';
import { createController, systemClock, type Clock, type Controller } from '../taskpane/state/controller';
import type { Notice, PaneState, PaneView } from '../taskpane/state/state';
import { registerOffline, type OfflineUpdate } from './offline';
import { SheetPreview } from './SheetPreview';
import { SummaryChart } from './SummaryChart';

export interface StandaloneOptions {
  view?: PaneView;
  theme?: PaneTheme;
  lang?: Lang;
  clock?: Clock;
  /** Open the bundled sample at once (`npm start`, `?sample=1`). */
  sample?: boolean;
}

interface Session {
  host: StandaloneHost;
  controller: Controller;
  /** Where the session's checks run (its worker is ended when another file replaces it). */
  runner: CheckRunner;
  seq: number;
}

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  shell: {
    position: 'relative',
    display: 'flex',
    alignItems: 'stretch',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    '@media (max-width: 900px)': { flexDirection: 'column' },
  },
  pane: {
    flexShrink: 0,
    width: '420px',
    maxWidth: '100%',
    height: '100vh',
    overflowY: 'auto',
    boxSizing: 'border-box',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    '@media (max-width: 900px)': { width: '100%', height: 'auto', overflowY: 'visible', borderRight: 'none' },
  },
  workbook: {
    flexGrow: 1,
    minWidth: 0,
    height: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    '@media (max-width: 900px)': { height: 'auto', minHeight: '80vh' },
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  grow: { flexGrow: 1 },
  start: {
    margin: 'auto',
    maxWidth: '40rem',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  dropZone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  overlay: {
    position: 'fixed',
    inset: 0,
    zIndex: 10,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: 'rgba(0, 0, 0, 0.55)',
    color: '#ffffff',
    pointerEvents: 'none',
  },
  hidden: { display: 'none' },
  opening: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowX: 'auto', flexShrink: 0 },
});

/** The page is this app alone: no default body margin around the full-height layout. */
const usePageStyles = makeStaticStyles({ body: { margin: 0 } });

const noSubscribe = () => () => undefined;
const noState = () => null;

function readErrorNotice(error: unknown, file: string): Notice {
  // The same messages as `phancong check` gives for the same file (catalogue: read.error.*).
  if (error instanceof WorkbookReadError) return { id: `read.error.${error.reason}`, data: { ...error.data, file } };
  // The same reasons, from the read in the pane's worker (issue 17: under a deadline and a memory budget).
  if (error instanceof ReadFailure && error.reason && hasMessage(`read.error.${error.reason}`)) {
    return { id: `read.error.${error.reason}`, data: { ...error.data, file } };
  }
  return { id: 'standalone.error.open', data: { file } };
}

export function StandaloneApp({ view = 'check', theme = 'light', lang: initialLang = 'vi', clock = systemClock, sample = false }: StandaloneOptions) {
  usePageStyles();
  const styles = useStyles();
  const [session, setSession] = useState<Session | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<Notice | null>(null);
  const [status, setStatus] = useState<Notice | null>(null);
  const [update, setUpdate] = useState<OfflineUpdate | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const autoOpened = useRef(false);
  /** The worker reading the file being opened ("Hủy mở tệp" ends it). */
  const reader = useRef<CheckRunner | null>(null);

  const pane: PaneState | null = useSyncExternalStore(
    session ? session.controller.subscribe : noSubscribe,
    session ? session.controller.getState : noState,
  );
  const lang: Lang = pane?.lang ?? initialLang;
  const t = translator(lang);

  const open = useCallback(
    async (fileName: string, load: () => Promise<ArrayBuffer>, failure?: Notice) => {
      setOpening(fileName);
      setError(null);
      setStatus(null);
      const pageLang = session?.controller.getState().lang ?? lang;
      const read = defaultRunner();
      reader.current = read;
      try {
        const bytes = await load();
        // Read first in a worker under a deadline and a memory budget (a heavy file stops there).
        const host = await StandaloneHost.open(bytes, { fileName, lang: pageLang, guard: read.offThread ? (b) => read.read(b, pageLang) : undefined });
        const runner = defaultRunner();
        const controller = createController(host, clock, { view, lang: pageLang, runner });
        seq.current += 1;
        session?.runner.dispose();
        setSession({ host, controller, runner, seq: seq.current });
        void controller.start();
      } catch (e) {
        if (e instanceof CheckCancelledError) setStatus({ id: 'standalone.openCancelled', data: { file: fileName } });
        else setError(failure ?? readErrorNotice(e, fileName));
      } finally {
        read.dispose();
        reader.current = null;
        setOpening(null);
      }
    },
    [clock, view, lang, session],
  );

  const openSample = useCallback(
    () =>
      open(
        SAMPLE_FILE_NAME,
        async () => {
          const response = await fetch(SAMPLE_URL, { credentials: 'same-origin' });
          if (!response.ok) throw new Error(`sample: HTTP ${response.status}`);
          return response.arrayBuffer();
        },
        { id: 'standalone.error.sample' },
      ),
    [open],
  );

  const openFile = useCallback((file: File | undefined | null) => file && open(file.name, () => file.arrayBuffer()), [open]);

  // Offline use and new-version notices (production builds, standalone page only).
  useEffect(() => {
    void registerOffline(setUpdate);
  }, []);

  useEffect(() => {
    if (sample && !autoOpened.current) {
      autoOpened.current = true;
      void openSample();
    }
  }, [sample, openSample]);

  const onDragOver = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer.files?.[0]);
  };

  const download = async () => {
    if (!session || !pane?.report) return;
    setError(null);
    try {
      const file = await session.host.download(pane.report, pane.lang, t('standalone.checkedSuffix'));
      setStatus({ id: 'standalone.downloaded', data: { file } });
    } catch {
      setError({ id: 'standalone.error.download' });
    }
  };

  const buttons = (
    <>
      <input
        ref={fileInput}
        className={styles.hidden}
        type="file"
        accept={XLSX_ACCEPT}
        aria-label={t('standalone.open')}
        data-testid="file-input"
        onChange={(e) => {
          void openFile(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <Button icon={<FolderOpenRegular />} appearance={session ? 'secondary' : 'primary'} disabled={opening !== null} onClick={() => fileInput.current?.click()}>
        {t('standalone.open')}
      </Button>
      <Button icon={<DocumentTableRegular />} disabled={opening !== null} onClick={() => void openSample()}>
        {t('standalone.sample')}
      </Button>
    </>
  );

  const messages = (
    <>
      {update && (
        <MessageBar intent="info" data-notice="standalone.update.available">
          <MessageBarBody>{t('standalone.update.available')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => update.apply()}>
              {t('standalone.update.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {opening && (
        <div className={styles.opening}>
          <Spinner size="tiny" label={t('standalone.opening', { file: opening })} role="status" />
          {reader.current?.offThread && (
            <Button size="small" onClick={() => reader.current?.cancel()}>
              {t('standalone.cancelOpen')}
            </Button>
          )}
        </div>
      )}
      {error && (
        <MessageBar intent="error" data-notice={error.id}>
          <MessageBarBody>{t(error.id, error.data)}</MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar intent="success" data-notice={status.id}>
          <MessageBarBody>{t(status.id, status.data)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang}>
      <div className={styles.shell} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop} data-standalone={session ? 'workbook' : 'start'}>
        {session ? (
          <>
            <div className={styles.pane}>
              <App key={session.seq} controller={session.controller} theme={theme} />
            </div>
            <section className={styles.workbook} aria-labelledby="pc-wb-title">
              <div className={styles.toolbar}>
                <h2 id="pc-wb-title" className={styles.heading}>
                  {t('standalone.fileLabel', { file: session.host.preview().fileName })}
                </h2>
                <span className={styles.grow} />
                {buttons}
                <Button
                  icon={<ArrowDownloadRegular />}
                  appearance="primary"
                  aria-describedby="pc-download-hint"
                  disabled={!pane?.report || pane.busy !== null || opening !== null}
                  onClick={() => void download()}
                >
                  {t('standalone.download')}
                </Button>
              </div>
              <p id="pc-download-hint" className={styles.note}>
                {pane?.report ? t('standalone.downloadHint') : t('standalone.downloadNeedsCheck')} {t('standalone.privacy')}
              </p>
              {messages}
              <Workbook host={session.host} t={t} />
            </section>
          </>
        ) : (
          <main className={styles.start} aria-labelledby="pc-start-title">
            <h1 id="pc-start-title" className={styles.title}>
              {t('standalone.title')}
            </h1>
            <p>{t('standalone.intro')}</p>
            <div className={styles.toolbar}>{buttons}</div>
            <div className={styles.dropZone}>{t('standalone.drop')}</div>
            <p className={styles.note}>{t('standalone.privacy')}</p>
            {messages}
          </main>
        )}
        {dragging && (
          <div className={styles.overlay} aria-hidden="true">
            {t('standalone.dropActive')}
          </div>
        )}
      </div>
    </FluentProvider>
  );
}

/** Sheet tabs, the summary chart (on the summary sheet), and the sheet preview. */
function Workbook({ host, t }: { host: StandaloneHost; t: Translate }) {
  const styles = useStyles();
  const preview = useSyncExternalStore(host.subscribe, host.preview);
  const names = host.sheetNames();
  const showChart = preview.summary !== null && host.ownKind(preview.sheet) === 'summary';
  return (
    <>
      <TabList
        size="small"
        selectedValue={preview.sheet}
        onTabSelect={(_, data) => host.showSheet(String(data.value))}
        aria-label={t('standalone.sheets')}
        data-version={preview.version}
      >
        {names.map((name) => (
          <Tab key={name} value={name} data-sheet-tab={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      {showChart && preview.summary && (
        <div className={styles.summary}>
          <SummaryChart report={preview.summary.report} t={translator(preview.summary.lang)} />
        </div>
      )}
      <SheetPreview host={host} preview={preview} t={t} />
    </>
  );
}
