/** Report · Churn on the hand-checked fixture, 2 March 2026. */
import { buildReport } from '../../../src/core/reports';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { section } from './helpers';
import { EMPTY, fixture } from './fixture';

describe('the churn report', () => {
  const report = buildReport('churn', fixture());

  test('open clients by days since the last reached contact (never reached: since Created)', () => {
    // Zeta created 10 days ago, Gamma reached 20 days ago, Delta 72, Eta created 102 days ago.
    expect(section(report, 'Days since the last reached contact').rows).toEqual([
      ['7–14 days', 1],
      ['15–29 days', 1],
      ['30–89 days', 1],
      ['90–179 days', 1],
      ['180+ days', 0],
    ]);
    expect(report.charts).toEqual([
      { kind: 'column', title: 'Days since the last reached contact', section: 0, rows: 5, columns: 2 },
    ]);
  });

  test('the same per owner', () => {
    expect(section(report, 'Days since the last reached contact, per owner').rows).toEqual([
      ['张伟', 1, 0, 0, 1, 0, 2],
      ['Amy', 0, 1, 1, 0, 0, 2],
      ['Team', 1, 1, 1, 1, 0, 4],
    ]);
  });

  test('early warnings with their reasons, better grades first, then the ones silent longest', () => {
    const rows = section(report, 'Early warnings').rows;
    expect(rows.map((r) => [r[0], r[3], r[6]])).toEqual([
      [
        'Gamma',
        'B',
        'No reached contact for 20 days, more than 14 days (2 × the grade B interval). Grade fell from A to B.',
      ],
      ['Eta', 'D', 'Never reached in 102 days since it was created (60 days allowed).'],
      ['Beta', 'D', 'Grade fell from C to D.'],
    ]);
  });

  test('a Won client has left the lead cadence: no gap warning, only customer care (its contract expiry)', () => {
    // Delta (Won, D) was last reached 72 days ago, beyond 2 × the D interval: a lead would warn.
    const warned = (expiryWarningDays: number) =>
      section(buildReport('churn', fixture({ settings: { ...DEFAULT_SETTINGS, expiryWarningDays } })), 'Early warnings')
        .rows.filter((r) => r[0] === 'Delta')
        .map((r) => [...r.slice(1, 6), r[6]]);
    expect(warned(30)).toEqual([]);
    // Its contract expires on 10 April, 39 days away.
    expect(warned(45)).toEqual([
      [
        'C4',
        'Amy',
        'D',
        'Won',
        '2025-12-20',
        'The contract expires in 39 days and nobody has reached the client since 2026-02-24.',
      ],
    ]);
  });

  test('lost reasons of seed 002', () => {
    const rows = section(report, 'Lost clients by reason').rows;
    expect(rows.find((r) => r[0] === 'Price')).toEqual(['Price', 1, 1]);
    expect(rows.at(-1)).toEqual(['Total', 1, 1]);
  });

  test('with the pool off it says so and lists nobody', () => {
    expect(report.notes).toEqual(['The shared pool is off (Settings), so no client drops into it.']);
    expect(section(report, 'Dropping into the shared pool within 7 days').rows).toEqual([]);
  });

  test('with the pool on, clients releasing within the warning days are listed, soonest first', () => {
    // Eta (D, 60 days from Created 20 Nov) was due on 19 January: it goes at the next release. Gamma (B,
    // 30 days from 10 Feb) releases on 12 March, 10 days away. Acme (A, 15 days from today) and Zeta
    // (D, 60 days from 20 Feb) are further off; Delta is Won (exempt).
    const settings = { ...DEFAULT_SETTINGS, poolEnabled: true, poolWarningDays: 14 };
    const withPool = buildReport('churn', fixture({ settings }));
    expect(section(withPool, 'Dropping into the shared pool within 14 days').rows).toEqual([
      ['Eta', 'C7', '张伟', 'D', null, '2026-01-19', 0],
      ['Gamma', 'C3', 'Amy', 'B', '2026-02-10', '2026-03-12', 10],
    ]);
  });

  test('an empty workbook: no clients, zero buckets, no error', () => {
    const empty = buildReport('churn', fixture(EMPTY));
    expect(empty.notes[0]).toBe('There are no clients yet.');
    expect(empty.sections[0].rows.map((r) => r[1])).toEqual([0, 0, 0, 0, 0]);
  });
});
