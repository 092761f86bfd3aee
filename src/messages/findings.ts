/** Message catalogue section: findings. Keys are ids; {name} marks a placeholder. */
import type { Catalogue } from './index';

export const findings: Catalogue = {
  vi: {},
  en: {},
};
