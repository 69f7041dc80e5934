/**
 * Writing a few cells of one client's row, by header, each cell as it should be stored (text as
 * text, dates as dates). One setValue per changed cell: a handful, never a loop over rows, and the
 * user's own columns (formulas included) on that row are never rewritten.
 */
import { type ClientRecord, type ColumnDef, type ColumnKey, column } from '../../core/schema';
import type { Table } from '../table';
import { toCell } from '../table';

export type ClientUpdates = Partial<Record<ColumnKey<'clients'>, unknown>>;

/** Writes the updates whose column exists on the tab; returns the keys written. */
export function writeClientCells(
  clients: Table<'clients'>,
  row: number,
  updates: ClientUpdates,
): ColumnKey<'clients'>[] {
  const written: ColumnKey<'clients'>[] = [];
  for (const key of Object.keys(updates) as ColumnKey<'clients'>[]) {
    const index = clients.headers.map[key];
    if (index === undefined) continue;
    const def: ColumnDef = column('clients', key);
    clients.sheet.getRange(row, index + 1).setValue(toCell(def, updates[key]));
    written.push(key);
  }
  return written;
}

/** Dates compare by instant, everything else by value. */
export function changed(before: ClientRecord[keyof ClientRecord], after: unknown): boolean {
  if (before instanceof Date || after instanceof Date) {
    const a = before instanceof Date ? before.getTime() : null;
    const b = after instanceof Date ? after.getTime() : null;
    return a !== b;
  }
  return (before ?? '') !== (after ?? '');
}
