/**
 * What outlives one document: an editor add-on is one script for every file a user opens, so its
 * user cache is the same in all of them (CacheService.getUserCache: "scoped to the
 * current user and script", https://developers.google.com/apps-script/reference/cache/cache-service#getUserCache()).
 * Environments given the same AddOnInstall share those caches in add-on mode; a bound script is one
 * script per file, so its caches stay with its environment.
 */
import type { EnvironmentState } from '../runtime';
import { isAddOn } from '../readings';
import { serviceState } from './state';

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export type CacheScopes = Map<string, Map<string, CacheEntry>>;

/** The script's state Google keeps across documents for an add-on. */
export interface AddOnInstall {
  caches: CacheScopes;
}

export function newAddOnInstall(): AddOnInstall {
  return { caches: new Map() };
}

/** Connects an environment (one spreadsheet) to an add-on installation shared with other environments. */
export function shareAddOnInstall(env: EnvironmentState, install: AddOnInstall): void {
  env.services.set('addOnInstall', install);
}

/** The cache scopes of the 'user:…' caches: shared across documents for an add-on, else null. */
export function crossDocumentCaches(env: EnvironmentState): CacheScopes | null {
  if (!isAddOn(env)) return null;
  return serviceState(env, 'addOnInstall', newAddOnInstall).caches;
}
