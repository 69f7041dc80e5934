/**
 * Header-mapped batch IO for the tables of the workbook. One read brings a whole tab (header row
 * included); writes go one column or one block at a time. Columns are found by header name in every
 * read and write, never by position: users reorder columns and add their own. The header row is
 * the one the header finder picks (header-row.ts: a title may sit above it); data starts under it.
 */
import type { Lang } from '../core/i18n';
import { message } from '../core/i18n';
import { type Grid, cellAt, gridOfRows } from '../core/grid';
import { HEADER_SCAN_ROWS } from '../core/header-row';
import { readGrid, type TableRead } from '../core/records';
import {
  type ColumnDef,
  type ColumnKey,
  type TableName,
  TABLES,
  column,
  findHeaders,
  matchTabName,
  tabName,
} from '../core/schema';
import { UserError } from './errors';
import { headerFromTop, readSheetHeader } from './header-row';
import { forgetReads, heldRead, holdRead, memoActive } from './read-memo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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

/** The tabs of the spreadsheet by name, read once per execution (a constant number of calls). */
export function sheetsByName(ss: Spreadsheet): Map<string, Sheet> {
  const map = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (!map.has(name)) map.set(name, sheet);
  }
  return map;
}

export function findTab(sheets: Map<string, Sheet>, table: TableName): Sheet | null {
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
  const read = readGrid(table, grid, opts.tz, opts.lang, headerRow, parsed);
  const needed = new Set<ColumnKey<T>>([...read.headers.missingRequired, ...(opts.needs ?? [])]);
  for (const key of needed) {
    if (read.headers.map[key] === undefined) {
      const def = column(table, key);
      throw new UserError(
        opts.lang,
        message('error.missingColumn', { tab: sheet.getName(), column: opts.lang === 'zh-CN' ? def.zh : def.en }),
      );
    }
  }
  return { ...read, table, sheet, grid, lastColumn: grid.header.length, headerRow };
}

interface GridRead {
  grid: Grid;
  /** 1-based sheet row of the header */
  headerRow: number;
}

/** The whole data range in one read; the rows above the header (a title) are left out. */
function readWhole<T extends TableName>(sheet: Sheet, table: T, lang: Lang): GridRead {
  const values = sheet.getDataRange().getValues() as unknown[][];
  const headerRow = headerFromTop(sheet.getName(), table, values.slice(0, HEADER_SCAN_ROWS), lang).row;
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
  const id = hold ? sheet.getSheetId() : 0;
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
    for (let c = 0; c < width; c++) grid.columns[from + c] = { rows, at: c, from: first };
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
  let first = -1;
  let last = -1;
  for (let r = 0; r < grid.length; r++) {
    const v = dateCol === undefined ? '' : cellAt(grid, r, dateCol);
    const inside =
      dateCol === undefined ||
      (v instanceof Date ? !(v.getTime() < recent.sinceMs) : v !== '' && v !== null && v !== undefined);
    if (!inside) continue;
    if (first < 0) first = r;
    last = r;
  }
  if (first < 0) first = last = grid.length - 1;
  readInto(sheet, grid, headerRow, cols, first, last);
}

/** 0-based column index of a key; the caller has asked for it in `needs`. */
export function columnIndex<T extends TableName>(tbl: Table<T>, key: ColumnKey<T>): number {
  const index = tbl.headers.map[key];
  if (index === undefined) throw new Error(`${tbl.table}.${String(key)} was not opened`);
  return index;
}

/** Sheets' limit on the characters in one cell. */
export const MAX_CELL_CHARS = 50_000;

/** Strings Sheets would turn into something else when typed (formulas, numbers, dates, times, booleans). */
const TYPED_INPUT =
  /^(?:['=+\-@#]|\s|(?:true|false)$|[\d.,$¥€£%()\s/:年月日-]+(?:\s*[ap]\.?m\.?)?$|\d[\d\s]*e\d+$|[a-z]{3,9}\.?\s+\d)/i;

/**
 * Text exactly as the user typed it. Sheets parses strings written by setValues as if typed: "=…"
 * becomes a formula, "0138…" a number, "9:00 AM" a time, "March 1" a date — more than any pattern
 * can predict. A leading apostrophe keeps the rest as text and is not part of the value
 * (APPS_SCRIPT.md items 5–11), so every string goes in with one. Only text at the 50,000-character
 * limit, which has no room for it, goes without when nothing in it could be parsed.
 */
export function asText(value: string): string {
  if (value === '') return '';
  if (value.length >= MAX_CELL_CHARS) return TYPED_INPUT.test(value) ? `'${value}` : value;
  return `'${value}`;
}

/**
 * Text for a column that setup formats as plain text (@: phone, ID), where typed strings already stay
 * text. Whether a leading apostrophe is then kept as a visible character is unverified, so only what
 * could start a formula (should the user have changed the format) gets one.
 */
export function asPlainText(value: string): string {
  return /^['=+\-@]/.test(value) ? `'${value}` : value;
}

const TEXT_TYPES = new Set<ColumnDef['type']>(['text', 'plainText', 'person']);

/** A record field as the cell should receive it: dates as Dates, numbers as numbers, text as text. */
export function toCell(def: ColumnDef, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if ((typeof value === 'number' || typeof value === 'boolean') && !TEXT_TYPES.has(def.type)) return value;
  const text = String(value);
  return def.format === '@' ? asPlainText(text) : asText(text);
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
  const rows = records.map((rec) => {
    const row: unknown[] = new Array(width).fill('');
    for (const def of defs) {
      const index = tbl.headers.map[def.key as ColumnKey<T>];
      if (index !== undefined && def.key in rec) row[index] = toCell(def, rec[def.key as ColumnKey<T>]);
    }
    return row;
  });
  const first = tbl.sheet.getLastRow() + 1;
  // The grid grows at the bottom by the rows written, whether or not blank rows were left: the new
  // rows take the formats of the grid's last row (setup formatted the whole grid, not the header),
  // the blank rows stay spare for typing, and an append costs the same calls in a full grid or not.
  tbl.sheet.insertRowsAfter(tbl.sheet.getMaxRows(), rows.length);
  forgetReads(tbl.sheet);
  tbl.sheet.getRange(first, 1, rows.length, width).setValues(rows);
  return first;
}
