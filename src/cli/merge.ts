/**
 * `phancong merge <master.xlsx> <report.xlsx>… --out merged.xlsx`: gather the agencies' reports
 * (status, completion date, result / evidence) into a copy of the master. Exit 0: everything
 * applied; 1: conflicts or unmatched rows remain; 2: an input cannot be read or is no appendix
 * (then nothing is written).
 */
import type { Lang } from '../engine/types';
import type { CliIO } from './io';
import { parseArgs, todayIso, CliUsageError, langOption } from './args';
import { t } from '../messages';
import { gather, prepareMaster, type GatherResult, type ReportInput } from '../engine/gather';
import { readSheetReport, SheetPickError, type PickedSheet } from './sheets';

export interface MergeOptions {
  master: string;
  reports: string[];
  out?: string;
  sheet?: string;
  json: boolean;
  lang: Lang;
}

export function parseMergeArgs(argv: string[]): MergeOptions {
  const a = parseArgs(argv, { flags: ['json'], options: ['sheet', 'out', 'lang'] });
  if (a.positional.length < 2) throw new CliUsageError('cli.usage.merge');
  const lang = langOption(a);
  if (!a.options.out && !a.flags.json) throw new CliUsageError('cli.usage.merge');
  return {
    master: a.positional[0],
    reports: a.positional.slice(1),
    out: a.options.out,
    sheet: a.options.sheet,
    json: a.flags.json,
    lang,
  };
}

/** The gathering as the JSON the issue names. */
export function mergeJson(g: GatherResult) {
  return {
    sheet: g.master.sheet,
    addedColumns: g.addedColumns.map((c) => ({
      role: c.role,
      header: c.header,
      row: c.sheetRow,
      col: c.sheetCol,
    })),
    applied: g.applied.map(({ row, col, tt, field, before, after, source }) => ({
      row,
      col,
      tt,
      field,
      before,
      after,
      source,
    })),
    conflicts: g.conflicts.map(({ row, col, tt, task, field, master, values }) => ({
      row,
      col,
      tt,
      task,
      field,
      master,
      values,
    })),
    unmatched: g.unmatched,
  };
}

export async function runMerge(argv: string[], io: CliIO): Promise<number> {
  let o: MergeOptions;
  try {
    o = parseMergeArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`${t('vi', e.messageId, e.data)}\n${t('vi', 'cli.usage.merge')}\n`);
      return 2;
    }
    throw e;
  }
  const lang = o.lang;
  const asOf = todayIso(io.now());
  let master: PickedSheet;
  const inputs: ReportInput[] = [];
  let file = o.master;
  try {
    master = await readSheetReport(io, o.master, {
      sheet: o.sheet,
      asOf,
      lang,
      noTableMessage: t(lang, 'merge.error.masterNotAppendix', { file: o.master }),
    });
    for (file of o.reports) {
      const r = await readSheetReport(io, file, {
        asOf,
        lang,
        noTableMessage: t(lang, 'merge.error.notAppendix', { file }),
      });
      inputs.push({ file, snapshot: r.snapshot, report: r.report });
    }
  } catch (e) {
    if (e instanceof SheetPickError) {
      io.stderr(`${e.message}\n`);
      if (o.json)
        io.stdout(
          `${JSON.stringify({ error: { code: e.code, file, message: e.message } }, null, 2)}\n`,
        );
      return 2;
    }
    throw e;
  }
  const prepared = prepareMaster(master.snapshot, { asOf, lang });
  const result: GatherResult = gather(prepared, inputs);
  let logSheet: string | null = null;
  if (o.out) {
    try {
      // The copy is the master's own package with the gathered cells and PC Gộp báo cáo grafted on:
      // drawings, charts, macros, comments… are kept byte for byte (graft-cells.ts, graft.ts).
      const { writeGatheredCopy } = await import('../adapters/xlsx/gather-writer');
      const written = await writeGatheredCopy(master.bytes, master.workbook, result, lang);
      logSheet = written.logSheet;
      await io.writeFile(o.out, written.bytes);
    } catch (e) {
      io.stderr(`${t(lang, 'cli.error.write', { file: o.out, reason: io.describeError(e) })}\n`);
      return 2;
    }
  }
  const pending = result.conflicts.length + result.unmatched.length > 0;
  if (o.json) {
    io.stdout(
      `${JSON.stringify({ ...mergeJson(result), ...(o.out ? { out: o.out } : {}) }, null, 2)}\n`,
    );
  } else {
    const field = (f: string) => t(lang, `tracking.${f}`);
    const lines = [
      t(lang, 'merge.title', {
        reports: o.reports.length,
        master: o.master,
        sheet: result.master.sheet,
      }),
    ];
    if (result.addedColumns.length)
      lines.push(
        t(lang, 'merge.addedColumns', {
          columns: result.addedColumns.map((c) => c.header).join(', '),
        }),
      );
    if (!result.applied.length && !pending) lines.push('', t(lang, 'merge.nothing'));
    if (result.applied.length) {
      lines.push('', t(lang, 'merge.applied', { count: result.applied.length }));
      for (const a of result.applied) {
        lines.push(
          `  ${t(lang, 'merge.appliedLine', { tt: a.tt, row: a.row, field: field(a.field), before: a.before, after: a.after, file: a.source.file, sourceRow: a.source.row })}`,
        );
      }
    }
    if (result.conflicts.length) {
      lines.push('', t(lang, 'merge.conflicts', { count: result.conflicts.length }));
      for (const c of result.conflicts) {
        const values = c.values
          .map((v) =>
            t(lang, 'merge.conflictValue', {
              value: v.value,
              file: v.source.file,
              sourceRow: v.source.row,
            }),
          )
          .join(' / ');
        lines.push(
          `  ${t(lang, 'merge.conflictLine', { tt: c.tt, row: c.row, field: field(c.field), values })}`,
        );
      }
    }
    if (result.unmatched.length) {
      lines.push('', t(lang, 'merge.unmatched', { count: result.unmatched.length }));
      for (const u of result.unmatched) {
        const task = u.task.length > 70 ? `${u.task.slice(0, 67)}…` : u.task;
        lines.push(
          `  ${t(lang, 'merge.unmatchedLine', { file: u.file, sheet: u.sheet, row: u.row, tt: u.tt, task })}`,
        );
      }
    }
    if (logSheet) lines.push('', t(lang, 'merge.written', { file: o.out!, sheet: logSheet }));
    lines.push('', t(lang, pending ? 'merge.result.pending' : 'merge.result.ok'));
    io.stdout(`${lines.join('\n')}\n`);
  }
  return pending ? 1 : 0;
}
