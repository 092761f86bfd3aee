/** The pane's theme follows Office's (dark when Office's body background is dark). */
import type { PaneTheme } from './components/App';

/** Relative luminance of a #RRGGBB colour, 0 (black) … 1 (white); null when unreadable. */
export function luminance(color: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return null;
  const n = Number.parseInt(m[1], 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

export function themeFor(
  officeTheme: { bodyBackgroundColor?: string } | undefined | null,
  prefersDark = false,
): PaneTheme {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  if (l === null) return prefersDark ? 'dark' : 'light';
  return l < 0.4 ? 'dark' : 'light';
}
