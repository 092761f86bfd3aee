/// <reference types="office-js" />
/**
 * The Office.js adapter: WorkbookHost inside Excel. `officeHost()` binds the real globals; tests
 * call createOfficeHost with the fake from test/fakes/excel-fake.ts.
 */
import type { WorkbookHost } from '../../host/types';
import { createOfficeHost, type OfficeHostOptions } from './host';

export { createOfficeHost, SETTINGS_KEY, parseAreas, type OfficeHostOptions } from './host';
export { fingerprintValues, fingerprintSnapshot } from '../../engine/workbook';
export { OWN_NAME_PREFIX, ownNameFor, scanOwn, nameTargetSheet } from './own';

/** The host for the running task pane (call after Office.onReady). */
export function officeHost(options?: OfficeHostOptions): WorkbookHost {
  return createOfficeHost(Excel, Office, options);
}
