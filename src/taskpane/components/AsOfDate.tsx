import { Field, Input } from '@fluentui/react-components';
import { usePane } from './context';

/** The as-of date: the browser's own date input (keyboard and screen-reader friendly, localised by the OS). */
export function AsOfDate() {
  const { controller, state, t } = usePane();
  return (
    <Field label={t('ui.asOf.label')} hint={t('ui.asOf.hint')}>
      <Input
        type="date"
        value={state.asOf}
        disabled={state.busy !== null}
        onChange={(_, data) => controller.setAsOf(data.value)}
      />
    </Field>
  );
}
