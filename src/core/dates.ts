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
const offsetCache = new Map<string, Map<number, number>>();

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

/** Milliseconds to add to a UTC instant to get the wall-clock time in tz. */
let lastTz = '';
let lastCache = new Map<number, number>();
/** The UTC day asked last and its offset (a log read in order asks the same day many times running). */
let lastDay = NaN;
let lastDayOffset = 0;

export function tzOffsetMs(ms: number, tz: string): number {
  const utcDay = Math.floor(ms / MS_PER_DAY);
  if (utcDay === lastDay && tz === lastTz) return lastDayOffset;
  const offset = lookUpOffsetMs(ms, tz);
  // Only a day with one offset throughout is remembered (a DST day is looked up by quarter hour).
  if (lastCache.get(-1 - utcDay) === offset) {
    lastDay = utcDay;
    lastDayOffset = offset;
  } else lastDay = NaN;
  return offset;
}

function lookUpOffsetMs(ms: number, tz: string): number {
  // One zone per run in practice: skip the lookup by zone name when it is the same as last time.
  let cache = tz === lastTz ? lastCache : offsetCache.get(tz);
  if (!cache) {
    cache = new Map();
    offsetCache.set(tz, cache);
  }
  lastTz = tz;
  lastCache = cache;
  // Most UTC days have one offset throughout: one entry per day (keyed by the negative day
  // number minus one, so it never meets a quarter-hour key), quarter hours only on DST days.
  const dayKeyNum = -1 - Math.floor(ms / MS_PER_DAY);
  let offset = cache.get(dayKeyNum);
  if (offset === undefined) {
    const dayStart = Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
    const first = computeOffsetMs(dayStart, tz);
    const last = computeOffsetMs(dayStart + MS_PER_DAY - OFFSET_BUCKET_MS, tz);
    offset = first === last ? first : NaN;
    if (cache.size > 200_000) cache.clear();
    cache.set(dayKeyNum, offset);
  }
  if (!isNaN(offset)) return offset;
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
  let exact = cache.get(bucket);
  if (exact === undefined) {
    exact = computeOffsetMs(bucket * OFFSET_BUCKET_MS, tz);
    cache.set(bucket, exact);
  }
  return exact;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// Day conversions run millions of times in a refresh; both directions are memoised.
const keysByNumber = new Map<number, DayKey>();
const numbersByKey = new Map<DayKey, number>();
const MEMO_LIMIT = 100_000;

/** Days since 1970-01-01 → DayKey. */
export function dayKeyFromNumber(n: number): DayKey {
  let key = keysByNumber.get(n);
  if (key === undefined) {
    const d = new Date(n * MS_PER_DAY);
    key = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
    if (keysByNumber.size > MEMO_LIMIT) keysByNumber.clear();
    keysByNumber.set(n, key);
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
