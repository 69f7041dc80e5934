import { dayKey, startOfDay } from '../../src/core/dates';
import { render } from '../../src/core/i18n';
import { refreshClients } from '../../src/core/refresh';
import type { ClientRecord, ContactRecord } from '../../src/core/schema';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { record } from '../helpers/records';

const SH = 'Asia/Shanghai';
const today = '2026-03-02';
const day = (d: string) => startOfDay(d, SH);
const now = new Date('2026-03-02T01:00:00Z');

function client(over: Partial<ClientRecord>): ClientRecord {
  return record('clients', {
    id: 'C-1',
    name: 'Acme',
    owner: '张伟',
    stage: 'A2',
    needConfirmed: true,
    budgetConfirmed: true,
    decisionMaker: true,
    expectedDate: day('2026-03-20'),
    created: day('2026-01-05'),
    ...over,
  });
}

function contact(over: Partial<ContactRecord>): ContactRecord {
  return record('contacts', {
    id: 'K-1',
    date: new Date('2026-02-27T02:00:00Z'),
    clientId: 'C-1',
    by: '张伟',
    channel: 'phone',
    outcome: 'reached',
    ...over,
  });
}

describe('refresh', () => {
  test('computes grade, status, last contact and pool release for each client', () => {
    const result = refreshClients(
      [client({})],
      [
        contact({ date: new Date('2026-02-27T15:30:00Z') }), // 23:30 in Shanghai, still the 27th
        contact({ date: new Date('2026-03-01T02:00:00Z'), outcome: 'noAnswer' }),
      ],
      { ...DEFAULT_SETTINGS, poolEnabled: true },
      today,
      SH,
      { now },
    );
    expect(result.clients).toEqual([
      {
        id: 'C-1',
        grade: 'A',
        gradeOverridden: false,
        status: 'active',
        lastContact: '2026-02-27',
        poolRelease: '2026-03-14',
        segment: null,
        stageRecorded: 'A2 · First meeting',
        stepRecorded: '—',
        stageSetMs: null,
      },
    ]);
    expect(result.changes).toEqual([]);
    expect(result.problems).toEqual([]);
  });
  test('a client typed in without an ID gets one, recorded as a change', () => {
    const result = refreshClients([client({ id: '' }), null, client({ id: 'C-2' })], [], DEFAULT_SETTINGS, today, SH, {
      now,
    });
    const id = result.clients[0]?.id ?? '';
    expect(id).toMatch(/^C-[0-9A-Z]+$/);
    expect(result.clients[1]).toBeNull();
    // New to the tracker: its first stage is recorded too (not a move).
    expect(result.changes).toEqual([
      { clientId: id, what: 'idAssigned', old: '', new: id, reason: { key: 'change.idAssigned' } },
      { clientId: id, what: 'stageChange', old: '', new: 'A2', reason: { key: 'change.stageFirst' } },
    ]);
  });
  test('a new ID never repeats one used elsewhere in the tab (only some rows recomputed, as onEdit does)', () => {
    const first = refreshClients([client({ id: '' })], [], DEFAULT_SETTINGS, today, SH, { now }).clients[0]?.id ?? '';
    const again = refreshClients([client({ id: '' })], [], DEFAULT_SETTINGS, today, SH, { now, takenIds: [first] });
    expect(again.clients[0]?.id).toMatch(/^C-[0-9A-Z]+$/);
    expect(again.clients[0]?.id).not.toBe(first);
  });
  test('a grade change is written for the Changes tab', () => {
    const result = refreshClients([client({ grade: 'A', needConfirmed: false })], [], DEFAULT_SETTINGS, today, SH, {
      now,
    });
    expect(result.clients[0]?.grade).toBe('D');
    expect(result.changes.map((c) => [c.what, c.old, c.new, c.reason.key])).toEqual([
      ['gradeChange', 'A', 'D', 'grade.needNotConfirmed'],
    ]);
  });
  test('Won clients get a segment from the latest reached contact', () => {
    const result = refreshClients(
      [client({ stage: 'won', dealValue: 200_000, satisfaction: 5 })],
      [contact({ attitude: 'hostile' })],
      DEFAULT_SETTINGS,
      today,
      SH,
    );
    expect(result.clients[0]).toMatchObject({ status: 'won', segment: 'objectionDormant' });
  });
  test('a Last contact already later than the log is kept (imported history)', () => {
    const result = refreshClients(
      [client({ lastContact: day('2026-03-01') })],
      [contact({})],
      DEFAULT_SETTINGS,
      today,
      SH,
    );
    expect(result.clients[0]?.lastContact).toBe('2026-03-01');
  });
  test('duplicate IDs and contacts for unknown clients are reported, the other rows still computed', () => {
    const result = refreshClients(
      [client({}), client({ name: 'Copy' }), client({ id: 'C-3' })],
      [contact({ id: 'K-9', clientId: 'C-404' }), contact({ id: 'K-8', date: null }), contact({ clientId: 'c-3 ' })],
      DEFAULT_SETTINGS,
      today,
      SH,
    );
    expect(result.problems.map((p) => render('en', p.message))).toEqual([
      'Clients: the ID C-1 is used by more than one row; give one of them a new ID.',
      'Contacts, K-9: the client ID C-404 matches no client.',
      'Contacts, K-8: the contact has no date, so it is not counted.',
    ]);
    expect(result.clients.map((c) => c?.lastContact)).toEqual([null, null, '2026-02-27']);
  });
  // Speed is measured by `npm run bench`, not here; this checks that the indexed pass stays right at scale.
  test('50,000 clients and 250,000 contacts: every client gets its own latest reached contact', () => {
    const grades = [true, false];
    const clients: ClientRecord[] = [];
    for (let i = 0; i < 50_000; i++) {
      clients.push(
        client({
          id: `C-${i}`,
          budgetConfirmed: grades[i % 2],
          expectedDate: day(`2026-0${(i % 9) + 1}-1${i % 10}`),
          stage: i % 10 === 0 ? 'won' : 'B1',
          grade: 'B',
        }),
      );
    }
    const contacts: ContactRecord[] = [];
    const base = new Date('2025-09-01T00:00:00Z').getTime();
    for (let i = 0; i < 250_000; i++) {
      contacts.push(
        contact({
          clientId: `C-${i % 50_000}`,
          date: new Date(base + ((i * 7_919_000) % (180 * 86_400_000))),
          outcome: i % 3 === 0 ? 'noAnswer' : 'reached',
        }),
      );
    }
    const result = refreshClients(clients, contacts, { ...DEFAULT_SETTINGS, poolEnabled: true }, today, SH, { now });
    expect(result.clients).toHaveLength(50_000);
    expect(result.problems).toEqual([]);
    // The same answer the slow way, for a sample of clients.
    for (const i of [0, 1, 12_345, 49_999]) {
      const reached = contacts
        .filter((c) => c.clientId === `C-${i}` && c.outcome === 'reached')
        .map((c) => c.date!.getTime());
      const latest = reached.length === 0 ? null : dayKey(new Date(Math.max(...reached)), SH);
      expect(result.clients[i]?.lastContact).toBe(latest);
    }
  });
});
