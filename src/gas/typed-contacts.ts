/**
 * Contact rows typed or pasted into the Contacts tab (onEdit): each complete row — a date, a client, an
 * outcome — is applied to its client through the same rule as the sidebar's save (core/apply-contact),
 * and the row is completed the way the sidebar fills it: its ID, the client's name or ID, the next step
 * the contact set, Stage after and Grade after (blank cells only: what people typed stays). A row the
 * sidebar would refuse (unknown client, a name matching two clients, a date in the future) is not
 * applied: its first cell gets a note saying why, and Refresh lists it (docs/rule-path.md).
 *
 * A row gets its ID when it is applied: Refresh applies the rows that have none (edits onEdit never
 * saw) and so never applies a row twice. Reads grow with the number of clients (the ID and name
 * columns) and with the edited block, never with the contact log.
 */
import { applyContact, contactFacts, stageKeptMessage } from '../core/apply-contact';
import { dayKey, dayOf, startOfDay, today } from '../core/dates';
import { type Message, message, render } from '../core/i18n';
import { type QueuedHandover, handoverCalledFor, stillInForce } from '../core/handover';
import { idGenerator, idKey } from '../core/ids';
import { readTable } from '../core/records';
import type { AppliedRow, PlannedChange } from '../core/refresh';
import { type ClientRecord, type ColumnKey, type ContactRecord, column, label, tabName } from '../core/schema';
import type { Settings } from '../core/settings';
import { writeRuns } from './cells';
import { type ChangeEntry, openChangeLog } from './changes';
import type { WorkbookContext } from './context';
import { queueHandovers } from './handover-mail';
import { withDocumentLock } from './lock';
import { coveringSpans } from './sidebar/card';
import { clientUpdates, writeClientCells } from './sidebar/client-writes';
import { openHeader, recentIds } from './sidebar/header-table';
import { invalidateSearchIndex } from './sidebar/search-index';
import { type Table, rawCell, sheetRow } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The edited rows of the Contacts tab: sheet rows first..first+count-1, columns [left, right). */
export interface ContactEdit {
  first: number;
  count: number;
  left: number;
  right: number;
}

interface Located {
  /** data-row index in the edited block */
  index: number;
  record: ContactRecord;
  /** 0-based data row of the client in Clients */
  clientRow: number;
}

/** At most this many blocks of Clients rows are read for one edit: the calls stay bounded. */
const MAX_CLIENT_BLOCKS = 8;

export function applyTypedContacts(
  sheets: Map<string, Sheet>,
  edit: ContactEdit,
  ctx: WorkbookContext,
  settings: Settings,
  waitMs: number,
): void {
  const { tz, lang } = ctx;
  const contacts = openHeader(sheets, 'contacts', { lang });
  const width = contacts.lastColumn;
  const block = contacts.sheet.getRange(edit.first, 1, edit.count, width).getValues() as unknown[][];
  // Data row `first` of the edit: the index of its first row under the header (which may sit below a title row).
  const firstIndex = edit.first - sheetRow(contacts, 0);
  const records = readTable('contacts', [contacts.grid.header, ...block], tz, lang, edit.first - 1).records;
  if (records.every((r) => r === null)) return;
  const clients = openHeader(sheets, 'clients', { lang, needs: ['id', 'name'] });
  const directory = clientDirectory(clients);
  const nowMs = ctx.now.getTime();
  const notes: (Message | null)[] = records.map(() => null);
  const ready: Located[] = [];
  records.forEach((record, index) => {
    if (record === null || record.date === null || record.outcome === null) return; // still being typed
    const who = record.id !== '' ? record.id : render(lang, message('problem.row', { index: edit.first + index }));
    const tab = tabName('contacts', lang);
    const found = directory.find(record);
    if (typeof found !== 'number') {
      notes[index] = message(found.key, { tab, who, ...found.params });
      return;
    }
    if (record.date.getTime() > nowMs) {
      notes[index] = message('problem.contactFuture', { tab, who, date: dayKey(record.date, tz) });
      return;
    }
    ready.push({ index, record, clientRow: found });
  });

  withDocumentLock(
    lang,
    () => {
      const completions = new Map<ColumnKey<'contacts'>, Map<number, unknown>>();
      const complete = (key: ColumnKey<'contacts'>, index: number, value: unknown): void => {
        const col = contacts.headers.map[key];
        if (col === undefined || value === '' || value === null) return;
        const now = block[index][col];
        if (now !== '' && now !== null && now !== undefined) return; // what people typed stays
        let cells = completions.get(key);
        if (!cells) completions.set(key, (cells = new Map()));
        cells.set(firstIndex + index, rawCell(column('contacts', key), value));
      };
      const newIds = idGenerator('K', recentIds(contacts, 'id'), ctx.now);
      const changes: ChangeEntry[] = [];
      const handovers: QueuedHandover[] = [];
      const day = today(ctx.now, tz);
      const rows = readClientRows(clients, [...new Set(ready.map((r) => r.clientRow))], ctx);
      let searchStale = false;
      for (const [clientRow, before] of rows) {
        const mine = ready
          .filter((r) => r.clientRow === clientRow)
          .sort((a, b) => (a.record.date as Date).getTime() - (b.record.date as Date).getTime() || a.index - b.index);
        let record = before;
        const handed: QueuedHandover[] = [];
        for (const { index, record: contact } of mine) {
          // Stage after moves the client when the row is new or its Stage after was just typed; editing
          // another cell of an old row must not undo a stage set since.
          const stageCol = contacts.headers.map.stageAfter;
          const stageEdited = stageCol !== undefined && stageCol >= edit.left && stageCol < edit.right;
          const applied = applyContact(
            record,
            { ...contactFacts(contact, tz), stage: contact.id === '' || stageEdited ? contact.stageAfter : null },
            settings,
            day,
            tz,
            { me: contact.by, now: ctx.now },
          );
          changes.push(...applied.changes.map((c: PlannedChange) => ({ ...c, by: contact.by })));
          record = applied.after;
          const id = contact.id !== '' ? contact.id : newIds.next();
          // Applied, but a later stage is in force: the row's note says so (its Stage after stays as typed).
          if (applied.stageKept !== null) {
            const where = { tab: tabName('contacts', lang), who: id };
            notes[index] = stageKeptMessage(applied.stageKept, where, lang, tz);
          }
          if (contact.id === '') complete('id', index, id);
          // A row that hands today's step to someone else: mailed by the next run that may send mail
          // (once per row and step, however often the row is edited).
          if (handoverCalledFor(applied.step, contact.by, day))
            handed.push({
              contactId: id,
              clientId: record.id,
              client: record.name,
              to: applied.step.owner,
              day: applied.step.day,
              topic: applied.step.topic,
              by: contact.by,
              at: (contact.date as Date).toISOString(),
            });
          const done = completedRow({ clientId: record.id, client: record.name, row: applied.row }, ctx);
          for (const [key, value] of Object.entries(done)) complete(key as ColumnKey<'contacts'>, index, value);
        }
        const finalDay = dayOf(record.nextFollowUp, tz);
        handovers.push(...handed.filter((h) => stillInForce(h, finalDay, record.nextOwner)));
        const updates = clientUpdates(before, record, lang);
        if ('nextOwner' in updates) searchStale = true;
        writeClientCells(clients, sheetRow(clients, clientRow), updates);
      }
      if (changes.length > 0) openChangeLog(sheets, ctx).append(changes);
      for (const [key, cells] of completions)
        writeRuns(contacts.sheet, sheetRow(contacts, 0), contacts.headers.map[key] as number, cells);
      writeNotes(contacts.sheet, edit, notes, lang);
      queueHandovers(handovers, day);
      if (searchStale) invalidateSearchIndex();
    },
    waitMs,
  );
}

/**
 * What a contact row holds once applied, by column, as written: the client's ID and name, the next
 * step the contact set or proposed, Stage after and Grade after. onEdit and Refresh write these into
 * the cells people left blank, so every door leaves the row as the sidebar writes it.
 */
export function completedRow(
  done: Pick<AppliedRow, 'clientId' | 'client' | 'row'>,
  ctx: Pick<WorkbookContext, 'lang' | 'tz'>,
): Partial<Record<ColumnKey<'contacts'>, unknown>> {
  const { row } = done;
  return {
    clientId: done.clientId,
    client: done.client,
    nextFollowUp: row.nextFollowUp === null ? '' : startOfDay(row.nextFollowUp, ctx.tz),
    nextOwner: row.nextFollowUp === null ? '' : row.nextOwner,
    stageAfter: row.stageAfter === null ? '' : label('stages', row.stageAfter, ctx.lang),
    gradeAfter: row.gradeAfter,
  };
}

type Refusal = 'problem.contactUnknownClient' | 'problem.contactAmbiguousName' | 'problem.contactNoClient';
type Found = number | { key: Refusal; params: Record<string, string | number> };

function refuse(key: Refusal, params: Record<string, string | number> = {}): Found {
  return { key, params };
}

/** The Clients ID and name columns, to find a typed row's client: by ID, else by a name only one client has. */
function clientDirectory(clients: Table<'clients'>): { find(contact: ContactRecord): Found } {
  const last = clients.sheet.getLastRow();
  const idCol = clients.headers.map.id as number;
  const nameCol = clients.headers.map.name as number;
  const top = sheetRow(clients, 0);
  const read = (col: number): unknown[] =>
    last < top
      ? []
      : clients.sheet
          .getRange(top, col + 1, last - top + 1, 1)
          .getValues()
          .map((r) => r[0]);
  const ids = read(idCol);
  const names = read(nameCol);
  const byId = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, row: number): void => {
    if (key === '') return;
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  ids.forEach((v, row) => add(byId, idKey(String(v ?? '')), row));
  names.forEach((v, row) => add(byName, nameKey(v), row));
  return {
    find(contact) {
      const id = idKey(contact.clientId);
      if (id !== '') {
        const rows = byId.get(id) ?? [];
        return rows.length === 1 ? rows[0] : refuse('problem.contactUnknownClient', { id: contact.clientId });
      }
      const name = nameKey(contact.client);
      if (name === '') return refuse('problem.contactNoClient');
      const rows = byName.get(name) ?? [];
      if (rows.length === 1) return rows[0];
      if (rows.length === 0) return refuse('problem.contactUnknownClient', { id: contact.client });
      return refuse('problem.contactAmbiguousName', { name: contact.client, count: rows.length });
    },
  };
}

/** A client's name as typed rows match it: trimmed, case-insensitive; never a guess beyond that. */
function nameKey(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase();
}

/** The Clients rows (0-based data rows) read whole, in a bounded number of blocks, as records. */
function readClientRows(clients: Table<'clients'>, rows: number[], ctx: WorkbookContext): Map<number, ClientRecord> {
  const out = new Map<number, ClientRecord>();
  if (rows.length === 0) return out;
  const sorted = [...rows].sort((a, b) => a - b);
  for (const [first, last] of coveringSpans(sorted, MAX_CLIENT_BLOCKS)) {
    const values = clients.sheet
      .getRange(sheetRow(clients, first), 1, last - first + 1, clients.lastColumn)
      .getValues() as unknown[][];
    const records = readTable(
      'clients',
      [clients.grid.header, ...values],
      ctx.tz,
      ctx.lang,
      sheetRow(clients, first) - 1,
    ).records;
    for (const row of sorted) {
      const record = row >= first && row <= last ? records[row - first] : null;
      if (record) out.set(row, record);
    }
  }
  return out;
}

/** Notes on the first cell of each edited row: why a row was not applied; cleared once it is. */
function writeNotes(
  sheet: Sheet,
  edit: ContactEdit,
  notes: readonly (Message | null)[],
  lang: WorkbookContext['lang'],
): void {
  const range = sheet.getRange(edit.first, 1, edit.count, 1);
  const before = range.getNotes().map((r) => String(r[0] ?? ''));
  const after = notes.map((m) => (m === null ? '' : render(lang, m)));
  if (after.every((n, i) => n === before[i])) return;
  range.setNotes(after.map((n) => [n]));
}
