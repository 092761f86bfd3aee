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
  row: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  grow: { flexGrow: 1, minWidth: '8rem' },
  /**
   * The progress row: its bar's animation lays the row out again every frame; contained, that
   * work stays inside it instead of dirtying the page (a large sheet's preview beside the pane
   * made each frame cost tens of milliseconds while the check ran).
   */
  progress: { contain: 'layout style' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  counters: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(6.5rem, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  counter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  finding: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    width: '100%',
    fontWeight: tokens.fontWeightRegular,
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  findingText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  /** A finding's suggestion, under its button, aligned with the button's text. */
  suggestion: {
    paddingLeft: `calc(3.5rem + ${tokens.spacingHorizontalM} + ${tokens.spacingHorizontalSNudge})`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '3.5rem' },
  /** A finding button's icon slot holding the cell address: as wide as the address, left-aligned. */
  cellSlot: {
    width: 'auto',
    height: 'auto',
    minWidth: '3.5rem',
    flexShrink: 0,
    justifyContent: 'flex-start',
    fontSize: 'inherit',
  },

  /* Tabs (Kiểm tra · Sửa · Theo dõi · Báo cáo) and the counters above them stay in sight. */
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { flexWrap: 'wrap' },
  /* A finding's row in the findings list when it has a Sửa button beside it. */
  findingRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  findingGrow: { flexGrow: 1, minWidth: 0 },
  /* The Sửa view. */
  fixGroupHead: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  fixItem: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  fixText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  previewItem: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  previewTitle: { margin: 0, overflowWrap: 'anywhere' },
  editTable: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    '& th': {
      textAlign: 'start',
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground3,
    },
    '& th:first-child': { width: '3.5rem' },
    '& td': {
      verticalAlign: 'top',
      overflowWrap: 'anywhere',
      paddingBlock: tokens.spacingVerticalXXS,
      paddingRight: tokens.spacingHorizontalXS,
    },
  },
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: 'line-through' },
  after: {
    color: tokens.colorPaletteGreenForeground1,
    textDecorationLine: 'none',
    fontWeight: tokens.fontWeightSemibold,
  },
});
