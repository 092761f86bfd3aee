/**
 * Seam for running the pane outside Excel. Today: a host injected as window.__PHANCONG_HOST__
 * (tests, demos). Later (the standalone issue): `npm start` on a machine without Excel serves this
 * page and this function returns the ExcelJS host of src/adapters with the sample workbook loaded.
 */
import type { WorkbookHost } from '../host/types';

export async function findStandaloneHost(): Promise<WorkbookHost | null> {
  return window.__PHANCONG_HOST__ ?? null;
}
