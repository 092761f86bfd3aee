import { isColumnNumbering } from '../header';
import { isSignatureText, withoutHeadingWord } from '../model';
import { defineRule } from './rule';

/**
 * A task number with brackets or a mark around it ("(2)", "2)", "[2]", "2:", "3 .", "8-" → "2",
 * "3", "8"), its parts joined by commas as a Vietnamese decimal ("1,1" → "1.1"), or in full-width
 * digits ("１" → "1").
 */
const WRAPPED = /^[([]?\s*(\d{1,6}(?:[.,]\d{1,3})*)\s*[)\].:,;/-]?$/;

function numberIn(tt: string): string | undefined {
  return WRAPPED.exec(tt.normalize('NFKC').trim())?.[1].replace(/,/g, '.');
}

/** A heading lettered like a section ("A", "B.", "Phần C"): a part of the plan, not a task. */
const LETTER_HEADING = /^[A-ZĐ][.):]?$/;
const isLetterHeading = (tt: string) => LETTER_HEADING.test(withoutHeadingWord(tt.trim()));

/**
 * A row with a task text whose TT cell holds something that is not a task number ("(2)", "3a", a
 * bullet, the task text itself when the row slid left): the engine cannot tell it is a task, so it
 * is neither counted nor checked. Never silently: the row is named. Fix (a number in brackets or
 * with a mark after it): write the number, and the row is read as a task.
 */
export default defineRule({
  meta: {
    code: 'tt-unreadable',
    type: 'problem',
    docs: 'Rows with a task text but no readable task number: not read as tasks.',
    messages: { default: 'warning' },
    hasSuggestions: true,
    fixes: ['number'],
  },
  create(ctx) {
    const ttCol = ctx.colOf('tt');
    const taskCol = ctx.colOf('task');
    const header = ctx.model.header;
    return {
      row(r) {
        if (r.cls !== 'other' || ttCol === null || taskCol === null || ttCol === taskCol) return;
        const task = r.texts[taskCol];
        // A note or the signature block under the table ("Ghi chú:", "Nơi nhận:", "TM. …").
        if (!r.tt || !task || isSignatureText(r.tt) || isLetterHeading(r.tt)) return;
        // The columns' numbers, where they are not right under a header.
        if (header && isColumnNumbering(r.texts, header)) return;
        const number = numberIn(r.tt);
        const raw = ctx.rawValue(r.index, ttCol);
        const fixes =
          number !== undefined && typeof raw === 'string' && !r.merged[ttCol]
            ? [
                {
                  choice: 'number',
                  data: { tt: number },
                  edits: [ctx.edit(r.index, ttCol, number)],
                },
              ]
            : undefined;
        ctx.report({
          index: r.index,
          col: ttCol,
          data: { tt: r.tt },
          suggestion: number,
          fixes,
        });
      },
    };
  },
});
