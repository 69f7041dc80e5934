/**
 * A formula error in a date column (Sheets' getValues gives its text, "#DIV/0!") is a problem named
 * with its cell, never a crash: Refresh, the card and the reports go on for every other row.
 */
import { addRows, day, trackerWorkbook } from './clients-fixture';

test('a formula error in Expected date and Next follow-up is listed with its client; the other clients are refreshed', () => {
  const wb = trackerWorkbook({ now: '2026-03-02T10:00:00Z' });
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Acme', Owner: 'Zhang Wei', 'Expected date': '#DIV/0!', 'Next follow-up': '#N/A' },
    {
      ID: 'C-2',
      Name: 'Bolt',
      Owner: 'Zhang Wei',
      'Expected date': day(wb, '2026-03-20'),
      Created: day(wb, '2026-01-05'),
    },
  ]);
  wb.menu('menuRefresh');
  const said = wb.alerts().join('\n');
  expect(said).toContain('Clients, C-1: “Expected date” holds “#DIV/0!”, which is not a date');
  expect(said).toContain('Clients, C-1: “Next follow-up” holds “#N/A”, which is not a date');
  const rows = wb.values('Clients');
  const col = (name: string) => rows[0].indexOf(name);
  expect(rows[2][col('Grade')]).not.toBe('');
  wb.menu('menuReportsAll');
  expect(wb.sheetNames()).toContain('Report · Overdue');
  expect(wb.client('getClientCard', ['C-1'])).toMatchObject({
    fields: { id: 'C-1', name: 'Acme', expectedDate: null, nextFollowUp: null },
  });
});
