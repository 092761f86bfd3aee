/**
 * `phancong fix <in.xlsx> --out fixed.xlsx`: check each sheet (or one), take one fix per finding
 * that offers one (the --choice where a finding offers several; only the --rule codes when given),
 * print every edit (sheet, cell, before → after) and write the fixed copy. The input file is never
 * written: --out must name another file.
 *
 * Fixes touching the same cell are taken in the findings' order: the first wins, each later one is
 * skipped whole and listed as skipped (src/engine/fix-plan.ts). The edits are checked with the same
 * ExcelJS code as the standalone page (src/adapters/xlsx/edits.ts), then written into the input's
 * own package (src/adapters/xlsx/graft-edits.ts): cell formats and every other part stay.
 *
 * Exit code: 0 the chosen fixes were applied (or listed, with --dry-run), also when there was
 * nothing to fix; 2 an unreadable input, a bad option, or a write failure.
 */
import { openWorkbook, SheetPickError } from './sheets';
import { resolve } from 'path';
import type { Finding, Fix, Lang } from '../engine/types';
import { analyzeSheet } from '../engine/analyze';
import { RULES } from '../engine/rules';
import {
  fixCode,
  planFixes,
  rangeCells,
  selectFixes,
  showCellValue,
  type FixPlan,
} from '../engine/fix-plan';
import { hasMessage, t } from '../messages';
import type { CliIO } from './io';
import { CliUsageError, parseArgs, todayIso, asOfOption, langOption } from './args';

export const FIX_CHOICES = ['fill', 'merge'] as const;

export interface FixOptions {
  file: string;
  out?: string;
  sheet?: string;
  rules?: string[];
  choice?: string;
  dryRun: boolean;
  json: boolean;
  asOf: string;
  lang: Lang;
}

export function parseFixArgs(argv: string[], today: string): FixOptions {
  const a = parseArgs(argv, {
    flags: ['dry-run', 'json'],
    options: ['out', 'sheet', 'rule', 'choice', 'as-of', 'lang'],
    aliases: { '-o': 'out' },
  });
  if (a.positional.length !== 1) throw new CliUsageError('cli.usage.fix');
  const lang = langOption(a);
  const asOf = asOfOption(a, today);
  const choice = a.options.choice;
  if (choice !== undefined && !(FIX_CHOICES as readonly string[]).includes(choice))
    throw new CliUsageError('cli.fix.error.choice', { value: choice });
  let rules: string[] | undefined;
  if (a.options.rule !== undefined) {
    const known = RULES.map((r) => r.meta.code);
    rules = a.options.rule
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = rules.find((r) => !known.includes(r));
    if (bad !== undefined || rules.length === 0)
      throw new CliUsageError('cli.fix.error.rule', {
        value: bad ?? a.options.rule,
        rules: known.join(', '),
      });
  }
  const file = a.positional[0];
  const out = a.options.out;
  if (!a.flags['dry-run']) {
    if (!out) throw new CliUsageError('cli.fix.error.noOut');
    if (!/\.xlsx$/i.test(out)) throw new CliUsageError('cli.fix.error.outExt', { file: out });
  }
  if (out !== undefined && resolve(out) === resolve(file))
    throw new CliUsageError('cli.fix.error.sameFile', { file });
  return {
    file,
    out,
    sheet: a.options.sheet,
    rules,
    choice,
    dryRun: a.flags['dry-run'],
    json: a.flags.json,
    asOf,
    lang,
  };
}

interface SheetFixes {
  sheet: string;
  plan: FixPlan;
  /** The finding each chosen fix belongs to. */
  owner: Map<Fix, Finding>;
}

/** Distinct cells written or merged. */
const cellsOf = (plan: FixPlan) =>
  plan.batches.reduce(
    (n, b) => n + new Set([...b.edits.map((e) => e.cell), ...b.merges.flatMap(rangeCells)]).size,
    0,
  );

function fixMessage(fix: Fix, finding: Finding | undefined, lang: Lang): string {
  if (hasMessage(fix.messageId)) return t(lang, fix.messageId, fix.data);
  return finding?.message ?? fix.messageId;
}

function humanLines(sheets: SheetFixes[], lang: Lang): string[] {
  const out: string[] = [];
  const shown = (v: Parameters<typeof showCellValue>[0]) =>
    showCellValue(v) === '' ? t(lang, 'cli.fix.empty') : showCellValue(v);
  for (const s of sheets) {
    out.push('');
    if (s.plan.applied.length === 0 && s.plan.skipped.length === 0) {
      out.push(t(lang, 'cli.fix.sheetNone', { sheet: s.sheet }));
      continue;
    }
    out.push(
      t(lang, 'cli.fix.sheet', {
        sheet: s.sheet,
        fixes: s.plan.applied.length,
        cells: cellsOf(s.plan),
      }),
    );
    for (const fix of s.plan.applied) {
      const finding = s.owner.get(fix);
      out.push(
        `  ${t(lang, 'cli.fix.fix', { code: fixCode(fix), cell: finding?.cell ?? '—', message: fixMessage(fix, finding, lang) })}`,
      );
      for (const e of fix.edits) {
        const where = e.sheet === s.sheet ? e.cell : `'${e.sheet}'!${e.cell}`;
        out.push(
          `    ${t(lang, 'cli.fix.edit', { cell: where, before: shown(e.before), after: shown(e.after) })}`,
        );
      }
      for (const m of fix.merges ?? []) out.push(`    ${t(lang, 'cli.fix.merge', { range: m })}`);
    }
    for (const k of s.plan.skipped) {
      out.push(
        `  ${t(lang, 'cli.fix.skipped', {
          code: fixCode(k.fix),
          cell: s.owner.get(k.fix)?.cell ?? '—',
          cells: k.cells.join(', '),
          other: fixCode(k.yieldsTo),
          otherCell: s.owner.get(k.yieldsTo)?.cell ?? '—',
        })}`,
      );
    }
  }
  return out;
}

function jsonSheet(s: SheetFixes, lang: Lang) {
  const fixJson = (fix: Fix) => {
    const finding = s.owner.get(fix);
    return {
      id: fix.id,
      code: fixCode(fix),
      cell: finding?.cell ?? null,
      messageId: fix.messageId,
      message: fixMessage(fix, finding, lang),
      edits: fix.edits,
      merges: fix.merges ?? [],
    };
  };
  return {
    name: s.sheet,
    applied: s.plan.applied.map(fixJson),
    skipped: s.plan.skipped.map((k) => ({
      ...fixJson(k.fix),
      yieldsTo: k.yieldsTo.id,
      cells: k.cells,
    })),
    cells: cellsOf(s.plan),
  };
}

export async function runFix(argv: string[], io: CliIO): Promise<number> {
  let o: FixOptions;
  try {
    o = parseFixArgs(argv, todayIso(io.now()));
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(
        `${t('vi', e.messageId, e.data)}\n${e.messageId === 'cli.usage.fix' ? '' : `${t('vi', 'cli.usage.fix')}\n`}`,
      );
      return 2;
    }
    throw e;
  }
  const lang = o.lang;
  let wb: Awaited<ReturnType<typeof openWorkbook>>;
  try {
    wb = await openWorkbook(io, o.file, lang);
  } catch (e) {
    if (!(e instanceof SheetPickError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  const { bytes } = wb;
  let snapshots = wb.sheets;
  if (o.sheet !== undefined) {
    snapshots = snapshots.filter((s) => s.name === o.sheet);
    if (!snapshots.length) {
      io.stderr(
        `${t(lang, 'cli.error.noSheet', { sheet: o.sheet, sheets: wb.sheets.map((s) => s.name).join(', ') })}\n`,
      );
      return 2;
    }
  } else {
    const { OWN_SHEETS } = await import('../engine/tables');
    const own = new Set<string>(Object.values(OWN_SHEETS));
    snapshots = snapshots.filter((s) => !own.has(s.name));
  }

  const sheets: SheetFixes[] = [];
  for (const snapshot of snapshots) {
    const report = analyzeSheet(snapshot, { asOf: o.asOf, lang });
    if (report.headerRow === null) continue;
    const fixes = selectFixes(report.findings, { rules: o.rules, choice: o.choice });
    const owner = new Map<Fix, Finding>();
    for (const f of report.findings) for (const x of f.fixes ?? []) owner.set(x, f);
    sheets.push({ sheet: snapshot.name, plan: planFixes(fixes, snapshot.name), owner });
  }
  const total = {
    fixes: sheets.reduce((n, s) => n + s.plan.applied.length, 0),
    cells: sheets.reduce((n, s) => n + cellsOf(s.plan), 0),
    skipped: sheets.reduce((n, s) => n + s.plan.skipped.length, 0),
  };

  if (!o.dryRun) {
    const { applyEditBatch } = await import('../adapters/xlsx/edits');
    for (const s of sheets)
      for (const batch of s.plan.batches) {
        const ws = wb.workbook.getWorksheet(batch.sheet);
        try {
          if (!ws) throw Object.assign(new Error('no sheet'), { cells: [] as string[] });
          applyEditBatch(ws, batch);
        } catch (e) {
          const cells = (e as { cells?: string[] }).cells ?? [];
          io.stderr(
            `${t(lang, 'cli.fix.error.apply', { sheet: batch.sheet, cells: cells.join(', ') || '—' })}\n`,
          );
          return 2;
        }
      }
    try {
      // The copy is the input package with the edits written into its sheets: every other part
      // (drawings, comments, charts, macros…) is kept byte for byte (graft-edits.ts).
      const { graftEdits } = await import('../adapters/xlsx/graft-edits');
      const outBytes = await graftEdits(
        bytes,
        sheets.flatMap((s) => s.plan.batches),
      );
      await io.writeFile(o.out!, outBytes);
    } catch (e) {
      io.stderr(`${t(lang, 'cli.error.write', { file: o.out!, reason: io.describeError(e) })}\n`);
      return 2;
    }
  }

  if (o.json) {
    io.stdout(
      `${JSON.stringify({ file: o.file, out: o.dryRun ? null : o.out, dryRun: o.dryRun, asOf: o.asOf, lang, sheets: sheets.map((s) => jsonSheet(s, lang)), summary: total }, null, 2)}\n`,
    );
  } else {
    const lines = [
      t(lang, 'cli.fix.title'),
      t(lang, 'cli.fileLine', {
        file: o.file,
        asOf: `${o.asOf.slice(8, 10)}/${o.asOf.slice(5, 7)}/${o.asOf.slice(0, 4)}`,
      }),
    ];
    lines.push(...humanLines(sheets, lang), '');
    lines.push(
      o.dryRun
        ? t(lang, 'cli.fix.dryRun', total)
        : t(lang, 'cli.fix.wrote', { file: o.out!, ...total }),
    );
    io.stdout(`${lines.join('\n')}\n`);
  }
  return 0;
}
