/**
 * The refresh: every computed column of every client in one pass — ID when missing, Grade, Status,
 * Last contact, Pool release, Segment — plus the Changes it implies (IDs assigned, grade changes)
 * and the problems found. O(clients + contacts): the log is indexed by client ID once.
 */
import { type DayKey, dayKey, dayOf, daysBetween, startOfDay } from './dates';
import { gradeClient, gradeFactsOf } from './grade';
import { type Lang, type Message, message, t } from './i18n';
import { type IdGenerator, idGenerator, idKey } from './ids';
import type { Attitude, ChangeKind, Grade, Result, Segment, Stage, Status } from './lists';
import {
  type AppliedContact,
  applyContact,
  contactFacts,
  stageEditedOnRow,
  stageKeptMessage,
  stepEditedOnRow,
} from './apply-contact';
import { type QueuedHandover, handoverCalledFor, stillInForce } from './handover';
import { planRecordedCell, stageChange, stageRecordedCell, unrecordedPlan, unrecordedStage } from './stage-record';
import { poolOutlook } from './pool';
import type { RecordList, RowProblem } from './records';
import type { ClientRecord, ColumnKey, ContactRecord } from './schema';
import { tabName } from './schema';
import { segmentOf } from './segment';
import type { Settings } from './settings';
import { computeStatus } from './status';

export interface ClientComputed {
  id: string;
  grade: Grade;
  gradeOverridden: boolean;
  status: Status;
  lastContact: DayKey | null;
  poolRelease: DayKey | null;
  segment: Segment | null;
  /** The Stage recorded cell once any unrecorded move is logged (src/core/stage-record.ts). */
  stageRecorded: string;
  /** The Plan recorded cell once any unrecorded plan is logged. */
  stepRecorded: string;
  /** When the stage in force was set (Stage set), once moves found or caught up are recorded. */
  stageSetMs: number | null;
}

export interface PlannedChange {
  clientId: string;
  what: ChangeKind;
  old: string;
  new: string;
  reason: Message;
  /** Who made it (a contact's By); blank for the rules' own changes. */
  by?: string;
  /**
   * When it happened, when that is not the moment it is recorded: a stage move a contact implies
   * happened at the contact, whichever door (the sidebar, onEdit, Refresh catching up) records it,
   * so the reports count it on the same day.
   */
  at?: Date;
}

/**
 * A contact row Refresh applied: its new ID and what the row holds once completed, as the sidebar
 * writes it and onEdit fills it in (the adapter writes only into cells people left blank).
 */
export interface AppliedRow {
  index: number;
  id: string;
  clientId: string;
  client: string;
  row: AppliedContact['row'];
}

/** What Refresh changed in a client's own cells by applying contacts nobody had applied yet. */
export interface CaughtUp {
  stage: Stage | null;
  nextFollowUp: DayKey | null;
  nextOwner: string;
  nextTopic: string;
  /** The moment the step in force was set. */
  planSetMs: number | null;
}

export interface RefreshResult {
  /** Aligned with the input clients; null where the input row was blank. */
  clients: (ClientComputed | null)[];
  /** Aligned with the input clients: the stage and next step after applying pending contacts (null: none). */
  caughtUp: (CaughtUp | null)[];
  /** Pending contacts applied, by position in `contacts`, with the ID each now gets and its completion. */
  applied: AppliedRow[];
  /** Changes to append to the Changes tab. */
  changes: PlannedChange[];
  /** Steps the applied rows handed to someone else for today, still in force: mailed by the next run that may. */
  handovers: QueuedHandover[];
  problems: RowProblem[];
}

export interface RefreshOptions {
  /** The injected clock, for new IDs (defaults to the start of today). */
  now?: Date;
  lang?: Lang;
  /** IDs in use outside `clients` (the rest of the tab, when only some rows are recomputed). */
  takenIds?: Iterable<string>;
  /**
   * Where new client IDs come from, given every ID in use (Settings ▸ Client number prefix); default:
   * Client Tracker's own C-… IDs.
   */
  clientIds?: (existing: Iterable<string>) => IdGenerator;
  /**
   * Apply pending contacts: rows with a date, a known client and an outcome but no ID, which neither
   * the sidebar nor onEdit applied (an edit Sheets did not report, a paste by script, the mobile app).
   * Their contact records must then hold the next-step and stage-after columns.
   */
  catchUp?: boolean;
  /**
   * Look again at applied rows dated since this moment (their Stage after must be read): a client's
   * latest row whose Stage after was changed in an edit nobody applied moves the client (Refresh).
   */
  recheckSince?: number;
}

/** The Clients columns refreshClients reads: a caller may read just these (and what it needs itself). */
export const REFRESH_CLIENT_COLUMNS = [
  'id',
  'grade',
  'gradeOverride',
  'status',
  'stage',
  'owner',
  'needConfirmed',
  'budgetConfirmed',
  'decisionMaker',
  'expectedDate',
  'lastContact',
  'created',
  'expiryDate',
  'dealValue',
  'satisfaction',
  'stageRecorded',
  'stageSet',
  'nextFollowUp',
  'nextTopic',
  'stepRecorded',
] as const satisfies readonly ColumnKey<'clients'>[];

/**
 * The Contacts columns refreshClients reads: a caller may read just these. The contact's own ID tells
 * a row someone applied (the sidebar and onEdit give every row they apply an ID) from one nobody did.
 * The next-step and stage-after columns are needed only for those pending rows: the caller reads them
 * over their span (PENDING_CONTACT_COLUMNS).
 */
export const REFRESH_CONTACT_COLUMNS = [
  'id',
  'clientId',
  'date',
  'outcome',
  'result',
  'attitude',
] as const satisfies readonly ColumnKey<'contacts'>[];

/** The Contacts columns applying a pending contact needs, beyond REFRESH_CONTACT_COLUMNS. */
export const PENDING_CONTACT_COLUMNS = [
  'by',
  'nextFollowUp',
  'nextOwner',
  'nextTopic',
  'stageAfter',
] as const satisfies readonly ColumnKey<'contacts'>[];

/** The fields isPendingContact looks at: a pass that only looks for such rows parses just these. */
export const PENDING_FIELDS = ['id', 'date', 'outcome', 'clientId'] as const satisfies readonly ColumnKey<'contacts'>[];

/** Whether a contact row waits to be applied: no ID yet, but a date, a client and an outcome. */

export function isPendingContact(contact: ContactRecord | null): boolean {
  return (
    contact !== null &&
    contact.id.trim() === '' &&
    contact.date !== null &&
    contact.outcome !== null &&
    idKey(contact.clientId) !== ''
  );
}

/** What the log says about one client. */
interface ContactFacts {
  lastReachedMs: number;
  latestReachedAttitude: Attitude | null;
  latestReachedResult: Result | null;
}

/** How a problem names a contact: its ID, else its row (named only for a problem: most have none). */
function contactName(contact: ContactRecord, index: number, lang: Lang): string {
  return contact.id !== '' ? contact.id : t(lang, 'problem.row', { index: index + 2 });
}

/** What one pass over the contact log finds (the log is gone through once: docs/scale.md, "Memory"). */
interface LogScan {
  /** Latest reached contact per client, by Date then row order. */
  byClient: Map<string, ContactFacts>;
  /** Contacts nobody applied yet (with `catchUp`), by client key, in log order. */
  pending: Map<string, PendingContact[]>;
  /** Each client's latest dated row (by date, then position) among the rows dated since `recheckSince`. */
  latestRows: Map<string, ContactRecord> | null;
  /** Every contact ID in use (with `catchUp`: new ones are made only for pending rows). */
  contactIds: string[];
}

function scanContacts(
  contacts: RecordList<ContactRecord>,
  lang: Lang,
  problems: RowProblem[],
  knownIds: ReadonlySet<string>,
  options: Pick<RefreshOptions, 'catchUp' | 'recheckSince'>,
): LogScan {
  const byClient = new Map<string, ContactFacts>();
  const pending = new Map<string, PendingContact[]>();
  const since = options.recheckSince;
  const latestRows = since === undefined ? null : new Map<string, ContactRecord>();
  const contactIds: string[] = [];
  const tab = tabName('contacts', lang);
  contacts.forEach((contact, index) => {
    if (contact === null) return;
    if (options.catchUp) {
      if (contact.id !== '') contactIds.push(contact.id);
      if (isPendingContact(contact)) {
        const key = idKey(contact.clientId);
        const list = pending.get(key);
        if (list) list.push({ index, contact });
        else pending.set(key, [{ index, contact }]);
      }
    }
    if (latestRows !== null && since !== undefined && contact.date !== null && contact.date.getTime() >= since) {
      const key = idKey(contact.clientId);
      const was = latestRows.get(key)?.date?.getTime();
      if (was === undefined || contact.date.getTime() >= was) latestRows.set(key, contact);
    }
    const clientId = idKey(contact.clientId);
    if (clientId === '' || !knownIds.has(clientId)) {
      problems.push({
        table: 'contacts',
        index,
        id: contact.id,
        message: message('problem.contactUnknownClient', {
          tab,
          who: contactName(contact, index, lang),
          id: contact.clientId,
        }),
      });
      return;
    }
    if (contact.date === null) {
      problems.push({
        table: 'contacts',
        index,
        id: contact.id,
        message: message('problem.contactNoDate', { tab, who: contactName(contact, index, lang) }),
      });
      return;
    }
    if (contact.outcome !== 'reached') return;
    const ms = contact.date.getTime();
    const facts = byClient.get(clientId);
    if (facts === undefined || ms >= facts.lastReachedMs) {
      byClient.set(clientId, {
        lastReachedMs: ms,
        latestReachedAttitude: contact.attitude,
        latestReachedResult: contact.result,
      });
    }
  });
  return { byClient, pending, latestRows, contactIds };
}

function maxDay(a: DayKey | null, b: DayKey | null): DayKey | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

/**
 * Recomputes the computed columns of every client. Last contact is the latest reached contact in the
 * log, or the date already in the cell when that is later (history imported without its log).
 */
export function refreshClients(
  clients: readonly (ClientRecord | null)[],
  contacts: RecordList<ContactRecord>,
  settings: Settings,
  today: DayKey,
  tz: string,
  options: RefreshOptions = {},
): RefreshResult {
  const lang = options.lang ?? 'en';
  const problems: RowProblem[] = [];
  const changes: PlannedChange[] = [];
  const existingIds: string[] = [];
  const idCount = new Map<string, { first: number; count: number }>();
  clients.forEach((c, index) => {
    if (c === null || c.id.trim() === '') return;
    existingIds.push(c.id);
    const key = idKey(c.id);
    const seen = idCount.get(key);
    if (seen) seen.count++;
    else idCount.set(key, { first: index, count: 1 });
  });
  const tab = tabName('clients', lang);
  for (const [id, { first, count }] of idCount) {
    if (count > 1)
      problems.push({ table: 'clients', index: first, id, message: message('problem.duplicateId', { tab, id }) });
  }
  const scan = scanContacts(contacts, lang, problems, new Set(idCount.keys()), options);
  const { byClient, pending, latestRows } = scan;
  const contactIds = pending.size > 0 ? idGenerator('K', scan.contactIds, options.now ?? startOfDay(today, tz)) : null;
  const applied: AppliedRow[] = [];
  const caughtUp: (CaughtUp | null)[] = [];
  const handovers: QueuedHandover[] = [];
  const inUse = [...existingIds, ...(options.takenIds ?? [])];
  const ids = options.clientIds
    ? options.clientIds(inUse)
    : idGenerator('C', inUse, options.now ?? startOfDay(today, tz));

  const computed = clients.map((client, index): ClientComputed | null => {
    if (client === null) return null;
    let id = client.id.trim();
    if (id === '') {
      id = ids.next();
      changes.push({ clientId: id, what: 'idAssigned', old: '', new: id, reason: message('change.idAssigned') });
    }
    const facts = byClient.get(idKey(id));
    const reached = facts === undefined ? null : dayKey(new Date(facts.lastReachedMs), tz);
    // Refresh reads the whole log: no reached contact means no latest attitude, not an unknown one.
    const latest = facts ?? { latestReachedAttitude: null, latestReachedResult: null };
    // A Stage changed without being recorded is one move before any pending contact applies.
    const typedStage = unrecordedStage(client, id);
    changes.push(...typedStage);
    let record: ClientRecord = { ...client, stageRecorded: stageRecordedCell(client.stage, lang) };
    // A plan typed into the cells without being recorded is logged now, and counts as set now.
    const typedPlan = unrecordedPlan(client, tz, id);
    if (typedPlan.length > 0) {
      changes.push(...typedPlan);
      record = { ...record, planSet: options.now ?? startOfDay(today, tz) };
      record = { ...record, stepRecorded: planRecordedCell(record, tz) };
      caughtUp[index] = stepOf(record, tz);
    }
    const waiting = pending.get(idKey(id));
    if (waiting !== undefined && contactIds !== null) {
      const rows = new Map<number, Pick<AppliedContact, 'row' | 'step'>>();
      const where = { lang, problems, contacts: tabName('contacts', lang) };
      record = catchUpClient({ ...record, id }, waiting, settings, today, tz, changes, rows, where);
      const final = stepOf(record, tz);
      for (const p of waiting) {
        const done = rows.get(p.index)!;
        const contactId = contactIds.next();
        applied.push({ index: p.index, id: contactId, clientId: id, client: client.name, row: done.row });
        const { by, date } = p.contact;
        if (handoverCalledFor(done.step, by, today)) {
          const entry = { contactId, clientId: id, client: client.name, to: done.step.owner, ...done.step, by };
          const queued = { ...entry, at: (date as Date).toISOString() };
          if (stillInForce(queued, final.nextFollowUp, final.nextOwner)) handovers.push(queued);
        }
      }
      caughtUp[index] = final;
    }
    // A typed move counts as set now, unless a contact caught up in this look gave the stage since.
    if (typedStage.length > 0 && record.stageSet?.getTime() === client.stageSet?.getTime())
      record = { ...record, stageSet: options.now ?? startOfDay(today, tz) };
    // The latest row's Stage after changed in an edit nobody applied: the move it is, dated at the row.
    const latestRow = latestRows?.get(idKey(id));
    const edited =
      latestRow && typedStage.length === 0 && waiting === undefined ? stageEditedOnRow(record, latestRow) : null;
    if (edited !== null && latestRow?.date) {
      const why = message('change.stageAfterEdited', { date: dayKey(latestRow.date, tz) });
      for (const c of stageChange(record.stage, edited, why))
        changes.push({ ...c, clientId: id, at: latestRow.date, by: latestRow.by });
      record = { ...record, stage: edited, stageSet: latestRow.date };
      caughtUp[index] = stepOf(record, tz);
    }
    // Its Next follow-up or topic changed the same way: the step it now gives, as onEdit would apply it.
    const step =
      latestRow && typedPlan.length === 0 && waiting === undefined ? stepEditedOnRow(record, latestRow, tz) : null;
    if (step !== null && latestRow?.date) {
      const { day, owner, topic } = step;
      const at = { nextFollowUp: startOfDay(day, tz), nextOwner: owner, nextTopic: topic, planSet: latestRow.date };
      record = { ...record, ...at };
      caughtUp[index] = stepOf(record, tz);
    }
    const out = computeClient(record, { reached, latest }, settings, today, tz);
    if (out.gradeChange) changes.push({ clientId: id, ...out.gradeChange });
    return {
      ...out.computed,
      id,
      stageRecorded: stageRecordedCell(record.stage, lang),
      stepRecorded: planRecordedCell(record, tz),
      stageSetMs: record.stageSet?.getTime() ?? null,
    };
  });
  return {
    clients: computed,
    caughtUp: clients.map((_, i) => caughtUp[i] ?? null),
    applied: applied.sort((a, b) => a.index - b.index),
    changes,
    handovers,
    problems,
  };
}

function stepOf(record: ClientRecord, tz: string): CaughtUp {
  return {
    stage: record.stage,
    nextFollowUp: dayOf(record.nextFollowUp, tz),
    nextOwner: record.nextOwner,
    nextTopic: record.nextTopic,
    planSetMs: record.planSet?.getTime() ?? null,
  };
}

/** What the log says about a client, for computeClient. */
export interface LogFacts {
  /** Day of the latest reached contact in the log (null: none). */
  reached: DayKey | null;
  /** Attitude and Result of that contact; undefined when not known (the caller did not read the log). */
  latest?: { latestReachedAttitude: Attitude | null; latestReachedResult: Result | null };
}

/**
 * The computed columns of one client from its row and what the log says: the one rule every path
 * uses (refresh, onEdit, the sidebar's saves). Last contact is the later of the log's and the cell's
 * (history imported without its log). A grade change is returned when the row had a grade before.
 */
export function computeClient(
  client: ClientRecord,
  log: LogFacts,
  settings: Settings,
  today: DayKey,
  tz: string,
): {
  computed: Omit<ClientComputed, 'id' | 'stageRecorded' | 'stepRecorded' | 'stageSetMs'>;
  gradeChange: Omit<PlannedChange, 'clientId'> | null;
} {
  const day = (d: Date | null): DayKey | null => dayOf(d, tz);
  const lastContact = maxDay(log.reached, day(client.lastContact));
  const created = day(client.created);
  const graded = gradeClient(gradeFactsOf(client, tz), settings, today);
  const gradeChange =
    client.grade !== null && client.grade !== graded.grade
      ? {
          what: 'gradeChange' as const,
          old: client.grade,
          new: graded.grade,
          reason: graded.reasons[0] ?? message('change.gradeComputed'),
        }
      : null;
  const status = computeStatus(
    { stage: client.stage, owner: client.owner, previousStatus: client.status, lastContact, created },
    settings,
    today,
  );
  const pool = poolOutlook(
    {
      grade: graded.grade,
      stage: client.stage,
      owner: client.owner,
      lastContact,
      created,
      expiryDate: day(client.expiryDate),
    },
    settings,
    today,
  );
  // Without the log's latest reached contact the segment cannot be recomputed: it stays as it was
  // (Refresh, which reads the log, settles it), unless the client is no longer Won.
  const segment =
    log.latest === undefined
      ? client.stage === 'won'
        ? client.segment
        : null
      : segmentOf(
          {
            stage: client.stage,
            status,
            dealValue: client.dealValue,
            satisfaction: client.satisfaction,
            latestAttitude: log.latest.latestReachedAttitude,
            latestResult: log.latest.latestReachedResult,
            daysSinceContact: lastContact === null ? null : daysBetween(lastContact, today),
          },
          settings,
        );
  return {
    computed: {
      grade: graded.grade,
      gradeOverridden: graded.overridden,
      status,
      lastContact,
      poolRelease: pool.releaseDay,
      segment,
    },
    gradeChange,
  };
}

interface PendingContact {
  index: number;
  contact: ContactRecord;
}

/**
 * Applies a client's pending contacts in date order through the one rule path (applyContact), as the
 * sidebar would have when each was logged; the stage moves they imply are added to `changes`. Returns
 * the record with the stage and next step after them (grade and status are recomputed by the caller).
 */
function catchUpClient(
  client: ClientRecord,
  waiting: readonly PendingContact[],
  settings: Settings,
  today: DayKey,
  tz: string,
  changes: PlannedChange[],
  rows: Map<number, Pick<AppliedContact, 'row' | 'step'>>,
  where: { lang: Lang; problems: RowProblem[]; contacts: string },
): ClientRecord {
  const ordered = [...waiting].sort(
    (a, b) => (a.contact.date as Date).getTime() - (b.contact.date as Date).getTime() || a.index - b.index,
  );
  let record = client;
  for (const { contact, index } of ordered) {
    const applied = applyContact(record, contactFacts(contact, tz), settings, today, tz, { me: contact.by });
    rows.set(index, applied);
    if (applied.stageKept !== null) {
      const who = contactName(contact, index, where.lang);
      const said = stageKeptMessage(applied.stageKept, { tab: where.contacts, who }, where.lang, tz);
      where.problems.push({ table: 'contacts', index, id: contact.id, message: said });
    }
    for (const c of applied.changes) if (c.what === 'stageChange') changes.push({ ...c, by: contact.by });
    record = { ...applied.after, grade: client.grade, status: client.status };
  }
  return record;
}
