/**
 * `phancong remind <in.xlsx> --out <folder> [--as-of] [--due-soon DAYS] [--agency NAME]`: one draft
 * reminder letter (.docx, Nghị định 30/2020/NĐ-CP layout) per lead agency with overdue or due-soon
 * tasks. The workbook is only read. Exit code 0: letters written (or none needed); 1: the agency
 * asked for has none; 2: usage or unreadable input.
 */
import { openWorkbook, SheetPickError } from './sheets';
import type { Lang } from '../engine/types';
import { analyzeSheet } from '../engine/analyze';
import { buildReminders } from '../engine/tracking';
import { OWN_SHEETS } from '../engine/tables';
import { fold } from '../engine/text';
import { t } from '../messages';
import type { CliIO } from './io';
import { parseArgs, todayIso, CliUsageError, asOfOption, dueSoonOption, langOption } from './args';
import { join } from 'path';
import { promises as fs } from 'fs';

export async function runRemind(argv: string[], io: CliIO): Promise<number> {
  let o: {
    file: string;
    out: string;
    asOf: string;
    dueSoon: number;
    agency?: string;
    sheet?: string;
    lang: Lang;
  };
  try {
    const a = parseArgs(argv, {
      flags: [],
      options: ['out', 'as-of', 'due-soon', 'agency', 'sheet', 'lang'],
      aliases: { '-o': 'out' },
    });
    if (a.positional.length !== 1 || !a.options.out) throw new CliUsageError('remind.cli.usage');
    const lang = langOption(a);
    const asOf = asOfOption(a, todayIso(io.now()));
    const dueSoon = dueSoonOption(a);
    o = {
      file: a.positional[0],
      out: a.options.out,
      asOf,
      dueSoon,
      agency: a.options.agency,
      sheet: a.options.sheet,
      lang,
    };
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`${t('vi', e.messageId, e.data)}\n${t('vi', 'remind.cli.usage')}\n`);
      return 2;
    }
    throw e;
  }
  const { lang } = o;
  let wb: Awaited<ReturnType<typeof openWorkbook>>;
  try {
    wb = await openWorkbook(io, o.file, lang);
  } catch (e) {
    if (!(e instanceof SheetPickError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  const own = new Set<string>(Object.values(OWN_SHEETS));
  let sheets = wb.sheets.filter((s) => !own.has(s.name));
  if (o.sheet !== undefined) {
    sheets = wb.sheets.filter((s) => s.name === o.sheet);
    if (!sheets.length) {
      io.stderr(
        `${t(lang, 'cli.error.noSheet', { sheet: o.sheet, sheets: wb.sheets.map((s) => s.name).join(', ') })}\n`,
      );
      return 2;
    }
  }
  const reports = sheets
    .map((s) => analyzeSheet(s, { asOf: o.asOf, lang, dueSoonDays: o.dueSoon }))
    .filter((r) => r.headerRow !== null);
  let reminders = buildReminders(
    reports.flatMap((r) => r.tasks),
    o.asOf,
  );
  if (!reminders.length) {
    io.stdout(`${t(lang, 'remind.cli.none', { asOf: o.asOf })}\n`);
    return 0;
  }
  if (o.agency !== undefined) {
    const want = fold(o.agency);
    const picked = reminders.filter((r) => fold(r.agency) === want);
    if (!picked.length) {
      io.stderr(
        `${t(lang, 'remind.cli.noAgency', { agency: o.agency, agencies: reminders.map((r) => r.agency || t(lang, 'lead.none')).join('; ') })}\n`,
      );
      return 1;
    }
    reminders = picked;
  }
  const { planTitle } = await import('../adapters/xlsx/report-sheet');
  const { letterContent, letterFileName } = await import('../adapters/reminder-letter');
  const { reminderDocx } = await import('../adapters/docx/reminder-docx');
  const title = planTitle(wb.workbook, reports);
  const lines = [t(lang, 'remind.cli.wrote', { count: reminders.length, folder: o.out })];
  try {
    await (io.mkdir ? io.mkdir(o.out) : fs.mkdir(o.out, { recursive: true }));
    const used = new Set<string>();
    for (const r of reminders) {
      let name = letterFileName(r.agency, lang);
      for (let i = 2; used.has(name.toLowerCase()); i++)
        name = name.replace(/(-\d+)?\.docx$/, `-${i}.docx`);
      used.add(name.toLowerCase());
      const doc = await reminderDocx(
        letterContent(r, { lang, asOf: o.asOf, planTitle: title, dueSoonDays: o.dueSoon }),
      );
      await io.writeFile(join(o.out, name), doc);
      lines.push(
        t(lang, 'remind.cli.line', {
          file: name,
          agency: r.agency || t(lang, 'lead.none'),
          overdue: r.overdue,
          dueSoon: r.dueSoon,
        }),
      );
    }
  } catch (e) {
    io.stderr(`${t(lang, 'cli.error.write', { file: o.out, reason: io.describeError(e) })}\n`);
    return 2;
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
