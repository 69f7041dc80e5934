/**
 * A tab's cells as they were read: the header row, and for each column read, the rows of the
 * getValues block that holds it. A column is parsed straight from its block, so reading a few
 * columns of 250,000 rows makes no full-width copy of the tab (one array per row, most of it blank).
 */

/** Where one column's data cells are: data row i is `rows[i - from][at]`, for i inside the block. */
export interface ColumnCells {
  /** the rows of the block, as getValues returned them */
  rows: readonly (readonly unknown[])[];
  /** the column's index inside each row of the block */
  at: number;
  /** the data row (0 = the first row under the header) that rows[0] holds; -1 when rows[0] is the header */
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
    columns: header.map((_, at) => ({ rows: values, at, from: -1 })),
  };
}

/** The cell at data row `row`, 0-based column `col`: '' where nothing was read. */
export function cellAt(grid: Grid, row: number, col: number): unknown {
  const cells = grid.columns[col];
  if (cells === undefined) return '';
  const k = row - cells.from;
  if (k < 0 || k >= cells.rows.length) return '';
  const v = cells.rows[k][cells.at];
  return v === undefined ? '' : v;
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
