import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { usePane } from './context';
import { usePaneStyles } from './styles';

/** Where the table was found, the plan's level and year(s), and the required columns still missing. */
export function ReportInfo() {
  const { state, t } = usePane();
  const styles = usePaneStyles();
  const report = state.report;
  if (!report) return null;
  return (
    <div className={styles.section}>
      {report.headerRow !== null && (
        <p className={styles.hint}>
          {t('ui.report.header', { row: report.headerRow, sheet: report.name })}{' '}
          {report.scope && `${t(`ui.report.scope.${report.scope}`)} `}
          {report.planYears &&
          report.planYears.to !== null &&
          report.planYears.to !== report.planYears.from
            ? t('ui.report.planYears', { from: report.planYears.from, to: report.planYears.to })
            : report.planYear !== null && t('ui.report.planYear', { year: report.planYear })}
        </p>
      )}
      {report.missingRoles.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('ui.report.missingRoles', {
              roles: report.missingRoles.map((r) => t(`role.${r}`)).join(', '),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
