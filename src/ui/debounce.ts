/**
 * Search-as-you-type without a server call per keystroke: only the last call of a burst runs, and
 * answers to older queries are dropped (they may arrive after newer ones).
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  timers: Timers,
): (...args: A) => void {
  let handle: unknown = null;
  return (...args: A) => {
    if (handle !== null) timers.clear(handle);
    handle = timers.set(() => {
      handle = null;
      fn(...args);
    }, ms);
  };
}

/** Numbers requests; only the latest one's answer is wanted. */
export class LatestOnly {
  private seq = 0;
  next(): number {
    return ++this.seq;
  }
  isLatest(ticket: number): boolean {
    return ticket === this.seq;
  }
}
