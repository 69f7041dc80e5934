/**
 * `client-tracker digest` on the demo workbook with the real add-on: each email the daily run would
 * send is written as an .eml file that a real MIME parser (mailparser) reads back with an HTML part
 * and a plain-text part, addressed to a Team member, in that person's language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { cli, ensureBuilt, openXlsx, records, tempDir } from './run-cli';

describe('digest on the demo workbook', () => {
  let dir = '';
  let mails: ParsedMail[] = [];

  beforeAll(async () => {
    ensureBuilt();
    dir = tempDir();
    expect(cli(dir, ['demo', '--workbook', 'demo.xlsx', '--now', '2026-03-02T09:00']).code).toBe(0);
    const run = cli(dir, ['digest', '--workbook', 'demo.xlsx', '--now', '2026-03-02T09:00', '--outbox', 'out']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.eml'));
    mails = await Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(dir, 'out', f)))));
  });

  test('writes one .eml per email, each with an HTML part and a plain-text part', () => {
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(typeof mail.html).toBe('string');
      expect(String(mail.html)).toMatch(/<\/(p|table|ul|h\d)>/);
      expect(mail.text?.trim().length).toBeGreaterThan(20);
    }
  });

  test('every recipient is a Team member who asked for the digest, and subjects carry no line breaks', async () => {
    const team = records(await openXlsx(path.join(dir, 'demo.xlsx')), 'Team');
    const subscribed = new Set(team.filter((m) => /^(yes|是)$/i.test(String(m.Digest))).map((m) => String(m.Email)));
    for (const mail of mails) {
      const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value ?? []);
      expect(to).toHaveLength(1);
      expect(subscribed.has(String(to[0].address))).toBe(true);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
  });

  test('a rerun the same day writes nothing new (each message is sent once)', () => {
    const again = cli(dir, ['digest', '--workbook', 'demo.xlsx', '--now', '2026-03-02T09:30', '--outbox', 'again']);
    expect(again.code).toBe(0);
    const written = fs.existsSync(path.join(dir, 'again')) ? fs.readdirSync(path.join(dir, 'again')) : [];
    expect(written.filter((f) => f.endsWith('.eml'))).toEqual([]);
  });
});
