/**
 * Date serials and wall clocks in the spreadsheet's time zone, with Intl only.
 *
 * Sheets stores a date-time as days since 1899-12-30 with no offset, read in the spreadsheet's
 * time zone (https://developers.google.com/workspace/sheets/api/guides/formats, "About date & time
 * values"). The emulator stores Dates as instants, so it converts here whenever wall-clock time
 * matters: parsing typed dates, display formatting, serial numbers, and time-zone changes.
 */
import { isValidTimeZone, tzOffsetMs } from '../../../core/dates';
import { AppsScriptException } from '../runtime';

export { isValidTimeZone };

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Milliseconds to add to an instant to get the wall clock in the zone (UTC+8 → 28,800,000). */
export function offsetMs(timeZone: string, instantMs: number): number {
  if (!isValidTimeZone(timeZone)) throw new AppsScriptException(`Invalid argument: timeZone (${timeZone})`);
  return tzOffsetMs(instantMs, timeZone);
}

/** The instant whose wall clock in the zone reads `wallMs` (wall clock encoded as a UTC timestamp). */
export function wallToInstant(wallMs: number, timeZone: string): number {
  const guess = wallMs - offsetMs(timeZone, wallMs);
  const off = offsetMs(timeZone, guess);
  return wallMs - off;
}

/** The wall clock of an instant in the zone, encoded as a UTC timestamp (read it with getUTC*). */
export function instantToWall(instantMs: number, timeZone: string): number {
  return instantMs + offsetMs(timeZone, instantMs);
}

/** Date serial (days since 1899-12-30, wall clock in the zone) of an instant. */
export function toSerial(date: Date, timeZone: string): number {
  return (instantToWall(date.getTime(), timeZone) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** The instant a date serial denotes in the zone; sub-millisecond noise is rounded away. */
export function fromSerial(serial: number, timeZone: string): Date {
  return new Date(wallToInstant(Math.round(SERIAL_EPOCH_MS + serial * DAY_MS), timeZone));
}

/** Midnight (or the given time) of a calendar day in the zone; month is 1-based. */
export function zonedDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  return new Date(wallToInstant(Date.UTC(year, month - 1, day, hour, minute, second), timeZone));
}

export interface WallClock {
  year: number;
  /** 1-based */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const w = new Date(instantToWall(date.getTime(), timeZone));
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    millisecond: w.getUTCMilliseconds(),
    weekday: w.getUTCDay(),
  };
}
