/**
 * The message catalogue: every string a user sees, Vietnamese first, English available.
 * The catalogue is split into sections (one file each, so that parts of the product can grow their
 * own strings without editing a shared file) but looked up in one place, by id.
 * Placeholders are written {name} and filled from the data object. Two forms format facts in the
 * message's language: {name:prefix} shows the message `prefix.<value>` ({role:role} → "Cơ quan chủ
 * trì"); a list value is shown item by item, each with its own `messageId`, joined by "; ".
 */
import type { Lang, MessageData, MessageItem } from '../engine/types';
import { findings } from './findings';
import { fixes } from './fixes';
import { ui } from './ui';
import { cli } from './cli';
import { draft } from './draft';
import { common } from './common';
import { office } from './office';
import { xlsx } from './xlsx';
import { standalone } from './standalone';
import { track } from './track';
import { fixUi } from './fix-ui';
import { compare } from './compare';
import { perf } from './perf';

export type Catalogue = Record<Lang, Record<string, string>>;

const sections: Catalogue[] = [
  common,
  findings,
  fixes,
  ui,
  cli,
  draft,
  office,
  xlsx,
  standalone,
  fixUi,
  compare,
  track,
  perf,
];

const merged: Catalogue = { vi: {}, en: {} };
for (const s of sections) {
  Object.assign(merged.vi, s.vi);
  Object.assign(merged.en, s.en);
}

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** All message ids (for tests that check both languages are complete). */
export function messageIds(lang: Lang): string[] {
  return Object.keys(merged[lang]);
}

export function hasMessage(id: string): boolean {
  return id in merged.vi;
}

type Formatter = (data: MessageData, out: string[]) => void;
const compiled: Record<Lang, Map<string, Formatter>> = { vi: new Map(), en: new Map() };

/**
 * A template split once into text and placeholder parts (messages are formatted per finding). The
 * formatter appends its pieces to `out`; the caller joins them into one flat string, so a report
 * keeps one string per message rather than a tree of concatenations for the collector to copy.
 */
function compile(lang: Lang, template: string): Formatter {
  const parts = template.split(/\{(\w+(?::[\w.-]+)?)\}/);
  if (parts.length === 1) return (_data, out) => void out.push(template);
  // Each placeholder's key and prefix ("{value:state}"), split here once, not per message.
  const keys: string[] = [];
  const prefixes: (string | undefined)[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const [key, prefix] = parts[i].split(':');
    keys[i] = key;
    prefixes[i] = prefix;
  }
  return (data, out) => {
    if (parts[0]) out.push(parts[0]);
    for (let i = 1; i < parts.length; i += 2) {
      const key = keys[i];
      const prefix = prefixes[i];
      const value = data[key];
      if (value === undefined) out.push(`{${parts[i]}}`);
      else if (typeof value === 'object') listInto(lang, value, out);
      else if (prefix) tInto(lang, `${prefix}.${value}`, {}, out);
      else out.push(String(value));
      if (parts[i + 1]) out.push(parts[i + 1]);
    }
  };
}

function listInto(lang: Lang, items: readonly MessageItem[], out: string[]): void {
  items.forEach((item, i) => {
    if (i) out.push('; ');
    tInto(lang, item.messageId, item, out);
  });
}

function formatter(lang: Lang, id: string): Formatter | null {
  const cache = compiled[lang] ?? compiled.vi;
  let f = cache.get(id);
  if (!f) {
    const template = merged[lang]?.[id] ?? merged.vi[id];
    if (template === undefined) return null;
    f = compile(lang, template);
    cache.set(id, f);
  }
  return f;
}

/** Look a message up and fill its placeholders. An unknown id is returned as is, visibly. */
export function t(lang: Lang, id: string, data: MessageData = {}): string {
  const f = formatter(lang, id);
  if (!f) return id;
  const out: string[] = [];
  f(data, out);
  return out.join('');
}

/**
 * Append a message's pieces to `out` (for callers that build one string from several messages and
 * join once, such as a finding's "where: what"). Same lookup and fallbacks as t().
 */
export function tInto(lang: Lang, id: string, data: MessageData, out: string[]): void {
  const f = formatter(lang, id);
  if (f) f(data, out);
  else out.push(id);
}

/** A translator bound to one language. */
export type Translate = (id: string, data?: MessageData) => string;
export function translator(lang: Lang): Translate {
  return (id, data) => t(lang, id, data);
}
