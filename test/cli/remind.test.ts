/**
 * `phancong remind`: one .docx per lead agency with overdue or due-soon tasks; each letter's document
 * text (word/document.xml) holds exactly that agency's tasks, in the decree's layout and font.
 */
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { recordingIO, type RecordingIO } from '../helpers/cli-io';
import { readWorkbook } from '../../src/adapters/xlsx/read';
import { analyzeSheet } from '../../src/engine/analyze';
import { buildReminders } from '../../src/engine/tracking';
import { letterFileName } from '../../src/adapters/reminder-letter';
import { readFileSync } from 'fs';

const FIXTURE = 'test/fixtures/xlsx/002-pasted.xlsx';
const AS_OF = '2026-05-15';

function io(): RecordingIO & { dirs: string[] } {
  const r = recordingIO() as RecordingIO & { dirs: string[] };
  r.dirs = [];
  r.mkdir = async (p) => {
    r.dirs.push(p);
  };
  return r;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Each table of the document as rows of cell texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((tb) =>
    [...tb[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((tr) =>
      [...tr[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) =>
        decode([...tc[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      ),
    ),
  );
}

async function expected() {
  const wb = await readWorkbook(readFileSync(FIXTURE));
  const reports = wb.sheets
    .map((s) => analyzeSheet(s, { asOf: AS_OF }))
    .filter((r) => r.headerRow !== null);
  return buildReminders(
    reports.flatMap((r) => r.tasks),
    AS_OF,
  );
}

describe('phancong remind', () => {
  it('one letter per agency, holding exactly its overdue and due-soon tasks', async () => {
    const rec = io();
    const code = await main(['remind', FIXTURE, '--out', 'letters', '--as-of', AS_OF], rec);
    expect(rec.err).toBe('');
    expect(code).toBe(0);
    const want = await expected();
    expect(want.length).toBeGreaterThan(1);
    expect(rec.dirs).toEqual(['letters']);
    const files = [...rec.files.keys()].sort();
    expect(files).toEqual(want.map((r) => `letters/${letterFileName(r.agency, 'vi')}`).sort());
    for (const r of want) {
      const zip = await JSZip.loadAsync(
        rec.files.get(`letters/${letterFileName(r.agency, 'vi')}`)!,
      );
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = decode(
        [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' '),
      );
      // The decree's parts.
      for (const part of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số:',
        'V/v đôn đốc thực hiện nhiệm vụ',
        `Kính gửi: ${r.agency || '(Chưa có cơ quan chủ trì)'}`,
        'Nơi nhận:',
      ]) {
        expect(text).toContain(part);
      }
      expect(xml).toContain('w:ascii="Times New Roman"');
      // The task table: exactly this agency's tasks, most overdue first.
      const rows = tables(xml)[1].slice(1);
      expect(rows.map((row) => [row[0], row[1]])).toEqual(r.tasks.map((x) => [x.tt, x.task]));
    }
    expect(rec.out).toContain(`${want.length}`);
  });

  it('--agency picks one letter; an agency with nothing to remind is a clear error', async () => {
    const want = await expected();
    const rec = io();
    const name = want[0].agency;
    expect(
      await main(
        ['remind', FIXTURE, '--out', 'x', '--as-of', AS_OF, '--agency', name.toLowerCase()],
        rec,
      ),
    ).toBe(0);
    expect([...rec.files.keys()]).toEqual([`x/${letterFileName(name, 'vi')}`]);
    const rec2 = io();
    expect(
      await main(
        ['remind', FIXTURE, '--out', 'x', '--as-of', AS_OF, '--agency', 'Sở Không Có'],
        rec2,
      ),
    ).toBe(1);
    expect(rec2.err).toContain('Sở Không Có');
    expect(rec2.files.size).toBe(0);
  });

  it('--due-soon widens the window; nothing to remind writes nothing', async () => {
    const narrow = io();
    await main(
      ['remind', FIXTURE, '--out', 'a', '--as-of', '2026-01-01', '--due-soon', '0'],
      narrow,
    );
    const wide = io();
    await main(
      ['remind', FIXTURE, '--out', 'a', '--as-of', '2026-01-01', '--due-soon', '120'],
      wide,
    );
    expect(wide.files.size).toBeGreaterThan(narrow.files.size);
    const early = io();
    expect(
      await main(
        ['remind', FIXTURE, '--out', 'a', '--as-of', '2020-01-01', '--due-soon', '0'],
        early,
      ),
    ).toBe(0);
    expect(early.files.size).toBe(0);
    expect(early.out).toContain('Không có cơ quan');
  });
});
