import { Button, Dropdown, Field, mergeClasses, Option } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Finding, Lang, Severity } from '../../engine/types';
import { hasMessage, translator } from '../../messages';
import type { Controller } from '../state/controller';
import { groupFindings, ruleCodes, SEVERITIES, type FindingItem } from '../state/selectors';
import { usePane } from './context';
import { usePaneStyles } from './styles';

const ALL = 'all';

/**
 * How many findings of one rule the list shows at first, and how many more each "Xem thêm" adds.
 * A report of 10,000 rows holds thousands of findings: rendering every one (a Fluent button each)
 * froze the pane for seconds; the DOM now holds at most this many per rule until the user asks.
 */
export const FINDINGS_PAGE = 50;

/**
 * A new list (a new report or filter) is drawn this many rows at a time, a task each, so that no
 * single commit (Fluent's buttons, then the browser's style and layout) holds the pane for long;
 * rows revealed later ("Xem thêm", a selection) are drawn at once.
 */
export const FINDINGS_BATCH = 100;

/** How many of a rule's findings are shown, per "severity/code", for one report and filter. */
interface Shown {
  source: unknown;
  counts: Record<string, number>;
}

/** Findings grouped by severity and rule; each one with a cell is a button that selects the cell. */
export function FindingsList() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  // The list follows the report a step behind the rest of the pane: the counters show as soon as a
  // check ends, and the list (hundreds of Fluent buttons over a large sheet) is drawn in a render
  // React can interrupt, in slices, instead of one long task.
  const report = useDeferredValue(state.report);
  const filter = useDeferredValue(state.filter);
  // Grouping and counting walk every finding: once per report and filter, not on every state change
  // (a progress tick, a selection).
  const findings = report?.findings;
  const groups = useMemo(
    () => (findings ? groupFindings(findings, filter) : []),
    [findings, filter],
  );
  const codes = useMemo(() => (findings ? ruleCodes(findings) : []), [findings]);
  const [shown, setShown] = useState<Shown>({ source: groups, counts: {} });
  // A new report or filter starts again from the first page of each rule.
  const counts = shown.source === groups ? shown.counts : {};
  const showMore = useCallback(
    (severity: Severity, code: string, current: number) =>
      setShown((prev) => ({
        source: groups,
        counts: {
          ...(prev.source === groups ? prev.counts : {}),
          [`${severity}/${code}`]: current + FINDINGS_PAGE,
        },
      })),
    [groups],
  );
  // How many rows of this list are drawn so far (all of them once the first fill is done).
  const [drawn, setDrawn] = useState<{ source: unknown; rows: number }>({
    source: groups,
    rows: FINDINGS_BATCH,
  });
  const drawnRows = drawn.source === groups ? drawn.rows : FINDINGS_BATCH;
  const firstFill = useMemo(
    () =>
      groups.reduce(
        (n, g) => n + g.rules.reduce((m, r) => m + Math.min(r.items.length, FINDINGS_PAGE), 0),
        0,
      ),
    [groups],
  );
  const drawing = drawnRows < firstFill;
  useEffect(() => {
    if (!drawing) return;
    const timer = setTimeout(
      () =>
        setDrawn({
          source: groups,
          rows: drawnRows + FINDINGS_BATCH >= firstFill ? Infinity : drawnRows + FINDINGS_BATCH,
        }),
      0,
    );
    return () => clearTimeout(timer);
  }, [drawing, groups, drawnRows, firstFill]);
  if (!report) return null;
  /** Rows still to draw in this render (the list's rules take them in order). */
  let budget = drawing ? drawnRows : Infinity;
  /** The rule's shown count: its page(s), and always far enough to include the selected finding. */
  const shownCount = (severity: Severity, code: string, items: FindingItem[]): number => {
    const n = counts[`${severity}/${code}`] ?? FINDINGS_PAGE;
    if (state.selected === null || items.length <= n) return n;
    const at = items.findIndex((item) => item.key === state.selected);
    return at < n ? n : Math.ceil((at + 1) / FINDINGS_PAGE) * FINDINGS_PAGE;
  };
  /** Of `n` rows a rule shows, those drawn in this render. */
  const drawnOf = (n: number): number => {
    const rows = Math.min(n, budget);
    budget -= rows;
    return rows;
  };
  const ruleName = (code: string) => (hasMessage(`rule.${code}`) ? t(`rule.${code}`) : code);
  const severityText = (s: Severity | typeof ALL) =>
    s === ALL ? t('ui.findings.allSeverities') : t(`severity.${s}`);
  const ruleText = (code: string) => {
    if (code === ALL) return t('ui.findings.allRules');
    const found = codes.find((c) => c.code === code);
    return t('ui.findings.rule', { code: ruleName(code), count: found?.count ?? 0 });
  };
  const canFix = state.fix.available;

  return (
    <section
      className={styles.section}
      aria-labelledby="pc-findings"
      data-drawing={drawing ? 'true' : undefined}
    >
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
                onOptionSelect={(_, d) =>
                  d.optionValue &&
                  controller.setFilter({ severity: d.optionValue as Severity | typeof ALL })
                }
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
                onOptionSelect={(_, d) =>
                  d.optionValue && controller.setFilter({ code: d.optionValue })
                }
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
            <section
              key={group.severity}
              className={styles.section}
              aria-labelledby={`pc-sev-${group.severity}`}
              data-severity={group.severity}
            >
              <h3 id={`pc-sev-${group.severity}`} className={styles.subheading}>
                {t('ui.findings.severityGroup', {
                  severity: t(`severity.${group.severity}`),
                  count: group.count,
                })}
              </h3>
              {group.rules.map((rule) => (
                <div
                  key={rule.code}
                  role="group"
                  aria-labelledby={`pc-rule-${group.severity}-${rule.code}`}
                >
                  <h4 id={`pc-rule-${group.severity}-${rule.code}`} className={styles.subheading}>
                    {t('ui.findings.rule', { code: ruleName(rule.code), count: rule.items.length })}
                  </h4>
                  <ul className={styles.list}>
                    {rule.items
                      .slice(0, drawnOf(shownCount(group.severity, rule.code, rule.items)))
                      .map(({ key, finding }) => (
                        <FindingRow
                          key={key}
                          itemKey={key}
                          finding={finding}
                          selected={state.selected === key}
                          canFix={canFix}
                          // Only a row with a fix button shows it: the others are not drawn again.
                          busy={canFix && !!finding.fixes?.length && state.busy !== null}
                          lang={state.lang}
                          controller={controller}
                        />
                      ))}
                  </ul>
                  {!drawing &&
                    rule.items.length > shownCount(group.severity, rule.code, rule.items) && (
                      <Button
                        appearance="secondary"
                        size="small"
                        data-show-more
                        onClick={() =>
                          showMore(
                            group.severity,
                            rule.code,
                            shownCount(group.severity, rule.code, rule.items),
                          )
                        }
                      >
                        {t('ui.findings.showMore', {
                          count: Math.min(
                            FINDINGS_PAGE,
                            rule.items.length - shownCount(group.severity, rule.code, rule.items),
                          ),
                          rest:
                            rule.items.length - shownCount(group.severity, rule.code, rule.items),
                        })}
                      </Button>
                    )}
                </div>
              ))}
            </section>
          ))}
        </>
      )}
    </section>
  );
}

interface FindingRowProps {
  itemKey: string;
  finding: Finding;
  selected: boolean;
  canFix: boolean;
  busy: boolean;
  lang: Lang;
  controller: Controller;
}

/**
 * One finding: memoised, so a state change that does not concern it (progress, counters, another
 * finding selected) does not re-render it.
 */
const FindingRow = memo(function FindingRow({
  itemKey: key,
  finding,
  selected,
  canFix,
  busy,
  lang,
  controller,
}: FindingRowProps) {
  const styles = usePaneStyles();
  const t = translator(lang);
  const text = hasMessage(finding.messageId) ? t(finding.messageId, finding.data) : finding.message;
  // The suggestion is the button's description, not part of its name: the name
  // ("Đi tới ô E9: …") then contains all of the button's visible text (WCAG 2.5.3).
  const suggestionId = finding.suggestion
    ? `pc-suggestion-${key.replace(/[^\w-]/g, '_')}`
    : undefined;
  const suggestion = finding.suggestion && (
    <span id={suggestionId} className={styles.hint}>
      {t('ui.findings.suggestion', { suggestion: finding.suggestion })}
    </span>
  );
  return (
    <li data-finding={finding.code}>
      {finding.cell ? (
        <>
          <div className={styles.findingRow}>
            <Button
              appearance="subtle"
              data-goto
              className={mergeClasses(
                styles.finding,
                styles.findingGrow,
                selected && styles.selected,
              )}
              aria-label={t('ui.findings.goTo', { cell: finding.cell, message: text })}
              aria-describedby={suggestionId}
              aria-current={selected ? 'true' : undefined}
              // The icon slot is 20 px wide and centred: the address gets a slot as wide as it is
              // (in a 20 px slot its left part was cut off at the pane's edge).
              icon={{
                className: styles.cellSlot,
                children: (
                  <span className={styles.cell} data-cell>
                    {finding.cell}
                  </span>
                ),
              }}
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
                disabled={busy}
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
});
