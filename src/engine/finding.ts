/**
 * A finding as the engine reports it. Its message ("Trang 'Phụ lục 02', dòng 35, cột E (Cơ quan
 * chủ trì): …") is formatted from the catalogue the first time it is read, and kept: a large sheet
 * has thousands of findings, and most readers never show most messages (the task pane formats its
 * own text from `messageId` and `data` in the pane's language; `phancong check` counts the info
 * findings by code unless asked for all). Formatting every message up front was about a fifth of
 * the time of a check.
 *
 * The own enumerable properties are the Finding fields but `message` (a getter); `toJSON()` gives
 * every field, `message` included, in the order of the Finding type (`fixes` only when the rule
 * offered some).
 */
import type { Finding, Fix, Lang, MessageData, Role, Severity } from './types';
import { columnLetter } from './text';
import { t, tInto } from '../messages';

/** What a check's messages are formatted with: its language and sheet, and small caches. */
export class MessageContext {
  private readonly parts: string[] = [];
  private readonly roleNames = new Map<Role, string>();
  private readonly letters: string[] = [];

  constructor(
    readonly lang: Lang,
    readonly sheet: string,
  ) {}

  /** The role's name in the check's language ("Cơ quan chủ trì"). */
  roleName(role: Role): string {
    let n = this.roleNames.get(role);
    if (n === undefined) {
      n = t(this.lang, `role.${role}`);
      this.roleNames.set(role, n);
    }
    return n;
  }

  /** 1-based column → letters. */
  letter(col: number): string {
    return this.letters[col] ?? (this.letters[col] = columnLetter(col - 1));
  }

  /** "where: what", joined once into one flat string. */
  format(f: Finding): string {
    const { lang, sheet, parts } = this;
    parts.length = 0;
    const { row, col, role } = f;
    if (row === null) tInto(lang, 'where.sheet', { sheet }, parts);
    else if (col === null) tInto(lang, 'where.row', { sheet, row }, parts);
    else if (role)
      tInto(
        lang,
        'where.cellRole',
        { sheet, row, col: this.letter(col), role: this.roleName(role) },
        parts,
      );
    else tInto(lang, 'where.cell', { sheet, row, col: this.letter(col) }, parts);
    parts.push(': ');
    tInto(lang, f.messageId, f.data, parts);
    return parts.join('');
  }
}

export class ReportedFinding implements Finding {
  declare suggestion?: string;
  /** Set by the check when the rule offered repairs (absent otherwise, so the JSON stays as it was). */
  declare fixes?: Fix[];
  #message: string | undefined = undefined;
  readonly #context: MessageContext;

  constructor(
    public code: string,
    public severity: Severity,
    public cell: string | null,
    public row: number | null,
    public col: number | null,
    public role: Role | null,
    public messageId: string,
    public data: MessageData,
    context: MessageContext,
    suggestion?: string,
  ) {
    this.#context = context;
    if (suggestion) this.suggestion = suggestion;
  }

  /**
   * A finding again from its own fields, as a structured clone leaves them (`message`, a getter,
   * left out): the same fields in the same order, its message formatted on first read with
   * `context`. A finding of this class is returned as it is.
   */
  static revive(f: Omit<Finding, 'message'>, context: MessageContext): Finding {
    if (f instanceof ReportedFinding) return f;
    const out = new ReportedFinding(
      f.code,
      f.severity,
      f.cell,
      f.row,
      f.col,
      f.role,
      f.messageId,
      f.data,
      context,
      f.suggestion,
    );
    if (f.fixes) out.fixes = f.fixes;
    return out;
  }

  /** The message, formatted in the report's language on first read. */
  get message(): string {
    if (this.#message === undefined) this.#message = this.#context.format(this);
    return this.#message;
  }

  toJSON(): Finding {
    const { code, severity, cell, row, col, role, messageId, data, message, suggestion, fixes } =
      this;
    const out: Finding = suggestion
      ? { code, severity, cell, row, col, role, messageId, data, message, suggestion }
      : { code, severity, cell, row, col, role, messageId, data, message };
    if (fixes) out.fixes = fixes;
    return out;
  }
}
