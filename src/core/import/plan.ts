/**
 * What an import will do, decided before anything is written (docs/import.md): which rows are one
 * client (several rows per client carry its history), which are clients already in the register (by
 * ID, phone digits, email, and the similar-name rule Add client uses), which rows have problems and
 * why, and what follows once it lands (clients overdue at once, clients due for the pool). The writer
 * then adds each new client and logs each contact through the sidebar's own saves, so the preview's
 * numbers are what lands.
 */
import { applyContact } from '../apply-contact';
import { type ClientIdentity, DuplicateIndex, type DuplicateReason, nameKey, phoneDigits } from '../client-match';
import { type DayKey, dayOf, daysBetween, startOfDay } from '../dates';
import { computeClient } from '../refresh';
import { type Message, message } from '../i18n';
import { samePerson } from '../people';
import type { Attitude, Outcome, Result, Stage } from '../lists';
import { poolOutlook } from '../pool';
import { type ClientRecord, CLIENT_COLUMNS, type ColumnDef } from '../schema';
import type { Settings } from '../settings';
import { followUpState } from '../status';
import type { ClientField, ImportField } from './fields';
import { type UpdateField, UPDATE_FIELDS, changesField, registerShown } from './updates';
import type { ContactValues, FieldValue, ListRow, ReadContext } from './values';

/**
 * A client of the register, as the duplicate rule sees it; with its update fields' cells when the
 * preview is to say what an update import changes (the writer decides again on the row it writes).
 */
export type RegisterClient = ClientIdentity & {
  fields?: Partial<Record<UpdateField, unknown>>;
  /** its Owner cell, when the preview is to list the hand-overs an update import makes */
  owner?: string;
};

/** A client of the register an update import hands to the owner the list names, as the preview lists it. */
export interface HandOver {
  line: number;
  id: string;
  name: string;
  /** the register's owner ('' for the pool) */
  before: string;
  after: string;
}

/** A field an update import changes on a client of the register, as the preview lists it. */
export interface FieldChange {
  line: number;
  id: string;
  name: string;
  field: UpdateField;
  /** the register's cell */
  before: string;
  /** the list's value as Add client takes it (a list value as its code) */
  after: FieldValue;
}

export interface PlannedContact {
  line: number;
  values: ContactValues & { date: DayKey; outcome: Outcome; channel: string };
  /** the next step, on the client's latest contact only */
  next: { date: DayKey | null; owner: string; topic: string } | null;
}

export interface PlannedClient {
  /** new: added; update: its fields and contacts written on the client it matched; skip: matched, left alone (create-only) */
  action: 'new' | 'update' | 'skip';
  lines: number[];
  /** the client's fields (its first row's, blanks filled from its later rows); for a new client only */
  fields: Partial<Record<ClientField, FieldValue>>;
  /** the register's client it is */
  matched: { id: string; name: string; reasons: DuplicateReason[] } | null;
  /** update: the list's non-empty values of the fields an update writes (./updates.ts); the writer keeps only changes */
  updates: Partial<Record<UpdateField, FieldValue>>;
  /** update: the owner the list names (never empty); the writer hands the client over when it is someone else */
  owner?: string;
  /** attempts to log, oldest first */
  contacts: PlannedContact[];
}

export interface Duplicate {
  line: number;
  name: string;
  /** an earlier row of the list it joins */
  withLine?: number;
  /** the register's client it is */
  withClient?: { id: string; name: string };
  reasons: (DuplicateReason | 'id')[];
}

export interface ImportPlan {
  /** data rows read (blank lines not counted) */
  rows: number;
  clients: PlannedClient[];
  duplicates: Duplicate[];
  problems: { line: number; message: Message }[];
  /** rows with a date or summary but no outcome: not contact attempts, so not logged */
  notAttempts: number[];
  /** attempts without a channel, logged as phone calls */
  channelAssumed: number;
  /** each list value met, what it became (a code; null: not on the list) and how often */
  listValues: { field: ImportField; text: string; code: string | null; count: number }[];
  counts: {
    newClients: number;
    updates: number;
    skipped: number;
    contacts: number;
    reached: number;
    /** clients of the register whose fields change (update mode, register fields known) */
    fieldUpdates: number;
  };
  /** each field an update changes, in list order (update mode, register fields known) */
  fieldChanges: FieldChange[];
  /** each client an update hands to another owner, in list order (update mode, register owners known) */
  handOvers: HandOver[];
  consequences: {
    /** new clients whose next follow-up has passed once imported */
    overdue: number;
    /** new clients whose pool release day has come */
    poolDue: number;
    /** people the list names who are not on the Team */
    notOnTeam: string[];
    /** new clients with no owner: Add client makes the importer their owner */
    ownerless: number;
  };
}

export interface PlanOptions extends ReadContext {
  /** create and update (true), or create only */
  update: boolean;
  /** the importer's Team name: Add client's owner when the list gives none, Log contact's By */
  me: string;
  settings: Settings;
}

interface Group {
  identity: ClientIdentity;
  rows: ListRow[];
}

function identityOf(row: ListRow): ClientIdentity {
  const text = (f: ClientField): string => (row.client[f] === undefined ? '' : String(row.client[f]));
  return {
    id: text('id').trim(),
    name: text('name'),
    phones: phoneDigits(text('phone')).join(' '),
    email: text('email'),
  };
}

function hasIdentity(id: ClientIdentity): boolean {
  return id.id !== '' || id.name.trim() !== '' || id.phones !== '' || id.email.trim() !== '';
}

/**
 * Same ID, or the duplicate rule of Add client (phone digits, email, similar name). When several
 * match and only one of them by its ID, phone, email or very name (not a merely similar one), that
 * one is the client; otherwise all are returned and the row is refused (a client is never guessed).
 */
/** Entries found by ID and by the duplicate rule without a pass over all of them (thousands of rows). */
class MatchIndex<E extends ClientIdentity> {
  readonly byId = new Map<string, E[]>();
  readonly dups = new DuplicateIndex<E>();

  constructor(entries: readonly E[] = []) {
    for (const e of entries) this.add(e);
  }

  add(entry: E): void {
    if (entry.id !== '') this.byId.set(entry.id, [...(this.byId.get(entry.id) ?? []), entry]);
    this.dups.add(entry);
  }
}

function matchesOf<E extends ClientIdentity>(
  entries: MatchIndex<E>,
  who: ClientIdentity,
): { entry: E; reasons: (DuplicateReason | 'id')[] }[] {
  const found = new Map<E, (DuplicateReason | 'id')[]>();
  if (who.id !== '') for (const e of entries.byId.get(who.id) ?? []) found.set(e, ['id']);
  const phone = who.phones.split(' ').join('/');
  for (const { entry, reasons } of entries.dups.find({ name: who.name, phone, email: who.email })) {
    found.set(entry, [...(found.get(entry) ?? []), ...reasons]);
  }
  const all = [...found].map(([entry, reasons]) => ({ entry, reasons }));
  if (all.length < 2) return all;
  const key = nameKey(who.name);
  const sure = all.filter((m) => m.reasons.some((r) => r !== 'name' || nameKey(m.entry.name) === key));
  return sure.length === 1 ? sure : all;
}

export function planImport(
  rows: readonly ListRow[],
  register: readonly RegisterClient[],
  opts: PlanOptions,
): ImportPlan {
  const problems: ImportPlan['problems'] = [];
  const duplicates: Duplicate[] = [];
  const notOnTeam = new Set<string>();
  const values = new Map<string, { field: ImportField; text: string; code: string | null; count: number }>();
  for (const row of rows) {
    row.notOnTeam.forEach((n) => notOnTeam.add(n));
    for (const v of row.listValues) {
      const key = `${v.field}\u0000${v.text}`;
      const seen = values.get(key);
      if (seen) seen.count++;
      else values.set(key, { ...v, count: 1 });
    }
  }

  // Rows into clients: a row joins the earlier client it matches; a row with history only (no name,
  // phone, email or ID: a list that writes a client's name once) joins the client above it.
  const groups: Group[] = [];
  const groupIds = new MatchIndex<ClientIdentity & { group: Group }>();
  const groupMembers = new Map<Group, ClientIdentity[]>();
  let previous: Group | null = null;
  for (const row of rows) {
    if (row.problems.length > 0) {
      for (const m of row.problems) problems.push({ line: row.line, message: m });
      continue;
    }
    const who = identityOf(row);
    if (!hasIdentity(who)) {
      if (row.contact !== null && previous !== null) previous.rows.push(row);
      else problems.push({ line: row.line, message: message('import.error.noClient') });
      continue;
    }
    const found = matchesOf(groupIds, who);
    const joined = new Set(found.map((f) => f.entry.group));
    if (joined.size > 1) {
      const lines = [...joined].map((g) => g.rows[0].line).join(', ');
      problems.push({ line: row.line, message: message('import.error.twoRows', { lines }) });
      continue;
    }
    if (joined.size === 1) {
      const group = found[0].entry.group;
      group.rows.push(row);
      duplicates.push({ line: row.line, name: who.name, withLine: group.rows[0].line, reasons: found[0].reasons });
      groupIds.add({ ...who, group });
      groupMembers.get(group)!.push(who);
      previous = group;
      continue;
    }
    if (who.name.trim() === '') {
      problems.push({ line: row.line, message: message('import.error.noName') });
      continue;
    }
    const group: Group = { identity: who, rows: [row] };
    groups.push(group);
    groupIds.add({ ...who, group });
    groupMembers.set(group, [who]);
    previous = group;
  }

  const registerIndex = new MatchIndex(register);
  const clients: PlannedClient[] = [];
  const fieldChanges: FieldChange[] = [];
  const handOvers: HandOver[] = [];
  const notAttempts: number[] = [];
  let channelAssumed = 0;
  for (const group of groups) {
    const lines = group.rows.map((r) => r.line);
    const identities = groupMembers.get(group) ?? [];
    const matched = new Map<RegisterClient, (DuplicateReason | 'id')[]>();
    for (const who of identities) {
      for (const { entry, reasons } of matchesOf(registerIndex, who)) {
        matched.set(entry, [...new Set([...(matched.get(entry) ?? []), ...reasons])]);
      }
    }
    if (matched.size > 1) {
      const names = [...matched.keys()].map((c) => `${c.name} (${c.id})`).join(', ');
      for (const line of lines)
        problems.push({ line, message: message('import.error.twoClients', { clients: names }) });
      continue;
    }
    const fields: Partial<Record<ClientField, FieldValue>> = {};
    for (const row of group.rows) {
      for (const [k, v] of Object.entries(row.client) as [ClientField, FieldValue][]) if (!(k in fields)) fields[k] = v;
    }
    delete fields.id;
    const contacts: PlannedContact[] = [];
    for (const row of group.rows) {
      const c = row.contact;
      if (c === null) continue;
      if (c.outcome === null || c.date === null) {
        notAttempts.push(row.line);
        continue;
      }
      if (c.channel === null) channelAssumed++;
      const by = c.by !== '' ? c.by : typeof fields.owner === 'string' ? fields.owner : '';
      contacts.push({
        line: row.line,
        values: { ...c, date: c.date, outcome: c.outcome as Outcome, channel: c.channel ?? 'phone', by },
        next: null,
      });
    }
    contacts.sort((a, b) => daysBetween(b.values.date, a.values.date) || a.line - b.line);
    const latest = contacts[contacts.length - 1];
    if (latest !== undefined) {
      const next = {
        date: typeof fields.nextFollowUp === 'string' ? fields.nextFollowUp : null,
        owner: typeof fields.nextOwner === 'string' ? fields.nextOwner : '',
        topic: typeof fields.nextTopic === 'string' ? fields.nextTopic : '',
      };
      if (next.date !== null && daysBetween(latest.values.date, next.date) < 0) {
        const m = message('sidebar.error.nextBeforeContact', { date: next.date, contact: latest.values.date });
        for (const line of lines) problems.push({ line, message: m });
        continue;
      }
      if (next.date !== null || next.owner !== '' || next.topic !== '') latest.next = next;
      delete fields.nextFollowUp;
      delete fields.nextOwner;
      delete fields.nextTopic;
    }
    const [hit] = [...matched];
    if (hit !== undefined) {
      const [client, reasons] = hit;
      duplicates.push({
        line: lines[0],
        name: group.identity.name,
        withClient: { id: client.id, name: client.name },
        reasons,
      });
      const updates: Partial<Record<UpdateField, FieldValue>> = {};
      if (opts.update) {
        for (const f of UPDATE_FIELDS) {
          const v = fields[f];
          if (v === undefined || String(v).trim() === '') continue; // an empty cell never blanks a value
          updates[f] = v;
          if (client.fields !== undefined && changesField(f, client.fields[f], v, opts.tz)) {
            const shown = registerShown(f, client.fields[f], opts.tz);
            fieldChanges.push({ line: lines[0], id: client.id, name: client.name, field: f, before: shown, after: v });
          }
        }
      }
      // The owner the list names: a hand-over when it is someone else (an empty cell never blanks it).
      const owner = opts.update && typeof fields.owner === 'string' ? fields.owner.trim() : '';
      if (owner !== '' && client.owner !== undefined && !samePerson(client.owner, owner)) {
        handOvers.push({ line: lines[0], id: client.id, name: client.name, before: client.owner, after: owner });
      }
      clients.push({
        action: opts.update ? 'update' : 'skip',
        lines,
        fields: {},
        updates,
        ...(owner !== '' ? { owner } : {}),
        matched: { id: client.id, name: client.name, reasons: reasons.filter((r): r is DuplicateReason => r !== 'id') },
        contacts: opts.update ? contacts : [],
      });
    } else {
      clients.push({ action: 'new', lines, fields, matched: null, updates: {}, contacts });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  duplicates.sort((a, b) => a.line - b.line);

  const written = clients.filter((c) => c.action !== 'skip');
  const logged = written.flatMap((c) => c.contacts);
  const fresh = clients.filter((c) => c.action === 'new');
  let overdue = 0;
  let poolDue = 0;
  for (const c of fresh) {
    const after = outlook(c, opts);
    if (after.overdue) overdue++;
    if (after.poolDue) poolDue++;
  }
  return {
    rows: rows.length,
    clients,
    duplicates,
    problems,
    notAttempts: notAttempts.sort((a, b) => a - b),
    channelAssumed,
    listValues: [...values.values()],
    counts: {
      newClients: fresh.length,
      updates: clients.filter((c) => c.action === 'update').length,
      skipped: clients.filter((c) => c.action === 'skip').length,
      contacts: logged.length,
      reached: logged.filter((c) => c.values.outcome === 'reached').length,
      fieldUpdates: new Set(fieldChanges.map((c) => c.id)).size,
    },
    fieldChanges,
    handOvers,
    consequences: {
      overdue,
      poolDue,
      notOnTeam: [...notOnTeam],
      ownerless: fresh.filter((c) => c.fields.owner === undefined).length,
    },
  };
}

/** A Clients row with nothing in it: blanks as the table reader gives them. */
function blankClient(): ClientRecord {
  const record: Record<string, unknown> = {};
  for (const def of CLIENT_COLUMNS as readonly ColumnDef[]) {
    record[def.key] =
      def.type === 'boolean' ? false : def.type === 'date' || def.type === 'number' || def.type === 'enum' ? null : '';
  }
  return record as unknown as ClientRecord;
}

/**
 * A new client once added and its contacts logged, through the one rule path (grade and status as Add
 * client sets them, then applyContact for each contact): whether it is overdue at once and whether its
 * pool release day has come.
 */
function outlook(planned: PlannedClient, opts: PlanOptions): { overdue: boolean; poolDue: boolean } {
  const { settings, today, tz } = opts;
  let client = blankClient();
  for (const def of CLIENT_COLUMNS as readonly ColumnDef[]) {
    const v = planned.fields[def.key as ClientField];
    if (v === undefined) continue;
    (client as unknown as Record<string, unknown>)[def.key] = def.type === 'date' ? startOfDay(String(v), tz) : v;
  }
  const day = (d: Date | null): DayKey | null => dayOf(d, tz);
  const owner = client.owner !== '' ? client.owner : (opts.me ?? '');
  client = { ...client, owner, created: startOfDay(today, tz) };
  // Grade and status as Refresh computes them for a client with no contact yet.
  const { computed } = computeClient(client, { reached: null }, settings, today, tz);
  client = { ...client, grade: computed.grade, status: computed.status };
  for (const c of planned.contacts) {
    const applied = applyContact(
      client,
      {
        date: startOfDay(c.values.date, tz),
        outcome: c.values.outcome,
        result: c.values.result as Result | null,
        attitude: c.values.attitude as Attitude | null,
        nextFollowUp: c.next?.date ?? null,
        nextOwner: c.next?.owner ?? '',
        nextTopic: c.next?.topic ?? '',
        stage: null as Stage | null,
      },
      settings,
      today,
      tz,
      { me: opts.me },
    );
    client = applied.after;
  }
  const status = client.status ?? 'active';
  const overdue = followUpState(status, day(client.nextFollowUp), today) === 'overdue';
  const pool = poolOutlook(
    {
      grade: client.grade ?? 'D',
      stage: client.stage,
      owner: client.owner,
      lastContact: day(client.lastContact),
      created: today,
      expiryDate: day(client.expiryDate),
    },
    settings,
    today,
  );
  return { overdue, poolDue: pool.due };
}
