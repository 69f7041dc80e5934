/**
 * Time-zone maths for formatDate and time-driven triggers, done with Intl so the process TZ never matters.
 *
 * Java's TimeZone (behind Utilities.formatDate) also accepts custom ids such as "GMT+8" or "GMT+08:00";
 * those are fixed offsets and handled here without Intl.
 */
import { isValidTimeZone, tzOffsetMs } from '../../../core/dates';
import type { WallClock } from '../spreadsheet/dates';

export interface Zone {
  id: string;
  /** minutes east of UTC at that instant */
  offsetMinutes(ms: number): number;
}

/** Wall-clock fields of an instant in a zone; month 1-12, weekday 0 = Sunday. */
export type LocalParts = WallClock;

const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;
/** The zone for an id, or null when neither IANA nor a GMT±hh:mm offset. */
export function resolveZone(id: string): Zone | null {
  const fixed = FIXED.exec(id);
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    const minutes = sign * (Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0));
    if (Math.abs(minutes) > 18 * 60) return null;
    return { id, offsetMinutes: () => minutes };
  }
  if (!isValidTimeZone(id)) return null;
  return { id, offsetMinutes: (ms: number) => Math.round(tzOffsetMs(ms, id) / 60_000) };
}

export function localParts(ms: number, zone: Zone): LocalParts {
  const shifted = new Date(ms + zone.offsetMinutes(ms) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant when the zone's clock shows that wall time (month 1-12; overflowing fields roll over). */
export function localToInstant(
  wall: {
    year: number;
    month: number;
    day: number;
    hour?: number;
    minute?: number;
    second?: number;
    millisecond?: number;
  },
  zone: Zone,
): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
    wall.millisecond ?? 0,
  );
  const first = asUtc - zone.offsetMinutes(asUtc) * 60_000;
  return asUtc - zone.offsetMinutes(first) * 60_000;
}

/** Days since 1970-01-01 of a wall-clock date, for "every n days" arithmetic. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}
