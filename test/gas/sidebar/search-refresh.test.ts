/**
 * Refresh reads the whole register anyway, so it leaves the search index built: the first keystroke
 * after it (after the morning's daily run) reads no client rows. What refresh, the reports and pool
 * release change must still be what search finds.
 */
import { run } from '../../../src/local/runner';
import type { SearchResult } from '../../../src/contract/types';
import { bundle } from '../../helpers/bundle';
import { OWNER, type TestWorkbook } from '../../helpers/workbook';
import { asEditor, setSetting } from '../clients-fixture';
import { ACME, ZHANG, putRows, sidebarWorkbook } from './fixture';

function keystroke(wb: TestWorkbook, query: string) {
  const result = run(
    bundle(),
    wb.env,
    { authMode: 'FULL', kind: 'scriptRun', activeUser: OWNER, effectiveUser: OWNER },
    'searchClients',
    () => [query],
  );
  const counters = result.execution.counters;
  return { result: result.value as SearchResult, cellsRead: counters.cellsRead, calls: counters.spreadsheetCalls() };
}

function hits(wb: TestWorkbook, query: string): string[] {
  return keystroke(wb, query).result.hits.map((h) => `${h.id} ${h.owner}${h.mine ? ' (mine)' : ''}`);
}

describe('the first search after a refresh', () => {
  const firstAfterRefresh = (filler: number) => {
    const wb = sidebarWorkbook({ filler });
    wb.menu('menuRefresh');
    return keystroke(wb, 'acme');
  };
  const small = firstAfterRefresh(100);
  const large = firstAfterRefresh(3_000);

  test('finds the client without reading the Clients tab, the same at 100 and 3,000 clients', () => {
    expect(large.result.hits.map((h) => h.name)).toEqual(['Acme Trading Co., Ltd.']);
    expect(large.cellsRead).toBe(small.cellsRead);
    expect(large.cellsRead).toBeLessThan(500); // the Team and Settings tabs and the header row
    expect(large.calls).toBe(small.calls);
  });
});

describe('what changed since the index was built is found', () => {
  test('a client typed at the bottom of the sheet after a refresh', () => {
    const wb = sidebarWorkbook({ filler: 5 });
    wb.menu('menuRefresh');
    putRows(wb, 'Clients', [{ ID: 'C-LATE', Name: 'Late Arrival Ltd' }], wb.sheet('Clients').values.length + 1);
    expect(hits(wb, 'late arrival')).toEqual(['C-LATE ']);
  });

  test('a client that had no ID is found by the ID refresh gave it, after a refresh or after all reports', () => {
    for (const operation of ['menuRefresh', 'menuReportsAll']) {
      const wb = sidebarWorkbook({ filler: 5 });
      putRows(wb, 'Clients', [{ Name: 'Nameless Until Now' }], wb.sheet('Clients').values.length + 1);
      expect(hits(wb, 'nameless')).toEqual([]); // the index is built with the row still without an ID
      wb.menu(operation);
      const given = String(wb.values('Clients').find((r) => r[1] === 'Nameless Until Now')?.[0]);
      expect(given).toMatch(/^C-/);
      expect(hits(wb, given)).toEqual([`${given} `]);
      expect(hits(wb, 'nameless until now')).toEqual([`${given} `]);
    }
  });

  test('a client released to the pool is no longer shown as its former owner’s', () => {
    const wb = sidebarWorkbook();
    setSetting(wb, 'Shared pool enabled', 'Yes');
    const idle = { ID: 'C-IDLE', Name: 'Idle Client', Owner: ZHANG, Created: new Date('2025-01-01T00:00:00+08:00') };
    putRows(wb, 'Clients', [idle], wb.sheet('Clients').values.length + 1);
    expect(hits(wb, 'idle client')).toEqual([`C-IDLE ${ZHANG} (mine)`]);
    wb.menu('menuPoolRelease');
    expect(hits(wb, 'idle client')).toEqual(['C-IDLE ']);
  });

  test('a pool release that releases nobody leaves the index as it was', () => {
    const wb = sidebarWorkbook({ filler: 50 });
    expect(keystroke(wb, 'acme').cellsRead).toBeGreaterThan(50);
    wb.menu('menuPoolRelease'); // the pool is off: nobody is released
    const next = keystroke(wb, 'acme');
    expect(next.result.hits.map((h) => h.id)).toEqual(['C-ACME']);
    expect(next.cellsRead).toBe(0);
  });
});

describe('typing in the Clients tab after the index was built', () => {
  /** A person types one cell and the simple trigger fires, as Sheets would. */
  function typeCell(wb: TestWorkbook, id: string, header: string, value: string): void {
    const head = wb.values('Clients')[0];
    const row = wb.values('Clients').findIndex((r) => r[0] === id) + 1;
    const col = head.indexOf(header) + 1;
    asEditor(wb, (ss) => ss.getSheetByName('Clients')!.getRange(row, col).setValue(value));
    run(bundle(), wb.env, { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: '' }, 'onEdit', (_exec, g) => {
      const ss = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
      const range = ss.getSheetByName('Clients')!.getRange(row, col);
      return [{ authMode: 'LIMITED', range, source: ss, value }];
    });
  }

  test('a new Stage leaves the index as it was: the next search reads no client rows', () => {
    const wb = sidebarWorkbook({ filler: 3_000 });
    wb.menu('menuRefresh');
    typeCell(wb, ACME, 'Stage', 'B3 · Negotiation');
    const next = keystroke(wb, 'acme');
    expect(next.result.hits.map((h) => h.id)).toEqual([ACME]);
    expect(next.cellsRead).toBeLessThan(500);
  });

  test('a new name is found at once, and the old one no longer', () => {
    const wb = sidebarWorkbook({ filler: 5 });
    wb.menu('menuRefresh');
    typeCell(wb, ACME, 'Name', 'Zenith Harbour Imports');
    expect(hits(wb, 'zenith harbour').map((h) => h.split(' ')[0])).toEqual([ACME]);
    expect(hits(wb, 'acme trading')).toEqual([]);
  });
});
