// Sources: https://developers.google.com/apps-script/reference/mail/mail-app ,
// https://developers.google.com/apps-script/guides/services/quotas (100/1,500 recipients a day, 50 per message,
// 200 KB body; quotas reset 24 h after first use); the exhausted-quota message is quoted from live logs.
import { mailState } from '../../../../src/local/emulator/services';
import { ALICE, BOB, FULL_MENU, newEnv, SIMPLE_TRIGGER, start, TIME_DRIVEN } from './harness';

const HOUR = 3_600_000;

describe('MailApp', () => {
  test('sendEmail(recipient, subject, body, options) records the message from the effective user', () => {
    const env = newEnv();
    const { g } = start(env);
    const pdf = g.Utilities.newBlob('%PDF', 'application/pdf', 'report.pdf');
    g.MailApp.sendEmail('bob@example.com', 'Follow-ups due', 'plain', {
      htmlBody: '<b>html</b>',
      name: 'Client Tracker',
      replyTo: 'sales@example.com',
      cc: 'c1@example.com, c2@example.com',
      bcc: 'boss@example.com',
      attachments: [pdf],
    });
    expect(mailState(env).sent).toEqual([
      {
        from: ALICE,
        to: ['bob@example.com'],
        cc: ['c1@example.com', 'c2@example.com'],
        bcc: ['boss@example.com'],
        subject: 'Follow-ups due',
        body: 'plain',
        htmlBody: '<b>html</b>',
        name: 'Client Tracker',
        replyTo: 'sales@example.com',
        noReply: false,
        attachments: [{ name: 'report.pdf', contentType: 'application/pdf', size: 4 }],
        sentAt: env.clock.now(),
      },
    ]);
  });

  test('the message-object and (to, replyTo, subject, body) overloads', () => {
    const env = newEnv();
    const { g } = start(env);
    g.MailApp.sendEmail({ to: 'a@example.com,b@example.com', subject: 'S', htmlBody: '<p>x</p>' });
    g.MailApp.sendEmail('c@example.com', 'reply@example.com', 'S2', 'body2');
    const [first, second] = mailState(env).sent;
    expect(first).toMatchObject({
      to: ['a@example.com', 'b@example.com'],
      subject: 'S',
      body: '',
      htmlBody: '<p>x</p>',
    });
    expect(second).toMatchObject({ to: ['c@example.com'], replyTo: 'reply@example.com', subject: 'S2', body: 'body2' });
  });

  test('the daily quota counts recipients (to, cc and bcc), not messages', () => {
    const { g } = start(newEnv());
    expect(g.MailApp.getRemainingDailyQuota()).toBe(100);
    g.MailApp.sendEmail({ to: 'a@example.com', cc: 'b@example.com', bcc: 'c@example.com', subject: 's', body: 'b' });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(97);
  });

  test('an exhausted quota throws the live message and sends nothing', () => {
    const env = newEnv();
    mailState(env).dailyQuota = 3;
    const { g } = start(env);
    g.MailApp.sendEmail('a@example.com,b@example.com', 's', 'b');
    expect(() => g.MailApp.sendEmail('c@example.com,d@example.com', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(mailState(env).sent).toHaveLength(1);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  test('the quota resets 24 hours after the first counted send, per sending account', () => {
    const env = newEnv();
    mailState(env).dailyQuota = 1;
    start(env).g.MailApp.sendEmail('a@example.com', 's', 'b');
    env.clock.advance(23 * HOUR);
    expect(start(env).g.MailApp.getRemainingDailyQuota()).toBe(0);
    expect(start(env, { ...FULL_MENU, activeUser: BOB }).g.MailApp.getRemainingDailyQuota()).toBe(1);
    env.clock.advance(HOUR);
    expect(start(env).g.MailApp.getRemainingDailyQuota()).toBe(1);
  });

  test('a Workspace account has 1,500 recipients a day and may use noReply (replyTo is then ignored)', () => {
    const env = newEnv();
    mailState(env).account = 'workspace';
    const { g } = start(env);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1500);
    g.MailApp.sendEmail('a@example.com', 's', 'b', { noReply: true, replyTo: 'x@example.com' });
    expect(mailState(env).sent[0]).toMatchObject({ noReply: true, replyTo: null });
  });

  test('[U wording] more than 50 recipients in one message are refused', () => {
    const { g } = start(newEnv());
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
    expect(() => g.MailApp.sendEmail(many, 's', 'b')).toThrow('Limit Exceeded: Email Recipients Per Message.');
  });

  test('[U wording] a body over 200 KB is refused', () => {
    const { g } = start(newEnv());
    g.MailApp.sendEmail('a@example.com', 's', 'x'.repeat(200 * 1024));
    expect(() => g.MailApp.sendEmail('a@example.com', 's', 'x'.repeat(200 * 1024 + 1))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
  });

  test('[U] a subject holding a line break is refused', () => {
    const { g } = start(newEnv());
    expect(() => g.MailApp.sendEmail('a@example.com', 'two\nlines', 'b')).toThrow('Invalid argument: subject');
  });

  test('invalid or missing recipients are refused', () => {
    const { g } = start(newEnv());
    expect(() => g.MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => g.MailApp.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow(
      'Failed to send email: no recipient',
    );
    g.MailApp.sendEmail('Bob Smith <bob@example.com>', 's', 'b');
  });

  test('a simple trigger cannot send mail; a time-driven trigger sends as its creator', () => {
    const env = newEnv();
    expect(() => start(env, SIMPLE_TRIGGER).g.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    start(env, TIME_DRIVEN).g.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(mailState(env).sent.map((m) => m.from)).toEqual([ALICE]);
  });

  test('a manifest without the send_mail scope cannot send', () => {
    const env = newEnv({ oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    expect(() => start(env).g.MailApp.sendEmail('a@example.com', 's', 'b')).toThrow('Required permissions');
  });
});
