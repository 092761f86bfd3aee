/**
 * `phancong check <file.xlsx>`: read a workbook, check each sheet (or one), print a report a staff
 * member can act on (or one JSON document), optionally write a checked copy with marks and
 * summary sheets. Exit code 0: no errors; 1: errors found; 2: the command could not do its work
 * (bad option, unreadable input, unknown --sheet, --out equal to the input, failed write); 3: no
 * sheet examined holds an assignment table. With --json, stdout always carries one JSON document:
 * the report, or for exit 2 an error document ({error: {code, message}, sheets: []}).
 *
 * Batch (`phancong check <folder>` or several files): each workbook checked in turn in this one
 * process, each read under the same limits; one summary line per file (--json: one compact JSON
 * document per line, the single-file document), a file that cannot be read gets its line and the
 * batch goes on. Exit code the worst of the files: 2 if any could not be checked, else 1 if any has
 * errors, else 3 if any holds no table, else 0.
 */
import type { Lang, SheetReport, SheetSnapshot, Finding, Task } from '../engine/types';
import { analyzeSheet } from '../engine/analyze';
import { t } from '../messages';
import type { CliIO } from './io';
import {
  parseArgs,
  todayIso,
  CliUsageError,
  CHECK_ARGS,
  asOfOption,
  dueSoonOption,
  langOption,
} from './args';
import { JsonList, writeJson } from './json-out';

export interface CheckOptions {
  file: string;
  /** Every path named (one for a single check; a batch when several, or when one is a folder). */
  files: string[];
  sheet?: string;
  asOf: string;
  json: boolean;
  out?: string;
  lang: Lang;
  all: boolean;
  dueSoonDays: number;
}

export function parseCheckArgs(argv: string[], today: string): CheckOptions {
  const a = parseArgs(argv, CHECK_ARGS);
  if (a.positional.length < 1) throw new CliUsageError('cli.usage.check');
  const lang = langOption(a);
  const asOf = asOfOption(a, today);
  const dueSoon = dueSoonOption(a);
  return {
    file: a.positional[0],
    files: a.positional,
    sheet: a.options.sheet,
    asOf,
    json: a.flags.json,
    out: a.options.out,
    lang,
    all: a.flags.all,
    dueSoonDays: dueSoon,
  };
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
    // Each task's and finding's copy is made as it is written (json-out.ts JsonList).
    tasks: new JsonList(r.tasks.length, (i) => taskJson(r.tasks[i])),
    findings: new JsonList(r.findings.length, (i) => findingJson(r.findings[i])),
    summary: r.summary,
  };
}

function taskJson(task: Task) {
  return {
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
  };
}

function findingJson({
  code,
  severity,
  cell,
  row,
  role,
  message,
  messageId,
  suggestion,
  fixes,
}: Finding) {
  return {
    code,
    severity,
    cell,
    row,
    role,
    message,
    messageId,
    ...(suggestion ? { suggestion } : {}),
    ...(fixes?.length ? { fixes } : {}),
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
    for (const [k, v] of Object.entries(r.summary.byState))
      byState[k] = (byState[k] ?? 0) + (v ?? 0);
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
  out.push(
    t(lang, 'cli.sheet.title', {
      sheet: r.name,
      header: r.headerRow ?? '—',
      tasks: r.tasks.length,
      sections: r.sections.length,
    }),
  );
  const cols = Object.entries(r.columns)
    .map(([role, letter]) => `${t(lang, `role.${role}`)}=${letter}`)
    .join(', ');
  out.push(`  ${t(lang, 'cli.columns')}: ${cols || '—'}`);
  if (r.missingRoles.length)
    out.push(
      `  ${t(lang, 'cli.missingRoles')}: ${r.missingRoles.map((x) => t(lang, `role.${x}`)).join(', ')}`,
    );
  if (r.planYear) out.push(`  ${t(lang, 'cli.planYear', { year: r.planYear })}`);
  const states = Object.entries(r.summary.byState)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([s, n]) => `${n} ${t(lang, `state.${s}`).toLowerCase()}`)
    .join(' · ');
  out.push(
    `  ${t(lang, 'cli.states')}: ${states || '—'}${r.summary.unassigned ? ` · ${r.summary.unassigned} ${t(lang, 'state.unassigned').toLowerCase()}` : ''}`,
  );
  const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  out.push(
    `  ${t(lang, 'cli.findingCounts', { errors: count('error'), warnings: count('warning'), infos: count('info') })}`,
  );

  const overdue = r.tasks.filter((x) => x.state === 'overdue');
  if (overdue.length) {
    out.push(
      '',
      `  ${t(lang, 'cli.overdueTitle', { count: overdue.length, asOf: isoToVn(o.asOf) })}`,
    );
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
      out.push(
        `    ${[...byCode.entries()].map(([c, n]) => `${c} ×${n}`).join(', ')}  (${t(lang, 'cli.seeAll')})`,
      );
      continue;
    }
    for (const f of list)
      out.push(`    [${f.code}] ${f.message}${f.suggestion ? ` → ${f.suggestion}` : ''}`);
  }
  return out;
}

/** Exit codes of `phancong check` (README: "Exit codes"). */
export const EXIT = { ok: 0, errors: 1, failed: 2, noTable: 3 } as const;

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  // Before the options are parsed, --json is known from the raw arguments (a usage error still
  // owes a JSON document to a tool that asked for one).
  const wantsJson = argv.includes('--json');
  const fail = (
    o: { file?: string; asOf?: string; lang: Lang; json: boolean },
    code: string,
    message: string,
    extra = '',
  ): number => {
    io.stderr(`${message}\n${extra}`);
    if (o.json)
      io.stdout(
        `${JSON.stringify({ file: o.file ?? null, asOf: o.asOf ?? null, lang: o.lang, error: { code, message }, sheets: [] }, null, 2)}\n`,
      );
    return EXIT.failed;
  };
  let o: CheckOptions;
  try {
    o = parseCheckArgs(argv, todayIso(io.now()));
  } catch (e) {
    if (e instanceof CliUsageError) {
      return fail(
        { lang: 'vi', json: wantsJson },
        'usage',
        t('vi', e.messageId, e.data),
        `${t('vi', 'cli.usage.check')}\n`,
      );
    }
    throw e;
  }
  const lang = o.lang;
  const batch = await batchFiles(o, io);
  if (batch !== null) {
    if (o.out !== undefined) return fail(o, 'usage', t(lang, 'cli.batch.noOut'));
    return runBatch(batch.files, batch.empty, o, io);
  }
  if (o.out !== undefined && io.samePath?.(o.out, o.file) === true) {
    return fail(o, 'out-is-input', t(lang, 'cli.error.outIsInput', { file: o.file }));
  }
  const checked = await checkFile(o.file, o, io);
  if ('error' in checked) return fail(o, checked.error.code, checked.error.message);
  const { bytes, reports, tables } = checked;

  // No copy for a workbook without a table: there is nothing to mark or summarise.
  if (o.out && tables.length > 0) {
    try {
      // The copy is written from a workbook loaded here: the read above ran under its limits (in a
      // worker), so this load of the same normalised package finishes too.
      const { readWorkbook } = await import('../adapters/xlsx/read');
      const { writeCheckedWorkbook } = await import('../adapters/xlsx/write');
      const { graftCheckedCopy } = await import('../adapters/xlsx/graft');
      const wb = await readWorkbook(bytes);
      // ExcelJS writes the marks and own sheets into a scratch copy; the copy written is the
      // original package with those parts grafted on (every other part kept byte for byte).
      const scratch = await writeCheckedWorkbook(wb.workbook, tables, { lang });
      const outBytes = await graftCheckedCopy(
        bytes,
        scratch,
        tables.map((r) => r.name),
      );
      await io.writeFile(o.out, outBytes);
    } catch (e) {
      return fail(
        o,
        'write',
        t(lang, 'cli.error.write', { file: o.out, reason: io.describeError(e) }),
      );
    }
  }

  // A sheet without an assignment table (notes, figures) is not an error when the whole workbook is
  // examined, as long as some sheet has a table. A workbook (or the sheet asked for) with no table
  // at all is exit 3, which a batch can tell from a table with errors.
  const { noTable, hasErrors } = outcome(reports, tables, o);
  const wrote = o.out !== undefined && !noTable;
  if (o.json) {
    // The bytes of JSON.stringify(document, null, 2), written a piece at a time (json-out.ts).
    writeJson((chunk) => io.stdout(chunk), jsonDocument(o.file, o, reports, wrote));
  } else {
    const lines = [
      t(lang, 'cli.title'),
      t(lang, 'cli.fileLine', { file: o.file, asOf: isoToVn(o.asOf) }),
    ];
    for (const r of reports) lines.push(...humanSheet(r, o));
    lines.push('');
    if (wrote) lines.push(t(lang, 'cli.wrote', { file: o.out! }));
    if (noTable && o.out !== undefined) lines.push(t(lang, 'cli.notWritten', { file: o.out }));
    lines.push(
      t(lang, noTable ? 'cli.result.noTable' : hasErrors ? 'cli.result.errors' : 'cli.result.ok'),
    );
    io.stdout(`${lines.join('\n')}\n`);
  }
  return noTable ? EXIT.noTable : hasErrors ? EXIT.errors : EXIT.ok;
}

/** Result of one workbook: its verdict from the reports (a sheet asked for counts even without a table). */
function outcome(reports: SheetReport[], tables: SheetReport[], o: CheckOptions) {
  const noTable = tables.length === 0;
  const counted = o.sheet !== undefined ? reports : tables;
  const hasErrors = counted.some((r) => r.findings.some((f) => f.severity === 'error'));
  const result = noTable ? 'no-table' : hasErrors ? 'errors' : 'ok';
  return { noTable, hasErrors, result } as const;
}

function jsonDocument(file: string, o: CheckOptions, reports: SheetReport[], wrote: boolean) {
  const { result } = outcome(
    reports,
    reports.filter((r) => r.headerRow !== null),
    o,
  );
  return {
    file,
    asOf: o.asOf,
    lang: o.lang,
    result,
    sheets: reports.map(jsonSheet),
    summary: combinedSummary(reports),
    ...(wrote ? { out: o.out } : {}),
  };
}

type Checked =
  | { bytes: Uint8Array; reports: SheetReport[]; tables: SheetReport[] }
  | { error: { code: string; message: string } };

/** Read one workbook (under the io's limits) and check its sheets; a failure is returned, not printed. */
async function checkFile(file: string, o: CheckOptions, io: CliIO): Promise<Checked> {
  const lang = o.lang;
  const failure = (code: string, message: string): Checked => ({ error: { code, message } });
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    return failure('open', t(lang, 'cli.error.open', { file, reason: io.describeError(e) }));
  }
  let sheets: SheetSnapshot[];
  try {
    sheets = io.readWorkbook
      ? await io.readWorkbook(bytes, lang)
      : (await (await import('../adapters/xlsx/read')).readWorkbook(bytes)).sheets;
  } catch (e) {
    // The error class without ExcelJS: the command's own read never loads it on this thread.
    const { WorkbookReadError } = await import('../adapters/xlsx/read-error');
    const reason = e instanceof WorkbookReadError ? e.reason : 'corrupt';
    const data = e instanceof WorkbookReadError ? e.data : {};
    return failure(`read-${reason}`, t(lang, `read.error.${reason}`, { ...data, file }));
  }
  const allNames = sheets.map((s) => s.name);
  if (o.sheet !== undefined) {
    sheets = sheets.filter((s) => s.name === o.sheet);
    if (!sheets.length) {
      return failure(
        'no-sheet',
        t(lang, 'cli.error.noSheet', { sheet: o.sheet, sheets: allNames.join(', ') }),
      );
    }
  }
  const { OWN_SHEETS } = await import('../engine/tables');
  const own = new Set<string>(Object.values(OWN_SHEETS));
  sheets = sheets.filter((s) => o.sheet !== undefined || !own.has(s.name));
  const reports = sheets.map((s) =>
    analyzeSheet(s, { asOf: o.asOf, lang, dueSoonDays: o.dueSoonDays }),
  );
  return { bytes, reports, tables: reports.filter((r) => r.headerRow !== null) };
}

/**
 * The files of a batch, or null for a single check: several paths, or one that is a folder (its
 * .xlsx/.xlsm files, in name order). `empty` names a folder that held none.
 */
async function batchFiles(
  o: CheckOptions,
  io: CliIO,
): Promise<{ files: string[]; empty: string[] } | null> {
  const listed = await Promise.all(
    o.files.map(async (f) => ({ f, inside: (await io.listFolder?.(f)) ?? null })),
  );
  if (o.files.length === 1 && listed[0].inside === null) return null;
  const files: string[] = [];
  const empty: string[] = [];
  for (const { f, inside } of listed) {
    if (inside === null) files.push(f);
    else if (inside.length === 0) empty.push(f);
    else files.push(...inside);
  }
  return { files, empty };
}

/** Exit code rank in a batch: a file not checked is worst, then errors, then no table. */
const WORST = [EXIT.failed, EXIT.errors, EXIT.noTable, EXIT.ok] as const;

async function runBatch(
  files: string[],
  empty: string[],
  o: CheckOptions,
  io: CliIO,
): Promise<number> {
  const lang = o.lang;
  const codes: number[] = [];
  const tally = { ok: 0, errors: 0, noTable: 0, failed: 0 };
  for (const folder of empty) {
    const message = t(lang, 'cli.batch.empty', { folder });
    io.stderr(`${message}\n`);
    if (o.json)
      io.stdout(
        `${JSON.stringify({ file: folder, asOf: o.asOf, lang, error: { code: 'empty-folder', message }, sheets: [] })}\n`,
      );
    codes.push(EXIT.failed);
    tally.failed++;
  }
  for (const file of files) {
    const checked = await checkFile(file, o, io);
    if ('error' in checked) {
      codes.push(EXIT.failed);
      tally.failed++;
      if (o.json)
        io.stdout(
          `${JSON.stringify({ file, asOf: o.asOf, lang, error: checked.error, sheets: [] })}\n`,
        );
      else io.stdout(`${t(lang, 'cli.batch.failed', { file, message: checked.error.message })}\n`);
      continue;
    }
    const { reports, tables } = checked;
    const { noTable, hasErrors } = outcome(reports, tables, o);
    codes.push(noTable ? EXIT.noTable : hasErrors ? EXIT.errors : EXIT.ok);
    if (noTable) tally.noTable++;
    else if (hasErrors) tally.errors++;
    else tally.ok++;
    if (o.json) {
      io.stdout(`${JSON.stringify(jsonDocument(file, o, reports, false))}\n`);
    } else {
      const summary = combinedSummary(reports);
      const result = t(
        lang,
        noTable
          ? 'cli.batch.result.noTable'
          : hasErrors
            ? 'cli.batch.result.errors'
            : 'cli.batch.result.ok',
      );
      io.stdout(
        `${t(lang, 'cli.batch.line', { file, tasks: summary.tasks, errors: summary.findings.error, warnings: summary.findings.warning, result })}\n`,
      );
    }
  }
  if (!o.json)
    io.stdout(`${t(lang, 'cli.batch.total', { files: files.length + empty.length, ...tally })}\n`);
  return WORST.find((c) => codes.includes(c)) ?? EXIT.ok;
}
