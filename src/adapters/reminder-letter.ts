/**
 * The reminder letter ("công văn đôn đốc") as content: the parts of an administrative letter in the
 * layout of Nghị định 30/2020/NĐ-CP (Quốc hiệu and Tiêu ngữ, issuing body, number and date
 * placeholders, "V/v …" summary, "Kính gửi", body, the agency's task table, "Nơi nhận"), filled from
 * one agency's reminder list. Rendered as .docx (docx/reminder-docx.ts) and as plain text to copy.
 * Pure: no Node or DOM APIs.
 */
import type { Lang } from '../engine/types';
import type { AgencyReminder } from '../engine/tracking';
import { t } from '../messages';

export interface LetterOptions {
  lang: Lang;
  /** ISO as-of date. */
  asOf: string;
  /** The plan's name (its title block). */
  planTitle: string;
  /** The issuing body, upper-case in the letter (placeholder when unknown). */
  issuer?: string;
  /** The body above it (placeholder when unknown). */
  parentBody?: string;
  dueSoonDays: number;
}

export interface LetterContent {
  nationalName: string;
  motto: string;
  parentBody: string;
  issuer: string;
  number: string;
  placeDate: string;
  subject: string;
  to: string;
  body: string[];
  tableHeaders: string[];
  tableRows: string[][];
  closing: string;
  recipientsTitle: string;
  recipients: string[];
  signer: string;
  signerNote: string;
}

const vn = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

export function letterContent(reminder: AgencyReminder, o: LetterOptions): LetterContent {
  const { lang } = o;
  const agency = reminder.agency || t(lang, 'lead.none');
  return {
    nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    parentBody: (o.parentBody ?? t(lang, 'letter.parentBody')).toLocaleUpperCase('vi'),
    issuer: (o.issuer ?? t(lang, 'letter.issuer')).toLocaleUpperCase('vi'),
    number: t(lang, 'letter.number'),
    placeDate: t(lang, 'letter.placeDate'),
    subject: t(lang, 'letter.subject', { plan: o.planTitle }),
    to: t(lang, 'letter.to', { agency }),
    body: [
      t(lang, 'letter.body1', { plan: o.planTitle, agency, asOf: vn(o.asOf) }),
      t(lang, 'letter.body2', {
        overdue: reminder.overdue,
        dueSoon: reminder.dueSoon,
        days: o.dueSoonDays,
      }),
    ],
    tableHeaders: ['tt', 'task', 'deadline', 'days', 'leader', 'status'].map((h) =>
      t(lang, `letter.col.${h}`),
    ),
    tableRows: reminder.tasks.map((x) => [
      x.tt,
      x.task,
      x.deadline || vn(x.due),
      x.due
        ? x.daysOverdue > 0
          ? t(lang, 'remind.daysOverdue', { n: x.daysOverdue })
          : t(lang, 'remind.daysLeft', { n: -x.daysOverdue })
        : '',
      x.leader ?? '',
      x.status ?? t(lang, 'letter.noStatus'),
    ]),
    closing: t(lang, 'letter.closing', { agency }),
    recipientsTitle: t(lang, 'letter.recipients'),
    recipients: [
      t(lang, 'letter.recipient.to'),
      t(lang, 'letter.recipient.leaders'),
      t(lang, 'letter.recipient.archive'),
    ],
    signer: t(lang, 'letter.signer'),
    signerNote: t(lang, 'letter.signerNote'),
  };
}

/** The letter as plain text (to paste into the office's own template). */
export function letterText(c: LetterContent): string {
  const lines = [
    `${c.parentBody}`,
    `${c.issuer}\t${c.nationalName}`,
    `\t${c.motto}`,
    `${c.number}\t${c.placeDate}`,
    c.subject,
    '',
    c.to,
    '',
    ...c.body,
    '',
    c.tableHeaders.join('\t'),
    ...c.tableRows.map((r) => r.join('\t')),
    '',
    c.closing,
    '',
    `${c.recipientsTitle}`,
    ...c.recipients,
    '',
    `${c.signer}`,
    `${c.signerNote}`,
  ];
  return lines.join('\n');
}

/** A file name for an agency's letter: letters and digits kept (Vietnamese too), the rest "-". */
export function letterFileName(agency: string, lang: Lang): string {
  const base = (agency || t(lang, 'lead.none'))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${t(lang, 'letter.filePrefix')}-${base || 'co-quan'}.docx`;
}
