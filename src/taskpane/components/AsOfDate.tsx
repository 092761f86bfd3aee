import { useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { formatAsOf, parseAsOf } from '../state/as-of';
import { usePane } from './context';

/**
 * The as-of date, typed as dd/mm/yyyy whatever the browser's locale. A valid day goes to the
 * controller at once; a text that names no day is kept as typed, refused (the check then asks for a
 * date) and explained under the field.
 */
export function AsOfDate() {
  const { controller, state, t } = usePane();
  const [text, setText] = useState(() => formatAsOf(state.asOf));
  const [touched, setTouched] = useState(false);
  const [seen, setSeen] = useState(state.asOf);
  // A date set elsewhere (start, a check) replaces the text unless the text already says it.
  if (state.asOf !== seen) {
    setSeen(state.asOf);
    if (state.asOf && parseAsOf(text) !== state.asOf) setText(formatAsOf(state.asOf));
  }
  const invalid = parseAsOf(text) === null && (touched || text.trim().length >= 10);
  return (
    <Field
      label={t('ui.asOf.label')}
      hint={t('ui.asOf.hint')}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? t('ui.asOf.invalid') : undefined}
    >
      <Input
        value={text}
        inputMode="numeric"
        placeholder={t('ui.asOf.placeholder')}
        disabled={state.busy !== null}
        onBlur={() => setTouched(true)}
        onChange={(_, data) => {
          setText(data.value);
          controller.setAsOf(parseAsOf(data.value) ?? '');
        }}
      />
    </Field>
  );
}
