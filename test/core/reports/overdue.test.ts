/** Report · Overdue on the hand-checked fixture, 2 March 2026. */
import { buildReport } from '../../../src/core/reports';
import { section } from './helpers';
import { CONTACTS, EMPTY, fixture } from './fixture';

describe('the overdue report', () => {
  const report = buildReport('overdue', fixture());

  test('Acme (due 25 Feb, Li Na’s step) is 5 days overdue; Gamma is active with nothing planned; worst first', () => {
    expect(section(report, 'Overdue and unplanned clients, worst first').rows).toEqual([
      [
        'Li Na',
        'Acme',
        'C1',
        'Overdue',
        5,
        '2026-02-25',
        'A',
        'B2 · Proposal & site visit',
        'send the quote',
        '2026-03-02',
        'Joint call',
      ],
      ['Amy', 'Gamma', 'C3', 'Unplanned', null, null, 'B', 'B3 · Negotiation', '', '2026-02-10', 'Budget talk'],
    ]);
  });

  test('won, lost, dormant-without-a-date and upcoming clients are not listed', () => {
    const names = section(report, 'Overdue and unplanned clients, worst first').rows.map((r) => r[1]);
    expect(names).not.toEqual(expect.arrayContaining(['Delta', 'Epsilon', 'Eta', 'Beta', 'Zeta']));
  });

  test('per person, with the escalation thresholds of Settings (3 and 7 days)', () => {
    const s = section(report, 'Per person');
    expect(s.columns).toEqual([
      'Next owner',
      'Overdue',
      'Unplanned',
      'Most days overdue',
      'Over 3 days',
      'Over 7 days',
    ]);
    expect(s.rows).toEqual([
      ['Amy', 0, 1, null, 0, 0],
      ['Li Na', 1, 0, 5, 1, 0],
      ['Team', 1, 1, 5, 1, 0],
    ]);
  });

  test('a log kept in no particular order gives the same report (each client’s attempts are put in time order)', () => {
    const shuffled = [...CONTACTS].reverse();
    expect(buildReport('overdue', fixture({ contacts: shuffled })).sections).toEqual(report.sections);
    expect(buildReport('persistence', fixture({ contacts: shuffled })).sections).toEqual(
      buildReport('persistence', fixture()).sections,
    );
  });

  test('an empty workbook says nothing is overdue', () => {
    const empty = buildReport('overdue', fixture(EMPTY));
    expect(empty.notes).toEqual(['Nothing is overdue or unplanned.']);
    expect(empty.sections[1].rows).toEqual([]);
  });
});
