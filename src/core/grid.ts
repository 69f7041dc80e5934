/**
 * A tab's cells as they were read: the header row, and each column read as one flat array of its
 * cells. getValues hands back one array per row and a Date object per date cell; kept that way, a
 * column costs a row array per cell (40 bytes and more) and a date 120 bytes, and the daily run keeps
 * Contacts for its whole execution (src/gas/read-memo.ts). Flat, with dates as their instants, a
 * column costs one or two slots per cell (docs/scale.md, "Memory").
 */

/** Where one column's data cells are: data row i is `cells[i - from]`, for i inside the read. */
export interface ColumnCells {
  /** the column's cells in row order, as getValues returned them, except the dates (see `times`) */
  cells: readonly unknown[];
  /** the instant of each Date cell (NaN for the other cells); null when the column read no Date */
  times: readonly number[] | null;
  /** the data row (0 = the first row under the header) that cells[0] holds; -1 when cells[0] is the header */
  from: number;
}

export interface Grid {
  header: readonly unknown[];
  /** data rows under the header */
  length: number;
  /** by 0-based column: where its cells are; undefined for a column not read ('' in every row) */
  columns: (ColumnCells | undefined)[];
}

/** A grid over a whole block read row by row, header row first (getDataRange().getValues()). */
export function gridOfRows(values: readonly (readonly unknown[])[]): Grid {
  const header = values[0] ?? [];
  return {
    header,
    length: Math.max(0, values.length - 1),
    columns: header.map((_, at) => columnOf(values, at, -1)),
  };
}

/** Column `at` of rows as getValues returns them, flat, its first row being data row `from`. */
export function columnOf(rows: readonly (readonly unknown[])[], at: number, from: number): ColumnCells {
  const cells: unknown[] = new Array<unknown>(rows.length);
  let times: number[] | null = null;
  for (let k = 0; k < rows.length; k++) {
    const v = rows[k][at];
    const ms = v instanceof Date ? v.getTime() : NaN;
    if (ms === ms) {
      if (times === null) times = new Array<number>(rows.length).fill(NaN);
      times[k] = ms;
      cells[k] = '';
    } else cells[k] = v;
  }
  return { cells, times, from };
}

/** Cell k of a column (0 = its first cell), a date as a Date of its own. */
export function cellOf(column: ColumnCells, k: number): unknown {
  const ms = column.times === null ? NaN : column.times[k];
  if (ms === ms) return new Date(ms);
  const v = column.cells[k];
  return v === undefined ? '' : v;
}

/** The cell at data row `row`, 0-based column `col`: '' where nothing was read. */
export function cellAt(grid: Grid, row: number, col: number): unknown {
  const cells = grid.columns[col];
  if (cells === undefined) return '';
  const k = row - cells.from;
  if (k < 0 || k >= cells.cells.length) return '';
  return cellOf(cells, k);
}

/** A column's data cells, one per data row ('' where nothing was read). */
export function columnCells(grid: Grid, col: number): unknown[] {
  const out: unknown[] = new Array<unknown>(grid.length);
  for (let i = 0; i < grid.length; i++) out[i] = cellAt(grid, i, col);
  return out;
}

/**
 * Spare rows a full tab grows by when rows are appended: an append that fits in the spare rows
 * inserts nothing, so the highlighting and protections need stretching once per this many appends.
 */
/** The rows first..last (0-based, inclusive) that one read covers. */
export interface Span {
  first: number;
  last: number;
}

/**
 * The span from the first to the last of `count` rows for which `inside` holds, or null when none
 * does. A log is appended as things happen, so the rows a caller wants again (recent ones, ones nobody
 * applied) sit together at its end and one read over their span costs what they cost.
 */
export function spanOf(count: number, inside: (row: number) => boolean): Span | null {
  let first = -1;
  let last = -1;
  for (let r = 0; r < count; r++) {
    if (!inside(r)) continue;
    if (first < 0) first = r;
    last = r;
  }
  return first < 0 ? null : { first, last };
}

export const APPEND_SPARE_ROWS = 100;
