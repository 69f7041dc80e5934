/**
 * Issue 7: all reports together make a number of Spreadsheet calls that does not depend on the data,
 * asserted at 100 clients and at 50,000 clients with 250,000 contacts (about 8.2 million cells with
 * the product's own tab widths, under Google's 10-million-cell limit that the emulator enforces).
 * The workbooks come from the benchmark's generator (bench/workbook.ts), built with the add-on's setup.
 */
import { run } from '../../src/local/runner';
import { buildWorkbook } from '../../bench/workbook';
import { bundle } from '../helpers/bundle';

function allReportsCalls(clients: number, contacts: number): { calls: number; tabs: number } {
  const wb = buildWorkbook(bundle(), { label: String(clients), clients, contacts });
  const user = wb.manager.email;
  const result = run(
    bundle(),
    wb.env,
    { authMode: 'FULL', kind: 'menu', activeUser: user, effectiveUser: user },
    'menuReportsAll',
  );
  const tabs = wb.env.spreadsheet.sheets.filter((s) => s.name.startsWith('Report · ')).length;
  return { calls: result.execution.counters.spreadsheetCalls(), tabs };
}

test('all reports make the same number of Spreadsheet calls at 100 and at 50,000 clients / 250,000 contacts', () => {
  const small = allReportsCalls(100, 500);
  const large = allReportsCalls(50_000, 250_000);
  expect(small.tabs).toBe(7);
  expect(large.tabs).toBe(7);
  expect(large.calls).toBe(small.calls);
});
