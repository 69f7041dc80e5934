/**
 * Stable IDs: prefix + the time in base 36 + a counter, never derived from a row number and never
 * one that already exists. Clients C-, contacts K-, changes X-.
 */

export type IdPrefix = 'C' | 'K' | 'X';

export interface IdGenerator {
  next(): string;
}

/**
 * An ID as IDs are compared everywhere (rules, reports, emails, sidebar): ignoring case, surrounding
 * spaces and a leading apostrophe (an ID stored as 'C-0001 by an old text guard, docs/google-readings.md).
 */
export function idKey(id: string): string {
  const trimmed = id.trim();
  return (trimmed.charCodeAt(0) === 39 ? trimmed.slice(1).trim() : trimmed).toUpperCase();
}

/**
 * A generator of fresh IDs for one run: `now` comes from the injected clock, `existing` are the IDs
 * already in the tab (read just before writing).
 */
export function idGenerator(prefix: IdPrefix, existing: Iterable<string>, now: Date): IdGenerator {
  const taken = new Set<string>();
  for (const id of existing) taken.add(idKey(id));
  const stamp = now.getTime().toString(36).toUpperCase();
  // IDs are appended in counter order: starting after the highest one of this moment among those read
  // lets a caller read only the tail of a long log (the Changes tab) and still never repeat one.
  const mine = `${prefix}-${stamp}`;
  let counter = 0;
  for (const id of taken) {
    if (!id.startsWith(mine)) continue;
    const n = parseInt(id.slice(mine.length), 36);
    if (Number.isFinite(n) && n >= counter) counter = n + 1;
  }
  return {
    next(): string {
      for (;;) {
        const id = `${prefix}-${stamp}${counter.toString(36).toUpperCase().padStart(2, '0')}`;
        counter++;
        if (!taken.has(id)) {
          taken.add(id);
          return id;
        }
      }
    },
  };
}
