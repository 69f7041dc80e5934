/**
 * Each command of `client-tracker` on a fresh folder, run as a child process on the built add-on; what
 * it saved is read back with exceljs (and the sidecar as JSON), never through the emulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cli, day, ensureBuilt, openXlsx, records, tempDir, typeRows, wall } from './run-cli';

const NOW = '2026-03-02T09:00';

beforeAll(() => ensureBuilt());

function sidecar(file: string): { timeZone: string; locale: string } {
  return JSON.parse(fs.readFileSync(`${file}.ct-state.json`, 'utf8')) as { timeZone: string; locale: string };
}

/** A set-up workbook in a fresh folder. */
function setUp(extra: string[] = []): { dir: string; file: string } {
  const dir = tempDir();
  const run = cli(dir, ['setup', '--workbook', 'book.xlsx', '--now', NOW, ...extra]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { dir, file: path.join(dir, 'book.xlsx') };
}

async function withOneClient(): Promise<{ dir: string; file: string }> {
  const book = setUp();
  await typeRows(book.file, 'Team', [
    { Name: 'Amy Liu', Email: 'you@example.com', Role: 'Salesperson', Active: 'Yes' },
  ]);
  await typeRows(book.file, 'Clients', [
    {
      ID: 'C-1',
      Name: 'Harbor Hotel',
      Owner: 'Amy Liu',
      Stage: 'B2 · Proposal & site visit',
      'Need confirmed': 'Yes',
      'Budget confirmed': 'Yes',
      'Decision maker': 'Yes',
      'Expected date': wall(2026, 3, 20),
      'Next follow-up': wall(2026, 2, 27),
      Created: wall(2026, 1, 5),
    },
  ]);
  await typeRows(book.file, 'Contacts', [
    {
      ID: 'K-1',
      Date: wall(2026, 2, 20, 10, 30),
      'Client ID': 'C-1',
      By: 'Amy Liu',
      Channel: 'Phone',
      Outcome: 'Reached',
    },
  ]);
  return book;
}

describe('setup', () => {
  test('creates a new workbook with the five tabs, bold frozen headers, in the time zone of appsscript.json', async () => {
    const { file } = setUp();
    const wb = await openXlsx(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Clients', 'Contacts', 'Team', 'Changes', 'Settings']);
    const clients = wb.getWorksheet('Clients')!;
    expect(clients.getCell('A1').value).toBe('ID');
    expect(clients.getCell('A1').font?.bold).toBe(true);
    expect(clients.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sidecar(file).timeZone).toBe('Asia/Shanghai');
  });

  test('prints what the setup alert said; a second run changes nothing', async () => {
    const dir = tempDir();
    const first = cli(dir, ['setup', '--workbook', 'book.xlsx']);
    expect(first.stdout).toContain('Set up finished.');
    const before = records(await openXlsx(path.join(dir, 'book.xlsx')), 'Settings');
    const file = fs.statSync(path.join(dir, 'book.xlsx'));
    const second = cli(dir, ['setup', '--workbook', 'book.xlsx']);
    expect(second.stdout).toBe(
      'Set up finished.\nEverything was already set up; nothing changed.\nNothing changed, so book.xlsx was not saved.\n',
    );
    expect(records(await openXlsx(path.join(dir, 'book.xlsx')), 'Settings')).toEqual(before);
    // not rewritten: the same file (a save replaces it by a rename)
    expect(fs.statSync(path.join(dir, 'book.xlsx'))).toMatchObject({ ino: file.ino, mtimeMs: file.mtimeMs });
  });

  test('a new workbook takes --tz; an existing one keeps its zone unless --tz is given again', () => {
    const { dir, file } = setUp(['--tz', 'America/Los_Angeles']);
    expect(sidecar(file).timeZone).toBe('America/Los_Angeles');
    cli(dir, ['setup', '--workbook', 'book.xlsx']);
    expect(sidecar(file).timeZone).toBe('America/Los_Angeles');
    cli(dir, ['setup', '--workbook', 'book.xlsx', '--tz', 'Europe/London']);
    expect(sidecar(file).timeZone).toBe('Europe/London');
  });

  test('--locale zh (or zh_CN, zh-CN) sets up a Chinese workbook', async () => {
    for (const locale of ['zh', 'zh_CN', 'zh-CN']) {
      const { file } = setUp(['--locale', locale]);
      expect(sidecar(file).locale).toBe('zh_CN');
      expect((await openXlsx(file)).worksheets.map((w) => w.name)).toEqual([
        '客户',
        '跟进记录',
        '团队',
        '变更记录',
        '设置',
      ]);
    }
  });
});

describe('refresh', () => {
  test('grades a client typed in Excel and fills its Last contact from the log, as of --now', async () => {
    const { dir, file } = await withOneClient();
    const run = cli(dir, ['refresh', '--workbook', 'book.xlsx', '--now', NOW]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Refresh grades and status');
    const [client] = records(await openXlsx(file), 'Clients');
    expect(client.Grade).toBe('A');
    expect(client.Status).toBe('Active');
    expect(day(client['Last contact'])).toBe('2026-02-20');
  });
});

describe('reports', () => {
  test('rebuilds the report tabs, each saved in the workbook', async () => {
    const { dir, file } = await withOneClient();
    const run = cli(dir, ['reports', '--workbook', 'book.xlsx', '--now', NOW]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const tabs = (await openXlsx(file)).worksheets.map((w) => w.name);
    expect(tabs.filter((t) => t.startsWith('Report · ')).length).toBeGreaterThanOrEqual(5);
  });
});

describe('call', () => {
  test('logContact as google.script.run: JSON result on stdout, one more Contacts row, a new Next follow-up', async () => {
    const { dir, file } = await withOneClient();
    const entry = {
      clientId: 'C-1',
      channel: 'Phone',
      outcome: 'Reached',
      summary: 'Sent the quote',
      nextFollowUp: '2026-03-05',
    };
    const run = cli(dir, ['call', 'logContact', JSON.stringify(entry), '--workbook', 'book.xlsx', '--now', NOW]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    const wb = await openXlsx(file);
    const contacts = records(wb, 'Contacts');
    expect(contacts).toHaveLength(2);
    expect(contacts[1].Summary).toBe('Sent the quote');
    expect(day(records(wb, 'Clients')[0]['Next follow-up'])).toBe('2026-03-05');
  });

  test('a function that throws: its message on stderr, exit code 1, and the workbook unchanged', async () => {
    const { dir, file } = await withOneClient();
    const before = fs.readFileSync(file);
    const run = cli(dir, ['call', 'getClientCard', '"C-404"', '--workbook', 'book.xlsx']);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', 'There is no client with ID “C-404”.\n']);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('a private function (name ending in _) cannot be called, as in Apps Script', () => {
    const { dir } = setUp();
    const run = cli(dir, ['call', 'secret_', '--workbook', 'book.xlsx']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Script function not found: secret_');
  });
});

describe('errors a person can fix: one sentence, exit code 1, the workbook unchanged', () => {
  test('a missing workbook', () => {
    const run = cli(tempDir(), ['refresh', '--workbook', 'nowhere.xlsx']);
    expect([run.code, run.stderr]).toEqual([1, 'The workbook nowhere.xlsx does not exist.\n']);
  });

  test('a file that is not a workbook', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'just some text');
    const run = cli(dir, ['refresh', '--workbook', 'notes.xlsx']);
    expect([run.code, run.stderr]).toEqual([1, 'notes.xlsx is not an .xlsx workbook.\n']);
    expect(fs.readFileSync(path.join(dir, 'notes.xlsx'), 'utf8')).toBe('just some text');
  });

  test('a missing tab', async () => {
    const { dir, file } = await withOneClient();
    const wb = await openXlsx(file);
    wb.removeWorksheet(wb.getWorksheet('Contacts')!.id);
    await wb.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    const run = cli(dir, ['refresh', '--workbook', 'book.xlsx']);
    expect([run.code, run.stderr]).toEqual([
      1,
      'There is no Contacts tab. Run Set up / upgrade sheets to create it.\n',
    ]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('a missing column', async () => {
    const { dir, file } = await withOneClient();
    const wb = await openXlsx(file);
    wb.getWorksheet('Clients')!.spliceColumns(1, 1);
    await wb.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    const run = cli(dir, ['refresh', '--workbook', 'book.xlsx']);
    expect([run.code, run.stderr]).toEqual([
      1,
      'The Clients tab has no “ID” column. Add it back or run Set up / upgrade sheets.\n',
    ]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('usage errors: one sentence and exit code 2', () => {
  test.each([
    [['frobnicate', '--workbook', 'a.xlsx'], 'Unknown command "frobnicate"'],
    [['setup', '--workbook', 'a.xlsx', '--colour', 'red'], 'Unknown option --colour.'],
    [['setup', '--workbook', 'a.xlsx', '--now', '2026-02-30T09:00'], '--now "2026-02-30T09:00" is not a date and time'],
    [['setup', '--workbook', 'a.xlsx', '--now', 'tomorrow'], '--now "tomorrow" is not a date and time'],
    [['setup', '--workbook', 'a.xlsx', '--tz', 'Mars/Olympus'], '--tz "Mars/Olympus" is not a time zone'],
    [['setup', '--workbook', 'a.xlsx', '--locale', 'fr_FR'], '--locale "fr_FR" is not a language'],
    [['setup'], '--workbook FILE.xlsx is required.'],
    [['call', '--workbook', 'a.xlsx'], 'call needs the name of a function.'],
    [['call', 'echo', '{nope', '--workbook', 'a.xlsx'], 'Argument 1 of call is not JSON: {nope'],
  ])('%j', (args, sentence) => {
    const dir = tempDir();
    const run = cli(dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(sentence)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
  });

  test('--help lists every command', () => {
    const run = cli(tempDir(), ['--help']);
    expect(run.code).toBe(0);
    for (const command of ['demo', 'setup', 'refresh', 'reports', 'digest', 'daily', 'call', 'serve']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});

describe('the command line speaks the user’s language', () => {
  test('a usage error in Chinese when the system language is Chinese', () => {
    const dir = tempDir();
    const run = cli(dir, ['frobnicate'], { LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^未知命令 "frobnicate"；可用的命令有 demo, setup/);
  });

  test('--locale zh-CN wins over the system language, for --help too', () => {
    const dir = tempDir();
    const run = cli(dir, ['--help', '--locale', 'zh-CN']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^用法：client-tracker/);
  });
});
