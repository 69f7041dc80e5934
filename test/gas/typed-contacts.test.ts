/**
 * Contact rows typed straight into the Contacts tab (one cell at a time, or a pasted block) end in the
 * state the sidebar would have produced: the client's last contact, next step and stage follow, the
 * row is completed, stage moves go to Changes once, and rows the sidebar would refuse are not applied
 * but noted. When onEdit never sees the edit (the mobile app under one reading, a dropped event),
 * Refresh applies the row instead.
 */
import {
  addRows,
  client,
  dayText,
  editCells,
  nextRow,
  pasteRows,
  rowsOf,
  trackerWorkbook,
  typeRow,
  type Row,
} from './clients-fixture';
import type { TestWorkbook } from '../helpers/workbook';
import { MAX_COLUMNS } from '../../src/local/emulator/model';

const NOW = '2026-03-02T06:00:00Z'; // 14:00 in Shanghai, Monday 2 March

function workbook(): TestWorkbook {
  const wb = trackerWorkbook({ now: NOW });
  addRows(wb, 'Team', [{ Name: 'Amy', Email: 'amy@example.com', Role: 'Salesperson', Active: 'Yes' }]);
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Acme', Owner: 'Amy', Stage: 'A2 · First meeting' },
    { ID: 'C-2', Name: 'Twin', Owner: 'Amy' },
    { ID: 'C-3', Name: 'Twin', Owner: 'Amy' },
  ]);
  wb.menu('menuRefresh');
  return wb;
}

function contactRow(wb: TestWorkbook, row: number): Row {
  return rowsOf(wb, 'Contacts')[row - 2];
}

function note(wb: TestWorkbook, row: number): string {
  return wb.sheet('Contacts').notes.get((row - 1) * MAX_COLUMNS) ?? '';
}

describe('a contact typed into the Contacts tab, one cell at a time', () => {
  const wb = workbook();
  const row = nextRow(wb, 'Contacts');
  typeRow(wb, 'Contacts', row, {
    Date: '2026-03-02 10:00',
    'Client ID': 'C-1',
    By: 'Amy',
    Outcome: 'Reached',
    Summary: 'Wants a quote',
  });

  test('sets the client’s last contact and proposes the next follow-up from the grade (D: 30 days)', () => {
    const acme = client(wb, 'Acme');
    expect(dayText(wb, acme['Last contact'])).toBe('2026-03-02');
    expect(dayText(wb, acme['Next follow-up'])).toBe('2026-04-01');
    expect(acme['Next owner']).toBe('Amy');
  });
  test('completes the row as the sidebar fills it: its ID, the client’s name, the next step, grade after', () => {
    const c = contactRow(wb, row);
    expect(c.ID).toMatch(/^K-/);
    expect(c.Client).toBe('Acme');
    expect(dayText(wb, c['Next follow-up'])).toBe('2026-04-01');
    expect(c['Grade after']).toBe('D');
    expect(c['Stage after']).toBe('A2 · First meeting');
  });
  test('records no stage or grade move: nobody moved the client', () => {
    const moves = rowsOf(wb, 'Changes').filter((c) => c.What === 'Stage change' || c.What === 'Grade change');
    expect(moves).toEqual([]);
  });
  test('a next follow-up typed afterwards on the same row becomes the client’s', () => {
    editCells(wb, 'Contacts', row, 'Next follow-up', [['2026-03-05']]);
    expect(dayText(wb, client(wb, 'Acme')['Next follow-up'])).toBe('2026-03-05');
  });
});

describe('the typed row that was never seen by onEdit', () => {
  const wb = workbook();
  const row = nextRow(wb, 'Contacts');
  typeRow(
    wb,
    'Contacts',
    row,
    { Date: '2026-03-02 10:00', 'Client ID': 'C-1', Outcome: 'Reached', 'Next follow-up': '2026-03-05' },
    { fire: false },
  );
  const before = client(wb, 'Acme');
  wb.menu('menuRefresh');

  test('leaves the client as it was until Refresh, which then sets the next follow-up the row names', () => {
    expect(before['Next follow-up']).toBe('');
    expect(dayText(wb, client(wb, 'Acme')['Next follow-up'])).toBe('2026-03-05');
    expect(dayText(wb, client(wb, 'Acme')['Last contact'])).toBe('2026-03-02');
  });
  test('Refresh gives the row its ID, so it is applied once', () => {
    expect(contactRow(wb, row).ID).toMatch(/^K-/);
    const changes = rowsOf(wb, 'Changes').length;
    wb.menu('menuRefresh');
    expect(rowsOf(wb, 'Changes')).toHaveLength(changes);
  });
});

describe('a Stage after typed on a contact row', () => {
  const wb = workbook();
  const row = nextRow(wb, 'Contacts');
  typeRow(wb, 'Contacts', row, {
    Date: '2026-03-02 11:00',
    'Client ID': 'C-1',
    By: 'Amy',
    Outcome: 'Reached',
    'Stage after': 'Won',
  });

  test('moves the client to Won, once, on the Changes tab, by who logged it', () => {
    expect(client(wb, 'Acme').Stage).toBe('Won');
    expect(client(wb, 'Acme').Status).toBe('Won');
    const moves = rowsOf(wb, 'Changes').filter((c) => c.What === 'Stage change');
    expect(moves.map((c) => [c['Client ID'], c.Old, c.New, c.By])).toEqual([
      ['C-1', 'A2 · First meeting', 'Won', 'Amy'],
    ]);
  });
  test('typing the summary afterwards does not record the move again', () => {
    editCells(wb, 'Contacts', row, 'Summary', [['Signed']]);
    expect(rowsOf(wb, 'Changes').filter((c) => c.What === 'Stage change')).toHaveLength(1);
  });
});

describe('rows the sidebar would refuse are not applied, and say why', () => {
  const wb = workbook();
  const start = nextRow(wb, 'Contacts');
  pasteRows(wb, 'Contacts', start, [
    { Date: '2026-03-02 09:00', Client: 'Twin', Outcome: 'Reached' },
    { Date: '2026-03-02 09:00', 'Client ID': 'C-404', Outcome: 'Reached' },
    { Date: '2026-03-09 09:00', 'Client ID': 'C-1', Outcome: 'Reached' },
    { Date: '2026-03-02 09:30', Client: 'acme ', Outcome: 'No answer' },
  ]);

  test('a name two clients share is never guessed', () => {
    expect(note(wb, start)).toMatch(/matches 2 clients/);
    expect(contactRow(wb, start).ID).toBe('');
    expect(client(wb, 'Twin')['Last contact']).toBe('');
  });
  test('an unknown client ID and a date in the future are refused with a sentence', () => {
    expect(note(wb, start + 1)).toMatch(/C-404 matches no client/);
    expect(note(wb, start + 2)).toMatch(/in the future/);
    expect(client(wb, 'Acme')['Last contact']).toBe('');
  });
  test('a name only one client has fills in the Client ID', () => {
    expect(contactRow(wb, start + 3)['Client ID']).toBe('C-1');
    expect(note(wb, start + 3)).toBe('');
  });
});

describe('a backdated contact', () => {
  const wb = workbook();
  const row = nextRow(wb, 'Contacts');
  typeRow(wb, 'Contacts', row, {
    Date: '2026-03-02 10:00',
    'Client ID': 'C-1',
    Outcome: 'Reached',
    'Next follow-up': '2026-03-06',
    'Next owner': 'Amy',
    'Next topic': 'send the quote',
  });
  typeRow(wb, 'Contacts', row + 1, { Date: '2026-02-20 10:00', 'Client ID': 'C-1', Outcome: 'Reached' });

  test('never replaces the plan set after it: next step, owner and topic stay', () => {
    const acme = client(wb, 'Acme');
    expect([dayText(wb, acme['Next follow-up']), acme['Next owner'], acme['Next topic']]).toEqual([
      '2026-03-06',
      'Amy',
      'send the quote',
    ]);
  });
});
