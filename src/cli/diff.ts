/**
 * `phancong diff <old.xlsx> <new.xlsx>`: what changed between two versions of an appendix (tasks
 * added, removed, moved or renumbered, and each changed field). Exit 0: no difference; 1:
 * differences; 2: an input cannot be read (or holds no table).
 */
import type { Lang, SheetReport } from '../engine/types';
import type { CliIO } from './io';
import { parseArgs, todayIso, CliUsageError, langOption } from './args';
import { t } from '../messages';
import { compareReports, isSameVersion, type Comparison } from '../engine/compare';
import { buildCompareTable, COMPARE_SHEETS, isoToVn, placeLabel } from '../engine/compare-table';
import { readSheetReport, SheetPickError } from './sheets';

export interface DiffOptions {
  before: string;
  after: string;
  sheet?: string;
  json: boolean;
  out?: string;
  lang: Lang;
}

export function parseDiffArgs(argv: string[]): DiffOptions {
  const a = parseArgs(argv, { flags: ['json'], options: ['sheet', 'out', 'lang'] });
  if (a.positional.length !== 2) throw new CliUsageError('cli.usage.diff');
  const lang = langOption(a);
  return {
    before: a.positional[0],
    after: a.positional[1],
    sheet: a.options.sheet,
    json: a.flags.json,
    out: a.options.out,
    lang,
  };
}

/** The comparison as the JSON the issue names. */
export function diffJson(c: Comparison) {
  return {
    before: c.before,
    after: c.after,
    added: c.added,
    removed: c.removed,
    moved: c.moved.map(({ tt, task, from, to, kind }) => ({ tt, task, kind, from, to })),
    changed: c.changed.map(
      ({
        tt,
        section,
        row,
        beforeRow,
        field,
        before,
        after,
        sameDue,
        dueBefore,
        dueAfter,
        words,
      }) => ({
        tt,
        section,
        row,
        beforeRow,
        field,
        before,
        after,
        ...(field === 'deadline'
          ? { sameDue: sameDue ?? false, dueBefore: dueBefore ?? null, dueAfter: dueAfter ?? null }
          : {}),
        ...(words ? { words } : {}),
      }),
    ),
  };
}

/** A long run of unchanged words: its first and last three words. */
function elide(text: string): string {
  const w = text.split(' ');
  return w.length > 8 ? `${w.slice(0, 3).join(' ')} … ${w.slice(-3).join(' ')}` : text;
}

export function humanDiff(c: Comparison, lang: Lang): string[] {
  const out: string[] = [];
  if (isSameVersion(c)) return [t(lang, 'diff.none')];
  out.push(
    t(lang, 'diff.counts', {
      added: c.added.length,
      removed: c.removed.length,
      moved: c.moved.length,
      changed: c.changed.length,
    }),
  );
  const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
  if (c.added.length) {
    out.push('', t(lang, 'diff.added', { count: c.added.length }));
    for (const x of c.added)
      out.push(
        `  ${t(lang, 'diff.taskLine', { place: placeLabel(x), row: x.row, task: short(x.task) })}`,
      );
  }
  if (c.removed.length) {
    out.push('', t(lang, 'diff.removed', { count: c.removed.length }));
    for (const x of c.removed)
      out.push(
        `  ${t(lang, 'diff.taskLine', { place: placeLabel(x), row: x.row, task: short(x.task) })}`,
      );
  }
  if (c.moved.length) {
    out.push('', t(lang, 'diff.moved', { count: c.moved.length }));
    for (const x of c.moved)
      out.push(
        `  ${t(lang, 'diff.moveLine', { from: placeLabel(x.from), to: placeLabel(x.to), row: x.to.row, task: short(x.task) })}`,
      );
  }
  if (c.changed.length) {
    out.push('', t(lang, 'diff.changed', { count: c.changed.length }));
    for (const x of c.changed) {
      let line = x.words
        ? `  ${t(lang, 'diff.changeTask', { tt: x.tt, row: x.row, field: t(lang, `role.${x.field}`) })}`
        : `  ${t(lang, 'diff.changeLine', { tt: x.tt, row: x.row, field: t(lang, `role.${x.field}`), before: short(x.before), after: short(x.after) })}`;
      if (x.sameDue && x.dueAfter)
        line += ` ${t(lang, 'diff.sameDue', { due: isoToVn(x.dueAfter) })}`;
      out.push(line);
      if (x.words) {
        const words = x.words
          .map((w) =>
            w.kind === 'same'
              ? elide(w.text)
              : w.kind === 'added'
                ? `[+${w.text}]`
                : `[-${w.text}]`,
          )
          .join(' ');
        out.push(t(lang, 'diff.words', { words }));
      }
    }
  }
  return out;
}

export async function runDiff(argv: string[], io: CliIO): Promise<number> {
  let o: DiffOptions;
  try {
    o = parseDiffArgs(argv);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`${t('vi', e.messageId, e.data)}\n${t('vi', 'cli.usage.diff')}\n`);
      return 2;
    }
    throw e;
  }
  const lang = o.lang;
  const asOf = todayIso(io.now());
  const reports: SheetReport[] = [];
  let newer: Awaited<ReturnType<typeof readSheetReport>> | null = null;
  for (const file of [o.before, o.after]) {
    try {
      const r = await readSheetReport(io, file, { sheet: o.sheet, asOf, lang });
      reports.push(r.report);
      newer = r;
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
  }
  const c = compareReports(reports[0], reports[1]);
  let written: string | null = null;
  if (o.out && newer) {
    try {
      const { writeOwnTableSheet } = await import('../adapters/xlsx/own-table');
      const rep = newer.report;
      const col = (role: string) => (rep.columnIndexes[role as 'tt'] ?? 0) + 1;
      const table = buildCompareTable(c, lang, rep.name, col('tt'), {
        task: col('task'),
        leader: col('leader'),
        lead: col('lead'),
        support: col('support'),
        deadline: col('deadline'),
        status: col('status'),
      });
      written = writeOwnTableSheet(newer.workbook, 'Compare', COMPARE_SHEETS.compare, table, {
        widths: [22, 10, 7, 7, 10, 10, 20, 50, 50, 30],
        linkCols: [1],
        wrapCols: [7, 8],
      });
      const buf = await newer.workbook.xlsx.writeBuffer();
      // The copy is the newer file's own package with PC So sánh added (graft.ts): every other part
      // (drawings, charts, macros, comments…) byte for byte.
      const { graftCheckedCopy } = await import('../adapters/xlsx/graft');
      const scratch = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
      await io.writeFile(
        o.out,
        await graftCheckedCopy(newer.bytes, scratch, [], { ownSheets: [written] }),
      );
    } catch (e) {
      io.stderr(`${t(lang, 'cli.error.write', { file: o.out, reason: io.describeError(e) })}\n`);
      return 2;
    }
  }
  if (o.json) {
    io.stdout(`${JSON.stringify({ ...diffJson(c), ...(o.out ? { out: o.out } : {}) }, null, 2)}\n`);
  } else {
    const lines = [
      t(lang, 'diff.title', {
        before: o.before,
        after: o.after,
        beforeSheet: reports[0].name,
        afterSheet: reports[1].name,
      }),
      '',
    ];
    lines.push(...humanDiff(c, lang));
    if (written) lines.push('', t(lang, 'diff.written', { file: o.out!, sheet: written }));
    io.stdout(`${lines.join('\n')}\n`);
  }
  return isSameVersion(c) ? 0 : 1;
}
