import { Field, SpinButton } from '@fluentui/react-components';
import { usePane } from './context';
import { DUE_SOON_MAX_DAYS } from '../../engine/workbook';

export function DueSoonDays() {
  const { controller, state, t } = usePane();
  return (
    <Field label={t('ui.dueSoon.label')} hint={t('ui.dueSoon.hint')}>
      <SpinButton
        min={0}
        max={DUE_SOON_MAX_DAYS}
        value={state.dueSoonDays}
        disabled={state.busy !== null}
        onChange={(_, data) => {
          const value =
            data.value ??
            (data.displayValue !== undefined ? Number.parseInt(data.displayValue, 10) : NaN);
          if (Number.isFinite(value)) controller.setDueSoonDays(value as number);
        }}
      />
    </Field>
  );
}
