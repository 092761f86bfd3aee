/** Message catalogue section: cli. Keys are ids; {name} marks a placeholder. */
import type { Catalogue } from './index';

export const cli: Catalogue = {
  vi: {},
  en: {},
};
