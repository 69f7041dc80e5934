/**
 * Excel stores date-times as a wall clock with no time zone; the model stores instants. exceljs
 * reads and writes that wall clock as the UTC fields of a Date, so converting means shifting by the
 * spreadsheet time zone's offset at that moment.
 */

import { isValidTimeZone, tzOffsetMs } from '../../core/dates';

/** Throws a readable error for a name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new Error(`Unknown time zone "${timeZone}"; use an IANA name such as Asia/Shanghai.`);
  }
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  return tzOffsetMs(ms, timeZone);
}

/** The instant's wall clock in the zone, as the UTC fields of the returned Date. */
export function toWallClock(instant: Date, timeZone: string): Date {
  const ms = instant.getTime();
  return new Date(ms + offsetAt(ms, timeZone));
}

/** The instant at which the zone's clock shows the UTC fields of `wallClock` (the earlier one in a DST overlap). */
export function fromWallClock(wallClock: Date, timeZone: string): Date {
  const wall = wallClock.getTime();
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (first === second) return new Date(first);
  // In a gap or an overlap the two guesses differ; keep the one that shows this wall clock, else the later.
  const earlier = Math.min(first, second);
  return new Date(earlier + offsetAt(earlier, timeZone) === wall ? earlier : Math.max(first, second));
}
