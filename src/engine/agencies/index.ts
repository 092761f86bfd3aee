/**
 * Agencies: the dictionary, splitting a cell into parties, and reading a cell that holds both
 * roles. Pure: no Node APIs, no DOM, no clock.
 */
import type { AgencyRef } from '../types';
import { AgencyDictionary } from './dictionary';
import { splitPartiesDetailed } from './split';

export { AgencyDictionary, BUILTIN_AGENCIES } from './dictionary';
export {
  splitParties,
  splitPartiesDetailed,
  parseAssignment,
  builtinDictionary,
  type SplitResult,
  type Assignment,
} from './split';
export { matchKey, toneNormalize, cleanParty } from './normalize';

/** Split a lead/support cell and name each party. */
export function parseAgencyCell(
  text: string,
  dict: AgencyDictionary,
): { refs: AgencyRef[]; runTogether: boolean } {
  const { parts, runTogether } = splitPartiesDetailed(text, dict);
  return { refs: parts.map((p) => dict.match(p)), runTogether };
}
