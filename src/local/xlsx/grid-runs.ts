/**
 * Rectangles of the model (style runs, validation runs) resolved per column into row segments,
 * and segments merged back into rectangles. Both directions work on segments, never on single cells,
 * so a style over a 20,000-row column costs one segment, not 20,000 cells.
 */
import type { GridRect } from '../emulator/model';

/** Rows start..end (1-based, inclusive) of one column share a value. */
export interface Segment<T> {
  start: number;
  end: number;
  value: T;
  key: string;
}

export interface Folding<R, T> {
  empty: T;
  /** the value of a stretch of rows covered by these runs, in model order */
  fold(runs: R[]): T;
  key(value: T): string;
}

/**
 * Splits rows 1..maxRows of column `col` where the set of covering runs changes and folds each
 * stretch; adjacent stretches with equal keys join.
 */
export function columnSegments<R extends { rect: GridRect }, T>(
  runs: R[],
  col: number,
  maxRows: number,
  folding: Folding<R, T>,
): Segment<T>[] {
  const events: { row: number; index: number; opens: boolean }[] = [];
  runs.forEach((run, index) => {
    const { rect } = run;
    if (col < rect.col || col >= rect.col + rect.numCols) return;
    const start = Math.max(1, rect.row);
    const end = Math.min(maxRows, rect.row + rect.numRows - 1);
    if (start > end) return;
    events.push({ row: start, index, opens: true }, { row: end + 1, index, opens: false });
  });
  events.sort((a, b) => a.row - b.row);

  const segments: Segment<T>[] = [];
  const push = (start: number, end: number, value: T) => {
    if (start > end) return;
    const key = folding.key(value);
    const last = segments[segments.length - 1];
    if (last && last.key === key && last.end === start - 1) last.end = end;
    else segments.push({ start, end, value, key });
  };

  const active: number[] = [];
  let row = 1;
  let i = 0;
  while (i < events.length) {
    const at = events[i].row;
    if (at > row) {
      push(row, Math.min(at - 1, maxRows), active.length ? folding.fold(active.map((k) => runs[k])) : folding.empty);
      row = at;
    }
    for (; i < events.length && events[i].row === at; i++) {
      const event = events[i];
      if (event.opens) active.splice(insertionPoint(active, event.index), 0, event.index);
      else active.splice(active.indexOf(event.index), 1);
    }
  }
  push(row, maxRows, folding.empty);
  return segments;
}

function insertionPoint(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds one column's segments from values met in increasing row order; rows not met take `gap`. */
export class SegmentBuilder<T> {
  readonly segments: Segment<T>[] = [];
  private nextRow = 1;

  constructor(private readonly gap: { value: T; key: string }) {}

  add(row: number, value: T, key: string): void {
    if (row > this.nextRow) this.push(this.nextRow, row - 1, this.gap.value, this.gap.key);
    this.push(row, row, value, key);
    this.nextRow = row + 1;
  }

  finish(maxRows: number): Segment<T>[] {
    if (maxRows >= this.nextRow) this.push(this.nextRow, maxRows, this.gap.value, this.gap.key);
    this.nextRow = maxRows + 1;
    return this.segments;
  }

  private push(start: number, end: number, value: T, key: string): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.key === key) last.end = end;
    else this.segments.push({ start, end, value, key });
  }
}

/** Joins equal segments of neighbouring columns into rectangles; `keep` drops e.g. empty styles. */
export function segmentsToRects<T>(
  columns: { col: number; segments: Segment<T>[] }[],
  keep: (value: T) => boolean,
): { rect: GridRect; value: T }[] {
  const rects: { rect: GridRect; value: T }[] = [];
  const open = new Map<string, { rect: GridRect; value: T }>();
  for (const { col, segments } of [...columns].sort((a, b) => a.col - b.col)) {
    for (const segment of segments) {
      if (!keep(segment.value)) continue;
      const id = `${segment.start}:${segment.end}:${segment.key}`;
      const previous = open.get(id);
      if (previous && previous.rect.col + previous.rect.numCols === col) {
        previous.rect.numCols++;
        continue;
      }
      const entry = {
        rect: { row: segment.start, col, numRows: segment.end - segment.start + 1, numCols: 1 },
        value: segment.value,
      };
      open.set(id, entry);
      rects.push(entry);
    }
  }
  return rects;
}
