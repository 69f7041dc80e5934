/**
 * Service state that outlives one execution lives in `env.services`, one entry per service.
 * Each service module wraps `serviceState` in a typed accessor (propertiesState(env), mailState(env), …).
 */
import type { EnvironmentState } from '../runtime';

export function serviceState<T>(env: EnvironmentState, key: string, init: () => T): T {
  let state = env.services.get(key) as T | undefined;
  if (state === undefined) {
    state = init();
    env.services.set(key, state);
  }
  return state;
}

/** Moves a manual clock forward (waiting, sleeping); a system clock cannot be moved, so nothing happens. */
export function advanceClock(env: EnvironmentState, ms: number): boolean {
  const clock = env.clock as { advance?: (ms: number) => void };
  if (typeof clock.advance !== 'function') return false;
  clock.advance(ms);
  return true;
}
