/**
 * One client's rows of the Changes log, for the rules that look at its past (the reclaim wait after a
 * pool release): the tab's Client ID column is read, then only the rows holding the client, in the
 * blocks the card reads (card.ts readRows). The log grows with every move, claim and grade change of
 * every client; a claim or a hand-over reads one column of it, not all of it (docs/scale.md).
 */
import { idKey } from '../../core/ids';
import { readTable } from '../../core/records';
import type { ChangeRecord } from '../../core/schema';
import type { ChangeLog } from '../changes';
import { columnIndex, sheetRow } from '../table';
import { readRows } from './card';

/** The client's rows of the log opened for the operation's own append (openChangeLog: its header is read once). */
export function changesOfClient(log: ChangeLog, clientId: string, tz: string): ChangeRecord[] {
  const tbl = log.table;
  const top = sheetRow(tbl, 0);
  const last = log.lastRow;
  if (last < top || tbl.lastColumn === 0) return [];
  const wanted = idKey(clientId);
  const rows = tbl.sheet
    .getRange(top, columnIndex(tbl, 'clientId') + 1, last - top + 1, 1)
    .getValues()
    .flatMap((cells, i) => (idKey(String(cells[0] ?? '')) === wanted ? [top + i] : []));
  const byRow = readRows(tbl, rows);
  const picked = rows.map((row) => byRow.get(row) ?? []);
  return readTable('changes', [tbl.grid.header, ...picked], tz).records.filter((r): r is ChangeRecord => r !== null);
}
