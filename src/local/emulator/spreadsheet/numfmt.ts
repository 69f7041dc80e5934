/**
 * getDisplayValues: renders a stored value with the cell's number format, the spreadsheet locale and
 * time zone. Source: https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
 * and the pattern syntax at https://developers.google.com/workspace/sheets/api/guides/formats.
 *
 * Supported: date/time tokens (yyyy yy m mm mmm mmmm d dd ddd dddd h hh s ss am/pm, quoted literals,
 * backslash escapes), number patterns built from 0 # , . % with literal prefixes/suffixes and up to
 * two ';' sections, and '@'. Anything else renders like the General format.
 */
import type { CellValue } from '../model';
import { toSerial, fromSerial, wallClock } from './dates';
import type { LocaleInfo } from './locale';

type DateToken =
  { kind: 'lit'; text: string } | { kind: 'y' | 'M' | 'min' | 'd' | 'h' | 's' | 'ampm' | 'm?'; len: number };

const dateTokenCache = new Map<string, DateToken[]>();

function stripLiterals(pattern: string): string {
  return pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

const datePatternCache = new Map<string, boolean>();

export function isDatePattern(pattern: string): boolean {
  let result = datePatternCache.get(pattern);
  if (result === undefined) {
    const bare = stripLiterals(pattern.split(';')[0]);
    result = /[ydhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
    datePatternCache.set(pattern, result);
  }
  return result;
}

function tokenizeDate(pattern: string): DateToken[] {
  const cached = dateTokenCache.get(pattern);
  if (cached) return cached;
  const tokens: DateToken[] = [];
  let i = 0;
  const lit = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === 'lit') last.text += text;
    else tokens.push({ kind: 'lit', text });
  };
  while (i < pattern.length) {
    const ch = pattern[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      lit(pattern.slice(i + 1, end < 0 ? pattern.length : end));
      i = end < 0 ? pattern.length : end + 1;
    } else if (ch === '\\') {
      lit(pattern[i + 1] ?? '');
      i += 2;
    } else if (pattern.slice(i, i + 5).toLowerCase() === 'am/pm' || pattern.slice(i, i + 3).toLowerCase() === 'a/p') {
      const len = pattern.slice(i, i + 5).toLowerCase() === 'am/pm' ? 5 : 3;
      tokens.push({ kind: 'ampm', len });
      i += len;
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < pattern.length && pattern[j].toLowerCase() === lower) j++;
      const len = j - i;
      const kind = lower === 'y' ? 'y' : lower === 'd' ? 'd' : lower === 'h' ? 'h' : lower === 's' ? 's' : 'm?';
      tokens.push({ kind, len });
      i = j;
    } else if (ch === '.' && pattern[i + 1] === '0') {
      // fractional seconds are not rendered
      let j = i + 1;
      while (pattern[j] === '0') j++;
      i = j;
    } else {
      lit(ch);
      i++;
    }
  }
  // m/mm right after an hour or right before seconds means minutes, else months.
  const fields = tokens.filter((t) => t.kind !== 'lit');
  fields.forEach((t, k) => {
    if (t.kind !== 'm?') return;
    const prev = fields[k - 1];
    const next = fields[k + 1];
    const minute = t.len <= 2 && ((prev && prev.kind === 'h') || (next && next.kind === 's'));
    (t as { kind: string }).kind = minute ? 'min' : 'M';
  });
  dateTokenCache.set(pattern, tokens);
  return tokens;
}

const nameCache = new Map<string, string[]>();

function names(bcp47: string, field: 'month' | 'weekday', width: 'long' | 'short'): string[] {
  const key = `${bcp47}|${field}|${width}`;
  let list = nameCache.get(key);
  if (!list) {
    const f = new Intl.DateTimeFormat(bcp47, { [field]: width, timeZone: 'UTC' });
    list =
      field === 'month'
        ? Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2021, m, 1)))
        : Array.from({ length: 7 }, (_, d) => f.format(Date.UTC(2021, 0, 3 + d)));
    nameCache.set(key, list);
  }
  return list;
}

const pad = (n: number, len: number): string => String(n).padStart(len, '0');

export function formatDate(date: Date, pattern: string, loc: LocaleInfo, timeZone: string): string {
  const tokens = tokenizeDate(pattern);
  const w = wallClock(date, timeZone);
  const twelve = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'lit':
        out += t.text;
        break;
      case 'y':
        out += t.len <= 2 ? pad(w.year % 100, 2) : String(w.year);
        break;
      case 'M':
        if (t.len <= 2) out += pad(w.month, t.len);
        else if (t.len === 3) out += names(loc.bcp47, 'month', 'short')[w.month - 1];
        else if (t.len === 4) out += names(loc.bcp47, 'month', 'long')[w.month - 1];
        else out += names(loc.bcp47, 'month', 'long')[w.month - 1].charAt(0);
        break;
      case 'min':
        out += pad(w.minute, t.len);
        break;
      case 'd':
        if (t.len <= 2) out += pad(w.day, t.len);
        else out += names(loc.bcp47, 'weekday', t.len === 3 ? 'short' : 'long')[w.weekday];
        break;
      case 'h': {
        const h = twelve ? ((w.hour + 11) % 12) + 1 : w.hour;
        out += pad(h, Math.min(t.len, 2));
        break;
      }
      case 's':
        out += pad(w.second, Math.min(t.len, 2));
        break;
      case 'ampm':
        out += t.len === 5 ? (w.hour < 12 ? 'AM' : 'PM') : w.hour < 12 ? 'A' : 'P';
        break;
      case 'm?':
        break;
    }
  }
  return out;
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  minFrac: number;
  maxFrac: number;
  group: boolean;
  percent: boolean;
}

const numberPatternCache = new Map<string, NumberPattern>();

function parseNumberSection(section: string): NumberPattern {
  const cached = numberPatternCache.get(section);
  if (cached) return cached;
  let prefix = '';
  let suffix = '';
  let core = '';
  let seenCore = false;
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    let text = '';
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      text = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      text = section[i + 1] ?? '';
      i += 2;
    } else if (ch === '[') {
      // [$€-407] style currency blocks: keep the symbol
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      text = inner.startsWith('$') ? inner.slice(1).split('-')[0] : '';
      i = end < 0 ? section.length : end + 1;
    } else if ('0#?,.'.includes(ch)) {
      core += ch;
      seenCore = true;
      i++;
      continue;
    } else if (ch === '_' || ch === '*') {
      i += 2;
      continue;
    } else {
      text = ch;
      i++;
    }
    if (seenCore) suffix += text;
    else prefix += text;
  }
  const [intPart, fracPart = ''] = core.split('.');
  const pattern: NumberPattern = {
    prefix,
    suffix,
    minInt: (intPart.match(/0/g) ?? []).length,
    minFrac: (fracPart.match(/0/g) ?? []).length,
    maxFrac: (fracPart.match(/[0#?]/g) ?? []).length,
    group: /[0#?],[0#?]/.test(intPart),
    percent: (prefix + suffix).includes('%'),
  };
  numberPatternCache.set(section, pattern);
  return pattern;
}

function groupDigits(digits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

function formatWithPattern(abs: number, p: NumberPattern, loc: LocaleInfo): string {
  const scaled = p.percent ? abs * 100 : abs;
  let fixed = scaled.toFixed(p.maxFrac);
  if (p.maxFrac > p.minFrac) {
    const [ip, fp] = fixed.split('.');
    const trimmed = fp.replace(/0+$/, '').padEnd(p.minFrac, '0');
    fixed = trimmed ? `${ip}.${trimmed}` : ip;
  }
  const [whole, frac = ''] = fixed.split('.');
  const intDigits = (whole === '0' && p.minInt === 0 ? '' : whole).padStart(p.minInt, '0');
  const intText = p.group ? groupDigits(intDigits, loc.group) : intDigits;
  return p.prefix + intText + (frac ? loc.decimal + frac : '') + p.suffix;
}

export function formatNumber(value: number, pattern: string, loc: LocaleInfo): string {
  const sections = pattern.split(';');
  if (value < 0 && sections.length > 1) return formatWithPattern(-value, parseNumberSection(sections[1]), loc);
  const p = parseNumberSection(sections[0]);
  const text = formatWithPattern(Math.abs(value), p, loc);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** Sheets' General format: integers in full, others to 10 significant digits, scientific when huge or tiny. */
export function formatGeneral(value: number, loc: LocaleInfo): string {
  if (!Number.isFinite(value)) return '#NUM!';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    return value
      .toExponential(2)
      .toUpperCase()
      .replace(/E([+-])(\d)$/, 'E$10$2');
  }
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return loc.decimal === '.' ? text : text.replace('.', loc.decimal);
}

/** "general", which getNumberFormat reads back as the default '0.###############', shows as General. */
function isGeneral(pattern: string): boolean {
  return pattern.toLowerCase() === 'general' || pattern === '0.###############';
}

/** The display string of one stored value; `pattern` is the cell's number format, if any. */
export function displayValue(value: CellValue, pattern: string | undefined, loc: LocaleInfo, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const usable = pattern && pattern !== '@' && !isGeneral(pattern) ? pattern : undefined;
  if (value instanceof Date) {
    if (usable && !isDatePattern(usable)) return formatNumber(toSerial(value, timeZone), usable, loc);
    if (usable) return formatDate(value, usable, loc, timeZone);
    const w = wallClock(value, timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    return formatDate(value, midnight ? loc.defaultDate : loc.defaultDateTime, loc, timeZone);
  }
  if (usable && isDatePattern(usable)) return formatDate(fromSerial(value, timeZone), usable, loc, timeZone);
  if (usable) return formatNumber(value, usable, loc);
  return formatGeneral(value, loc);
}
