import { Button } from '@fluentui/react-components';
import { DeleteRegular, PaintBucketRegular, TableRegular } from '@fluentui/react-icons';
import { usePane } from './context';
import { usePaneStyles } from './styles';

/** "Tô màu", "Xóa tô màu" (the Theo dõi view). */
export function MarkActions() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const busy = state.busy !== null;
  const canMark = state.capabilities?.conditionalFormats !== false;
  return (
    <section className={styles.section} aria-labelledby="pc-actions">
      <h2 id="pc-actions" className={styles.heading}>
        {t('ui.actions.heading')}
      </h2>
      <p id="pc-mark-hint" className={styles.hint}>
        {t('ui.actions.markHint')}
      </p>
      {!state.report && <p className={styles.hint}>{t('ui.tab.noReport')}</p>}
      <div className={styles.row}>
        <Button
          icon={<PaintBucketRegular />}
          aria-describedby="pc-mark-hint"
          disabled={busy || !state.report || !canMark}
          onClick={() => void controller.applyMarks()}
        >
          {t('ui.actions.mark')}
        </Button>
        <Button
          icon={<DeleteRegular />}
          disabled={busy || !state.sheet || !canMark}
          onClick={() => void controller.clearMarks()}
        >
          {t('ui.actions.unmark')}
        </Button>
      </div>
    </section>
  );
}

/** "Tạo bảng tổng hợp" (the Báo cáo view). */
export function SummaryActions() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const busy = state.busy !== null;
  return (
    <section className={styles.section} aria-labelledby="pc-summary">
      <h2 id="pc-summary" className={styles.heading}>
        {t('ui.section.summary')}
      </h2>
      <p id="pc-summary-hint" className={styles.hint}>
        {t('ui.actions.summaryHint')}
      </p>
      {!state.report && <p className={styles.hint}>{t('ui.tab.noReport')}</p>}
      <div className={styles.row}>
        <Button
          appearance={state.view === 'summary' ? 'primary' : 'secondary'}
          icon={<TableRegular />}
          aria-describedby="pc-summary-hint"
          disabled={busy || !state.report}
          onClick={() => void controller.writeSummary()}
        >
          {t('ui.actions.summary')}
        </Button>
      </div>
    </section>
  );
}
