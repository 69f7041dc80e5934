/**
 * One consistent look at the client register, shared by Refresh and Pool release: Settings, Clients
 * and Contacts in one batch read each, then the rules (core/refresh) over every client at once.
 * People keep typing while a script runs (the document lock does not stop them), so a pass that
 * writes to Clients re-checks the ID column first and runs again if rows moved.
 */
import { type DayKey, today } from '../core/dates';
import { type Lang, message, render } from '../core/i18n';
import type { RowProblem } from '../core/records';
import { readTable } from '../core/records';
import {
  PENDING_FIELDS,
  REFRESH_CONTACT_COLUMNS,
  type RefreshResult,
  isPendingContact,
  refreshClients,
} from '../core/refresh';
import { type ColumnDef, type ColumnKey, TABLES } from '../core/schema';
import type { Settings, SettingsRead } from '../core/settings';
import { type ClientIdSource, clientIdSource } from './client-ids';
import type { WorkbookContext } from './context';
import { UserError } from './errors';
import { type Span, cellAt } from '../core/grid';
import { type LogTable, type RecentColumns, type Table, openLog, openTable, sheetRow, tabLabel } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FREE_TEXT = new Set<ColumnDef['type']>(['text', 'plainText', 'person']);

export interface ClientsPass {
  clients: Table<'clients'>;
  /** Contacts, its records made a block of rows at a time (RecordsInBlocks) */
  contacts: LogTable<'contacts'>;
  settings: Settings;
  today: DayKey;
  result: RefreshResult;
  /** Every problem found (Settings, then Clients, then Contacts), as sentences in the workbook's language. */
  problems: string[];
  /** The cells of each contact row nobody had applied, by position, as read. */
  pendingCells: Map<number, unknown[]>;
  /** Where the new IDs came from: saved once they are written (gas/client-ids.ts). */
  ids: ClientIdSource;
}

function byRow(a: RowProblem, b: RowProblem): number {
  return a.index - b.index;
}

/**
 * The Clients columns a pass reads: every typed column the rules or the reports use (each bad cell
 * in them is reported), plus the ID, the name, the owner, the next topic and what Changes recorded. Free-text columns (contact person,
 * phone, address, notes…) are never read by the rules, and skipping them saves a third of the cells;
 * Kind and Source, lists nothing computes from, are left to their dropdowns' warnings (at 50,000
 * clients they are 100,000 cells).
 */
const UNUSED_LISTS = new Set<ColumnKey<'clients'>>(['kind', 'source']);
const CLIENT_COLUMNS = TABLES.clients
  .filter(
    (def) =>
      !FREE_TEXT.has(def.type) ||
      ['id', 'name', 'owner', 'nextTopic', 'stageRecorded', 'stepRecorded'].includes(def.key),
  )
  .filter((def) => !UNUSED_LISTS.has(def.key))
  .map((def) => def.key);

/** Columns a caller reads beyond the rules' own (the reports, built from the same read). */
export interface ExtraColumns {
  clients?: readonly ColumnKey<'clients'>[];
  contacts?: readonly ColumnKey<'contacts'>[];
  /** Contacts columns needed only for recent rows (openTable's `recent`) */
  recentContacts?: RecentColumns<'contacts'>;
  /**
   * Look again at applied rows dated since this moment (Refresh): their Stage after and next step are
   * read over their span, and an edit nobody applied moves the client (src/core/refresh.ts).
   */
  recheckSince?: number;
}

/**
 * The Contacts rows of `span` read again over the columns `left`..`left + width - 1` (all of them by
 * default; the other cells are the ones already read), as sheet cells and as records.
 */
function rereadSpan(
  contacts: LogTable<'contacts'>,
  ctx: WorkbookContext,
  span: Span,
  left = 0,
  width = contacts.lastColumn,
): { rows: unknown[][]; records: ReturnType<typeof readTable<'contacts'>>['records'] } {
  const top = sheetRow(contacts, span.first);
  const read = contacts.sheet.getRange(top, left + 1, span.last - span.first + 1, width).getValues() as unknown[][];
  const rows = read.map((cells, r) =>
    Array.from({ length: contacts.grid.header.length }, (_, c) =>
      c >= left && c < left + width ? cells[c - left] : cellAt(contacts.grid, span.first + r, c),
    ),
  );
  return { rows, records: readTable('contacts', [contacts.grid.header, ...rows], ctx.tz, ctx.lang, top - 1).records };
}

/**
 * Contacts rows nobody applied yet get the rest of their columns (next step, stage after, by) from one
 * read over their span, so Refresh can apply them; in a log where every row was applied (the usual
 * case) nothing more is read.
 */
function readPendingRows(contacts: LogTable<'contacts'>, ctx: WorkbookContext): Map<number, unknown[]> {
  const cells = new Map<number, unknown[]>();
  const pending: number[] = [];
  contacts.records.forEachOf(PENDING_FIELDS, (record, i) => {
    if (isPendingContact(record)) pending.push(i);
  });
  if (pending.length === 0) return cells;
  const span: Span = { first: pending[0], last: pending[pending.length - 1] };
  const { rows, records } = rereadSpan(contacts, ctx, span);
  for (const i of pending) {
    const full = records[i - span.first];
    if (full) contacts.records.replace(i, full);
    cells.set(i, rows[i - span.first]);
  }
  return cells;
}

/** The Contacts columns Refresh reads again for recent rows: what each row gives the client. */
const RECHECKED = ['nextFollowUp', 'nextOwner', 'nextTopic', 'stageAfter'] as const;

/**
 * Rows dated since `sinceMs` get their Stage after and next step from one read over their span (the
 * columns between the first and last of them), so Refresh can find an edit nobody applied. A log is
 * appended as things happen: the span is the last week's rows, whatever the log's size.
 */
function readRecentSteps(contacts: LogTable<'contacts'>, ctx: WorkbookContext, sinceMs: number): void {
  const cols = RECHECKED.map((key) => contacts.headers.map[key]).filter((c): c is number => c !== undefined);
  if (cols.length === 0) return;
  let span: Span | null = null;
  contacts.records.forEachOf(['date'], (record, i) => {
    const date = record?.date;
    if (date == null || date.getTime() < sinceMs) return;
    if (span === null) span = { first: i, last: i };
    else span.last = i;
  });
  if (span === null) return;
  const { first, last } = span as Span;
  const left = Math.min(...cols);
  const { records } = rereadSpan(contacts, ctx, span, left, Math.max(...cols) - left + 1);
  const before = contacts.records.span(first, last);
  records.forEach((full, r) => {
    const was = before[r];
    if (full && was) contacts.records.replace(first + r, { ...was, ...pick(full, RECHECKED) });
  });
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

/** Reads Clients (needing `needs`) and Contacts, and runs the rules over them. */
export function computeClients(
  sheets: Map<string, Sheet>,
  ctx: WorkbookContext,
  settingsRead: SettingsRead,
  needs: readonly ColumnKey<'clients'>[],
  extra: ExtraColumns = {},
  catchUp = false,
): ClientsPass {
  const opts = { lang: ctx.lang, tz: ctx.tz };
  const union = <K extends string>(a: readonly K[], b: readonly K[] = []): K[] => [...new Set([...a, ...b])];
  // Catching up writes the next step: its owner and topic must be read to be compared.
  const stepColumns: ColumnKey<'clients'>[] = catchUp ? ['nextOwner', 'nextTopic'] : [];
  const clients = openTable(sheets, 'clients', {
    ...opts,
    needs,
    columns: union(union(CLIENT_COLUMNS, extra.clients), stepColumns),
  });
  const contacts = openLog(sheets, 'contacts', {
    ...opts,
    columns: union<ColumnKey<'contacts'>>(REFRESH_CONTACT_COLUMNS, extra.contacts),
    recent: extra.recentContacts,
  });
  // Without an ID column no row can be told applied from pending: nothing is caught up.
  const canCatchUp = catchUp && contacts.headers.map.id !== undefined;
  const pendingCells = canCatchUp ? readPendingRows(contacts, ctx) : new Map<number, unknown[]>();
  const recheck = canCatchUp ? extra.recheckSince : undefined;
  if (recheck !== undefined) readRecentSteps(contacts, ctx, recheck);
  const day = today(ctx.now, ctx.tz);
  const ids = clientIdSource(settingsRead.settings, ctx);
  const result = refreshClients(clients.records, contacts.records, settingsRead.settings, day, ctx.tz, {
    now: ctx.now,
    lang: ctx.lang,
    catchUp: canCatchUp,
    clientIds: ids.generator,
    recheckSince: canCatchUp ? extra.recheckSince : undefined,
  });
  const rowProblems = [...clients.problems, ...contacts.problems, ...result.problems];
  const ordered = [
    ...rowProblems.filter((p) => p.table === 'clients').sort(byRow),
    ...rowProblems.filter((p) => p.table !== 'clients').sort(byRow),
  ];
  return {
    clients,
    contacts,
    settings: settingsRead.settings,
    today: day,
    result,
    problems: [...settingsRead.problems, ...ordered.map((p) => p.message)].map((m) => render(ctx.lang, m)),
    pendingCells,
    ids,
  };
}

/** Returned by an attempt that found the Clients rows moved since it read them (it wrote nothing). */
export const ROWS_MOVED = Symbol('rows moved');

/**
 * Runs a read-compute-write pass; when the rows moved under it, reads everything again and retries
 * once, then stops with one sentence. Nothing is written by an attempt that reports ROWS_MOVED.
 */
export function withStableRows<T>(sheets: Map<string, Sheet>, lang: Lang, attempt: () => T | typeof ROWS_MOVED): T {
  for (let i = 0; i < 2; i++) {
    const outcome = attempt();
    if (outcome !== ROWS_MOVED) return outcome;
  }
  const tab = tabLabel(sheets, 'clients', lang);
  throw new UserError(lang, message('error.rowsMoved', { tab }));
}
