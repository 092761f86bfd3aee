import { Button } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import { usePane } from './context';

export function CheckButton() {
  const { controller, state, t } = usePane();
  return (
    <Button
      appearance="primary"
      icon={<CheckmarkCircleRegular />}
      disabled={state.busy !== null || !state.sheet}
      onClick={() => void controller.check()}
    >
      {t(state.report ? 'ui.check.again' : 'ui.check.button')}
    </Button>
  );
}
