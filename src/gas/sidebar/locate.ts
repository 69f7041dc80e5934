/**
 * Finding a client's row at write time, by ID: users sort, filter and insert rows while the sidebar
 * is open, so a row number is only ever a hint. The hint (from the search index) is checked by
 * reading that one row; when it no longer holds the ID, the ID column alone is read to find it.
 * Either way a constant number of Spreadsheet calls.
 */
import type { Lang } from '../../core/i18n';
import { message } from '../../core/i18n';
import { readTable } from '../../core/records';
import { type ClientRecord, tabName } from '../../core/schema';
import { UserError } from '../errors';
import { type Table, columnIndex, sheetRow } from '../table';
import { idKey } from '../../core/ids';

export interface ClientRow {
  /** sheet row, 1-based */
  row: number;
  /** the row's cells, as getValues returned them */
  values: unknown[];
  record: ClientRecord;
  /** the hint was wrong (rows moved since the index was built) */
  moved: boolean;
}

function sameId(a: unknown, b: string): boolean {
  return idKey(String(a ?? '')) === idKey(b);
}

function readRow(clients: Table<'clients'>, row: number): unknown[] {
  return clients.sheet.getRange(row, 1, 1, clients.lastColumn).getValues()[0] as unknown[];
}

function parse(clients: Table<'clients'>, values: unknown[], tz: string, lang: Lang): ClientRecord | null {
  return readTable('clients', [clients.grid.header, values], tz, lang).records[0];
}

/** The row holding `clientId`, read whole; one sentence when no row (or more than one) holds it. */
export function locateClient(
  clients: Table<'clients'>,
  clientId: string,
  hint: number | null,
  opts: { lang: Lang; tz: string },
): ClientRow {
  const idCol = columnIndex(clients, 'id');
  const id = clientId.trim();
  if (id === '') throw new UserError(opts.lang, message('error.unknownClient', { id: clientId }));
  if (hint !== null && hint > clients.headerRow) {
    const values = readRow(clients, hint);
    const record = sameId(values[idCol], id) ? parse(clients, values, opts.tz, opts.lang) : null;
    if (record) return { row: hint, values, record, moved: false };
  }
  const lastRow = clients.sheet.getLastRow();
  const first = sheetRow(clients, 0);
  const ids = lastRow < first ? [] : clients.sheet.getRange(first, idCol + 1, lastRow - first + 1, 1).getValues();
  const rows: number[] = [];
  ids.forEach((r, i) => {
    if (sameId(r[0], id)) rows.push(first + i);
  });
  if (rows.length === 0) throw new UserError(opts.lang, message('error.unknownClient', { id }));
  if (rows.length > 1) {
    throw new UserError(opts.lang, message('problem.duplicateId', { tab: tabName('clients', opts.lang), id }));
  }
  const values = readRow(clients, rows[0]);
  const record = parse(clients, values, opts.tz, opts.lang);
  if (!record) throw new UserError(opts.lang, message('error.unknownClient', { id }));
  return { row: rows[0], values, record, moved: hint !== null };
}

/** Just before writing: is the client still on that row? (one cell read) */
export function stillOnRow(clients: Table<'clients'>, found: ClientRow, clientId: string): boolean {
  const idCol = columnIndex(clients, 'id');
  return sameId(clients.sheet.getRange(found.row, idCol + 1).getValue(), clientId);
}
