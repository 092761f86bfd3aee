import { useState, useSyncExternalStore } from 'react';
import { Button, MessageBar, MessageBarBody, Switch, Textarea } from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowUndoRegular,
  CopyRegular,
  TableAddRegular,
} from '@fluentui/react-icons';
import { usePane } from './context';
import { usePaneStyles } from './styles';

/** "Thêm cột theo dõi" with its preview (the Theo dõi view). */
export function TrackColumnsPanel() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const track = controller.track;
  const ts = useSyncExternalStore(track.subscribe, track.getState);
  const busy = state.busy !== null || ts.busy;
  return (
    <section className={styles.section} aria-labelledby="pc-track">
      <h2 id="pc-track" className={styles.heading}>
        {t('ui.track.heading')}
      </h2>
      <p id="pc-track-hint" className={styles.hint}>
        {t('ui.track.hint')}
      </p>
      {controller.track.canWatch && (
        <Switch
          checked={ts.live !== null}
          disabled={!state.report}
          label={ts.live ? t('ui.live.on', { sheet: ts.live }) : t('ui.live.label')}
          onChange={(_, d) => void track.setLive(d.checked)}
        />
      )}
      {ts.message && (
        <MessageBar
          intent={
            ts.message.kind === 'error'
              ? 'error'
              : ts.message.kind === 'success'
                ? 'success'
                : 'info'
          }
        >
          <MessageBarBody>{ts.message.text}</MessageBarBody>
        </MessageBar>
      )}
      {ts.preview ? (
        <>
          <p className={styles.hint} data-testid="pc-track-preview">
            {ts.preview.text}
          </p>
          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              disabled={busy}
              onClick={() => void track.addTracking()}
            >
              {t('ui.track.apply')}
            </Button>
            <Button disabled={busy} onClick={() => track.cancelTracking()}>
              {t('ui.track.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.row}>
          <Button
            icon={<TableAddRegular />}
            aria-describedby="pc-track-hint"
            disabled={busy || !state.sheet || !track.supported}
            onClick={() => void track.previewTracking()}
          >
            {t('ui.track.preview')}
          </Button>
          {ts.undo && (
            <Button
              icon={<ArrowUndoRegular />}
              disabled={busy}
              onClick={() => void track.undoTracking()}
            >
              {t('ui.track.undo')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/** The reminder letters per agency: download (.docx) or copy the text (the Báo cáo view). */
export function RemindersPanel() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const track = controller.track;
  const [shown, setShown] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const reminders = state.report ? track.reminders() : [];
  const download = async (agency: string) => {
    const { name, bytes } = await track.letterFile(agency);
    const blob = new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const copy = async (agency: string) => {
    setShown(agency);
    try {
      await navigator.clipboard.writeText(track.letterText(agency));
      setCopied(agency);
    } catch {
      setCopied(null); // the text stays shown below, to select and copy by hand
    }
  };
  return (
    <section className={styles.section} aria-labelledby="pc-remind">
      <h2 id="pc-remind" className={styles.heading}>
        {t('ui.remind.heading')}
      </h2>
      <p className={styles.hint}>{t('ui.remind.hint')}</p>
      {!state.report && <p className={styles.hint}>{t('ui.tab.noReport')}</p>}
      {state.report && !reminders.length && <p className={styles.hint}>{t('ui.remind.none')}</p>}
      <ul aria-label={t('ui.remind.heading')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {reminders.map((r) => {
          const name = r.agency || t('lead.none');
          return (
            <li key={r.agency} style={{ marginBottom: 8 }} data-testid="pc-remind-item">
              <div>
                <strong>{name}</strong> —{' '}
                {t('ui.remind.counts', { overdue: r.overdue, dueSoon: r.dueSoon })}
              </div>
              <div className={styles.row}>
                <Button
                  size="small"
                  icon={<ArrowDownloadRegular />}
                  aria-label={t('ui.remind.downloadFor', { agency: name })}
                  onClick={() => void download(r.agency)}
                >
                  {t('ui.remind.download')}
                </Button>
                <Button
                  size="small"
                  icon={<CopyRegular />}
                  aria-label={t('ui.remind.copyFor', { agency: name })}
                  onClick={() => void copy(r.agency)}
                >
                  {copied === r.agency ? t('ui.remind.copied') : t('ui.remind.copy')}
                </Button>
              </div>
              {shown === r.agency && (
                <Textarea
                  readOnly
                  resize="vertical"
                  aria-label={t('ui.remind.textFor', { agency: name })}
                  value={track.letterText(r.agency)}
                  style={{ width: '100%', minHeight: 160 }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
