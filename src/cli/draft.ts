/**
 * `phancong draft <plan.txt|plan.docx> --out appendix.xlsx`: draft the assignment appendix from the
 * text of a plan, write it in the standard layout, then check the new workbook and print the
 * findings.
 *
 * - .txt is read as UTF-8 (a byte-order mark is dropped); .docx through mammoth's raw text (one
 *   paragraph per line). Word's automatic list numbers are not part of a document's text, so a plan
 *   whose "1.", "1.1." come from list formatting loses them: type the numbers in, or save as .txt.
 * - Options: --out/-o FILE (required, .xlsx), --as-of YYYY-MM-DD (the checker's date; default
 *   today), --year NNNN (force the plan year), --to-chuc (also read "Tổ chức thực hiện"),
 *   --lang vi|en (messages; default vi).
 * - Exit code: 0 written and no error found; 1 written, and the checker found errors; 2 usage,
 *   read or write failure, or no task found.
 */
import type { Lang } from '../engine/types';
import { extractPlan, type PlanDraft } from '../engine/plan-text/extract';
import { t } from '../messages';
import { CliUsageError, isIsoDate, parseArgs, todayIso } from './args';

export interface DraftIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (p: string) => Promise<Uint8Array>;
  writeFile: (p: string, d: Uint8Array) => Promise<void>;
  /** The clock, for the default --as-of (default: the system clock). */
  now?: () => Date;
  /** A short reason for a file-system error (default: the error's message). */
  describeError?: (e: unknown) => string;
}

interface DraftArgs {
  input: string;
  out: string;
  asOf: string | null;
  year: number | null;
  organization: boolean;
  lang: Lang;
  help: boolean;
}

function parseDraftArgs(args: string[]): DraftArgs {
  const a = parseArgs(args, {
    flags: ['help', 'to-chuc'],
    options: ['out', 'as-of', 'year', 'lang'],
    aliases: { '-h': 'help', '-o': 'out', '--organization': 'to-chuc' },
    messages: {
      unknownOption: 'draft.error.unknownOption',
      missingValue: 'draft.error.unknownOption',
    },
  });
  const o: DraftArgs = {
    input: '',
    out: a.options.out ?? '',
    asOf: null,
    year: null,
    organization: a.flags['to-chuc'],
    lang: 'vi',
    help: a.flags.help,
  };
  const asOf = a.options['as-of'];
  if (asOf !== undefined) {
    if (!isIsoDate(asOf)) throw new CliUsageError('draft.error.badDate', { value: asOf });
    o.asOf = asOf;
  }
  const year = a.options.year;
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new CliUsageError('draft.error.badYear', { value: year });
    o.year = Number(year);
  }
  const lang = a.options.lang;
  if (lang !== undefined) {
    if (lang !== 'vi' && lang !== 'en')
      throw new CliUsageError('draft.error.badLang', { value: lang });
    o.lang = lang;
  }
  if (o.help) return o;
  if (a.positional.length !== 1) throw new CliUsageError('draft.error.noInput');
  o.input = a.positional[0]!;
  if (!/\.(txt|docx)$/i.test(o.input))
    throw new CliUsageError('draft.error.badExt', { file: o.input });
  if (!o.out) throw new CliUsageError('draft.error.noOut');
  if (!/\.xlsx$/i.test(o.out)) throw new CliUsageError('draft.error.outExt', { file: o.out });
  return o;
}

function reasonOf(e: unknown): string {
  if (e && typeof e === 'object') {
    const code = (e as { code?: unknown }).code;
    const msg = (e as { message?: unknown }).message;
    if (typeof code === 'string' && typeof msg === 'string') return msg.split('\n')[0]!;
    if (typeof msg === 'string') return msg.split('\n')[0]!;
  }
  return String(e);
}

/** The plan's text from the file's bytes (.txt: UTF-8; .docx: mammoth's raw text). */
export async function planText(file: string, bytes: Uint8Array): Promise<string> {
  if (/\.docx$/i.test(file)) {
    const mammoth = await import('mammoth');
    const extract =
      (mammoth as unknown as { extractRawText: typeof mammoth.extractRawText }).extractRawText ??
      (mammoth as unknown as { default: typeof mammoth }).default.extractRawText;
    const res = await extract({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return res.value;
  }
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Lines that report what the extraction read, skipped and could not place. */
export function describeDraft(draft: PlanDraft, file: string, lang: Lang): string[] {
  const out: string[] = [];
  out.push(
    t(lang, 'draft.summary', {
      tasks: draft.tasks.length,
      groups: draft.groups.length,
      sections: Math.max(draft.sections.length, draft.tasks.length ? 1 : 0),
      file,
    }),
  );
  out.push(
    draft.planYear !== null
      ? t(lang, 'draft.planYear', { year: draft.planYear })
      : t(lang, 'draft.planYearNone'),
  );
  if (draft.skipped.length) {
    out.push(
      t(lang, 'draft.skipped', {
        list: draft.skipped.map((s) => `${s.label}. ${s.title}`).join('; '),
      }),
    );
  }
  if (draft.unplaced.length) {
    out.push(t(lang, 'draft.unplaced.header', { count: draft.unplaced.length }));
    for (const u of draft.unplaced) {
      const text = u.text.length > 120 ? `${u.text.slice(0, 117)}…` : u.text;
      out.push(
        t(lang, 'draft.unplaced.line', {
          line: u.line,
          reason: t(lang, `draft.reason.${u.reason}`),
          text,
        }),
      );
    }
  }
  return out;
}

export async function runDraft(args: string[], io: DraftIO): Promise<number> {
  let o: DraftArgs;
  try {
    o = parseDraftArgs(args);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`${t('vi', e.messageId, e.data)}\n${t('vi', 'draft.usage')}\n`);
      return 2;
    }
    throw e;
  }
  const lang = o.lang;
  if (o.help) {
    io.stdout(`${t(lang, 'draft.usage')}\n${t(lang, 'draft.usageHelp')}\n`);
    return 0;
  }
  const describe = io.describeError ?? reasonOf;
  const asOf = o.asOf ?? todayIso(io.now ? io.now() : new Date());

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(o.input);
  } catch (e) {
    io.stderr(`${t(lang, 'draft.error.read', { file: o.input, reason: describe(e) })}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await planText(o.input, bytes);
  } catch (e) {
    io.stderr(`${t(lang, 'draft.error.docx', { file: o.input, reason: reasonOf(e) })}\n`);
    return 2;
  }

  const draft = extractPlan(text, { planYear: o.year ?? undefined, organization: o.organization });
  const lines = describeDraft(draft, o.input, lang);
  if (draft.tasks.length === 0) {
    io.stdout(`${lines.join('\n')}\n`);
    io.stderr(`${t(lang, 'draft.error.noTasks', { file: o.input })}\n`);
    return 2;
  }

  const { writeDraftWorkbook } = await import('../adapters/xlsx/draft-writer');
  const out = await writeDraftWorkbook(draft, lang);
  try {
    await io.writeFile(o.out, out);
  } catch (e) {
    io.stdout(`${lines.join('\n')}\n`);
    io.stderr(`${t(lang, 'draft.error.write', { file: o.out, reason: describe(e) })}\n`);
    return 2;
  }
  lines.push(t(lang, 'draft.written', { file: o.out }));

  // Check what was written, as the user will open it.
  let hasErrors = false;
  try {
    const { readWorkbook } = await import('../adapters/xlsx/read');
    const { analyzeSheet } = await import('../engine/analyze');
    const wb = await readWorkbook(out);
    const sheet = wb.sheets[0]!;
    const report = analyzeSheet(sheet, { asOf, lang, planYear: draft.planYear ?? undefined });
    hasErrors = report.findings.some((f) => f.severity === 'error');
    lines.push('');
    lines.push(
      report.findings.length
        ? t(lang, 'draft.check.header', { asOf, count: report.findings.length })
        : t(lang, 'draft.check.none', { asOf }),
    );
    for (const f of report.findings) {
      lines.push(
        t(lang, 'draft.check.finding', {
          cell: f.cell ?? '—',
          severity: t(lang, `severity.${f.severity}`),
          message: f.message,
        }) + (f.suggestion ? ` → ${f.suggestion}` : ''),
      );
    }
  } catch (e) {
    io.stdout(`${lines.join('\n')}\n`);
    io.stderr(`${t(lang, 'draft.error.check', { reason: reasonOf(e) })}\n`);
    return 2;
  }
  io.stdout(`${lines.join('\n')}\n`);
  return hasErrors ? 1 : 0;
}
