/**
 * An in-memory WorkbookHost for the pane's tests: sheets are SheetSnapshots, every call is recorded,
 * and any method can be made to fail once. applyMarks refuses a stale fingerprint like the real hosts.
 */
import type { MarkPlan } from '../../src/engine/marks';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';
import type { PlanDraft } from '../../src/engine/plan-text/extract';
import { appendixLayout, DRAFT_COLUMNS } from '../../src/engine/appendix-layout';
import { freeSheetName } from '../../src/engine/workbook';
import { columnIndex } from '../../src/engine/text';
import { t } from '../../src/messages';
import {
  StaleSheetError,
  type HostCapabilities,
  type ReadSheet,
  type SheetInfo,
  type SummaryResult,
  type WorkbookHost,
  type WorkbookSettings,
} from '../../src/host/types';

/** Deep copy of plain data (jsdom has no structuredClone). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Method =
  | 'listSheets'
  | 'readSheet'
  | 'applyMarks'
  | 'clearMarks'
  | 'writeSummary'
  | 'selectCell'
  | 'loadSettings'
  | 'saveSettings'
  | 'writeAppendix'
  | 'readColumnText';

export interface MemoryHostOptions {
  sheets: SheetSnapshot[];
  active?: string;
  capabilities?: Partial<HostCapabilities>;
  settings?: WorkbookSettings;
  /** Names of sheets the add-in owns (never offered). */
  own?: string[];
  /** Offer writeAppendix / readColumnText (default true; false: the host lacks them). */
  appendix?: boolean;
}

export class MemoryHost implements WorkbookHost {
  readonly kind = 'standalone' as const;
  sheets = new Map<string, SheetSnapshot>();
  active: string | undefined;
  own: Set<string>;
  caps: HostCapabilities;
  settings: WorkbookSettings;
  /** Every call, in order, with its arguments. */
  calls: { method: Method; args: unknown[] }[] = [];
  marks = new Map<string, MarkPlan>();
  summaries: { report: SheetReport; lang: 'vi' | 'en' }[] = [];
  selected: { sheet: string; cell: string }[] = [];
  private failures = new Map<Method, unknown>();

  constructor(options: MemoryHostOptions) {
    for (const s of options.sheets) this.sheets.set(s.name, s);
    this.active = options.active ?? options.sheets[0]?.name;
    this.own = new Set(options.own ?? []);
    this.caps = {
      pivotTables: true,
      charts: true,
      cellProperties: true,
      conditionalFormats: true,
      download: false,
      ...options.capabilities,
    };
    this.settings = copy(options.settings ?? {});
    if (options.appendix === false) {
      const self = this as { writeAppendix?: unknown; readColumnText?: unknown };
      self.writeAppendix = undefined;
      self.readColumnText = undefined;
    }
  }

  /** The next call of `method` throws `error`. */
  failOnce(method: Method, error: unknown): void {
    this.failures.set(method, error);
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private enter(method: Method, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failures.has(method)) {
      const error = this.failures.get(method);
      this.failures.delete(method);
      throw error;
    }
  }

  private fingerprint(name: string): string {
    return JSON.stringify(this.sheets.get(name)?.values ?? null);
  }

  capabilities(): HostCapabilities {
    return { ...this.caps };
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.enter('listSheets');
    return [...this.sheets.keys()].map((name) => ({
      name,
      active: name === this.active,
      own: this.own.has(name),
    }));
  }

  async readSheet(name: string): Promise<ReadSheet> {
    this.enter('readSheet', name);
    const snapshot = this.sheets.get(name);
    if (!snapshot) throw Object.assign(new Error('not found'), { code: 'ItemNotFound' });
    return { snapshot: copy(snapshot), fingerprint: this.fingerprint(name) };
  }

  async applyMarks(plan: MarkPlan, fingerprint: string): Promise<void> {
    this.enter('applyMarks', plan, fingerprint);
    if (fingerprint !== this.fingerprint(plan.sheet)) throw new StaleSheetError(plan.sheet);
    this.marks.set(plan.sheet, plan);
  }

  async clearMarks(sheet: string): Promise<void> {
    this.enter('clearMarks', sheet);
    this.marks.delete(sheet);
  }

  async writeSummary(report: SheetReport, lang: 'vi' | 'en'): Promise<SummaryResult> {
    this.enter('writeSummary', report, lang);
    this.summaries.push({ report, lang });
    const sheets = [lang === 'vi' ? 'PC Tổng hợp' : 'PC Summary'];
    return { sheets, skipped: this.caps.pivotTables ? [] : ['pivotTables'] };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.enter('selectCell', sheet, cell);
    this.selected.push({ sheet, cell });
  }

  /** A new sheet with the appendix layout's cells (never over an existing name), made active. */
  async writeAppendix(draft: PlanDraft, lang: 'vi' | 'en'): Promise<{ sheet: string }> {
    this.enter('writeAppendix', draft, lang);
    const name = freeSheetName(
      t(lang, 'ui.draft.sheetName'),
      new Set([...this.sheets.keys()].map((n) => n.toLowerCase())),
    );
    const layout = appendixLayout(draft, lang);
    const width = DRAFT_COLUMNS.length;
    const blank = () => Array<null>(width).fill(null);
    const values = [
      [layout.title, ...blank().slice(1)],
      [layout.subtitle, ...blank().slice(1)],
      blank(),
      layout.headers,
      ...layout.rows.map((r) => r.values),
    ];
    const bold = values.map((_, i) =>
      Array<boolean>(width).fill(
        i === 0 || i === 3 || (i > 3 && layout.rows[i - 4].kind !== 'task'),
      ),
    );
    const merges = [
      { top: 0, left: 0, bottom: 0, right: width - 1 },
      { top: 1, left: 0, bottom: 1, right: width - 1 },
      ...layout.rows.flatMap((r, i) =>
        r.kind === 'section' ? [{ top: i + 4, left: 1, bottom: i + 4, right: width - 1 }] : [],
      ),
    ];
    this.sheets.set(name, { name, values, bold, merges });
    this.active = name;
    return { sheet: name };
  }

  /** The column's non-empty cells joined by newlines. */
  async readColumnText(sheet: string, column: string): Promise<string> {
    this.enter('readColumnText', sheet, column);
    const snapshot = this.sheets.get(sheet);
    if (!snapshot) throw Object.assign(new Error('not found'), { code: 'ItemNotFound' });
    const c = columnIndex(column) - (snapshot.origin?.col ?? 0);
    return snapshot.values
      .map((row) => row[c])
      .filter((v) => v !== null && v !== undefined && String(v).trim() !== '')
      .map((v) => String(v).trim())
      .join('\n');
  }

  async loadSettings(): Promise<WorkbookSettings> {
    this.enter('loadSettings');
    return copy(this.settings);
  }

  async saveSettings(settings: WorkbookSettings): Promise<void> {
    this.enter('saveSettings', settings);
    this.settings = copy(settings);
  }
}

/** A small assignment table in the shape of the real appendices (title block, header, section, tasks). */
export function sampleSheet(name = 'Phụ lục'): SheetSnapshot {
  return {
    name,
    values: [
      ['UBND TỈNH LÀO CAI', null, null, null, null, null],
      ['PHỤ LỤC PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NĂM 2026', null, null, null, null, null],
      ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Ghi chú'],
      ['I', 'CÔNG TÁC TUYÊN TRUYỀN', null, null, null, null],
      ['1', 'Tổ chức hội nghị triển khai', null, 'Sở Nội vụ', 'Tháng 5/2026', null],
      [
        '2',
        'Xây dựng kế hoạch tuyên truyền',
        'Sở Văn hóa, Thể thao và Du lịch',
        'Sở Tài chính',
        'Quý I/2026',
        null,
      ],
      ['3', 'Báo cáo kết quả thực hiện', 'Sở Tài chính', 'Các sở, ngành', 'Thường xuyên', null],
      ['4', 'Khảo sát, đánh giá', 'Các sở, ngành, địa phương liên quan', null, 'Quý IV/2026', null],
    ],
  };
}
