/**
 * Summaries the workbook shows: tasks by lead agency × state (a task with two lead agencies counts
 * for each), by leader × state, by due quarter × state, by section × state, and support involvement.
 */
import type { SummaryCount, Summary, Task, TaskState } from './types';
import { buildReminders, buildStandardReport } from './tracking';

export function quarterKey(task: Task): { year: number; quarter: number } | null {
  const due = task.deadline.due;
  if (!due || task.deadline.kind === 'recurring') return null;
  const year = Number(due.slice(0, 4));
  const month = Number(due.slice(5, 7));
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** Sort key for "Q/YYYY" labels: chronological. */
export function quarterSortKey(label: string): string {
  const m = /^(\d)\/(\d{4})$/.exec(label);
  return m ? `${m[2]}-${m[1]}` : `9999-${label}`;
}

class Counter {
  private map = new Map<string, SummaryCount>();
  add(key: string, state: TaskState, unassigned: boolean): void {
    let e = this.map.get(key);
    if (!e) {
      e = { key, counts: { total: 0 } };
      this.map.set(key, e);
    }
    e.counts.total = (e.counts.total ?? 0) + 1;
    e.counts[state] = (e.counts[state] ?? 0) + 1;
    if (unassigned) e.counts.unassigned = (e.counts.unassigned ?? 0) + 1;
  }
  list(sort: 'count' | 'key' | ((a: string, b: string) => number)): SummaryCount[] {
    const out = [...this.map.values()];
    if (sort === 'count') {
      out.sort(
        (a, b) => (b.counts.total ?? 0) - (a.counts.total ?? 0) || a.key.localeCompare(b.key, 'vi'),
      );
    } else if (sort === 'key') {
      out.sort((a, b) => a.key.localeCompare(b.key, 'vi'));
    } else {
      out.sort((a, b) => sort(a.key, b.key));
    }
    return out;
  }
}

/** Keys for tasks with no lead / leader / deadline / section ("" is shown by the caller's catalogue). */
export const NONE_KEY = '';

export function summarise(tasks: Task[], sectionOrder: string[] = [], asOf?: string): Summary {
  const byState: Partial<Record<TaskState, number>> = {};
  const lead = new Counter();
  const leader = new Counter();
  const quarter = new Counter();
  const section = new Counter();
  const support = new Map<string, number>();
  let unassigned = 0;
  for (const task of tasks) {
    byState[task.state] = (byState[task.state] ?? 0) + 1;
    if (task.unassigned) unassigned++;
    if (!task.lead.length) lead.add(NONE_KEY, task.state, task.unassigned);
    else if (task.lead.length === 1) lead.add(task.lead[0].name, task.state, task.unassigned);
    else
      for (const name of new Set(task.lead.map((r) => r.name)))
        lead.add(name, task.state, task.unassigned);
    leader.add(task.leader ?? NONE_KEY, task.state, task.unassigned);
    const q = quarterKey(task);
    quarter.add(q ? `${q.quarter}/${q.year}` : NONE_KEY, task.state, task.unassigned);
    section.add(task.section ?? NONE_KEY, task.state, task.unassigned);
    if (task.support.length === 1) {
      const name = task.support[0].name;
      support.set(name, (support.get(name) ?? 0) + 1);
    } else if (task.support.length > 1) {
      for (const name of new Set(task.support.map((r) => r.name)))
        support.set(name, (support.get(name) ?? 0) + 1);
    }
  }
  const secIndex = (k: string) => {
    const i = sectionOrder.indexOf(k);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return {
    total: tasks.length,
    byState,
    unassigned,
    byLead: lead.list('count'),
    byLeader: leader.list('count'),
    byQuarter: quarter.list((a, b) => quarterSortKey(a).localeCompare(quarterSortKey(b))),
    bySection: section.list((a, b) => secIndex(a) - secIndex(b)),
    bySupport: [...support.entries()]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'vi')),
    report: buildStandardReport(tasks),
    ...(asOf ? { reminders: buildReminders(tasks, asOf) } : {}),
  };
}
