/**
 * How the Office.js adapter recognises the sheets it owns.
 *
 * Each own sheet carries a workbook-scoped named item `PhanCong_Own_<kind>` (kind = tasks, agencies,
 * summary, findings; engine/tables.ts ownMarkerName) that refers to the sheet's A1; this adapter also
 * writes OWN_MARKER as its comment, but a name without it (the .xlsx writer's) marks an own sheet too. A named item
 * follows its sheet when the sheet is renamed or moved, is invisible in the grid, cannot be
 * overwritten by typing in a cell, and is not copied when the user copies the sheet (so a copy is the
 * user's). A sheet without such a name is a user sheet, whatever it is called: it is never deleted or
 * written to, even when its name is one of OWN_SHEETS (then the add-in writes under "<name> (2)").
 */
import { OWN_MARKER, ownKindOfName, ownMarkerName, type OwnSheetKind } from '../../engine/tables';

export type OwnKind = OwnSheetKind;
export const OWN_KINDS: OwnKind[] = [
  'summary',
  'tasks',
  'agencies',
  'findings',
  'report',
  'reminders',
];
export { OWN_NAME_PREFIX } from '../../engine/tables';

export function ownNameFor(kind: OwnKind): string {
  return ownMarkerName(kind);
}

/** The sheet a named range refers to ("'PC Tổng hợp'!$A$1", "=Sheet1!$A$1"); null for #REF! or a constant. */
export function nameTargetSheet(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!/.exec(v);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^'!#]+)!/.exec(v);
  return plain ? plain[1] : null;
}

export interface NameInfo {
  name: string;
  comment: string;
  value: unknown;
}

export interface OwnSheet {
  kind: OwnKind;
  sheet: string;
  /** The marker name's index in the list given. */
  nameIndex: number;
}

export interface OwnScan {
  /** Own sheets found (existing sheets that carry a marker). */
  own: OwnSheet[];
  /** Marker names whose sheet no longer exists (indexes into the list given). */
  orphans: number[];
  /**
   * Sheets a summary write was building when it was cut off (a temporary marker, TEMP_NAME_PREFIX, on
   * an existing sheet), with the marker's index: the add-in's own, to delete on the next write.
   */
  leftovers: { sheet: string; nameIndex: number }[];
}

/** Marks a sheet the summary writer is still building (see summary.ts); followed by kind and run id. */
export const TEMP_NAME_PREFIX = 'PhanCong_Tmp_';

/** Match marker names against the workbook's sheet names (case-insensitive, as Excel compares them). */
export function scanOwn(names: NameInfo[], sheetNames: string[]): OwnScan {
  const bySheet = new Map(sheetNames.map((s) => [s.toLowerCase(), s]));
  const own: OwnSheet[] = [];
  const orphans: number[] = [];
  const leftovers: OwnScan['leftovers'] = [];
  names.forEach((n, i) => {
    if (n.name.startsWith(TEMP_NAME_PREFIX) && n.comment === OWN_MARKER) {
      const target = nameTargetSheet(n.value);
      const sheet = target === null ? undefined : bySheet.get(target.toLowerCase());
      if (sheet === undefined) orphans.push(i);
      else leftovers.push({ sheet, nameIndex: i });
      return;
    }
    // The marker name decides (any case). Its comment is OWN_MARKER when this adapter wrote it and
    // empty when the .xlsx writer did (ExcelJS cannot write name comments); any other comment means
    // somebody else's name.
    const kind = ownKindOfName(n.name);
    if (kind === null || (n.comment !== '' && n.comment !== OWN_MARKER)) return;
    const target = nameTargetSheet(n.value);
    const sheet = target === null ? undefined : bySheet.get(target.toLowerCase());
    if (sheet === undefined) orphans.push(i);
    else own.push({ kind, sheet, nameIndex: i });
  });
  return { own, orphans, leftovers };
}
