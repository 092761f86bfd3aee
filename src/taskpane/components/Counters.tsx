import { Badge, type BadgeProps } from '@fluentui/react-components';
import { counters, type Counters as CounterValues } from '../state/selectors';
import { usePane } from './context';
import { usePaneStyles } from './styles';

const ITEMS: { key: keyof CounterValues; label: string; color: BadgeProps['color'] }[] = [
  { key: 'tasks', label: 'ui.counters.tasks', color: 'brand' },
  { key: 'overdue', label: 'ui.counters.overdue', color: 'danger' },
  { key: 'dueSoon', label: 'ui.counters.dueSoon', color: 'warning' },
  { key: 'unassigned', label: 'ui.counters.unassigned', color: 'important' },
  { key: 'errors', label: 'ui.counters.errors', color: 'danger' },
  { key: 'warnings', label: 'ui.counters.warnings', color: 'warning' },
];

export function Counters() {
  const { state, t } = usePane();
  const styles = usePaneStyles();
  // A check's counters show as soon as they are known; its report brings the same ones.
  const values = state.counted ?? (state.report ? counters(state.report) : null);
  if (!values) return null;
  return (
    <section className={styles.section} aria-labelledby="pc-counters">
      <h2 id="pc-counters" className={styles.heading}>
        {t('ui.counters.heading')}
      </h2>
      <ul className={styles.counters}>
        {ITEMS.map((item) => (
          <li key={item.key} className={styles.counter} data-counter={item.key}>
            <Badge
              appearance={values[item.key] > 0 ? 'filled' : 'outline'}
              color={values[item.key] > 0 ? item.color : 'informative'}
            >
              {values[item.key]}
            </Badge>
            <span>{t(item.label)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
