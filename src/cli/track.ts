/**
 * `phancong track <in.xlsx> --out <out.xlsx> [--sheet NAME] [--validate-existing]`: a copy of the
 * workbook with the tracking columns (Tình trạng, Ngày hoàn thành, Kết quả / minh chứng) appended to
 * the right of each checked table that lacks them, with drop-down and date rule. The input is never
 * modified. The copy is the ORIGINAL package with the columns written into its sheets
 * (src/adapters/xlsx/graft-tracking.ts): every other part (drawings, charts, macros, comments…) is
 * kept byte for byte; a package without styles.xml is written through ExcelJS instead. Exit code 0: written; 1: refused for every table (cells to the right not empty, nothing
 * to add); 2: usage or unreadable input.
 */
import { openWorkbook, SheetPickError } from './sheets';
import type { Lang } from '../engine/types';
import { analyzeSheet } from '../engine/analyze';
import {
  planTrackingColumns,
  describeTrackingPlan,
  type TrackingPlan,
} from '../engine/tracking-columns';
import { OWN_SHEETS } from '../engine/tables';
import { t } from '../messages';
import type { CliIO } from './io';
import { parseArgs, todayIso, CliUsageError, langOption } from './args';
import { resolve } from 'path';

/** The original package with the plans' columns grafted in; ExcelJS's copy when the package has no styles part. */
async function trackedCopy(
  wb: Awaited<ReturnType<typeof openWorkbook>>,
  plans: TrackingPlan[],
): Promise<Uint8Array> {
  const { graftTracking } = await import('../adapters/xlsx/graft-tracking');
  try {
    return await graftTracking(wb.bytes, plans);
  } catch (e) {
    if ((e as Error)?.message !== 'no-styles') throw e;
  }
  const { addTrackingColumns } = await import('../adapters/xlsx/tracking');
  for (const plan of plans) addTrackingColumns(wb.workbook, plan);
  return new Uint8Array((await wb.workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function runTrack(argv: string[], io: CliIO): Promise<number> {
  let file: string;
  let out: string;
  let sheet: string | undefined;
  let lang: Lang;
  let validateExisting: boolean;
  try {
    const a = parseArgs(argv, {
      flags: ['validate-existing'],
      options: ['out', 'sheet', 'lang'],
      aliases: { '-o': 'out' },
    });
    if (a.positional.length !== 1 || !a.options.out) throw new CliUsageError('track.cli.usage');
    file = a.positional[0];
    out = a.options.out;
    sheet = a.options.sheet;
    lang = langOption(a);
    validateExisting = a.flags['validate-existing'];
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`${t('vi', e.messageId, e.data)}\n${t('vi', 'track.cli.usage')}\n`);
      return 2;
    }
    throw e;
  }
  if (resolve(file) === resolve(out)) {
    io.stderr(`${t(lang, 'track.cli.sameFile')}\n`);
    return 2;
  }
  let wb: Awaited<ReturnType<typeof openWorkbook>>;
  try {
    wb = await openWorkbook(io, file, lang);
  } catch (e) {
    if (!(e instanceof SheetPickError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  const own = new Set<string>(Object.values(OWN_SHEETS));
  let sheets = wb.sheets.filter((s) => !own.has(s.name));
  if (sheet !== undefined) {
    sheets = wb.sheets.filter((s) => s.name === sheet);
    if (!sheets.length) {
      io.stderr(
        `${t(lang, 'cli.error.noSheet', { sheet, sheets: wb.sheets.map((s) => s.name).join(', ') })}\n`,
      );
      return 2;
    }
  }
  const asOf = todayIso(io.now());
  const lines: string[] = [];
  const plans: TrackingPlan[] = [];
  for (const snap of sheets) {
    const report = analyzeSheet(snap, { asOf, lang });
    if (report.headerRow === null && sheet === undefined) continue;
    const res = planTrackingColumns(snap, report, { lang, validateExisting });
    if (!res.ok) {
      lines.push(res.message);
      continue;
    }
    plans.push(res.plan);
    lines.push(describeTrackingPlan(res.plan, lang));
  }
  if (!plans.length) {
    io.stderr(
      `${(lines.length ? lines : [t(lang, 'track.error.noTable', { sheet: sheet ?? file })]).join('\n')}\n`,
    );
    return 1;
  }
  try {
    await io.writeFile(out, await trackedCopy(wb, plans));
  } catch (e) {
    io.stderr(`${t(lang, 'cli.error.write', { file: out, reason: io.describeError(e) })}\n`);
    return 2;
  }
  lines.push(t(lang, 'cli.wrote', { file: out }));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
