/**
 * Many processes on one workbook at once, as a team sharing a file on a drive would run them: every
 * change lands (the workbook's lock makes them queue), a read-only call beside them saves nothing, and
 * a command that cannot get the lock within --wait stops with one sentence and changes nothing.
 * Runtime: about 2–3 minutes on a loaded 2-core machine (40 logContact calls, serialised by the lock).
 */
import fs from 'node:fs';
import path from 'node:path';
import { lockWorkbook } from '../../../src/local/workbook-lock';
import { cliAsync, cliSignal, ensureBuilt, openXlsx, records } from './run-cli';
import { NOW, copyWorkbook, leftovers, teamWorkbook } from './team-workbook';

jest.setTimeout(900_000);

let original = '';

beforeAll(async () => {
  ensureBuilt();
  original = (await teamWorkbook()).file;
});

function logContact(dir: string, summary: string): ReturnType<typeof cliAsync> {
  const entry = { clientId: 'C-1', channel: 'Phone', outcome: 'Reached', summary };
  // a generous wait: on a loaded machine 40 calls in a queue take a while
  return cliAsync(dir, [
    'call',
    'logContact',
    JSON.stringify(entry),
    '--workbook',
    'book.xlsx',
    '--now',
    NOW,
    '--wait',
    '600',
  ]);
}

async function summaries(file: string): Promise<string[]> {
  return records(await openXlsx(file), 'Contacts')
    .map((c) => String(c.Summary))
    .sort();
}

test('8 processes × 5 logContact calls at once: all 40 contacts land, each once', async () => {
  const { dir, file } = copyWorkbook(original);
  const expected: string[] = [];
  const workers = Array.from({ length: 8 }, async (_, p) => {
    for (let i = 0; i < 5; i++) {
      const summary = `process ${p} call ${i}`;
      expected.push(summary);
      const run = await logContact(dir, summary);
      expect({ summary, code: run.code, stderr: run.stderr }).toEqual({ summary, code: 0, stderr: '' });
    }
  });
  await Promise.all(workers);
  expect(await summaries(file)).toEqual(expected.sort());
  expect(leftovers(dir)).toEqual([]);
});

test('logContact calls beside read-only getClientCard calls: every contact lands, the reads save nothing', async () => {
  const { dir, file } = copyWorkbook(original);
  const writes = Array.from({ length: 2 }, async (_, p) => {
    for (let i = 0; i < 3; i++) expect((await logContact(dir, `write ${p}.${i}`)).code).toBe(0);
  });
  const reads = Array.from({ length: 2 }, async () => {
    for (let i = 0; i < 3; i++) {
      const run = await cliAsync(dir, ['call', 'getClientCard', '"C-1"', '--workbook', 'book.xlsx', '--wait', '600']);
      expect([run.code, run.stderr]).toEqual([0, '']);
    }
  });
  await Promise.all([...writes, ...reads]);
  expect((await summaries(file)).filter((s) => s.startsWith('write'))).toHaveLength(6);
});

test('a read-only call and a refused call leave the file as it was (not even rewritten)', () => {
  const { dir, file } = copyWorkbook(original);
  const before = { xlsx: fs.statSync(file), sidecar: fs.statSync(`${file}.ct-state.json`) };
  const read = cliSignal(dir, ['call', 'getClientCard', '"C-1"', '--workbook', 'book.xlsx']);
  expect(read.code).toBe(0);
  const refused = cliSignal(dir, [
    'call',
    'logContact',
    '{"clientId":"C-1","channel":"","outcome":""}',
    '--workbook',
    'book.xlsx',
  ]);
  expect(refused.code).toBe(1);
  expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false });
  expect(refused.stderr).toMatch(/^logContact refused, nothing was saved: /);
  for (const [name, stat] of [
    ['xlsx', fs.statSync(file)],
    ['sidecar', fs.statSync(`${file}.ct-state.json`)],
  ] as const) {
    expect({ name, ino: stat.ino, mtimeMs: stat.mtimeMs }).toEqual({
      name,
      ino: before[name].ino,
      mtimeMs: before[name].mtimeMs,
    });
  }
});

test('while another process holds the workbook: --wait 1 stops with one sentence, a longer wait queues', async () => {
  const { dir, file } = copyWorkbook(original);
  const bytes = fs.readFileSync(file);
  const held = await lockWorkbook(file, { waitMs: 0, what: 'a test holding the file' });
  try {
    const busy = cliSignal(dir, ['refresh', '--workbook', 'book.xlsx', '--wait', '1']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(
      /^book\.xlsx is in use by a test holding the file \(process \d+ on .+\); waited \d+ s\./,
    );
    expect(busy.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const queued = logContact(dir, 'queued behind the holder');
    // the queued call cannot finish while the lock is held; it does once it is released
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    await held.release();
    expect((await queued).code).toBe(0);
  } finally {
    await held.release();
  }
  expect(await summaries(file)).toContain('queued behind the holder');
  expect(leftovers(path.dirname(file))).toEqual([]);
});

test('6 processes add a client at once with a numbering prefix: six different numbers, none skipped', async () => {
  const { dir, file } = copyWorkbook(original);
  const book = await openXlsx(file);
  const settings = book.getWorksheet('Settings')!;
  settings.eachRow((row) => {
    if (row.getCell(1).value === 'Client number prefix') row.getCell(2).value = 'KH-';
  });
  await book.xlsx.writeFile(file);
  const names = ['Quarry Bakery', 'Zenith Optics', '星河幼儿园', 'Mango Travel', 'Orbit Printing', '翠湖茶社'];
  const runs = await Promise.all(
    names.map((name) =>
      cliAsync(dir, [
        'call',
        'addClient',
        JSON.stringify({ name }),
        '--workbook',
        'book.xlsx',
        '--now',
        NOW,
        '--wait',
        '600',
      ]),
    ),
  );
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  const added = records(await openXlsx(file), 'Clients')
    .filter((c) => names.includes(String(c.Name)))
    .map((c) => String(c.ID))
    .sort();
  expect(added).toEqual(['KH-0001', 'KH-0002', 'KH-0003', 'KH-0004', 'KH-0005', 'KH-0006']);
});
