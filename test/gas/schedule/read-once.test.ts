/**
 * The daily run's steps (refresh, pool release, reports, emails) all use the Contacts tab; the run
 * reads each of its cells once and the later steps use what the first one read, unless the tab
 * changed in between.
 */
import { addRows } from '../clients-fixture';
import { fireTrigger, teamWorkbook } from './fixture';

function contacts(count: number, from = 1) {
  return Array.from({ length: count }, (_, i) => ({
    ID: `K-${from + i}`,
    Date: '2026-02-20',
    'Client ID': 'C-1',
    By: '张伟',
    Outcome: 'Reached',
    Summary: `call ${from + i}`,
  }));
}

function cellsReadByDailyRun(contactRows: number): number {
  const wb = teamWorkbook();
  addRows(wb, 'Contacts', contacts(contactRows));
  return fireTrigger(wb).execution.counters.snapshot().cellsRead;
}

describe('the daily run reads the Contacts tab once for all its steps', () => {
  test('ten more contacts cost the run ten rows of Contacts cells, not ten rows per step', () => {
    // The columns some step uses, 10 of 17: ID, Client ID, Date, Outcome, Result, Attitude (the rules;
    // the ID tells an applied row from a pending one), By, Channel, Summary (the reports), Next owner
    // (the emails). Stage after and Grade after are not read: moves are counted from Changes only.
    const width = 10;
    expect(cellsReadByDailyRun(30) - cellsReadByDailyRun(20)).toBe(10 * width);
  });
});
