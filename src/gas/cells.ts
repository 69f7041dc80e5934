/**
 * Writing some cells of a column without changing the others: Apps Script can only write rectangles,
 * so cells that must stay as they are get written back exactly as they were read.
 */
import { forgetReads } from './read-memo';
import { asText } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A value read by getValues, as setValues must receive it to store the same thing again: text keeps
 * its apostrophe guard (so "007" stays text), numbers, booleans and Dates go back as they are.
 */
export function keepCell(value: unknown): unknown {
  return typeof value === 'string' ? asText(value) : value;
}

/** Whether a cell already holds this value (Dates by instant). */
export function sameCell(current: unknown, next: unknown): boolean {
  if (current instanceof Date && next instanceof Date) return current.getTime() === next.getTime();
  return current === next;
}

/**
 * Writes `cells` (one per data row, index 0 = sheet row `firstRow`) into a column, but only the span
 * from the first to the last index in `touched`: one setValues, none when nothing is touched.
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
  sheet.getRange(firstRow + from, column0 + 1, to - from + 1, 1).setValues(cells.slice(from, to + 1).map((v) => [v]));
}

/**
 * Writes only the cells given (data-row index → value) into a column, one setValues per run of
 * consecutive rows: for the columns people own (Stage, the next step, a contact's ID), where writing a
 * span back would overwrite what someone typed between the read and the write. The calls grow with
 * the number of separate runs, not with the rows.
 */
export function writeCells(sheet: Sheet, firstRow: number, column0: number, cells: ReadonlyMap<number, unknown>): void {
  if (cells.size === 0) return;
  forgetReads(sheet);
  const rows = [...cells.keys()].sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
    const run = rows.slice(start, i);
    sheet.getRange(firstRow + run[0], column0 + 1, run.length, 1).setValues(run.map((r) => [cells.get(r)]));
    start = i;
  }
}
