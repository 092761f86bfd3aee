/**
 * Agencies: the dictionary, splitting a cell into parties, and reading a cell that holds both
 * roles. Pure: no Node APIs, no DOM, no clock.
 */
import type { AgencyLevel, AgencyRef } from '../types';
import { AgencyDictionary } from './dictionary';
import { splitPartiesDetailed } from './split';
import { KeptResults } from '../kept';

export { AgencyDictionary, BUILTIN_AGENCIES, headLevel } from './dictionary';
export {
  splitParties,
  splitPartiesDetailed,
  parseAssignment,
  builtinDictionary,
  type SplitResult,
  type Assignment,
} from './split';
export { matchKey, toneNormalize, cleanParty } from './normalize';

/** A cell's reading: its parties, named (frozen refs in a read-only list), and whether two ran together. */
interface CellReading {
  refs: readonly AgencyRef[];
  runTogether: boolean;
}

/**
 * Readings per dictionary, by cell text: the same agency cells recur on every other row of a table,
 * and splitting is the costly part. One table per level the sheet prefers (it only changes how
 * unknown names are compared), so that the cell's own text is the key: a string V8 hashes once,
 * where a key made for each call would be copied and hashed on every call.
 */
const cellsKept: Record<AgencyLevel | 'none', KeptResults<AgencyDictionary, CellReading>> = {
  none: new KeptResults(),
  central: new KeptResults(),
  provincial: new KeptResults(),
  commune: new KeptResults(),
};

/**
 * Split a lead/support cell and name each party. The reading is shared by every cell with the same
 * text: its refs are frozen, its list read-only (nothing downstream changes them; a caller that
 * needs its own list copies it).
 */
export function parseAgencyCell(
  text: string,
  dict: AgencyDictionary,
  prefer: AgencyLevel | null = null,
): CellReading {
  return cellsKept[prefer ?? 'none'].get(dict, text, () => {
    const { parts, runTogether } = splitPartiesDetailed(text, dict);
    // The refs are frozen; the list is typed read-only but not frozen (V8 iterates frozen arrays
    // on a slow path).
    return { refs: parts.map((p) => dict.match(p, prefer)), runTogether };
  });
}
