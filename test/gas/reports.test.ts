/**
 * Report tabs (issue 7) through the built add-on in the emulator: tabs created with the right names,
 * a title row with the period and "as of", the user's tabs never touched, reruns rebuilding in place
 * with charts not duplicated, and all reports together making the same number of Spreadsheet calls
 * at 100 and at 5,000 clients.
 */
import { cursorOf, styleAt } from '../../src/local/emulator/spreadsheet';
import type { CellValue } from '../../src/local/emulator/model';
import { newSheetModel } from '../../src/local/emulator/model';
import { uiState } from '../../src/local/emulator/services';
import { snapshot, type TestWorkbook } from '../helpers/workbook';
import { type Row, addRows, asEditor, day, trackerWorkbook } from './clients-fixture';

const NOW = '2026-03-02T10:00:00Z'; // 18:00 in Shanghai
const REPORT_TABS = [
  'Report · Daily',
  'Report · Monthly',
  'Report · Funnel',
  'Report · Overdue',
  'Report · Churn',
  'Report · Validity',
  'Report · Persistence',
];
const at = (moment: string): Date => new Date(`${moment.replace(' ', 'T')}:00+08:00`);

/** A small team: 张伟 and Amy, four clients, six contacts. */
function smallTeam(wb: TestWorkbook): void {
  addRows(wb, 'Team', [
    { Name: '张伟', Email: 'zw@example.com', Role: 'Salesperson', Active: 'Yes' },
    { Name: 'Amy', Email: 'amy@example.com', Role: 'Salesperson', Active: 'Yes' },
  ]);
  addRows(wb, 'Clients', [
    {
      ID: 'C1',
      Name: 'Acme',
      Owner: '张伟',
      Stage: 'B2',
      'Next follow-up': day(wb, '2026-02-25'),
      'Next topic': 'quote',
      Created: day(wb, '2026-01-05'),
    },
    {
      ID: 'C2',
      Name: 'Beta',
      Owner: '张伟',
      Stage: 'A',
      'Next follow-up': day(wb, '2026-03-03'),
      Created: day(wb, '2026-03-02'),
    },
    { ID: 'C3', Name: "'=Gamma", Owner: 'Amy', Stage: 'B3', Created: day(wb, '2026-02-01') },
    { ID: 'C4', Name: 'Delta', Owner: 'Amy', Stage: 'A2', Created: day(wb, '2026-02-01') },
  ]);
  // Logged through the sidebar (each row has its ID), so the register's cells are the state to report.
  addRows(wb, 'Contacts', [
    {
      ID: 'K-1',
      Date: at('2026-03-02 09:00'),
      'Client ID': 'C1',
      By: '张伟',
      Channel: 'Phone',
      Outcome: 'Reached',
      Result: 'Opportunity found',
    },
    { ID: 'K-2', Date: at('2026-03-02 09:30'), 'Client ID': 'C2', By: '张伟', Channel: 'Phone', Outcome: 'No answer' },
    {
      ID: 'K-3',
      Date: at('2026-03-02 11:00'),
      'Client ID': 'C2',
      By: '张伟',
      Channel: 'SMS',
      Outcome: 'Reached',
      Result: 'Needs no service',
    },
    { ID: 'K-4', Date: at('2026-03-02 14:00'), 'Client ID': 'C3', By: 'Amy', Channel: 'WeChat', Outcome: 'Busy' },
    {
      ID: 'K-5',
      Date: at('2026-02-10 10:00'),
      'Client ID': 'C3',
      By: 'Amy',
      Channel: 'Meeting',
      Outcome: 'Reached',
      Result: 'Within service period',
    },
    { ID: 'K-6', Date: at('2026-01-16 10:00'), 'Client ID': 'C4', By: 'Amy', Channel: 'Phone', Outcome: '空号' },
  ]);
}

function userTabs(wb: TestWorkbook): string {
  return JSON.stringify(
    wb.env.spreadsheet.sheets.filter((s) => !REPORT_TABS.includes(s.name)),
    (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v),
  );
}

function rowStarting(wb: TestWorkbook, tab: string, first: CellValue): CellValue[] {
  const row = wb.values(tab).find((r) => r[0] === first);
  if (!row) throw new Error(`${tab} has no row ${String(first)}`);
  return row;
}

describe('all reports from the menu on a small team', () => {
  const wb = trackerWorkbook({ now: NOW });
  smallTeam(wb);
  // A tab of the user's that happens to carry a report's alias: it must never be touched.
  const own = newSheetModel(wb.env.spreadsheet.nextSheetId++, 'Funnel');
  own.values = [['my own funnel notes']];
  wb.env.spreadsheet.sheets.push(own);
  // All reports refreshes the register first; refreshed just before, it has nothing left to change.
  wb.menu('menuRefresh');
  const before = userTabs(wb);
  wb.menu('menuReportsAll');

  test('creates the seven report tabs, after the user’s tabs, with Excel-safe names', () => {
    expect(wb.sheetNames()).toEqual(['Clients', 'Contacts', 'Team', 'Changes', 'Settings', 'Funnel', ...REPORT_TABS]);
    for (const name of REPORT_TABS) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
    }
  });

  test('each has a frozen bold title row stating the period and the time it was made', () => {
    expect(wb.values('Report · Daily')[0][0]).toBe('Daily work report · 2026-03-02 · as of 2026-03-02 18:00');
    expect(wb.values('Report · Validity')[0][0]).toBe('Contact validity · all time · as of 2026-03-02 18:00');
    expect(wb.values('Report · Monthly')[0][0]).toBe('Monthly summary and plan · 2026-03 · as of 2026-03-02 18:00');
    for (const name of REPORT_TABS) {
      expect(wb.sheet(name).frozenRows).toBe(1);
      expect(styleAt(wb.sheet(name), 1, 1).font?.bold).toBe(true);
    }
  });

  test('the user’s tabs, including their own “Funnel”, are exactly as they were', () => {
    expect(userTabs(wb)).toBe(before);
  });

  test('the daily report counts what was done today, per person and for the team', () => {
    expect(rowStarting(wb, 'Report · Daily', '张伟').slice(0, 6)).toEqual(['张伟', 3, 2, 0.667, 2, 1]);
    expect(rowStarting(wb, 'Report · Daily', 'Team').slice(0, 6)).toEqual(['Team', 4, 2, 0.5, 2, 1]);
  });

  test('validity: 4 tried, 3 valid (75.0%), 1 invalid (25.0%) — a Chinese outcome read like the English one', () => {
    expect(rowStarting(wb, 'Report · Validity', 'Valid')).toEqual(['Valid', 3, 0.75]);
    expect(rowStarting(wb, 'Report · Validity', 'Invalid')).toEqual(['Invalid', 1, 0.25]);
    expect(rowStarting(wb, 'Report · Validity', 'No such number')).toEqual(['No such number', 1, 1]);
    const sheet = wb.sheet('Report · Validity');
    const r = wb.values('Report · Validity').findIndex((row) => row[0] === 'Valid') + 1;
    expect(styleAt(sheet, r, 3).numberFormat).toBe('0.0%');
  });

  test('client names stay text (a name starting with “=” is no formula) and dates are dates', () => {
    const overdue = wb.values('Report · Overdue');
    const gamma = overdue.find((row) => row[1] === '=Gamma');
    expect(gamma?.[3]).toBe('Unplanned');
    const acme = overdue.find((row) => row[1] === 'Acme')!;
    expect(acme[5]).toEqual(day(wb, '2026-02-25'));
    const sheet = wb.sheet('Report · Overdue');
    const r = overdue.indexOf(acme) + 1;
    expect(styleAt(sheet, r, 6).numberFormat).toBe('yyyy-mm-dd');
  });

  test('headers are bold on dark blue and the team rows bold', () => {
    const values = wb.values('Report · Daily');
    const header = values.findIndex((row) => row[0] === 'Person') + 1;
    const team = values.findIndex((row) => row[0] === 'Team') + 1;
    const sheet = wb.sheet('Report · Daily');
    expect(styleAt(sheet, header, 2)).toMatchObject({ background: '#1f3a5f', font: { bold: true, color: '#ffffff' } });
    expect(styleAt(sheet, team, 1).font?.bold).toBe(true);
    expect(sheet.conditionalFormats[0].condition).toEqual({ type: 'CUSTOM_FORMULA', formula: '=ISEVEN(ROW())' });
  });

  test('charts beside the tables: attempts per day, funnel, validity pie, dormant buckets', () => {
    const charts = (tab: string) => wb.sheet(tab).charts.map((c) => c.type);
    expect(charts('Report · Daily')).toEqual(['LINE']);
    expect(charts('Report · Funnel')).toEqual(['BAR']);
    expect(charts('Report · Validity')).toEqual(['PIE']);
    expect(charts('Report · Churn')).toEqual(['COLUMN']);
    const pie = wb.sheet('Report · Validity').charts[0];
    const width = Math.max(...wb.values('Report · Validity').map((r) => r.length));
    expect(pie.position.col).toBeGreaterThan(width);
    // The pie reads the header row and the Valid and Invalid rows.
    const header = wb.values('Report · Validity').findIndex((row) => row[0] === 'Validity') + 1;
    expect(pie.ranges).toEqual([{ row: header, col: 1, numRows: 3, numCols: 2 }]);
  });

  test('a toast says which tabs were made', () => {
    const toasts = wb.env.services.get('toasts') as { message: string }[];
    expect(toasts.at(-1)?.message).toMatch(
      /^Refreshed \d+ clients?: grade, status, last contact, pool release and segment\. Report ready: Report · Daily, Report · Monthly/,
    );
  });
});

describe('All reports refreshes the register from the same read', () => {
  const refreshed = trackerWorkbook({ now: NOW });
  smallTeam(refreshed);
  const reported = trackerWorkbook({ now: NOW });
  smallTeam(reported);
  const gradesBefore = reported.values('Clients').map((r) => r[reported.values('Clients')[0].indexOf('Grade')]);
  refreshed.menu('menuRefresh');
  reported.menu('menuReportsAll');

  test('the computed columns and the Changes log end exactly as a Refresh leaves them', () => {
    const grade = reported.values('Clients')[0].indexOf('Grade');
    expect(reported.values('Clients').map((r) => r[grade])).not.toEqual(gradesBefore);
    expect(reported.values('Clients')).toEqual(refreshed.values('Clients'));
    expect(reported.values('Changes')).toEqual(refreshed.values('Changes'));
  });

  test('the reports agree with the register: the overdue list shows the grade the Clients tab now holds', () => {
    const clients = reported.values('Clients');
    const [head] = clients;
    const acme = clients.find((r) => r[head.indexOf('Name')] === 'Acme');
    const listed = reported.values('Report · Overdue').find((r) => r[1] === 'Acme');
    expect(listed?.[6]).toBe(acme?.[head.indexOf('Grade')]);
  });
});

test('All reports says when the register has problems, and where to read them', () => {
  const wb = trackerWorkbook({ now: NOW });
  addRows(wb, 'Clients', [{ ID: 'C-1', Name: 'Acme', Owner: 'Amy', 'Expected date': 'end of March' }]);
  wb.menu('menuReportsAll');
  const toasts = wb.env.services.get('toasts') as { message: string }[];
  expect(toasts.at(-1)?.message).toMatch(
    /Report ready: .*\. The register has 1 problem to check: “Refresh grades and status” lists them\.$/,
  );
});

describe('a reader’s view of a report tab: column widths and frozen rows', () => {
  const wb = trackerWorkbook({ now: NOW });
  smallTeam(wb);
  wb.menu('menuReportOverdue');
  const widths = () => wb.sheet('Report · Overdue').columnWidths;
  const built = new Map(widths());

  test('a new tab sizes each column to what it holds: every value and every header word fits (7 px a character)', () => {
    const rows = wb.values('Report · Overdue');
    const headerRows = rows.flatMap((r, i) =>
      i > 0 && rows[i - 1].filter((v) => v !== '').length === 1 && r.filter((v) => v !== '').length > 1 ? [i] : [],
    );
    expect(headerRows.length).toBeGreaterThan(0);
    for (const h of headerRows) {
      for (let i = h; i < rows.length && rows[i].some((v) => v !== ''); i++) {
        rows[i].forEach((v, c) => {
          if (v === '' || v instanceof Date) return;
          const words = i === h ? String(v).split(' ') : [String(v)];
          for (const w of words) expect(built.get(c + 1) ?? 0).toBeGreaterThanOrEqual(Math.min(w.length * 7, 220));
        });
      }
    }
    // sized to content, not one width for all: a count column is narrower than the client names
    expect(new Set([...built.values()]).size).toBeGreaterThan(2);
  });

  test('a reader who unfreezes the title row keeps it that way on the next rebuild', () => {
    expect(wb.sheet('Report · Overdue').frozenRows).toBe(1);
    asEditor(wb, (ss) => ss.getSheetByName('Report · Overdue')!.setFrozenRows(0));
    wb.menu('menuReportOverdue');
    expect(wb.sheet('Report · Overdue').frozenRows).toBe(0);
  });

  test('a dropdown or checkbox a reader put on the tab is gone after the next rebuild', () => {
    // Sheet.clear() keeps data validations on live Apps Script (test/local/emulator/conformance.test.ts)
    asEditor(wb, (ss) => {
      const tab = ss.getSheetByName('Report · Overdue')!;
      tab.getRange('A3:B4').insertCheckboxes();
      tab.getRange('C5').insertCheckboxes('yes', 'no');
    });
    expect(wb.sheet('Report · Overdue').validations.length).toBeGreaterThan(0);
    wb.menu('menuReportOverdue');
    expect(wb.sheet('Report · Overdue').validations).toEqual([]);
    expect(wb.values('Report · Overdue')[2][0]).not.toBe(false);
  });

  test('a width a reader dragged a column to survives the next rebuild', () => {
    asEditor(wb, (ss) => ss.getSheetByName('Report · Overdue')!.setColumnWidth(11, 320));
    wb.menu('menuReportOverdue');
    expect(widths().get(11)).toBe(320);
    expect(widths().get(1)).toBe(built.get(1));
  });
});

describe('running all reports again, after the team logged more', () => {
  const wb = trackerWorkbook({ now: NOW });
  smallTeam(wb);
  wb.menu('menuReportsAll');
  const ids = REPORT_TABS.map((n) => wb.sheet(n).id);
  addRows(wb, 'Contacts', [
    { Date: at('2026-03-02 16:00'), 'Client ID': 'C4', By: 'Amy', Channel: 'Phone', Outcome: 'Reached' },
  ]);
  wb.menu('menuReportsAll');

  test('the same tabs are rebuilt in place, not added', () => {
    expect(wb.sheetNames().filter((n) => n.startsWith('Report'))).toEqual(REPORT_TABS);
    expect(REPORT_TABS.map((n) => wb.sheet(n).id)).toEqual(ids);
  });

  test('charts are replaced, not stacked', () => {
    expect(wb.sheet('Report · Validity').charts).toHaveLength(1);
    expect(wb.sheet('Report · Daily').charts).toHaveLength(1);
  });

  test('the numbers follow the new contact: Delta, once a dead number, is now valid', () => {
    expect(rowStarting(wb, 'Report · Validity', 'Valid')).toEqual(['Valid', 4, 1]);
    expect(rowStarting(wb, 'Report · Daily', 'Team').slice(0, 3)).toEqual(['Team', 5, 3]);
  });
});

describe('one report from the menu', () => {
  const wb = trackerWorkbook({ now: NOW });
  smallTeam(wb);
  wb.menu('menuReportFunnel');

  test('builds just that tab and shows it', () => {
    expect(wb.sheetNames().filter((n) => n.startsWith('Report'))).toEqual(['Report · Funnel']);
    expect(cursorOf(wb.env.spreadsheet).activeSheetId).toBe(wb.sheet('Report · Funnel').id);
  });

  test('the director’s view lists the B2 and B3 clients with the next step', () => {
    expect(rowStarting(wb, 'Report · Funnel', 'Acme').slice(0, 7)).toEqual([
      'Acme',
      'C1',
      'B2 · Proposal & site visit',
      'D',
      '张伟',
      'quote',
      '张伟',
    ]);
  });
});

describe('reports on a workbook that was just set up', () => {
  const wb = trackerWorkbook({ now: NOW });
  const dialogs = uiState(wb.env).dialogs.length;
  wb.menu('menuReportsAll');

  test('no error: every tab is made, and the daily report says there were no contacts', () => {
    expect(uiState(wb.env).dialogs.length).toBe(dialogs);
    expect(wb.sheetNames().filter((n) => n.startsWith('Report'))).toEqual(REPORT_TABS);
    expect(wb.values('Report · Daily')[1][0]).toBe('No contacts in this period.');
    expect(wb.values('Report · Validity')[1][0]).toBe('No contacts in this period.');
  });
});

describe('reports without the Clients tab', () => {
  const wb = trackerWorkbook({ now: NOW });
  wb.env.spreadsheet.sheets = wb.env.spreadsheet.sheets.filter((s) => s.name !== 'Clients');
  const before = snapshot(wb.env);
  wb.menu('menuReportsAll');

  test('one sentence naming the tab, and nothing written', () => {
    expect(
      uiState(wb.env)
        .dialogs.map((d) => d.prompt ?? d.title)
        .join(' '),
    ).toMatch(/There is no Clients tab/);
    expect(snapshot(wb.env)).toBe(before);
  });
});

describe('in a Chinese workbook', () => {
  const wb = trackerWorkbook({ now: NOW, locale: 'zh_CN' });
  wb.menu('menuReportsAll');

  test('the tabs carry their Chinese names and titles', () => {
    expect(wb.sheetNames().filter((n) => n.startsWith('报表'))).toEqual([
      '报表·日报',
      '报表·月报',
      '报表·销售漏斗',
      '报表·逾期跟进',
      '报表·流失预警',
      '报表·有效性',
      '报表·跟进深度',
    ]);
    expect(wb.values('报表·有效性')[0][0]).toBe('联系有效性 · 全部时间 · 截至 2026-03-02 18:00');
  });
});

describe('the daily run', () => {
  const wb = trackerWorkbook({ now: NOW });
  smallTeam(wb);
  const tabs = wb.menu('buildAllReports').value as string[];

  test('rebuilds every report, the daily one for the day just finished', () => {
    expect(tabs).toEqual(REPORT_TABS);
    expect(wb.values('Report · Daily')[0][0]).toMatch(/^Daily work report · 2026-03-01 ·/);
  });

  test('on the 1st of the month, the day just finished closes last month: the monthly report covers it', () => {
    const first = trackerWorkbook({ now: '2026-03-01T02:00:00Z' });
    first.menu('buildAllReports');
    expect(first.values('Report · Daily')[0][0]).toMatch(/^Daily work report · 2026-02-28 ·/);
    expect(first.values('Report · Monthly')[0][0]).toMatch(/^Monthly summary and plan · 2026-02 ·/);
  });
});

/** A team of three with n clients and five contacts each over the last 40 days. */
function teamWith(n: number): TestWorkbook {
  const wb = trackerWorkbook({ now: NOW });
  addRows(wb, 'Team', [
    { Name: 'Amy', Email: 'amy@example.com', Active: 'Yes' },
    { Name: 'Bob', Email: 'bob@example.com', Active: 'Yes' },
    { Name: '张伟', Email: 'zw@example.com', Active: 'Yes' },
  ]);
  const stages = ['A', 'A2', 'B1', 'B2', 'B3', 'Won', 'Lost'];
  const outcomes = ['Reached', 'No answer', 'Busy', 'Reached', 'Wrong number'];
  const base = day(wb, '2026-01-21').getTime();
  const clients: Row[] = [];
  const contacts: Row[] = [];
  for (let i = 0; i < n; i++) {
    clients.push({
      ID: `C-${i}`,
      Name: `Client ${i}`,
      Owner: ['Amy', 'Bob', '张伟'][i % 3],
      Stage: stages[i % stages.length],
      'Need confirmed': i % 2 ? 'Yes' : 'No',
      'Decision maker': 'Yes',
      'Expected date': new Date(base + (i % 120) * 86_400_000),
      'Next follow-up': i % 4 === 0 ? '' : new Date(base + (i % 60) * 86_400_000),
      'Expiry date': i % 9 === 0 ? new Date(base + (i % 100) * 86_400_000) : '',
      'Deal value': i % 5 === 0 ? 1000 * i : '',
      'Lost reason': i % 7 === 6 ? 'Price' : '',
      Created: new Date(base - (i % 200) * 86_400_000),
    });
    for (let k = 0; k < 5; k++) {
      contacts.push({
        // Logged through the sidebar: every row has its ID (a row without one waits for Refresh to apply it).
        ID: `K-${i}-${k}`,
        Date: new Date(base + ((i * 7 + k * 3) % 41) * 86_400_000 + 3_600_000),
        'Client ID': `C-${i}`,
        By: ['Amy', 'Bob', '张伟'][(i + k) % 3],
        Channel: 'Phone',
        Outcome: outcomes[(i + k) % outcomes.length],
        'Stage after': k === 4 ? stages[(i + 1) % 5] : '',
      });
    }
  }
  addRows(wb, 'Clients', clients);
  addRows(wb, 'Contacts', contacts);
  return wb;
}

describe('cost of all reports together', () => {
  const small = teamWith(100);
  const large = teamWith(5_000);
  // Both Clients grids grew past setup's 1,000 rows (the large one by addRows), so both runs stretch
  // the highlighting over the new rows once (src/gas/coverage.ts): the calls compared are the same work.
  for (const wb of [small, large]) {
    asEditor(wb, (ss) => {
      const clients = ss.getSheetByName('Clients')!;
      clients.insertRowsAfter(clients.getMaxRows(), 1);
    });
  }
  const smallRun = small.menu('menuReportsAll').execution.counters;
  const largeRun = large.menu('menuReportsAll').execution.counters;

  test('5,000 clients and 25,000 contacts make exactly as many Spreadsheet calls as 100 clients', () => {
    // The only difference: a tab that must grow inserts rows where a short one deletes them.
    const calls = (run: typeof smallRun): Record<string, number> => {
      const { 'Sheet.insertRowsAfter': grow = 0, 'Sheet.deleteRows': shrink = 0, ...rest } = run.snapshot().calls;
      return { ...rest, resize: grow + shrink };
    };
    expect(calls(largeRun)).toEqual(calls(smallRun));
    expect(largeRun.spreadsheetCalls()).toBe(smallRun.spreadsheetCalls());
  });

  test('a fixed number of reads per source tab (the header, then each run of columns used) and one write per report tab and per refreshed column', () => {
    // Settings, Team and the (empty) Changes whole; Clients and Contacts: the header row plus one read
    // per run of adjacent columns the refresh and the reports use, and one over the recent rows for
    // who made each attempt and on which channel, and the Team once more for the role check of the
    // menu click (docs/roles.md): 17 reads in all (the contact ID joins Date and Client ID in one run, and Stage after / Grade after are not read; Stage and Plan recorded, the last columns, are a run of their own) with the layout setup makes.
    // Writes: one per report tab, and one per computed column the refresh changes (the rows were
    // typed in without grade, status, last contact, pool release, stage and plan recorded: 6).
    expect(largeRun.calls.get('Range.getValues')).toBe(17);
    expect(largeRun.calls.get('Range.setValues')).toBe(7 + 6);
  });

  test('the lists really grew with the data', () => {
    expect(large.values('Report · Overdue').length).toBeGreaterThan(1000);
    expect(large.sheet('Report · Overdue').maxRows).toBe(large.values('Report · Overdue').length + 1);
  });
});
