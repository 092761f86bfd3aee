/** Shared layout styles of the pane (Griffel via Fluent UI; tokens follow the theme). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '8rem' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  counters: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  counter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  finding: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', fontWeight: tokens.fontWeightRegular },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  findingText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  /** A finding's suggestion, under its button, aligned with the button's text. */
  suggestion: { paddingLeft: `calc(3.5rem + ${tokens.spacingHorizontalM} + ${tokens.spacingHorizontalSNudge})`, paddingBottom: tokens.spacingVerticalXS },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '3.5rem' },
});
