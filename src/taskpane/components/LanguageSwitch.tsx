import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { LANGS } from '../../messages';
import type { Lang } from '../../engine/types';
import { usePane } from './context';

export function LanguageSwitch() {
  const { controller, state, t } = usePane();
  return (
    <Field label={t('ui.lang.label')}>
      <RadioGroup
        layout="horizontal"
        value={state.lang}
        onChange={(_, data) => void controller.setLang(data.value as Lang)}
      >
        {LANGS.map((lang) => (
          <Radio key={lang} value={lang} label={t(`ui.lang.${lang}`)} lang={lang} />
        ))}
      </RadioGroup>
    </Field>
  );
}
