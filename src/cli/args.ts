/** A small argument parser: --flag, --option value, --option=value, positionals. */
import type { Lang } from '../engine/types';
import {
  DUE_SOON_DEFAULT_DAYS,
  DUE_SOON_MAX_DAYS,
  isDueSoonDays,
  isIsoDate,
} from '../engine/workbook/dates';

export class CliUsageError extends Error {
  constructor(
    public readonly messageId: string,
    public readonly data: Record<string, string> = {},
  ) {
    super(messageId);
  }
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, boolean>;
  options: Record<string, string | undefined>;
}

export interface ArgSpec {
  /** Long names (without "--") of options that take no value. */
  flags: string[];
  /** Long names of options that take a value (--name value, --name=value). */
  options: string[];
  /** Other spellings → long name ("-o" → "out", "--organization" → "to-chuc"). */
  aliases?: Record<string, string>;
  /** Message ids for the two parse errors, so each command keeps its own wording. */
  messages?: { unknownOption?: string; missingValue?: string };
}

/**
 * Parse a command's arguments. An argument that starts with "-" (other than "-" itself) must be a
 * known option or alias; an option's value may not be missing or empty.
 */
export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const unknown = spec.messages?.unknownOption ?? 'cli.error.unknownOption';
  const missing = spec.messages?.missingValue ?? 'cli.error.missingValue';
  const out: ParsedArgs = { positional: [], flags: {}, options: {} };
  for (const f of spec.flags) out.flags[f] = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      out.positional.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const written = eq > 0 ? a.slice(0, eq) : a;
    const name = spec.aliases?.[written] ?? (written.startsWith('--') ? written.slice(2) : written);
    if (spec.flags.includes(name)) {
      out.flags[name] = true;
    } else if (spec.options.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new CliUsageError(missing, { option: written });
      out.options[name] = v;
    } else {
      throw new CliUsageError(unknown, { option: a });
    }
  }
  return out;
}

/**
 * The workbook layer's ISO-date check and "today" (one of each for the command line and the pane),
 * from its dates module: this file loads before the read starts (main.ts), the workbook index
 * would load the tables and the messages first.
 */
export { isIsoDate, todayIso } from '../engine/workbook/dates';

/** --lang: vi (the default) or en. */
export function langOption(a: ParsedArgs): Lang {
  const lang = a.options.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new CliUsageError('cli.error.lang', { value: lang });
  return lang;
}

/** --as-of: an ISO date, `today` when not given. */
export function asOfOption(a: ParsedArgs, today: string): string {
  const asOf = a.options['as-of'] ?? today;
  if (!isIsoDate(asOf)) throw new CliUsageError('cli.error.asOf', { value: asOf });
  return asOf;
}

/** --due-soon: whole days within the workbook layer's limit, its default when not given. */
export function dueSoonOption(a: ParsedArgs): number {
  const days =
    a.options['due-soon'] !== undefined ? Number(a.options['due-soon']) : DUE_SOON_DEFAULT_DAYS;
  if (!isDueSoonDays(days))
    throw new CliUsageError('cli.error.dueSoon', {
      value: a.options['due-soon']!,
      max: String(DUE_SOON_MAX_DAYS),
    });
  return days;
}

/** The arguments of `phancong check` (check.ts; main.ts reads them too, to start the read early). */
export const CHECK_ARGS: ArgSpec = {
  flags: ['json', 'all'],
  options: ['sheet', 'as-of', 'out', 'lang', 'due-soon'],
};
