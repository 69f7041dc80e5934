import { dailyCount, dailyList } from '../../../src/core/digest/daily';
import { composeMessage, type Recipient } from '../../../src/core/digest/plan';
import { context, member } from './fixture';

const TODAY = '2026-03-02';

function recipient(ctx: ReturnType<typeof context>, name: string, lang: Recipient['lang'] = 'en'): Recipient {
  const m = member(ctx, name);
  return { member: m, email: m.email, lang };
}

describe('张伟’s daily list (DOMAIN: “A day with Client Tracker”, 08:10)', () => {
  const ctx = context({
    today: TODAY,
    clients: [
      { ID: 'C-1', Name: 'Acme', Owner: '张伟', 'Next follow-up': '2026-02-27', 'Next topic': 'send the quote' },
      { ID: 'C-2', Name: 'Beta', Owner: '张伟', 'Next follow-up': '2026-03-02' },
      { ID: 'C-3', Name: 'Gamma', Owner: '张伟', 'Next follow-up': '2026-03-05', 'Next owner': '张伟' },
      { ID: 'C-4', Name: 'Delta', Owner: '张伟', Created: '2026-01-01' },
      { ID: 'C-5', Name: 'Epsilon', Owner: 'Amy', 'Next follow-up': '2026-03-02', 'Next owner': '张伟' },
      { ID: 'C-6', Name: 'Zeta', Owner: '张伟', 'Next follow-up': '2026-03-02', 'Next owner': 'Amy' },
      { ID: 'C-7', Name: 'Lost one', Owner: '张伟', Stage: 'Lost', 'Next follow-up': '2026-02-01' },
    ],
    contacts: [
      { Date: '2026-02-20', 'Client ID': 'C-1', By: '张伟', Outcome: 'Reached', Summary: 'asked for a discount' },
      { Date: '2026-02-25', 'Client ID': 'C-1', By: '张伟', Outcome: 'No answer' },
      {
        Date: '2026-03-01',
        'Client ID': 'C-3',
        By: 'Li Na',
        Outcome: 'Reached',
        Summary: 'joint call',
        'Next owner': '张伟',
        'Next follow-up': '2026-03-05',
      },
    ],
  });
  const list = dailyList(ctx, member(ctx, '张伟'));

  test('a client whose next follow-up was three days ago is overdue by 3 days', () => {
    expect(list.overdue.map((f) => [f.name, f.daysOverdue])).toEqual([['Acme', 3]]);
  });

  test('today’s follow-ups are due today, including a step Amy’s client gave him', () => {
    expect(list.dueToday.map((f) => f.name)).toEqual(['Beta', 'Epsilon']);
  });

  test('a step handed to Amy leaves his list and a Lost client never appears', () => {
    const names = [...list.overdue, ...list.dueToday, ...list.unplanned, ...list.assigned].map((f) => f.name);
    expect(names).not.toContain('Zeta');
    expect(names).not.toContain('Lost one');
  });

  test('the next step his manager gave him yesterday is listed with her name', () => {
    expect(list.assigned.map((f) => [f.name, f.assignedBy])).toEqual([['Gamma', 'Li Na']]);
  });

  test('an active client with no next date is unplanned', () => {
    expect(list.unplanned.map((f) => f.name)).toEqual(['Delta']);
  });

  test('the email shows the last summary, the planned topic and a link to the client’s row', () => {
    const mail = composeMessage(ctx, recipient(ctx, '张伟'), 'daily', TODAY);
    expect(mail?.text).toContain('Last contact 2026-02-20 (张伟): asked for a discount');
    expect(mail?.text).toContain('Planned: send the quote');
    expect(mail?.text).toContain('https://docs.google.com/spreadsheets/d/sheet-123/edit#gid=7&range=A2');
    expect(mail?.html).toContain('href="https://docs.google.com/spreadsheets/d/sheet-123/edit#gid=7&#38;range=A2"');
    expect(mail?.subject).toBe('Client Tracker: 张伟, 1 overdue, 2 due today (2026-03-02)');
    expect(mail?.key).toBe('zhangwei@example.com|daily|2026-03-02');
    expect(mail?.urgency).toBe(1);
  });

  test('in Chinese when the Team row or the workbook says so', () => {
    const mail = composeMessage(ctx, recipient(ctx, '张伟', 'zh-CN'), 'daily', TODAY);
    expect(mail?.subject).toBe('客户跟踪：张伟，逾期 1 个，今日待跟进 2 个（2026-03-02）');
    expect(mail?.text).toContain('已逾期（1）');
    expect(mail?.text).toContain('逾期 3 天（应于 2026-02-27 跟进）');
  });
});

describe('pool releases coming', () => {
  const ctx = context({
    today: TODAY,
    settings: { poolEnabled: true },
    clients: [
      // grade D: released 60 days after the last reached contact (2026-01-06 + 60 = 2026-03-07)
      { ID: 'C-1', Name: 'Soon', Owner: '张伟', 'Last contact': '2026-01-06', 'Next follow-up': '2026-03-20' },
      { ID: 'C-2', Name: 'Later', Owner: '张伟', 'Last contact': '2026-02-20', 'Next follow-up': '2026-03-20' },
    ],
  });

  test('a client that drops into the pool in 5 days is in its owner’s list', () => {
    const list = dailyList(ctx, member(ctx, '张伟'));
    expect(list.poolSoon.map((f) => [f.name, f.poolRelease, f.poolDaysLeft])).toEqual([['Soon', '2026-03-07', 5]]);
  });
});

describe('nothing due', () => {
  const ctx = context({
    today: TODAY,
    clients: [{ ID: 'C-1', Name: 'Far', Owner: '张伟', 'Next follow-up': '2026-04-01' }],
  });

  test('no daily email is composed for an empty list', () => {
    expect(dailyCount(dailyList(ctx, member(ctx, '张伟')))).toBe(0);
    expect(composeMessage(ctx, recipient(ctx, '张伟'), 'daily', TODAY)).toBeNull();
  });
});

describe('a hostile client name', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const ctx = context({
    today: TODAY,
    clients: [
      {
        ID: 'C-1',
        Name: hostile,
        Owner: 'Amy\nBcc: x@evil.example',
        'Next owner': 'Amy',
        'Next follow-up': '2026-03-01',
        'Next topic': '"quote" & <b>',
      },
    ],
    team: [{ Name: 'Amy', Email: 'amy@example.com', Digest: 'yes' }],
  });
  const mail = composeMessage(ctx, recipient(ctx, 'Amy'), 'daily', TODAY);

  test('is escaped in the HTML part', () => {
    expect(mail?.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail?.html).not.toContain('<img');
    expect(mail?.html).toContain('Planned: &#34;quote&#34; &#38; &#60;b&#62;');
  });

  test('is intact in the text part', () => {
    expect(mail?.text).toContain(`- ${hostile} — 1 day overdue (due 2026-03-01)`);
  });
});

describe('a subject never carries a line break from data', () => {
  const name = 'Amy\r\nBcc: victim@example.com';
  const ctx = context({
    today: TODAY,
    clients: [{ ID: 'C-1', Name: 'Acme', Owner: name, 'Next follow-up': '2026-03-02' }],
    team: [{ Name: name, Email: 'amy@example.com', Digest: 'yes' }],
  });

  test('the name’s line break becomes a space', () => {
    const who = ctx.team[0];
    const mail = composeMessage(ctx, { member: who, email: who.email, lang: 'en' }, 'daily', TODAY);
    expect(mail?.subject).toBe('Client Tracker: Amy Bcc: victim@example.com, 0 overdue, 1 due today (2026-03-02)');
  });
});

describe('a very long list', () => {
  const clients = Array.from({ length: 400 }, (_, i) => ({
    ID: `C-${i}`,
    Name: `客户${i}`,
    Owner: 'Amy',
    'Next follow-up': '2026-03-01',
  }));
  const contacts = clients.map((c) => ({
    Date: '2026-02-20',
    'Client ID': c.ID,
    By: 'Amy',
    Outcome: 'Reached',
    Summary: '客户说'.repeat(2000),
  }));
  const ctx = context({
    today: TODAY,
    clients,
    contacts,
    team: [{ Name: 'Amy', Email: 'amy@example.com', Digest: 'yes' }],
  });
  const mail = composeMessage(ctx, recipient(ctx, 'Amy'), 'daily', TODAY);

  test('still fits in one email: long summaries are cut and the rest of the list is counted', () => {
    expect(Buffer.byteLength(mail?.html ?? '')).toBeLessThanOrEqual(150_000);
    expect(mail?.text).toMatch(/… and 3\d\d more in the spreadsheet\./);
    expect(mail?.subject).toBe('Client Tracker: Amy, 400 overdue, 0 due today (2026-03-02)');
  });
});
