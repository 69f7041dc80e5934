/**
 * Writing some cells of a column without changing the others: Apps Script can only write rectangles,
 * so cells that must stay as they are get written back exactly as they were read.
 */
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
