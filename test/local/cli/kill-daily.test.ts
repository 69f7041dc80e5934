/**
 * `daily` killed (SIGKILL: no clean-up runs) at every point between the end of its run and its last
 * rename, then run again: every email the uninterrupted run sends is in the outbox exactly once, the
 * sidecar's mail log (the add-on's send ledger lives beside it) agrees with the outbox, and no
 * temporary file, journal or lock is left. The points are counted by the CLI itself
 * (CLIENT_TRACKER_TEST_KILL_AT=k kills it at the k-th), so the loop goes on until a run gets past them
 * all. Runtime: about 1–2 minutes on a loaded 2-core machine (two CLI runs per point, ~12 points).
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { cliSignal, ensureBuilt } from './run-cli';
import { NOW, copyWorkbook, leftovers, teamWorkbook } from './team-workbook';

jest.setTimeout(900_000);

let original = '';
/** "to | subject" of each email the run sends when nothing interrupts it */
let expected: string[] = [];

async function outbox(dir: string): Promise<string[]> {
  const folder = path.join(dir, 'outbox');
  if (!fs.existsSync(folder)) return [];
  const names = fs.readdirSync(folder).filter((f) => f.endsWith('.eml'));
  const mails = await Promise.all(names.map((f) => simpleParser(fs.readFileSync(path.join(folder, f)))));
  return mails.map((m) => `${m.to && !Array.isArray(m.to) ? m.to.text : ''} | ${m.subject ?? ''}`).sort();
}

function loggedMail(file: string): number {
  const sidecar = JSON.parse(fs.readFileSync(`${file}.ct-state.json`, 'utf8')) as {
    services: { mail: { sent: unknown[] } };
  };
  return sidecar.services.mail.sent.length;
}

beforeAll(async () => {
  ensureBuilt();
  original = (await teamWorkbook()).file;
  const { dir, file } = copyWorkbook(original);
  const run = cliSignal(dir, ['daily', '--workbook', path.basename(file), '--now', NOW]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expected = await outbox(dir);
});

test('the uninterrupted run sends a few emails and leaves nothing behind', () => {
  expect(expected.length).toBeGreaterThanOrEqual(2);
  expect(new Set(expected).size).toBe(expected.length);
});

test('killed at any point of daily, a rerun neither loses nor repeats an email and leaves no temporary file', async () => {
  const killedAt: number[] = [];
  for (let k = 1; k <= 60; k++) {
    const { dir, file } = copyWorkbook(original);
    const args = ['daily', '--workbook', path.basename(file), '--now', NOW];
    const killed = cliSignal(dir, args, { CLIENT_TRACKER_TEST_KILL_AT: String(k) });
    if (killed.signal !== 'SIGKILL') {
      // past the last point: the run finished normally
      expect(killed.code).toBe(0);
      break;
    }
    killedAt.push(k);
    const rerun = cliSignal(dir, args);
    expect({ k, code: rerun.code, stderr: rerun.stderr }).toEqual({ k, code: 0, stderr: '' });
    expect({ k, mail: await outbox(dir) }).toEqual({ k, mail: expected });
    expect({ k, logged: loggedMail(file) }).toEqual({ k, logged: expected.length });
    expect({ k, left: leftovers(dir) }).toEqual({ k, left: [] });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // the save itself, the journal, one point per file written and one per rename
  expect(killedAt.length).toBeGreaterThanOrEqual(3 + 2 * (expected.length + 2));
});
