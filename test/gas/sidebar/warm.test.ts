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
