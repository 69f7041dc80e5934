/**
 * The CLI says what it did and exits as the README says: a daily run whose every step failed exits 1
 * and saves nothing; a run that skips people says who and what to do; sharing is its own command and
 * --user never grants access; a new time zone keeps every date's day; a damaged sidecar is one
 * sentence, never a hang or a TypeError. Runtime: about a minute on a loaded 2-core machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cliSignal, day, ensureBuilt, openXlsx, records } from './run-cli';
import { NOT_SHARED, NOW, OWNER, SHARED, copyWorkbook, teamWorkbook } from './team-workbook';

jest.setTimeout(600_000);

let original = '';

beforeAll(async () => {
  ensureBuilt();
  original = (await teamWorkbook()).file;
});

test('daily with its steps failing (no Contacts tab) exits 1 and names each failure, not "No emails to send."', async () => {
  const { dir, file } = copyWorkbook(original);
  const wb = await openXlsx(file);
  wb.removeWorksheet(wb.getWorksheet('Contacts')!.id);
  await wb.xlsx.writeFile(file);
  const run = cliSignal(dir, ['daily', '--workbook', 'book.xlsx', '--now', NOW]);
  expect(run.code).toBe(1);
  expect(run.stdout).not.toContain('No emails to send.');
  expect(run.stdout).not.toContain('Every step ran.');
  // pool release (off in this workbook) is the one step that has nothing to fail on
  expect(run.stderr).toBe(
    [
      'Refresh failed: There is no Contacts tab. Run Set up / upgrade sheets to create it.',
      'Reports failed: There is no Contacts tab. Run Set up / upgrade sheets to create it.',
      'Emails failed: There is no Contacts tab. Run Set up / upgrade sheets to create it.',
      'Some steps failed (above); what the other steps did is saved.',
      '',
    ].join('\n'),
  );
  expect(fs.existsSync(path.join(dir, 'outbox'))).toBe(false);
});

test('digest whose only step fails (no Contacts tab) exits 1 with one sentence and saves nothing', async () => {
  const { dir, file } = copyWorkbook(original);
  const wb = await openXlsx(file);
  wb.removeWorksheet(wb.getWorksheet('Contacts')!.id);
  await wb.xlsx.writeFile(file);
  const before = { xlsx: fs.readFileSync(file), sidecar: fs.readFileSync(`${file}.ct-state.json`) };
  const run = cliSignal(dir, ['digest', '--workbook', 'book.xlsx', '--now', NOW]);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    'Every step of the run failed, so nothing was saved: Emails failed: There is no Contacts tab. Run Set up / upgrade sheets to create it.\n',
  );
  expect(fs.readFileSync(file).equals(before.xlsx)).toBe(true);
  expect(fs.readFileSync(`${file}.ct-state.json`).equals(before.sidecar)).toBe(true);
});

test('daily says who got no email and what to do about it', () => {
  const { dir } = copyWorkbook(original);
  const run = cliSignal(dir, ['daily', '--workbook', 'book.xlsx', '--now', NOW]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(run.stdout).toContain(`Not mailed, because the address cannot open this spreadsheet: ${NOT_SHARED}.`);
  expect(run.stdout).toContain('client-tracker share --workbook book.xlsx --viewer EMAIL');
  expect(run.stdout).toMatch(/Digest is Yes but the email address is blank for: Zhou Min\. Fill in their Email/);
  expect(run.stdout).toMatch(/Emails sent: [1-9]/);
});

test('--user gives no access: someone the file is not shared with is refused, and stays unshared', () => {
  const { dir, file } = copyWorkbook(original);
  const sidecar = (): { editors: string[]; viewers: string[] } =>
    JSON.parse(fs.readFileSync(`${file}.ct-state.json`, 'utf8')) as { editors: string[]; viewers: string[] };
  const run = cliSignal(dir, ['call', 'sidebarContext', '--workbook', 'book.xlsx', '--user', NOT_SHARED]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `${NOT_SHARED} cannot open book.xlsx, which is shared with ${OWNER}, ${SHARED[0]}, ${SHARED[1]}. Share it first: client-tracker share --workbook book.xlsx --editor ${NOT_SHARED}\n`,
  );
  expect(sidecar()).toMatchObject({ editors: [OWNER, SHARED[0]], viewers: [SHARED[1]] });
  // a viewer may read but not change
  const viewer = cliSignal(dir, ['refresh', '--workbook', 'book.xlsx', '--user', SHARED[1], '--now', NOW]);
  expect(viewer.code).toBe(1);
  expect(viewer.stderr).toMatch(/^tom\.baker@example\.com can only view book\.xlsx, so nothing was saved\./);
  // sharing is its own command, which lists who can open the file
  const share = cliSignal(dir, ['share', '--workbook', 'book.xlsx', '--viewer', NOT_SHARED, '--remove', SHARED[1]]);
  expect(share.code).toBe(0);
  expect(share.stdout).toBe(
    `Who can open book.xlsx:\n  ${OWNER} (owner, can edit)\n  ${SHARED[0]} (can edit)\n  ${NOT_SHARED} (can view)\n`,
  );
  expect(sidecar()).toMatchObject({ editors: [OWNER, SHARED[0]], viewers: [NOT_SHARED] });
});

test('--tz on an existing workbook keeps every date on its day and time, and says so', async () => {
  const { dir, file } = copyWorkbook(original);
  const dates = async (): Promise<string[]> =>
    records(await openXlsx(file), 'Clients').map((c) => day(c['Next follow-up']));
  const before = await dates();
  for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
    const run = cliSignal(dir, ['call', 'getClientCard', '"C-1"', '--workbook', 'book.xlsx', '--tz', tz]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Time zone changed from \S+ to .*: every date and time keeps its day and time of day/);
    expect(JSON.parse(run.stdout)).toMatchObject({ fields: { nextFollowUp: '2026-02-25' } });
    expect(await dates()).toEqual(before);
    const wb = await openXlsx(file);
    // the wall clock is unchanged: midnight stays midnight
    const sheet = wb.getWorksheet('Clients')!;
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const cell = sheet.getRow(2).getCell(header.indexOf('Next follow-up')).value as Date;
    expect(cell.toISOString()).toBe('2026-02-25T00:00:00.000Z');
  }
});

describe('a damaged sidecar: one sentence, exit 1, never a hang', () => {
  test.each([
    ['"sheets":[{}]', (s: Record<string, unknown>) => (s.sheets = [{}]), /sheets\[0\]\.name is missing/],
    [
      'developerMetadata: 5',
      (s: Record<string, unknown>) => (s.developerMetadata = 5),
      /developerMetadata should be a list/,
    ],
    [
      'validations: [{}]',
      (s: Record<string, unknown>) => ((s.sheets as Record<string, unknown>[])[0].validations = [{}]),
      /sheets\[0\]\.validations\[0\]\.rect is missing/,
    ],
    ['timeZone: "Mars"', (s: Record<string, unknown>) => (s.timeZone = 'Mars/Olympus'), /timeZone is not a time zone/],
    [
      'services.mail.sent: [1]',
      (s: Record<string, unknown>) => ((s.services as { mail: { sent: unknown[] } }).mail.sent = [1]),
      /services\.mail\.sent\[0\] should be an object/,
    ],
  ])('%s', (_, damage, sentence) => {
    const { dir, file } = copyWorkbook(original);
    const sidecar = JSON.parse(fs.readFileSync(`${file}.ct-state.json`, 'utf8')) as Record<string, unknown>;
    damage(sidecar);
    fs.writeFileSync(`${file}.ct-state.json`, JSON.stringify(sidecar));
    const before = fs.readFileSync(file);
    const run = cliSignal(dir, ['refresh', '--workbook', 'book.xlsx'], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(sentence);
    expect(run.stderr).toMatch(
      /^In .*book\.xlsx\.ct-state\.json, .*delete the file to start the workbook's saved state afresh/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
