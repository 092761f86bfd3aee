/**
 * The standard appendix layout of a drafted plan (src/engine/plan-text), shared by the hosts that
 * write it: ExcelJS (src/adapters/xlsx/draft-writer.ts: the CLI and the standalone page) and
 * Office.js (src/adapters/office/appendix.ts). Pure: no ExcelJS, no Office.js, so the Office bundle
 * does not pull in a workbook library.
 *
 * - rows 1–2: the title block (PHÂN CÔNG NHIỆM VỤ; "Kèm theo Kế hoạch …" with the plan's title);
 * - row 4: the header TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |
 *   Sản phẩm | Tình trạng | Ghi chú (texts from the message catalogue);
 * - then, in the order of the plan: sections (Roman label in A, title merged B:H, bold), groups
 *   (number and title, bold) and tasks. The appendix numbers its own sections I, II, … in order;
 *   a lettered item is numbered "a)", as appendices write it.
 */
import type { Lang } from './types';
import type { PlanDraft } from './plan-text/extract';
import { t } from '../messages';

/** Values of the status drop-down: the words the checker reads as states. */
export const STATUS_VALUES = ['Chưa thực hiện', 'Đang thực hiện', 'Đã hoàn thành'] as const;

/** Column ids in order; header text is `draft.header.<id>`. */
export const DRAFT_COLUMNS = [
  'tt',
  'task',
  'lead',
  'support',
  'deadline',
  'result',
  'status',
  'note',
] as const;
/** Column widths in characters (ExcelJS's unit). */
export const DRAFT_WIDTHS = [6, 48, 26, 32, 16, 30, 16, 16];

/** 1-based row of the header in the written sheet. */
export const DRAFT_HEADER_ROW = 4;
/** 1-based column of the status drop-down (Tình trạng). */
export const DRAFT_STATUS_COL = DRAFT_COLUMNS.indexOf('status') + 1;
/** 1-based columns centred in the body (TT, deadline, status). */
export const DRAFT_CENTERED_COLS = [1, 5, 7];

export const DRAFT_FONT = 'Times New Roman';
export const DRAFT_HEADER_FILL = 'D9E1F2';

/** The TT written in the table: "1.a" (a lettered item) → "a)". */
export function displayTt(tt: string): string {
  const m = /(?:^|\.)([a-zđ])$/.exec(tt);
  return m ? `${m[1]})` : tt;
}

/** 1 → I, 4 → IV, 14 → XIV. */
export function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

export type AppendixRowKind = 'section' | 'group' | 'task';

/** One body row: its kind and its cells (DRAFT_COLUMNS.length of them; null = empty). */
export interface AppendixRow {
  kind: AppendixRowKind;
  values: (string | null)[];
}

export interface AppendixLayout {
  title: string;
  subtitle: string;
  headers: string[];
  /** Body rows in the order of the plan, from row DRAFT_HEADER_ROW + 1. */
  rows: AppendixRow[];
}

function order(kind: AppendixRowKind): number {
  return kind === 'section' ? 0 : kind === 'group' ? 1 : 2;
}

/** The appendix's texts and rows for a draft. */
export function appendixLayout(draft: PlanDraft, lang: Lang): AppendixLayout {
  const width = DRAFT_COLUMNS.length;
  const pad = (v: (string | null)[]) => [...v, ...Array<null>(width - v.length).fill(null)];
  type Placed = AppendixRow & { line: number };
  const placed: Placed[] = [
    ...draft.sections.map((s, i): Placed => ({
      kind: 'section',
      line: s.line,
      values: pad([toRoman(i + 1), s.title]),
    })),
    ...draft.groups.map((g): Placed => ({
      kind: 'group',
      line: g.line,
      values: pad([g.tt, g.title]),
    })),
    ...draft.tasks.map((tk): Placed => ({
      kind: 'task',
      line: tk.line,
      values: [
        displayTt(tk.tt),
        tk.task,
        tk.leadText,
        tk.supportText,
        tk.deadlineText,
        tk.resultText,
        null,
        null,
      ],
    })),
  ].sort((a, b) => a.line - b.line || order(a.kind) - order(b.kind));
  return {
    title: t(lang, 'draft.sheet.title'),
    subtitle: draft.title
      ? t(lang, 'draft.sheet.subtitle', { title: draft.title })
      : t(lang, 'draft.sheet.subtitleNone'),
    headers: DRAFT_COLUMNS.map((id) => t(lang, `draft.header.${id}`)),
    rows: placed.map(({ kind, values }) => ({
      kind,
      values: values.map((v) => (v === '' || v === undefined ? null : v)),
    })),
  };
}
