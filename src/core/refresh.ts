/**
 * The refresh: every computed column of every client in one pass — ID when missing, Grade, Status,
 * Last contact, Pool release, Segment — plus the Changes it implies (IDs assigned, grade changes)
 * and the problems found. O(clients + contacts): the log is indexed by client ID once.
 */
import { type DayKey, dayKey, daysBetween, startOfDay } from './dates';
import { gradeClient } from './grade';
import { type Lang, type Message, message, t } from './i18n';
import { idGenerator, idKey } from './ids';
import type { Attitude, ChangeKind, Grade, Result, Segment, Status } from './lists';
import { poolOutlook } from './pool';
import type { RowProblem } from './records';
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
}

export interface PlannedChange {
  clientId: string;
  what: ChangeKind;
  old: string;
  new: string;
  reason: Message;
}

export interface RefreshResult {
  /** Aligned with the input clients; null where the input row was blank. */
  clients: (ClientComputed | null)[];
  /** Changes to append to the Changes tab. */
  changes: PlannedChange[];
  problems: RowProblem[];
}

export interface RefreshOptions {
  /** The injected clock, for new IDs (defaults to the start of today). */
  now?: Date;
  lang?: Lang;
  /** IDs in use outside `clients` (the rest of the tab, when only some rows are recomputed). */
  takenIds?: Iterable<string>;
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
] as const satisfies readonly ColumnKey<'clients'>[];

/**
 * The Contacts columns refreshClients reads: a caller may read just these. The contact's own ID is
 * left out: it would only name a row in a problem sentence, the row number does that as well (the
 * sentence is read right after the run), and at 250,000 contacts the column costs 250,000 cells.
 */
export const REFRESH_CONTACT_COLUMNS = [
  'clientId',
  'date',
  'outcome',
  'result',
  'attitude',
] as const satisfies readonly ColumnKey<'contacts'>[];

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

/** Latest reached contact per client, by Date then row order. */
function indexContacts(
  contacts: readonly (ContactRecord | null)[],
  lang: Lang,
  problems: RowProblem[],
  knownIds: ReadonlySet<string>,
): Map<string, ContactFacts> {
  const byClient = new Map<string, ContactFacts>();
  const tab = tabName('contacts', lang);
  contacts.forEach((contact, index) => {
    if (contact === null) return;
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
  return byClient;
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
  contacts: readonly (ContactRecord | null)[],
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
  const byClient = indexContacts(contacts, lang, problems, new Set(idCount.keys()));
  const ids = idGenerator('C', [...existingIds, ...(options.takenIds ?? [])], options.now ?? startOfDay(today, tz));
  const day = (d: Date | null): DayKey | null => (d === null ? null : dayKey(d, tz));

  const computed = clients.map((client): ClientComputed | null => {
    if (client === null) return null;
    let id = client.id.trim();
    if (id === '') {
      id = ids.next();
      changes.push({ clientId: id, what: 'idAssigned', old: '', new: id, reason: message('change.idAssigned') });
    }
    const facts = byClient.get(idKey(id));
    const reached = facts === undefined ? null : dayKey(new Date(facts.lastReachedMs), tz);
    const lastContact = maxDay(reached, day(client.lastContact));
    const created = day(client.created);
    const graded = gradeClient(
      {
        needConfirmed: client.needConfirmed,
        budgetConfirmed: client.budgetConfirmed,
        decisionMaker: client.decisionMaker,
        expectedDate: day(client.expectedDate),
        gradeOverride: client.gradeOverride,
      },
      settings,
      today,
    );
    if (client.grade !== null && client.grade !== graded.grade) {
      changes.push({
        clientId: id,
        what: 'gradeChange',
        old: client.grade,
        new: graded.grade,
        reason: graded.reasons[0] ?? message('change.gradeComputed'),
      });
    }
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
    const segment = segmentOf(
      {
        stage: client.stage,
        status,
        dealValue: client.dealValue,
        satisfaction: client.satisfaction,
        latestAttitude: facts?.latestReachedAttitude ?? null,
        latestResult: facts?.latestReachedResult ?? null,
        daysSinceContact: lastContact === null ? null : daysBetween(lastContact, today),
      },
      settings,
    );
    return {
      id,
      grade: graded.grade,
      gradeOverridden: graded.overridden,
      status,
      lastContact,
      poolRelease: pool.releaseDay,
      segment,
    };
  });
  return { clients: computed, changes, problems };
}
