import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  ProgressBar,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { usePane } from './context';
import { usePaneStyles } from './styles';

/** The running action's progress, the last outcome, and what this host cannot do. */
export function Notices() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  return (
    <div className={styles.section}>
      {state.busy && (
        <div className={mergeClasses(styles.row, styles.progress)} data-progress={state.busy.id}>
          <Field
            className={styles.grow}
            label={t(state.busy.id, state.busy.data)}
            aria-live="polite"
          >
            <ProgressBar />
          </Field>
          {controller.canCancel() && (
            <Button
              aria-label={t('ui.cancel.label')}
              icon={<DismissRegular />}
              onClick={() => controller.cancelCheck()}
            >
              {t('ui.cancel.button')}
            </Button>
          )}
        </div>
      )}
      {state.error && (
        <MessageBar intent="error" data-notice={state.error.id}>
          <MessageBarBody>
            <MessageBarTitle>{t('ui.error.title')}</MessageBarTitle>
            {t(state.error.id, state.error.data)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t('ui.error.dismiss')}
                icon={<DismissRegular />}
                onClick={() => controller.dismissError()}
              />
            }
          />
        </MessageBar>
      )}
      {state.status && (
        <MessageBar intent="success" data-notice={state.status.id}>
          <MessageBarBody>{t(state.status.id, state.status.data)}</MessageBarBody>
        </MessageBar>
      )}
      {state.degraded.map((n) => (
        <MessageBar key={n.id} intent="warning" data-notice={n.id}>
          <MessageBarBody>{t(n.id, n.data)}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
