/**
 * Report · Validity by DOMAIN.md's definition: all time; valid if any attempt reached (under the
 * Result of the latest reached attempt), invalid under the Outcome of the latest attempt, untried
 * apart; per current Owner; percentages to one decimal.
 */
import { prepareReports, buildReport } from '../../../src/core/reports';
import type { ClientRecord, ContactRecord } from '../../../src/core/schema';
import { type Outcome, type Result } from '../../../src/core/lists';
import { section } from './helpers';
import { EMPTY, at, client, contact, fixture, input } from './fixture';

describe('validity on the hand-checked fixture', () => {
  const report = buildReport('validity', fixture());

  test('six clients tried: four valid (66.7%), two invalid (33.3%); one not yet tried', () => {
    expect(report.period).toBe('all time');
    expect(section(report, 'Valid and invalid clients').rows).toEqual([
      ['Valid', 4, 0.667],
      ['Invalid', 2, 0.333],
      ['Tried', 6, 1],
      ['Not yet tried', 1, null],
    ]);
  });

  test('an invalid client counts under the outcome of its latest attempt (Epsilon: no such number, then wrong number)', () => {
    expect(section(report, 'Invalid: outcome of the latest attempt').rows).toEqual([
      ['No answer', 1, 0.5],
      ['Busy', 0, 0],
      ['Wrong number', 1, 0.5],
      ['Unreachable', 0, 0],
      ['Fax', 0, 0],
      ['Suspended', 0, 0],
      ['No such number', 0, 0],
      ['Invalid', 2, 1],
    ]);
  });

  test('a client reached once is valid even if a later call was busy (Gamma), under its latest reached result', () => {
    expect(section(report, 'Valid: result of the latest reached contact').rows).toEqual([
      ['Opportunity found', 1, 0.25],
      ['Within service period', 1, 0.25],
      ['Switched provider', 0, 0],
      ['Needs no service', 1, 0.25],
      ['Hostile', 1, 0.25],
      ['Unsure who serves them', 0, 0],
      ['Key person left', 0, 0],
      ['Other', 0, 0],
      ['Valid', 4, 1],
    ]);
  });

  test('per current owner, with a team total', () => {
    expect(section(report, 'Per owner').rows).toEqual([
      ['张伟', 3, 2, 0.667, 1, 0.333, 1],
      ['Amy', 3, 2, 0.667, 1, 0.333, 0],
      ['Team', 6, 4, 0.667, 2, 0.333, 1],
    ]);
  });

  test('a pie of valid against invalid', () => {
    expect(report.charts).toEqual([
      { kind: 'pie', title: 'Valid and invalid clients', section: 0, rows: 2, columns: 2 },
    ]);
  });

  test('the latest attempt is by Date, then by row order, not by where the row sits', () => {
    const clients = [client({ id: 'X1' })];
    const contacts = [
      contact({ clientId: 'X1', date: at('2026-02-02 10:00'), outcome: 'busy' }),
      contact({ clientId: 'X1', date: at('2026-02-01 10:00'), outcome: 'fax' }),
      contact({ clientId: 'X1', date: at('2026-02-02 10:00'), outcome: 'suspended' }),
    ];
    const r = buildReport('validity', prepareReports(input({ clients, contacts, changes: [] })));
    const rows = section(r, 'Invalid: outcome of the latest attempt').rows;
    expect(rows.find((row) => row[0] === 'Suspended')).toEqual(['Suspended', 1, 1]);
  });
});

/**
 * Seed 001's own audit: 267 clients, 133 valid (49.8%) and 134 invalid (50.2%); the valid split
 * 10 / 32 / 13 / 56 / 6 / 2 / 14. The invalid split is garbled in the source; this reads it as
 * 44 / 4 / 22 / 11 / 10 / 0 / 43 (it sums to 134).
 */
describe('the seed’s validity population', () => {
  const validSplit: [Result, number][] = [
    ['opportunity', 10],
    ['inService', 32],
    ['switchedProvider', 13],
    ['noNeed', 56],
    ['hostile', 6],
    ['unsureProvider', 2],
    ['other', 14],
  ];
  const invalidSplit: [Outcome, number][] = [
    ['noAnswer', 44],
    ['busy', 4],
    ['wrongNumber', 22],
    ['unreachable', 11],
    ['fax', 10],
    ['suspended', 0],
    ['noSuchNumber', 43],
  ];
  const clients: ClientRecord[] = [];
  const contacts: ContactRecord[] = [];
  let n = 0;
  const add = (owner: string, attempts: Partial<ContactRecord>[]): void => {
    const id = `S${++n}`;
    clients.push(client({ id, name: `Client ${n}`, owner }));
    attempts.forEach((a, i) =>
      contacts.push(contact({ clientId: id, date: at(`2026-01-${String(10 + i).padStart(2, '0')} 10:00`), ...a })),
    );
  };
  for (const [result, count] of validSplit) {
    // A reached call first, then an unanswered one: still valid.
    for (let i = 0; i < count; i++)
      add(i % 2 ? 'Amy' : '张伟', [{ outcome: 'noAnswer' }, { outcome: 'reached', result }, { outcome: 'busy' }]);
  }
  for (const [outcome, count] of invalidSplit) {
    for (let i = 0; i < count; i++) add(i % 2 ? 'Amy' : '张伟', [{ outcome: 'unreachable' }, { outcome }]);
  }
  for (let i = 0; i < 5; i++) add('Amy', []);
  const report = buildReport('validity', prepareReports(input({ clients, contacts, changes: [] })));

  test('267 tried: 133 valid (49.8%) and 134 invalid (50.2%); 5 not yet tried', () => {
    expect(section(report, 'Valid and invalid clients').rows).toEqual([
      ['Valid', 133, 0.498],
      ['Invalid', 134, 0.502],
      ['Tried', 267, 1],
      ['Not yet tried', 5, null],
    ]);
  });

  test('the valid breakdown is 10 / 32 / 13 / 56 / 6 / 2 / 14', () => {
    const rows = section(report, 'Valid: result of the latest reached contact').rows;
    expect(rows.map((r) => r[1])).toEqual([10, 32, 13, 56, 6, 2, 0, 14, 133]);
    expect(rows[3]).toEqual(['Needs no service', 56, 0.421]);
  });

  test('the invalid breakdown follows the latest attempt', () => {
    const rows = section(report, 'Invalid: outcome of the latest attempt').rows;
    expect(rows.map((r) => r[1])).toEqual([44, 4, 22, 11, 10, 0, 43, 134]);
    expect(rows[0]).toEqual(['No answer', 44, 0.328]);
  });
});

describe('validity on an empty workbook', () => {
  test('no error: a sentence, zero counts, blank percentages and no chart', () => {
    const report = buildReport('validity', fixture(EMPTY));
    expect(report.notes).toEqual(['No contacts in this period.']);
    expect(report.sections[0].rows).toEqual([
      ['Valid', 0, null],
      ['Invalid', 0, null],
      ['Tried', 0, null],
      ['Not yet tried', 0, null],
    ]);
    expect(report.charts).toEqual([]);
  });
});
