/**
 * The engine's entry point: one sheet snapshot in, one report out. Synchronous, deterministic,
 * and pure (the caller supplies the as-of date; the engine has no clock).
 */
import type {
  AnalyzeOptions,
  CellEdit,
  CellValue,
  Finding,
  Fix,
  HeaderCell,
  Role,
  SheetReport,
  SheetSnapshot,
  Severity,
} from './types';
import { ROLES, REQUIRED_ROLES } from './types';
import { buildModel, type BuildOptions, type SheetModel } from './model';
import { RULES } from './rules';
import type { Report, RuleContext, Visitors } from './rules/rule';
import { a1, columnLetter } from './text';
import { MessageContext, ReportedFinding } from './finding';
import { summarise } from './summary';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runRules(model: SheetModel): Finding[] {
  const findings: Finding[] = [];
  const lang = model.options.lang;
  const visitors: Visitors[] = [];
  const colOf = (role: Role) => (model.columns[role] !== undefined ? model.columns[role]! : null);
  // Per-check lookups shared by every report: a column's role, role names, column letters.
  const roleOfCol = new Map<number, Role | null>();
  const roleAt = (c: number): Role | null => {
    let x = roleOfCol.get(c);
    if (x === undefined) {
      x = (ROLES.find((y) => model.columns[y] === c) as Role | undefined) ?? null;
      roleOfCol.set(c, x);
    }
    return x;
  };
  const messages = new MessageContext(lang, model.snapshot.name);
  // Fix ids are `<code>:<cell>:<choice>`; a second fix with the same id in one check gets "#2", …
  const fixIds = new Map<string, number>();
  const sheet = model.snapshot.name;
  const cellRef = (index: number, col: number) =>
    `${messages.letter(model.sheetCol(col))}${model.sheetRow(index)}`;
  const rawValue = (index: number, col: number): CellValue => {
    const v = model.snapshot.values[index]?.[col];
    return v === undefined ? null : v;
  };
  const edit = (index: number, col: number, after: CellValue): CellEdit => ({
    sheet,
    cell: cellRef(index, col),
    before: rawValue(index, col),
    after,
  });
  for (const rule of RULES) {
    const code = rule.meta.code;
    const baseId = `finding.${code}`;
    const ids = new Map<string, string>();
    const severities = rule.meta.messages;
    const context: RuleContext = {
      model,
      colOf,
      cellRef,
      rawValue,
      edit,
      reportTask(tm, role, messageId, data, extras) {
        context.report({
          index: tm.rows[0].index,
          col: colOf(role),
          role,
          messageId,
          data,
          ...extras,
        });
      },
      report(r: Report) {
        const key = r.messageId ?? 'default';
        const severity: Severity | undefined = Object.hasOwn(severities, key)
          ? severities[key]
          : undefined;
        if (severity === undefined)
          throw new Error(
            `Rule ${code} reports "${key}", which its meta.messages does not declare`,
          );
        let messageId = baseId;
        if (key !== 'default') {
          const known = ids.get(key);
          if (known === undefined) ids.set(key, (messageId = `${baseId}.${key}`));
          else messageId = known;
        }
        const row = r.index === null || r.index === undefined ? null : model.sheetRow(r.index);
        const col = r.col === null || r.col === undefined ? null : model.sheetCol(r.col);
        let role = r.role ?? null;
        if (!role && r.col !== null && r.col !== undefined) role = roleAt(r.col);
        // Rules build a fresh data object per report; it becomes the finding's.
        const data = r.data ?? {};
        if (role && data.role === undefined) data.role = messages.roleName(role);
        const cell =
          row !== null && col !== null
            ? `${messages.letter(col)}${row}`
            : row !== null
              ? a1(row, 1)
              : null;
        const finding = new ReportedFinding(
          code,
          severity,
          cell,
          row,
          col,
          role,
          messageId,
          data,
          messages,
          r.suggestion,
        );
        if (r.fixes?.length) {
          const fixes: Fix[] = [];
          for (const d of r.fixes) {
            if (!d.edits.length && !d.merges?.length) continue;
            let id = `${code}:${cell ?? ''}:${d.choice}`;
            const n = (fixIds.get(id) ?? 0) + 1;
            fixIds.set(id, n);
            if (n > 1) id = `${id}#${n}`;
            const fix: Fix = {
              id,
              messageId: `fix.${code}.${d.choice}`,
              data: d.data ?? {},
              edits: d.edits,
            };
            if (d.merges?.length) fix.merges = d.merges;
            fixes.push(fix);
          }
          if (fixes.length) finding.fixes = fixes;
        }
        findings.push(finding);
      },
    };
    visitors.push(rule.create(context));
  }
  for (const v of visitors) v.sheet?.(model);
  // Each kind of visitor gathered once, in rule order (the hot loops then call plain functions).
  const rowFns: NonNullable<Visitors['row']>[] = [];
  const taskFns: NonNullable<Visitors['task']>[] = [];
  for (const v of visitors) {
    if (v.row) rowFns.push(v.row.bind(v));
    if (v.task) taskFns.push(v.task.bind(v));
  }
  for (const r of model.rows) for (let i = 0; i < rowFns.length; i++) rowFns[i](r);
  model.sections.forEach((s, i) => {
    for (const v of visitors) v.section?.(s, i);
  });
  for (const tm of model.tasks) for (let i = 0; i < taskFns.length; i++) taskFns[i](tm);
  for (const v of visitors) v.end?.();
  // By row, then severity; Array.prototype.sort is stable, so rule order is kept within those.
  return findings.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

export function reportFromModel(model: SheetModel): SheetReport {
  const findings = runRules(model);
  const columns: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const c = model.columns[role];
    if (c !== undefined) columns[role] = columnLetter(model.sheetCol(c) - 1);
  }
  const hasTable = model.header !== null || model.options.columns !== undefined;
  const tasks = model.tasks.map((tm) => tm.task);
  const headerRow = model.header ? model.sheetRow(model.header.row) : null;
  const headerHeight = model.header?.height ?? 0;
  return {
    name: model.snapshot.name,
    asOf: model.options.asOf,
    dueSoonDays: model.options.dueSoonDays,
    headerRow,
    headerHeight,
    firstColumn: model.sheetCol(0),
    lastColumn: model.sheetCol(Math.max(model.width, 1) - 1),
    headerCells: headerCells(model.snapshot, headerRow, headerHeight),
    columns,
    columnIndexes: { ...model.columns },
    missingRoles: hasTable
      ? REQUIRED_ROLES.filter((r) => model.columns[r] === undefined)
      : [...REQUIRED_ROLES],
    planYear: model.planYear,
    planYears: model.planYears ? { ...model.planYears } : null,
    scope: model.scope,
    sections: model.sections.map(({ row, label, title }) => ({ row, label, title })),
    tasks,
    rows: model.rows.map(({ index, row, cls }) => ({ index, row, cls })),
    findings,
    summary: summarise(
      tasks,
      model.sections.map((s) => s.label),
      model.options.asOf,
    ),
  };
}

/** Analyse one sheet. */
export function analyzeSheet(
  snapshot: SheetSnapshot,
  options: AnalyzeOptions | BuildOptions,
): SheetReport {
  return reportFromModel(buildModel(snapshot, options));
}

/**
 * The header texts of a sheet's header row(s), by 0-based column (for the column-mapping picker);
 * without a header row, every column of the widest row, without text.
 */
function headerCells(
  snapshot: SheetSnapshot,
  headerRow: number | null,
  headerHeight: number,
): HeaderCell[] {
  const origin = snapshot.origin ?? { row: 0, col: 0 };
  const out: HeaderCell[] = [];
  if (headerRow !== null) {
    const r = headerRow - origin.row - 1;
    const rows = snapshot.values.slice(r, r + headerHeight);
    const width = Math.max(...rows.map((x) => x?.length ?? 0), 0);
    for (let c = 0; c < width; c++) {
      const parts = rows.map((row) => row?.[c]);
      const text = parts
        .map((v) =>
          typeof v === 'string'
            ? v.replace(/<[^>]+>/g, '').trim()
            : v === null || v === undefined
              ? ''
              : String(v),
        )
        .filter(Boolean)
        .join(' / ');
      out.push({ col: c, letter: columnLetter(origin.col + c), text });
    }
  }
  if (out.length > 0) return out;
  const width = Math.max(0, ...snapshot.values.map((row) => row?.length ?? 0));
  for (let c = 0; c < width; c++)
    out.push({ col: c, letter: columnLetter(origin.col + c), text: '' });
  return out;
}
