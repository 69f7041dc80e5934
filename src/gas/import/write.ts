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
import { type Lang, message, render } from '../../core/i18n';
import { idGenerator, idKey } from '../../core/ids';
import { readTable } from '../../core/records';
import { mayHandOverFrom } from '../../core/roles';
import {
  type ClientRecord,
  type ColumnDef,
  type ColumnKey,
  CLIENT_COLUMNS,
  type ContactRecord,
} from '../../core/schema';
import type { LogContactEntry, NewClientFields } from '../../contract/types';
import type { ImportWriteClient } from '../../core/import/batches';
import { type ChangeEntry, openChangeLog } from '../changes';
import { clientIdSource } from '../client-ids';
import { withDocumentLock } from '../lock';
import { checkClientFields, newClientRecord } from '../sidebar/add-client';
import { readHistories } from '../sidebar/card';
import { clientUpdates, writeClientCells } from '../sidebar/client-writes';
import { openHeader, recentIds } from '../sidebar/header-table';
import { type CheckedEntry, applyEntry, checkEntry, contactRowOf } from '../sidebar/log-contact';
import { invalidateSearchIndex } from '../sidebar/search-index';
import { type SidebarSession, openSession } from '../sidebar/session';
import { FieldChecker } from '../sidebar/validate';
import { type Table, appendRecords, columnIndex, rawCell } from '../table';
import { type ImportProgress, type JournalEntry, appendJournal, newBatchId, rowsById } from './journal';

export interface ImportWriteInput {
  /** the import's batch ID ('' for a new import: one is made) */
  batch: string;
  clients: ImportWriteClient[];
  /** a Sheets import: where it stands once this batch is written (kept in the journal, under the same lock) */
  progress?: ImportProgress;
}

export interface ImportWriteDone {
  batch: string;
  added: number;
  logged: number;
  /** the new clients' IDs, in order */
  ids: string[];
}

export type ImportWriteResult =
  { ok: true; value: ImportWriteDone } | { ok: false; line: number; text: string; problems: string[] };

type ClientValues = ReturnType<typeof checkClientFields>;

interface Checked {
  source: ImportWriteClient;
  values: ClientValues | null;
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

/** Every row checked as the sidebar checks it, and the owner of each new client against the importer's role. */
function checkBatch(s: SidebarSession, input: ImportWriteInput): Checked[] | ImportWriteResult {
  const { lang, tz } = s.ctx;
  const members = s.roles.confirmed?.members ?? s.roles.current;
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
      const owner = String(values.owner ?? '');
      const may = mayHandOverFrom(s.actor, owner, members);
      if (!may.ok) {
        const key = s.actor.role === 'manager' ? 'import.refused.notYourTeam' : 'import.refused.notYours';
        const text =
          s.actor.role === null ? message('import.refused.notOnTeam') : message(key, { line: source.line, owner });
        return { ok: false, line: source.line, problems: [], text: render(lang, text) };
      }
    } else if (String(source.clientId ?? '').trim() === '') {
      return refusal(lang, source.line, [render(lang, message('sidebar.error.pickClient'))]);
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
    out.push({ source, values, contacts });
  }
  return out;
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
    const touched = new Map<string, { row: number; original: ClientRecord; cells: unknown[]; final: ClientRecord }>();
    const reason = message('import.change.added', { batch });
    let order = 0;

    for (const c of checked) {
      let cells: unknown[];
      let latest: Latest | null = null;
      if (c.values !== null) {
        const id = clientIds.next();
        const made = newClientRecord(c.values, id, s, reason);
        cells = rowCells(clients, made.record);
        changes.push(...made.changes);
        newIds.push(id);
      } else {
        const key = idKey(String(c.source.clientId));
        cells = [...existing.get(key)!.cells];
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
      for (const entry of c.contacts) {
        const applied = applyEntry(s, client, entry, {
          latestReachedAttitude: latest?.attitude ?? null,
          latestReachedResult: latest?.result ?? null,
        });
        contactRows.push(contactRowOf(entry, client, applied.row, contactIds.next(), lang, tz));
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
      if (c.values !== null) newRows.push(cells);
      else {
        const key = idKey(String(c.source.clientId));
        const prior = touched.get(key);
        const row = existing.get(key)!.row;
        touched.set(key, { row, original: prior?.original ?? original, cells, final: client });
        // a later group of the same client starts from this one's row
        existing.set(key, { row, cells });
      }
    }

    // The writes: one append per tab, the touched clients' changed cells, the journal.
    const firstNew = appendRecords(
      clients,
      newRows.map((r) => keyed(clients, r)),
    );
    ids.save();
    const firstContact = appendRecords(contacts, contactRows);
    const updated: { key: string; row: number; before: Record<number, unknown> }[] = [];
    for (const [key, t] of touched) {
      const updates = clientUpdates(t.original, t.final, lang);
      const originalCells = rowsOriginal.get(key) ?? [];
      const before: Record<number, unknown> = {};
      for (const k of Object.keys(updates) as ColumnKey<'clients'>[]) {
        const index = clients.headers.map[k];
        if (index !== undefined) before[index] = originalCells[index] ?? '';
      }
      writeClientCells(clients, t.row, updates);
      updated.push({ key, row: t.row, before });
    }
    changeLog.append(changes);
    invalidateSearchIndex();

    // The journal keeps each row as the sheet now holds it (read back: what undo will compare).
    const entries: JournalEntry[] = [];
    const readBack = (tbl: Table<'clients'> | Table<'contacts'>, first: number, count: number): unknown[][] =>
      count === 0 ? [] : (tbl.sheet.getRange(first, 1, count, tbl.lastColumn).getValues() as unknown[][]);
    readBack(clients, firstNew, newRows.length).forEach((cellsNow, i) =>
      entries.push({ tab: 'clients', id: newIds[i], before: null, after: cellsNow }),
    );
    if (updated.length > 0) {
      const now = rowsById(
        clients,
        updated.map((u) => u.key),
      );
      for (const u of updated) {
        if (Object.keys(u.before).length === 0) continue;
        const cellsNow = now.get(u.key)?.cells ?? [];
        entries.push({ tab: 'clients', id: String(cellsNow[idCol] ?? u.key), before: u.before, after: cellsNow });
      }
    }
    const contactIdCol = columnIndex(contacts, 'id');
    readBack(contacts, firstContact, contactRows.length).forEach((cellsNow) =>
      entries.push({ tab: 'contacts', id: String(cellsNow[contactIdCol] ?? ''), before: null, after: cellsNow }),
    );
    appendJournal(ctx.ss, entries, { batch, at: ctx.now, by: s.me || s.email, lang }, input.progress);
    return { ok: true, value: { batch, added: newRows.length, logged: contactRows.length, ids: newIds } };
  });
}

/** google.script.run / the command line: one batch of an import (roles: src/server/exposures.ts). */
export function importBatch(input: ImportWriteInput): ImportWriteResult {
  return writeImportBatch(openSession(), input);
}
