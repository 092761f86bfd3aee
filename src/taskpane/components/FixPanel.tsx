import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import {
  ArrowUndoRegular,
  CheckmarkRegular,
  DismissRegular,
  WrenchRegular,
} from '@fluentui/react-icons';
import { showCellValue } from '../../engine/fix-plan';
import type { CellValue, Finding, Fix } from '../../engine/types';
import { hasMessage } from '../../messages';
import { fixableCount, fixGroups, fixPreviewPlan, type PreviewRow } from '../state/fix';
import { usePane } from './context';
import { usePaneStyles } from './styles';

const safeId = (key: string) => key.replace(/[^\w-]/g, '_');

/** The "Sửa" view: findings with fixes by rule, the preview of the chosen edits, Áp dụng and Hoàn tác. */
export function FixPanel() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const report = state.report;
  const busy = state.busy !== null;
  const ruleName = (code: string) => (hasMessage(`rule.${code}`) ? t(`rule.${code}`) : code);
  const message = (f: Finding) => (hasMessage(f.messageId) ? t(f.messageId, f.data) : f.message);
  const last = state.fix.lastApply;

  if (!state.fix.available) return <p className={styles.hint}>{t('ui.fix.unavailable')}</p>;
  const groups = fixGroups(report);
  return (
    <section className={styles.section} aria-labelledby="pc-fix">
      <h2 id="pc-fix" className={styles.heading}>
        {t('ui.fix.heading', { count: fixableCount(report) })}
      </h2>
      {last && last.records.length > 0 && (
        <div className={styles.section}>
          <p id="pc-undo-hint" className={styles.hint}>
            {t('ui.fix.undoHint', { cells: last.cells, sheet: last.sheet })}
          </p>
          <div className={styles.row}>
            <Button
              icon={<ArrowUndoRegular />}
              aria-describedby="pc-undo-hint"
              disabled={busy}
              onClick={() => void controller.undoFixes()}
            >
              {t('ui.fix.undo')}
            </Button>
          </div>
        </div>
      )}
      {!report ? (
        <p className={styles.hint}>{t('ui.tab.noReport')}</p>
      ) : groups.length === 0 ? (
        <p>{t('ui.fix.none')}</p>
      ) : (
        <>
          <p className={styles.hint}>{t('ui.fix.hint')}</p>
          <FixPreview />
          {groups.map((group) => (
            <div
              key={group.code}
              role="group"
              aria-labelledby={`pc-fix-rule-${group.code}`}
              className={styles.section}
              data-fix-rule={group.code}
            >
              <div className={styles.fixGroupHead}>
                <h3 id={`pc-fix-rule-${group.code}`} className={styles.subheading}>
                  {t('ui.fix.rule', { rule: ruleName(group.code), count: group.items.length })}
                </h3>
                <Button
                  size="small"
                  icon={<WrenchRegular />}
                  aria-label={t('ui.fix.fixAllLabel', {
                    count: group.items.length,
                    rule: ruleName(group.code),
                  })}
                  disabled={busy}
                  onClick={() => controller.previewRule(group.code)}
                >
                  {t('ui.fix.fixAll', { count: group.items.length })}
                </Button>
              </div>
              <ul className={styles.list}>
                {group.items.map(({ key, finding }) => (
                  <li key={key} className={styles.fixItem} data-fixable={finding.code}>
                    <span className={styles.cell}>{finding.cell ?? '—'}</span>
                    <span className={styles.fixText}>{message(finding)}</span>
                    <Button
                      size="small"
                      aria-label={t('ui.fix.oneLabel', { cell: finding.cell ?? '—' })}
                      disabled={busy}
                      onClick={() => controller.previewFinding(finding)}
                    >
                      {t('ui.fix.one')}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

/** The preview: per finding, its choice(s) and each cell before → after; then Áp dụng / Đóng. */
function FixPreview() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const view = fixPreviewPlan(state.report, state.fix.preview);
  if (!view || !state.fix.preview) return null;
  const busy = state.busy !== null;
  const checklist = state.fix.preview.scope === 'rule';
  const fixText = (f: Fix) =>
    hasMessage(f.messageId) ? t(f.messageId, f.data) : t('ui.fix.generic');
  const findingText = (f: Finding) =>
    hasMessage(f.messageId) ? t(f.messageId, f.data) : f.message;
  const isEmpty = (v: CellValue) => showCellValue(v) === '';
  const shown = (v: CellValue) => (isEmpty(v) ? t('ui.fix.preview.empty') : showCellValue(v));

  const row = (r: PreviewRow) => {
    const id = safeId(r.item.key);
    const cell = r.finding.cell ?? '—';
    return (
      <li
        key={r.item.key}
        className={styles.previewItem}
        data-preview-item={r.finding.code}
        aria-labelledby={`pc-pv-${id}`}
      >
        {checklist ? (
          <Checkbox
            id={`pc-pv-${id}`}
            checked={r.fix !== null}
            disabled={busy}
            label={`${cell}: ${findingText(r.finding)}`}
            onChange={(_, d) => controller.chooseFix(r.item.key, d.checked ? r.fixes[0].id : null)}
          />
        ) : (
          <p id={`pc-pv-${id}`} className={styles.previewTitle}>
            <span className={styles.cell}>{cell}</span> {findingText(r.finding)}
          </p>
        )}
        {r.fixes.length > 1 && r.fix !== null ? (
          <RadioGroup
            aria-label={t('ui.fix.preview.choice', { cell })}
            value={r.fix.id}
            disabled={busy}
            onChange={(_, d) => controller.chooseFix(r.item.key, d.value)}
          >
            {r.fixes.map((f) => (
              <Radio key={f.id} value={f.id} label={fixText(f)} />
            ))}
          </RadioGroup>
        ) : (
          r.fix && <p className={styles.hint}>{fixText(r.fix)}</p>
        )}
        {r.fix && (r.fix.edits.length > 0 || (r.fix.merges?.length ?? 0) > 0) && (
          <table className={styles.editTable}>
            <thead>
              <tr>
                <th scope="col">{t('ui.fix.preview.cell')}</th>
                <th scope="col">{t('ui.fix.preview.before')}</th>
                <th scope="col">{t('ui.fix.preview.after')}</th>
              </tr>
            </thead>
            <tbody>
              {r.fix.edits.map((e) => (
                <tr key={`${e.sheet}!${e.cell}`} data-edit={e.cell}>
                  <td className={styles.cell}>{e.cell}</td>
                  <td>
                    {isEmpty(e.before) ? (
                      <span className={styles.hint}>{shown(e.before)}</span>
                    ) : (
                      <del className={styles.before}>{shown(e.before)}</del>
                    )}
                  </td>
                  <td>
                    {isEmpty(e.after) ? (
                      <span className={styles.hint}>{shown(e.after)}</span>
                    ) : (
                      <ins className={styles.after}>{shown(e.after)}</ins>
                    )}
                  </td>
                </tr>
              ))}
              {(r.fix.merges ?? []).map((m) => (
                <tr key={m} data-merge={m}>
                  <td className={styles.cell}>{m}</td>
                  <td colSpan={2}>{t('ui.fix.preview.merge', { range: m })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.skipped && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t('ui.fix.preview.skipped', {
                cells: r.skipped.cells.join(', '),
                other: r.skipped.other?.cell ?? '—',
              })}
            </MessageBarBody>
          </MessageBar>
        )}
      </li>
    );
  };

  return (
    <section
      className={styles.preview}
      aria-labelledby="pc-fix-preview"
      data-fix-preview={state.fix.preview.scope}
    >
      <h3 id="pc-fix-preview" className={styles.subheading}>
        {view.cells > 0
          ? t('ui.fix.preview.heading', { cells: view.cells })
          : t('ui.fix.preview.headingNone')}
      </h3>
      <ul className={styles.list}>{view.rows.map(row)}</ul>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<CheckmarkRegular />}
          disabled={busy || view.plan.applied.length === 0}
          onClick={() => void controller.applyFixes()}
        >
          {t('ui.fix.apply', { count: view.plan.applied.length })}
        </Button>
        <Button icon={<DismissRegular />} disabled={busy} onClick={() => controller.closePreview()}>
          {t('ui.fix.close')}
        </Button>
      </div>
    </section>
  );
}
