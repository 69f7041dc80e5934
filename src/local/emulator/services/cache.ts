/**
 * CacheService: short-lived script, user and document caches, expiring by the environment's clock.
 *
 * Source: https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer)
 * (key ≤ 250 characters, value ≤ 100 KB, default 600 s, at most 21600 s; past 1,000 items the cache keeps
 * the 900 farthest from expiry). Caches are not persisted between CLI runs: expiry is only a hint anyway.
 */
import { AppsScriptException, type EnvironmentState, type Execution } from '../runtime';
import { withoutDocument } from '../readings';
import { type CacheEntry, crossDocumentCaches } from './account';
import { serviceState } from './state';

export const MAX_CACHE_KEY_CHARS = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const DEFAULT_CACHE_TTL_S = 600;
export const MAX_CACHE_TTL_S = 21_600;
export const MAX_CACHE_ITEMS = 1000;
const ITEMS_KEPT_ON_OVERFLOW = 900;

/** One map per cache scope: 'script', 'user:<email>', 'document:<id>'. */
export function cacheState(env: EnvironmentState): Map<string, Map<string, CacheEntry>> {
  return serviceState(env, 'cache', () => new Map<string, Map<string, CacheEntry>>());
}

export interface Cache {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: string, expirationInSeconds?: number): null;
  putAll(values: Record<string, string>, expirationInSeconds?: number): null;
  remove(key: string): null;
  removeAll(keys: string[]): null;
}

export interface CacheServiceApi {
  getDocumentCache(): Cache;
  getScriptCache(): Cache;
  getUserCache(): Cache;
}

function checkKey(key: string): void {
  if (key.length > MAX_CACHE_KEY_CHARS) throw new AppsScriptException('Argument too large: key');
}

/** [U] out-of-range expirations are clamped to 1..21600 s rather than refused. */
function ttlMs(seconds: number | undefined): number {
  const s = seconds === undefined ? DEFAULT_CACHE_TTL_S : Math.min(Math.max(Math.floor(seconds), 1), MAX_CACHE_TTL_S);
  return s * 1000;
}

function createCache(exec: Execution, scope: string): Cache {
  const caches = (scope.startsWith('user:') ? crossDocumentCaches(exec.env) : null) ?? cacheState(exec.env);
  const entries = (): Map<string, CacheEntry> => {
    let map = caches.get(scope);
    if (!map) {
      map = new Map();
      caches.set(scope, map);
    }
    const now = exec.env.clock.now();
    for (const [k, e] of map) if (e.expiresAt <= now) map.delete(k);
    return map;
  };
  const store = (values: [string, string][], seconds: number | undefined): void => {
    for (const [k, v] of values) {
      checkKey(k);
      if (Buffer.byteLength(v) > MAX_CACHE_VALUE_BYTES) throw new AppsScriptException('Argument too large: value');
    }
    const map = entries();
    const expiresAt = exec.env.clock.now() + ttlMs(seconds);
    for (const [k, v] of values) map.set(k, { value: v, expiresAt });
    if (map.size > MAX_CACHE_ITEMS) {
      const nearestFirst = [...map].sort(([, a], [, b]) => a.expiresAt - b.expiresAt);
      for (const [k] of nearestFirst.slice(0, map.size - ITEMS_KEPT_ON_OVERFLOW)) map.delete(k);
    }
  };
  return {
    get(key) {
      exec.call('Cache.get', 'cache');
      checkKey(String(key));
      return entries().get(String(key))?.value ?? null;
    },
    getAll(keys) {
      exec.call('Cache.getAll', 'cache');
      const map = entries();
      const found: Record<string, string> = {};
      for (const k of keys) {
        const e = map.get(String(k));
        if (e) found[String(k)] = e.value;
      }
      return found;
    },
    put(key, value, expirationInSeconds) {
      exec.call('Cache.put', 'cache');
      store([[String(key), String(value)]], expirationInSeconds);
      // Live Apps Script returns null here, not undefined (gas-fakes test/teststores.js, run on live).
      return null;
    },
    putAll(values, expirationInSeconds) {
      exec.call('Cache.putAll', 'cache');
      store(
        Object.entries(values).map(([k, v]) => [k, String(v)]),
        expirationInSeconds,
      );
      return null;
    },
    remove(key) {
      exec.call('Cache.remove', 'cache');
      entries().delete(String(key));
      return null;
    },
    removeAll(keys) {
      exec.call('Cache.removeAll', 'cache');
      const map = entries();
      for (const k of keys) map.delete(String(k));
      return null;
    },
  };
}

export function createCacheService(exec: Execution): CacheServiceApi {
  return {
    getDocumentCache() {
      exec.call('CacheService.getDocumentCache', 'cache');
      if (withoutDocument(exec)) return null as unknown as Cache;
      return createCache(exec, `document:${exec.env.spreadsheet.id}`);
    },
    getScriptCache() {
      exec.call('CacheService.getScriptCache', 'cache');
      return createCache(exec, 'script');
    },
    getUserCache() {
      exec.call('CacheService.getUserCache', 'cache');
      return createCache(exec, `user:${exec.effectiveUser}`);
    },
  };
}
