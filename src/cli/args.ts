/** A small argument parser: --flag, --option value, --option=value, positionals. */
export class CliUsageError extends Error {
  constructor(public readonly messageId: string, public readonly data: Record<string, string> = {}) {
    super(messageId);
  }
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, boolean>;
  options: Record<string, string | undefined>;
}

export function parseArgs(argv: string[], spec: { flags: string[]; options: string[] }): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: {}, options: {} };
  for (const f of spec.flags) out.flags[f] = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (spec.flags.includes(name)) {
        out.flags[name] = true;
      } else if (spec.options.includes(name)) {
        const v = inline !== undefined ? inline : argv[++i];
        if (v === undefined) throw new CliUsageError('cli.error.missingValue', { option: `--${name}` });
        out.options[name] = v;
      } else {
        throw new CliUsageError('cli.error.unknownOption', { option: a });
      }
    } else {
      out.positional.push(a);
    }
  }
  return out;
}

/** Local calendar date as YYYY-MM-DD. */
export function todayIso(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
