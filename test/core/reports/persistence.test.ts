/** Report · Persistence on the hand-checked fixture (seed 002: "44% give up after one follow-up"). */
import { buildReport } from '../../../src/core/reports';
import { section } from './helpers';
import { EMPTY, fixture } from './fixture';

describe('persistence', () => {
  const report = buildReport('persistence', fixture());

  test('how many attempts before a client went quiet, per owner', () => {
    const s = section(report, 'Contact attempts before the client went quiet, per owner');
    expect(s.columns).toEqual([
      'Owner',
      'Tried',
      'Still followed',
      'Went quiet',
      '1',
      '2',
      '3',
      '4',
      '5+',
      'Quiet after one',
      'Median attempts',
    ]);
    expect(s.rows).toEqual([
      // Eta: one unanswered call in December, nothing since or planned (more than 2 × 30 days).
      ['张伟', 3, 2, 1, 1, 0, 0, 0, 0, 1, 1],
      // Epsilon: lost after two attempts. Delta is Won and left out.
      ['Amy', 2, 1, 1, 0, 1, 0, 0, 0, 0, 2],
      ['Team', 5, 3, 2, 1, 1, 0, 0, 0, 0.5, 1.5],
    ]);
  });

  test('the team’s distribution, charted', () => {
    expect(section(report, 'Contact attempts before the client went quiet').rows).toEqual([
      ['1', 1, 0.5],
      ['2', 1, 0.5],
      ['3', 0, 0],
      ['4', 0, 0],
      ['5+', 0, 0],
    ]);
    expect(report.charts).toHaveLength(1);
    expect(report.notes[0]).toMatch(/went quiet when it is Lost/);
  });

  test('an empty workbook: the sentence, no chart', () => {
    const empty = buildReport('persistence', fixture(EMPTY));
    expect(empty.notes[0]).toBe('No contacts in this period.');
    expect(empty.charts).toEqual([]);
  });
});
