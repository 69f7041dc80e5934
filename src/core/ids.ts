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

/** How Settings numbers new clients (core/settings.ts: Client number prefix, restart each year). */
export interface ClientNumbering {
  prefix: string;
  yearly: boolean;
}

/** Digits a client number is padded to (KH-0001); a team past 9,999 gets 10000 and on. */
const NUMBER_DIGITS = 4;

/** The series a number belongs to: the prefix, and the year when numbering restarts each year. */
export function numberSeries(numbering: ClientNumbering, year: number): string {
  return numbering.yearly ? `${numbering.prefix}${year}-` : numbering.prefix;
}

/** The number of an ID in `series` (KH2026-0017 → 17), or null when it is not one of the series. */
export function numberIn(series: string, id: string): number | null {
  const key = idKey(id);
  const head = series.toUpperCase();
  if (!key.startsWith(head)) return null;
  const rest = key.slice(head.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

export interface SequentialIds extends IdGenerator {
  /** The highest number given out or seen: the next run starts above it, so a number is never reused. */
  readonly highest: number;
}

/**
 * Client numbers in order: one more than the highest of the series among the IDs in the tab and
 * `highest` (the highest ever given, kept beside the file, so a deleted row's number is not used
 * again). Callers hold the document lock from reading `highest` to storing the new one, so two
 * people adding at once never get the same number.
 */
export function sequentialIds(series: string, existing: Iterable<string>, highest: number): SequentialIds {
  let top = Number.isFinite(highest) && highest > 0 ? Math.floor(highest) : 0;
  for (const id of existing) {
    const n = numberIn(series, id);
    if (n !== null && n > top) top = n;
  }
  return {
    next(): string {
      top++;
      return `${series}${String(top).padStart(NUMBER_DIGITS, '0')}`;
    },
    get highest(): number {
      return top;
    },
  };
}
