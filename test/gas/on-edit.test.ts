/**
 * onEdit as Apps Script runs it: a simple trigger in AuthMode.LIMITED with 30 seconds, whose event has
 * `value`/`oldValue` only for a single cell. The edited rows of Clients follow at once: grade from the
 * facts, status from the stage, an ID for a row typed in without one — computed cells only.
 */
import { run, type RunResult } from '../../src/local/runner';
import type { CellValue } from '../../src/local/emulator/model';
import { bundle } from '../helpers/bundle';
import type { TestWorkbook } from '../helpers/workbook';
import {
  type Row,
  addRows,
  asEditor,
  client,
  day,
  dayText,
  headerIndex,
  rowsOf,
  setSetting,
  trackerWorkbook,
} from './clients-fixture';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const QUALIFIED = { 'Need confirmed': 'Yes', 'Budget confirmed': 'No', 'Decision maker': 'Yes' } as const;

interface Edit {
  run: RunResult;
  /** Spreadsheet calls onEdit itself made (building the event is not counted). */
  calls: number;
}

/**
 * A person edits a block of cells (top-left at row/header) and the simple trigger fires with the
 * event Sheets would send: value/oldValue only when one cell changed.
 */
function edit(wb: TestWorkbook, tab: string, row: number, header: string, values: CellValue[][]): Edit {
  const col = headerIndex(wb, tab, header) + 1;
  const single = values.length === 1 && values[0].length === 1;
  const old = single ? (wb.sheet(tab).values[row - 1]?.[col - 1] ?? '') : '';
  asEditor(wb, (ss) => ss.getSheetByName(tab)!.getRange(row, col, values.length, values[0].length).setValues(values));
  let before = 0;
  const result = run(
    bundle(),
    wb.env,
    { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: '' },
    'onEdit',
    (exec, g) => {
      const ss = (g.SpreadsheetApp as SpreadsheetApp).getActiveSpreadsheet();
      const range = ss.getSheetByName(tab)!.getRange(row, col, values.length, values[0].length);
      before = exec.counters.spreadsheetCalls();
      const event: Record<string, unknown> = { authMode: 'LIMITED', range, source: ss, user: { getEmail: () => '' } };
      if (single) {
        event.value = String(wb.sheet(tab).values[row - 1][col - 1]);
        if (old !== '') event.oldValue = String(old);
      }
      return [event];
    },
  );
  return { run: result, calls: result.execution.counters.spreadsheetCalls() - before };
}

function type(wb: TestWorkbook, row: number, header: string, value: CellValue): Edit {
  return edit(wb, 'Clients', row, header, [[value]]);
}

describe('a client typed straight into the sheet', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Existing' }]);
  type(wb, 3, 'Name', 'New Co');

  test('gets an ID as soon as its name is typed', () => {
    expect(client(wb, 'New Co').ID).toMatch(/^C-[0-9A-Z]+$/);
    expect(client(wb, 'New Co').ID).not.toBe('C-1');
  });
  test('and its first grade and status: D (nothing confirmed yet), Active', () => {
    expect([client(wb, 'New Co').Grade, client(wb, 'New Co').Status]).toEqual(['D', 'Active']);
  });
  test('the new ID is recorded on the Changes tab', () => {
    const id = client(wb, 'New Co').ID;
    expect(rowsOf(wb, 'Changes').map((c) => [c['Client ID'], c.What, c.New, c.By])).toEqual([
      [id, 'ID assigned', id, 'Client Tracker'],
    ]);
  });
  test('the row that was already there is left alone', () => {
    expect(client(wb, 'Existing')).toMatchObject({ ID: 'C-1', Grade: '', Status: '' });
  });
});

describe('the sidebar search sees what was typed into the sheet', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Existing' }]);

  test('a client renamed in the sheet is found by its new name on the next keystroke', () => {
    const search = (q: string): string[] =>
      (wb.client('searchClients', [q]) as { hits: { name: string }[] }).hits.map((c) => c.name);
    expect(search('Existing')).toEqual(['Existing']); // builds and caches the index
    type(wb, 2, 'Name', 'Renamed Ltd');
    expect(search('Renamed')).toEqual(['Renamed Ltd']);
  });
});

describe('qualification facts change the grade at once', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Acme', Owner: 'Amy', ...QUALIFIED, 'Expected date': day(wb, '2026-03-20') },
  ]);
  wb.menu('menuRefresh');
  const before = client(wb, 'Acme').Grade;
  const changesBefore = rowsOf(wb, 'Changes').length;
  type(wb, 2, 'Budget confirmed', 'Yes');

  test('confirming the budget of a B client expecting to buy within 30 days makes it A', () => {
    expect([before, client(wb, 'Acme').Grade]).toEqual(['B', 'A']);
  });
  test('the upgrade is recorded on the Changes tab with the reason', () => {
    const changes = rowsOf(wb, 'Changes').slice(changesBefore);
    expect(changes.map((c) => [c['Client ID'], c.What, c.Old, c.New, c.Reason])).toEqual([
      [
        'C-1',
        'Grade change',
        'B',
        'A',
        'Budget confirmed, talking to the decision maker, expected in 18 days (A window: 30 days): can sign.',
      ],
    ]);
  });
  test('typing over the Grade cell puts the computed grade back, and records nothing (the grade did not change)', () => {
    const changes = rowsOf(wb, 'Changes').length;
    type(wb, 2, 'Grade', 'D');
    expect(client(wb, 'Acme').Grade).toBe('A');
    expect(rowsOf(wb, 'Changes')).toHaveLength(changes);
  });
  test('a grade override wins as soon as it is typed', () => {
    type(wb, 2, 'Grade override', 'C');
    expect(client(wb, 'Acme').Grade).toBe('C');
  });
});

describe('stage and status', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Acme', Owner: 'Amy', Stage: 'B3 · Negotiation', Status: 'Active', Segment: '' },
    { ID: 'C-2', Name: 'Old friend', Owner: 'Amy', Stage: 'Won', Status: 'Won', Segment: 'VIP' },
  ]);

  test('setting the stage to Won makes the status Won', () => {
    type(wb, 2, 'Stage', 'Won');
    expect(client(wb, 'Acme').Status).toBe('Won');
  });
  test('a Won client marked Lost becomes Lost and loses its segment', () => {
    type(wb, 3, 'Stage', 'Lost');
    expect(client(wb, 'Old friend')).toMatchObject({ Status: 'Lost', Segment: '' });
  });
  test('a pooled client stays In pool while it has no owner', () => {
    setSetting(wb, 'Shared pool enabled', 'Yes');
    type(wb, 2, 'Stage', 'B1 · Needs analysed');
    type(wb, 2, 'Owner', '');
    expect(client(wb, 'Acme').Status).toBe('In pool');
  });
});

describe('a paste of several rows', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Above' }]);
  const pasted = edit(wb, 'Clients', 3, 'Name', [['Pasted one'], ['Pasted two'], ['Pasted three']]);

  test('recomputes every pasted row (the event has no value for a multi-cell edit)', () => {
    expect(rowsOf(wb, 'Clients').map((r) => [r.Name, r.Grade, r.Status])).toEqual([
      ['Above', '', ''],
      ['Pasted one', 'D', 'Active'],
      ['Pasted two', 'D', 'Active'],
      ['Pasted three', 'D', 'Active'],
    ]);
    const ids = rowsOf(wb, 'Clients').map((r) => r.ID);
    expect(new Set(ids).size).toBe(4);
  });
  test('the three new IDs are recorded in one append', () => {
    expect(rowsOf(wb, 'Changes').map((c) => c.What)).toEqual(['ID assigned', 'ID assigned', 'ID assigned']);
    // One write per computed column (ID, Grade, Status, Stage recorded, Plan recorded) and the Changes append.
    expect(pasted.run.execution.counters.snapshot().calls['Range.setValues']).toBe(6);
  });
});

describe('onEdit keeps out of the way', () => {
  test('an edit on another tab returns after three calls (Contacts edits are applied: typed-contacts.test.ts)', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Team', [{ Name: 'Amy', Email: 'amy@example.com' }]);
    const { calls } = edit(wb, 'Team', 2, 'Name', [['Amy Liu']]);
    expect(calls).toBeLessThanOrEqual(3);
  });
  test('editing the header row writes nothing and does not fail', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Acme' }]);
    const { run: r } = edit(wb, 'Clients', 1, 'Notes', [['Notes (private)']]);
    expect(wb.env.writes.filter((w) => w.executionId === r.execution.id)).toEqual([]);
    expect(client(wb, 'Acme').Grade).toBe('');
  });
  test('a date typed as text does not stop it: the grade treats it as blank until someone fixes it', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Acme', Owner: 'Amy', ...QUALIFIED }]);
    const { run: r } = type(wb, 2, 'Expected date', 'end of March');
    expect(r.value).toBeUndefined();
    expect(client(wb, 'Acme')).toMatchObject({ Grade: 'D', 'Expected date': 'end of March' });
  });
  test('the same number of calls on a sheet of 10 clients and of 5,000', () => {
    const counts = [10, 5_000].map((n) => {
      const wb = trackerWorkbook();
      const rows: Row[] = Array.from({ length: n }, (_, i) => ({ ID: `C-${i}`, Name: `Client ${i}`, Owner: 'Amy' }));
      addRows(wb, 'Clients', rows);
      return type(wb, 6, 'Name', 'Renamed').run.execution.counters.snapshot().calls;
    });
    expect(counts[1]).toEqual(counts[0]);
  });
  test('a sort between its read and its write: it writes nothing rather than onto the wrong rows', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Clients', [
      { ID: 'C-1', Name: 'Alpha', Owner: 'Amy' },
      { ID: 'C-2', Name: 'Bravo', Owner: 'Amy' },
    ]);
    let reads = 0;
    wb.env.hooks.push((exec, method) => {
      if (exec.options.kind !== 'simpleTrigger' || method !== 'Range.getValues') return;
      // reads: header, edited rows, Settings, then the ID check — sort just before the check
      if (++reads === 4) {
        asEditor(wb, (ss) => {
          const sheet = ss.getSheetByName('Clients')!;
          sheet
            .getRange(2, 1, 2, sheet.getLastColumn())
            .sort({ column: headerIndex(wb, 'Clients', 'Name') + 1, ascending: false });
        });
      }
    });
    type(wb, 2, 'Stage', 'Won');
    expect(rowsOf(wb, 'Clients').map((r) => [r.Name, r.Stage, r.Status])).toEqual([
      ['Bravo', '', ''],
      ['Alpha', 'Won', ''],
    ]);
  });
  test('Pool release follows the grade when the pool is on', () => {
    const wb = trackerWorkbook();
    setSetting(wb, 'Shared pool enabled', 'Yes');
    addRows(wb, 'Clients', [
      {
        ID: 'C-1',
        Name: 'Acme',
        Owner: 'Amy',
        ...QUALIFIED,
        'Expected date': day(wb, '2026-03-20'),
        'Last contact': day(wb, '2026-02-20'),
      },
    ]);
    type(wb, 2, 'Notes', 'met at the fair');
    expect(dayText(wb, client(wb, 'Acme')['Pool release'])).toBe('2026-03-22');
    type(wb, 2, 'Budget confirmed', 'Yes');
    expect(dayText(wb, client(wb, 'Acme')['Pool release'])).toBe('2026-03-07');
  });
});
