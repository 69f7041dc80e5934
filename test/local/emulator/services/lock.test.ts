// Sources: https://developers.google.com/apps-script/reference/lock/lock ;
// https://github.com/brucemcpherson/gas-fakes (src/services/lock/fakelock.js) for the waitLock message
import { lockState } from '../../../../src/local/emulator/services';
import { ALICE, BOB, FULL_MENU, newEnv, start, TIME_DRIVEN } from './harness';

describe('LockService', () => {
  test('a lock is held only after tryLock or waitLock, and released by releaseLock', () => {
    const { g, exec } = start(newEnv());
    const lock = g.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(exec.holdsDocumentLock).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(exec.holdsDocumentLock).toBe(false);
    lock.releaseLock(); // not held: no-op
  });

  test('a lock held by another running execution makes tryLock wait out its timeout and fail', () => {
    const env = newEnv();
    const first = start(env, TIME_DRIVEN);
    first.g.LockService.getDocumentLock().waitLock(10_000);
    const second = start(env, FULL_MENU);
    const before = env.clock.now();
    expect(second.g.LockService.getDocumentLock().tryLock(5_000)).toBe(false);
    expect(env.clock.now() - before).toBe(5_000);
    expect(second.exec.holdsDocumentLock).toBe(false);
  });

  test('waitLock throws the documented timeout message', () => {
    const env = newEnv();
    start(env).g.LockService.getScriptLock().waitLock(1000);
    expect(() => start(env).g.LockService.getScriptLock().waitLock(30_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  test('the end of an execution releases its locks', () => {
    const env = newEnv();
    const first = start(env);
    first.g.LockService.getDocumentLock().waitLock(1000);
    expect(lockState(env).get('document')).toBe(first.exec);
    first.exec.end();
    expect(lockState(env).size).toBe(0);
    expect(start(env).g.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  test('document, script and per-user locks are independent', () => {
    const env = newEnv();
    const alice = start(env, { ...FULL_MENU, activeUser: ALICE }).g.LockService;
    const bob = start(env, { ...FULL_MENU, activeUser: BOB }).g.LockService;
    expect(alice.getUserLock().tryLock(0)).toBe(true);
    expect(bob.getUserLock().tryLock(0)).toBe(true);
    expect(alice.getScriptLock().tryLock(0)).toBe(true);
    expect(bob.getDocumentLock().tryLock(0)).toBe(true);
    expect(bob.getScriptLock().tryLock(0)).toBe(false);
  });

  test('a test hook can slip another execution in while the lock is held', () => {
    const env = newEnv();
    const first = start(env);
    const lock = first.g.LockService.getDocumentLock();
    lock.waitLock(1000);
    let otherGotIt: boolean | null = null;
    env.hooks.push((exec, method) => {
      if (exec === first.exec && method === 'Lock.hasLock' && otherGotIt === null) {
        otherGotIt = start(env).g.LockService.getDocumentLock().tryLock(100);
      }
    });
    expect(lock.hasLock()).toBe(true);
    expect(otherGotIt).toBe(false);
  });
});
