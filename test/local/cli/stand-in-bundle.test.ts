/**
 * The CLI's own contract, run on a small stand-in add-on (CLIENT_TRACKER_DIST) whose functions do just
 * what each case needs: the email step written as .eml files a real MIME parser reads, the daily run
 * as a time-driven trigger, google.script.run's JSON rules, --now as the workbook's wall clock, and a
 * command whose feature the add-on does not have yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { cli, ensureBuilt, fakeDist, openXlsx, tempDir } from './run-cli';

const STAND_IN = `
function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Set up / upgrade sheets', 'menuSetup').addToUi(); }
function menuSetup() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].setName('Clients').getRange('A1').setValue('ID'); }
function sendDigests() {
  MailApp.sendEmail({
    to: 'zhang.wei@example.com',
    subject: '张伟，今天要跟进的客户：3 个逾期，5 个今天到期 — your list for Monday',
    body: '逾期: 华信科技有限公司\\nDue today: Harbor Hotel',
    htmlBody: '<p>逾期: <b>华信科技有限公司</b></p><p>Due today: Harbor Hotel</p>',
    name: '客户跟踪 Client Tracker',
  });
  MailApp.sendEmail('amy.liu@example.com', 'Your list', 'Plain only');
}
function dailyRun(e) {
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('B1').setValue(e.authMode + ' as ' + Session.getEffectiveUser().getEmail() + ' at ' + new Date().toISOString());
}
function now() { return new Date().toISOString(); }
function today() { return new Date(); }
function echo(a, b) { return { a: a, b: b, missing: undefined }; }
function boom() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('half'); throw new Error('Something went wrong.'); }
`;

let dist: string;
const run = (dir: string, args: string[]) => cli(dir, args, { CLIENT_TRACKER_DIST: dist });

function workbook(extra: string[] = []): string {
  const dir = tempDir();
  expect(run(dir, ['setup', '--workbook', 'book.xlsx', ...extra]).code).toBe(0);
  return dir;
}

beforeAll(() => {
  ensureBuilt();
  dist = fakeDist(STAND_IN);
});

describe('digest writes each email the add-on sends as a standard .eml file', () => {
  let outbox: string;
  let stdout: string;

  beforeAll(() => {
    const dir = workbook();
    outbox = path.join(dir, 'mail');
    const result = run(dir, ['digest', '--workbook', 'book.xlsx', '--outbox', 'mail', '--now', '2026-03-02T08:10']);
    expect(result.code).toBe(0);
    stdout = result.stdout;
  });

  test('one file per message, named by order and recipient, listed on stdout', () => {
    const files = fs.readdirSync(outbox).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^001-zhang\.wei@example\.com-.*\.eml$/);
    expect(files[1]).toBe('002-amy.liu@example.com-Your-list.eml');
    expect(stdout).toContain('amy.liu@example.com: Your list → ');
  });

  test('a MIME parser reads the Chinese subject, the sender, the HTML part and the plain-text part', async () => {
    const file = fs.readdirSync(outbox).sort()[0];
    const raw = fs.readFileSync(path.join(outbox, file));
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('张伟，今天要跟进的客户：3 个逾期，5 个今天到期 — your list for Monday');
    expect(mail.from?.value[0]).toEqual({ name: '客户跟踪 Client Tracker', address: 'you@example.com' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('zhang.wei@example.com');
    expect(mail.text?.trim()).toBe('逾期: 华信科技有限公司\nDue today: Harbor Hotel');
    expect(mail.html).toBe('<p>逾期: <b>华信科技有限公司</b></p><p>Due today: Harbor Hotel</p>');
    expect(mail.date?.toISOString()).toBe('2026-03-02T00:10:00.000Z');
    expect(
      raw
        .toString('latin1')
        .split('\r\n')
        .every((line) => line.length <= 998),
    ).toBe(true);
    expect(raw.toString('utf8')).toMatch(/^Content-Type: multipart\/alternative; boundary=/m);
  });

  test('a message with no HTML body is a single plain-text part', async () => {
    const file = fs.readdirSync(outbox).sort()[1];
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, file)));
    expect(mail.text?.trim()).toBe('Plain only');
    expect(mail.html).toBe(false);
  });
});

test('daily runs the scheduled run as a time-driven trigger, with --now as the wall clock in the workbook time zone', async () => {
  const dir = workbook(['--tz', 'America/Los_Angeles']);
  const result = run(dir, ['daily', '--workbook', 'book.xlsx', '--now', '2026-03-02T23:30', '--outbox', 'mail']);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('No emails to send.\n');
  const wb = await openXlsx(path.join(dir, 'book.xlsx'));
  expect(wb.getWorksheet('Clients')!.getCell('B1').value).toBe('FULL as you@example.com at 2026-03-03T07:30:00.000Z');
});

test('a command whose feature this build does not have says so, exit code 1, workbook unchanged', () => {
  const dir = workbook();
  const before = fs.readFileSync(path.join(dir, 'book.xlsx'));
  const result = run(dir, ['refresh', '--workbook', 'book.xlsx']);
  expect(result.code).toBe(1);
  expect(result.stderr).toBe(
    '"refresh" is not available yet: this build of the add-on has no Refresh grades and status (menuRefresh).\n',
  );
  expect(fs.readFileSync(path.join(dir, 'book.xlsx')).equals(before)).toBe(true);
});

describe('call follows google.script.run', () => {
  test('JSON arguments in, a JSON copy of the result out (undefined properties dropped)', () => {
    const dir = workbook();
    const result = run(dir, ['call', 'echo', '{"name":"张伟","n":3}', '[1,null]', '--workbook', 'book.xlsx']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ a: { name: '张伟', n: 3 }, b: [1, null] });
  });

  test('a result holding a Date arrives as null', () => {
    const result = run(workbook(), ['call', 'today', '--workbook', 'book.xlsx']);
    expect([result.code, result.stdout]).toEqual([0, 'null\n']);
  });

  test('--now is read in the workbook time zone: 09:00 in Shanghai is 01:00 UTC', () => {
    const result = run(workbook(), ['call', 'now', '--workbook', 'book.xlsx', '--now', '2026-03-02T09:00']);
    expect(JSON.parse(result.stdout)).toBe('2026-03-02T01:00:00.000Z');
  });

  test('a thrown error: its message on stderr, exit code 1, nothing saved of what it half did', async () => {
    const dir = workbook();
    const before = fs.readFileSync(path.join(dir, 'book.xlsx'));
    const result = run(dir, ['call', 'boom', '--workbook', 'book.xlsx']);
    expect([result.code, result.stdout, result.stderr]).toEqual([1, '', 'Something went wrong.\n']);
    expect(fs.readFileSync(path.join(dir, 'book.xlsx')).equals(before)).toBe(true);
  });
});
