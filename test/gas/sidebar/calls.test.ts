/**
 * The sidebar must stay fast in Apps Script, where every Spreadsheet call is a round trip: logging a
 * contact makes the same number of calls at 100 and at 50,000 clients (it never reads whole tables).
 */
import { newSheetModel } from '../../../src/local/emulator/model';
import type { TestWorkbook } from '../../helpers/workbook';
import { ACME, AMY, putRows, sidebarWorkbook } from './fixture';

const ENTRY = { clientId: ACME, channel: 'Phone', outcome: 'Reached', summary: 'Price list sent', nextTopic: 'quote' };

function callsOf(wb: TestWorkbook, fn: () => void): number {
  const before = wb.env.counters.spreadsheetCalls();
  fn();
  return wb.env.counters.spreadsheetCalls() - before;
}

function measure(filler: number): { cold: number; warm: number; card: number; cellsRead: number } {
  const wb = sidebarWorkbook({ filler });
  const cold = callsOf(wb, () => wb.client('logContact', [ENTRY]));
  wb.client('searchClients', ['acme']);
  const readBefore = wb.env.counters.cellsRead;
  const warm = callsOf(wb, () => wb.client('logContact', [{ ...ENTRY, summary: 'second call' }]));
  const cellsRead = wb.env.counters.cellsRead - readBefore;
  const card = callsOf(wb, () => wb.client('getClientCard', [ACME]));
  return { cold, warm, card, cellsRead };
}

describe('Spreadsheet calls per logContact', () => {
  const small = measure(100);
  const large = measure(50_000);

  test('are the same at 100 and at 50,000 clients, with and without the search index cached', () => {
    expect(large.cold).toBe(small.cold);
    expect(large.warm).toBe(small.warm);
    // 3 of them find each tab's header row (last row, last column, the top rows: a title may sit above it).
    expect(small.warm).toBeLessThan(45);
  });

  test('with the index cached, the client row is found without reading the ID column', () => {
    expect(large.cellsRead).toBeLessThan(1000);
  });

  test('opening a card is the same number of calls too', () => {
    expect(large.card).toBe(small.card);
  });
});

/** Tabs a team adds beside ours (their own lists, the report tabs): each one listed costs a call. */
function withOtherTabs(wb: TestWorkbook, count: number): TestWorkbook {
  for (let i = 1; i <= count; i++) {
    const sheet = newSheetModel(wb.env.spreadsheet.nextSheetId++, `Notes ${i}`);
    sheet.values = [['Whatever', 'the team keeps']];
    wb.env.spreadsheet.sheets.push(sheet);
  }
  return wb;
}

describe('Spreadsheet calls of the sidebar and the number of tabs', () => {
  function calls(extraTabs: number): { card: number; log: number } {
    const wb = withOtherTabs(sidebarWorkbook({ filler: 20 }), extraTabs);
    wb.client('searchClients', ['acme']);
    const log = callsOf(wb, () => wb.client('logContact', [ENTRY]));
    const card = callsOf(wb, () => wb.client('getClientCard', [ACME]));
    return { card, log };
  }

  test('do not grow with the tabs a workbook holds: ours are looked up by name, not by listing every tab', () => {
    const few = calls(0);
    const many = calls(20);
    expect(many).toEqual(few);
  });
});

describe('addClient', () => {
  function add(filler: number): { calls: number; cellsRead: number; duplicateFound: boolean } {
    const wb = sidebarWorkbook({ filler });
    wb.client('searchClients', ['acme']); // the sidebar opened: the search index is cached
    // The first add past the grid Set up made stretches the highlighting over the new rows, once.
    wb.client('addClient', [{ name: 'Warm Up Ltd', phone: '137 0000 2222' }]);
    const readBefore = wb.env.counters.cellsRead;
    const callsBefore = wb.env.counters.spreadsheetCalls();
    wb.client('addClient', [{ name: 'Brand New Trading', phone: '137 0000 1111' }]);
    const out = {
      calls: wb.env.counters.spreadsheetCalls() - callsBefore,
      cellsRead: wb.env.counters.cellsRead - readBefore,
    };
    // The same company again a moment later: the index the first add patched finds it.
    const again = wb.client('addClient', [{ name: 'Brand New Trading', phone: '137 0000 1111' }]) as {
      ok: boolean;
      duplicates?: unknown[];
    };
    return { ...out, duplicateFound: !again.ok && (again.duplicates ?? []).length > 0 };
  }

  test('reads the same cells and makes the same calls at 100 and at 50,000 clients when the index is cached', () => {
    const small = add(100);
    const large = add(50_000);
    expect(large.cellsRead).toBe(small.cellsRead);
    expect(large.calls).toBe(small.calls);
    expect(large.cellsRead).toBeLessThan(2_000);
    expect(small.duplicateFound && large.duplicateFound).toBe(true);
  });
});

describe('claim and hand-over', () => {
  /** A pooled client whose `own` contacts lie 500 rows apart in a log of other clients' calls. */
  function pooled(own: number): TestWorkbook {
    const wb = sidebarWorkbook({ filler: 100 });
    putRows(wb, 'Clients', [{ ID: 'C-POOL', Name: 'Pooled Ltd', Status: 'In pool' }], 4);
    const rows = Array.from({ length: 40 * 500 }, (_, i) => ({
      ID: `K-${i}`,
      Date: new Date(Date.UTC(2025, 0, 1) + (i % 300) * 86_400_000),
      'Client ID': i % 500 === 0 && i / 500 < own ? 'C-POOL' : `C-${i % 100}`,
      Outcome: 'Reached',
      Summary: `call ${i}`,
    }));
    putRows(wb, 'Contacts', rows);
    wb.client('searchClients', ['pooled']); // the sidebar opened: the search index is cached
    return wb;
  }

  function costs(own: number): { claim: number; handOver: number; cellsRead: number } {
    const wb = pooled(own);
    const readBefore = wb.env.counters.cellsRead;
    const claim = callsOf(wb, () => expect((wb.client('claimClient', ['C-POOL']) as { ok: boolean }).ok).toBe(true));
    const handOver = callsOf(wb, () =>
      expect((wb.client('reassignClient', ['C-POOL', AMY, 'Holiday cover']) as { ok: boolean }).ok).toBe(true),
    );
    return { claim, handOver, cellsRead: wb.env.counters.cellsRead - readBefore };
  }

  test('cost the same for a client with no history and one with 40 contacts spread through the log', () => {
    // Neither changes the history, so neither reads it: the sidebar keeps the one it shows.
    expect(costs(40)).toEqual(costs(0));
  });

  test('and so does logging a call today once it is claimed; an unreached attempt reads the history its rules need', () => {
    const logCosts = (own: number, outcome: string) => {
      const wb = pooled(own);
      wb.client('claimClient', ['C-POOL']);
      const entry = { ...ENTRY, clientId: 'C-POOL', outcome };
      return callsOf(wb, () => expect((wb.client('logContact', [entry]) as { ok: boolean }).ok).toBe(true));
    };
    expect(logCosts(40, 'Reached')).toBe(logCosts(0, 'Reached'));
    expect(logCosts(40, 'No answer')).toBeGreaterThan(logCosts(0, 'No answer'));
  });
});
