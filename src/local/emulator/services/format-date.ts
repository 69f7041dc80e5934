/**
 * Utilities.formatDate / parseDate: Java SimpleDateFormat patterns (the engine behind Apps Script's),
 * English names, zone maths via Intl.
 *
 * Source: https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * and https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html. Week fields follow the
 * en_US rules (weeks start on Sunday, week 1 is the week holding 1 January), so `YYYY` on 29 Dec 2025 is 2026.
 */
import { AppsScriptException } from '../runtime';
import { localParts, localToInstant, resolveZone, type LocalParts, type Zone } from './zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java's short names where Intl's en-US names differ ("GMT+8" for China); others fall back to GMT+hh:mm. */
const JAVA_SHORT_NAMES: Record<string, string> = {
  'Asia/Shanghai': 'CST',
  'Asia/Chongqing': 'CST',
  'Asia/Harbin': 'CST',
  'Asia/Taipei': 'CST',
  PRC: 'CST',
  'Asia/Hong_Kong': 'HKT',
  'Asia/Tokyo': 'JST',
  'Asia/Seoul': 'KST',
  'Asia/Singapore': 'SGT',
  'Asia/Kolkata': 'IST',
  'Asia/Calcutta': 'IST',
};

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const FIELD_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX');

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else {
          text += pattern[i++];
        }
      }
      tokens.push({ kind: 'literal', text });
    } else if (/[A-Za-z]/.test(c)) {
      if (!FIELD_LETTERS.has(c)) throw new AppsScriptException(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      tokens.push({ kind: 'field', letter: c, count });
      i += count;
    } else {
      tokens.push({ kind: 'literal', text: c });
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offsetText(minutes: number, withColon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${withColon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function zoneName(zone: Zone, ms: number, long: boolean): string {
  const offset = zone.offsetMinutes(ms);
  if (/^(GMT|UTC)[+-]/.test(zone.id)) return `GMT${offsetText(offset, true)}`;
  if (!long && JAVA_SHORT_NAMES[zone.id]) return JAVA_SHORT_NAMES[zone.id];
  if (!long && zone.id === 'Europe/London') return offset === 0 ? 'GMT' : 'BST';
  if (zone.id === 'GMT' || zone.id === 'UTC') return long ? 'Coordinated Universal Time' : zone.id;
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return /^GMT[+-]/.test(name) || name === '' ? `GMT${offsetText(offset, true)}` : name;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayOfYear(p: LocalParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
}

/** en_US week numbering: Sunday-first weeks, week 1 holds 1 January. */
function weekOfYear(p: LocalParts): { weekYear: number; week: number } {
  const doy = dayOfYear(p);
  if (doy + (6 - p.weekday) > (isLeap(p.year) ? 366 : 365)) return { weekYear: p.year + 1, week: 1 };
  const jan1Weekday = (((p.weekday - ((doy - 1) % 7)) % 7) + 7) % 7;
  return { weekYear: p.year, week: Math.floor((doy - 1 + jan1Weekday) / 7) + 1 };
}

function formatField(letter: string, count: number, p: LocalParts, zone: Zone, ms: number): string {
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
    case 'Y': {
      const year = letter === 'y' ? p.year : weekOfYear(p).weekYear;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[p.month - 1];
      if (count === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, count);
    case 'w':
      return pad(weekOfYear(p).week, count);
    case 'W': {
      const firstWeekday = (((p.weekday - ((p.day - 1) % 7)) % 7) + 7) % 7;
      return pad(Math.floor((p.day - 1 + firstWeekday) / 7) + 1, count);
    }
    case 'D':
      return pad(dayOfYear(p), count);
    case 'd':
      return pad(p.day, count);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'z':
      return zoneName(zone, ms, count >= 4);
    case 'Z':
      return offsetText(zone.offsetMinutes(ms), false);
    default: {
      // 'X': ISO 8601 offset; zero prints as Z
      const offset = zone.offsetMinutes(ms);
      if (count > 3) throw new AppsScriptException('invalid ISO 8601 format: length=' + count);
      if (offset === 0) return 'Z';
      if (count === 1) return offsetText(offset, false).slice(0, 3);
      return offsetText(offset, count === 3);
    }
  }
}

/** Java falls back to GMT for a zone id it does not know ([U] for Apps Script: not checked live). */
function zoneOrGmt(timeZone: string): Zone {
  return resolveZone(timeZone) ?? (resolveZone('GMT') as Zone);
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date)) throw new AppsScriptException('Invalid argument: date');
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new AppsScriptException('Invalid argument: date');
  const zone = zoneOrGmt(String(timeZone));
  const parts = localParts(ms, zone);
  return tokenize(String(pattern))
    .map((t) => (t.kind === 'literal' ? t.text : formatField(t.letter, t.count, parts, zone, ms)))
    .join('');
}

const NUMERIC = new Set('yYMLdHkKhmsSDwWFu');

/**
 * Strict-ish parse of the numeric and name fields (y, M/MMM/MMMM, d, H, h, a, m, s, S, E skipped);
 * adjacent numeric fields take exactly their width, as in Java ("yyyyMMdd").
 */
export function parseDate(text: string, timeZone: string, pattern: string): Date {
  const tokens = tokenize(String(pattern));
  const fail = (): never => {
    throw new AppsScriptException(`Unparseable date: "${text}"`);
  };
  const wall = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let pm: boolean | null = null;
  let hour12: number | null = null;
  let pos = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'literal') {
      if (!text.startsWith(t.text, pos)) fail();
      pos += t.text.length;
      return;
    }
    const next = tokens[i + 1];
    const adjacentNumber =
      next?.kind === 'field' && NUMERIC.has(next.letter) && !(next.letter === 'M' && next.count >= 3);
    if ((t.letter === 'M' || t.letter === 'L') && t.count >= 3) {
      const idx = MONTHS.findIndex((m) => text.slice(pos).toLowerCase().startsWith(m.toLowerCase()));
      const shortIdx = MONTHS.findIndex((m) => text.slice(pos, pos + 3).toLowerCase() === m.slice(0, 3).toLowerCase());
      if (idx >= 0) {
        wall.month = idx + 1;
        pos += MONTHS[idx].length;
      } else if (shortIdx >= 0) {
        wall.month = shortIdx + 1;
        pos += 3;
      } else fail();
      return;
    }
    if (t.letter === 'E') {
      const m = /^[A-Za-z]+/.exec(text.slice(pos));
      if (!m) fail();
      pos += (m as RegExpExecArray)[0].length;
      return;
    }
    if (t.letter === 'a') {
      const m = /^(AM|PM)/i.exec(text.slice(pos));
      if (!m) fail();
      pm = (m as RegExpExecArray)[0].toUpperCase() === 'PM';
      pos += 2;
      return;
    }
    if (!NUMERIC.has(t.letter)) fail();
    const digits = adjacentNumber ? text.slice(pos, pos + t.count) : (/^\d+/.exec(text.slice(pos))?.[0] ?? '');
    if (!/^\d+$/.test(digits)) fail();
    pos += digits.length;
    const n = Number(digits);
    if (t.letter === 'y') wall.year = t.count === 2 && digits.length <= 2 ? 2000 + n : n;
    else if (t.letter === 'M' || t.letter === 'L') wall.month = n;
    else if (t.letter === 'd') wall.day = n;
    else if (t.letter === 'H' || t.letter === 'k') wall.hour = n % 24;
    else if (t.letter === 'h' || t.letter === 'K') hour12 = n % 12;
    else if (t.letter === 'm') wall.minute = n;
    else if (t.letter === 's') wall.second = n;
    else if (t.letter === 'S') wall.millisecond = n;
  });
  if (pos !== text.length) fail();
  if (hour12 !== null) wall.hour = hour12 + (pm ? 12 : 0);
  return new Date(localToInstant(wall, zoneOrGmt(String(timeZone))));
}
