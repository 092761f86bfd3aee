/**
 * The summary's chart, drawn as SVG: tasks per lead agency (the agencies with the most tasks),
 * each bar split by state in the engine's one order (TASK_STATES). The numbers are the report's
 * summary, the same the summary sheet's formulas compute (engine/summary-layout.ts); the table under
 * the chart (the summary sheet) holds every agency.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { TASK_STATES, type SheetReport, type TaskState } from '../engine/types';
import type { Translate } from '../messages';

/** State colours (the mark colours for overdue and due soon; contrast ≥ 3:1 on white for the rest). */
export const STATE_COLORS: Record<TaskState, string> = {
  overdue: '#C00000',
  'due-soon': '#BF8F00',
  open: '#2F5597',
  'done-on-time': '#548235',
  'done-late': '#7F6000',
  done: '#375623',
  recurring: '#7030A0',
  'no-deadline': '#767171',
};

export const CHART_BARS = 10;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '0.9rem', height: '0.9rem', borderRadius: '2px' },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  svg: { maxWidth: '100%', height: 'auto' },
});

function shorten(text: string, max = 44): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface SummaryChartProps {
  report: SheetReport;
  t: Translate;
}

export function SummaryChart({ report, t }: SummaryChartProps) {
  const styles = useStyles();
  const leads = report.summary.byLead.filter((e) => (e.counts.total ?? 0) > 0);
  const bars = leads.slice(0, CHART_BARS);
  const used = TASK_STATES.filter((s) => bars.some((b) => (b.counts[s] ?? 0) > 0));
  const label = (key: string) => (key === '' ? t('lead.none') : key);
  if (bars.length === 0) {
    return <p className={styles.note}>{t('standalone.chart.none')}</p>;
  }
  const max = Math.max(...bars.map((b) => b.counts.total ?? 0));
  const labelWidth = 300;
  const barArea = 340;
  const rowHeight = 24;
  const width = labelWidth + barArea + 40;
  const height = bars.length * rowHeight + 8;
  const scale = (n: number) => (n / max) * barArea;

  return (
    <figure className={styles.figure} data-chart="byLead">
      <figcaption id="pc-chart-title" className={styles.caption}>
        {t('standalone.chart.title')}
      </figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby="pc-chart-title pc-chart-desc"
      >
        <desc id="pc-chart-desc">{t('standalone.chart.desc', { count: bars.length })}</desc>
        {bars.map((bar, i) => {
          const y = i * rowHeight + 4;
          let x = labelWidth;
          const total = bar.counts.total ?? 0;
          const parts = used
            .filter((s) => (bar.counts[s] ?? 0) > 0)
            .map((s) => `${t(`state.${s}`)} ${bar.counts[s]}`)
            .join(', ');
          return (
            <g key={bar.key} data-bar={label(bar.key)} data-total={total}>
              <title>{t('standalone.chart.bar', { agency: label(bar.key), total, parts })}</title>
              <text
                x={labelWidth - 8}
                y={y + rowHeight / 2}
                dominantBaseline="middle"
                textAnchor="end"
                fontSize="12"
                fill="currentColor"
              >
                {shorten(label(bar.key))}
              </text>
              {used.map((s) => {
                const n = bar.counts[s] ?? 0;
                if (n === 0) return null;
                const w = scale(n);
                const rect = (
                  <rect
                    key={s}
                    x={x}
                    y={y + 3}
                    width={Math.max(w - 1, 1)}
                    height={rowHeight - 8}
                    fill={STATE_COLORS[s]}
                    data-state={s}
                    data-count={n}
                  />
                );
                x += w;
                return rect;
              })}
              <text
                x={x + 6}
                y={y + rowHeight / 2}
                dominantBaseline="middle"
                fontSize="12"
                fill="currentColor"
              >
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-label={t('table.state')}>
        {used.map((s) => (
          <li key={s} className={styles.legendItem}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: STATE_COLORS[s] }}
              aria-hidden="true"
            />
            {t(`state.${s}`)}
          </li>
        ))}
      </ul>
      {leads.length > bars.length && (
        <p className={styles.note}>
          {t('standalone.chart.more', { count: leads.length - bars.length })}
        </p>
      )}
    </figure>
  );
}
