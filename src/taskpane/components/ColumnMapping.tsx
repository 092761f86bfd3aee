import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Dropdown,
  Field,
  Option,
} from '@fluentui/react-components';
import { REQUIRED_ROLES, ROLES, type Role } from '../../engine/types';
import { headerColumn } from '../state/selectors';
import type { HeaderColumn } from '../state/state';
import { usePane } from './context';
import { usePaneStyles } from './styles';

const AUTO = 'auto';

/** One dropdown per role, listing the sheet's columns as "E — Cơ quan chủ trì". */
export function ColumnMapping() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const report = state.report;
  if (!report) return null;
  const overrides = state.settings.columns?.[report.name] ?? {};
  const optionText = (h: HeaderColumn) =>
    h.text
      ? t('ui.columns.option', { letter: h.letter, header: h.text })
      : t('ui.columns.optionEmpty', { letter: h.letter });
  const roleLabel = (role: Role) =>
    REQUIRED_ROLES.includes(role)
      ? t('ui.columns.required', { role: t(`role.${role}`) })
      : t(`role.${role}`);

  return (
    <Accordion collapsible defaultOpenItems={report.missingRoles.length > 0 ? ['columns'] : []}>
      <AccordionItem value="columns">
        <AccordionHeader as="h2">{t('ui.columns.heading')}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.section}>
            <p className={styles.hint}>{t('ui.columns.hint')}</p>
            {ROLES.map((role) => {
              const override = overrides[role];
              const detected = headerColumn(state.header, report.columnIndexes[role]);
              const auto = detected
                ? t('ui.columns.autoFound', { option: optionText(detected) })
                : t('ui.columns.autoMissing');
              const chosen =
                override !== undefined ? headerColumn(state.header, override) : undefined;
              const value = override === undefined ? AUTO : String(override);
              return (
                <Field key={role} label={roleLabel(role)}>
                  <Dropdown
                    value={chosen ? optionText(chosen) : auto}
                    selectedOptions={[value]}
                    disabled={state.busy !== null}
                    onOptionSelect={(_, data) => {
                      if (!data.optionValue || data.optionValue === value) return;
                      void controller.setColumn(
                        role,
                        data.optionValue === AUTO ? null : Number(data.optionValue),
                      );
                    }}
                  >
                    <Option value={AUTO}>{auto}</Option>
                    {state.header.map((h) => (
                      <Option key={h.col} value={String(h.col)}>
                        {optionText(h)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              );
            })}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
