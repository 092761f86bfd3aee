/**
 * Findings format their message on first read (most messages of a large sheet are never shown),
 * and give every field, the message included, to JSON.
 */
import { MessageContext, ReportedFinding } from '../../src/engine/finding';
import { analyze, grid, H6, row6 } from '../helpers/grid';

const Q1 = 'Quý I/2026';

describe('findings: messages formatted when read', () => {
  const report = analyze(
    grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1), row6('2', 'Nhiệm vụ B', 'Sở VH TTL', Q1)]),
  );
  const missing = report.findings.find((f) => f.code === 'lead-missing')!;

  it('reads the same message every time, with the location first', () => {
    const first = missing.message;
    expect(first).toBe(
      "Trang 'Phụ lục', dòng 2, cột D (Cơ quan chủ trì): Nhiệm vụ 1 chưa có cơ quan chủ trì.",
    );
    expect(missing.message).toBe(first);
  });

  it('gives every field to JSON, message included, in the order of the Finding type', () => {
    const json = JSON.parse(JSON.stringify(missing)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'code',
      'severity',
      'cell',
      'row',
      'col',
      'role',
      'messageId',
      'data',
      'message',
    ]);
    expect(json.message).toBe(missing.message);
    expect(missing.fixes).toBeUndefined();
    const withSuggestion = report.findings.find((f) => f.suggestion)!;
    // Fixes, when the rule offers some, come last.
    expect(withSuggestion.fixes?.length).toBeGreaterThan(0);
    expect(Object.keys(JSON.parse(JSON.stringify(withSuggestion)))).toEqual([
      'code',
      'severity',
      'cell',
      'row',
      'col',
      'role',
      'messageId',
      'data',
      'message',
      'suggestion',
      'fixes',
    ]);
  });

  it('a copy made by spreading keeps the data fields; the message is read from the finding', () => {
    const copy = { ...missing, message: missing.message };
    expect(copy).toEqual(JSON.parse(JSON.stringify(missing)));
  });

  it('is formatted in the report’s language and sheet, not in whatever is current when read', () => {
    const en = analyze(grid(H6, [row6('1', 'Nhiệm vụ A', '', Q1)]), { lang: 'en' });
    analyze(grid(H6, [row6('1', 'X', '', Q1)], { name: 'Khác' }), { lang: 'vi' });
    expect(en.findings[0].message).toBe(
      "Sheet 'Phụ lục', row 2, column D (Lead agency): Task 1 has no lead agency.",
    );
  });

  it('revived from a structured clone (which leaves the message out): the same fields, order and message', () => {
    for (const f of report.findings) {
      const cloned = structuredClone(f);
      expect(cloned).not.toHaveProperty('message');
      const revived = ReportedFinding.revive(cloned, new MessageContext('vi', 'Phụ lục'));
      expect(revived).toBeInstanceOf(ReportedFinding);
      expect(JSON.stringify(revived)).toBe(JSON.stringify(f));
      expect(revived.message).toBe(f.message);
      // A finding of the class is kept as it is.
      expect(ReportedFinding.revive(f, new MessageContext('en', 'x'))).toBe(f);
    }
  });
});
