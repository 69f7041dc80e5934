import { monthlySummary } from '../../../src/core/digest/monthly';
import { periodsFor } from '../../../src/core/digest/period';
import { addressees, composeMessage, todaysMessages } from '../../../src/core/digest/plan';
import { weeklySummary } from '../../../src/core/digest/weekly';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { TEAM, context, member } from './fixture';

const MONDAY = '2026-03-02';

describe('Li Na’s weekly summary (Monday)', () => {
  const ctx = context({
    today: MONDAY,
    clients: [
      { ID: 'C-1', Name: 'Three late', Owner: 'Amy', 'Next follow-up': '2026-02-27' },
      { ID: 'C-2', Name: 'Four late', Owner: 'Amy', 'Next follow-up': '2026-02-26' },
      { ID: 'C-3', Name: 'Eight late', Owner: '张伟', 'Next follow-up': '2026-02-22' },
      { ID: 'C-4', Name: 'Signed', Owner: '张伟', Stage: 'Won', 'Next follow-up': '2026-04-01' },
      { ID: 'C-5', Name: 'Gone', Owner: 'Amy', Stage: 'Lost' },
      { ID: 'C-6', Name: 'Not her team', Owner: 'Bob', 'Next follow-up': '2026-02-01' },
    ],
    contacts: [
      { Date: '2026-02-24', 'Client ID': 'C-1', By: 'Amy', Outcome: 'Reached', Summary: 'ok' },
      { Date: '2026-02-25', 'Client ID': 'C-2', By: 'Amy', Outcome: 'Busy' },
      { Date: '2026-02-26', 'Client ID': 'C-4', By: '张伟', Outcome: 'Reached', 'Stage after': 'Won' },
      { Date: '2026-02-10', 'Client ID': 'C-3', By: '张伟', Outcome: 'Reached', Summary: 'too early for the week' },
    ],
    changes: [
      {
        ID: 'X-1',
        Date: '2026-02-25',
        'Client ID': 'C-1',
        What: 'Grade change',
        Old: 'B',
        New: 'C',
        By: 'Client Tracker',
      },
      { ID: 'X-2', Date: '2026-02-27', 'Client ID': 'C-5', What: 'Stage change', Old: 'B1', New: 'Lost', By: 'Amy' },
      // The contact that won C-4 recorded its move, as every path does.
      { ID: 'X-4', Date: '2026-02-26', 'Client ID': 'C-4', What: 'Stage change', Old: 'B3', New: 'Won', By: '张伟' },
      {
        ID: 'X-3',
        Date: '2026-02-20',
        'Client ID': 'C-1',
        What: 'Grade change',
        Old: 'A',
        New: 'B',
        By: 'Client Tracker',
      },
    ],
  });
  const summary = weeklySummary(ctx, member(ctx, 'Li Na'));

  test('covers the seven days before Monday', () => {
    expect(summary?.window).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });

  test('contacts and overdue per person of her team', () => {
    expect(summary?.people).toEqual([
      { name: '张伟', attempts: 1, reached: 1, overdue: 1 },
      { name: 'Amy', attempts: 2, reached: 1, overdue: 2 },
    ]);
  });

  test('clients overdue by more than 3 days are escalated; exactly 3 days is not', () => {
    expect(summary?.escalated.map((f) => [f.name, f.daysOverdue])).toEqual([
      ['Eight late', 8],
      ['Four late', 4],
    ]);
  });

  test('grade and stage moves of the week, won and lost', () => {
    expect(summary?.moves.map((m) => [m.fact.name, m.change.what, m.change.new])).toEqual([
      ['Three late', 'gradeChange', 'C'],
      ['Signed', 'stageChange', 'Won'],
      ['Gone', 'stageChange', 'Lost'],
    ]);
    expect(summary?.outcomes.won.map((f) => f.name)).toEqual(['Signed']);
    expect(summary?.outcomes.lost.map((f) => f.name)).toEqual(['Gone']);
  });

  test('the email opens with the per-person table, then the escalations', () => {
    const m = member(ctx, 'Li Na');
    const mail = composeMessage(ctx, { member: m, email: m.email, lang: 'en' }, 'weekly', MONDAY);
    expect(mail?.subject).toBe(
      'Client Tracker: weekly summary for Li Na’s team, 2026-02-23 – 2026-03-01 (2 overdue by more than 3 days)',
    );
    expect(mail?.text).toContain('Overdue by more than 3 days (2)\n- Eight late — 8 days overdue · 张伟');
    expect(mail?.text).toContain('Amy | 2 | 1 | 2');
    const text = mail?.text ?? '';
    expect(text.indexOf('Contacts and overdue per person')).toBeLessThan(text.indexOf('Overdue by more than 3 days'));
  });

  test('a salesperson gets no weekly summary', () => {
    const amy = member(ctx, 'Amy');
    expect(composeMessage(ctx, { member: amy, email: amy.email, lang: 'en' }, 'weekly', MONDAY)).toBeNull();
  });
});

describe('王总’s monthly report (the 1st)', () => {
  const ctx = context({
    today: '2026-04-01',
    clients: [
      {
        ID: 'C-1',
        Name: 'Big deal',
        Owner: '张伟',
        Stage: 'B3',
        'Next follow-up': '2026-04-03',
        'Next owner': '王总',
        'Next topic': 'price',
      },
      { ID: 'C-2', Name: 'Proposal', Owner: 'Amy', Stage: 'B2' },
      { ID: 'C-3', Name: 'Seven late', Owner: 'Amy', 'Next follow-up': '2026-03-25', Created: '2026-03-10' },
      { ID: 'C-4', Name: 'Eight late', Owner: 'Amy', 'Next follow-up': '2026-03-24', Created: '2026-02-10' },
    ],
    contacts: [
      { Date: '2026-03-05', 'Client ID': 'C-1', By: '张伟', Outcome: 'Reached' },
      { Date: '2026-03-06', 'Client ID': 'C-2', By: 'Amy', Outcome: 'No answer' },
      { Date: '2026-02-28', 'Client ID': 'C-2', By: 'Amy', Outcome: 'Reached' },
    ],
  });
  const report = monthlySummary(ctx, member(ctx, '王总'));

  test('covers March', () => {
    expect(report.window).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  test('headline numbers of the month', () => {
    expect(report.headline).toEqual({
      attempts: 2,
      reached: 1,
      newClients: 1,
      won: 0,
      lost: 0,
      active: 4,
      overdue: 2,
      b2Plus: 2,
    });
  });

  test('B2+ clients with their next steps, the most advanced first', () => {
    expect(report.b2Plus.map((f) => f.name)).toEqual(['Big deal', 'Proposal']);
    const d = member(ctx, '王总');
    const mail = composeMessage(ctx, { member: d, email: d.email, lang: 'en' }, 'monthly', '2026-04');
    expect(mail?.text).toContain('- Big deal — 张伟\n  Grade D · B3 · Negotiation\n  Next step 2026-04-03, 王总');
    expect(mail?.text).toContain('- Proposal — Amy\n  Grade D · B2 · Proposal & site visit\n  No next step planned.');
  });

  test('only clients overdue by more than 7 days reach the director', () => {
    expect(report.escalated.map((f) => f.name)).toEqual(['Eight late']);
  });
});

describe('who gets mail', () => {
  const access = new Set(['zhangwei@example.com', 'lina@example.com', 'wang@example.com']);
  const team = context({
    today: MONDAY,
    clients: [],
    team: [...TEAM, { Name: 'Quiet', Email: 'quiet@example.com', Digest: 'no' }, { Name: 'Blank', Digest: 'yes' }],
  }).team;
  const { recipients, skipped } = addressees(team, access, 'en');

  test('Team members with Digest = yes whose address can open the spreadsheet', () => {
    expect(recipients.map((r) => [r.email, r.lang])).toEqual([
      ['zhangwei@example.com', 'en'],
      ['lina@example.com', 'en'],
      ['wang@example.com', 'zh-CN'],
    ]);
  });

  test('the others are reported, never mailed', () => {
    expect(skipped).toEqual([
      { name: 'Amy', email: 'amy@example.com', reason: 'noAccess' },
      { name: 'Blank', email: '', reason: 'noEmail' },
    ]);
  });
});

describe('which emails are due', () => {
  test('the daily list every day, the weekly summary on the weekly day, the monthly report on the monthly day', () => {
    expect(periodsFor('2026-03-02', DEFAULT_SETTINGS)).toEqual({
      daily: '2026-03-02',
      weekly: '2026-03-02',
      monthly: null,
    });
    expect(periodsFor('2026-03-03', DEFAULT_SETTINGS)).toEqual({ daily: '2026-03-03', weekly: null, monthly: null });
    expect(periodsFor('2026-04-01', { weeklyDay: 3, monthlyDay: 1 })).toEqual({
      daily: '2026-04-01',
      weekly: '2026-04-01',
      monthly: '2026-04',
    });
  });

  test('a Monday brings Li Na both her daily list and her weekly summary', () => {
    const ctx = context({
      today: MONDAY,
      clients: [
        { ID: 'C-1', Name: 'Hers', Owner: 'Li Na', 'Next follow-up': MONDAY },
        { ID: 'C-2', Name: 'Amy’s', Owner: 'Amy', 'Next follow-up': MONDAY },
      ],
    });
    const lina = member(ctx, 'Li Na');
    const keys = todaysMessages(
      ctx,
      [{ member: lina, email: 'lina@example.com', lang: 'en' }],
      periodsFor(MONDAY, DEFAULT_SETTINGS),
    ).map((m) => m.key);
    expect(keys).toEqual(['lina@example.com|daily|2026-03-02', 'lina@example.com|weekly|2026-03-02']);
  });
});
