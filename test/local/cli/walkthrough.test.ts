/**
 * The README's walk through the demo as a salesperson, a manager and a director, run as written:
 * every `client-tracker` line of the block, in order, on one fresh demo workbook, and each "→" line
 * under it must be in what the command printed. A changed rule or wording breaks the README here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, tempDir } from './run-cli';

interface Step {
  args: string[];
  expect: string[];
}

/** Splits a shell line into words: single-quoted parts are taken as they are (the block uses no other quoting). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2]);
  return out;
}

function walkthrough(): Step[] {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const block = /<!-- walkthrough -->\s*```sh\n([\s\S]*?)```\s*<!-- \/walkthrough -->/.exec(readme);
  if (!block) throw new Error('README.md has no walkthrough block');
  const steps: Step[] = [];
  for (const line of block[1].split('\n')) {
    if (line.startsWith('client-tracker ')) steps.push({ args: words(line).slice(1), expect: [] });
    const said = /^#\s+→ (.+)$/.exec(line);
    if (said) steps[steps.length - 1].expect.push(said[1]);
  }
  return steps;
}

beforeAll(() => ensureBuilt());

test('the README walkthrough works as written, as each role', () => {
  const steps = walkthrough();
  expect(steps.length).toBeGreaterThanOrEqual(10);
  const dir = tempDir();
  for (const step of steps) {
    const run = cli(dir, step.args);
    const printed = run.stdout + run.stderr;
    for (const text of step.expect) {
      if (!printed.includes(text))
        throw new Error(`client-tracker ${step.args.join(' ')}\nprinted:\n${printed}\nnot: ${text}`);
    }
  }
}, 180_000);
