/** Every validation rule, in the order their findings are listed for a row. */
import type { Rule } from './rule';
import headerMissing from './header-missing';
import roleMissing from './role-missing';
import roleAmbiguous from './role-ambiguous';
import headerRepeated from './header-repeated';
import extraCells from './extra-cells';
import cellsShifted from './cells-shifted';
import markupInCell from './markup-in-cell';
import urlInCell from './url-in-cell';
import cellError from './cell-error';
import continuationJoined from './continuation-joined';
import mergeLost from './merge-lost';
import sectionOrder from './section-order';
import ttNumbering from './tt-numbering';
import ttFormat from './tt-format';
import ttUnreadable from './tt-unreadable';
import taskEmpty from './task-empty';
import leadMissing from './lead-missing';
import leadGeneric from './lead-generic';
import leadIsPerson from './lead-is-person';
import leadInSupport from './lead-in-support';
import agenciesRunTogether from './agencies-run-together';
import agencyName from './agency-name';
import deadline from './deadline';
import statusUnknown from './status-unknown';
import doneDateInvalid from './done-date-invalid';

export const RULES: Rule[] = [
  headerMissing,
  roleMissing,
  roleAmbiguous,
  headerRepeated,
  extraCells,
  cellsShifted,
  markupInCell,
  urlInCell,
  cellError,
  continuationJoined,
  mergeLost,
  sectionOrder,
  ttNumbering,
  ttFormat,
  ttUnreadable,
  taskEmpty,
  leadMissing,
  leadGeneric,
  leadIsPerson,
  leadInSupport,
  agenciesRunTogether,
  agencyName,
  deadline,
  statusUnknown,
  doneDateInvalid,
];

export type { Rule, RuleMeta, RuleContext, Report } from './rule';
