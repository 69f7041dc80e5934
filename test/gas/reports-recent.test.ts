/**
 * Who made a contact and on which channel matter only to the daily report (its day and 14-day trend)
 * and the monthly report (its month): those two columns are read only over the rows dated in that
 * window. A log is appended as contacts happen, so that is its last rows; a log in any other order
 * is still counted right, at the cost of reading more.
 */
import { type Row, addRows, day, trackerWorkbook } from './clients-fixture';

const NOW = '2026-03-02T10:00:00Z';

function workbook(contacts: Row[]) {
  const wb = trackerWorkbook({ now: NOW });
  addRows(wb, 'Team', [
    { Name: 'Amy', Email: 'amy@example.com', Active: 'Yes' },
    { Name: 'Bob', Email: 'bob@example.com', Active: 'Yes' },
  ]);
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Acme', Owner: 'Amy', Stage: 'B1', Created: day(wb, '2025-10-01') },
    { ID: 'C-2', Name: 'Beta', Owner: 'Bob', Stage: 'A', Created: day(wb, '2025-10-01') },
  ]);
  addRows(wb, 'Contacts', contacts);
  return wb;
}

function contact(wb: ReturnType<typeof trackerWorkbook>, date: string, by: string, channel: string): Row {
  return {
    Date: day(wb, date),
    'Client ID': by === 'Amy' ? 'C-1' : 'C-2',
    By: by,
    Channel: channel,
    Outcome: 'Reached',
    Summary: 'talked',
  };
}

/** A section of the daily report as { person: [cells…] }, by its heading. */
function sectionOf(
  wb: ReturnType<typeof trackerWorkbook>,
  heading: string,
): { header: unknown[]; rows: Map<unknown, unknown[]> } {
  const values = wb.values('Report · Daily');
  const at = values.findIndex((r) => r[0] === heading);
  if (at < 0) throw new Error(`no ${heading}`);
  const rows = new Map<unknown, unknown[]>();
  for (let r = at + 2; r < values.length && values[r].length > 0 && values[r][0] !== ''; r++)
    rows.set(values[r][0], values[r]);
  return { header: values[at + 1], rows };
}

test('a log in no particular order: today’s contacts are counted per person and channel, old ones are not', () => {
  const probe = trackerWorkbook({ now: NOW });
  const rows = [
    contact(probe, '2026-03-02', 'Amy', 'Phone'),
    contact(probe, '2025-11-03', 'Bob', 'Visit'),
    contact(probe, '2026-03-02', 'Bob', 'WeChat'),
    contact(probe, '2025-12-01', 'Amy', 'Visit'),
    contact(probe, '2026-03-02', 'Amy', 'WeChat'),
  ];
  const wb = workbook(rows);
  wb.menu('menuReportDaily');
  const perPerson = sectionOf(wb, 'Per person').rows;
  expect([perPerson.get('Amy')?.[1], perPerson.get('Bob')?.[1], perPerson.get('Team')?.[1]]).toEqual([2, 1, 3]);
  const channels = sectionOf(wb, 'Contact attempts by channel');
  const count = (who: string, channel: string) => channels.rows.get(who)?.[channels.header.indexOf(channel)];
  expect([count('Amy', 'Phone'), count('Amy', 'WeChat'), count('Amy', 'Visit')]).toEqual([1, 1, 0]);
  expect([count('Bob', 'WeChat'), count('Bob', 'Visit'), count('Team', 'Visit')]).toEqual([1, 0, 0]);
});

test('in a log appended day by day, the two columns are read only for the last 14 days', () => {
  const probe = trackerWorkbook({ now: NOW });
  const rows: Row[] = [];
  // One contact a day from 1 Nov 2025 to 2 Mar 2026 (122 days); the last 14 are in the trend.
  for (
    let d = new Date(day(probe, '2025-11-01'));
    d <= day(probe, '2026-03-02');
    d = new Date(d.getTime() + 86_400_000)
  ) {
    rows.push({ Date: d, 'Client ID': 'C-1', By: 'Amy', Channel: 'Phone', Outcome: 'No answer' });
  }
  const daily = workbook(rows).menu('menuReportDaily').execution.counters;
  const overdue = workbook(rows).menu('menuReportOverdue').execution.counters;
  // The overdue report reads neither column; the daily one reads both over 14 rows.
  expect(daily.cellsRead - overdue.cellsRead).toBe(2 * 14);
  expect(daily.spreadsheetCalls()).toBeGreaterThan(0);
});
