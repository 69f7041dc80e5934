/**
 * Writing some cells of a column without changing the others: Apps Script can only write rectangles,
 * so cells that must stay as they are get written back exactly as they were read.
 */
import { columnLetters } from './a1';
import { forgetReads } from './read-memo';
import { writeCells } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Whether a cell already holds this value (Dates by instant). */
export function sameCell(current: unknown, next: unknown): boolean {
  if (current instanceof Date && next instanceof Date) return current.getTime() === next.getTime();
  return current === next;
}

/**
 * Writes `cells` (one per data row, index 0 = sheet row `firstRow`) into a column, but only the span
 * from the first to the last index in `touched`: one setValues, none when nothing is touched. Cells
 * hold values as getValues read them (or new ones): text is guarded for each cell's real number
 * format by writeCells, so "007" stays text and a plain-text ID never gains an apostrophe.
 */
export function writeSpan(
  sheet: Sheet,
  firstRow: number,
  column0: number,
  cells: readonly unknown[],
  touched: readonly number[],
): void {
  if (touched.length === 0) return;
  forgetReads(sheet);
  let from = touched[0];
  let to = touched[0];
  for (const i of touched) {
    if (i < from) from = i;
    if (i > to) to = i;
  }
  writeCells(
    sheet.getRange(firstRow + from, column0 + 1, to - from + 1, 1),
    cells.slice(from, to + 1).map((v) => [v]),
  );
}

/**
 * Writes only the cells given (data-row index → value) into a column, one setValues per run of
 * consecutive rows: for the columns people own (Stage, the next step, a contact's ID), where writing a
 * span back would overwrite what someone typed between the read and the write. The calls grow with
 * the number of separate runs, not with the rows. Cells hold raw values (text as typed): writeCells
 * guards text for each cell's real number format, as writeSpan does.
 */
export function writeRuns(sheet: Sheet, firstRow: number, column0: number, cells: ReadonlyMap<number, unknown>): void {
  if (cells.size === 0) return;
  forgetReads(sheet);
  const rows = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
    const run = rows.slice(start, i);
    writeCells(
      sheet.getRange(firstRow + run[0], column0 + 1, run.length, 1),
      run.map((r) => [cells.get(r)]),
    );
    start = i;
  }
}

/** How many ranges one range list names (a bound on its A1 text, about 50 KB; not a documented limit). */
const RANGES_PER_LIST = 5_000;

/**
 * Clears the cells of `rows` (1-based sheet rows) in column `col`, and only those: consecutive rows
 * as one range, up to 5,000 ranges per range list, so clearing ten cells or ten thousand costs the
 * same two calls, and the cells between them (a formula, a link, what someone is typing) stay.
 */
export function clearCells(sheet: Sheet, rows: readonly number[], col: number): void {
  const letters = columnLetters(col);
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] <= sorted[j] + 1) j++;
    ranges.push(i === j ? `${letters}${sorted[i]}` : `${letters}${sorted[i]}:${letters}${sorted[j]}`);
    i = j + 1;
  }
  for (let i = 0; i < ranges.length; i += RANGES_PER_LIST) {
    sheet.getRangeList(ranges.slice(i, i + RANGES_PER_LIST)).clearContent();
  }
}
