/**
 * Refresh grades and status (issue 4), run from the menu through the built add-on in the emulator:
 * every computed column of every client in one pass, written as one batch per column, never a cell
 * people typed; problems reported, never blocking the other rows.
 */
import { startOfDay } from '../../src/core/dates';
import type { CellValue } from '../../src/local/emulator/model';
import type { TestWorkbook } from '../helpers/workbook';
import {
  type Row,
  addRows,
  addUserColumn,
  asEditor,
  client,
  day,
  dayText,
  headerIndex,
  lastAlert,
  rowsOf,
  setSetting,
  trackerWorkbook,
} from './clients-fixture';

const QUALIFIED = { 'Need confirmed': 'Yes', 'Budget confirmed': 'Yes', 'Decision maker': 'Yes' } as const;
const COMPUTED = [
  'Grade',
  'Status',
  'Last contact',
  'Pool release',
  'Segment',
  'Next step set',
  'Stage recorded',
  'Plan recorded',
  'Stage set',
];

function refresh(wb: TestWorkbook): string {
  wb.menu('menuRefresh');
  return lastAlert(wb);
}

describe('grades on refresh (seed 004)', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Thirty days', Owner: 'Amy', ...QUALIFIED, 'Expected date': day(wb, '2026-04-01') },
    { ID: 'C-2', Name: 'Thirty-one days', Owner: 'Amy', ...QUALIFIED, 'Expected date': day(wb, '2026-04-02') },
    {
      ID: 'C-3',
      Name: 'No budget',
      Owner: 'Amy',
      ...QUALIFIED,
      'Budget confirmed': 'No',
      'Expected date': day(wb, '2026-03-10'),
    },
    {
      ID: 'C-4',
      Name: 'Later',
      Owner: 'Amy',
      ...QUALIFIED,
      'Budget confirmed': 'No',
      'Expected date': day(wb, '2026-06-01'),
    },
    {
      ID: 'C-9',
      Name: 'Ninety days',
      Owner: 'Amy',
      ...QUALIFIED,
      'Budget confirmed': 'No',
      'Expected date': day(wb, '2026-05-31'),
    },
    {
      ID: 'C-5',
      Name: 'Need unclear',
      Owner: 'Amy',
      ...QUALIFIED,
      'Need confirmed': 'No',
      'Expected date': day(wb, '2026-03-10'),
    },
    { ID: 'C-6', Name: 'No date', Owner: 'Amy', ...QUALIFIED },
    {
      ID: 'C-7',
      Name: 'Overridden',
      Owner: 'Amy',
      ...QUALIFIED,
      'Expected date': day(wb, '2026-03-10'),
      'Grade override': 'C',
    },
    { ID: 'C-8', Name: 'Past date', Owner: 'Amy', ...QUALIFIED, 'Expected date': day(wb, '2026-01-15') },
  ]);
  const alert = refresh(wb);

  test('a client with need, budget and decision maker expecting to buy within 30 days is graded A on refresh', () => {
    expect(client(wb, 'Thirty days').Grade).toBe('A');
  });
  test('on the 31st day the same client is graded B (the last day of the A window is day 30)', () => {
    expect(client(wb, 'Thirty-one days').Grade).toBe('B');
  });
  test('with the decision maker but no budget confirmed, a client within 90 days is graded B', () => {
    expect(client(wb, 'No budget').Grade).toBe('B');
  });
  test('a client expected on day 90 is still B (the last day of the B window); on day 91 it is C', () => {
    expect([client(wb, 'Ninety days').Grade, client(wb, 'Later').Grade]).toEqual(['B', 'C']);
  });
  test('a client whose need is not confirmed, or who has no expected date, is graded D', () => {
    expect([client(wb, 'Need unclear').Grade, client(wb, 'No date').Grade]).toEqual(['D', 'D']);
  });
  test('an expected date already past counts as now: still graded A', () => {
    expect(client(wb, 'Past date').Grade).toBe('A');
  });
  test('a grade override wins: the Grade cell shows the grade set by hand', () => {
    expect(client(wb, 'Overridden').Grade).toBe('C');
  });
  test('a first grade is not a grade change: nothing goes to the Changes tab', () => {
    expect(rowsOf(wb, 'Changes')).toEqual([]);
  });
  test('the menu says what it did', () => {
    expect(alert).toBe(
      [
        'Refresh grades and status',
        'Refreshed 9 clients: grade, status, last contact, pool release and segment.',
        'Grades changed: 0. Statuses changed: 0. IDs assigned: 0.',
      ].join('\n'),
    );
  });
});

describe('changes recorded by refresh', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Cooling', Owner: 'Amy', Grade: 'A', 'Need confirmed': 'No' },
    { Name: 'Typed in', Owner: 'Amy' },
  ]);
  const alert = refresh(wb);
  const changes = rowsOf(wb, 'Changes');

  test('a client typed in without an ID gets one on refresh', () => {
    expect(client(wb, 'Typed in').ID).toMatch(/^C-[0-9A-Z]+$/);
  });
  test('the new ID and the grade change are each one row on the Changes tab, dated now and made by Client Tracker', () => {
    const id = client(wb, 'Typed in').ID;
    expect(changes.map((c) => [c['Client ID'], c.What, c.Old, c.New, c.By, c.Reason])).toEqual([
      ['C-1', 'Grade change', 'A', 'D', 'Client Tracker', 'The need is not confirmed.'],
      [id, 'ID assigned', '', id, 'Client Tracker', 'The row had no ID.'],
    ]);
    expect(changes.every((c) => c.Date instanceof Date && c.Date.getTime() === wb.clock.now())).toBe(true);
    expect(changes.map((c) => c.ID)).toEqual([expect.stringMatching(/^X-/), expect.stringMatching(/^X-/)]);
    expect(new Set(changes.map((c) => c.ID)).size).toBe(2);
  });
  test('the summary counts them', () => {
    expect(alert).toContain('Grades changed: 1. Statuses changed: 0. IDs assigned: 1.');
    expect(alert).toContain('Grade changes and new IDs are recorded on the Changes tab.');
  });
  test('a second refresh finds nothing new to record', () => {
    refresh(wb);
    expect(rowsOf(wb, 'Changes')).toHaveLength(2);
    expect(lastAlert(wb)).toContain('Grades changed: 0. Statuses changed: 0. IDs assigned: 0.');
  });
  test('a refresh with nothing to change writes nothing and does not read the ID column again', () => {
    const idle = wb.menu('menuRefresh').execution.counters;
    expect(idle.cellsWritten).toBe(0);
    // Someone types a wrong Status: the next refresh puts it right, re-reading the IDs first.
    asEditor(wb, (ss) =>
      ss
        .getSheetByName('Clients')!
        .getRange(2, headerIndex(wb, 'Clients', 'Status') + 1)
        .setValue('Lost'),
    );
    const fixing = wb.menu('menuRefresh').execution.counters;
    expect(fixing.cellsWritten).toBe(1);
    expect((fixing.calls.get('Range.getValues') ?? 0) - (idle.calls.get('Range.getValues') ?? 0)).toBe(1);
    expect(fixing.cellsRead - idle.cellsRead).toBe(rowsOf(wb, 'Clients').length);
  });
});

describe('status and last contact on refresh', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Signed', Owner: 'Amy', Stage: 'Won', Status: 'Active' },
    { ID: 'C-2', Name: 'Gone', Owner: 'Amy', Stage: 'Lost' },
    { ID: 'C-3', Name: 'Quiet 90', Owner: 'Amy', Stage: 'A2 · First meeting', Created: day(wb, '2025-10-01') },
    { ID: 'C-4', Name: 'Quiet 89', Owner: 'Amy', Stage: 'A2 · First meeting', Created: day(wb, '2025-10-01') },
    { ID: 'C-5', Name: 'Late call', Owner: 'Amy', Created: day(wb, '2026-01-01') },
    {
      ID: 'C-6',
      Name: 'Imported',
      Owner: 'Amy',
      'Last contact': day(wb, '2026-02-28'),
      Created: day(wb, '2025-01-01'),
    },
  ]);
  addRows(wb, 'Contacts', [
    { ID: 'K-1', Date: new Date('2025-12-02T03:00:00Z'), 'Client ID': 'C-3', Outcome: 'Reached' },
    { ID: 'K-2', Date: new Date('2026-03-01T03:00:00Z'), 'Client ID': 'C-3', Outcome: 'No answer' },
    { ID: 'K-3', Date: new Date('2025-12-03T03:00:00Z'), 'Client ID': 'C-4', Outcome: 'Reached' },
    // 23:30 on 27 February in Shanghai (15:30 UTC): the contact belongs to the 27th there.
    { ID: 'K-4', Date: new Date('2026-02-27T15:30:00Z'), 'Client ID': 'C-5', Outcome: 'Reached' },
    { ID: 'K-5', Date: new Date('2026-01-10T03:00:00Z'), 'Client ID': 'C-6', Outcome: 'Reached' },
  ]);
  const alert = refresh(wb);

  test('a client whose stage is Won has status Won; Lost follows the stage too', () => {
    expect([client(wb, 'Signed').Status, client(wb, 'Gone').Status]).toEqual(['Won', 'Lost']);
  });
  test('a client not reached for 90 days is Dormant, unanswered calls do not count', () => {
    expect(client(wb, 'Quiet 90').Status).toBe('Dormant');
  });
  test('at 89 days without a reached contact the client is still Active', () => {
    expect(client(wb, 'Quiet 89').Status).toBe('Active');
  });
  test('Last contact is the day of the latest reached contact in the spreadsheet’s time zone, stored as a date', () => {
    const cell = client(wb, 'Late call')['Last contact'];
    expect(cell).toEqual(day(wb, '2026-02-27'));
    expect(dayText(wb, client(wb, 'Quiet 90')['Last contact'])).toBe('2025-12-02');
  });
  test('a Last contact typed in later than the log is kept (history imported without its log)', () => {
    expect(client(wb, 'Imported')['Last contact']).toEqual(day(wb, '2026-02-28'));
  });
  test('Active → Won counts as a status change', () => {
    expect(alert).toContain('Statuses changed: 1.');
  });
  test('with the pool off, no client shows a pool release date', () => {
    expect(rowsOf(wb, 'Clients').map((r) => r['Pool release'])).toEqual(['', '', '', '', '', '']);
  });
});

describe('pool release dates on refresh', () => {
  const wb = trackerWorkbook();
  setSetting(wb, 'Shared pool enabled', 'Yes');
  addRows(wb, 'Clients', [
    {
      ID: 'C-1',
      Name: 'Grade B',
      Owner: 'Amy',
      ...QUALIFIED,
      'Budget confirmed': 'No',
      'Expected date': day(wb, '2026-04-15'),
    },
    { ID: 'C-2', Name: 'Won', Owner: 'Amy', Stage: 'Won', 'Deal value': 200000, Satisfaction: 5 },
    { ID: 'C-3', Name: 'Never reached', Owner: 'Amy', Created: day(wb, '2026-02-20') },
  ]);
  addRows(wb, 'Contacts', [
    { ID: 'K-1', Date: new Date('2026-02-01T03:00:00Z'), 'Client ID': 'C-1', Outcome: 'Reached' },
    { ID: 'K-2', Date: new Date('2026-02-20T03:00:00Z'), 'Client ID': 'C-2', Outcome: 'Reached', Attitude: 'Warm' },
  ]);
  refresh(wb);

  test('a grade B client last reached on 1 February shows 3 March as its pool release day', () => {
    expect(dayText(wb, client(wb, 'Grade B')['Pool release'])).toBe('2026-03-03');
  });
  test('a client never reached counts from Created (grade D: 60 days)', () => {
    expect(dayText(wb, client(wb, 'Never reached')['Pool release'])).toBe('2026-04-21');
  });
  test('Won clients are exempt and get a segment instead', () => {
    expect(client(wb, 'Won')['Pool release']).toBe('');
    expect(client(wb, 'Won').Segment).toBe('VIP');
  });
});

describe('malformed rows are reported and never block the others', () => {
  const wb = trackerWorkbook();
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Typo', Owner: 'Amy', ...QUALIFIED, 'Expected date': 'end of March' },
    { ID: 'C-2', Name: 'Fine', Owner: 'Amy', ...QUALIFIED, 'Expected date': day(wb, '2026-03-20') },
    { ID: 'C-3', Name: 'Odd override', Owner: 'Amy', 'Grade override': 'E' },
    { ID: 'C-2', Name: 'Copy', Owner: 'Amy' },
  ]);
  addRows(wb, 'Contacts', [
    { ID: 'K-1', Date: new Date('2026-02-01T03:00:00Z'), 'Client ID': 'C-404', Outcome: 'Reached' },
  ]);
  const alert = refresh(wb);

  test('a date typed as text is reported in the summary with its row, tab and column', () => {
    expect(alert).toContain(
      'Clients, C-1: “Expected date” holds “end of March”, which is not a date; fix it or clear it.',
    );
  });
  test('every problem is listed after the counts', () => {
    expect(alert.split('\n').slice(4)).toEqual([
      'Please check these 4 problems; every other row was refreshed:',
      'Clients, C-1: “Expected date” holds “end of March”, which is not a date; fix it or clear it.',
      'Clients: the ID C-2 is used by more than one row; give one of them a new ID.',
      'Clients, C-3: “Grade override” holds “E”, which is not one of A, B, C, D.',
      'Contacts, K-1: the client ID C-404 matches no client.',
    ]);
  });
  test('the other rows are still refreshed, and the row with the bad date is graded as if the date were blank', () => {
    expect(rowsOf(wb, 'Clients').map((r) => r.Grade)).toEqual(['D', 'A', 'D', 'D']);
  });
  test('the text the user typed stays in the cell', () => {
    expect(client(wb, 'Typo')['Expected date']).toBe('end of March');
  });
});

describe('a long list of problems is cut to 20 lines', () => {
  const wb = trackerWorkbook();
  addRows(
    wb,
    'Clients',
    Array.from({ length: 25 }, (_, i) => ({ ID: `C-${i + 1}`, Name: `Client ${i + 1}`, 'Expected date': 'soon' })),
  );
  const lines = refresh(wb).split('\n');

  test('20 problems, then how many more', () => {
    expect(lines).toHaveLength(4 + 1 + 20 + 1);
    expect(lines[lines.length - 1]).toBe('… and 5 more.');
  });
});

/** Every cell of the tab outside the computed columns, by row and header. */
function userCells(wb: TestWorkbook): string {
  const [header, ...rows] = wb.sheet('Clients').values;
  const keep = header.map((h, i) => (COMPUTED.includes(String(h)) ? -1 : i)).filter((i) => i >= 0);
  return JSON.stringify(rows.map((row) => keep.map((i) => row[i] ?? '')));
}

describe('refresh never rewrites a cell people typed', () => {
  const wb = trackerWorkbook();
  addUserColumn(wb, 'Clients', 'My notes');
  addRows(wb, 'Clients', [
    {
      ID: '00123',
      Name: "'=not a formula",
      Owner: 'Amy',
      Phone: '013800138000',
      ...QUALIFIED,
      'Expected date': day(wb, '2026-03-20'),
      'My notes': 'call after 5',
    },
    {
      ID: 'C-2',
      Name: 'Acme',
      Owner: 'Bob',
      'Next follow-up': day(wb, '2026-03-05'),
      'Deal value': 5000,
      'My notes': 42,
    },
    { Name: 'No ID yet', Owner: 'Bob' },
    { ID: 'C-4', Name: 'Below the new one', Owner: 'Bob' },
  ]);
  const before = userCells(wb);
  const writesBefore = wb.env.writes.length;
  refresh(wb);

  test('every cell outside the computed columns holds the same value as before, except the new ID', () => {
    const after = JSON.parse(userCells(wb)) as CellValue[][];
    const idCol = headerIndex(wb, 'Clients', 'ID');
    const expected = JSON.parse(before) as CellValue[][];
    expected[2][idCol] = client(wb, 'No ID yet').ID;
    expect(after).toEqual(expected);
    expect(client(wb, 'No ID yet').ID).toMatch(/^C-/);
  });
  test('IDs, phone numbers and text that Sheets would parse stay text', () => {
    expect(client(wb, '=not a formula').ID).toBe('00123');
    expect(client(wb, '=not a formula').Phone).toBe('013800138000');
  });
  test('every write ran under the document lock', () => {
    expect(wb.env.writes.slice(writesBefore).every((w) => w.lockHeld)).toBe(true);
  });
});

describe('a refresh that cannot run says why and writes nothing', () => {
  test('without a Grade column', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Acme', Grade: 'A' }]);
    const grade = headerIndex(wb, 'Clients', 'Grade');
    wb.sheet('Clients').values[0][grade] = 'Score';
    const writes = wb.env.writes.length;
    refresh(wb);
    expect(lastAlert(wb)).toContain(
      'The Clients tab has no “Grade” column. Add it back or run Set up / upgrade sheets.',
    );
    expect(wb.env.writes.slice(writes).filter((w) => w.method.startsWith('Range.set'))).toEqual([]);
  });
  test('without a Changes tab while there are changes to record', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Clients', [{ Name: 'No ID', Owner: 'Amy' }]);
    asEditor(wb, (ss) => ss.deleteSheet(ss.getSheetByName('Changes')!));
    const writes = wb.env.writes.length;
    refresh(wb);
    expect(lastAlert(wb)).toContain('There is no Changes tab. Run Set up / upgrade sheets to create it.');
    expect(wb.env.writes.slice(writes).filter((w) => w.method.startsWith('Range.set'))).toEqual([]);
    expect(client(wb, 'No ID').Grade).toBe('');
  });
});

describe('rows moved while refreshing', () => {
  /** Runs `move` in another execution each time the refresh makes its nth batch read and after. */
  function interfere(
    wb: TestWorkbook,
    fromRead: number,
    times: number,
    move: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => void,
  ): void {
    let reads = 0;
    let done = 0;
    let busy = false;
    wb.env.hooks.push((exec, method) => {
      if (busy || exec.options.kind !== 'menu' || method !== 'Range.getValues') return;
      reads++;
      if (reads < fromRead || done >= times) return;
      busy = true;
      try {
        asEditor(wb, move);
        done++;
      } finally {
        busy = false;
      }
    });
  }
  const rows: Row[] = [
    {
      ID: 'C-1',
      Name: 'Alpha',
      Owner: 'Amy',
      ...QUALIFIED,
      'Expected date': startOfDay('2026-03-20', 'Asia/Shanghai'),
    },
    { ID: 'C-2', Name: 'Bravo', Owner: 'Amy', 'Need confirmed': 'No' },
    {
      ID: 'C-3',
      Name: 'Charlie',
      Owner: 'Amy',
      ...QUALIFIED,
      'Budget confirmed': 'No',
      'Expected date': startOfDay('2026-03-20', 'Asia/Shanghai'),
    },
  ];
  const sortByNameDescending = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void => {
    const sheet = ss.getSheetByName('Clients')!;
    const name = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('Name') + 1;
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: name, ascending: false });
  };

  test('a sort between the read and the write: the refresh reads again and each grade lands on its own client', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Clients', rows);
    // Batch reads: Settings, Clients, then Contacts — the sort happens right after Clients was read.
    interfere(wb, 3, 1, sortByNameDescending);
    const alert = refresh(wb);
    expect(rowsOf(wb, 'Clients').map((r) => [r.Name, r.Grade])).toEqual([
      ['Charlie', 'B'],
      ['Bravo', 'D'],
      ['Alpha', 'A'],
    ]);
    expect(alert).toContain('Refreshed 3 clients');
  });

  test('rows that keep moving: the refresh stops with a sentence and writes nothing', () => {
    const wb = trackerWorkbook();
    addRows(wb, 'Clients', rows);
    interfere(wb, 3, 100, (ss) => ss.getSheetByName('Clients')!.insertRowsBefore(2, 1));
    const writes = wb.env.writes.filter((w) => w.method.startsWith('Range.set')).length;
    refresh(wb);
    expect(lastAlert(wb).trim()).toBe(
      'Rows on the Clients tab moved while this was running. Nothing was written; please run it again.',
    );
    expect(wb.env.writes.filter((w) => w.method.startsWith('Range.set')).length).toBe(writes);
    const clients = rowsOf(wb, 'Clients').filter((r) => r.Name !== '');
    expect(clients.map((r) => [r.Name, r.Grade])).toEqual([
      ['Alpha', ''],
      ['Bravo', ''],
      ['Charlie', ''],
    ]);
  });
});

describe('a Chinese workbook', () => {
  const wb = trackerWorkbook({ locale: 'zh_CN' });
  addRows(wb, '客户', [
    {
      编号: 'C-1',
      客户名称: '华星',
      负责人: '张伟',
      需求明确: '是',
      预算确认: '是',
      决策人: '是',
      计划日期: day(wb, '2026-03-20'),
    },
    { 编号: 'C-2', 客户名称: '成交客户', 负责人: '张伟', 阶段: '成交' },
  ]);
  wb.menu('menuRefresh');

  test('labels are written in Chinese', () => {
    expect(rowsOf(wb, '客户').map((r) => [r.客户名称, r.级别, r.状态])).toEqual([
      ['华星', 'A', '跟进中'],
      ['成交客户', 'D', '成交'],
    ]);
  });
  test('the summary is in Chinese', () => {
    expect(lastAlert(wb)).toContain('已刷新 2 个客户的级别、状态、最近联系、公海释放日和客户分类。');
  });
});

describe('refresh at scale (the acceptance test of issue 4)', () => {
  const STAGES = [
    'A · Contacted not met',
    'A2 · First meeting',
    'B1 · Needs analysed',
    'B2 · Proposal & site visit',
    'Won',
    'Lost',
  ];
  const OUTCOMES = ['Reached', 'No answer', 'Busy', 'Reached', 'Unreachable'];

  /** n clients and 10 contacts each; the same shape at any n: 2 rows without an ID, 3 stale grades. */
  function workbookWith(n: number): TestWorkbook {
    const wb = trackerWorkbook();
    addUserColumn(wb, 'Clients', 'Region');
    const base = Date.parse('2025-09-01T02:00:00Z');
    const clients: Row[] = [];
    for (let i = 0; i < n; i++) {
      clients.push({
        ID: i === 3 || i === 7 ? '' : `C-${i}`,
        Name: `Client ${i}`,
        Phone: `0138${String(i).padStart(7, '0')}`,
        Owner: ['Amy', 'Bob', '张伟'][i % 3],
        Stage: STAGES[i % STAGES.length],
        Grade: i < 3 ? 'A' : '',
        'Need confirmed': i < 3 || i % 4 === 0 ? 'No' : 'Yes',
        'Budget confirmed': i % 2 === 0 ? 'Yes' : 'No',
        'Decision maker': i % 3 === 0 ? 'No' : 'Yes',
        'Expected date': new Date(base + ((i * 7) % 300) * 86_400_000),
        'Next follow-up': new Date(base + ((i * 13) % 200) * 86_400_000),
        'Deal value': i % 5 === 4 ? 1000 * i : '',
        Satisfaction: i % 5 === 4 ? (i % 5) + 1 : '',
        Created: new Date(base - (i % 90) * 86_400_000),
        Notes: `note ${i}`,
        Region: ['North', 'South', 'East'][i % 3],
      });
    }
    addRows(wb, 'Clients', clients);
    const contacts: Row[] = [];
    for (let k = 0; k < n * 10; k++) {
      const i = k % n;
      contacts.push({
        ID: `K-${k}`,
        Date: new Date(base + ((k * 7_919) % 180) * 86_400_000 + 3_600_000),
        'Client ID': i === 3 || i === 7 ? 'C-0' : `C-${i}`,
        By: 'Amy',
        Outcome: OUTCOMES[k % OUTCOMES.length],
        Summary: `call ${k}`,
      });
    }
    addRows(wb, 'Contacts', contacts);
    // Both grids grew past setup's 1,000 rows (the large one by addRows), so both refreshes stretch
    // the highlighting over the new rows once (coverage.ts): the calls compared are the same work.
    asEditor(wb, (ss) => ss.getSheetByName('Clients')!.insertRowsAfter(ss.getSheetByName('Clients')!.getMaxRows(), 1));
    return wb;
  }

  const small = workbookWith(10);
  const large = workbookWith(10_000);
  const before = userCells(large);
  const smallRun = small.menu('menuRefresh');
  const largeRun = large.menu('menuRefresh');

  test('refreshing 10,000 clients with 100,000 contacts makes exactly the Spreadsheet calls of 10 clients', () => {
    expect(largeRun.execution.counters.spreadsheetCalls()).toBe(smallRun.execution.counters.spreadsheetCalls());
    expect(largeRun.execution.counters.snapshot().calls).toEqual(smallRun.execution.counters.snapshot().calls);
  });
  test('and it rewrites no cell people typed, the user’s own Region column included', () => {
    const expected = JSON.parse(before) as CellValue[][];
    const idCol = headerIndex(large, 'Clients', 'ID');
    const ids = rowsOf(large, 'Clients').map((r) => r.ID);
    expected[3][idCol] = ids[3];
    expected[7][idCol] = ids[7];
    expect(JSON.parse(userCells(large))).toEqual(expected);
  });
  test('every client got its computed columns, and the Changes tab the 3 grade changes, 2 new IDs and their first stages and plans', () => {
    const rows = rowsOf(large, 'Clients');
    expect(rows.filter((r) => r.Grade === '' || r.Status === '' || r['Stage recorded'] === '')).toEqual([]);
    // A client new to the tracker has its first stage recorded (not a move); the others' stages are
    // adopted as recorded without a row each.
    expect(rowsOf(large, 'Changes').map((c) => [c.What, c.Old, c.Reason])).toEqual([
      ['Grade change', expect.anything(), expect.anything()],
      ['Grade change', expect.anything(), expect.anything()],
      ['Grade change', expect.anything(), expect.anything()],
      ['ID assigned', '', 'The row had no ID.'],
      ['Stage change', '', 'First stage recorded (not a move).'],
      ['Next step set', '', 'Plan changed in the sheet itself (typed, pasted or by a script).'],
      ['ID assigned', '', 'The row had no ID.'],
      ['Stage change', '', 'First stage recorded (not a move).'],
      ['Next step set', '', 'Plan changed in the sheet itself (typed, pasted or by a script).'],
    ]);
    expect(lastAlert(large)).toContain('Refreshed 10000 clients');
  });
});

describe('days are counted in the spreadsheet’s time zone', () => {
  // 23:30 on 1 March in Los Angeles, already 2 March in UTC and in Shanghai.
  const wb = trackerWorkbook({ timeZone: 'America/Los_Angeles', now: '2026-03-02T07:30:00Z' });
  addRows(wb, 'Clients', [
    { ID: 'C-1', Name: 'Day 30 in LA', Owner: 'Amy', ...QUALIFIED, 'Expected date': day(wb, '2026-03-31') },
  ]);
  addRows(wb, 'Contacts', [
    { ID: 'K-1', Date: new Date('2026-02-28T06:00:00Z'), 'Client ID': 'C-1', Outcome: 'Reached' },
  ]);
  refresh(wb);

  test('an expected date 30 days after the local today is still in the A window', () => {
    expect(client(wb, 'Day 30 in LA').Grade).toBe('A');
  });
  test('a contact at 22:00 on 27 February local time counts for the 27th, stored as that local midnight', () => {
    expect(client(wb, 'Day 30 in LA')['Last contact']).toEqual(day(wb, '2026-02-27'));
    expect(dayText(wb, client(wb, 'Day 30 in LA')['Last contact'])).toBe('2026-02-27');
  });
});
