/** The pure engine: grid in → report out. No Office.js, no DOM, no Node APIs. */
export * from './types';
export { analyzeSheet } from './analyze';
export {
  planMarks,
  MARK_TAG,
  MARK_STYLES,
  isOwnMarkFormula,
  type MarkPlan,
  type MarkRule,
  type MarkKind,
} from './marks';
export {
  buildTaskTable,
  buildTaskAgencyTable,
  buildFindingsTable,
  OWN_SHEETS,
  OWN_MARKER,
  type OutTable,
  type OutCell,
} from './tables';
export { RULES } from './rules';
export {
  applyEdits,
  applyFixes,
  combineFixes,
  undoEdits,
  parseA1,
  parseRange,
  rangeCells,
  sameValue,
  EditConflictError,
  type SnapshotUndo,
} from './edits';
export {
  taskCategory,
  buildStandardReport,
  buildReminders,
  quarterPeriod,
  REPORT_CATEGORIES,
  REPORT_COLUMNS,
  REPORT_COLUMN_CATEGORIES,
  type ReportCategory,
  type StandardReport,
  type ReportRow,
  type AgencyReminder,
  type ReminderTask,
  type ReportPeriod,
} from './tracking';
export {
  planTrackingColumns,
  describeTrackingPlan,
  TRACKING_STATUSES,
  DONE_DATE_RANGE,
  type TrackingPlan,
  type TrackingPlanResult,
  type TrackingColumn,
  type TrackingValidation,
  type TrackingKind,
} from './tracking-columns';
