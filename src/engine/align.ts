/**
 * Shifted cells: rows whose values sit one or two columns off (a deadline in the lead column, a
 * person's title in the lead column, an agency list in the deadline column), and rows wider than
 * the header. Each value is typed (deadline, person, agency, text); when a row shows a sign of
 * misalignment, the values are re-aligned to the columns by an order-preserving alignment that
 * maximises how well each value fits its column's role, and the moves are reported.
 */
import type { ColumnMap, Deadline, Role } from './types';
import type { AgencyDictionary } from './agencies';
import { parseDeadline } from './deadline';
import { fold } from './text';

export type ValueType = 'deadline' | 'person' | 'agency' | 'text';

const AGENCY_WORD =
  /^(so|ubnd|uy ban|ban|hoi|trung tam|cong an|bo chi huy|bo|cuc|bao|dai|thong ke|thue|thanh tra|van phong|truong|ngan hang|tinh doan|lien doan|lien hiep|hiep hoi|cac|dang uy|thuong truc|vien|kho bac|chi cuc|doanh nghiep|to chuc|don vi|co quan|mat tran|vuon quoc gia|ban quan ly)\b/;

/** A deadline reading that names a date, a period or a recurrence (not unknown or missing). */
export function readsAsDeadline(d: Deadline): boolean {
  return d.kind === 'date' || d.kind === 'period' || d.kind === 'recurring';
}

export class ValueTyper {
  private cache = new Map<string, ValueType>();
  constructor(
    private readonly dict: AgencyDictionary,
    private readonly planYear: number | null,
  ) {}

  type(text: string): ValueType {
    let t = this.cache.get(text);
    if (t === undefined) {
      t = this.compute(text);
      this.cache.set(text, t);
    }
    return t;
  }

  private compute(text: string): ValueType {
    if (text.length <= 90) {
      const d = parseDeadline(text, { planYear: this.planYear });
      if (readsAsDeadline(d)) return 'deadline';
    }
    if (text.length <= 200) {
      const ref = this.dict.match(text);
      if (ref.kind === 'person') return 'person';
      if (ref.known || ref.kind === 'generic') return 'agency';
      if (AGENCY_WORD.test(fold(text))) return 'agency';
    }
    return 'text';
  }
}

/** How well a value of a type fits a role's column (higher is better). */
const FIT: Partial<Record<Role, Record<ValueType, number>>> = {
  leader: { person: 2, agency: 0, deadline: -3, text: -0.5 },
  inspector: { person: 2, agency: 0, deadline: -3, text: -0.5 },
  lead: { agency: 2, person: -1.5, deadline: -3, text: -0.5 },
  support: { agency: 1.5, person: -1.5, deadline: -3, text: -0.5 },
  deadline: { deadline: 3, agency: -2, person: -2, text: -1 },
  result: { text: 0.5, agency: -0.5, deadline: -1, person: -1 },
  status: { text: 0, agency: -1, deadline: -1, person: -1 },
  'done-date': { deadline: 1, text: -1, agency: -1, person: -1 },
  note: { text: 0, agency: 0, deadline: 0, person: 0 },
};
const MOVE_COST = 0.6;
const OUTSIDE_COST = 2.5;
const MIN_GAIN = 1.5;

export interface Move {
  /** 0-based snapshot column the value was in. */
  from: number;
  /** 0-based column it belongs to; -1 = it fits no column (left out). */
  to: number;
  value: string;
}

export interface AlignResult {
  texts: string[];
  moves: Move[];
}

/**
 * Re-align one row's texts (0-based columns, may be wider than the header). Columns up to and
 * including the task column are never moved. Returns null when the row is fine as it is.
 */
export function realignRow(
  texts: string[],
  columns: ColumnMap,
  width: number,
  typer: ValueTyper,
  /** Columns whose value came from a merged area above: kept where they are. */
  fixed: boolean[] = [],
  /**
   * The deadline column's cell holds a number that reads as a date (an Excel date cell): a
   * deadline, whatever its text ("46339") looks like.
   */
  deadlineIsDate = false,
): AlignResult | null {
  const fixedUpTo = Math.max(columns.task ?? 0, columns.tt ?? 0);
  // The cheap look first (most rows are fine): both tests are pure, either failing means null.
  if (!mayBeShifted(texts, columns, width, typer, fixedUpTo, deadlineIsDate)) return null;
  const roleAt: (Role | null)[] = new Array(width).fill(null);
  for (const [role, c] of Object.entries(columns) as [Role, number][])
    if (c < width) roleAt[c] = role;
  const slots: number[] = [];
  for (let c = fixedUpTo + 1; c < width; c++)
    if (roleAt[c] && FIT[roleAt[c]!] && !fixed[c]) slots.push(c);
  if (slots.length === 0) return null;
  const items: { col: number; value: string; type: ValueType }[] = [];
  for (let c = fixedUpTo + 1; c < texts.length; c++) {
    const v = texts[c];
    if (v && !fixed[c])
      items.push({
        col: c,
        value: v,
        type: deadlineIsDate && c === columns.deadline ? 'deadline' : typer.type(v),
      });
  }
  if (items.length === 0) return null;

  const fitAt = (item: { type: ValueType }, col: number) => {
    const role = roleAt[col];
    const table = role ? FIT[role] : undefined;
    return table ? table[item.type] : -OUTSIDE_COST;
  };
  // Current placement score and whether anything looks wrong.
  let current = 0;
  let suspicious = false;
  for (const it of items) {
    if (it.col >= width || !roleAt[it.col]) {
      current -= OUTSIDE_COST;
      suspicious = true;
      continue;
    }
    const f = fitAt(it, it.col);
    current += f;
    if (f <= -1.5) suspicious = true;
  }
  if (!suspicious) return null;

  // Order-preserving alignment of items to slots (each slot at most one item; an item may be
  // left out at a cost). DP over items × slots.
  const n = items.length;
  const m = slots.length;
  const NEG = -1e9;
  // best[i][j]: best score placing first i items using the first j slots.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(NEG));
  const choice: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let j = 0; j <= m; j++) best[0][j] = 0;
  for (let i = 1; i <= n; i++) {
    const it = items[i - 1];
    for (let j = 0; j <= m; j++) {
      // leave item out
      let b = best[i - 1][j] - OUTSIDE_COST * 2;
      let ch = 0;
      if (j > 0) {
        // slot j unused
        if (best[i][j - 1] > b) {
          b = best[i][j - 1];
          ch = 1;
        }
        // item i in slot j
        const s =
          best[i - 1][j - 1] +
          fitAt(it, slots[j - 1]) -
          MOVE_COST * Math.abs(slots[j - 1] - it.col);
        if (s > b) {
          b = s;
          ch = 2;
        }
      }
      best[i][j] = b;
      choice[i][j] = ch;
    }
  }
  if (best[n][m] < current + MIN_GAIN) return null;
  const placed = new Array<number>(n).fill(-1);
  let i = n;
  let j = m;
  while (i > 0) {
    const ch = choice[i][j];
    if (ch === 2) {
      placed[i - 1] = slots[j - 1];
      i--;
      j--;
    } else if (ch === 1) {
      j--;
    } else {
      i--;
    }
  }
  const out = texts.slice(0, width);
  while (out.length < width) out.push('');
  for (let c = fixedUpTo + 1; c < width; c++) if (!fixed[c]) out[c] = '';
  const moves: Move[] = [];
  items.forEach((it, k) => {
    const to = placed[k];
    if (to >= 0) out[to] = out[to] ? `${out[to]} ${it.value}` : it.value;
    if (to !== it.col) moves.push({ from: it.col, to, value: it.value });
  });
  if (moves.length === 0) return null;
  return { texts: out, moves };
}

/** Words that a deadline text nearly always holds; cells without them are not typed as deadlines. */
const DEADLINE_HINT =
  /\d|qu[yýíi]|th[aá]ng|n[aă]m|th[uư][oơ]ng xuy|h[aă]̀?ng|h[aàằ]ng|đ[iị]nh k|giai đo/i;

/**
 * Cheap first look: type only the cells whose column says what they should hold (lead, deadline)
 * and cells beyond the header; a full alignment runs only when one of them is off.
 */
function mayBeShifted(
  texts: string[],
  columns: ColumnMap,
  width: number,
  typer: ValueTyper,
  fixedUpTo: number,
  deadlineIsDate: boolean,
): boolean {
  for (let c = width; c < texts.length; c++) if (texts[c]) return true;
  const lead = columns.lead !== undefined ? texts[columns.lead] : '';
  if (lead) {
    const t = typer.type(lead);
    if (t === 'deadline' || t === 'person') return true;
  }
  const dc = columns.deadline;
  const deadline = dc !== undefined ? texts[dc] : '';
  if (deadline) {
    if (!deadlineIsDate && typer.type(deadline) !== 'deadline') return true;
  } else if (dc !== undefined) {
    // An empty deadline column: is the deadline sitting elsewhere?
    for (let c = fixedUpTo + 1; c < width; c++) {
      const v = texts[c];
      if (
        v &&
        c !== columns.lead &&
        v.length <= 90 &&
        DEADLINE_HINT.test(v) &&
        typer.type(v) === 'deadline'
      )
        return true;
    }
  }
  const support = columns.support !== undefined ? texts[columns.support] : '';
  if (
    support &&
    support.length <= 90 &&
    DEADLINE_HINT.test(support) &&
    typer.type(support) === 'deadline'
  )
    return true;
  return false;
}
