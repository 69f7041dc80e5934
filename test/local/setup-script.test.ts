/**
 * `npm start` and `npm test` do their own set-up (scripts/ensure-setup.mjs as their pre-scripts), and
 * without Chromium the browser tests are skipped with one loud line, except under CI=true, where they
 * stay in the run (and fail there).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function listTests(env: Record<string, string>): { tests: string[]; stderr: string } {
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const result = spawnSync(process.execPath, [jest, '--listTests'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
  });
  return { tests: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

test('npm start and npm test run the set-up first', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts.prestart).toBe('node scripts/ensure-setup.mjs');
  expect(pkg.scripts.pretest).toBe('node scripts/ensure-setup.mjs --browser');
});

test('with the dependencies in place the set-up does nothing and says nothing', () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-setup.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
});

test('without Chromium the browser tests are skipped with one loud line naming the command', () => {
  const { tests, stderr } = listTests({ CHROMIUM_PATH: '/nonexistent/chromium' });
  expect(tests.some((t) => t.includes(`${path.sep}browser${path.sep}`))).toBe(false);
  expect(tests.length).toBeGreaterThan(10);
  expect(stderr).toContain('BROWSER TESTS SKIPPED');
  expect(stderr).toContain('sudo apt-get install -y chromium');
});

test('under CI=true a missing Chromium is not a skip: the browser tests stay in the run', () => {
  const { tests, stderr } = listTests({ CHROMIUM_PATH: '/nonexistent/chromium', CI: 'true' });
  expect(tests.filter((t) => t.includes(`${path.sep}browser${path.sep}`)).length).toBeGreaterThanOrEqual(2);
  expect(stderr).not.toContain('SKIPPED');
});
