/**
 * A small team workbook made through the command line as a team would make it: set up, three people
 * typed into Team (two ask for the digest; one of them the file is not shared with; one has no
 * email), shared with the two who can receive mail, and a few clients with follow-ups due, so the daily
 * run has a handful of emails to send and people to skip. Small on purpose: the kill and concurrency
 * tests run the CLI dozens of times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cli, tempDir, typeRows, wall } from './run-cli';

export const NOW = '2026-03-02T09:00';
export const OWNER = 'you@example.com';
export const SHARED = ['amy.liu@example.com', 'tom.baker@example.com'];
export const NOT_SHARED = 'li.na@example.com';

export async function teamWorkbook(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'book.xlsx');
  const setup = cli(dir, ['setup', '--workbook', 'book.xlsx', '--now', NOW]);
  if (setup.code !== 0) throw new Error(setup.stderr);
  // The director (who ran setup) types the team in and confirms their roles (docs/roles.md).
  await typeRows(file, 'Team', [
    { Name: 'Amy Liu', Email: SHARED[0], Role: 'Salesperson', Active: 'Yes', Digest: 'Yes' },
    { Name: 'Tom Baker', Email: SHARED[1], Role: 'Manager', Active: 'Yes', Digest: 'Yes' },
    { Name: 'Li Na', Email: NOT_SHARED, Role: 'Salesperson', Active: 'Yes', Digest: 'Yes' },
    { Name: 'Zhou Min', Email: '', Role: 'Salesperson', Active: 'Yes', Digest: 'Yes' },
  ]);
  const roles = cli(dir, ['roles', '--workbook', 'book.xlsx', '--now', NOW]);
  if (roles.code !== 0) throw new Error(roles.stderr);
  const clients = ['Amy Liu', 'Tom Baker', 'Li Na', 'Amy Liu', 'Tom Baker'].map((owner, i) => ({
    ID: `C-${i + 1}`,
    Name: `Client ${i + 1}`,
    Owner: owner,
    Stage: 'B2 · Proposal & site visit',
    'Next follow-up': wall(2026, 2, 25 + i),
    Created: wall(2026, 1, 5),
  }));
  await typeRows(file, 'Clients', clients);
  const share = cli(dir, ['share', '--workbook', 'book.xlsx', '--editor', SHARED[0], '--viewer', SHARED[1]]);
  if (share.code !== 0) throw new Error(share.stderr);
  return { dir, file };
}

/** A copy of a workbook (and its sidecar) in a fresh folder. */
export function copyWorkbook(file: string): { dir: string; file: string } {
  const dir = tempDir();
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  fs.copyFileSync(`${file}.ct-state.json`, `${copy}.ct-state.json`);
  return { dir, file: copy };
}

/** Files a save may leave behind when it is interrupted, anywhere under `dir`. */
export function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (/\.tmp-\d+$|\.ct-journal\.json|\.lock(-takeover)?$/.test(entry.name)) found.push(path.relative(dir, full));
      else if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return found;
}
