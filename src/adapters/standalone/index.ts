/**
 * The standalone adapter: the task pane's WorkbookHost over an ExcelJS workbook in the browser.
 * Loaded only on the standalone page (a separate webpack chunk), so that ExcelJS never weighs on
 * the add-in's bundle inside Excel.
 */
export {
  StandaloneHost,
  checkedFileName,
  XLSX_MIME,
  type PreviewState,
  type StandaloneHostOptions,
} from './host';

/** Where webpack puts the bundled sample appendix, relative to the page. */
export const SAMPLE_URL = 'assets/sample/phu-luc-mau.xlsx';
export const SAMPLE_FILE_NAME = 'phu-luc-mau.xlsx';
