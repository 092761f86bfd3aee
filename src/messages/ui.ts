/** Message catalogue section: ui. Keys are ids; {name} marks a placeholder. */
import type { Catalogue } from './index';

export const ui: Catalogue = {
  vi: {},
  en: {},
};
