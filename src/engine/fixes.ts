/**
 * What the rules share to build fixes (edits as data, see rules/rule.ts): finding the cell that
 * holds a value as written, rewriting a party inside a lead/support cell and checking the result
 * reads as intended. A fix is only offered when reading the edited cell again gives what the fix
 * promises, so a fix never trades one finding for another.
 */
import type { AgencyRef, CellValue, Role } from './types';
import type { LostMerge, RowModel, SheetModel, TaskModel } from './model';
import type { FixDraft, RuleContext } from './rules/rule';
import { parseAgencyCell, parseAssignment } from './agencies';
import { cellText, hasMarkup } from './text';
import { KeptResults } from './kept';

/** A string cell of one of the task's rows, as written (not re-aligned, not under a merge). */
export interface WrittenCell {
  row: RowModel;
  col: number;
  value: string;
}

/** The cells of the task's rows in column `c` that hold text as written (unmoved, own value). */
export function writtenCells(ctx: RuleContext, tm: TaskModel, c: number): WrittenCell[] {
  const out: WrittenCell[] = [];
  for (const r of tm.rows) {
    if (!r.original[c] || r.texts[c] !== r.original[c] || r.merged[c]) continue;
    const v = ctx.rawValue(r.index, c);
    if (typeof v === 'string') out.push({ row: r, col: c, value: v });
  }
  return out;
}

/** The first cell of the task in column `c` whose value holds `needle` literally (and no markup). */
export function cellHolding(
  ctx: RuleContext,
  tm: TaskModel,
  c: number,
  needle: string,
): WrittenCell | null {
  if (!needle) return null;
  for (const w of writtenCells(ctx, tm, c))
    if (!hasMarkup(w.value) && w.value.includes(needle)) return w;
  return null;
}

/** A cell's parties, as readParties gives them. */
interface Parties {
  lead: readonly AgencyRef[];
  support: readonly AgencyRef[];
  runTogether: boolean;
}

/**
 * Readings per check, by role and text: a fix reads its cell before and after the edit, and the
 * same cells (and the same edits) recur on every other row of a table. The lists are read-only;
 * every caller copies before it sorts. One table per role, so that the text alone is the key.
 */
const partiesKept = {
  lead: new KeptResults<SheetModel, Parties>(),
  support: new KeptResults<SheetModel, Parties>(),
};

/** A cell's parties as the model reads them (a lead cell may name both roles). */
export function readParties(model: SheetModel, role: 'lead' | 'support', text: string): Parties {
  return partiesKept[role].get(model, text, () => readPartiesOnce(model, role, text));
}

function readPartiesOnce(model: SheetModel, role: 'lead' | 'support', text: string): Parties {
  const { dict, columns } = model;
  const t = cellText(text);
  if (role === 'lead') {
    const combined = parseAssignment(t, dict);
    if (
      combined &&
      (combined.support.length > 0 ||
        columns.support === undefined ||
        columns.support === columns.lead)
    ) {
      return {
        lead: combined.lead.flatMap((x) => parseAgencyCell(x, dict).refs),
        support: combined.support.flatMap((x) => parseAgencyCell(x, dict).refs),
        runTogether: false,
      };
    }
    const p = parseAgencyCell(t, dict);
    return { lead: p.refs, support: [], runTogether: p.runTogether };
  }
  const p = parseAgencyCell(t, dict);
  return { lead: [], support: p.refs, runTogether: p.runTogether };
}

/** `names` sorted in place (a multiset to compare); fewer than two need no sort. */
function sorted(names: string[]): string[] {
  return names.length > 1 ? names.sort() : names;
}

/** Names of a list of parties, sorted (a multiset to compare). */
export function nameList(refs: readonly AgencyRef[]): string[] {
  return sorted(refs.map((r) => r.name));
}

export function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The value written back: trimmed text, or null when nothing is left. */
export function cellOrNull(text: string): CellValue {
  const t = text.replace(/[ \t]{2,}/g, ' ').trim();
  return t ? t : null;
}

const SEP_AFTER = /^\s*[;,]\s*|^\s+và\s+/u;
const SEP_BEFORE = /\s*[;,]\s*$|\s+và\s+$/u;

/**
 * Ways to take `part` out of a cell's text, tidiest first: with the separator after it, with the
 * separator before it, or alone.
 */
export function removals(value: string, part: string): string[] {
  const i = value.indexOf(part);
  if (i < 0) return [];
  const before = value.slice(0, i);
  const after = value.slice(i + part.length);
  const out: string[] = [];
  const a = SEP_AFTER.exec(after);
  if (a) out.push(before + after.slice(a[0].length));
  const b = SEP_BEFORE.exec(before);
  if (b) out.push(before.slice(0, b.index) + after);
  out.push(`${before.trimEnd()} ${after.trimStart()}`);
  return out.map((s) => s.trim());
}

/** Replace the first occurrence of `part` in `value`. */
export function replaceOnce(value: string, part: string, by: string): string {
  const i = value.indexOf(part);
  return i < 0 ? value : value.slice(0, i) + by + value.slice(i + part.length);
}

/** Shorten a value for a fix's message. */
export function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The two repairs of a lost vertical merge: write the value above into each blank cell (fill), or
 * merge the column again from the row that holds the value down over the blank run (merge: the
 * cells it covers are listed as edits, cleared).
 */
export function lostMergeFixes(
  ctx: RuleContext,
  tasks: TaskModel[],
  col: number,
  lost: LostMerge,
): FixDraft[] {
  const value = short(lost.text);
  const out: FixDraft[] = [
    {
      choice: 'fill',
      data: { value, row: lost.row, count: tasks.length },
      edits: tasks.map((tm) => ctx.edit(tm.rows[0].index, col, lost.value)),
    },
  ];
  if (lost.through > lost.index) {
    const edits = [];
    for (let i = lost.index + 1; i <= lost.through; i++) edits.push(ctx.edit(i, col, null));
    const range = `${ctx.cellRef(lost.index, col)}:${ctx.cellRef(lost.through, col)}`;
    out.push({ choice: 'merge', data: { value, row: lost.row, range }, edits, merges: [range] });
  }
  return out;
}

/** Role of a party column. */
export type PartyRole = Extract<Role, 'lead' | 'support'>;

/**
 * Whether writing `name` in place of the party written `raw` in a cell reading `value` reads as
 * intended: the same parties, `raw` now read as `name`, a known name (for a renamed agency, one
 * not itself renamed). It depends on the texts alone, and the same cells and renames recur row
 * after row: kept per check.
 */
const renameKept = new KeptResults<SheetModel, boolean>();

function renameReads(
  model: SheetModel,
  role: PartyRole,
  value: string,
  raw: string,
  name: string,
  choice: string,
): boolean {
  const key = `${role}\u0000${choice}\u0000${raw}\u0000${name}\u0000${value}`;
  return renameKept.get(model, key, () => renameReadsOnce(model, role, value, raw, name, choice));
}

function renameReadsOnce(
  model: SheetModel,
  role: PartyRole,
  value: string,
  raw: string,
  name: string,
  choice: string,
): boolean {
  const before = readParties(model, role, value);
  const read = readParties(model, role, replaceOnce(value, raw, name));
  const swap = (refs: readonly AgencyRef[]) => {
    const names = refs.map((r) => r.name);
    const i = refs.findIndex((r) => r.raw === raw);
    if (i >= 0) names[i] = model.dict.match(name).name;
    return sorted(names);
  };
  if (
    !sameList(nameList(read.lead), swap(before.lead)) ||
    !sameList(nameList(read.support), swap(before.support))
  )
    return false;
  const mine = [...read.lead, ...read.support].find((r) => r.raw === name);
  return !(
    !mine ||
    !mine.known ||
    !model.dict.isKnownName(name) ||
    (choice === 'renamed' && mine.renamedTo !== undefined)
  );
}

/**
 * agency-name: write another name in place of a party as written (the canonical spelling, or the
 * successor of a renamed agency). Offered when the cell holds the party literally and, read again,
 * names the same parties with `raw` now read as `name`.
 */
export function renameFix(
  ctx: RuleContext,
  tm: TaskModel,
  role: PartyRole,
  ref: AgencyRef,
  name: string,
  choice: string,
  data: Record<string, string | number>,
): FixDraft[] | undefined {
  const col = ctx.colOf(role);
  if (col === null || ref.raw === name) return undefined;
  const cell = cellHolding(ctx, tm, col, ref.raw);
  if (!cell) return undefined;
  const model = ctx.model;
  const after = replaceOnce(cell.value, ref.raw, name);
  if (!renameReads(model, role, cell.value, ref.raw, name, choice)) return undefined;
  return [{ choice, data, edits: [ctx.edit(cell.row.index, col, after)] }];
}

/**
 * deadline (year inferred): write the plan year into the text ("Quý II" → "Quý II/2026"). The first
 * wording that reads as the same due date without an inferred year is offered.
 */
export function deadlineYearFix(
  ctx: RuleContext,
  tm: TaskModel,
  year: number,
  parse: (text: string) => { due: string | null; yearInferred?: boolean },
): FixDraft[] | undefined {
  const col = ctx.colOf('deadline');
  if (col === null) return undefined;
  const cells = writtenCells(ctx, tm, col);
  if (cells.length !== 1 || hasMarkup(cells[0].value)) return undefined;
  const w = cells[0];
  const text = w.value.trim();
  const due = parse(text).due;
  if (!due) return undefined;
  const bracket = text.indexOf('(');
  const head = bracket > 0 ? text.slice(0, bracket).trimEnd() : text;
  const tail = bracket > 0 ? ` ${text.slice(bracket)}` : '';
  for (const candidate of [`${head}/${year}${tail}`, `${head} năm ${year}${tail}`]) {
    const d = parse(candidate);
    if (d.due === due && !d.yearInferred)
      return [
        {
          choice: 'year',
          data: { text: candidate },
          edits: [ctx.edit(w.row.index, col, candidate)],
        },
      ];
  }
  return undefined;
}

/** Ways to write a separator into a text with two parties run together: "; " at each word gap. */
function separations(value: string): string[] {
  const out: string[] = [];
  const gap = /\s+/g;
  let m: RegExpExecArray | null;
  while ((m = gap.exec(value)) && out.length < 60) {
    if (m.index === 0 || m.index + m[0].length === value.length) continue;
    const left = value.slice(0, m.index);
    if (/[;,]$/.test(left)) continue;
    out.push(`${left}; ${value.slice(m.index + m[0].length)}`);
  }
  return out;
}

/** agencies-run-together: insert "; " where the cell then reads as the same parties, none run together. */
export function separateFix(
  ctx: RuleContext,
  tm: TaskModel,
  role: PartyRole,
): FixDraft[] | undefined {
  const col = ctx.colOf(role);
  if (col === null) return undefined;
  const model = ctx.model;
  for (const w of writtenCells(ctx, tm, col)) {
    if (hasMarkup(w.value)) continue;
    const before = readParties(model, role, w.value);
    if (!before.runTogether) continue;
    const want = nameList([...before.lead, ...before.support]);
    for (const candidate of separations(w.value)) {
      const read = readParties(model, role, candidate);
      if (!read.runTogether && sameList(nameList([...read.lead, ...read.support]), want)) {
        return [
          {
            choice: 'separate',
            data: { text: short(candidate, 80) },
            edits: [ctx.edit(w.row.index, col, candidate)],
          },
        ];
      }
    }
  }
  return undefined;
}

/** lead-in-support: take the repeated lead (every mention of it) out of the support cell; the rest reads as before. */
export function removeSupportFix(
  ctx: RuleContext,
  tm: TaskModel,
  ref: AgencyRef,
): FixDraft[] | undefined {
  const col = ctx.colOf('support');
  if (col === null || col === ctx.colOf('lead')) return undefined;
  const cell = cellHolding(ctx, tm, col, ref.raw);
  if (!cell) return undefined;
  const start = readParties(ctx.model, 'support', cell.value).support;
  const want = nameList(start.filter((r) => r.name !== ref.name));
  let text = cell.value;
  for (let guard = 0; guard < 10; guard++) {
    const refs = readParties(ctx.model, 'support', text).support;
    const rest = refs.filter((r) => r.name !== ref.name);
    if (rest.length === refs.length) break;
    const target = refs.find((r) => r.name === ref.name && text.includes(r.raw));
    if (!target) return undefined;
    const wantNow = nameList(refs.filter((r) => r !== target));
    const next = removals(text, target.raw).find((c) => {
      const read = readParties(ctx.model, 'support', c);
      return !read.runTogether && sameList(nameList(read.support), wantNow);
    });
    if (next === undefined) return undefined;
    text = next;
  }
  const read = readParties(ctx.model, 'support', text);
  if (read.runTogether || !sameList(nameList(read.support), want)) return undefined;
  return [
    {
      choice: 'remove',
      data: { agency: ref.name },
      edits: [ctx.edit(cell.row.index, col, cellOrNull(text))],
    },
  ];
}

/**
 * lead-is-person: move the person's title to the leader (else inspector) column when the task's cell
 * there is blank, writing the agency inside the title in its place (or nothing, in the support
 * column). A lead cell is never left without an agency.
 */
export function movePersonFix(
  ctx: RuleContext,
  tm: TaskModel,
  role: PartyRole,
  ref: AgencyRef,
  columnName: (role: Role) => string,
): FixDraft[] | undefined {
  const col = ctx.colOf(role);
  if (col === null) return undefined;
  const first = tm.rows[0];
  let target: Role | null = null;
  for (const r of ['leader', 'inspector'] as const) {
    const c = ctx.colOf(r);
    if (c !== null && tm.rows.every((x) => !x.texts[c] && !x.original[c] && !x.merged[c])) {
      target = r;
      break;
    }
  }
  if (!target) return undefined;
  const cell = cellHolding(ctx, tm, col, ref.raw);
  if (!cell) return undefined;
  const model = ctx.model;
  const before = readParties(model, role, cell.value);
  const others = (role === 'lead' ? before.lead : before.support).filter((r) => r !== ref);
  const agency = ref.suggestion ? model.dict.match(ref.suggestion) : null;
  const candidates =
    agency && !others.some((r) => r.name === agency.name)
      ? [replaceOnce(cell.value, ref.raw, ref.suggestion!)]
      : removals(cell.value, ref.raw);
  for (const candidate of candidates) {
    const read = readParties(model, role, candidate);
    const mine = role === 'lead' ? read.lead : read.support;
    if (read.runTogether || mine.some((r) => r.kind === 'person')) continue;
    if (role === 'lead' && !mine.length) continue;
    const c = ctx.colOf(target)!;
    const replaced = candidates.length === 1 && agency !== null;
    return [
      {
        choice: replaced ? 'move' : 'move-only',
        data: replaced
          ? { value: short(ref.raw), column: columnName(target), agency: ref.suggestion! }
          : { value: short(ref.raw), column: columnName(target) },
        edits: [
          ctx.edit(first.index, c, ref.raw),
          ctx.edit(cell.row.index, col, cellOrNull(candidate)),
        ],
      },
    ];
  }
  return undefined;
}
