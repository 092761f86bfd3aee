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

/**
 * Splits per dictionary, by cell text: the same agency cells recur on every other row of a table,
 * and splitting is the costly part. Bounded; cleared when full.
 */
const splitMemo = new WeakMap<AgencyDictionary, Map<string, { parts: string[]; runTogether: boolean }>>();

function splitCached(text: string, dict: AgencyDictionary): { parts: string[]; runTogether: boolean } {
  let memo = splitMemo.get(dict);
  if (!memo) {
    memo = new Map();
    splitMemo.set(dict, memo);
  }
  let hit = memo.get(text);
  if (!hit) {
    hit = splitPartiesDetailed(text, dict);
    if (memo.size > 20_000) memo.clear();
    memo.set(text, hit);
  }
  return hit;
}

/** Split a lead/support cell and name each party. */
export function parseAgencyCell(
  text: string,
  dict: AgencyDictionary,
): { refs: AgencyRef[]; runTogether: boolean } {
  const { parts, runTogether } = splitCached(text, dict);
  // dict.match returns a fresh object each time: callers may keep or change the refs.
  return { refs: parts.map((p) => dict.match(p)), runTogether };
}
