/** Values the rule tests share. */
import { row6, type Cell } from '../../helpers/grid';

export const TC = 'Sở Tài chính';
export const VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch';
export const Q1 = 'Quý I/2026';

/** A well-formed six-column task row. */
export const ok6 = (tt = '1', task = 'Nhiệm vụ A'): Cell[] => row6(tt, task, TC, Q1);
