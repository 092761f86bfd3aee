/**
 * The task pane. Components render the controller's state and call its actions; none of them
 * touches the workbook or holds a business rule.
 */
import {
  FluentProvider,
  Tab,
  TabList,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useMemo, useSyncExternalStore } from 'react';
import { translator } from '../../messages';
import type { Controller } from '../state/controller';
import { MarkActions, SummaryActions } from './Actions';
import { AsOfDate } from './AsOfDate';
import { CheckButton } from './CheckButton';
import { ColumnMapping } from './ColumnMapping';
import { PaneContext, usePane } from './context';
import { Counters } from './Counters';
import { DraftPanel } from './DraftPanel';
import { DueSoonDays } from './DueSoonDays';
import { FindingsList } from './FindingsList';
import { FixPanel } from './FixPanel';
import { ComparePanel, GatherPanel } from './GatherPanels';
import { fixableCount, PANE_TABS, type PaneTab } from '../state/fix';
import { LanguageSwitch } from './LanguageSwitch';
import { Notices } from './Notices';
import { ReportInfo } from './ReportInfo';
import { SheetPicker } from './SheetPicker';
import { RemindersPanel, TrackColumnsPanel } from './TrackPanel';
import { usePaneStyles } from './styles';

export type PaneTheme = 'light' | 'dark';

export interface AppProps {
  controller: Controller;
  theme?: PaneTheme;
}

export function App({ controller, theme = 'light' }: AppProps) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const value = useMemo(
    () => ({ controller, state, t: translator(state.lang) }),
    [controller, state],
  );
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={state.lang}>
      <PaneContext.Provider value={value}>
        <Pane />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

function Pane() {
  const styles = usePaneStyles();
  const { controller, state, t } = usePane();
  const fixable = fixableCount(state.report);
  const label = (tab: PaneTab) =>
    tab === 'fix' && fixable > 0 ? t('ui.tab.fixCount', { count: fixable }) : t(`ui.tab.${tab}`);
  return (
    <main className={styles.root} aria-labelledby="pc-title" aria-busy={state.busy !== null}>
      <header className={styles.header}>
        <h1 id="pc-title" className={styles.heading}>
          {t('ui.app.title')}
        </h1>
        <p className={styles.hint}>{t('ui.app.subtitle')}</p>
      </header>
      <LanguageSwitch />
      <div className={styles.sticky}>
        <Counters />
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={state.tab}
          aria-label={t('ui.tabs.label')}
          onTabSelect={(_, d) => controller.setTab(d.value as PaneTab)}
        >
          {PANE_TABS.map((tab) => (
            <Tab key={tab} id={`pc-tab-${tab}`} value={tab} aria-controls="pc-tabpanel">
              {label(tab)}
            </Tab>
          ))}
        </TabList>
      </div>
      <Notices />
      <div
        id="pc-tabpanel"
        role="tabpanel"
        aria-labelledby={`pc-tab-${state.tab}`}
        className={styles.section}
        data-tab={state.tab}
      >
        {state.tab === 'check' && (
          <>
            <section className={styles.section} aria-labelledby="pc-check">
              <h2 id="pc-check" className={styles.heading}>
                {t('ui.section.check')}
              </h2>
              <SheetPicker />
              <div className={styles.row}>
                <AsOfDate />
                <DueSoonDays />
              </div>
              <div className={styles.row}>
                <CheckButton />
              </div>
            </section>
            <ReportInfo />
            <FindingsList />
            <ColumnMapping />
          </>
        )}
        {state.tab === 'fix' && <FixPanel />}
        {state.tab === 'track' && (
          <>
            <MarkActions />
            <GatherPanel />
            <TrackColumnsPanel />
          </>
        )}
        {state.tab === 'report' && (
          <>
            <SummaryActions />
            <ComparePanel />
            <RemindersPanel />
            <DraftPanel />
          </>
        )}
      </div>
    </main>
  );
}
