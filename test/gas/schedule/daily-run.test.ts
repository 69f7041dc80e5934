/**
 * The daily run as the trigger runs it (time-driven, as its creator, no Ui): who gets mail, once only,
 * within the quota, escaped, on the right day in the spreadsheet's time zone.
 */
import { mailState, uiState } from '../../../src/local/emulator/services';
import { OWNER } from '../../helpers/workbook';
import {
  AMY,
  LINA,
  OUTSIDER,
  WANG,
  ZHANG,
  advance,
  dialogText,
  documentPropertyBytes,
  fireTrigger,
  recipients,
  teamWorkbook,
} from './fixture';

const sent = (wb: ReturnType<typeof teamWorkbook>) => mailState(wb.env).sent;

describe('the Monday morning run', () => {
  const wb = teamWorkbook();
  fireTrigger(wb);

  test('mails exactly the Team members with Digest = yes who can open the spreadsheet', () => {
    expect(recipients(wb)).toEqual([AMY, LINA, WANG, ZHANG].sort());
  });

  test('the salesperson’s list: overdue and due today, from the trigger creator’s account', () => {
    const mail = sent(wb).find((m) => m.to[0] === ZHANG);
    expect(mail?.subject).toBe('Client Tracker: 张伟, 1 overdue, 1 due today (2026-03-02)');
    expect(mail?.from).toBe(OWNER);
    expect(mail?.body).toContain('- Acme — 4 days overdue (due 2026-02-26)');
    expect(mail?.body).toContain('Planned: send the quote');
    expect(mail?.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/local-spreadsheet/edit#gid=');
  });

  test('a client’s link opens the Clients tab on that client’s row', () => {
    const clients = wb.sheet('Clients');
    const row = clients.values.findIndex((r) => r.includes('Acme')) + 1;
    expect(row).toBeGreaterThan(1);
    const mail = sent(wb).find((m) => m.to[0] === ZHANG);
    expect(mail?.body).toContain(
      `https://docs.google.com/spreadsheets/d/local-spreadsheet/edit#gid=${clients.id}&range=A${row}`,
    );
  });

  test('the director reads his in Chinese (his Team row says 简体中文)', () => {
    expect(sent(wb).find((m) => m.to[0] === WANG)?.subject).toBe(
      '客户跟踪：王总，逾期 0 个，今日待跟进 1 个（2026-03-02）',
    );
  });

  test('Monday is the weekly summary day: Li Na gets her team’s summary with the escalations', () => {
    const weekly = sent(wb).find((m) => m.to[0] === LINA && m.subject.includes('weekly summary'));
    // Acme is 4 days overdue (> 3), Zeta and Eta far more; Delta, 1 day, is Li Na’s own, not her team’s.
    expect(weekly?.body).toContain('Overdue by more than 3 days (3)');
    expect(weekly?.body).toContain('- Acme — 4 days overdue · 张伟');
  });

  test('the person whose address cannot open the file is named in the run’s outcome, never mailed', () => {
    expect(recipients(wb)).not.toContain(OUTSIDER);
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain(
      'Not mailed, because the address cannot open this spreadsheet: outsider@example.com.',
    );
    expect(dialogText(wb)).toContain('Emails sent: 5.');
  });

  test('a rerun the same day sends nothing new', () => {
    advance(wb, 2);
    fireTrigger(wb);
    expect(sent(wb)).toHaveLength(5);
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain('No new emails: everything due had already been sent.');
  });

  test('Run now the same day also sends nothing twice, and says what happened', () => {
    wb.menu('menuScheduleRunNow');
    expect(sent(wb)).toHaveLength(5);
    expect(uiState(wb.env).dialogs.at(-1)?.prompt).toContain('No new emails');
  });

  test('the next day brings the next lists (no weekly summary on Tuesday)', () => {
    advance(wb, 22);
    fireTrigger(wb);
    const tuesday = sent(wb).slice(5);
    expect(tuesday.map((m) => m.to[0]).sort()).toEqual([AMY, LINA, WANG, ZHANG].sort());
    expect(tuesday.every((m) => m.subject.includes('(2026-03-03)') || m.subject.includes('（2026-03-03）'))).toBe(true);
  });
});

describe('the first of the month', () => {
  const wb = teamWorkbook({ now: '2026-04-01T00:30:00Z' });
  fireTrigger(wb);

  test('王总 gets the monthly report for March, in Chinese, with the B2+ clients', () => {
    const monthly = sent(wb).find((m) => m.to[0] === WANG && m.subject.includes('月报'));
    expect(monthly?.subject).toBe('客户跟踪：月报，2026-03-01 – 2026-03-31');
    expect(monthly?.body).toContain('B2+ 客户及下一步（1）\n- Epsilon — 王总\n  D 级 · B3 · 商务谈判');
  });

  test('nobody but the directors (王总, and the owner Setup made director) gets a monthly report', () => {
    const monthly = sent(wb).filter((m) => m.subject.includes('monthly report') || m.subject.includes('月报'));
    expect(monthly.flatMap((m) => m.to).sort()).toEqual([OWNER, WANG].sort());
  });
});

describe('a daily quota that runs out after 3 messages', () => {
  const wb = teamWorkbook();
  mailState(wb.env).dailyQuota = 3;
  fireTrigger(wb);
  const first = sent(wb).map((m) => m.to[0]);

  test('sends the 3 most urgent and defers the rest', () => {
    // Li Na’s weekly summary (3 overdue in her team) first, then the lists with an overdue client.
    expect(first).toEqual([LINA, LINA, ZHANG]);
    wb.menu('menuScheduleStatus');
    const text = dialogText(wb);
    expect(text).toContain('Deferred to the next run: 2 (amy@example.com (daily), wang@example.com (daily)).');
    expect(text).toContain('The daily email quota ran out; the rest go out first at the next run.');
  });

  test('the next day, the people it missed get theirs first', () => {
    advance(wb, 24);
    mailState(wb.env).dailyQuota = null;
    fireTrigger(wb);
    const next = sent(wb)
      .slice(3)
      .map((m) => m.to[0]);
    expect(next.slice(0, 2).sort()).toEqual([AMY, WANG]);
    expect(next.sort()).toEqual([AMY, LINA, WANG, ZHANG]);
  });
});

describe('the quota error from MailApp itself', () => {
  const wb = teamWorkbook();
  let sends = 0;
  wb.env.hooks.push((_exec, method) => {
    // The second message finds the quota used up although getRemainingDailyQuota promised more.
    if (method === 'MailApp.sendEmail' && ++sends === 2) mailState(wb.env).dailyQuota = 1;
  });
  const result = fireTrigger(wb);

  test('is caught: the run finishes, one message went out and the rest wait for the next run', () => {
    expect(result.value).toBeUndefined();
    expect(sent(wb)).toHaveLength(1);
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain('Deferred to the next run: 4');
  });
});

describe('a hostile client name', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const wb = teamWorkbook({
    clients: [
      { ID: 'C-1', Name: hostile, Owner: 'Amy', 'Next follow-up': '2026-03-02', 'Next topic': '<script>x</script>' },
    ],
  });
  fireTrigger(wb);
  const mail = sent(wb).find((m) => m.to[0] === AMY);

  test('is escaped in the HTML part', () => {
    expect(mail?.htmlBody).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail?.htmlBody).not.toMatch(/<img|<script/);
  });

  test('is intact in the plain-text part', () => {
    expect(mail?.body).toContain(`- ${hostile}`);
    expect(mail?.body).toContain('Planned: <script>x</script>');
  });
});

describe('a run at 23:30 in Shanghai', () => {
  // 2026-03-02 15:30 UTC is 23:30 on 2 March in Asia/Shanghai (and still 07:30 the same day in Los Angeles).
  const wb = teamWorkbook({
    now: '2026-03-02T15:30:00Z',
    clients: [{ ID: 'C-1', Name: 'Late', Owner: 'Amy', 'Next follow-up': '2026-03-02' }],
  });
  fireTrigger(wb);

  test('counts 2 March: the client is due today, not overdue', () => {
    expect(sent(wb).find((m) => m.to[0] === AMY)?.subject).toBe(
      'Client Tracker: Amy, 0 overdue, 1 due today (2026-03-02)',
    );
  });

  test('half an hour later it is 3 March there, and the client is overdue in the new day’s list', () => {
    advance(wb, 0.5);
    fireTrigger(wb);
    expect(sent(wb).at(-1)?.subject).toBe('Client Tracker: Amy, 1 overdue, 0 due today (2026-03-03)');
  });
});

describe('the property store over a month of runs', () => {
  const team = Array.from({ length: 60 }, (_, i) => ({
    Name: `P${i}`,
    Email: `p${i}@example.com`,
    Digest: 'Yes',
    Role: 'Salesperson',
  }));
  const clients = team.map((p, i) => ({
    ID: `C-${i}`,
    Name: `Client ${i}`,
    Owner: p.Name,
    'Next follow-up': '2026-03-01',
  }));
  const wb = teamWorkbook({ team, clients });
  wb.env.spreadsheet.editors.push(...team.map((p) => p.Email));
  mailState(wb.env).dailyQuota = 1500;
  for (let day = 0; day < 30; day++) {
    fireTrigger(wb);
    advance(wb, 24);
  }

  test('every day’s lists went out once', () => {
    expect(sent(wb)).toHaveLength(60 * 30);
  });

  test('keys and history are pruned: the document store stays far below its 500 KB', () => {
    expect(documentPropertyBytes(wb)).toBeLessThan(25_000);
  });
});

describe('someone the file reaches through a group, a domain or a link (listed nowhere individually)', () => {
  // getEditors()/getViewers() list only people added one by one; opening the sidebar once proves access.
  test('is not mailed, and the run says what to do; once they open the sidebar, the next run mails them', () => {
    const wb = teamWorkbook();
    fireTrigger(wb);
    expect(recipients(wb)).not.toContain(OUTSIDER);
    wb.menu('menuScheduleStatus');
    expect(dialogText(wb)).toContain('outsider@example.com');
    expect(dialogText(wb)).toContain('Ask them to open the file and the sidebar once');
    wb.client('sidebarContext', [], OUTSIDER);
    advance(wb, 24);
    fireTrigger(wb);
    expect(recipients(wb)).toContain(OUTSIDER);
  });
});
