/**
 * Progress-report vocabulary: a status cell ("Đã hoàn thành", "Hoàn thành quá hạn", "Đang triển
 * khai", "Chưa thực hiện", "Quá hạn", "Tạm dừng", …) read into a normalised status (done, in
 * progress, not started, paused) and, where the text says so, on time or late. The categories are
 * those of the progress reports (Quyết định 42/2014/QĐ-TTg and the provincial rules that copy it).
 * Matching ignores case, diacritics and tone-mark placement (text.fold). Pure: no Node APIs.
 */
import type { Progress, ProgressStatus, ProgressTiming } from './types';
import { fold } from './text';

/** The statuses a status column accepts, as users write them (listed in the status-unknown warning). */
export const ACCEPTED_STATUSES: readonly string[] = [
  'Đã hoàn thành',
  'Hoàn thành',
  'Hoàn thành đúng hạn',
  'Hoàn thành quá hạn',
  'Hoàn thành chậm',
  'Đang thực hiện',
  'Đang triển khai',
  'Chưa thực hiện',
  'Chưa triển khai',
  'Quá hạn',
  'Tạm dừng',
  'Dừng thực hiện',
];

/** Folded opening phrases, longest first within a status; "quá hạn" alone is an overdue task not yet done. */
const BASES: readonly { words: string; status: ProgressStatus; timing?: ProgressTiming }[] = [
  { words: 'da hoan thanh', status: 'done' },
  { words: 'hoan thanh', status: 'done' },
  { words: 'da xong', status: 'done' },
  { words: 'xong', status: 'done' },
  { words: 'dang thuc hien', status: 'in-progress' },
  { words: 'dang trien khai', status: 'in-progress' },
  { words: 'chua thuc hien', status: 'not-started' },
  { words: 'chua trien khai', status: 'not-started' },
  { words: 'chua hoan thanh', status: 'in-progress' },
  { words: 'tam dung', status: 'paused' },
  { words: 'dung thuc hien', status: 'paused' },
  { words: 'dung trien khai', status: 'paused' },
  { words: 'qua han', status: 'in-progress', timing: 'late' },
  { words: 'tre han', status: 'in-progress', timing: 'late' },
];

/** Timing words right after the status ("đúng hạn", "trong hạn", "quá hạn", "chậm", "trễ hạn"). */
const ON_TIME = /^(?:dung han|trong han|dung tien do|dung thoi han|dung ke hoach)\b/;
const LATE = /^(?:qua han|cham(?: tien do| so voi ke hoach)?|tre han|tre|muon)\b/;
/** "Hoàn thành 50%", "Đã hoàn thành 80% khối lượng": a part, not the whole. */
const PARTIAL_PERCENT = /(^|[^\d.,])\d{1,2}([.,]\d+)?\s*%/;

const memo = new Map<string, Progress | null>();

/**
 * Reads a status cell. Null when the text says none of the accepted statuses (an empty cell is
 * for the caller to skip). Only the part before a bracket, a comma, a semicolon or a colon counts
 * ("Hoàn thành (Báo cáo số 12/BC-UBND)", "Đang thực hiện, đạt 60%").
 */
export function readStatus(text: string): Progress | null {
  if (memo.has(text)) return memo.get(text)!;
  const out = compute(text);
  if (memo.size > 5000) memo.clear();
  memo.set(text, out);
  return out;
}

function compute(text: string): Progress | null {
  const head = text.split(/[([;,:\n]/)[0];
  const f = fold(head);
  if (!f) return null;
  for (const b of BASES) {
    if (f !== b.words && !f.startsWith(`${b.words} `)) continue;
    const rest = f.slice(b.words.length).trim();
    let timing = b.timing;
    if (ON_TIME.test(rest)) timing = 'on-time';
    else if (LATE.test(rest)) timing = 'late';
    // "Hoàn thành 50%" is work in progress, whatever word it opens with.
    if (b.status === 'done' && PARTIAL_PERCENT.test(head)) return { status: 'in-progress' };
    return timing ? { status: b.status, timing } : { status: b.status };
  }
  // English trackers.
  if (/^(?:done|completed?)\b/.test(f)) return { status: 'done' };
  return null;
}
