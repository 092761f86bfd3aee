/**
 * The message catalogue: every string a user sees, Vietnamese first, English available.
 * The catalogue is split into sections (one file each, so that parts of the product can grow their
 * own strings without editing a shared file) but looked up in one place, by id.
 * Placeholders are written {name} and filled from the data object.
 */
import type { Lang } from '../engine/types';
import { findings } from './findings';
import { ui } from './ui';
import { cli } from './cli';
import { draft } from './draft';
import { common } from './common';
import { office } from './office';
import { xlsx } from './xlsx';

export type Catalogue = Record<Lang, Record<string, string>>;

const sections: Catalogue[] = [common, findings, ui, cli, draft, office, xlsx];

const merged: Catalogue = { vi: {}, en: {} };
for (const s of sections) {
  Object.assign(merged.vi, s.vi);
  Object.assign(merged.en, s.en);
}

export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

/** All message ids (for tests that check both languages are complete). */
export function messageIds(lang: Lang): string[] {
  return Object.keys(merged[lang]);
}

export function hasMessage(id: string): boolean {
  return id in merged.vi;
}

/** Look a message up and fill its placeholders. An unknown id is returned as is, visibly. */
export function t(lang: Lang, id: string, data: Record<string, string | number> = {}): string {
  const template = merged[lang]?.[id] ?? merged.vi[id];
  if (template === undefined) return id;
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    key in data ? String(data[key]) : m,
  );
}

/** A translator bound to one language. */
export type Translate = (id: string, data?: Record<string, string | number>) => string;
export function translator(lang: Lang): Translate {
  return (id, data) => t(lang, id, data);
}
