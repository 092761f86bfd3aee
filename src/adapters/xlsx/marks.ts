/**
 * The add-in's marks as ExcelJS conditional formats: shared by the .xlsx writer (write.ts, the CLI's
 * `--out`) and the standalone browser host (src/adapters/standalone), so that both write exactly the
 * same rules. Rules are recognised as the add-in's own by their tagged formula (engine/marks.ts);
 * user rules are never touched. No Node APIs in this file.
 */
import type ExcelJS from 'exceljs';
import { isOwnMarkFormula, MARK_ORDER, type MarkKind, type MarkRule } from '../../engine/marks';
import { MARK_TAG } from '../../engine/marks';

type CfRule = ExcelJS.ConditionalFormattingRule & { formulae?: unknown[] };

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

function isOwnRule(rule: CfRule): boolean {
  return (
    rule.type === 'expression' &&
    Array.isArray(rule.formulae) &&
    rule.formulae.some((f) => isOwnMarkFormula(String(f)))
  );
}

/** The sheet's conditional formats (ExcelJS keeps them on the worksheet, untyped). */
export function worksheetCfs(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (
    (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? []
  );
}

/** Remove the add-in's own conditional-format rules from a sheet; user rules stay. */
export function removeOwnMarks(ws: ExcelJS.Worksheet): void {
  for (const cf of worksheetCfs(ws)) cf.rules = cf.rules.filter((r) => !isOwnRule(r as CfRule));
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => cf.rules.length > 0);
}

/**
 * Add a plan's rules (engine/marks.ts planMarks) as conditional formats, ours first (as Office.js
 * adds them); the user's rules keep their order after them. Call removeOwnMarks first.
 */
export function addMarkRules(ws: ExcelJS.Worksheet, rules: MarkRule[]): void {
  if (rules.length === 0) return;
  const shift = rules.length;
  for (const cf of worksheetCfs(ws)) {
    for (const rule of cf.rules) if (typeof rule.priority === 'number') rule.priority += shift;
  }
  rules.forEach((rule, i) => {
    ws.addConditionalFormatting({
      ref: rule.ranges.join(' '),
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [rule.formula.replace(/^=/, '')],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.style.fill) } },
            font: { color: { argb: argb(rule.style.font) } },
          },
        },
      ],
    });
  });
}

/** One of the add-in's rules as found on a sheet: its kind and the 1-based rows it covers. */
export interface OwnMarkArea {
  kind: MarkKind;
  /** A1 ranges as written ("A12:H12"). */
  ranges: string[];
}

const KIND_RE = new RegExp(`"${MARK_TAG}:([a-z-]+)"`);

/** The add-in's marks on a sheet, read back from its conditional formats (for a preview). */
export function readOwnMarks(ws: ExcelJS.Worksheet): OwnMarkArea[] {
  const out: OwnMarkArea[] = [];
  for (const cf of worksheetCfs(ws)) {
    for (const rule of cf.rules as CfRule[]) {
      if (!isOwnRule(rule)) continue;
      const formula = (rule.formulae ?? []).map(String).find((f) => isOwnMarkFormula(f)) ?? '';
      const kind = KIND_RE.exec(formula)?.[1] as MarkKind | undefined;
      if (!kind || !MARK_ORDER.includes(kind)) continue;
      out.push({
        kind,
        ranges: String(cf.ref)
          .split(/[\s,]+/)
          .filter(Boolean),
      });
    }
  }
  return out;
}
