/**
 * Typed-input parsing: what setValue/setValues/appendRow do with a string, like text typed into the
 * Sheets UI (the Sheets API's USER_ENTERED mode).
 * Sources: https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
 * (a leading '=' makes a formula), https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption
 * (USER_ENTERED parses like the UI), gas-fakes notes/oddities.md ("Values").
 *
 * Parsed: '=' formulas (stored, never evaluated: the cached value is ''), a leading apostrophe (text),
 * TRUE/FALSE (any case), numbers with the locale's separators ("00123" → 123, "1e5", "1,000"),
 * percentages ("50%" → 0.5), the locale currency ("$1,000"), dates Y-M-D in any locale, D/M/Y or
 * M/D/Y by locale, "2026年3月1日", optional times, bare times ("14:30"). [U] A leading '+' that is not
 * a number starts a formula that fails to parse: the cell reads '#ERROR!'.
 * Not parsed (kept as text): two-part dates ("3/1"), month names, fractions, durations over 24 h.
 */
import type { CellValue } from '../model';
import { zonedDate } from './dates';
import type { LocaleInfo } from './locale';

export const FORMULA_ERROR = '#ERROR!';

/** The answers to the two open questions about plain-text cells (readings.ts). */
export interface PlainTextReadings {
  apostrophe: 'stripped' | 'kept';
  formula: 'formula' | 'text';
}

const KIND_PLAIN_TEXT: PlainTextReadings = { apostrophe: 'stripped', formula: 'text' };

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+${TIME})?$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:\s+${TIME})?$`);
const CJK_DATE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*${TIME})?$`);
const TIME_ONLY = new RegExp(String.raw`^${TIME}$`);

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses one typed string; `formula` and `impliedFormat` describe the last result. */
export class TypedInputParser {
  formula: string | null = null;
  /** a number format the input implies ('0%', '#,##0', currency), applied only to unformatted cells */
  impliedFormat: string | null = null;
  private readonly numberRe: RegExp;
  /** typed dates repeat a lot in a column: instant by input string */
  private readonly dateCache = new Map<string, number | null>();

  constructor(
    private readonly loc: LocaleInfo,
    private readonly timeZone: string,
    private readonly plainText: PlainTextReadings = KIND_PLAIN_TEXT,
  ) {
    const g = escape(loc.group === '\u202f' ? ' ' : loc.group);
    const d = escape(loc.decimal);
    this.numberRe = new RegExp(`^([+-]?)(\\d+|\\d{1,3}(?:${g}\\d{3})+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?$`);
  }

  /**
   * `textFormat`: the cell is formatted as plain text ('@'): nothing is parsed, except that whether
   * '=' still starts a formula and whether a leading apostrophe is still dropped are [U] (readings.ts
   * formulaInPlainText, apostropheInPlainText).
   */
  parse(input: string, textFormat: boolean): CellValue {
    this.formula = null;
    this.impliedFormat = null;
    if (input === '') return '';
    const first = input.charCodeAt(0);
    if (first === 61 /* = */ && input.length > 1 && !(textFormat && this.plainText.formula === 'text')) {
      this.formula = input;
      return '';
    }
    if (first === 39 /* ' */) return textFormat && this.plainText.apostrophe === 'kept' ? input : input.slice(1);
    if (textFormat) return input;
    // Fast path for ordinary words: only digits, signs, separators and currency start anything else.
    if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) {
      if (input.length === 4 || input.length === 5) {
        const upper = input.toUpperCase();
        if (upper === 'TRUE') return true;
        if (upper === 'FALSE') return false;
      }
      return input;
    }
    if (first > 127 && !input.startsWith(this.loc.currency)) return input;
    const s = input.trim();
    if (s === '') return input;
    const parsed = this.parseNumberLike(s) ?? this.cachedDate(s);
    if (parsed !== null) return parsed;
    if (s.charCodeAt(0) === 43 /* + */) {
      this.formula = `=${s}`;
      return FORMULA_ERROR;
    }
    const upper = s.toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    return input;
  }

  private cachedDate(s: string): Date | null {
    let ms = this.dateCache.get(s);
    if (ms === undefined) {
      ms = this.parseDate(s)?.getTime() ?? null;
      if (this.dateCache.size > 10_000) this.dateCache.clear();
      this.dateCache.set(s, ms);
    }
    return ms === null ? null : new Date(ms);
  }

  private parseNumberLike(s: string): number | null {
    if (isDigits(s)) return Number(s);
    let body = s;
    let sign = 1;
    let currency = false;
    let percent = false;
    if (body.startsWith('-') && body.slice(1).startsWith(this.loc.currency)) {
      sign = -1;
      body = body.slice(1);
    }
    if (body.startsWith(this.loc.currency)) {
      currency = true;
      body = body.slice(this.loc.currency.length).trim();
    } else if (body.endsWith(this.loc.currency)) {
      currency = true;
      body = body.slice(0, -this.loc.currency.length).trim();
    }
    if (body.endsWith('%') && !currency) {
      percent = true;
      body = body.slice(0, -1).trim();
    }
    const m = this.numberRe.exec(body);
    if (!m || (m[2] === undefined && m[3] === undefined)) return null;
    const grouped = m[2] !== undefined && m[2].length > 3 && !isDigits(m[2]);
    const plain = !grouped && this.loc.decimal === '.';
    const intText = grouped
      ? (m[2] as string).split(this.loc.group === '\u202f' ? ' ' : this.loc.group).join('')
      : (m[2] ?? '0');
    const value = (plain ? Number(body) : Number(`${m[1]}${intText}.${m[3] ?? '0'}e${m[4] ?? '0'}`)) * sign;
    if (!Number.isFinite(value)) return null;
    const decimals = m[3] ? '.00' : '';
    if (percent) {
      this.impliedFormat = `0${decimals}%`;
      return value / 100;
    }
    if (currency) this.impliedFormat = `"${this.loc.currency}"#,##0.00`;
    else if (grouped) this.impliedFormat = `#,##0${decimals}`;
    return value;
  }

  private parseDate(s: string): Date | null {
    let y: number;
    let mo: number;
    let d: number;
    let time: Array<string | undefined> = [];
    let m = YMD.exec(s);
    if (m) {
      [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
      time = m.slice(5, 9);
    } else if ((m = CJK_DATE.exec(s))) {
      [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      time = m.slice(4, 8);
    } else if ((m = YEAR_LAST.exec(s))) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      [mo, d] = this.loc.yearLastOrder === 'MDY' ? [a, b] : [b, a];
      y = Number(m[4]);
      if (m[4].length === 2) y += y < 30 ? 2000 : 1900;
      time = m.slice(5, 9);
    } else if ((m = TIME_ONLY.exec(s))) {
      const t = this.clock(m.slice(1, 5));
      return t ? zonedDate(this.timeZone, 1899, 12, 30, t[0], t[1], t[2]) : null;
    } else {
      return null;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
    const t = time[0] === undefined ? [0, 0, 0] : this.clock(time);
    if (!t) return null;
    return zonedDate(this.timeZone, y, mo, d, t[0], t[1], t[2]);
  }

  private clock([h, mi, sec, ampm]: Array<string | undefined>): [number, number, number] | null {
    let hour = Number(h);
    const minute = Number(mi);
    const second = Number(sec ?? 0);
    if (ampm) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
    return [hour, minute, second];
  }
}
