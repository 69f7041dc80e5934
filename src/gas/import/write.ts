/**
 * The import's batched writer (docs/import.md), shared by the command line and the Sheets dialog. For
 * a batch of planned clients, under the document lock: each row is checked as Add client and Log
 * contact check it (a refusal names the row and nothing of the batch is written); new clients get IDs
 * by the one ID rule (Settings ▸ Client number prefix, never reused) and their rows as Add client
 * builds them; contacts are applied in date order in memory through the one rule path
 * (docs/rule-path.md: applyContact, as Log contact applies them, each on the client's row as the last
 * one left it); then the new Clients rows, the Contacts rows and the Changes rows are appended in one
 * write each, the touched clients' cells written back, and the journal recorded (./journal.ts).
 */
import { dayOf, startOfDay } from '../../core/dates';
import { type QueuedHandover, handoverCalledFor, stillInForce } from '../../core/handover';
import { type Lang, message, render, t } from '../../core/i18n';
import { idGenerator, idKey } from '../../core/ids';
import { readTable } from '../../core/records';
import { samePerson } from '../../core/people';
import { mayHandOverFrom } from '../../core/roles';
import {
  type ClientRecord,
  type ColumnDef,
  type ColumnKey,
  CLIENT_COLUMNS,
  column,
  type ContactRecord,
} from '../../core/schema';
import type { LogContactEntry, NewClientFields } from '../../contract/types';
import type { ImportWriteClient } from '../../core/import/batches';
import { type UpdateField, changesField, isRuleField, isUpdateField, registerShown } from '../../core/import/updates';
import { type ListName, label } from '../../core/lists';
import { type ChangeEntry, type ChangeLog, openChangeLog } from '../changes';
import { clientIdSource } from '../client-ids';
import { queueHandovers } from '../handover-mail';
import { withDocumentLock } from '../lock';
import { checkClientFields, newClientRecord } from '../sidebar/add-client';
import { readHistories } from '../sidebar/card';
import { recomputeTypedRows } from '../typed-clients';
import { changesOfClients } from '../sidebar/client-changes';
import { handOver, handOverChange, reclaimWait } from '../sidebar/reassign';
import { type ClientUpdates, clientUpdates, writeClientCells } from '../sidebar/client-writes';
import { openHeader, recentIds } from '../sidebar/header-table';
import { type CheckedEntry, applyEntry, checkEntry, contactRowOf } from '../sidebar/log-contact';
import { invalidateSearchIndex } from '../sidebar/search-index';
import { type SidebarSession, confirmedMembers, openSession } from '../sidebar/session';
import { FieldChecker } from '../sidebar/validate';
import { type Table, appendRecords, columnIndex, findTab, rawCell } from '../table';
import { readSheetHeader } from '../header-row';
import {
  type ImportProgress,
  type JournalEntry,
  appendJournal,
  decodeJson,
  encodeJson,
  newBatchId,
  pendingText,
  rowsById,
} from './journal';

export interface ImportWriteInput {
  /** the import's batch ID ('' for a new import: one is made) */
  batch: string;
  clients: ImportWriteClient[];
  /** a Sheets import: where it stands once this batch is written (kept in the journal, under the same lock) */
  progress?: ImportProgress;
  /** the plan kept for the import's later batches (its first batch only), journaled with its progress */
  plan?: string;
  /** a Sheets import: its clients written before this batch */
  from?: number;
}

export interface ImportWriteDone {
  batch: string;
  added: number;
  logged: number;
  /** the new clients' IDs, in order */
  ids: string[];
  /** a Sheets import: its clients written once this batch is */
  done?: number;
  /** next steps its contacts handed to someone else, due today: queued for mail (docs/import.md) */
  handovers: number;
}

export type ImportWriteResult =
  { ok: true; value: ImportWriteDone } | { ok: false; line: number; text: string; problems: string[] };

type ClientValues = ReturnType<typeof checkClientFields>;

interface Checked {
  source: ImportWriteClient;
  values: ClientValues | null;
  /** create-and-update: the register client's fields as the list gives them, checked as Add client checks them */
  updates: Partial<Record<UpdateField, unknown>>;
  /** create-and-update: the owner the list names for the register client, on the Team (null: none named) */
  owner: string | null;
  contacts: CheckedEntry[];
}

function refusal(lang: Lang, line: number, problems: string[]): ImportWriteResult {
  return {
    ok: false,
    line,
    problems,
    text: render(lang, message('import.refused.row', { line, problems: problems.join(' ') })),
  };
}

/**
 * Whether the importer may import for `owner` (docs/roles.md): a salesperson into their own name, a
 * manager for their team, a director for anyone. The rule for a new client's owner and for the owner
 * an update hands a client to; a refusal names the row.
 */
function mayImportFor(s: SidebarSession, line: number, owner: string): ImportWriteResult | null {
  const may = mayHandOverFrom(s.actor, owner, confirmedMembers(s));
  if (may.ok) return null;
  const key = s.actor.role === 'manager' ? 'import.refused.notYourTeam' : 'import.refused.notYours';
  const text = s.actor.role === null ? message('import.refused.notOnTeam') : message(key, { line, owner });
  return { ok: false, line, problems: [], text: render(s.ctx.lang, text) };
}

/** Every row checked as the sidebar checks it (an update's values and owner too), and the owner of each new client against the importer's role. */
function checkBatch(s: SidebarSession, input: ImportWriteInput): Checked[] | ImportWriteResult {
  const { lang, tz } = s.ctx;
  const out: Checked[] = [];
  for (const source of input.clients ?? []) {
    let values: ClientValues | null = null;
    if (source.fields !== null && source.fields !== undefined) {
      const check = new FieldChecker('clients', lang, tz, s.team);
      values = checkClientFields(source.fields as NewClientFields, s, check);
      if (!check.ok)
        return refusal(
          lang,
          source.line,
          check.problems.map((p) => p.text),
        );
      // Who may import (docs/roles.md): a salesperson into their own name, a manager for their team.
      const refused = mayImportFor(s, source.line, String(values.owner ?? ''));
      if (refused !== null) return refused;
    } else if (String(source.clientId ?? '').trim() === '') {
      return refusal(lang, source.line, [render(lang, message('sidebar.error.pickClient'))]);
    }
    const updates: Partial<Record<UpdateField, unknown>> = {};
    const given = source.fields === null && source.updates ? source.updates : {};
    const keys = Object.keys(given).filter(isUpdateField);
    if (keys.length > 0) {
      // The sidebar's own check of each value; the name is the match key and not updated (a stand-in
      // satisfies its required check, only the update fields are kept).
      const check = new FieldChecker('clients', lang, tz, s.team);
      const checkedValues = checkClientFields({ ...given, name: '-' } as unknown as NewClientFields, s, check);
      if (!check.ok)
        return refusal(
          lang,
          source.line,
          check.problems.map((p) => p.text),
        );
      for (const k of keys) updates[k] = checkedValues[k];
    }
    let owner: string | null = null;
    if (source.fields === null && String(source.owner ?? '').trim() !== '') {
      // The owner an update names: someone on the Team, as Reassign checks the person it hands to.
      const check = new FieldChecker('clients', lang, tz, s.team);
      owner = check.person('owner', source.owner, true);
      if (!check.ok)
        return refusal(
          lang,
          source.line,
          check.problems.map((p) => p.text),
        );
    }
    const contacts: CheckedEntry[] = [];
    for (const entry of source.contacts ?? []) {
      const check = new FieldChecker('contacts', lang, tz, s.team);
      const checked = checkEntry({ ...entry, clientId: source.clientId || 'new' } as LogContactEntry, s, check);
      if (!check.ok)
        return refusal(
          lang,
          entry.line,
          check.problems.map((p) => p.text),
        );
      contacts.push(checked);
    }
    out.push({ source, values, updates, owner, contacts });
  }
  return out;
}

/**
 * A checked update value as its cell is written, as Add client writes it: a list value as its label in
 * the workbook's language (a grade override as its code), a day as its date, yes/no as its label.
 */
function updateCell(key: UpdateField, value: unknown, lang: Lang, tz: string): unknown {
  const def: ColumnDef = column('clients', key);
  if (value === null || value === undefined) return '';
  if (def.type === 'date') return startOfDay(String(value), tz);
  if (def.type === 'boolean') return label('yesNo', value === true ? 'yes' : 'no', lang);
  if (def.type === 'enum' && def.list && key !== 'gradeOverride')
    return label(def.list as ListName, value as never, lang);
  return value;
}

/** A cell as a Changes row's Old or New gives it: a date as its day. */
function changeText(key: UpdateField, cell: unknown, tz: string): string {
  return cell instanceof Date ? registerShown(key, cell, tz) : String(cell ?? '');
}

/**
 * Whether the importer may change this client's fields (docs/roles.md): the hand-over rule (a
 * salesperson their own clients, a manager their team's, a director any); a refusal names the row.
 */
function mayUpdate(s: SidebarSession, line: number, client: ClientRecord): ImportWriteResult | null {
  const may = mayHandOverFrom(s.actor, client.owner, confirmedMembers(s));
  if (may.ok) return null;
  const owner = client.owner.trim() === '' ? t(s.ctx.lang, 'import.refused.pool') : client.owner;
  const text = t(s.ctx.lang, 'import.refused.update', { line, client: `${client.name} (${client.id})`, owner });
  return { ok: false, line, problems: [], text };
}

/** A move the rules found in the cells an import wrote: by the importer; a typed stage's reason names the batch. */
function importedMove(change: ChangeEntry, me: string, batch: string): ChangeEntry {
  const typed = typeof change.reason !== 'string' && change.reason.key === 'change.stageTyped';
  return { ...change, by: me || undefined, reason: typed ? message('import.change.stage', { batch }) : change.reason };
}

/** A Clients row's cells (as getValues gives them) read as a record, as the sidebar reads a client back. */
function parseClient(clients: Table<'clients'>, cells: readonly unknown[], s: SidebarSession): ClientRecord {
  const record = readTable('clients', [clients.grid.header, cells], s.ctx.tz, s.ctx.lang).records[0];
  if (record === null) throw new Error('import: a client row did not read back');
  return record;
}

/** Cells of a record keyed by column, placed under the tab's headers as appendRecords places them. */
function rowCells(clients: Table<'clients'>, record: Partial<Record<ColumnKey<'clients'>, unknown>>, base?: unknown[]) {
  const row: unknown[] = base ? [...base] : new Array(clients.lastColumn).fill('');
  for (const def of CLIENT_COLUMNS as readonly ColumnDef[]) {
    const index = clients.headers.map[def.key as ColumnKey<'clients'>];
    if (index === undefined || !(def.key in record)) continue;
    row[index] = rawCell(def, record[def.key as ColumnKey<'clients'>]);
  }
  return row;
}

/** The record of a row keyed by column (for appendRecords). */
function keyed(clients: Table<'clients'>, cells: readonly unknown[]): Partial<Record<ColumnKey<'clients'>, unknown>> {
  const out: Partial<Record<ColumnKey<'clients'>, unknown>> = {};
  for (const [key, index] of Object.entries(clients.headers.map) as [ColumnKey<'clients'>, number][]) {
    out[key] = cells[index];
  }
  return out;
}

interface Latest {
  at: number;
  order: number;
  attitude: ContactRecord['attitude'];
  result: ContactRecord['result'];
}

export function writeImportBatch(s: SidebarSession, input: ImportWriteInput): ImportWriteResult {
  const { ctx, settings } = s;
  const { lang, tz } = ctx;
  const checked = checkBatch(s, input);
  if (!Array.isArray(checked)) return checked;

  return withDocumentLock(lang, (): ImportWriteResult => {
    const clients = openHeader(s.sheets, 'clients', { lang });
    const contacts = openHeader(s.sheets, 'contacts', { lang });
    const changeLog = openChangeLog(s.sheets, ctx);
    const batch = String(input.batch ?? '').trim() || newBatchId(ctx.ss, ctx.now);

    // The register's clients this batch logs contacts on, and their history (latest reached attitude).
    const existingIds = checked.filter((c) => c.values === null).map((c) => String(c.source.clientId).trim());
    const existing = rowsById(clients, existingIds);
    for (const c of checked) {
      if (c.values === null && !existing.has(idKey(String(c.source.clientId)))) {
        return refusal(lang, c.source.line, [
          render(lang, message('error.unknownClient', { id: String(c.source.clientId) })),
        ]);
      }
    }
    const handing: { c: Checked; client: ClientRecord; owner: string }[] = [];
    for (const c of checked) {
      if (c.values !== null) continue;
      const client = parseClient(clients, existing.get(idKey(String(c.source.clientId)))!.cells, s);
      const owner = c.owner !== null && !samePerson(client.owner, c.owner) ? c.owner : null;
      if (Object.keys(c.updates).length === 0 && owner === null) continue;
      // Changing its fields or its owner needs the hand-over right over its owner (docs/roles.md);
      // the owner it goes to, the right to import for them.
      const refused =
        mayUpdate(s, c.source.line, client) ?? (owner === null ? null : mayImportFor(s, c.source.line, owner));
      if (refused !== null) return refused;
      if (owner !== null) handing.push({ c, client, owner });
    }
    // A client the pool released goes back to its former owner only after the reclaim wait, as
    // Reassign refuses it: one read of the batch's hand-overs' Changes rows.
    const past = changesOfClients(
      changeLog,
      handing.map((h) => h.client.id),
      tz,
    );
    for (const { c, client, owner } of handing) {
      const wait = reclaimWait(s, past.get(idKey(client.id)) ?? [], client.id, owner);
      if (wait !== null) return refusal(lang, c.source.line, [render(lang, wait)]);
    }
    const histories = readHistories(contacts, existingIds, tz);
    const rowsOriginal = new Map([...existing].map(([key, found]) => [key, [...found.cells]]));

    const idCol = columnIndex(clients, 'id');
    const top = clients.headerRow + 1;
    const last = clients.sheet.getLastRow();
    const allIds =
      last < top
        ? []
        : clients.sheet
            .getRange(top, idCol + 1, last - top + 1, 1)
            .getValues()
            .map((r) => String(r[0] ?? ''))
            .filter((x) => x !== '');
    const ids = clientIdSource(settings, ctx);
    const clientIds = ids.generator(allIds);
    const contactIds = idGenerator('K', recentIds(contacts, 'id'), ctx.now);

    const newRows: unknown[][] = [];
    const newIds: string[] = [];
    const contactRows: Partial<Record<keyof ContactRecord, unknown>>[] = [];
    const changes: ChangeEntry[] = [];
    const handovers: QueuedHandover[] = [];
    const touched = new Map<
      string,
      { row: number; original: ClientRecord; cells: unknown[]; final: ClientRecord; fields: ClientUpdates }
    >();
    const reason = message('import.change.added', { batch });
    let order = 0;

    for (const c of checked) {
      let cells: unknown[];
      let latest: Latest | null = null;
      let fieldCells: ClientUpdates = {};
      if (c.values !== null) {
        const id = clientIds.next();
        const made = newClientRecord(c.values, id, s, reason);
        cells = rowCells(clients, made.record);
        changes.push(...made.changes);
        newIds.push(id);
      } else {
        const key = idKey(String(c.source.clientId));
        cells = [...existing.get(key)!.cells];
        // Its fields first (docs/import.md): a value that changes the cell is written, one Changes row each.
        const id = String(cells[idCol] ?? c.source.clientId);
        for (const [k, v] of Object.entries(c.updates) as [UpdateField, unknown][]) {
          const index = clients.headers.map[k];
          if (index === undefined || !changesField(k, cells[index], v, tz)) continue;
          const cell = updateCell(k, v, lang, tz);
          fieldCells[k] = cell;
          // A stage is a move: its Changes row is the move the rules log below, not a field change.
          if (k !== 'stage')
            changes.push({
              clientId: id,
              what: 'fieldChange',
              old: changeText(k, cells[index], tz),
              new: changeText(k, cell, tz),
              by: s.me || undefined,
              reason: message('import.change.field', {
                field: t(lang, column('clients', k).label),
                batch,
              }),
            });
        }
        const reached = (histories.get(key) ?? []).find((h) => h.outcome === 'reached');
        if (reached) {
          latest = {
            at: reached.date?.getTime() ?? -Infinity,
            order: -1,
            attitude: reached.attitude,
            result: reached.result,
          };
        }
      }
      let client = parseClient(clients, cells, s);
      const original = client;
      if (c.values === null && Object.keys(fieldCells).length > 0) {
        cells = rowCells(clients, fieldCells, cells);
        client = parseClient(clients, cells, s);
      }
      if (c.values === null && Object.keys(fieldCells).some(isRuleField)) {
        // A field the rules read: the rules run on the row as onEdit runs them on a typed row
        // (docs/import.md): grade, status, pool release, segment, Stage recorded, Stage set, and the
        // moves' Changes rows, by the importer, a typed stage's naming the batch.
        const typed = recomputeTypedRows([cells], [client], clients.headers.map, settings, ctx);
        for (const [key, planned] of typed.planned) fieldCells[key] = planned[0];
        changes.push(...typed.changes.map((ch) => importedMove(ch, s.me, batch)));
        cells = [...cells];
        for (const [key, planned] of typed.planned) cells[clients.headers.map[key]!] = planned[0];
        client = parseClient(clients, cells, s);
      }
      if (c.values === null && c.owner !== null && !samePerson(client.owner, c.owner)) {
        // The owner the list names: a hand-over, as Reassign makes it (Owner, Status, a Next owner
        // that was the old owner), with its Changes row; journaled with the fields, so undo restores it.
        const moved = handOver(s, client, c.owner).updates;
        changes.push(handOverChange(s, client, c.owner, message('import.change.handedOver', { batch })));
        fieldCells = { ...fieldCells, ...moved };
        cells = rowCells(clients, moved, cells);
        client = parseClient(clients, cells, s);
      }
      const handed: QueuedHandover[] = [];
      for (const entry of c.contacts) {
        const applied = applyEntry(s, client, entry, {
          latestReachedAttitude: latest?.attitude ?? null,
          latestReachedResult: latest?.result ?? null,
        });
        const contactId = contactIds.next();
        contactRows.push(contactRowOf(entry, client, applied.row, contactId, lang, tz));
        // The one rule for a handover mail (core/handover.ts): queued, as a typed row's is; the dialog
        // sends the queue once the batch is written (docs/import.md).
        if (handoverCalledFor(applied.step, entry.by, s.today))
          handed.push({
            contactId,
            clientId: client.id,
            client: client.name,
            to: applied.step.owner,
            day: applied.step.day,
            topic: applied.step.topic,
            by: entry.by,
            at: entry.date.toISOString(),
            batch,
          });
        changes.push(...applied.changes.map((ch) => ({ ...ch, by: s.me || undefined })));
        const updates = clientUpdates(client, applied.after, lang);
        cells = rowCells(clients, updates, cells);
        client = parseClient(clients, cells, s);
        order++;
        if (entry.outcome === 'reached') {
          // The newest reached contact so far (a history row dated later stays the newest).
          const at = entry.date.getTime();
          if (latest === null || at > latest.at || (at === latest.at && order > latest.order))
            latest = { at, order, attitude: entry.attitude, result: entry.result };
        }
      }
      // Only a step still the client's once its history is in (a later row may have replaced it).
      const finalDay = dayOf(client.nextFollowUp, tz);
      handovers.push(...handed.filter((h) => stillInForce(h, finalDay, client.nextOwner)));
      if (c.values !== null) newRows.push(cells);
      else {
        const key = idKey(String(c.source.clientId));
        const prior = touched.get(key);
        const row = existing.get(key)!.row;
        const fields = { ...prior?.fields, ...fieldCells };
        touched.set(key, { row, original: prior?.original ?? original, cells, final: client, fields });
        // a later group of the same client starts from this one's row
        existing.set(key, { row, cells });
      }
    }

    const pending: PendingBatch = {
      done: input.progress?.done ?? 0,
      clients: newRows.map((r, i) => ({ id: newIds[i], record: keyed(clients, r) })),
      contacts: contactRows,
      changes,
      handovers,
      changesAfter: changesSheet(s).getLastRow(),
      touched: [...touched].map(([key, t]) => {
        const updates: ClientUpdates = { ...t.fields, ...clientUpdates(t.original, t.final, lang) };
        const originalCells = rowsOriginal.get(key) ?? [];
        const before: Record<number, unknown> = {};
        for (const k of Object.keys(updates) as ColumnKey<'clients'>[]) {
          const index = clients.headers.map[k];
          if (index !== undefined) before[index] = originalCells[index] ?? '';
        }
        return { key, row: t.row, updates, before };
      }),
    };
    const meta = { batch, at: ctx.now, by: s.me || s.email, lang };
    // A Sheets import journals the batch before writing it (docs/import.md): a call stopped by the
    // time limit in the middle of its writes is finished by Continue, each row written once.
    let progress = input.progress;
    if (progress !== undefined) {
      const started = { ...progress, done: input.from ?? 0 };
      const plan = appendJournal(ctx.ss, [], meta, started, input.plan, encodeJson(pending))?.plan;
      if (plan !== undefined) progress = { ...progress, plan };
    }
    const at = landBatch(s, { clients, contacts, changeLog }, pending, null, () => ids.save());
    appendJournal(ctx.ss, journalEntries(clients, contacts, pending, at), meta, progress);
    const value = {
      batch,
      added: newRows.length,
      logged: contactRows.length,
      ids: newIds,
      handovers: handovers.length,
    };
    return { ok: true, value };
  });
}

/** What a batch writes, journaled before it is written (so Continue can finish it). */
interface PendingBatch {
  /** clients of the import written once this batch is */
  done: number;
  clients: { id: string; record: Partial<Record<ColumnKey<'clients'>, unknown>> }[];
  contacts: Partial<Record<keyof ContactRecord, unknown>>[];
  changes: ChangeEntry[];
  /** the handover mails its contacts call for (absent in a batch journaled by an earlier version) */
  handovers?: QueuedHandover[];
  /** the Changes tab's last row before the batch appended its rows */
  changesAfter: number;
  /** the register's clients it changes: the cells (by column key) and what they were (by column index) */
  touched: { key: string; row: number; updates: ClientUpdates; before: Record<number, unknown> }[];
}

interface Tables {
  clients: Table<'clients'>;
  contacts: Table<'contacts'>;
  changeLog: ChangeLog;
}

function changesSheet(s: SidebarSession): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = findTab(s.sheets, 'changes');
  if (!sheet) throw new Error('import: the Changes tab went missing');
  return sheet;
}

/**
 * Writes a batch: one append per tab, the touched clients' changed cells. `landed` (Continue after a
 * call stopped mid-write) says what of it is in the sheet already: those rows and cells are not
 * written again.
 */
function landBatch(
  s: SidebarSession,
  { clients, contacts, changeLog }: Tables,
  pending: PendingBatch,
  landed: Landed | null,
  saveIds: () => void,
): { firstNew: number; firstContact: number } {
  const firstNew = appendRecords(
    clients,
    pending.clients.filter((c) => !landed?.clients.has(idKey(c.id))).map((c) => c.record),
  );
  saveIds();
  const firstContact = appendRecords(
    contacts,
    pending.contacts.filter((c) => !landed?.contacts.has(idKey(String(c.id)))),
  );
  for (const t of pending.touched) {
    const found = landed === null ? null : landed.touched.get(t.key);
    if (landed !== null && found === undefined) continue;
    const row = found?.row ?? t.row;
    let updates = t.updates;
    if (found !== null && found !== undefined) {
      // Only the cells still as they were: a cell written before the stop, or changed by someone since, stays.
      const still: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(t.updates) as [ColumnKey<'clients'>, unknown][]) {
        const index = clients.headers.map[k];
        if (index !== undefined && sameCell(found.cells[index], t.before[index])) still[k] = v;
      }
      updates = still as ClientUpdates;
    }
    writeClientCells(clients, row, updates);
  }
  if (landed === null || !landed.changes) changeLog.append(pending.changes);
  // After the writes: a run that mails meanwhile finds the step in force. Queued again by Continue, the
  // same contact and step is one entry (one mail: handoverKey).
  queueHandovers(pending.handovers ?? [], s.today);
  invalidateSearchIndex();
  return { firstNew, firstContact };
}

/** What of a stopped batch is in the sheet: rows by ID, the touched clients' rows as they are now, the Changes rows. */
interface Landed {
  clients: Set<string>;
  contacts: Set<string>;
  touched: Map<string, { row: number; cells: unknown[] }>;
  changes: boolean;
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return String(a ?? '') === String(b ?? '');
}

/** The rows of a stopped batch already in the sheet, found by their IDs (and the Changes rows by place). */
function landedOf(s: SidebarSession, { clients, contacts }: Tables, pending: PendingBatch): Landed {
  const newClients = rowsById(
    clients,
    pending.clients.map((c) => c.id),
  );
  const newContacts = rowsById(
    contacts,
    pending.contacts.map((c) => String(c.id)),
  );
  const touched = rowsById(
    clients,
    pending.touched.map((t) => t.key),
  );
  // The batch's Changes rows went in one write right after the rows it had read the log's end at.
  const sheet = changesSheet(s);
  const count = pending.changes.length;
  let changes = count === 0;
  if (!changes && sheet.getLastRow() >= pending.changesAfter + count) {
    const header = readSheetHeader(sheet, 'changes', s.ctx.lang);
    const col = header.match.map.clientId;
    const ids =
      col === undefined
        ? []
        : sheet
            .getRange(pending.changesAfter + 1, col + 1, count, 1)
            .getValues()
            .map((r) => String(r[0] ?? ''));
    changes = ids.length === count && ids.every((id, i) => id === pending.changes[i].clientId);
  }
  return {
    clients: new Set(newClients.keys()),
    contacts: new Set(newContacts.keys()),
    touched,
    changes,
  };
}

/**
 * The journal's rows for a written batch: each row as the sheet now holds it (read back: what undo
 * will compare). Rows appended in one go are read where they went (`at`); a finished stopped batch's by ID.
 */
function journalEntries(
  clients: Table<'clients'>,
  contacts: Table<'contacts'>,
  pending: PendingBatch,
  at: { firstNew: number; firstContact: number } | null,
): JournalEntry[] {
  const entries: JournalEntry[] = [];
  const idCol = columnIndex(clients, 'id');
  const read = <T extends 'clients' | 'contacts'>(tbl: Table<T>, first: number | undefined, ids: string[]) => {
    if (first !== undefined && ids.length > 0) {
      const block = tbl.sheet.getRange(first, 1, ids.length, tbl.lastColumn).getValues() as unknown[][];
      return new Map(ids.map((id, i) => [idKey(id), block[i]]));
    }
    return new Map([...rowsById(tbl, ids)].map(([k, v]) => [k, v.cells]));
  };
  const newIds = pending.clients.map((c) => c.id);
  const added = read(clients, at?.firstNew, newIds);
  for (const id of newIds) {
    const cells = added.get(idKey(id));
    if (cells !== undefined) entries.push({ tab: 'clients', id, before: null, after: cells });
  }
  const touched = pending.touched.filter((t) => Object.keys(t.before).length > 0);
  const now = rowsById(
    clients,
    touched.map((t) => t.key),
  );
  for (const t of touched) {
    const cells = now.get(t.key)?.cells ?? [];
    entries.push({ tab: 'clients', id: String(cells[idCol] ?? t.key), before: t.before, after: cells });
  }
  const contactIds = pending.contacts.map((c) => String(c.id));
  const logged = read(contacts, at?.firstContact, contactIds);
  for (const id of contactIds) {
    const cells = logged.get(idKey(id));
    if (cells !== undefined) entries.push({ tab: 'contacts', id, before: null, after: cells });
  }
  return entries;
}

/**
 * Continue import of a batch stopped in the middle of its writes (its journal says it was started and
 * not finished): writes what of it is not in the sheet yet, then journals it as a finished batch.
 */
export function finishImportBatch(s: SidebarSession, batch: string, progress: ImportProgress): ImportWriteResult {
  const { ctx, settings } = s;
  const { lang } = ctx;
  return withDocumentLock(lang, (): ImportWriteResult => {
    const text = progress.pending === undefined ? null : pendingText(ctx.ss, batch, progress.pending);
    if (text === null) return refusal(lang, 0, [t(lang, 'import.undo.noBatch', { batch })]);
    const pending = decodeJson<PendingBatch>(text);
    const tables: Tables = {
      clients: openHeader(s.sheets, 'clients', { lang }),
      contacts: openHeader(s.sheets, 'contacts', { lang }),
      changeLog: openChangeLog(s.sheets, ctx),
    };
    const landed = landedOf(s, tables, pending);
    const source = clientIdSource(settings, ctx);
    landBatch(s, tables, pending, landed, () => {
      // The highest number given so far, the batch's own included (they may not all be in the sheet yet).
      const top = tables.clients.headerRow + 1;
      const last = tables.clients.sheet.getLastRow();
      const col = columnIndex(tables.clients, 'id');
      const inSheet =
        last < top
          ? []
          : tables.clients.sheet
              .getRange(top, col + 1, last - top + 1, 1)
              .getValues()
              .map((r) => String(r[0] ?? ''));
      source.generator([...inSheet, ...pending.clients.map((c) => c.id)]);
      source.save();
    });
    const entries = journalEntries(tables.clients, tables.contacts, pending, null);
    const finished: ImportProgress = { ...progress, done: pending.done };
    delete finished.pending;
    appendJournal(ctx.ss, entries, { batch, at: ctx.now, by: s.me || s.email, lang }, finished);
    const added = pending.clients.length;
    const ids = pending.clients.map((c) => c.id);
    const handovers = pending.handovers?.length ?? 0;
    return { ok: true, value: { batch, added, logged: pending.contacts.length, ids, done: pending.done, handovers } };
  });
}

/** google.script.run / the command line: one batch of an import (roles: src/server/exposures.ts). */
export function importBatch(input: ImportWriteInput): ImportWriteResult {
  return writeImportBatch(openSession(), input);
}
