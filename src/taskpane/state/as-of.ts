/**
 * The as-of date as the pane shows and reads it: day/month/year, whatever the browser's locale (a
 * browser date input follows the OS, and shows 12/01/2026 for 1 December on an en-US system).
 */
import { isoToVn, isValidDate, toIso } from '../../engine/calendar';

/** "1/12/2026", "01.12.2026", "01-12-2026" (day first), or "2026-12-01" → ISO; null when no such day. */
export function parseAsOf(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m)
    return isValidDate(Number(m[3]), Number(m[2]), Number(m[1]))
      ? toIso(Number(m[3]), Number(m[2]), Number(m[1]))
      : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) ? s : null;
  return null;
}

/** ISO → "dd/mm/yyyy" (anything else as it is). */
export const formatAsOf = (iso: string): string => isoToVn(iso);
