/** Report · Funnel on the hand-checked fixture, over the 30 days to 2 March 2026. */
import { buildReport } from '../../../src/core/reports';
import { section } from './helpers';
import { EMPTY, fixture } from './fixture';

describe('the funnel', () => {
  const report = buildReport('funnel', fixture());

  test('covers the last 30 days', () => {
    expect(report.period).toBe('2026-02-01 to 2026-03-02');
  });

  test('clients by stage × grade, with deal value and median days in the current stage', () => {
    const s = section(report, 'Clients by stage and grade');
    expect(s.columns).toEqual(['Stage', 'A', 'B', 'C', 'D', 'Total', 'Deal value', 'Median days in stage']);
    expect(s.rows).toEqual([
      // Beta entered today (Created), Eta 102 days ago: median 51.
      ['A · Contacted not met', 0, 0, 0, 2, 2, 0, 51],
      ['A2 · First meeting', 0, 0, 0, 1, 1, 0, 10],
      ['B1 · Needs analysed', 0, 0, 0, 0, 0, 0, null],
      // Acme moved to B2 today.
      ['B2 · Proposal & site visit', 1, 0, 0, 0, 1, 50_000, 0],
      ['B3 · Negotiation', 0, 1, 0, 0, 1, 0, 29],
      ['Won', 0, 0, 0, 1, 1, 120_000, null],
      ['Lost', 0, 0, 0, 1, 1, 0, null],
      ['Total', 1, 1, 0, 5, 7, 170_000, null],
    ]);
  });

  test('conversion between consecutive stages over the period', () => {
    // A: Beta, Eta stayed. A2: Zeta stayed, Epsilon was lost. B1 → B2: Acme. B2: Acme arrived today.
    // B3: Delta won, Gamma still negotiating.
    expect(section(report, 'Conversion between stages in the period').rows).toEqual([
      ['A · Contacted not met', 'A2 · First meeting', 2, 0, 0],
      ['A2 · First meeting', 'B1 · Needs analysed', 2, 0, 0],
      ['B1 · Needs analysed', 'B2 · Proposal & site visit', 1, 1, 1],
      ['B2 · Proposal & site visit', 'B3 · Negotiation', 1, 0, 0],
      ['B3 · Negotiation', 'Won', 2, 1, 0.5],
    ]);
  });

  test('the director’s view: every B2-and-beyond client, who takes the next step and when', () => {
    expect(section(report, 'B2 and beyond: next steps').rows).toEqual([
      ['Acme', 'C1', 'B2 · Proposal & site visit', 'A', '张伟', 'send the quote', 'Li Na', '2026-02-25', 50_000],
      ['Gamma', 'C3', 'B3 · Negotiation', 'B', 'Amy', '', 'Amy', null, null],
    ]);
  });

  test('a stacked bar of the open stages and Won by grade', () => {
    expect(report.charts).toEqual([
      { kind: 'stackedBar', title: 'Clients by stage and grade', section: 0, rows: 6, columns: 5 },
    ]);
  });

  test('an empty workbook says there are no clients', () => {
    const empty = buildReport('funnel', fixture(EMPTY));
    expect(empty.notes).toEqual(['There are no clients yet.']);
    expect(empty.sections[0].rows.at(-1)).toEqual(['Total', 0, 0, 0, 0, 0, 0, null]);
  });
});
