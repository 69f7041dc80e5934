/**
 * What the emails say about each client, computed once per run from one read of each tab: the
 * computed columns (recomputed in memory, so a preview or a run after a failed refresh is still
 * right), the follow-up state, who is responsible for the next step and who gave it to them, the
 * last contact's summary, the pool countdown and the churn warnings.
 */
import { type DayKey, dayOf, daysBetween } from '../dates';
import type { Lang } from '../i18n';
import type { Grade, Stage, Status } from '../lists';
import { samePerson } from '../people';
import { REFRESH_CLIENT_COLUMNS, REFRESH_CONTACT_COLUMNS, refreshClients } from '../refresh';
import type { ChangeRecord, ClientRecord, ColumnKey, ContactRecord, TeamMember } from '../schema';
import type { Settings } from '../settings';
import { type ChurnWarning, churnWarnings } from '../churn-rules';
import { type FollowUpState, daysOverdue, followUpState } from '../status';
import { idKey } from '../ids';
import type { RecordList } from '../records';

/**
 * The Clients and Contacts columns the emails are computed from (the rules' own and what the lines
 * show): a caller may read just these. At 250,000 contacts the other eight Contacts columns are two
 * million cells the daily run need not move.
 */
export const DIGEST_COLUMNS = {
  clients: [
    ...REFRESH_CLIENT_COLUMNS,
    'name',
    'contact',
    'phone',
    'nextFollowUp',
    'nextOwner',
    'nextTopic',
  ] satisfies ColumnKey<'clients'>[],
  contacts: [...REFRESH_CONTACT_COLUMNS, 'by', 'summary', 'nextOwner'] satisfies ColumnKey<'contacts'>[],
};

export interface DigestInput {
  today: DayKey;
  tz: string;
  /** The workbook's language: for recipients whose Team row names none. */
  lang: Lang;
  settings: Settings;
  /** The links the emails open, made where the sheet is known (src/gas/schedule/digest-source.ts). */
  links: DigestLinks;
  /** Clients data rows in sheet order. */
  clients: readonly (ClientRecord | null)[];
  /** the contact log (src/core/records.ts RecordList: an array, or records made a block at a time) */
  contacts: RecordList<ContactRecord>;
  team: readonly (TeamMember | null)[];
  changes: readonly (ChangeRecord | null)[];
  /** The run's hour of the day in the spreadsheet's time zone, for the greeting (default: morning). */
  hour?: number;
}

/** Links into the spreadsheet: core knows clients by their place in `clients`, not by sheet rows. */
export interface DigestLinks {
  spreadsheet: string;
  /** Opens the spreadsheet on the row of `clients[index]`. */
  client(index: number): string;
}

export interface LastContact {
  day: DayKey;
  by: string;
  summary: string;
}

export interface ClientFact {
  id: string;
  name: string;
  /** The contact person, and the first phone number in the Phone cell as typed ('' when none). */
  contact: string;
  phone: string;
  /** Its place in sheet order (the index in DigestInput.clients). */
  order: number;
  link: string;
  owner: string;
  /** Next owner, else owner: the person the next step waits for. */
  responsible: string;
  grade: Grade;
  stage: Stage | null;
  status: Status;
  state: FollowUpState;
  nextFollowUp: DayKey | null;
  daysOverdue: number;
  topic: string;
  created: DayKey | null;
  last: LastContact | null;
  poolRelease: DayKey | null;
  /** Days before the pool release when within the warning days; null otherwise. */
  poolDaysLeft: number | null;
  /** Who set the responsible person's next step, when that was someone else. */
  assignedBy: string | null;
  warnings: ChurnWarning[];
}

export interface DigestContext {
  input: DigestInput;
  facts: ClientFact[];
  team: TeamMember[];
  /** the contact log as read (blank rows are null) */
  contacts: RecordList<ContactRecord>;
  changes: ChangeRecord[];
}

/** People are named by their Team Name, compared by the one rule (core/people.ts, docs/roles.md). */
export { personKey, samePerson } from '../people';

interface ContactIndex {
  last: LastContact | null;
  lastMs: number;
  /** The latest contact that named a next owner. */
  assign: { by: string; nextOwner: string; ms: number } | null;
  latestResult: ContactRecord['result'];
  resultMs: number;
}

function indexContacts(contacts: RecordList<ContactRecord>, tz: string): Map<string, ContactIndex> {
  const index = new Map<string, ContactIndex>();
  contacts.forEach((c) => {
    if (c === null || c.date === null) return;
    const id = idKey(c.clientId);
    if (id === '') return;
    const ms = c.date.getTime();
    let entry = index.get(id);
    if (!entry) {
      entry = { last: null, lastMs: -Infinity, assign: null, latestResult: null, resultMs: -Infinity };
      index.set(id, entry);
    }
    // Later rows win ties: the log is appended in order.
    if (c.summary.trim() !== '' && ms >= entry.lastMs) {
      const day = dayOf(c.date, tz);
      if (day !== null) {
        entry.last = { day, by: c.by, summary: c.summary.trim() };
        entry.lastMs = ms;
      }
    }
    if (c.nextOwner.trim() !== '' && (entry.assign === null || ms >= entry.assign.ms)) {
      entry.assign = { by: c.by, nextOwner: c.nextOwner, ms };
    }
    if (c.result !== null && ms >= entry.resultMs) {
      entry.latestResult = c.result;
      entry.resultMs = ms;
    }
  });
  return index;
}

function assignedBy(client: ClientRecord, responsible: string, entry: ContactIndex | undefined): string | null {
  const assign = entry?.assign;
  if (assign && samePerson(assign.nextOwner, responsible)) {
    return assign.by.trim() !== '' && !samePerson(assign.by, responsible) ? assign.by.trim() : null;
  }
  if (client.nextOwner.trim() !== '' && client.owner.trim() !== '' && !samePerson(client.nextOwner, client.owner)) {
    return client.owner.trim();
  }
  return null;
}

/** The first number of a Phone cell that may hold several ("0138… / 020…"), as typed. */
export function firstPhone(cell: string): string {
  const first = cell.split(/[\/,;，；、\n]+/)[0] ?? '';
  return first.trim();
}

function present<T>(rows: readonly (T | null)[]): T[] {
  return rows.filter((r): r is T => r !== null);
}

/** Everything the three kinds of email need, in one pass over each tab. */
export function prepareDigest(input: DigestInput): DigestContext {
  const { today, tz, settings } = input;
  const refreshed = refreshClients(input.clients, input.contacts, settings, today, tz, { lang: input.lang });
  const byClient = indexContacts(input.contacts, tz);
  const facts: ClientFact[] = [];
  input.clients.forEach((client, i) => {
    const computed = refreshed.clients[i];
    if (client === null || computed === null) return;
    const nextFollowUp = dayOf(client.nextFollowUp, tz);
    const responsible = client.nextOwner.trim() !== '' ? client.nextOwner.trim() : client.owner.trim();
    const entry = byClient.get(computed.id.toUpperCase());
    const poolDays = computed.poolRelease === null ? null : daysBetween(today, computed.poolRelease);
    const state = followUpState(computed.status, nextFollowUp, today);
    const created = dayOf(client.created, tz);
    facts.push({
      id: computed.id,
      name: client.name.trim() !== '' ? client.name.trim() : computed.id,
      contact: client.contact.trim(),
      phone: firstPhone(client.phone),
      order: i,
      link: input.links.client(i),
      owner: client.owner.trim(),
      responsible,
      grade: computed.grade,
      stage: client.stage,
      status: computed.status,
      state,
      nextFollowUp,
      daysOverdue: daysOverdue(computed.status, nextFollowUp, today),
      topic: client.nextTopic.trim(),
      created,
      last: entry?.last ?? null,
      poolRelease: computed.poolRelease,
      poolDaysLeft: poolDays !== null && poolDays > 0 && poolDays <= settings.poolWarningDays ? poolDays : null,
      assignedBy: assignedBy(client, responsible, entry),
      warnings: churnWarnings(
        {
          grade: computed.grade,
          // Downgrades are reported among the week's moves (Changes), not as a warning here.
          previousGrade: null,
          status: computed.status,
          lastContact: computed.lastContact,
          created,
          latestResult: entry?.latestResult ?? null,
          expiryDate: dayOf(client.expiryDate, tz),
        },
        settings,
        today,
      ),
    });
  });
  return { input, facts, team: present(input.team), contacts: input.contacts, changes: present(input.changes) };
}
