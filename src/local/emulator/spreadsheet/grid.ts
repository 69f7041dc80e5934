/**
 * Rectangle arithmetic behind the sparse run lists (styles, validations): intersection, splitting a
 * run around a rectangle, moving rectangles when rows/columns are inserted or deleted, and a sweep
 * that answers "which runs cover these rows of this column" without scanning the list per cell.
 */
import type { GridRect } from '../model';

export function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

export function containsCell(r: GridRect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

function intersection(a: GridRect, b: GridRect): GridRect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const endRow = Math.min(a.row + a.numRows, b.row + b.numRows);
  const endCol = Math.min(a.col + a.numCols, b.col + b.numCols);
  if (endRow <= row || endCol <= col) return null;
  return { row, col, numRows: endRow - row, numCols: endCol - col };
}

/** The parts of `a` outside `b` (up to four rectangles). */
function subtract(a: GridRect, b: GridRect): GridRect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const out: GridRect[] = [];
  const aEndRow = a.row + a.numRows;
  const aEndCol = a.col + a.numCols;
  const cEndRow = cut.row + cut.numRows;
  const cEndCol = cut.col + cut.numCols;
  if (cut.row > a.row) out.push({ row: a.row, col: a.col, numRows: cut.row - a.row, numCols: a.numCols });
  if (cEndRow < aEndRow) out.push({ row: cEndRow, col: a.col, numRows: aEndRow - cEndRow, numCols: a.numCols });
  if (cut.col > a.col) out.push({ row: cut.row, col: a.col, numRows: cut.numRows, numCols: cut.col - a.col });
  if (cEndCol < aEndCol) out.push({ row: cut.row, col: cEndCol, numRows: cut.numRows, numCols: aEndCol - cEndCol });
  return out;
}

/**
 * Rewrites every run that meets `rect`: the parts outside keep their payload, the part inside gets
 * `inside(payload)` (null drops it). Order is kept, so "later wins" still holds.
 */
export function splitRuns<T extends { rect: GridRect }>(runs: T[], rect: GridRect, inside: (run: T) => T | null): T[] {
  const out: T[] = [];
  for (const run of runs) {
    const cut = intersection(run.rect, rect);
    if (!cut) {
      out.push(run);
      continue;
    }
    for (const piece of subtract(run.rect, rect)) out.push({ ...run, rect: piece });
    const kept = inside({ ...run, rect: cut });
    if (kept) out.push(kept);
  }
  return out;
}

export type Axis = 'row' | 'col';

/**
 * Moves a rectangle when `count` rows/columns are inserted at `at` (1-based position of the first
 * new one). `inherit`: a rectangle covering the row/column just before the insertion grows, as
 * formats and validations do in Sheets (new rows take the formatting of the row above).
 */
export function shiftForInsert(r: GridRect, axis: Axis, at: number, count: number, inherit: boolean): GridRect {
  const start = axis === 'row' ? r.row : r.col;
  const size = axis === 'row' ? r.numRows : r.numCols;
  const end = start + size - 1;
  let newStart = start;
  let newSize = size;
  if (start >= at) newStart = start + count;
  else if (end >= at || (inherit && end === at - 1)) newSize = size + count;
  return axis === 'row' ? { ...r, row: newStart, numRows: newSize } : { ...r, col: newStart, numCols: newSize };
}

/** Moves a rectangle when rows/columns [at, at+count) are deleted; null when nothing remains. */
export function shiftForDelete(r: GridRect, axis: Axis, at: number, count: number): GridRect | null {
  const start = axis === 'row' ? r.row : r.col;
  const size = axis === 'row' ? r.numRows : r.numCols;
  const end = start + size; // exclusive
  const delEnd = at + count;
  const keptBefore = Math.max(0, Math.min(end, at) - start);
  const keptAfter = Math.max(0, end - Math.max(start, delEnd));
  const newSize = keptBefore + keptAfter;
  if (newSize === 0) return null;
  const newStart = start < at ? start : Math.max(at, start - count);
  return axis === 'row' ? { ...r, row: newStart, numRows: newSize } : { ...r, col: newStart, numCols: newSize };
}

/** One stretch of rows [from, to] (inclusive) of a column, and the indices of the runs covering it, in order. */
export interface Segment {
  from: number;
  to: number;
  active: number[];
}

/** Sweeps the runs that cover column `col` between rows `from` and `to`. */
export function columnSegments(
  rects: ReadonlyArray<{ rect: GridRect }>,
  col: number,
  from: number,
  to: number,
): Segment[] {
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  const points = new Set<number>([from, to + 1]);
  rects.forEach(({ rect }, i) => {
    if (col < rect.col || col >= rect.col + rect.numCols) return;
    const s = Math.max(from, rect.row);
    const e = Math.min(to + 1, rect.row + rect.numRows);
    if (s >= e) return;
    (starts.get(s) ?? starts.set(s, []).get(s)!).push(i);
    (ends.get(e) ?? ends.set(e, []).get(e)!).push(i);
    points.add(s);
    points.add(e);
  });
  if (starts.size === 0) return [{ from, to, active: [] }];
  const sorted = [...points].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let active: number[] = [];
  for (let k = 0; k < sorted.length - 1; k++) {
    const p = sorted[k];
    const gone = ends.get(p);
    if (gone) active = active.filter((i) => !gone.includes(i));
    const added = starts.get(p);
    if (added) active = [...active, ...added].sort((a, b) => a - b);
    segments.push({ from: p, to: sorted[k + 1] - 1, active });
  }
  return segments;
}
