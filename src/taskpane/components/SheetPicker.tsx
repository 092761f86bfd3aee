import { Button, Dropdown, Field, Option, Tooltip } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { usePane } from './context';
import { usePaneStyles } from './styles';

export function SheetPicker() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const label = (name: string, active: boolean) => (active ? t('ui.sheet.active', { name }) : name);
  const current = state.sheets.find((s) => s.name === state.sheet);
  const none = state.loaded && state.sheets.length === 0;
  return (
    <div className={styles.row}>
      <Field
        className={styles.grow}
        label={t('ui.sheet.label')}
        validationState={none ? 'warning' : 'none'}
        validationMessage={none ? t('ui.sheet.none') : undefined}
      >
        <Dropdown
          placeholder={t('ui.sheet.placeholder')}
          value={current ? label(current.name, current.active) : ''}
          selectedOptions={state.sheet ? [state.sheet] : []}
          disabled={state.busy !== null || none}
          onOptionSelect={(_, data) => data.optionValue && controller.setSheet(data.optionValue)}
        >
          {state.sheets.map((s) => (
            <Option key={s.name} value={s.name}>
              {label(s.name, s.active)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Tooltip content={t('ui.sheet.reload')} relationship="label">
        <Button
          icon={<ArrowClockwiseRegular />}
          disabled={state.busy !== null}
          onClick={() => void controller.loadSheets()}
        />
      </Tooltip>
    </div>
  );
}
