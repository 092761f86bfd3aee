/**
 * Compare two versions of an appendix ("So sánh với bản trước") and match report rows to a master
 * ("Gộp báo cáo"): both align the tasks of two sheet reports.
 *
 * Alignment, in order:
 * 1. Same section and number (TT), confirmed by the task text (similarity ≥ CONFIRM_SIMILARITY, so a
 *    renumbered table whose numbers now name other tasks is not aligned by number).
 * 2. The rest by task text similarity (Levenshtein over the folded text, the engine's `fold`), best
 *    pairs first, never below MATCH_SIMILARITY.
 *
 * The reports come from `analyzeSheet`, so merged cells, repeated headers and continuation rows are
 * read exactly as the check reads them. Pure: no Office.js, DOM or Node APIs.
 */
import { distance } from 'fastest-levenshtein';
import type { AgencyRef, SheetReport, Task } from './types';
import { fold } from './text';
import { normaliseTt } from './model';

/** Same number, texts at least this similar: the same task. */
export const CONFIRM_SIMILARITY = 0.5;
/** Different numbers: texts at least this similar are the same task (renumbered or moved). */
export const MATCH_SIMILARITY = 0.7;

/** Similarity of two task texts in [0, 1]: 1 − edit distance / longer length, over folded text. */
export function textSimilarity(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return 1;
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - distance(x, y) / longest;
}

/** Section label + canonical number: "II/3.1" ("-/3" outside any section). */
export function taskKey(task: Pick<Task, 'section' | 'tt'>): string {
  return `${task.section ?? '-'}/${normaliseTt(task.tt)}`;
}

export interface TaskPair {
  before: Task;
  after: Task;
  /** How they were aligned. */
  by: 'number' | 'text';
  similarity: number;
}

export interface Alignment {
  pairs: TaskPair[];
  /** Tasks of `before` with no partner. */
  onlyBefore: Task[];
  /** Tasks of `after` with no partner. */
  onlyAfter: Task[];
}

export interface AlignOptions {
  /** Threshold for pairing by text when numbers differ (default MATCH_SIMILARITY). */
  matchSimilarity?: number;
}

/** Align the tasks of two lists (see the module comment). Deterministic; each task pairs at most once. */
export function alignTasks(
  before: readonly Task[],
  after: readonly Task[],
  opts: AlignOptions = {},
): Alignment {
  const threshold = opts.matchSimilarity ?? MATCH_SIMILARITY;
  const pairs: TaskPair[] = [];
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();

  // 1. By section + number, confirmed by text (the first unused of a repeated key).
  const byKey = new Map<string, number[]>();
  before.forEach((t, i) => {
    const k = taskKey(t);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  after.forEach((t, j) => {
    const candidates = byKey.get(taskKey(t)) ?? [];
    for (const i of candidates) {
      if (usedBefore.has(i)) continue;
      const sim = textSimilarity(before[i].task, t.task);
      if (sim < CONFIRM_SIMILARITY) continue;
      usedBefore.add(i);
      usedAfter.add(j);
      pairs.push({ before: before[i], after: t, by: 'number', similarity: sim });
      break;
    }
  });

  // 2. By text similarity, best pairs first (ties: earlier rows first).
  const restBefore = before.map((_, i) => i).filter((i) => !usedBefore.has(i));
  const restAfter = after.map((_, j) => j).filter((j) => !usedAfter.has(j));
  const candidates: { i: number; j: number; sim: number }[] = [];
  // Edit distance is at least the difference in length: pairs whose lengths alone put them below the
  // threshold are skipped without computing it (exact, and it keeps big renumbered tables fast).
  const len = (t: Task) => fold(t.task).length;
  const lenBefore = new Map(restBefore.map((i) => [i, len(before[i])]));
  const lenAfter = new Map(restAfter.map((j) => [j, len(after[j])]));
  for (const i of restBefore) {
    for (const j of restAfter) {
      const a = lenBefore.get(i)!;
      const b = lenAfter.get(j)!;
      const longest = Math.max(a, b);
      if (longest > 0 && 1 - Math.abs(a - b) / longest < threshold) continue;
      const sim = textSimilarity(before[i].task, after[j].task);
      if (sim >= threshold) candidates.push({ i, j, sim });
    }
  }
  candidates.sort((a, b) => b.sim - a.sim || a.j - b.j || a.i - b.i);
  for (const c of candidates) {
    if (usedBefore.has(c.i) || usedAfter.has(c.j)) continue;
    usedBefore.add(c.i);
    usedAfter.add(c.j);
    pairs.push({ before: before[c.i], after: after[c.j], by: 'text', similarity: c.sim });
  }
  pairs.sort((a, b) => a.after.row - b.after.row);
  return {
    pairs,
    onlyBefore: before.filter((_, i) => !usedBefore.has(i)),
    onlyAfter: after.filter((_, j) => !usedAfter.has(j)),
  };
}

// ---------------------------------------------------------------------------------------------
// Word diff

export interface WordPart {
  /** same: in both; removed: only before; added: only after. */
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Word-by-word difference of two texts (longest common subsequence of words, compared folded so
 * that tone-mark placement does not count as a change). Adjacent words of one kind are joined.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  const fa = a.map(fold);
  const fb = b.map(fold);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = fa[i] === fb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts: WordPart[] = [];
  const push = (kind: WordPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += ` ${text}`;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && fa[i] === fb[j]) {
      push('same', b[j]);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      push('removed', a[i++]);
    } else {
      push('added', b[j++]);
    }
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Compare

export const COMPARED_FIELDS = ['task', 'leader', 'lead', 'support', 'deadline', 'status'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Where a task sits: section, number and 1-based sheet row. */
export interface TaskPlace {
  section: string | null;
  tt: string;
  row: number;
}

export interface TaskMove {
  /** The task's number in the newer version. */
  tt: string;
  task: string;
  from: TaskPlace;
  to: TaskPlace;
  /** Moved to another section, or renumbered within its section. */
  kind: 'section' | 'renumbered';
}

export interface FieldChange {
  /** Number, section and row in the newer version. */
  tt: string;
  section: string | null;
  row: number;
  /** Row in the older version. */
  beforeRow: number;
  field: ComparedField;
  before: string;
  after: string;
  /** Deadline only: the text changed but the due date did not ("Quý II/2026" → "30/6/2026"). */
  sameDue?: boolean;
  /** Deadline only: due dates (ISO) before and after, when known. */
  dueBefore?: string | null;
  dueAfter?: string | null;
  /** Task text only: the change word by word. */
  words?: WordPart[];
}

export interface ComparedTask {
  tt: string;
  section: string | null;
  row: number;
  task: string;
}

export interface Comparison {
  /** Sheet names compared (older, newer). */
  before: string;
  after: string;
  added: ComparedTask[];
  removed: ComparedTask[];
  moved: TaskMove[];
  changed: FieldChange[];
}

function brief(t: Task): ComparedTask {
  return { tt: t.tt, section: t.section, row: t.row, task: t.task };
}

/** Agencies named in a cell, by meaning: canonical names, folded, sorted, without repeats. */
function agencyKey(refs: readonly AgencyRef[]): string {
  return [...new Set(refs.map((r) => fold(r.name)))].sort().join('|');
}

function agencyText(refs: readonly AgencyRef[]): string {
  return refs.map((r) => r.raw).join('; ');
}

const text = (s: string | null | undefined) => s ?? '';

/** The changed fields of one aligned pair, in COMPARED_FIELDS order. */
export function compareTasks(before: Task, after: Task): FieldChange[] {
  const out: FieldChange[] = [];
  const base = { tt: after.tt, section: after.section, row: after.row, beforeRow: before.row };
  if (fold(before.task) !== fold(after.task)) {
    out.push({
      ...base,
      field: 'task',
      before: before.task,
      after: after.task,
      words: wordDiff(before.task, after.task),
    });
  }
  if (fold(text(before.leader)) !== fold(text(after.leader))) {
    out.push({ ...base, field: 'leader', before: text(before.leader), after: text(after.leader) });
  }
  for (const field of ['lead', 'support'] as const) {
    if (agencyKey(before[field]) !== agencyKey(after[field])) {
      out.push({
        ...base,
        field,
        before: agencyText(before[field]),
        after: agencyText(after[field]),
      });
    }
  }
  const d0 = before.deadline;
  const d1 = after.deadline;
  if (fold(d0.text) !== fold(d1.text) || d0.due !== d1.due) {
    const sameDue = d0.due !== null && d0.due === d1.due;
    out.push({
      ...base,
      field: 'deadline',
      before: d0.text,
      after: d1.text,
      sameDue,
      dueBefore: d0.due,
      dueAfter: d1.due,
    });
  }
  if (fold(text(before.status)) !== fold(text(after.status))) {
    out.push({ ...base, field: 'status', before: text(before.status), after: text(after.status) });
  }
  return out;
}

/** Compare an older and a newer report of one appendix. */
export function compareReports(before: SheetReport, after: SheetReport): Comparison {
  const { pairs, onlyBefore, onlyAfter } = alignTasks(before.tasks, after.tasks);
  const moved: TaskMove[] = [];
  const changed: FieldChange[] = [];
  for (const p of pairs) {
    const a = p.before;
    const b = p.after;
    const sectionMoved = (a.section ?? '') !== (b.section ?? '');
    if (sectionMoved || normaliseTt(a.tt) !== normaliseTt(b.tt)) {
      moved.push({
        tt: b.tt,
        task: b.task,
        from: { section: a.section, tt: a.tt, row: a.row },
        to: { section: b.section, tt: b.tt, row: b.row },
        kind: sectionMoved ? 'section' : 'renumbered',
      });
    }
    changed.push(...compareTasks(a, b));
  }
  return {
    before: before.name,
    after: after.name,
    added: onlyAfter.map(brief),
    removed: onlyBefore.map(brief),
    moved,
    changed,
  };
}

/** No task added, removed, moved or changed. */
export function isSameVersion(c: Comparison): boolean {
  return c.added.length + c.removed.length + c.moved.length + c.changed.length === 0;
}
