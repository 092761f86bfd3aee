import type { AgencyRef } from '../types';
import type { TaskModel } from '../model';
import { renameFix } from '../fixes';
import { fold } from '../text';
import { isoToVn } from '../calendar';
import { defineRule } from './rule';

/** Spelling key: case, spacing, punctuation and tone-mark placement do not count; đ vs d does. */
const spellingKey = (raw: string) => fold(raw.replace(/đ/g, 'dd').replace(/Đ/g, 'DD'));

/**
 * Agency names:
 * - unknown to the dictionary (info);
 * - misspelt: matched only approximately ("Sở VH TTL") (info, canonical name suggested);
 * - inconsistent: the same agency written several ways in one sheet ("Sở VHTTDL" and "Sở VH TTDL"):
 *   the less used spellings are reported (info, canonical name suggested);
 * - renamed: a name that no longer exists since the 2025 mergers (warning, what took over, and
 *   since when when the dictionary knows the date).
 * Fixes: write the canonical spelling (variant); write the successor's name (renamed: its own,
 * explicit choice, since a plan may cite the old name on purpose). Never both in one fix.
 */
export default defineRule({
  meta: {
    code: 'agency-name',
    type: 'suggestion',
    docs: 'Unknown, misspelt, inconsistent and renamed agency names.',
    messages: {
      unknown: 'info',
      variant: 'info',
      renamed: 'warning',
      'renamed-on': 'warning',
    },
    hasSuggestions: true,
    fixes: ['canonical', 'renamed'],
  },
  create(ctx) {
    const dict = ctx.model.dict;
    const spellings = new Map<string, string>();
    const spelling = (raw: string): string => {
      let k = spellings.get(raw);
      if (k === undefined) {
        k = spellingKey(raw);
        spellings.set(raw, k);
      }
      return k;
    };
    /** canonical → spelling → count */
    const usage = new Map<string, Map<string, number>>();
    const majority = new Map<string, string>();
    const eachRef = (fn: (r: AgencyRef) => void) => {
      for (const tm of ctx.model.tasks) {
        for (const r of tm.task.lead) fn(r);
        for (const r of tm.task.support) fn(r);
      }
    };
    const check = (tm: TaskModel, refs: readonly AgencyRef[], role: 'lead' | 'support') => {
      for (const r of refs) {
        if (r.kind !== 'agency') continue;
        if (r.renamedTo) {
          const dated = Boolean(r.changedOn);
          const data: Record<string, string> = dated
            ? { value: r.raw, now: r.renamedTo, date: isoToVn(r.changedOn!) }
            : { value: r.raw, now: r.renamedTo };
          const fixes = renameFix(ctx, tm, role, r, r.renamedTo, 'renamed', {
            value: r.raw,
            now: r.renamedTo,
          });
          ctx.reportTask(tm, role, dated ? 'renamed-on' : 'renamed', data, {
            suggestion: r.renamedTo,
            fixes,
          });
        } else if (!r.known) {
          ctx.reportTask(tm, role, 'unknown', { value: r.raw });
        } else if (
          (r.variant && !dict.isKnownName(r.raw)) ||
          // The dictionary's own spelling is never the inconsistent one.
          ((usage.get(r.name)?.size ?? 0) > 1 &&
            spelling(r.raw) !== majority.get(r.name) &&
            spelling(r.raw) !== spelling(r.name))
        ) {
          const fixes = renameFix(ctx, tm, role, r, r.name, 'canonical', {
            value: r.raw,
            canonical: r.name,
          });
          ctx.reportTask(
            tm,
            role,
            'variant',
            { value: r.raw, canonical: r.name },
            { suggestion: r.name, fixes },
          );
        }
      }
    };
    return {
      sheet() {
        eachRef((r) => {
          if (r.kind !== 'agency' || !r.known) return;
          const m = usage.get(r.name) ?? new Map<string, number>();
          const k = spelling(r.raw);
          m.set(k, (m.get(k) ?? 0) + 1);
          usage.set(r.name, m);
        });
        for (const [name, m] of usage) {
          const best = [...m.entries()].sort(
            (a, b) =>
              b[1] - a[1] || (a[0] === spelling(name) ? -1 : b[0] === spelling(name) ? 1 : 0),
          )[0];
          majority.set(name, best[0]);
        }
      },
      task(tm) {
        check(tm, tm.task.lead, 'lead');
        check(tm, tm.task.support, 'support');
      },
    };
  },
});
