/**
 * The sidebar must stay fast in Apps Script, where every Spreadsheet call is a round trip: logging a
 * contact makes the same number of calls at 100 and at 50,000 clients (it never reads whole tables).
 */
import type { TestWorkbook } from '../../helpers/workbook';
import { ACME, sidebarWorkbook } from './fixture';

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
