/** Report · Monthly on the hand-checked fixture. */
import { buildReport } from '../../../src/core/reports';
import { section } from './helpers';
import { EMPTY, fixture } from './fixture';

describe('the monthly summary for February 2026', () => {
  const report = buildReport('monthly', fixture(), { month: '2026-02' });

  test('per person: contacts, clients reached, won, lost, overdue at month end', () => {
    const s = section(report, 'Per person');
    expect(s.columns).toEqual([
      'Person',
      'Attempts',
      'Reached',
      'Clients reached',
      'New clients',
      'Won',
      'Lost',
      'Upgrades',
      'Downgrades',
      'Overdue at month end',
    ]);
    expect(s.rows).toEqual([
      // Zeta and Gamma were created in February.
      ['张伟', 1, 1, 1, 1, 0, 0, 0, 0, 0],
      // Delta won on the 25th, Epsilon lost on the 26th.
      ['Amy', 1, 1, 1, 1, 1, 1, 0, 0, 0],
      // Acme's step, due 25 Feb, was still open when February ended.
      ['Li Na', 0, 0, 0, 0, 0, 0, 0, 0, 1],
      ['Team', 2, 2, 2, 2, 1, 1, 0, 0, 1],
    ]);
  });

  test('lost with reasons', () => {
    const rows = section(report, 'Lost this month, by reason').rows;
    expect(rows.find((r) => r[0] === 'Price')).toEqual(['Price', 1]);
    expect(rows.at(-1)).toEqual(['Team', 1]);
    expect(section(report, 'Lost this month').rows).toEqual([['Epsilon', 'C5', 'Amy', 'Price', '2026-02-26']]);
  });

  test('the plan for March: Beta is due on the 3rd', () => {
    expect(section(report, 'Plan for 2026-03').rows).toEqual([
      ['张伟', 1, 0],
      ['Amy', 0, 0],
      ['Li Na', 0, 0],
      ['Team', 1, 0],
    ]);
  });
});

describe('the monthly summary for March 2026, two days in', () => {
  const report = buildReport('monthly', fixture());

  test('the month runs to today: its overdue count is what is overdue now', () => {
    expect(report.period).toBe('2026-03');
    expect(section(report, 'Per person').rows.at(-1)).toEqual(['Team', 5, 3, 2, 1, 0, 0, 0, 2, 1]);
  });

  test('the plan for April: Zeta’s follow-up and Delta’s renewal (Expiry date 10 April)', () => {
    expect(section(report, 'Plan for 2026-04').rows).toEqual([
      ['张伟', 1, 0],
      ['Amy', 0, 1],
      ['Li Na', 0, 0],
      ['Team', 1, 1],
    ]);
    expect(section(report, 'Renewals due in 2026-04').rows).toEqual([['Delta', 'C4', 'Amy', '2026-04-10', 120_000]]);
  });

  test('an empty workbook says there were no contacts', () => {
    expect(buildReport('monthly', fixture(EMPTY)).notes).toEqual(['No contacts in this period.']);
  });
});
