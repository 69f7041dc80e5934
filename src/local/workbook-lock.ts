/**
 * One lock per workbook, shared by every CLI command and the playground: whoever holds it is the only
 * one reading, running and saving that workbook, so two processes can never both load the same file
 * and save over each other. The lock is proper-lockfile's `FILE.xlsx.lock` directory (created with
 * mkdir, which is atomic, and kept fresh by its holder); inside it `owner.json` says who holds it.
 *
 * Waiting: a process that finds the workbook locked polls until the lock is free, for a bounded time
 * (`waitMs`), then stops with one sentence naming the holder. A lock whose holder died is taken over
 * at once when the holder ran on this machine and its process is gone (a killed process leaves its
 * lock behind); a lock held from another machine (a shared drive) counts as abandoned once its
 * holder has not refreshed it for STALE_MS. A live holder on this machine is never taken over, however
 * long it runs: a big run keeps the event loop busy and cannot refresh on time.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock from another machine not refreshed for this long is abandoned. */
export const STALE_MS = 10 * 60_000;
const OWNER_FILE = 'owner.json';

export interface LockOwner {
  pid: number;
  /** when the process started (Linux: clock ticks since boot), so a reused pid is not taken for it */
  started: string | null;
  host: string;
  /** what holds it, e.g. "client-tracker daily" */
  what: string;
  /** ISO instant the lock was taken */
  since: string;
  token: string;
}

export interface WorkbookLock {
  readonly file: string;
  readonly owner: LockOwner;
  /** set when another process took the lock over while this one held it; nothing may be saved then */
  compromised: Error | null;
  release(): Promise<void>;
}

/** The workbook is held by someone else for longer than this process would wait. */
export class WorkbookBusyError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockOwner | null,
    readonly waitedMs: number,
  ) {
    super(`${file} is in use by another process.`);
  }
}

export function lockPath(file: string): string {
  return `${canonical(file)}.lock`;
}

/** The workbook's absolute path with its folder's symbolic links resolved (the file may not exist yet). */
function canonical(file: string): string {
  const absolute = path.resolve(file);
  try {
    return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return absolute;
  }
}

/** Takes the workbook's lock, waiting up to `waitMs` for another holder to finish. */
export async function lockWorkbook(file: string, options: { waitMs: number; what: string }): Promise<WorkbookLock> {
  const target = canonical(file);
  const dir = `${target}.lock`;
  const owner: LockOwner = {
    pid: process.pid,
    started: processStart(process.pid),
    host: os.hostname(),
    what: options.what,
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  const started = Date.now();
  let pause = 25;
  for (;;) {
    const held: WorkbookLock = {
      file: target,
      owner,
      compromised: null,
      release: async () => undefined,
    };
    try {
      const release = await lockfile.lock(target, {
        lockfilePath: dir,
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        fs: ownerFs(owner),
        onCompromised: (error) => {
          held.compromised = error;
        },
      });
      held.release = async () => {
        if (held.compromised) return;
        await release().catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ERELEASED') throw error;
        });
      };
      return held;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    if (await takeOverIfAbandoned(target, dir)) continue;
    const waited = Date.now() - started;
    if (waited >= options.waitMs) throw new WorkbookBusyError(target, readOwner(dir), waited);
    // Polling with a growing, jittered pause: many waiters do not all wake together.
    await sleep(Math.min(pause * (0.5 + Math.random()), options.waitMs - waited));
    pause = Math.min(pause * 2, 400);
  }
}

/**
 * proper-lockfile's file operations, with the owner file written inside the lock directory as soon as
 * mkdir made it (before the library records the directory's time, which the file would change) and
 * removed before the directory is.
 */
function ownerFs(owner: LockOwner): typeof fs {
  const ownerFile = (dir: string): string => path.join(dir, OWNER_FILE);
  return {
    ...fs,
    mkdir: (dir: string, callback: (error: NodeJS.ErrnoException | null) => void) => {
      fs.mkdir(dir, (error) => {
        if (error) return callback(error);
        try {
          fs.writeFileSync(ownerFile(dir), JSON.stringify(owner));
        } catch (writeError) {
          fs.rmSync(dir, { recursive: true, force: true });
          return callback(writeError as NodeJS.ErrnoException);
        }
        callback(null);
      });
    },
    rmdir: (dir: string, callback: (error: NodeJS.ErrnoException | null) => void) => {
      fs.rm(ownerFile(dir), { force: true }, () => fs.rmdir(dir, callback));
    },
    rmdirSync: (dir: string) => {
      fs.rmSync(ownerFile(dir), { force: true });
      fs.rmdirSync(dir);
    },
  } as unknown as typeof fs;
}

function readOwner(dir: string): LockOwner | null {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.token !== 'string') return null;
    return data as LockOwner;
  } catch {
    // no owner yet (it is being written), or the lock was just released
    return null;
  }
}

/** Whether this owner's process has ended: only knowable for a process on this machine. */
function isDead(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: a process of another user has that pid, so it is alive
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  // the pid is in use: by the owner, unless it was reused since
  return owner.started !== null && processStart(owner.pid) !== owner.started;
}

/** The start time of a process from /proc (Linux); null elsewhere. */
function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * Removes a lock whose holder on this machine has died. The check and the removal happen under a
 * second, short lock, and the owner is read again there: two waiters that both saw the dead owner
 * cannot both remove a lock (the second would remove the lock the first has just taken).
 */
async function takeOverIfAbandoned(target: string, dir: string): Promise<boolean> {
  const seen = readOwner(dir);
  if (!seen || !isDead(seen)) return false;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(`${target}.takeover`, {
      lockfilePath: `${target}.lock-takeover`,
      realpath: false,
      stale: 5_000,
      retries: { retries: 20, minTimeout: 20, maxTimeout: 200 },
      onCompromised: () => undefined,
    });
  } catch {
    return false;
  }
  try {
    const now = readOwner(dir);
    if (now && now.token === seen.token) {
      fs.rmSync(path.join(dir, OWNER_FILE), { force: true });
      fs.rmSync(dir, { recursive: true, force: true });
      return true;
    }
    return now === null;
  } finally {
    await release().catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
