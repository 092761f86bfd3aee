/**
 * An in-memory WorkbookHost for the pane's tests: sheets are SheetSnapshots, every call is recorded,
 * and any method can be made to fail once. applyMarks refuses a stale fingerprint like the real hosts.
 */
import type { MarkPlan } from '../../src/engine/marks';
import type { SheetReport, SheetSnapshot } from '../../src/engine/types';
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

type Method = 'listSheets' | 'readSheet' | 'applyMarks' | 'clearMarks' | 'writeSummary' | 'selectCell' | 'loadSettings' | 'saveSettings';

export interface MemoryHostOptions {
  sheets: SheetSnapshot[];
  active?: string;
  capabilities?: Partial<HostCapabilities>;
  settings?: WorkbookSettings;
  /** Names of sheets the add-in owns (never offered). */
  own?: string[];
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
    this.caps = { pivotTables: true, charts: true, cellProperties: true, conditionalFormats: true, download: false, ...options.capabilities };
    this.settings = copy(options.settings ?? {});
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
    return [...this.sheets.keys()].map((name) => ({ name, active: name === this.active, own: this.own.has(name) }));
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
      ['2', 'Xây dựng kế hoạch tuyên truyền', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở Tài chính', 'Quý I/2026', null],
      ['3', 'Báo cáo kết quả thực hiện', 'Sở Tài chính', 'Các sở, ngành', 'Thường xuyên', null],
      ['4', 'Khảo sát, đánh giá', 'Các sở, ngành, địa phương liên quan', null, 'Quý IV/2026', null],
    ],
  };
}
