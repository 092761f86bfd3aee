import { Button, Dropdown, Field, mergeClasses, Option } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import type { Finding, Severity } from '../../engine/types';
import { hasMessage } from '../../messages';
import { groupFindings, ruleCodes, SEVERITIES } from '../state/selectors';
import { usePane } from './context';
import { usePaneStyles } from './styles';

const ALL = 'all';

/** Findings grouped by severity and rule; each one with a cell is a button that selects the cell. */
export function FindingsList() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const report = state.report;
  if (!report) return null;
  const { filter } = state;
  const groups = groupFindings(report.findings, filter);
  const codes = ruleCodes(report.findings);
  const ruleName = (code: string) => (hasMessage(`rule.${code}`) ? t(`rule.${code}`) : code);
  const severityText = (s: Severity | typeof ALL) => (s === ALL ? t('ui.findings.allSeverities') : t(`severity.${s}`));
  const ruleText = (code: string) => {
    if (code === ALL) return t('ui.findings.allRules');
    const found = codes.find((c) => c.code === code);
    return t('ui.findings.rule', { code: ruleName(code), count: found?.count ?? 0 });
  };
  const message = (f: Finding) => (hasMessage(f.messageId) ? t(f.messageId, f.data) : f.message);
  const canFix = state.fix.available;

  return (
    <section className={styles.section} aria-labelledby="pc-findings">
      <h2 id="pc-findings" className={styles.heading}>
        {t('ui.findings.heading', { count: report.findings.length })}
      </h2>
      {report.findings.length === 0 ? (
        <p>{t('ui.findings.none')}</p>
      ) : (
        <>
          <div className={styles.row}>
            <Field className={styles.grow} label={t('ui.findings.filterSeverity')}>
              <Dropdown
                value={severityText(filter.severity)}
                selectedOptions={[filter.severity]}
                onOptionSelect={(_, d) => d.optionValue && controller.setFilter({ severity: d.optionValue as Severity | typeof ALL })}
              >
                {[ALL, ...SEVERITIES].map((s) => (
                  <Option key={s} value={s}>
                    {severityText(s as Severity | typeof ALL)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field className={styles.grow} label={t('ui.findings.filterRule')}>
              <Dropdown
                value={ruleText(filter.code)}
                selectedOptions={[filter.code]}
                onOptionSelect={(_, d) => d.optionValue && controller.setFilter({ code: d.optionValue })}
              >
                {[ALL, ...codes.map((c) => c.code)].map((code) => (
                  <Option key={code} value={code}>
                    {ruleText(code)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          {groups.length === 0 && <p>{t('ui.findings.noneFiltered')}</p>}
          {groups.map((group) => (
            <section key={group.severity} className={styles.section} aria-labelledby={`pc-sev-${group.severity}`} data-severity={group.severity}>
              <h3 id={`pc-sev-${group.severity}`} className={styles.subheading}>
                {t('ui.findings.severityGroup', { severity: t(`severity.${group.severity}`), count: group.count })}
              </h3>
              {group.rules.map((rule) => (
                <div key={rule.code} role="group" aria-labelledby={`pc-rule-${group.severity}-${rule.code}`}>
                  <h4 id={`pc-rule-${group.severity}-${rule.code}`} className={styles.subheading}>
                    {t('ui.findings.rule', { code: ruleName(rule.code), count: rule.items.length })}
                  </h4>
                  <ul className={styles.list}>
                    {rule.items.map(({ key, finding }) => {
                      const text = message(finding);
                      const selected = state.selected === key;
                      // The suggestion is the button's description, not part of its name: the name
                      // ("Đi tới ô E9: …") then contains all of the button's visible text (WCAG 2.5.3).
                      const suggestionId = finding.suggestion ? `pc-suggestion-${key.replace(/[^\w-]/g, '_')}` : undefined;
                      const suggestion = finding.suggestion && (
                        <span id={suggestionId} className={styles.hint}>
                          {t('ui.findings.suggestion', { suggestion: finding.suggestion })}
                        </span>
                      );
                      return (
                        <li key={key} data-finding={finding.code}>
                          {finding.cell ? (
                            <>
                              <div className={styles.findingRow}>
                                <Button
                                  appearance="subtle"
                                  data-goto
                                  className={mergeClasses(styles.finding, styles.findingGrow, selected && styles.selected)}
                                  aria-label={t('ui.findings.goTo', { cell: finding.cell, message: text })}
                                  aria-describedby={suggestionId}
                                  aria-current={selected ? 'true' : undefined}
                                  // The icon slot is 20 px wide and centred: the address gets a slot as wide as it is
                                  // (in a 20 px slot its left part was cut off at the pane's edge).
                                  icon={{ className: styles.cellSlot, children: <span className={styles.cell} data-cell>{finding.cell}</span> }}
                                  onClick={() => void controller.selectFinding(finding)}
                                >
                                  <span className={styles.findingText}>{` ${text}`}</span>
                                </Button>
                                {canFix && finding.fixes?.length ? (
                                  <Button
                                    size="small"
                                    data-fix
                                    icon={<WrenchRegular />}
                                    aria-label={t('ui.fix.oneLabel', { cell: finding.cell })}
                                    disabled={state.busy !== null}
                                    onClick={() => controller.previewFinding(finding)}
                                  >
                                    {t('ui.findings.fix')}
                                  </Button>
                                ) : null}
                              </div>
                              {suggestion && <div className={styles.suggestion}>{suggestion}</div>}
                            </>
                          ) : (
                            <div className={styles.row}>
                              <span className={styles.cell}>{t('ui.findings.sheetLevel')}</span>
                              <span className={styles.findingText}>
                                <span>{text}</span>
                                {suggestion}
                              </span>
                            </div>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
