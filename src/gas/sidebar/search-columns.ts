/**
 * The client index: for each field (ID, name, contact, phone digits, email, owner, next owner) the
 * text of every Clients row, one line per row (row 2 on line 0), as search-lines.ts keeps it; plus
 * the forms a query is compared with (folded name and contact, lower-case email, upper-case ID, the
 * name's pinyin and initials), made from those texts in one go. Pure: no Apps Script here.
 */
import { Lines } from './search-lines';
import { phoneDigits } from '../../core/client-match';
import type { IndexEntry } from './index-entry';
import { pinyinLines } from './search-pinyin';

export const FIELDS = ['id', 'name', 'contact', 'phones', 'email', 'owner', 'nextOwner'] as const;
export type Field = (typeof FIELDS)[number];

export const KEYS = ['name', 'contact', 'email', 'id', 'pinyin'] as const;
type KeyField = (typeof KEYS)[number];

/** The field each key is made from: the pinyin of the name (full and initials, search-pinyin.ts). */
export const KEY_SOURCE: Readonly<Record<KeyField, Field>> = {
  name: 'name',
  contact: 'contact',
  email: 'email',
  id: 'id',
  pinyin: 'name',
};

// ---- cells to lines

const NON_ASCII = /[^\x00-\x7f]/;
/** JavaScript's \s without \n: what fold drops, except the line breaks between rows. */
const SPACE_NOT_NL = '\\t\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const FOLD_DROP = new RegExp(`[${SPACE_NOT_NL}\\p{P}\\p{S}]+`, 'gu');
/** The ASCII part of the same set: tab and the like, space, and every ASCII punctuation mark and symbol. */
const FOLD_DROP_ASCII = /[\t\v\f\r !-/:-@[-`{-~]+/g;
/**
 * After NFKC and the ASCII drops, text made only of these holds nothing fold drops: ASCII letters,
 * digits and controls, Latin letters, kana, CJK ideographs, Hangul. Most registers are only these,
 * and the Unicode-class replace is the slow part of folding a whole column.
 */
const NOTHING_TO_DROP =
  /^[\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]*$/;

/** fold() (core/client-match.ts) of every line at once; the line breaks stay (fold would drop them). */
export function foldLines(text: string): string {
  const ascii = !NON_ASCII.test(text);
  const dropped = (ascii ? text : text.normalize('NFKC')).toLowerCase().replace(FOLD_DROP_ASCII, '');
  return ascii || NOTHING_TO_DROP.test(dropped) ? dropped : dropped.replace(FOLD_DROP, '');
}

/**
 * What a cell holds, as one trimmed line: tabs and line breaks inside a cell become a space (the
 * index keeps one cell per line), as String(value) otherwise.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

/** A tab, carriage return or line break in a cell, or a cell starting or ending with a space. */
const UNTIDY = new RegExp(`[\\t\\r]|[${SPACE_NOT_NL}]\\n|\\n[${SPACE_NOT_NL}]|^\\s|\\s$`);

/** The cells of each column of a getValues block (rows × width), in one pass over the rows. */
export function blockColumns(block: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns = Array.from({ length: width }, () => new Array<unknown>(block.length));
  for (let r = 0; r < block.length; r++) {
    const row = block[r];
    for (let c = 0; c < width; c++) columns[c][r] = row[c];
  }
  return columns;
}

/**
 * cellText of every cell, one per line, as `shape` makes them (phones: their digits). The usual case
 * is one join, checked afterwards rather than tidying each cell: untidy cells show in the text
 * (tabs, spaces next to a line break), and a line break inside a cell as one line too many. Only
 * then is each cell tidied.
 */
function cellLines(cells: readonly unknown[], shape: (text: string) => string): Lines {
  const joined = cells.join('\n');
  if (!UNTIDY.test(joined)) {
    const lines = Lines.of(shape(joined), cells.length);
    if (lines.rows === cells.length) return lines;
  }
  return Lines.of(shape(cells.map(cellText).join('\n')), cells.length);
}

// ---- phones

const BEFORE_LINE = '(?<=^|\\n)';
const LINE_END = '(?=\\n|$)';
/** On a line of digits only, what phoneDigits drops in front: 0086, or 86 before 11 digits. */
const COUNTRY_CODE = new RegExp(`${BEFORE_LINE}(?:0086|86(?=\\d{11}${LINE_END}))(?=\\d*${LINE_END})`, 'g');
/** A line of digits too short to be a phone number. */
const TOO_SHORT = new RegExp(`${BEFORE_LINE}\\d{1,4}${LINE_END}`, 'g');
/** A line with something else than digits: spaces, dashes, +86, several numbers. */
const FORMATTED = new RegExp(`${BEFORE_LINE}\\d*[^\\d\\n][^\\n]*`, 'g');

/**
 * phoneDigits(line).join(' ') for every line. Numbers stored as plain digits (most of a register)
 * are handled by two replaces over the whole text; only formatted ones go through phoneDigits.
 */
export function phoneLines(text: string): string {
  const nfkc = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  const digits = nfkc.replace(COUNTRY_CODE, '').replace(TOO_SHORT, '');
  return digits.replace(FORMATTED, (line) => phoneDigits(line).join(' '));
}

// ---- the index

function keyOf(field: KeyField, text: string): string {
  switch (field) {
    case 'name':
    case 'contact':
      return foldLines(text);
    case 'email':
      return text.toLowerCase();
    case 'id':
      return text.toUpperCase();
    case 'pinyin':
      return pinyinLines(foldLines(text));
  }
}

type FieldLines = Readonly<Record<Field, Lines>>;
export type KeyLines = Partial<Record<KeyField, Lines>>;

/** The index: the same number of lines in every field. Keys are made when first asked for, unless given. */
export class IndexTexts {
  private readonly keys: KeyLines;

  constructor(
    readonly rows: number,
    readonly fields: FieldLines,
    keys: KeyLines = {},
    /** the sheet row of line 0: the row under the header (header-row.ts) */
    readonly firstRow = 2,
  ) {
    this.keys = { ...keys };
  }

  /** From the cells of each field's column (getValues, one cell per row); a missing column is blank. */
  static fromCells(
    rows: number,
    cells: Readonly<Partial<Record<Field, readonly unknown[]>>>,
    firstRow = 2,
  ): IndexTexts {
    const fields = {} as Record<Field, Lines>;
    for (const f of FIELDS) {
      const column = cells[f];
      const shape = f === 'phones' ? phoneLines : (text: string): string => text;
      fields[f] = column ? cellLines(column, shape) : Lines.blank(rows);
    }
    return new IndexTexts(rows, fields, {}, firstRow);
  }

  /** The matching form of a field, one line per row. */
  key(field: KeyField): Lines {
    let k = this.keys[field];
    if (k === undefined) {
      const made = this.fields[KEY_SOURCE[field]].map((piece) => keyOf(field, piece));
      // Pinyin is mostly blank lines (names without Chinese): cut again, into fewer cache values.
      k = field === 'pinyin' ? Lines.of(made.whole(), made.rows) : made;
      this.keys[field] = k;
    }
    return k;
  }

  value(field: Field, line: number): string {
    return this.fields[field].value(line);
  }

  entry(line: number): IndexEntry {
    const at = (f: Field): string => this.value(f, line);
    return {
      row: line + this.firstRow,
      id: at('id'),
      name: at('name'),
      contact: at('contact'),
      phones: at('phones'),
      email: at('email'),
      owner: at('owner'),
      nextOwner: at('nextOwner'),
    };
  }

  entries(): IndexEntry[] {
    return Array.from({ length: this.rows }, (_, i) => this.entry(i));
  }

  /** The first line whose upper-case ID is `upperId`, or -1. */
  lineOfId(upperId: string): number {
    return upperId === '' ? -1 : this.key('id').find(upperId);
  }

  /**
   * A copy with one row's fields changed, or a row added past the end (blank rows in between):
   * what the sidebar just wrote, without reading the tab again.
   */
  withRow(row: number, changes: Partial<Omit<IndexEntry, 'row'>>): IndexTexts {
    const line = row - this.firstRow;
    if (line < 0) return this;
    const rows = Math.max(this.rows, line + 1);
    const fields = { ...this.fields };
    for (const f of FIELDS) {
      const value = changes[f];
      if (value !== undefined) fields[f] = fields[f].with(line, f === 'phones' ? value : cellText(value));
      else if (rows > this.rows) fields[f] = fields[f].with(line, '');
    }
    const keys: KeyLines = {};
    for (const k of KEYS) if (fields[KEY_SOURCE[k]] === this.fields[KEY_SOURCE[k]]) keys[k] = this.keys[k];
    return new IndexTexts(rows, fields, keys, this.firstRow);
  }
}
