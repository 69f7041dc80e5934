// Source: https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
// (key ≤ 250 chars, value ≤ 100 KB, default 600 s, max 21600 s, 1,000 items keeping the 900 farthest from expiry)
import { cacheState } from '../../../../src/local/emulator/services';
import { ALICE, BOB, FULL_MENU, NOT_ENABLED, newEnv, start } from './harness';

describe('CacheService', () => {
  test('a value lives for 600 seconds by default, by the environment clock', () => {
    const env = newEnv();
    start(env).g.CacheService.getScriptCache().put('k', 'v');
    env.clock.advance(599_000);
    expect(start(env).g.CacheService.getScriptCache().get('k')).toBe('v');
    env.clock.advance(1_000);
    expect(start(env).g.CacheService.getScriptCache().get('k')).toBeNull();
  });

  test('an explicit expiry is honoured', () => {
    const env = newEnv();
    const cache = start(env).g.CacheService.getScriptCache();
    cache.put('k', 'v', 5);
    env.clock.advance(5_000);
    expect(cache.get('k')).toBeNull();
  });

  test('[U] an expiry above 21600 s is capped at six hours', () => {
    const env = newEnv();
    start(env).g.CacheService.getScriptCache().put('k', 'v', 100_000);
    env.clock.advance(21_600_000 - 1);
    expect(start(env).g.CacheService.getScriptCache().get('k')).toBe('v');
    env.clock.advance(1);
    expect(start(env).g.CacheService.getScriptCache().get('k')).toBeNull();
  });

  test('putAll, getAll, remove and removeAll', () => {
    const { g } = start(newEnv());
    const cache = g.CacheService.getDocumentCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    cache.removeAll(['b']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  test('keys over 250 characters and values over 100 KB are refused', () => {
    const { g } = start(newEnv());
    const cache = g.CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large');
    expect(() => cache.put('k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.put('k'.repeat(250), 'x'.repeat(100 * 1024));
  });

  test('past 1,000 items the cache keeps the 900 farthest from expiry', () => {
    const env = newEnv();
    const cache = start(env).g.CacheService.getScriptCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, 'v', 1000 + i);
    cache.put('last', 'v', 21_600);
    const map = cacheState(env).get('script');
    expect(map?.size).toBe(900);
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k999')).toBe('v');
    expect(cache.get('last')).toBe('v');
  });

  test('user caches are per user; the script cache is shared', () => {
    const env = newEnv();
    const alice = start(env, { ...FULL_MENU, activeUser: ALICE }).g.CacheService;
    const bob = start(env, { ...FULL_MENU, activeUser: BOB }).g.CacheService;
    alice.getUserCache().put('k', 'alice');
    alice.getScriptCache().put('k', 'shared');
    expect(bob.getUserCache().get('k')).toBeNull();
    expect(bob.getScriptCache().get('k')).toBe('shared');
  });

  test('AuthMode.NONE cannot use the cache', () => {
    const { g } = start(newEnv(), NOT_ENABLED);
    expect(() => g.CacheService.getScriptCache()).toThrow('You do not have permission');
  });
});

describe('agrees with live Apps Script', () => {
  // gas-fakes' test/teststores.js, run on live Apps Script, asserts put and remove return null.
  test('Cache.put, putAll, remove and removeAll return null, not undefined', () => {
    const env = newEnv();
    const cache = start(env).g.CacheService.getScriptCache();
    expect(cache.put('k', 'v')).toBeNull();
    expect(cache.putAll({ a: '1' })).toBeNull();
    expect(cache.remove('k')).toBeNull();
    expect(cache.removeAll(['a'])).toBeNull();
  });
});
