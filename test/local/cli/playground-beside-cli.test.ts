/**
 * The playground and the command line on one workbook at once: the playground holds the workbook's
 * lock only while it handles a request, loads the file again when a CLI command changed it, and the
 * CLI waits for the playground's save, so contacts logged from both all land. No browser needed: the
 * sidebar's google.script.run calls are the playground's /api/run requests.
 * Runtime: about half a minute on a loaded 2-core machine.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { cliAsync, ensureBuilt, openXlsx, records, serve } from './run-cli';
import { NOW, copyWorkbook, leftovers, teamWorkbook } from './team-workbook';

jest.setTimeout(600_000);

let server: ChildProcessWithoutNullStreams | null = null;

afterAll(() => {
  server?.kill('SIGTERM');
});

const entry = (summary: string) => ({ clientId: 'C-2', channel: 'Phone', outcome: 'Reached', summary });

test('contacts logged from the playground and from the CLI at the same time all land', async () => {
  const { dir, file } = copyWorkbook((await teamWorkbook()).file);
  ensureBuilt();
  const served = serve(dir, ['--workbook', 'book.xlsx', '--now', NOW], { LANG: 'en_US.UTF-8' });
  server = served.child;
  const url = await served.url;
  const fromPage = async (i: number): Promise<void> => {
    const res = await fetch(`${url}api/run/logContact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([entry(`page ${i}`)]),
    });
    expect(await res.json()).toMatchObject({ ok: true, changed: true });
  };
  const fromCli = async (i: number): Promise<void> => {
    const run = await cliAsync(dir, [
      'call',
      'logContact',
      JSON.stringify(entry(`cli ${i}`)),
      '--workbook',
      'book.xlsx',
      '--now',
      NOW,
      '--wait',
      '600',
    ]);
    expect([run.code, run.stderr]).toEqual([0, '']);
  };
  const page = (async () => {
    for (let i = 0; i < 4; i++) await fromPage(i);
  })();
  const cliRuns = [0, 1].map(async (w) => {
    for (let i = 0; i < 2; i++) await fromCli(w * 2 + i);
  });
  await Promise.all([page, ...cliRuns]);
  const summaries = records(await openXlsx(file), 'Contacts').map((c) => String(c.Summary));
  expect(summaries.sort()).toEqual(['cli 0', 'cli 1', 'cli 2', 'cli 3', 'page 0', 'page 1', 'page 2', 'page 3']);
  // the playground shows what the CLI wrote: its card for the client has every contact
  const res = await fetch(`${url}api/run/getClientCard`, { method: 'POST', body: JSON.stringify(['C-2']) });
  const card = (await res.json()) as { value: { history: { summary: string }[] } };
  expect(card.value.history.map((h) => h.summary).sort()).toEqual(summaries.sort());
  server?.kill('SIGTERM');
  await new Promise((resolve) => server?.once('exit', resolve));
  server = null;
  expect(leftovers(dir)).toEqual([]);
});
