/**
 * Release idle clients to the shared pool (公海), from the menu through the built add-on: only when
 * Settings turns the pool on; Owner cleared, Status In pool, a Changes row naming the former owner,
 * who then waits the reclaim days before claiming it back.
 */
import { dayKey } from '../../src/core/dates';
import { canClaim, lastRelease } from '../../src/core/pool';
import { readTable } from '../../src/core/records';
import type { ChangeRecord } from '../../src/core/schema';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { TestWorkbook } from '../helpers/workbook';
import {
  type Row,
  addRows,
  asEditor,
  client,
  day,
  dayText,
  headerIndex,
  lastAlert,
  rowsOf,
  setSetting,
  trackerWorkbook,
} from './clients-fixture';

/** Grade B: need and decision maker confirmed, no budget yet, expected within 90 days (pool after 30 days). */
const GRADE_B = { 'Need confirmed': 'Yes', 'Budget confirmed': 'No', 'Decision maker': 'Yes' } as const;

function reached(id: string, clientId: string, iso: string): Row {
  return { ID: id, Date: new Date(iso), 'Client ID': clientId, By: 'Amy', Outcome: 'Reached' };
}

function release(wb: TestWorkbook): string {
  wb.menu('menuPoolRelease');
  return lastAlert(wb);
}

describe('with the pool off (the default)', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Idle', Owner: 'Amy', Created: day(wb, '2025-01-01') }]);
  const writes = wb.env.writes.length;
  const alert = release(wb);

  test('nobody is released, and the message says how to turn the pool on', () => {
    expect(alert).toBe(
      [
        'Release idle clients to the pool',
        'The shared pool is off, so nobody was released. To turn it on, set “Shared pool enabled” to Yes on the Settings tab.',
      ].join('\n'),
    );
    expect(client(wb, 'Idle').Owner).toBe('Amy');
  });
  test('nothing is written', () => {
    expect(wb.env.writes.slice(writes)).toEqual([]);
  });
});

describe('with the pool on', () => {
  // Today is 2 March 2026 in Shanghai.
  const wb = trackerWorkbook();
  setSetting(wb, 'Shared pool enabled', 'Yes');
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Day 30', Owner: 'Amy', ...GRADE_B, 'Expected date': day(wb, '2026-04-15'), Notes: 'keep me' },
    { ID: 'C-2', Name: 'Day 29', Owner: 'Amy', ...GRADE_B, 'Expected date': day(wb, '2026-04-15') },
    { ID: 'C-3', Name: 'Won long ago', Owner: 'Amy', Stage: 'Won', Created: day(wb, '2025-01-01') },
    {
      ID: 'C-4',
      Name: 'Renewal open',
      Owner: 'Bob',
      Created: day(wb, '2025-01-01'),
      'Expiry date': day(wb, '2026-06-30'),
    },
    { ID: 'C-5', Name: 'Never reached', Owner: 'Bob', Created: day(wb, '2026-01-01') },
    { ID: 'C-6', Name: 'Already pooled', Owner: '', Status: 'In pool', Created: day(wb, '2025-01-01') },
  ]);
  addRows(wb, 'Contacts', [
    reached('K-1', 'C-1', '2026-01-31T03:00:00Z'),
    reached('K-2', 'C-2', '2026-02-01T03:00:00Z'),
    { ID: 'K-3', Date: new Date('2026-03-01T03:00:00Z'), 'Client ID': 'C-1', By: 'Amy', Outcome: 'No answer' },
  ]);
  // Someone made C-3's Owner a formula: it sits between the two released rows (C-1 and C-5).
  const ownerOfC3 = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) =>
    ss.getSheetByName('Clients')!.getRange(4, headerIndex(wb, 'Clients', 'Owner') + 1);
  asEditor(wb, (ss) => ownerOfC3(ss).setFormula('="Am"&"y"'));
  const writes = wb.env.writes.length;
  const alert = release(wb);

  test('an Owner cell between two released clients keeps its formula (only their Owner cells are written)', () => {
    expect(asEditor(wb, (ss) => ownerOfC3(ss).getFormula())).toBe('="Am"&"y"');
    expect(client(wb, 'Won long ago').Owner).toBe('Amy');
  });

  test('a grade B client last reached 30 days ago is released on day 30: Owner cleared, Status In pool', () => {
    expect(client(wb, 'Day 30')).toMatchObject({ Owner: '', Status: 'In pool', 'Pool release': '', Notes: 'keep me' });
  });
  test('on day 29 the client stays with its owner', () => {
    expect(client(wb, 'Day 29').Owner).toBe('Amy');
  });
  test('a client never reached counts from Created (grade D: 60 days)', () => {
    expect(client(wb, 'Never reached')).toMatchObject({ Owner: '', Status: 'In pool' });
  });
  test('Won clients and clients with an open renewal are exempt', () => {
    expect([client(wb, 'Won long ago').Owner, client(wb, 'Renewal open').Owner]).toEqual(['Amy', 'Bob']);
  });
  test('each release is one Changes row naming the former owner and the reason', () => {
    expect(rowsOf(wb, 'Changes').map((c) => [c['Client ID'], c.What, c.Old, c.New, c.By, c.Reason])).toEqual([
      ['C-1', 'Released to pool', 'Amy', '', 'Client Tracker', 'No reached contact for 30 days (grade B allows 30).'],
      ['C-5', 'Released to pool', 'Bob', '', 'Client Tracker', 'No reached contact for 60 days (grade D allows 60).'],
    ]);
  });
  test('the menu lists who was released', () => {
    expect(alert).toBe(
      [
        'Release idle clients to the pool',
        'Clients released to the shared pool: 2. Each one is recorded on the Changes tab.',
        'Day 30 (C-1), was with Amy: No reached contact for 30 days (grade B allows 30).',
        'Never reached (C-5), was with Bob: No reached contact for 60 days (grade D allows 60).',
      ].join('\n'),
    );
  });
  test('every write ran under the document lock: the two released Owner cells cleared alone (one range list), one span each for Status and Pool release, then the Changes rows', () => {
    const ours = wb.env.writes.slice(writes);
    expect(ours.every((w) => w.lockHeld)).toBe(true);
    expect(ours.filter((w) => /setValues|clearContent/.test(w.method)).map((w) => `${w.method} ${w.sheet}`)).toEqual([
      'RangeList.clearContent Clients',
      'Range.setValues Clients',
      'Range.setValues Clients',
      'Range.setValues Changes',
    ]);
  });
  test('the former owner must wait 7 days to claim it back; anyone else may claim it at once', () => {
    const values = wb.sheet('Changes').values;
    const changes = readTable('changes', values, 'Asia/Shanghai').records.filter((r): r is ChangeRecord => r !== null);
    const released = lastRelease(changes, 'C-1', 'Asia/Shanghai');
    expect(released).toEqual({ formerOwner: 'Amy', releasedOn: '2026-03-02' });
    expect(canClaim('Amy', released, DEFAULT_SETTINGS, '2026-03-08')).toMatchObject({ ok: false, from: '2026-03-09' });
    expect(canClaim('Amy', released, DEFAULT_SETTINGS, '2026-03-09')).toEqual({ ok: true });
    expect(canClaim('Bob', released, DEFAULT_SETTINGS, '2026-03-02')).toEqual({ ok: true });
  });
  test('running it again the same day releases nobody', () => {
    expect(release(wb)).toContain('No client is due for the shared pool today.');
    expect(rowsOf(wb, 'Changes')).toHaveLength(2);
  });
  test('the next day the day-29 client goes too', () => {
    wb.clock.advance(86_400_000);
    release(wb);
    expect(client(wb, 'Day 29')).toMatchObject({ Owner: '', Status: 'In pool' });
    const last = rowsOf(wb, 'Changes').pop()!;
    expect(dayKey(last.Date as Date, 'Asia/Shanghai')).toBe('2026-03-03');
  });
  test('a refresh afterwards keeps released clients In pool with no release day ahead', () => {
    wb.menu('menuRefresh');
    expect(client(wb, 'Day 30')).toMatchObject({ Status: 'In pool', 'Pool release': '' });
    expect(dayText(wb, client(wb, 'Already pooled')['Pool release'])).toBe('');
  });
});

describe('a client due for the pool but without an ID', () => {
  const wb = trackerWorkbook();
  setSetting(wb, 'Shared pool enabled', 'Yes');
  addRows(wb, 'Clients', [{ Name: 'No ID', Owner: 'Amy', Created: day(wb, '2025-01-01') }]);
  const alert = release(wb);

  test('is kept with its owner and named in the message', () => {
    expect(client(wb, 'No ID').Owner).toBe('Amy');
    expect(alert).toContain(
      'Clients, row 2: due for the shared pool but has no ID yet, so it was kept; run Refresh first.',
    );
  });
});

describe('pool release makes the same calls whatever the rows, and however many are released', () => {
  function calls(n: number): Record<string, number> {
    const wb = trackerWorkbook();
    setSetting(wb, 'Shared pool enabled', 'Yes');
    const rows: Row[] = Array.from({ length: n }, (_, i) => ({
      ID: `C-${i}`,
      Name: `Client ${i}`,
      Owner: 'Amy',
      Created: day(wb, i % 500 === 0 ? '2025-01-01' : '2026-02-20'),
    }));
    addRows(wb, 'Clients', rows);
    return wb.menu('menuPoolRelease').execution.counters.snapshot().calls;
  }

  test('10 clients (one due) and 5,000 (ten due, spread over the sheet): exactly the same calls', () => {
    // Owner is a column people own: only the released cells are cleared, all of them named in one
    // range list, so ten separate cells cost what one does.
    expect(calls(5_000)).toEqual(calls(10));
  });
});
