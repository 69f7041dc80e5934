/**
 * Opening the sidebar warms the search index, so the first keystroke is as cheap as every other one
 * (three Spreadsheet calls, no client rows read) instead of reading the whole Clients tab.
 */
import { run } from '../../../src/local/runner';
import { bundle } from '../../helpers/bundle';
import { OWNER } from '../../helpers/workbook';
import { sidebarWorkbook } from './fixture';

function keystroke(wb: ReturnType<typeof sidebarWorkbook>, query: string) {
  return run(
    bundle(),
    wb.env,
    { authMode: 'FULL', kind: 'scriptRun', activeUser: OWNER, effectiveUser: OWNER },
    'searchClients',
    () => [query],
  );
}

test('after the sidebar opens, the first keystroke reads no client rows', () => {
  const wb = sidebarWorkbook({ filler: 2_000 });
  wb.client('sidebarContext', []);
  const first = keystroke(wb, 'acme');
  expect((first.value as { hits: { name: string }[] }).hits[0].name).toBe('Acme Trading Co., Ltd.');
  expect(first.execution.counters.cellsRead).toBeLessThan(10);
  expect(first.execution.counters.spreadsheetCalls()).toBeLessThanOrEqual(3);
});

test('without opening the sidebar first, the first keystroke has to read the Clients tab', () => {
  const wb = sidebarWorkbook({ filler: 2_000 });
  const first = keystroke(wb, 'acme');
  expect(first.execution.counters.cellsRead).toBeGreaterThan(2_000);
});

test('once the sidebar shows and builds the row index, the first card reads no Client ID column of Contacts', () => {
  const cardCells = (warm: boolean): number => {
    const wb = sidebarWorkbook({ filler: 200 });
    const contacts = wb.sheet('Contacts');
    const width = contacts.values[0].length;
    for (let i = 0; i < 3_000; i++) {
      const row = new Array(width).fill('');
      row[contacts.values[0].indexOf('Client ID')] =
        i % 1_000 === 0 ? 'C-ACME' : `C-F${String((i % 200) + 1).padStart(5, '0')}`;
      row[contacts.values[0].indexOf('Date')] = new Date(Date.parse('2026-01-10T02:00:00Z') + i * 60_000);
      contacts.values.push(row);
    }
    contacts.maxRows = contacts.values.length;
    wb.client('sidebarContext', []);
    if (warm) wb.client('warmClientRows', []);
    const before = wb.env.counters.cellsRead;
    wb.client('getClientCard', ['C-ACME']);
    return wb.env.counters.cellsRead - before;
  };
  expect(cardCells(false) - cardCells(true)).toBeGreaterThanOrEqual(3_000);
});
