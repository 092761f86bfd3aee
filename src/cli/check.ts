/**
 * `phancong check <file.xlsx>`: read a workbook, check each sheet (or one), print a report a staff
 * member can act on (or one JSON document), optionally write a checked copy with marks and
 * summary sheets. Exit code 0: no errors; 1: errors found; 2: the input cannot be read.
 */
import type { Lang, SheetReport, Finding, Task } from '../engine/types';
import { analyzeSheet } from '../engine/analyze';
import { t } from '../messages';
import type { CliIO } from './io';
import { parseArgs, todayIso, isIsoDate, CliUsageError } from './args';

export interface CheckOptions {
  file: string;
  sheet?: string;
  asOf: string;
  json: boolean;
  out?: string;
  lang: Lang;
  all: boolean;
  dueSoonDays: number;
}

export function parseCheckArgs(argv: string[], today: string): CheckOptions {
  const a = parseArgs(argv, {
    flags: ['json', 'all'],
    options: ['sheet', 'as-of', 'out', 'lang', 'due-soon'],
  });
  if (a.positional.length !== 1) throw new CliUsageError('cli.usage.check');
  const lang = (a.options.lang ?? 'vi') as Lang;
  if (lang !== 'vi' && lang !== 'en') throw new CliUsageError('cli.error.lang', { value: lang });
  const asOf = a.options['as-of'] ?? today;
  if (!isIsoDate(asOf)) throw new CliUsageError('cli.error.asOf', { value: asOf });
  const dueSoon = a.options['due-soon'] !== undefined ? Number(a.options['due-soon']) : 15;
  if (!Number.isInteger(dueSoon) || dueSoon < 0 || dueSoon > 365) throw new CliUsageError('cli.error.dueSoon', { value: a.options['due-soon']! });
  return { file: a.positional[0], sheet: a.options.sheet, asOf, json: a.flags.json, out: a.options.out, lang, all: a.flags.all, dueSoonDays: dueSoon };
}

const isoToVn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function jsonSheet(r: SheetReport) {
  return {
    name: r.name,
    headerRow: r.headerRow,
    columns: r.columns,
    missingRoles: r.missingRoles,
    planYear: r.planYear,
    planYears: r.planYears ?? null,
    scope: r.scope ?? null,
    sections: r.sections,
    tasks: r.tasks.map((task) => ({
      row: task.row,
      rows: task.rows,
      tt: task.tt,
      section: task.section,
      group: task.group,
      task: task.task,
      leader: task.leader,
      inspector: task.inspector,
      lead: task.lead.map(({ name, raw, kind, known }) => ({ name, raw, kind, known })),
      support: task.support.map(({ name, raw, kind, known }) => ({ name, raw, kind, known })),
      deadline: task.deadline,
      result: task.result,
      status: task.status,
      ...(task.progress ? { progress: task.progress } : {}),
      doneDate: task.doneDate,
      state: task.state,
      ...(task.category ? { category: task.category } : {}),
      unassigned: task.unassigned,
    })),
    findings: r.findings.map(({ code, severity, cell, row, role, message, messageId, suggestion, fixes }) => ({
      code,
      severity,
      cell,
      row,
      role,
      message,
      messageId,
      ...(suggestion ? { suggestion } : {}),
      ...(fixes?.length ? { fixes } : {}),
    })),
    summary: r.summary,
  };
}

function combinedSummary(reports: SheetReport[]) {
  const byState: Record<string, number> = {};
  let tasks = 0;
  let unassigned = 0;
  const findings = { error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    tasks += r.summary.total;
    unassigned += r.summary.unassigned;
    for (const [k, v] of Object.entries(r.summary.byState)) byState[k] = (byState[k] ?? 0) + (v ?? 0);
    for (const f of r.findings) findings[f.severity]++;
  }
  return { sheets: reports.length, tasks, unassigned, byState, findings };
}

function taskLine(task: Task, lang: Lang): string {
  const text = task.task.length > 70 ? `${task.task.slice(0, 67)}…` : task.task;
  const due = task.deadline.due ? isoToVn(task.deadline.due) : '—';
  const lead = task.lead.length ? task.lead.map((l) => l.name).join('; ') : t(lang, 'lead.none');
  return t(lang, 'cli.taskLine', { tt: task.tt || '?', row: task.row, text, due, lead });
}

function humanSheet(r: SheetReport, o: CheckOptions): string[] {
  const lang = o.lang;
  const out: string[] = [];
  out.push('');
  if (r.headerRow === null && r.tasks.length === 0) {
    out.push(t(lang, 'cli.sheet.noTable', { sheet: r.name }));
    return out;
  }
  out.push(t(lang, 'cli.sheet.title', { sheet: r.name, header: r.headerRow ?? '—', tasks: r.tasks.length, sections: r.sections.length }));
  const cols = Object.entries(r.columns).map(([role, letter]) => `${t(lang, `role.${role}`)}=${letter}`).join(', ');
  out.push(`  ${t(lang, 'cli.columns')}: ${cols || '—'}`);
  if (r.missingRoles.length) out.push(`  ${t(lang, 'cli.missingRoles')}: ${r.missingRoles.map((x) => t(lang, `role.${x}`)).join(', ')}`);
  if (r.planYear) out.push(`  ${t(lang, 'cli.planYear', { year: r.planYear })}`);
  const states = Object.entries(r.summary.byState)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([s, n]) => `${n} ${t(lang, `state.${s}`).toLowerCase()}`)
    .join(' · ');
  out.push(`  ${t(lang, 'cli.states')}: ${states || '—'}${r.summary.unassigned ? ` · ${r.summary.unassigned} ${t(lang, 'state.unassigned').toLowerCase()}` : ''}`);
  const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  out.push(`  ${t(lang, 'cli.findingCounts', { errors: count('error'), warnings: count('warning'), infos: count('info') })}`);

  const overdue = r.tasks.filter((x) => x.state === 'overdue');
  if (overdue.length) {
    out.push('', `  ${t(lang, 'cli.overdueTitle', { count: overdue.length, asOf: isoToVn(o.asOf) })}`);
    for (const x of overdue) out.push(`    ${taskLine(x, lang)}`);
  }
  const soon = r.tasks.filter((x) => x.state === 'due-soon');
  if (soon.length) {
    out.push('', `  ${t(lang, 'cli.dueSoonTitle', { count: soon.length, days: o.dueSoonDays })}`);
    for (const x of soon) out.push(`    ${taskLine(x, lang)}`);
  }
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = r.findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    out.push('', `  ${t(lang, `cli.findings.${sev}`, { count: list.length })}`);
    if (sev === 'info' && !o.all) {
      const byCode = new Map<string, number>();
      for (const f of list) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
      out.push(`    ${[...byCode.entries()].map(([c, n]) => `${c} ×${n}`).join(', ')}  (${t(lang, 'cli.seeAll')})`);
      continue;
    }
    for (const f of list) out.push(`    [${f.code}] ${f.message}${f.suggestion ? ` → ${f.suggestion}` : ''}`);
  }
  return out;
}

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  let o: CheckOptions;
  try {
    o = parseCheckArgs(argv, todayIso(io.now()));
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`${t('vi', e.messageId, e.data)}\n${t('vi', 'cli.usage.check')}\n`);
      return 2;
    }
    throw e;
  }
  const lang = o.lang;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(o.file);
  } catch (e) {
    io.stderr(`${t(lang, 'cli.error.open', { file: o.file, reason: io.describeError(e) })}\n`);
    return 2;
  }
  const { readWorkbook, WorkbookReadError } = await import('../adapters/xlsx/read');
  let wb: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    wb = await readWorkbook(bytes);
  } catch (e) {
    const reason = e instanceof WorkbookReadError ? e.reason : 'corrupt';
    const message = t(lang, `read.error.${reason}`, { file: o.file });
    io.stderr(`${message}\n`);
    // With --json, stdout still carries one JSON document: the error, for tools that read it.
    if (o.json) io.stdout(`${JSON.stringify({ file: o.file, asOf: o.asOf, lang, error: { code: `read-${reason}`, message }, sheets: [] }, null, 2)}\n`);
    return 2;
  }
  let sheets = wb.sheets;
  if (o.sheet !== undefined) {
    sheets = sheets.filter((s) => s.name === o.sheet);
    if (!sheets.length) {
      io.stderr(`${t(lang, 'cli.error.noSheet', { sheet: o.sheet, sheets: wb.sheets.map((s) => s.name).join(', ') })}\n`);
      return 2;
    }
  }
  const { OWN_SHEETS } = await import('../engine/tables');
  const own = new Set<string>(Object.values(OWN_SHEETS));
  sheets = sheets.filter((s) => o.sheet !== undefined || !own.has(s.name));
  const reports = sheets.map((s) => analyzeSheet(s, { asOf: o.asOf, lang, dueSoonDays: o.dueSoonDays }));

  if (o.out) {
    try {
      const { writeCheckedWorkbook } = await import('../adapters/xlsx/write');
      const outBytes = await writeCheckedWorkbook(wb.workbook, reports.filter((r) => r.headerRow !== null), { lang, asOf: o.asOf });
      await io.writeFile(o.out, outBytes);
    } catch (e) {
      io.stderr(`${t(lang, 'cli.error.write', { file: o.out, reason: io.describeError(e) })}\n`);
      return 2;
    }
  }

  // A sheet without an assignment table (notes, figures) is not an error when the whole workbook is
  // examined, as long as some sheet has a table; a sheet asked for by name, or a workbook with no
  // table at all, is.
  const tables = reports.filter((r) => r.headerRow !== null);
  const counted = o.sheet !== undefined || tables.length === 0 ? reports : tables;
  const hasErrors = counted.some((r) => r.findings.some((f) => f.severity === 'error'));
  if (o.json) {
    io.stdout(`${JSON.stringify({ file: o.file, asOf: o.asOf, lang, sheets: reports.map(jsonSheet), summary: combinedSummary(reports), ...(o.out ? { out: o.out } : {}) }, null, 2)}\n`);
  } else {
    const lines = [t(lang, 'cli.title'), t(lang, 'cli.fileLine', { file: o.file, asOf: isoToVn(o.asOf) })];
    for (const r of reports) lines.push(...humanSheet(r, o));
    lines.push('');
    if (o.out) lines.push(t(lang, 'cli.wrote', { file: o.out }));
    lines.push(hasErrors ? t(lang, 'cli.result.errors') : t(lang, 'cli.result.ok'));
    io.stdout(`${lines.join('\n')}\n`);
  }
  return hasErrors ? 1 : 0;
}
