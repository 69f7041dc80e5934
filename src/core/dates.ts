/**
 * Whole-day arithmetic in the spreadsheet's time zone, with nothing but Intl.
 * A day is a DayKey 'YYYY-MM-DD'; the process time zone never matters.
 */

/** A calendar day in the spreadsheet's time zone, 'YYYY-MM-DD'. */
export type DayKey = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type DateCell = { ok: true; day: DayKey | null } | { ok: false; text: string };

const MS_PER_DAY = 86_400_000;
/** Offsets only change on quarter-hour boundaries, so one lookup serves a whole quarter hour. */
const OFFSET_BUCKET_MS = 900_000;
/** Sheets' day 0 is 1899-12-30. */
const SHEETS_EPOCH_DAY = -25_569;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Whether Intl knows this IANA zone name. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

function computeOffsetMs(ms: number, tz: string): number {
  const parts = formatterFor(tz).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

// Offsets and day keys are asked for millions of times in a refresh. Days from 1900 to 2099 are
// memoised in arrays indexed by day (an index is far cheaper than a Map lookup); any other day,
// and the quarter hours of a DST day, in Maps.
const ARRAY_FIRST_DAY = -25_567; // 1900-01-01, in days since 1970-01-01
const ARRAY_DAYS = 73_049; // to 2099-12-31
/** Entries a memo Map holds before it starts again. */
const MEMO_LIMIT = 100_000;
/** Not looked up yet (no real offset is infinite; NaN marks a day with two offsets). */
const UNKNOWN = Infinity;

interface ZoneOffsets {
  /** by day − ARRAY_FIRST_DAY: the day's one offset, NaN on a DST day, UNKNOWN until asked */
  days: Float64Array;
  /** days outside the array, by day */
  otherDays: Map<number, number>;
  /** DST days' quarter hours, by quarter hour since 1970 */
  quarters: Map<number, number>;
}

const zones = new Map<string, ZoneOffsets>();
let lastTz = '';
let lastZone: ZoneOffsets | null = null;
/** The UTC day asked last and its offset (a log read in order asks the same day many times running). */
let lastDay = NaN;
let lastDayOffset = 0;

function zoneOffsets(tz: string): ZoneOffsets {
  if (tz === lastTz && lastZone !== null) return lastZone;
  let zone = zones.get(tz);
  if (!zone) {
    zone = { days: new Float64Array(ARRAY_DAYS).fill(UNKNOWN), otherDays: new Map(), quarters: new Map() };
    zones.set(tz, zone);
  }
  lastTz = tz;
  lastZone = zone;
  return zone;
}

/** The offset in force all through a UTC day, or NaN when it changes that day (DST). */
function dayOffset(zone: ZoneOffsets, utcDay: number, tz: string): number {
  const i = utcDay - ARRAY_FIRST_DAY;
  const inArray = i >= 0 && i < ARRAY_DAYS;
  let offset = inArray ? zone.days[i] : (zone.otherDays.get(utcDay) ?? UNKNOWN);
  if (offset === UNKNOWN) {
    const dayStart = utcDay * MS_PER_DAY;
    const first = computeOffsetMs(dayStart, tz);
    const last = computeOffsetMs(dayStart + MS_PER_DAY - OFFSET_BUCKET_MS, tz);
    offset = first === last ? first : NaN;
    if (inArray) zone.days[i] = offset;
    else {
      if (zone.otherDays.size > MEMO_LIMIT) zone.otherDays.clear();
      zone.otherDays.set(utcDay, offset);
    }
  }
  return offset;
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in tz. */
export function tzOffsetMs(ms: number, tz: string): number {
  const utcDay = Math.floor(ms / MS_PER_DAY);
  if (utcDay === lastDay && tz === lastTz) return lastDayOffset;
  const zone = zoneOffsets(tz);
  const offset = dayOffset(zone, utcDay, tz);
  if (!isNaN(offset)) {
    lastDay = utcDay;
    lastDayOffset = offset;
    return offset;
  }
  // A DST day is looked up by quarter hour (offsets only change on quarter-hour boundaries).
  lastDay = NaN;
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
  let exact = zone.quarters.get(bucket);
  if (exact === undefined) {
    exact = computeOffsetMs(bucket * OFFSET_BUCKET_MS, tz);
    if (zone.quarters.size > MEMO_LIMIT) zone.quarters.clear();
    zone.quarters.set(bucket, exact);
  }
  return exact;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// Day conversions run millions of times in a refresh; both directions are memoised.
const keysByIndex = new Array<DayKey | undefined>(ARRAY_DAYS);
const keysByNumber = new Map<number, DayKey>();
const numbersByKey = new Map<DayKey, number>();

/** Days since 1970-01-01 → DayKey. */
export function dayKeyFromNumber(n: number): DayKey {
  const i = n - ARRAY_FIRST_DAY;
  const inArray = i >= 0 && i < ARRAY_DAYS;
  let key = inArray ? keysByIndex[i] : keysByNumber.get(n);
  if (key === undefined) {
    const d = new Date(n * MS_PER_DAY);
    key = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
    if (inArray) keysByIndex[i] = key;
    else {
      if (keysByNumber.size > MEMO_LIMIT) keysByNumber.clear();
      keysByNumber.set(n, key);
    }
  }
  return key;
}

/** DayKey → days since 1970-01-01. */
export function dayNumber(day: DayKey): number {
  let n = numbersByKey.get(day);
  if (n === undefined) {
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    const d = Number(day.slice(8, 10));
    n = Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
    if (numbersByKey.size > MEMO_LIMIT) numbersByKey.clear();
    numbersByKey.set(day, n);
  }
  return n;
}

/** The calendar day an instant falls on in tz. */
export function dayKey(date: Date, tz: string): DayKey {
  const ms = date.getTime();
  return dayKeyFromNumber(Math.floor((ms + tzOffsetMs(ms, tz)) / MS_PER_DAY));
}

/**
 * A date field as a day in tz, or null when it is blank (or not a real instant): the one rule for
 * records, the sidebar, refresh and reports (Dates are instants; the rules work in whole days).
 */
export function dayOf(date: Date | null, tz: string): DayKey | null {
  if (date === null) return null;
  return isNaN(date.getTime()) ? null : dayKey(date, tz);
}

/** The days a summary or a report covers, both ends included. */
export interface DayRange {
  /** first day, inclusive */
  from: DayKey;
  /** last day, inclusive */
  to: DayKey;
}

export function inRange(day: DayKey | null, range: DayRange): boolean {
  return day !== null && day >= range.from && day <= range.to;
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return dayNumber(to) - dayNumber(from);
}

export function weekday(day: DayKey): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((dayNumber(day) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/**
 * n calendar days after `day`. With skipWeekends a result on Saturday or Sunday moves on to
 * Monday: intervals stay in calendar days, only the proposed day avoids the weekend.
 */
export function addDays(day: DayKey, n: number, skipWeekends = false): DayKey {
  let result = dayNumber(day) + n;
  if (skipWeekends) {
    const wd = weekday(dayKeyFromNumber(result));
    if (wd === 6) result += 2;
    if (wd === 7) result += 1;
  }
  return dayKeyFromNumber(result);
}

/** n working days (Monday to Friday) after `day`; from a weekend day, the first counts from Monday. */
export function addWorkingDays(day: DayKey, n: number): DayKey {
  let result = dayNumber(day);
  for (let left = n; left > 0;) {
    result += 1;
    const wd = weekday(dayKeyFromNumber(result));
    if (wd !== 6 && wd !== 7) left -= 1;
  }
  return dayKeyFromNumber(result);
}

/** The first instant of `day` in tz (local midnight, or the first existing minute when DST skips it). */
export function startOfDay(day: DayKey, tz: string): Date {
  return new Date(startOfDayMs(day, tz));
}

// A refresh asks for the same few hundred days again and again; the search below costs a dozen
// lookups. Memoised per zone (one zone per run in practice), keyed by the day itself.
let startsZone = '';
let starts = new Map<DayKey, number>();
const startsByZone = new Map<string, Map<DayKey, number>>();

/** startOfDay as epoch milliseconds (no Date made: for comparing with a cell). */
export function startOfDayMs(day: DayKey, tz: string): number {
  if (tz !== startsZone) {
    starts = startsByZone.get(tz) ?? new Map<DayKey, number>();
    startsByZone.set(tz, starts);
    startsZone = tz;
  }
  let ms = starts.get(day);
  if (ms === undefined) {
    ms = findStartOfDay(day, tz);
    if (starts.size > MEMO_LIMIT) starts.clear();
    starts.set(day, ms);
  }
  return ms;
}

function findStartOfDay(day: DayKey, tz: string): number {
  const utcMidnight = dayNumber(day) * MS_PER_DAY;
  // Try the offsets in force half a day either side; the earliest instant that is on `day` while
  // the instant before it is not is the start of the day (also when DST skips midnight).
  let best: number | null = null;
  for (const probe of [utcMidnight - MS_PER_DAY / 2, utcMidnight + MS_PER_DAY / 2]) {
    const t = utcMidnight - tzOffsetMs(probe, tz);
    const starts = dayKey(new Date(t), tz) === day && dayKey(new Date(t - 1), tz) !== day;
    if (starts && (best === null || t < best)) best = t;
  }
  return best ?? utcMidnight - tzOffsetMs(utcMidnight, tz);
}

/** Today in tz, from an injected clock. */
export function today(now: Date, tz: string): DayKey {
  return dayKey(now, tz);
}

function isRealDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function civil(y: number, m: number, d: number): DayKey | null {
  return isRealDay(y, m, d) ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : null;
}

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:[T\s]+|$)(.*))?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const TIME_OF_DAY = /^\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:\s*(?:am|pm))?$/i;

/**
 * Reads a cell that should hold a date: a Date, a Sheets serial number, an ISO string,
 * '2026/3/1', '2026.3.1' or '2026年3月1日' (a time after the date is allowed and ignored;
 * an ISO instant with a zone is converted to tz). Blank → { ok: true, day: null }.
 */
export function parseDateCell(value: unknown, tz: string): DateCell {
  if (value === null || value === undefined) return { ok: true, day: null };
  if (value instanceof Date) {
    return isNaN(value.getTime()) ? { ok: false, text: 'Invalid Date' } : { ok: true, day: dayKey(value, tz) };
  }
  if (typeof value === 'number') {
    if (!isFinite(value) || value < 1 || value > 2_958_465) return { ok: false, text: String(value) };
    return { ok: true, day: dayKeyFromNumber(SHEETS_EPOCH_DAY + Math.floor(value)) };
  }
  if (typeof value !== 'string') return { ok: false, text: String(value) };
  const text = value.normalize('NFKC').trim();
  if (text === '') return { ok: true, day: null };
  if (ISO_INSTANT.test(text)) {
    const ms = Date.parse(text);
    return isNaN(ms) ? { ok: false, text: value } : { ok: true, day: dayKey(new Date(ms), tz) };
  }
  const m = YMD.exec(text);
  if (m) {
    const rest = (m[4] ?? '').trim();
    const day = civil(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day && (rest === '' || TIME_OF_DAY.test(rest))) return { ok: true, day };
  }
  return { ok: false, text: value };
}
