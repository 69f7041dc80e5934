/**
 * One client's rows of the Changes log, for the rules that look at its past (the reclaim wait after a
 * pool release): found through the Changes row index, each row checked against the Client ID it holds,
 * and read in the blocks the card reads (card.ts rowsOfClient). The log grows with every move, claim
 * and grade change of every client; a claim or a hand-over reads only this client's rows of it, and
 * the Client ID column once when the index is missing or no longer matches (docs/row-index.md).
 */
import { readTable } from '../../core/records';
import type { ChangeRecord } from '../../core/schema';
import type { ChangeLog } from '../changes';
import { sheetRow } from '../table';
import { idKey } from '../../core/ids';
import { rowsOfClient, rowsOfClients } from './card';

/** The client's rows of the log opened for the operation's own append (openChangeLog: its header is read once). */
export function changesOfClient(log: ChangeLog, clientId: string, tz: string): ChangeRecord[] {
  const tbl = log.table;
  if (log.lastRow < sheetRow(tbl, 0) || tbl.lastColumn === 0) return [];
  const { rows, byRow } = rowsOfClient(tbl, clientId);
  return recordsOf(tbl, rows, byRow, tz, idKey(clientId));
}

/** The Changes records of these rows that still name the client (`key`: idKey of its ID). */
function recordsOf(
  tbl: ChangeLog['table'],
  rows: readonly number[],
  byRow: Map<number, unknown[]>,
  tz: string,
  key: string,
): ChangeRecord[] {
  const picked = rows.map((row) => byRow.get(row) ?? []);
  return readTable('changes', [tbl.grid.header, ...picked], tz).records.filter(
    (r): r is ChangeRecord => r !== null && idKey(r.clientId) === key,
  );
}

/**
 * Several clients' rows of the log (by idKey of their ID), for a batch that hands many clients over at
 * once (an update import, docs/import.md): one read of the Client ID column and their rows in a
 * bounded number of blocks, whatever the number of clients.
 */
export function changesOfClients(
  log: ChangeLog,
  clientIds: readonly string[],
  tz: string,
): Map<string, ChangeRecord[]> {
  const out = new Map<string, ChangeRecord[]>();
  const tbl = log.table;
  if (clientIds.length === 0 || log.lastRow < sheetRow(tbl, 0) || tbl.lastColumn === 0) return out;
  const { rowsOf, byRow } = rowsOfClients(tbl, clientIds);
  for (const [key, rows] of rowsOf) out.set(key, recordsOf(tbl, rows, byRow, tz, key));
  return out;
}
