/** Message catalogue section: draft. Keys are ids; {name} marks a placeholder. */
import type { Catalogue } from './index';

export const draft: Catalogue = {
  vi: {},
  en: {},
};
