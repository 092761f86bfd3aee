import { formatAsOf, parseAsOf } from '../../src/taskpane/state/as-of';

describe('the as-of date as typed (day/month/year)', () => {
  it('reads day first, with / . or - and with or without leading zeros', () => {
    expect(parseAsOf('01/12/2026')).toBe('2026-12-01');
    expect(parseAsOf('1/12/2026')).toBe('2026-12-01');
    expect(parseAsOf(' 5.3.2026 ')).toBe('2026-03-05');
    expect(parseAsOf('12-01-2026')).toBe('2026-01-12');
  });
  it('also takes an ISO date as pasted', () => {
    expect(parseAsOf('2026-12-01')).toBe('2026-12-01');
  });
  it('refuses days that do not exist and texts that are not dates', () => {
    for (const s of [
      '30/02/2026',
      '29/02/2026',
      '31/04/2026',
      '00/01/2026',
      '01/13/2026',
      '2026-02-30',
      '1/12/26',
      '',
      'hôm nay',
    ])
      expect(parseAsOf(s)).toBeNull();
    expect(parseAsOf('29/02/2028')).toBe('2028-02-29');
  });
  it('shows an ISO date as dd/mm/yyyy', () => {
    expect(formatAsOf('2026-12-01')).toBe('01/12/2026');
  });
});
