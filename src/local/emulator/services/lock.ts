/**
 * LockService: document, script and user locks shared by every execution in the environment.
 *
 * Sources: https://developers.google.com/apps-script/reference/lock/lock (taken only by tryLock/waitLock,
 * hasLock false once released or timed out, releaseLock a no-op when not held, released at script end);
 * waitLock's message is quoted from gas-fakes (src/services/lock/fakelock.js) and live logs.
 *
 * Node runs one execution at a time, so a lock held by another, unfinished execution can never be freed
 * while this one waits: tryLock/waitLock move a manual clock on by the whole timeout and then fail.
 */
import { AppsScriptException, type EnvironmentState, type Execution } from '../runtime';
import { advanceClock, serviceState } from './state';
import { withoutDocument } from '../readings';

export type LockKind = 'document' | 'script' | 'user';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Lock key ('document', 'script', 'user:<email>') → the execution holding it. */
export function lockState(env: EnvironmentState): Map<string, Execution> {
  return serviceState(env, 'locks', () => new Map<string, Execution>());
}

export interface Lock {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  hasLock(): boolean;
  releaseLock(): void;
}

export interface LockServiceApi {
  getDocumentLock(): Lock;
  getScriptLock(): Lock;
  getUserLock(): Lock;
}

const withCleanup = new WeakSet<Execution>();

/** Frees every lock the execution holds: at its end, and when alert/prompt suspend it. */
export function releaseLocksHeldBy(exec: Execution): void {
  const locks = lockState(exec.env);
  for (const [key, holder] of locks) if (holder === exec) locks.delete(key);
  exec.holdsDocumentLock = false;
}

function createLock(exec: Execution, kind: LockKind): Lock {
  const key = kind === 'user' ? `user:${exec.effectiveUser}` : kind;
  const locks = lockState(exec.env);

  const acquire = (timeoutInMillis: number): boolean => {
    const holder = locks.get(key);
    if (holder && holder !== exec && !holder.hasEnded) {
      advanceClock(exec.env, Math.max(0, Number(timeoutInMillis) || 0));
      return false;
    }
    locks.set(key, exec);
    if (kind === 'document') exec.holdsDocumentLock = true;
    if (!withCleanup.has(exec)) {
      withCleanup.add(exec);
      exec.cleanups.push(() => releaseLocksHeldBy(exec));
    }
    return true;
  };

  return {
    tryLock(timeoutInMillis) {
      exec.call('Lock.tryLock', 'lock');
      return acquire(timeoutInMillis);
    },
    waitLock(timeoutInMillis) {
      exec.call('Lock.waitLock', 'lock');
      if (!acquire(timeoutInMillis)) throw new AppsScriptException(LOCK_TIMEOUT_MESSAGE);
    },
    hasLock() {
      exec.call('Lock.hasLock', 'lock');
      return locks.get(key) === exec;
    },
    releaseLock() {
      exec.call('Lock.releaseLock', 'lock');
      if (locks.get(key) !== exec) return;
      locks.delete(key);
      if (kind === 'document') exec.holdsDocumentLock = false;
    },
  };
}

export function createLockService(exec: Execution): LockServiceApi {
  return {
    getDocumentLock() {
      exec.call('LockService.getDocumentLock', 'lock');
      if (withoutDocument(exec)) return null as unknown as Lock;
      return createLock(exec, 'document');
    },
    getScriptLock() {
      exec.call('LockService.getScriptLock', 'lock');
      return createLock(exec, 'script');
    },
    getUserLock() {
      exec.call('LockService.getUserLock', 'lock');
      return createLock(exec, 'user');
    },
  };
}
