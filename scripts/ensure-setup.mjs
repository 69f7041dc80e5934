// The set-up `npm start` and `npm test` do first (their pre-scripts), so a fresh clone needs no other
// step. Node built-ins only: it runs before the dependencies exist.
//   1. Dependencies: `npm ci` when node_modules is missing or was installed from another
//      package-lock.json. Fast when nothing is needed: the lock's hash is compared with the one stored
//      after the last install (node_modules/.ct-lock-hash); with no stored hash, npm's own record of
//      what it installed (node_modules/.package-lock.json) is compared with the lock.
//   2. `--browser` (npm test): the browser tests drive Debian's Chromium. When it is missing and this
//      is root with apt-get, it is installed; otherwise one loud line says the browser tests will be
//      skipped and which command installs it (jest.config.js skips them; with CI=true they run and fail).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const modules = path.join(root, 'node_modules');
const stamp = path.join(modules, '.ct-lock-hash');

function lockHash() {
  return createHash('sha256')
    .update(fs.readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
}

/** Whether npm's record of the installed tree lists the same packages at the same versions as the lock. */
function installedMatchesLock() {
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    const installed = JSON.parse(fs.readFileSync(path.join(modules, '.package-lock.json'), 'utf8')).packages ?? {};
    const wanted = Object.entries(lock).filter(([name, p]) => name !== '' && !p.optional && !p.peer);
    return wanted.every(([name, p]) => installed[name]?.version === p.version);
  } catch {
    return false;
  }
}

function ensureDependencies() {
  const hash = lockHash();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return;
  if (!fs.existsSync(modules) || !installedMatchesLock()) {
    console.log('Installing the dependencies (npm ci): node_modules is missing or older than package-lock.json.');
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error('npm ci failed; fix the error above and run the command again.');
      process.exit(result.status ?? 1);
    }
  }
  fs.writeFileSync(stamp, hash);
}

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function ensureChromium() {
  if (chromiumPath()) return;
  const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (process.getuid?.() === 0 && hasAptGet) {
    console.log("Installing Debian's Chromium for the browser tests (apt-get install chromium).");
    try {
      execFileSync('apt-get', ['update', '-qq'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // said below
    }
    if (chromiumPath()) return;
  }
  console.log(
    '\n*** BROWSER TESTS WILL BE SKIPPED: Chromium is not installed. Install it with: sudo apt-get install -y chromium ***\n',
  );
}

ensureDependencies();
if (process.argv.includes('--browser')) ensureChromium();
