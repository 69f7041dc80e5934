/**
 * Won, Lost and pool clients leave the lead cadence (docs/follow-up-state.md): the same clients,
 * 110 days past their next follow-up, walked through every place that shows a follow-up state —
 * the sheet's highlighting (evaluated as the playground does), the overdue, monthly and churn
 * reports, the daily, weekly and monthly emails, the sidebar card, CT_STATE and CT_DAYS_OVERDUE, and
 * the pool release — and each must show exactly the one open lead among them as overdue.
 */
import { mailState } from '../../src/local/emulator/services';
import type { CellValue } from '../../src/local/emulator/model';
import { tabGrid } from '../../src/local/playground/grid';
import { run } from '../../src/local/runner';
import type { ClientCard } from '../../src/contract/types';
import { bundle } from '../helpers/bundle';
import type { TestWorkbook } from '../helpers/workbook';
import { type Row, day, headerIndex, setSetting } from './clients-fixture';
import { LINA, TEAM, WANG, ZHANG, fireTrigger, teamWorkbook } from './schedule/fixture';

const LONG_AGO = '2025-11-12'; // 110 days before Monday 2 March 2026
const CREATED = '2025-06-01';

/** Three clients out of the lead cadence, one open lead (the control), and a Stage typed on a phone. */
const CLIENTS: Row[] = [
  {
    ID: 'C-1004',
    Name: 'Harbor Hotel',
    Owner: '张伟',
    Stage: 'Won',
    'Next follow-up': LONG_AGO,
    'Next topic': 'negotiate contract terms',
    Created: CREATED,
  },
  { ID: 'C-1005', Name: 'Gone Ltd', Owner: '张伟', Stage: 'Lost', 'Next follow-up': LONG_AGO, Created: CREATED },
  {
    ID: 'C-1006',
    Name: 'Pool Co',
    Owner: '',
    Stage: 'B2 · Proposal & site visit',
    Status: 'In pool',
    'Next follow-up': LONG_AGO,
    Created: CREATED,
  },
  {
    ID: 'C-1007',
    Name: 'Open Lead',
    Owner: '张伟',
    Stage: 'B3 · Negotiation',
    'Next follow-up': LONG_AGO,
    'Next topic': 'call back',
    Created: CREATED,
  },
  // Typed as 成交 in the mobile app, where onEdit may not run: Status still says Active.
  {
    ID: 'C-1008',
    Name: '华信科技',
    Owner: '张伟',
    Stage: '成交',
    Status: 'Active',
    'Next follow-up': LONG_AGO,
    Created: CREATED,
  },
];
const IDS = CLIENTS.map((c) => String(c.ID));
const OPEN_LEAD = ['C-1007'];

const OVERDUE_FILL = '#f4c7c3';
const DUE_FILL = '#fde9a9';
const UNPLANNED_FILL = '#e0e0e0';

/** The clients the Clients tab highlights overdue, due or unplanned, by the rules setup wrote. */
function highlighted(wb: TestWorkbook): string[] {
  const sheet = wb.sheet('Clients');
  const grid = tabGrid(wb.env.spreadsheet, sheet, new Date(wb.clock.now()));
  const id = headerIndex(wb, 'Clients', 'ID');
  const name = headerIndex(wb, 'Clients', 'Name');
  return grid.rows
    .slice(1)
    .filter((row) => [OVERDUE_FILL, DUE_FILL, UNPLANNED_FILL].some((fill) => grid.styles[row[name][1]].includes(fill)))
    .map((row) => row[id][0]);
}

/** Our clients named on a tab (in any cell), in register order. */
function named(wb: TestWorkbook, tab: string, rows?: (values: CellValue[][]) => CellValue[][]): string[] {
  const values = wb.values(tab);
  const cells = new Set((rows ? rows(values) : values).flat().map(String));
  return IDS.filter((id) => cells.has(id));
}

/** The rows of a report section: from its heading to the next blank row. */
function section(heading: string): (values: CellValue[][]) => CellValue[][] {
  return (values) => {
    const start = values.findIndex((r) => r[0] === heading);
    if (start < 0) throw new Error(`no section ${heading}`);
    const end = values.findIndex((r, i) => i > start && r.length === 0);
    return values.slice(start + 1, end < 0 ? undefined : end);
  };
}

/**
 * Our clients an email names (by name: the emails show names), in the whole email or in the section
 * whose title starts with `heading` (to its blank line).
 */
function inMail(wb: TestWorkbook, to: string, subject: RegExp, heading?: string): string[] {
  const mail = mailState(wb.env).sent.find((m) => m.to[0] === to && subject.test(m.subject));
  if (!mail) throw new Error(`no mail to ${to} matching ${subject}`);
  let text = mail.body;
  if (heading !== undefined) {
    const start = text.split('\n').findIndex((line) => line.startsWith(heading));
    if (start < 0) throw new Error(`no section ${heading} in the mail to ${to}`);
    const lines = text.split('\n').slice(start);
    text = lines.slice(0, lines.indexOf('')).join('\n');
  }
  return CLIENTS.filter((c) => text.includes(String(c.Name))).map((c) => String(c.ID));
}

function formula(wb: TestWorkbook, name: string, ...args: unknown[]): unknown {
  return run(bundle(), wb.env, { authMode: 'CUSTOM_FUNCTION', kind: 'customFunction' }, name, () => args).value;
}

/** A column of the Clients tab for our rows, as Sheets passes a range to a custom function. */
function column(wb: TestWorkbook, header: string): CellValue[][] {
  const col = headerIndex(wb, 'Clients', header);
  return wb
    .sheet('Clients')
    .values.slice(1, 1 + CLIENTS.length)
    .map((r) => [r[col] ?? '']);
}

describe('Won, Lost and pool clients are never overdue, due or unplanned, anywhere', () => {
  // 08:30 on Monday 2 March in Shanghai: the daily list, the weekly summary and (day 2) the monthly report.
  const wb = teamWorkbook({ clients: CLIENTS, team: TEAM, now: '2026-03-02T00:30:00Z' });
  setSetting(wb, 'Monthly report day', 2);
  const before = highlighted(wb);
  fireTrigger(wb);
  const today = day(wb, '2026-03-02');

  test('the sheet before any run: a Stage typed as 成交 is enough, the Status cell need not be recomputed', () => {
    expect(before).toEqual(OPEN_LEAD);
  });

  test('every consumer shows the open lead alone', () => {
    const card = (id: string) => (wb.client('getClientCard', [id], ZHANG) as ClientCard).state;
    const state = formula(wb, 'CT_STATE', column(wb, 'Next follow-up'), column(wb, 'Status'), today) as string[][];
    const days = formula(
      wb,
      'CT_DAYS_OVERDUE',
      column(wb, 'Next follow-up'),
      column(wb, 'Status'),
      today,
    ) as number[][];
    const shown = {
      highlighting: highlighted(wb),
      overdueReport: named(wb, 'Report · Overdue', section('Overdue and unplanned clients, worst first')),
      churnWarnings: named(wb, 'Report · Churn', section('Early warnings')),
      dailyEmail: inMail(wb, ZHANG, /张伟, \d+ overdue/),
      weeklyEmail: inMail(wb, LINA, /weekly summary/),
      // The director's monthly report (in Chinese): its overdue list. Its B2+ list rightly shows the
      // pooled B2 client too — a deal nobody owns — with its next step, not as overdue.
      monthlyEmail: inMail(wb, WANG, /月/, '逾期超过'),
      sidebarCard: IDS.filter((id) => card(id) !== 'none' && card(id) !== 'upcoming'),
      CT_STATE: IDS.filter((_, i) => state[i][0] !== ''),
      CT_DAYS_OVERDUE: IDS.filter((_, i) => days[i][0] > 0),
    };
    const everywhere = Object.fromEntries(Object.keys(shown).map((k) => [k, OPEN_LEAD]));
    expect(shown).toEqual(everywhere);
  });

  test('the open lead is 110 days overdue; the others have no state at all', () => {
    const card = (id: string) => (wb.client('getClientCard', [id], ZHANG) as ClientCard).state;
    expect(IDS.map(card)).toEqual(['none', 'none', 'none', 'overdue', 'none']);
    expect(
      formula(wb, 'CT_DAYS_OVERDUE', column(wb, 'Next follow-up'), column(wb, 'Status'), today, column(wb, 'Stage')),
    ).toEqual([[0], [0], [0], [110], [0]]);
    expect(
      formula(wb, 'CT_STATE', column(wb, 'Next follow-up'), column(wb, 'Status'), today, column(wb, 'Stage')),
    ).toEqual([[''], [''], [''], ['Overdue'], ['']]);
  });

  test('the daily email counts one overdue client, and the Won client’s topic is nowhere in it', () => {
    const mail = mailState(wb.env).sent.find((m) => m.to[0] === ZHANG)!;
    expect(mail.subject).toMatch(/张伟, 1 overdue/);
    expect(mail.body).toContain('Open Lead — 110 days overdue');
    expect(mail.body).not.toContain('negotiate contract terms');
  });

  test('the director’s headline counts one client overdue', () => {
    const mail = mailState(wb.env).sent.find((m) => m.to[0] === WANG)!;
    expect(mail.body).toContain('当前逾期 | 1');
  });

  test('the monthly summary counts one client overdue at month end', () => {
    const rows = section('Per person')(wb.values('Report · Monthly'));
    const col = rows[0].indexOf('Overdue at month end');
    expect(rows.find((r) => r[0] === 'Team')?.[col]).toBe(1);
  });

  test('with the shared pool on, the pool release takes the idle open lead and never the Won clients', () => {
    setSetting(wb, 'Shared pool enabled', 'Yes');
    wb.menu('menuPoolRelease');
    const released = wb
      .values('Changes')
      .filter((r) => r.includes('Released to pool'))
      .map((r) => String(r[headerIndex(wb, 'Changes', 'Client ID')]));
    expect(released).toEqual(OPEN_LEAD);
  });
});
