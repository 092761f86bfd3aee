/**
 * Browser bundle for the Office-mode browser test (built by test/e2e/office-double.ts, never
 * shipped): the Excel fake of test/fakes/excel-fake.ts and the real Office.js adapter, exposed as
 * window.PhancongOfficeDouble for the page's init script.
 */
import { createExcelFake } from '../fakes/excel-fake';
import { createOfficeHost } from '../../src/adapters/office/host';

(window as unknown as { PhancongOfficeDouble: unknown }).PhancongOfficeDouble = {
  createExcelFake,
  createOfficeHost,
};
