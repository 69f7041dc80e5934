/**
 * What the daily run's steps read of the big tabs, kept for the rest of the same execution: refresh,
 * pool release, the reports and the emails each open Contacts, and without this each step would
 * read it again (at 250,000 contacts, millions of cells per step). Only inside `withReadMemo`; the
 * menu items and the sidebar always read afresh.
 *
 * A held read is used again only while the tab still has the same last row, last column and header
 * row (checked with a few calls before each use: a contact a rep logs between two steps adds a row
 * and the tab is read again), and any write through `writeSpan` or `appendRecords` drops what is
 * held for that tab. A cell typed by hand between two steps of one run may not be seen by the later
 * steps of that run, as if it had been typed a moment after the run read the workbook.
 */
import type { Grid } from '../core/grid';
import type { TableName } from '../core/schema';
import { sheetIdOf } from './tab-names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** By sheet ID: the columns read so far (the others are undefined in grid.columns). */
let held: Map<number, Grid> | null = null;

/** Runs `fn` with reads kept between the operations it calls (nested calls share the outer memo). */
export function withReadMemo<T>(fn: () => T): T {
  if (held !== null) return fn();
  held = new Map();
  try {
    return fn();
  } finally {
    held = null;
  }
}

/**
 * Contacts only: it is the biggest tab and no step of the run writes it. Clients is left out on
 * purpose: pool release changes owners people type, and must see the cells as they are now.
 */
const HELD_TABLES: ReadonlySet<TableName> = new Set<TableName>(['contacts']);

export function memoActive(table: TableName): boolean {
  return held !== null && HELD_TABLES.has(table);
}

export function heldRead(sheetId: number): Grid | undefined {
  return held?.get(sheetId);
}

export function holdRead(sheetId: number, read: Grid): void {
  held?.set(sheetId, read);
}

/** Called by every table write: what is held for the tab is no longer what it holds. */
export function forgetReads(sheet: Sheet): void {
  if (held !== null && held.size > 0) held.delete(sheetIdOf(sheet));
}
