/**
 * The standalone page: the task pane (the same <App>, controller and components as inside Excel)
 * next to the workbook, which lives in the browser (StandaloneHost over ExcelJS). The user opens an
 * .xlsx (button or drag and drop) or the bundled sample; sees the sheet with the marks drawn, the
 * own sheets (summary tables and a chart); and downloads the checked workbook. Nothing is uploaded:
 * the only requests are for this page's own files (the sample, the script chunks). The session's
 * flows (open, read, download) live in session.ts; this component only renders them.
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
import {
  ArrowDownloadRegular,
  DocumentTableRegular,
  FolderOpenRegular,
} from '@fluentui/react-icons';
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type DragEvent,
} from 'react';
import type { StandaloneHost } from '../adapters/standalone';
import type { Lang } from '../engine/types';
import { translator, type Translate } from '../messages';
import { App, type PaneTheme } from '../taskpane/components/App';
import type { Clock } from '../taskpane/state/controller';
import type { PaneState, PaneView } from '../taskpane/state/state';
import { registerOffline, type OfflineUpdate } from './offline';
import { createSessionStore } from './session';
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
    '@media (max-width: 900px)': {
      width: '100%',
      height: 'auto',
      overflowY: 'visible',
      borderRight: 'none',
    },
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
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
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
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    overflowX: 'auto',
    flexShrink: 0,
  },
});

/** The page is this app alone: no default body margin around the full-height layout. */
const usePageStyles = makeStaticStyles({ body: { margin: 0 } });

const noSubscribe = () => () => undefined;
const noState = () => null;

export function StandaloneApp({
  view = 'check',
  theme = 'light',
  lang: initialLang = 'vi',
  clock,
  sample = false,
}: StandaloneOptions) {
  usePageStyles();
  const styles = useStyles();
  // One session store for the page's life (its options are the page's first ones).
  const [store] = useState(() => createSessionStore({ view, lang: initialLang, clock }));
  const { session, opening, cancellable, error, status } = useSyncExternalStore(
    store.subscribe,
    store.getState,
  );
  const [update, setUpdate] = useState<OfflineUpdate | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const autoOpened = useRef(false);

  const pane: PaneState | null = useSyncExternalStore(
    session ? session.controller.subscribe : noSubscribe,
    session ? session.controller.getState : noState,
  );
  const lang: Lang = pane?.lang ?? initialLang;
  // One translator per language: the workbook view (memo) is not drawn again for every pane change.
  const t = useMemo(() => translator(lang), [lang]);

  // Offline use and new-version notices (production builds, standalone page only).
  useEffect(() => {
    void registerOffline(setUpdate);
  }, []);

  useEffect(() => {
    if (sample && !autoOpened.current) {
      autoOpened.current = true;
      void store.openSample();
    }
  }, [sample, store]);

  const onDragOver = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node | null))
      setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void store.openFile(e.dataTransfer.files?.[0]);
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
          void store.openFile(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <Button
        icon={<FolderOpenRegular />}
        appearance={session ? 'secondary' : 'primary'}
        disabled={opening !== null}
        onClick={() => fileInput.current?.click()}
      >
        {t('standalone.open')}
      </Button>
      <Button
        icon={<DocumentTableRegular />}
        disabled={opening !== null}
        onClick={() => void store.openSample()}
      >
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
          {cancellable && (
            <Button size="small" onClick={() => store.cancelOpen()}>
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
      <div
        className={styles.shell}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        data-standalone={session ? 'workbook' : 'start'}
      >
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
                  onClick={() => void store.download()}
                >
                  {t('standalone.download')}
                </Button>
              </div>
              <p id="pc-download-hint" className={styles.note}>
                {pane?.report ? t('standalone.downloadHint') : t('standalone.downloadNeedsCheck')}{' '}
                {t('standalone.privacy')}
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

/**
 * Sheet tabs, the summary chart (on the summary sheet), and the sheet preview: drawn again when the
 * workbook or the language changes, not with every change of the pane's state (a check's progress).
 */
const Workbook = memo(function Workbook({ host, t }: { host: StandaloneHost; t: Translate }) {
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
});
