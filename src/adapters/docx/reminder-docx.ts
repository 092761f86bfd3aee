/**
 * The reminder letter as .docx with the `docx` package (MIT, pure JS: Node and browser), in the
 * layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top/bottom 20 mm, left 30 mm, right
 * 15 mm; Times New Roman; Quốc hiệu upper-case bold 13 pt over the Tiêu ngữ bold 14 pt; issuing
 * body upper-case bold 13 pt under its parent body 13 pt; "Số:" 13 pt; place and date italic 14 pt;
 * the "V/v" summary 12 pt under the number; "Kính gửi" and the body 14 pt; "Nơi nhận:" bold italic
 * 12 pt, its list 11 pt; the signer bold 14 pt.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { LetterContent } from '../reminder-letter';

const FONT = 'Times New Roman';
const pt = (n: number) => n * 2; // docx sizes are half-points

function run(
  text: string,
  size: number,
  extra: { bold?: boolean; italics?: boolean } = {},
): TextRun {
  return new TextRun({ text, font: FONT, size: pt(size), ...extra });
}

function para(
  children: TextRun[],
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  after = 0,
  indent = false,
): Paragraph {
  return new Paragraph({
    children,
    alignment: align,
    spacing: { after, line: 276 },
    indent: indent ? { firstLine: convertMillimetersToTwip(10) } : undefined,
  });
}

function cell(children: Paragraph[], widthPct: number, bordered = false): TableCell {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const b = bordered ? line : none;
  return new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    borders: { top: b, bottom: b, left: b, right: b },
  });
}

export function reminderDocument(c: LetterContent): Document {
  const rule = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run('________', 13)],
    spacing: { after: 120 },
  });
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              para([run(c.parentBody, 13)], AlignmentType.CENTER),
              para([run(c.issuer, 13, { bold: true })], AlignmentType.CENTER),
              rule,
              para([run(c.number, 13)], AlignmentType.CENTER, 60),
              para([run(c.subject, 12)], AlignmentType.CENTER),
            ],
            40,
          ),
          cell(
            [
              para([run(c.nationalName, 13, { bold: true })], AlignmentType.CENTER),
              para([run(c.motto, 14, { bold: true })], AlignmentType.CENTER),
              rule,
              para([run(c.placeDate, 14, { italics: true })], AlignmentType.CENTER),
            ],
            60,
          ),
        ],
      }),
    ],
  });
  const widths = [7, 41, 14, 13, 13, 12];
  const tasks = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: c.tableHeaders.map((h, i) =>
          cell([para([run(h, 12, { bold: true })], AlignmentType.CENTER)], widths[i], true),
        ),
      }),
      ...c.tableRows.map(
        (r) =>
          new TableRow({
            children: r.map((v, i) =>
              cell(
                [para([run(v, 12)], i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER)],
                widths[i],
                true,
              ),
            ),
          }),
      ),
    ],
  });
  const footer = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              para([run(c.recipientsTitle, 12, { bold: true, italics: true })]),
              ...c.recipients.map((x) => para([run(x, 11)])),
            ],
            50,
          ),
          cell(
            [
              para([run(c.signer, 14, { bold: true })], AlignmentType.CENTER),
              para([run(c.signerNote, 14, { italics: true })], AlignmentType.CENTER),
            ],
            50,
          ),
        ],
      }),
    ],
  });
  return new Document({
    creator: 'Phân công',
    title: c.subject,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [
          header,
          para([run(c.to, 14)], AlignmentType.CENTER, 240),
          ...c.body.map((b) => para([run(b, 14)], AlignmentType.JUSTIFIED, 120, true)),
          tasks,
          para([run(c.closing, 14)], AlignmentType.JUSTIFIED, 240, true),
          footer,
        ],
      },
    ],
  });
}

/** The .docx bytes (Node and browser: Packer.toBlob there; toBuffer here when available). */
export async function reminderDocx(c: LetterContent): Promise<Uint8Array> {
  const doc = reminderDocument(c);
  if (
    typeof (Packer as { toBuffer?: unknown }).toBuffer === 'function' &&
    typeof process !== 'undefined' &&
    process.versions?.node
  ) {
    return new Uint8Array(await Packer.toBuffer(doc));
  }
  const blob = await Packer.toBlob(doc);
  return new Uint8Array(await blob.arrayBuffer());
}
