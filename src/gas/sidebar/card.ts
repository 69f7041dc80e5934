/**
 * The client card: the client's fields, its grade and why, its follow-up state, the next date a
 * reached contact today would get, and its whole contact history newest first — every attitude,
 * objection and next step, stage by stage (seed 000).
 */
import { proposeNextFollowUp, proposeRetry } from '../../core/cadence';
import { type DayKey, dayKey, dayOf } from '../../core/dates';
import { gradeClient } from '../../core/grade';
import { readTable } from '../../core/records';
import type { ClientRecord, ContactRecord, TableName } from '../../core/schema';
import { type Settings, intervalFor } from '../../core/settings';
import { computeStatus, followUpState } from '../../core/status';
import type { CardUpdate, ClientCard, ClientFields, ContactEntry } from '../../contract/types';
import { type Table, sheetRow } from '../table';
import { idKey } from '../../core/ids';
import { type LogTable, buildRowIndex, idColumns, indexedRows } from './row-index';
import { documentCache } from './search-store';

/** A record's Dates as days in tz, everything else as it is. */
function daysAsText<R extends object>(record: R, tz: string): { [K in keyof R]: unknown } {
  const out = {} as { [K in keyof R]: unknown };
  for (const key of Object.keys(record) as (keyof R)[]) {
    const value = record[key];
    out[key] = value instanceof Date ? dayKey(value, tz) : value;
  }
  return out;
}

/** At most this many blocks are read for one client's history: the calls stay bounded, whatever the log. */
const MAX_BLOCKS = 32;

/**
 * Two rows of a history closer than this many cells apart are read in one block: a block more costs
 * a getRange and a getValues, about what reading 4,800 cells costs (docs/row-index.md#cost).
 */
const MERGE_CELLS = 4_800;

/**
 * Sorted row indexes → at most `max` spans [first, last] covering them all, cut at the widest gaps
 * (a client's contacts are spread through a long log; the rows between them need not be read);
 * gaps narrower than `minGap` rows are never cut (reading them costs less than one more block).
 */
export function coveringSpans(rows: readonly number[], max: number, minGap = 2): [number, number][] {
  const cuts = rows
    .slice(1)
    .map((row, i) => ({ at: i + 1, gap: row - rows[i] }))
    .filter((c) => c.gap >= Math.max(2, minGap))
    .sort((a, b) => b.gap - a.gap || a.at - b.at)
    .slice(0, max - 1)
    .map((c) => c.at)
    .sort((a, b) => a - b);
  const spans: [number, number][] = [];
  let start = 0;
  for (const cut of [...cuts, rows.length]) {
    spans.push([rows[start], rows[cut - 1]]);
    start = cut;
  }
  return spans;
}

/** The cells of the given sheet rows (sorted), read in at most MAX_BLOCKS blocks. */
export function readRows(tbl: Table<TableName>, rows: readonly number[]): Map<number, unknown[]> {
  const byRow = new Map<number, unknown[]>();
  if (rows.length === 0) return byRow;
  const minGap = Math.ceil(MERGE_CELLS / Math.max(1, tbl.lastColumn));
  for (const [first, last] of coveringSpans(rows, MAX_BLOCKS, minGap)) {
    const block = tbl.sheet.getRange(first, 1, last - first + 1, tbl.lastColumn).getValues();
    block.forEach((values, i) => byRow.set(first + i, values as unknown[]));
  }
  return byRow;
}

/**
 * Every Contacts row of one client, in at most MAX_BLOCKS reads (so a bounded number of calls,
 * however long the log, and not the thousands of other clients' rows between a client's first and
 * last contact; rows close together in one read). The rows come from the row index (row-index.ts), each checked against the Client ID
 * it holds now; with no index, or one that no longer matches the sheet, the Client ID column is read
 * and the index built again from it (docs/row-index.md).
 */
export function readHistory(contacts: Table<'contacts'>, clientId: string, tz: string): ContactRecord[] {
  return readHistoryAndTail(contacts, clientId, tz).history;
}

/**
 * The history as above, and the log's last Contact IDs when the row index read them on the way
 * (`IndexedRows.lastIds`; null when it was not used: read them with recentIds).
 */
export function readHistoryAndTail(
  contacts: Table<'contacts'>,
  clientId: string,
  tz: string,
): { history: ContactRecord[]; lastIds: string[] | null } {
  if (contacts.lastColumn === 0) return { history: [], lastIds: null };
  const { rows, byRow, lastIds } = rowsOfClient(contacts, clientId);
  return { history: historyOf(contacts, rows, byRow, tz), lastIds };
}

/**
 * One client's rows of a log (Contacts, Changes) and their cells: the rows the log's row index names,
 * each checked against the Client ID it holds now, read in at most MAX_BLOCKS blocks; with no index,
 * or one that no longer matches the sheet, the Client ID column is read and the index built again
 * from it (docs/row-index.md). `lastIds`: the log's last IDs, when the index read them on its way.
 */
export function rowsOfClient(
  log: Table<LogTable>,
  clientId: string,
): { rows: number[]; byRow: Map<number, unknown[]>; lastIds: string[] | null } {
  const col = idColumns(log).clientCol;
  const wanted = idKey(clientId);
  const indexed = indexedRows(log, clientId);
  const lastIds = indexed?.lastIds ?? null;
  if (indexed) {
    const rows = [...indexed.named, ...indexed.added].sort((a, b) => a - b);
    const byRow = readRows(log, rows);
    const holds = (row: number) => idKey(String(byRow.get(row)?.[col] ?? '')) === wanted;
    if (indexed.named.every(holds)) return { rows, byRow, lastIds };
  }
  const rows = buildRowIndex(log, documentCache()).get(wanted) ?? [];
  return { rows, byRow: readRows(log, rows), lastIds };
}

/**
 * The log's last Contact IDs as the row index reads them on its way (it reads the rows added since it
 * was stored, down to the last row, and learns them); null with no usable index.
 */
export function lastContactIds(contacts: Table<'contacts'>, clientId: string): string[] | null {
  return contacts.lastColumn === 0 ? null : (indexedRows(contacts, clientId)?.lastIds ?? null);
}

/** The records of those rows, newest first. */
function historyOf(
  contacts: Table<'contacts'>,
  rows: readonly number[],
  byRow: Map<number, unknown[]>,
  tz: string,
): ContactRecord[] {
  if (rows.length === 0) return [];
  const picked = rows.map((row) => byRow.get(row) ?? []);
  const records = readTable('contacts', [contacts.grid.header, ...picked], tz).records;
  // Newest first: by date, then by position in the log (a later row was logged later).
  const withOrder = records
    .map((record, order) => ({ record, order }))
    .filter((x): x is { record: ContactRecord; order: number } => x.record !== null);
  withOrder.sort(
    (a, b) => (b.record.date?.getTime() ?? -Infinity) - (a.record.date?.getTime() ?? -Infinity) || b.order - a.order,
  );
  return withOrder.map((x) => x.record);
}

/**
 * The Contacts rows of several clients (by idKey of their ID), each newest first: one read of the
 * Client ID column, then the rows around theirs in at most MAX_BLOCKS reads (the import's batched
 * writer, which touches many clients at once; one client's card goes through the row index).
 */
export function readHistories(
  contacts: Table<'contacts'>,
  clientIds: readonly string[],
  tz: string,
): Map<string, ContactRecord[]> {
  const { rowsOf, byRow } = rowsOfClients(contacts, clientIds);
  const out = new Map<string, ContactRecord[]>();
  for (const [key, rows] of rowsOf) out.set(key, historyOf(contacts, rows, byRow, tz));
  return out;
}

/**
 * Several clients' rows of a log (Contacts, Changes), by idKey of their ID, and their cells: one read
 * of the Client ID column, then the rows in at most MAX_BLOCKS reads, however many clients.
 */
export function rowsOfClients(
  log: Table<LogTable>,
  clientIds: readonly string[],
): { rowsOf: Map<string, number[]>; byRow: Map<number, unknown[]> } {
  const rowsOf = new Map<string, number[]>();
  const sheet = log.sheet;
  const lastRow = sheet.getLastRow();
  const top = sheetRow(log, 0);
  if (clientIds.length === 0 || lastRow < top || log.lastColumn === 0) return { rowsOf, byRow: new Map() };
  const col = idColumns(log).clientCol;
  const wanted = new Set(clientIds.map(idKey));
  sheet
    .getRange(top, col + 1, lastRow - top + 1, 1)
    .getValues()
    .forEach((r, i) => {
      const key = idKey(String(r[0] ?? ''));
      if (!wanted.has(key)) return;
      const rows = rowsOf.get(key);
      if (rows) rows.push(top + i);
      else rowsOf.set(key, [top + i]);
    });
  const byRow = readRows(
    log,
    [...rowsOf.values()].flat().sort((a, b) => a - b),
  );
  return { rowsOf, byRow };
}

export function contactEntry(record: ContactRecord, tz: string): ContactEntry {
  const fields = daysAsText(record, tz) as Omit<ContactEntry, 'date' | 'day'>;
  return {
    ...fields,
    date: record.date === null ? null : record.date.toISOString(),
    day: dayOf(record.date, tz),
  };
}

export function buildCard(
  client: ClientRecord,
  history: readonly ContactRecord[],
  settings: Settings,
  today: DayKey,
  tz: string,
): ClientCard {
  return { ...cardUpdate(client, settings, today, tz), history: history.map((h) => contactEntry(h, tz)) };
}

/** The card's fields, grade and follow-up state: all of it but the history. */
export function cardUpdate(client: ClientRecord, settings: Settings, today: DayKey, tz: string): CardUpdate {
  const graded = gradeClient(
    {
      needConfirmed: client.needConfirmed,
      budgetConfirmed: client.budgetConfirmed,
      decisionMaker: client.decisionMaker,
      expectedDate: dayOf(client.expectedDate, tz),
      gradeOverride: client.gradeOverride,
    },
    settings,
    today,
  );
  const status = computeStatus(
    {
      stage: client.stage,
      owner: client.owner,
      previousStatus: client.status,
      lastContact: dayOf(client.lastContact, tz),
      created: dayOf(client.created, tz),
    },
    settings,
    today,
  );
  return {
    fields: daysAsText(client, tz) as ClientFields,
    grade: graded.grade,
    gradeComputed: graded.computed,
    gradeOverridden: graded.overridden,
    gradeReasons: graded.reasons,
    state: followUpState(status, dayOf(client.nextFollowUp, tz), today),
    proposedNextFollowUp: proposeNextFollowUp(today, graded.grade, settings),
    intervalDays: intervalFor(settings, graded.grade),
    proposedRetry: proposeRetry(today, settings),
    retryDays: settings.retryDays,
  };
}
