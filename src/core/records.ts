/**
 * A tab's values (one batch read, header row first) → typed records, by header name. Bad cells
 * become blank values plus one sentence each; they never stop the other rows.
 */
import { readAmount } from './amounts';
import { parseDateCell, startOfDay } from './dates';
import { type ColumnCells, type Grid, cellOf, gridOfRows } from './grid';
import { type Lang, type Message, joinList, message, t } from './i18n';
import { enumReader, labels, readYesNo } from './lists';
import {
  type ColumnDef,
  type ColumnKey,
  type HeaderMatch,
  type RecordTypes,
  type TableName,
  TABLES,
  findHeaders,
  inColumnRange,
  tabName,
} from './schema';
import { MAX_TEXT_CHARS, type TextFault, clipText, codePointName, textFault } from './text';

export interface RowProblem {
  table: TableName;
  /** Position of the row among the data rows (0 = first row under the header). */
  index: number;
  /** The row's ID (or '' when it has none), so the problem can be found after a sort. */
  id: string;
  message: Message;
}

export interface TableRead<T extends TableName> {
  headers: HeaderMatch<ColumnKey<T>>;
  /** One per data row, in order; null for a row blank in every known column. */
  records: (RecordTypes[T] | null)[];
  problems: RowProblem[];
}

type BadKind = 'date' | 'number' | 'yesNo' | 'list' | 'range';

/**
 * What a parser returns for a cell it cannot read. A refresh parses millions of cells, so a parser
 * returns the value itself and signals a bad cell with one of these preallocated markers instead of
 * allocating a result object per cell.
 */
class Bad {
  constructor(readonly kind: BadKind) {}
}
const BAD = {
  date: new Bad('date'),
  number: new Bad('number'),
  yesNo: new Bad('yesNo'),
  list: new Bad('list'),
  range: new Bad('range'),
};

type Parser = (value: unknown) => unknown;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (typeof value === 'string' && value.trim() === '');
}

function trimmed(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  return v === null || v === undefined ? '' : String(v).trim();
}

function parserFor(def: ColumnDef, tz: string): Parser {
  switch (def.type) {
    case 'date':
      return (v) => {
        if (v instanceof Date && !isNaN(v.getTime())) return v;
        if (v === '' || v === null || v === undefined) return null;
        const cell = parseDateCell(v, tz);
        if (!cell.ok) return BAD.date;
        return cell.day === null ? null : startOfDay(cell.day, tz);
      };
    case 'number':
      return (v) => {
        let n: number;
        if (typeof v === 'number' && isFinite(v)) n = v;
        else {
          if (isBlank(v)) return null;
          const amount = readAmount(String(v));
          if (amount === null) return BAD.number;
          n = amount;
        }
        return inColumnRange(def, n) ? n : BAD.range;
      };
    case 'boolean':
      return (v) => {
        const b = readYesNo(v);
        return b === null ? BAD.yesNo : b;
      };
    case 'enum': {
      const read = enumReader(def.list ?? 'yesNo');
      return (v) => {
        if (isBlank(v)) return null;
        const code = read(v);
        return code === null ? BAD.list : code;
      };
    }
    case 'person':
    case 'plainText':
      return trimmed;
    case 'text':
      return (v) => {
        if (typeof v === 'string') return v;
        return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
      };
  }
}

/** A bad cell reads as blank: null, or false for a yes/no column. */
function blankFor(def: ColumnDef): unknown {
  return def.type === 'boolean' ? false : null;
}

/** The value a record holds for a column the tab does not have (or the caller did not read). */
function absentValue(def: ColumnDef, tz: string): unknown {
  const value = parserFor(def, tz)(null);
  return value instanceof Bad ? blankFor(def) : value;
}

const PROBLEM_KEYS = {
  date: 'problem.notADate',
  number: 'problem.notANumber',
  yesNo: 'problem.notYesNo',
  list: 'problem.notInList',
  range: 'problem.outOfRange',
} as const;

const TEXT_TYPES = new Set<ColumnDef['type']>(['text', 'plainText', 'person']);

interface Present {
  def: ColumnDef;
  key: string;
  col: number;
  parse: Parser;
}

/** A cell read as blank (kind), or a text kept as it is that breaks the text rule (fault). */
type BadCell = { r: number; order: number; def: ColumnDef; raw: unknown; kind: BadKind | TextFault };

/**
 * Parses one column into the records of data rows `first`.. (records[j] is row first + j), skipping
 * blank rows; bad cells read as blank and are noted in `bad` (null: a pass that does not collect the
 * problems, which then does not look for them). Rows outside the column's read hold ''. `r` in a
 * note is 1-based (the header is row 0).
 */
function fillColumn(
  records: (Record<string, unknown> | null)[],
  first: number,
  cells: ColumnCells | undefined,
  c: Present,
  order: number,
  bad: BadCell[] | null,
): void {
  const { key, parse } = c;
  const text = TEXT_TYPES.has(c.def.type);
  const length = cells?.cells.length ?? 0;
  const from = cells?.from ?? 0;
  for (let j = 0; j < records.length; j++) {
    const record = records[j];
    if (record === null) continue;
    const i = first + j;
    const k = i - from;
    const raw = cells !== undefined && k >= 0 && k < length ? cellOf(cells, k) : '';
    const value = parse(raw);
    if (value instanceof Bad) {
      record[key] = blankFor(c.def);
      bad?.push({ r: i + 1, order, def: c.def, raw, kind: value.kind });
    } else {
      record[key] = value;
      // Text that breaks the rule (docs/text.md) is kept as the cell holds it, never cut, and listed.
      const fault = bad !== null && text && typeof raw === 'string' ? textFault(raw) : null;
      if (fault !== null) bad?.push({ r: i + 1, order, def: c.def, raw, kind: fault });
    }
  }
}

/** Marks the rows first.. with something in this column (filled[j] is row first + j; marked rows are skipped). */
function markFilled(filled: Uint8Array, first: number, cells: ColumnCells | undefined): void {
  if (cells === undefined) return;
  const { cells: column, times, from } = cells;
  const lo = Math.max(first, from);
  const hi = Math.min(first + filled.length, from + column.length);
  for (let i = lo; i < hi; i++) {
    if (filled[i - first] === 1) continue;
    const k = i - from;
    if (!isBlank(column[k]) || (times !== null && times[k] === times[k])) filled[i - first] = 1;
  }
}

/**
 * Reads a tab: `values` is the whole block from the header row down. `firstRow` is the sheet row of
 * the header, used only to name a row that has no ID in a problem sentence. With `only`, the other
 * columns are neither parsed nor looked at (they hold their blank value in every record): for a
 * caller that read just those columns (openTable's `columns`).
 */
export function readTable<T extends TableName>(
  table: T,
  values: readonly (readonly unknown[])[],
  tz: string,
  lang: Lang = 'en',
  firstRow = 1,
  only?: ReadonlySet<ColumnKey<T>>,
): TableRead<T> {
  return readGrid(table, gridOfRows(values), tz, lang, firstRow, only);
}

/** readTable over a grid: each column is parsed from the cells it was read as. */
export function readGrid<T extends TableName>(
  table: T,
  grid: Grid,
  tz: string,
  lang: Lang = 'en',
  firstRow = 1,
  only?: ReadonlySet<ColumnKey<T>>,
): TableRead<T> {
  const parser = rowParser(table, grid, tz, only);
  const bad: BadCell[] = [];
  const records = parser.records(0, grid.length - 1, bad);
  return { headers: parser.headers, records, problems: rowProblems(table, bad, records, 0, lang, firstRow) };
}

/**
 * Records a pass goes through in row order (index 0 = the first data row), as an array or as a
 * RecordsInBlocks; what refreshClients, the reports and the emails read the contact log through.
 */
export interface RecordList<R> {
  readonly length: number;
  forEach(fn: (record: R | null, index: number) => void): void;
}

/** Rows a RecordsInBlocks makes records of at a time: a block's records are let go after it. */
export const BLOCK_ROWS = 2048;

/**
 * A tab's records made from its grid a block of rows at a time, each time they are gone through:
 * at 440,000 contacts an array of records is some 90 MB (one object per row, every field in it),
 * while the grid the blocks are made from is kept anyway (docs/scale.md, "Memory"). A record a pass
 * keeps is its own; records read again from the sheet (`replace`) take the place of the parsed ones.
 */
export class RecordsInBlocks<T extends TableName> implements RecordList<RecordTypes[T]> {
  readonly length: number;
  private readonly replaced = new Map<number, RecordTypes[T] | null>();

  constructor(
    private readonly parser: RowParser<T>,
    private readonly blockRows: number = BLOCK_ROWS,
    /** a parser of only some of the columns (forEachOf); without one, forEachOf parses them all */
    private readonly narrowed?: (keys: ReadonlySet<ColumnKey<T>>) => RowParser<T>,
  ) {
    this.length = parser.length;
  }

  forEach(fn: (record: RecordTypes[T] | null, index: number) => void): void {
    this.pass(this.parser, fn);
  }

  /**
   * forEach for a pass that looks at a few fields of every row (the rows nobody applied, the recent
   * ones): its records hold `keys` as forEach's do and the other fields blank, and a row blank in all
   * of `keys` is null. A row read again (`replace`) is given whole. Parsing a few columns instead of
   * all of them is most of such a pass's time (docs/scale.md, "Node time").
   */
  forEachOf(keys: readonly ColumnKey<T>[], fn: (record: RecordTypes[T] | null, index: number) => void): void {
    this.pass(this.narrowed ? this.narrowed(new Set(keys)) : this.parser, fn);
  }

  private pass(parser: RowParser<T>, fn: (record: RecordTypes[T] | null, index: number) => void): void {
    for (let first = 0; first < this.length; first += this.blockRows) {
      const last = Math.min(this.length, first + this.blockRows) - 1;
      const block = parser.records(first, last, null);
      for (let i = first; i <= last; i++) fn(this.replaced.has(i) ? this.replaced.get(i)! : block[i - first], i);
    }
  }

  /** The record of data row i. */
  at(i: number): RecordTypes[T] | null {
    if (this.replaced.has(i)) return this.replaced.get(i)!;
    return i >= 0 && i < this.length ? this.parser.records(i, i, null)[0] : null;
  }

  /** The records of data rows first..last (both included), as a pass would see them. */
  span(first: number, last: number): (RecordTypes[T] | null)[] {
    const block = this.parser.records(first, last, null);
    return block.map((record, j) => (this.replaced.has(first + j) ? this.replaced.get(first + j)! : record));
  }

  replace(i: number, record: RecordTypes[T] | null): void {
    this.replaced.set(i, record);
  }
}

/**
 * readGrid with its records made a block at a time (RecordsInBlocks): the problems come from one
 * pass over the blocks, the records are made again by each pass that goes through them.
 */
export function readGridInBlocks<T extends TableName>(
  table: T,
  grid: Grid,
  tz: string,
  lang: Lang = 'en',
  firstRow = 1,
  only?: ReadonlySet<ColumnKey<T>>,
  blockRows = BLOCK_ROWS,
): { headers: HeaderMatch<ColumnKey<T>>; records: RecordsInBlocks<T>; problems: RowProblem[] } {
  const parser = rowParser(table, grid, tz, only);
  const problems: RowProblem[] = [];
  for (let first = 0; first < grid.length; first += blockRows) {
    const last = Math.min(grid.length, first + blockRows) - 1;
    const bad: BadCell[] = [];
    const block = parser.records(first, last, bad);
    problems.push(...rowProblems(table, bad, block, first, lang, firstRow));
  }
  const narrowed = (keys: ReadonlySet<ColumnKey<T>>) =>
    rowParser(table, grid, tz, new Set([...keys].filter((k) => only === undefined || only.has(k))));
  return { headers: parser.headers, records: new RecordsInBlocks(parser, blockRows, narrowed), problems };
}

/** Makes the records of data rows first..last of a grid, noting bad cells in `bad` when given. */
interface RowParser<T extends TableName> {
  headers: HeaderMatch<ColumnKey<T>>;
  length: number;
  records(first: number, last: number, bad: BadCell[] | null): (RecordTypes[T] | null)[];
}

function rowParser<T extends TableName>(
  table: T,
  grid: Grid,
  tz: string,
  only?: ReadonlySet<ColumnKey<T>>,
): RowParser<T> {
  const headers = findHeaders(table, grid.header);
  const defs = TABLES[table] as readonly ColumnDef[];
  const present: Present[] = [];
  const absent: { key: string; value: unknown }[] = [];
  for (const def of defs) {
    const key = def.key as ColumnKey<T>;
    const col = headers.map[key];
    if (col !== undefined && (only === undefined || only.has(key))) {
      present.push({ def, key: def.key, col, parse: parserFor(def, tz) });
    } else absent.push({ key: def.key, value: absentValue(def, tz) });
  }
  // Every record starts as a copy of one template (absent values first, then the present keys, the
  // same key order as before): one shape for all records, no per-key transitions — much cheaper at
  // 250,000 rows, and what reads the records stays monomorphic. The template is made in one go by
  // Object.fromEntries: an object given 33 keys one at a time becomes a hash table in V8, and a copy
  // of one is five times slower to make than a copy of a plain object.
  const template: Record<string, unknown> = Object.fromEntries([
    ...absent.map((a) => [a.key, a.value] as const),
    ...present.map((c) => [c.key, null] as const),
  ]);
  return {
    headers,
    length: grid.length,
    records(first, last, bad) {
      const count = Math.max(0, last - first + 1);
      // Records first (null for blank rows), then one pass per column: each pass calls one parser and
      // stores one key, so both stay monomorphic over hundreds of thousands of rows.
      const filled = new Uint8Array(count);
      for (const c of present) markFilled(filled, first, grid.columns[c.col]);
      const records: (Record<string, unknown> | null)[] = new Array<Record<string, unknown> | null>(count);
      for (let j = 0; j < count; j++) records[j] = filled[j] === 1 ? { ...template } : null;
      present.forEach((c, order) => fillColumn(records, first, grid.columns[c.col], c, order, bad));
      return records as (RecordTypes[T] | null)[];
    },
  };
}

/** The problems of bad cells noted over records[j] = data row first + j, in row then column order. */
function rowProblems(
  table: TableName,
  bad: BadCell[],
  records: readonly (object | null)[],
  first: number,
  lang: Lang,
  firstRow: number,
): RowProblem[] {
  const tab = tabName(table, lang);
  const problems: RowProblem[] = [];
  bad.sort((a, b) => a.r - b.r || a.order - b.order);
  for (const b of bad) {
    const record = records[b.r - 1 - first] as Record<string, unknown>;
    const id = typeof record.id === 'string' ? record.id : '';
    const where = {
      tab,
      who: id !== '' ? id : t(lang, 'problem.row', { index: firstRow + b.r }),
      column: t(lang, b.def.label),
    };
    problems.push({ table, index: b.r - 1, id, message: problemMessage(b, where, lang) });
  }
  return problems;
}

function problemMessage(b: BadCell, where: { tab: string; who: string; column: string }, lang: Lang): Message {
  const kind = b.kind;
  if (typeof kind === 'object') {
    if (kind.kind === 'tooLong')
      return message('problem.textTooLong', { ...where, length: kind.length, max: MAX_TEXT_CHARS });
    const char = kind.kind === 'character' ? codePointName(kind.codePoint) : '';
    const position = kind.kind === 'character' ? kind.position : 0;
    return message('problem.badCharacter', { ...where, char, position });
  }
  return message(PROBLEM_KEYS[kind], {
    ...where,
    value: b.raw instanceof Date ? 'Invalid Date' : clipText(String(b.raw), 100),
    allowed: b.def.list ? joinList(labels(b.def.list, lang), lang) : '',
    min: b.def.min ?? '',
    max: b.def.max ?? '',
  });
}
