/**
 * Header-mapped batch IO for the tables of the workbook. One read brings a whole tab (header row
 * included); writes go one column or one block at a time. Columns are found by header name in every
 * read and write, never by position: users reorder columns and add their own. The header row is
 * the one the header finder picks (header-row.ts: a title may sit above it); data starts under it.
 */
import type { Lang } from '../core/i18n';
import { message, t } from '../core/i18n';
import { APPEND_SPARE_ROWS, type Grid, cellAt, columnOf, gridOfRows, spanOf } from '../core/grid';
import { HEADER_SCAN_ROWS } from '../core/header-row';
import { type RecordsInBlocks, type TableRead, readGrid, readGridInBlocks } from '../core/records';
import {
  type ColumnDef,
  type ColumnKey,
  type HeaderMatch,
  type TableName,
  TABLES,
  column,
  findHeaders,
  matchTabName,
  tabName,
} from '../core/schema';
import { keepTableCoveredIfGrown } from './coverage';
import { UserError } from './errors';
import { headerFromTop, readSheetHeader } from './header-row';
import { forgetReads, heldRead, holdRead, memoActive } from './read-memo';
import { knownNames, nameOf } from './tab-names';
import { sheetIdOf } from './tab-names';

export { nameOf, renamed } from './tab-names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A tab read in one batch: the sheet, its header mapping, the cells read and the parsed records. */
export interface Table<T extends TableName> extends TableRead<T> {
  table: T;
  sheet: Sheet;
  /** the cells as getValues returned them (cellAt reads one) */
  grid: Grid;
  lastColumn: number;
  /** 1-based sheet row of the header: data row i is on sheet row headerRow + 1 + i */
  headerRow: number;
}

/** The sheet row of a table's data row `index` (0 = the first row under the header). */
export function sheetRow(tbl: { headerRow: number }, index: number): number {
  return tbl.headerRow + 1 + index;
}

/**
 * The spreadsheet's tabs by name. Listing them costs a call per tab (getSheets, then getName on each):
 * a workbook with seven report tabs and a team's own tabs costs fifteen or more before any work. So,
 * given the workbook's language, findTab first asks for the tab by its name in that language (one
 * call, docs/apps-script.md item 30); the names are listed only when that misses or when the code
 * reads the map itself (keys, get, a loop). So a tab named exactly in the workbook's language is the
 * table's tab wherever it sits; otherwise the list decides (matchTabName). Every operation opens tabs
 * this way, Set up included once it knows the language, so they all agree on which tab is which.
 */
export class Tabs extends Map<string, Sheet> {
  private listed = false;

  constructor(
    private readonly ss: Spreadsheet,
    readonly lang: Lang | null,
  ) {
    super();
  }

  /** The tab named exactly `name`, by one lookup while the names are not listed. */
  byName(name: string): Sheet | null {
    if (this.listed || super.has(name)) return super.get(name) ?? null;
    const sheet = this.ss.getSheetByName(name);
    if (sheet) {
      super.set(name, sheet);
      knownNames.set(sheet, name);
    }
    return sheet;
  }

  private list(): void {
    if (this.listed) return;
    this.listed = true;
    super.clear();
    for (const sheet of this.ss.getSheets()) {
      const name = sheet.getName();
      knownNames.set(sheet, name);
      if (!super.has(name)) super.set(name, sheet);
    }
  }

  override get(name: string): Sheet | undefined {
    this.list();
    return super.get(name);
  }
  override has(name: string): boolean {
    this.list();
    return super.has(name);
  }
  override set(name: string, sheet: Sheet): this {
    this.list();
    knownNames.set(sheet, name);
    return super.set(name, sheet);
  }
  override delete(name: string): boolean {
    this.list();
    return super.delete(name);
  }
  override get size(): number {
    this.list();
    return super.size;
  }
  override keys(): MapIterator<string> {
    this.list();
    return super.keys();
  }
  override values(): MapIterator<Sheet> {
    this.list();
    return super.values();
  }
  override entries(): MapIterator<[string, Sheet]> {
    this.list();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, Sheet]> {
    return this.entries();
  }
  override forEach(fn: (sheet: Sheet, name: string, map: Map<string, Sheet>) => void, self?: unknown): void {
    this.list();
    super.forEach(fn, self);
  }
}

/**
 * The tabs of the spreadsheet by name. With the workbook's language, tabs are looked up one by one
 * until the code needs the whole list (Tabs); without it, listed at once.
 */
export function sheetsByName(ss: Spreadsheet, lang: Lang | null = null): Map<string, Sheet> {
  return new Tabs(ss, lang);
}

/** The name of the table's tab as the user sees it, or as Set up would create it when there is none. */
export function tabLabel(sheets: Map<string, Sheet>, table: TableName, lang: Lang): string {
  const sheet = findTab(sheets, table);
  return sheet ? nameOf(sheet) : tabName(table, lang);
}

export function findTab(sheets: Map<string, Sheet>, table: TableName): Sheet | null {
  const lang = sheets instanceof Tabs ? sheets.lang : null;
  if (sheets instanceof Tabs && lang !== null) {
    const quick = sheets.byName(tabName(table, lang));
    if (quick) return quick;
  }
  const name = matchTabName(table, [...sheets.keys()]);
  return name === null ? null : (sheets.get(name) ?? null);
}

export interface OpenOptions<T extends TableName> {
  lang: Lang;
  tz: string;
  /** columns that must exist (else a UserError naming the column) */
  needs?: readonly ColumnKey<T>[];
  /**
   * Read only these columns (plus `needs`): the other cells of `grid` are blank and the records
   * hold blank values there. Without it the whole tab is read.
   */
  columns?: readonly ColumnKey<T>[];
  /** With `columns`: columns read only over the rows dated from `sinceMs` on (see fillRecent). */
  recent?: RecentColumns<T>;
}

/**
 * Columns a caller needs only for rows dated inside a recent window (the daily and monthly reports'
 * "by whom" and "which channel"). A log is appended as things happen, so those rows are the last
 * ones: the columns are read over the span from the first to the last row dated in the window (or
 * whose date is not a date), which in a log sorted any other way may be every row. Outside the span
 * the records hold blank values there.
 */
export interface RecentColumns<T extends TableName> {
  columns: readonly ColumnKey<T>[];
  /** the date column that decides; it is read in full */
  dateKey: ColumnKey<T>;
  sinceMs: number;
}

/**
 * Opens a table for an operation: the tab must exist and hold every column the operation needs,
 * else one sentence in the user's language and nothing is written.
 */
export function openTable<T extends TableName>(sheets: Map<string, Sheet>, table: T, opts: OpenOptions<T>): Table<T> {
  const { grid, headerRow, sheet, parsed } = openGrid(sheets, table, opts);
  const read = readGrid(table, grid, opts.tz, opts.lang, headerRow, parsed);
  requireColumns(sheet, table, read.headers, opts);
  return { ...read, table, sheet, grid, lastColumn: grid.header.length, headerRow };
}

/** A table whose records are made a block of rows at a time, each time a pass goes through them. */
export interface LogTable<T extends TableName> extends Omit<Table<T>, 'records'> {
  records: RecordsInBlocks<T>;
}

/**
 * openTable for a log read in full by a pass over every client (Contacts, for Refresh, Pool release,
 * the reports and the emails): the cells are read the same way, and the records are made from them a
 * block of rows at a time (RecordsInBlocks), never all at once (docs/scale.md, "Memory").
 */
export function openLog<T extends TableName>(sheets: Map<string, Sheet>, table: T, opts: OpenOptions<T>): LogTable<T> {
  const { grid, headerRow, sheet, parsed } = openGrid(sheets, table, opts);
  const read = readGridInBlocks(table, grid, opts.tz, opts.lang, headerRow, parsed);
  requireColumns(sheet, table, read.headers, opts);
  return { ...read, table, sheet, grid, lastColumn: grid.header.length, headerRow };
}

/** The tab must hold every column the operation needs, else one sentence and nothing is written. */
function requireColumns<T extends TableName>(
  sheet: Sheet,
  table: T,
  headers: HeaderMatch<ColumnKey<T>>,
  opts: OpenOptions<T>,
): void {
  const needed = new Set<ColumnKey<T>>([...headers.missingRequired, ...(opts.needs ?? [])]);
  for (const key of needed) {
    if (headers.map[key] === undefined) {
      const def = column(table, key);
      throw new UserError(
        opts.lang,
        message('error.missingColumn', { tab: nameOf(sheet), column: t(opts.lang, def.label) }),
      );
    }
  }
}

/** The cells an operation reads of a table, and the columns to parse (undefined: all). */
function openGrid<T extends TableName>(
  sheets: Map<string, Sheet>,
  table: T,
  opts: OpenOptions<T>,
): GridRead & { sheet: Sheet; parsed: ReadonlySet<ColumnKey<T>> | undefined } {
  const sheet = findTab(sheets, table);
  if (!sheet) throw new UserError(opts.lang, message('error.missingTab', { tab: tabName(table, opts.lang) }));
  const held = memoActive(table);
  // Inside the daily run's memo every column is read in full: later steps (the emails) use them all.
  const recent = opts.columns && opts.recent && !held ? opts.recent : undefined;
  const only = opts.columns
    ? new Set<ColumnKey<T>>([
        ...opts.columns,
        ...(opts.needs ?? []),
        ...(opts.recent ? (recent ? [opts.recent.dateKey] : opts.recent.columns) : []),
      ])
    : undefined;
  const { grid, headerRow } =
    held || only ? readColumns(sheet, table, opts.lang, only, held) : readWhole(sheet, table, opts.lang);
  if (recent) fillRecent(sheet, table, grid, recent, headerRow);
  const parsed = recent && only ? new Set<ColumnKey<T>>([...only, ...recent.columns]) : only;
  return { grid, headerRow, sheet, parsed };
}

interface GridRead {
  grid: Grid;
  /** 1-based sheet row of the header */
  headerRow: number;
}

/** The whole data range in one read; the rows above the header (a title) are left out. */
function readWhole<T extends TableName>(sheet: Sheet, table: T, lang: Lang): GridRead {
  const values = sheet.getDataRange().getValues() as unknown[][];
  const headerRow = headerFromTop(nameOf(sheet), table, values.slice(0, HEADER_SCAN_ROWS), lang).row;
  return { grid: gridOfRows(headerRow === 1 ? values : values.slice(headerRow - 1)), headerRow };
}

/**
 * The data range with only some columns read (all of them without `wanted`): the header row, then
 * one getValues per run of adjacent wanted columns (so the calls depend on the header layout, never
 * on the rows); the other columns read as ''. Apps Script's cost grows with the cells moved, and
 * most operations need a few of a tab's columns.
 *
 * With `hold` (inside the daily run's memo, read-memo.ts) the grid is kept for the rest of the
 * execution and used again while the tab's size and header row are unchanged: a later step reads
 * only the columns no earlier step read.
 */
function readColumns<T extends TableName>(
  sheet: Sheet,
  table: T,
  lang: Lang,
  wanted: ReadonlySet<ColumnKey<T>> | undefined,
  hold = false,
): GridRead {
  const found = readSheetHeader(sheet, table, lang);
  const { lastRow, lastColumn, header, row: headerRow } = found;
  if (lastRow <= headerRow || lastColumn < 1) {
    return {
      grid: gridOfRows(found.top.slice(headerRow - 1, headerRow + Math.max(0, lastRow - headerRow))),
      headerRow,
    };
  }
  const id = hold ? sheetIdOf(sheet) : 0;
  const held = hold ? heldRead(id) : undefined;
  const same =
    held !== undefined &&
    held.length === lastRow - headerRow &&
    held.header.length === lastColumn &&
    header.every((h, c) => String(h) === String(held.header[c]));
  const grid: Grid = same
    ? held
    : { header, length: lastRow - headerRow, columns: new Array<undefined>(lastColumn).fill(undefined) };
  if (hold && !same) holdRead(id, grid);
  readInto(
    sheet,
    grid,
    headerRow,
    wantedColumns(table, header, wanted).filter((c) => grid.columns[c] === undefined),
  );
  return { grid, headerRow };
}

/** 0-based columns of the wanted keys (all columns without `wanted`), in order. */
function wantedColumns<T extends TableName>(
  table: T,
  header: readonly unknown[],
  wanted?: ReadonlySet<ColumnKey<T>>,
): number[] {
  if (!wanted) return header.map((_, c) => c);
  const map = findHeaders(table, header).map;
  return [...wanted]
    .map((key) => map[key])
    .filter((c): c is number => c !== undefined)
    .sort((a, b) => a - b);
}

/**
 * Reads the data cells of `cols` (sorted) into the grid, one getValues per run of adjacent columns,
 * over the data rows `first`..`last` (0-based; all data rows by default) under the header row.
 */
function readInto(
  sheet: Sheet,
  grid: Grid,
  headerRow: number,
  cols: readonly number[],
  first = 0,
  last = grid.length - 1,
): void {
  if (last < first) return;
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] <= cols[j] + 1) j++;
    const from = cols[i];
    const width = cols[j] - from + 1;
    const rows = sheet.getRange(headerRow + 1 + first, from + 1, last - first + 1, width).getValues();
    // Kept as flat columns: the row arrays getValues made are let go at once (core/grid.ts).
    for (let c = 0; c < width; c++) grid.columns[from + c] = columnOf(rows, c, first);
    i = j + 1;
  }
}

/**
 * Reads the recent columns over the span of rows dated from `sinceMs` on, or whose date cell holds
 * something that is not a date (it may still read as one: better read than missed). With no such
 * row the last row is read, so the calls never depend on the dates.
 */
function fillRecent<T extends TableName>(
  sheet: Sheet,
  table: T,
  grid: Grid,
  recent: RecentColumns<T>,
  headerRow: number,
): void {
  if (grid.length < 1) return;
  const map = findHeaders(table, grid.header).map;
  const dateCol = map[recent.dateKey];
  const cols = wantedColumns(table, grid.header, new Set(recent.columns));
  const span = spanOf(grid.length, (r) => {
    if (dateCol === undefined) return true;
    const v = cellAt(grid, r, dateCol);
    return v instanceof Date ? !(v.getTime() < recent.sinceMs) : v !== '' && v !== null && v !== undefined;
  }) ?? { first: grid.length - 1, last: grid.length - 1 };
  readInto(sheet, grid, headerRow, cols, span.first, span.last);
}

/** 0-based column index of a key; the caller has asked for it in `needs`. */
export function columnIndex<T extends TableName>(tbl: Table<T>, key: ColumnKey<T>): number {
  const index = tbl.headers.map[key];
  if (index === undefined) throw new Error(`${tbl.table}.${String(key)} was not opened`);
  return index;
}

/** Sheets' limit on the characters in one cell. */
export const MAX_CELL_CHARS = 50_000;

/**
 * Strings Sheets would turn into something else when typed (formulas, numbers, dates, times,
 * booleans, errors). Deliberately wider than what Sheets parses — any digit, any leading sign or
 * symbol — because a guard on text that needed none costs nothing outside plain-text cells.
 */
const TYPED_INPUT = /^(?:['=+\-@#]|\s|(?:true|false)$)|[\d\uff10-\uff19]|^[a-z]{3,9}\.?\s/i;

/** Whether written as is into a cell that is not plain text, this text might not stay this text. */
export function wouldParse(text: string): boolean {
  return TYPED_INPUT.test(text);
}

/** The plain-text number format: typed strings stay text (docs/google-readings.md). */
export const PLAIN_TEXT = '@';

/**
 * Text as setValues must receive it to store exactly this text in a cell of this number format.
 * Elsewhere than plain text, Sheets parses strings written by setValues as if typed ("=…" a formula,
 * "0138…" a number, "9:00 AM" a time) and a leading apostrophe keeps the rest as text without being
 * part of it, so text that could be parsed gets one. A plain-text cell parses nothing, and whether it
 * drops such an apostrophe or keeps it as a character is not documented: it gets none, except text
 * starting with "=", where a visible apostrophe is the lesser harm than a formula should Sheets still
 * read one (docs/google-readings.md: apostropheInPlainText, formulaInPlainText).
 */
export function textForCell(text: string, numberFormat: string): string {
  if (text === '') return '';
  if (numberFormat === PLAIN_TEXT) return text.charCodeAt(0) === 61 && text.length > 1 ? `'${text}` : text;
  return wouldParse(text) ? `'${text}` : text;
}

/** Whether the text is written differently into a plain-text cell than into any other. */
export function dependsOnFormat(text: string): boolean {
  return textForCell(text, PLAIN_TEXT) !== textForCell(text, '');
}

/**
 * Text exactly as the user typed it, for a cell the add-on formats itself and never as plain text
 * (headers, report tabs, Settings): guarded only when Sheets could parse it.
 */
export function asText(value: string): string {
  return textForCell(value, '');
}

const TEXT_TYPES = new Set<ColumnDef['type']>(['text', 'plainText', 'person']);

/**
 * A record field as a cell of this number format should receive it: dates as Dates, numbers as
 * numbers, text as text. Without the cell's real format the schema's is assumed, which is wrong in a
 * tab setup adopted without reformatting its columns: pass the real one when it can be known.
 */
export function toCell(def: ColumnDef, value: unknown, numberFormat: string = def.format ?? ''): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if ((typeof value === 'number' || typeof value === 'boolean') && !TEXT_TYPES.has(def.type)) return value;
  return textForCell(String(value), numberFormat);
}

/** A field as a cell receives it, its text still raw (writeCells guards it by the cell's format). */
export function rawCell(def: ColumnDef, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if ((typeof value === 'number' || typeof value === 'boolean') && !TEXT_TYPES.has(def.type)) return value;
  return String(value);
}

/**
 * The ways to write a text into a plain-text cell, most likely right first: text starting with an
 * apostrophe or "=" is stored differently depending on readings Google does not document
 * (docs/google-readings.md), so writeCells checks what was stored and tries the next way.
 */
function plainTextTries(text: string): string[] {
  const first = text.charCodeAt(0);
  if (first === 39) return [`'${text}`, text];
  // "=…": guarded, then bare (a cell that keeps apostrophes), then guarded again should the bare one
  // have become a formula: a visible apostrophe is the lesser harm.
  if (first === 61 && text.length > 1) return [`'${text}`, text, `'${text}`];
  return [text];
}

/**
 * Values into a range, each text guarded for its own cell's number format (textForCell). The formats
 * are read, in one call, only when some text would be written differently into a plain-text cell.
 * Text starting with an apostrophe or "=" in a plain-text cell (rare: people's own words) is read
 * back and written again another way when it was not stored as given: at most three writes and two
 * reads, whatever the number of cells.
 */
export function writeCells(range: Range, values: unknown[][]): void {
  let formats: string[][] | null = null;
  const unsure: Array<{ r: number; c: number; text: string; tries: string[]; at: number }> = [];
  const cells = values.map((row, r) =>
    row.map((v, c) => {
      if (typeof v !== 'string') return v;
      if (!dependsOnFormat(v)) return textForCell(v, '');
      formats ??= range.getNumberFormats();
      if (formats[r][c] !== PLAIN_TEXT) return textForCell(v, formats[r][c]);
      const tries = plainTextTries(v);
      if (tries.length > 1) unsure.push({ r, c, text: v, tries, at: 0 });
      return tries[0];
    }),
  );
  range.setValues(cells);
  let open = unsure;
  while (open.length > 0) {
    const stored = range.getValues();
    open = open.filter((u) => stored[u.r][u.c] !== u.text && u.at + 1 < u.tries.length);
    if (open.length === 0) break;
    for (const u of open) cells[u.r][u.c] = u.tries[++u.at];
    range.setValues(cells);
    open = open.filter((u) => u.at + 1 < u.tries.length);
  }
}

/** Rows moved under us (a sort, an insert) since the read: compare the ID column again. */
export function idsStillMatch<T extends TableName>(tbl: Table<T>, idKey: ColumnKey<T>): boolean {
  const dataRows = tbl.grid.length;
  const lastRow = tbl.sheet.getLastRow();
  if (lastRow !== dataRows + tbl.headerRow && !(lastRow === 0 && dataRows <= 0)) return false;
  if (dataRows <= 0) return true;
  const col = columnIndex(tbl, idKey);
  const now = tbl.sheet.getRange(sheetRow(tbl, 0), col + 1, dataRows, 1).getValues();
  for (let r = 0; r < dataRows; r++) {
    if (String(now[r][0]) !== String(cellAt(tbl.grid, r, col))) {
      forgetReads(tbl.sheet);
      return false;
    }
  }
  return true;
}

/**
 * Appends records below the last row in one write, each field under its own header; columns the
 * user added stay blank. The grid grows first (a range outside the grid throws).
 */
export function appendRecords<T extends TableName>(
  tbl: Table<T>,
  records: Partial<Record<ColumnKey<T>, unknown>>[],
): number {
  if (records.length === 0) return 0;
  const defs = TABLES[tbl.table] as readonly ColumnDef[];
  const width = tbl.lastColumn;
  // Text stays text whatever the cells' real formats are (an adopted tab keeps its own): fields go in
  // raw, and writeCells reads the formats of the target rows only when some text depends on them.
  const rows = records.map((rec) => {
    const row: unknown[] = new Array(width).fill('');
    for (const def of defs) {
      const index = tbl.headers.map[def.key as ColumnKey<T>];
      if (index === undefined || !(def.key in rec)) continue;
      const value = rec[def.key as ColumnKey<T>];
      row[index] = typeof value === 'string' && TEXT_TYPES.has(def.type) ? value : rawCell(def, value);
    }
    return row;
  });
  const first = tbl.sheet.getLastRow() + 1;
  // New rows take the formats of the grid's last row (setup formatted the whole grid). Clients rows
  // go into its spare rows; a Clients grid without room grows by what is missing plus a block of
  // spare rows, so most adds insert nothing and the highlighting and protections need no stretching.
  let maxRows = tbl.sheet.getMaxRows();
  const missing = first + rows.length - 1 - maxRows;
  if (tbl.table !== 'clients') {
    // A log (Contacts, Changes) has no highlighting to stretch: it grows by the rows written, the
    // same calls whether its grid was full or not.
    tbl.sheet.insertRowsAfter(maxRows, rows.length);
  } else if (missing > 0) {
    tbl.sheet.insertRowsAfter(maxRows, missing + APPEND_SPARE_ROWS);
    maxRows += missing + APPEND_SPARE_ROWS;
  }
  forgetReads(tbl.sheet);
  writeCells(tbl.sheet.getRange(first, 1, rows.length, width), rows);
  // The highlighting and protections must cover the new rows: stretched when the grid changed.
  if (tbl.table === 'clients') keepTableCoveredIfGrown(tbl.sheet, maxRows);
  return first;
}
