/**
 * The sources of every report, read once and indexed once: clients with their computed columns
 * (the refresh's own rules, so a report never trusts a stale Grade or Status cell), every contact
 * attempt in Date-then-row order, and each client's attempts. All reports share one ReportData.
 */
import { personKey } from '../people';
import { type DayKey, dayKey, dayOf, tzOffsetMs } from '../dates';
import { type Lang, t } from '../i18n';
import type { Channel, Grade, Outcome, Result, Stage, Status } from '../lists';
import {
  type PlannedChange,
  REFRESH_CLIENT_COLUMNS,
  REFRESH_CONTACT_COLUMNS,
  type RefreshResult,
  refreshClients,
} from '../refresh';
import type { ChangeRecord, ClientRecord, ColumnKey, ContactRecord, TeamMember } from '../schema';
import type { Settings } from '../settings';
import { idKey } from '../ids';
import type { RecordList } from '../records';
import { type Move, clientMoves } from './moves';

export interface ReportInput {
  clients: readonly (ClientRecord | null)[];
  /** the contact log, gone through once here (src/core/records.ts RecordList) */
  contacts: RecordList<ContactRecord>;
  changes: readonly (ChangeRecord | null)[];
  team: readonly (TeamMember | null)[];
  settings: Settings;
  now: Date;
  tz: string;
  lang: Lang;
}

/**
 * The columns the reports read, so the sources can be read column by column (a third of Clients and
 * of Contacts is free text no report shows). A row blank in all of them is nothing a report counts.
 */
export const REPORT_COLUMNS = {
  clients: [
    ...REFRESH_CLIENT_COLUMNS,
    'name',
    'nextFollowUp',
    'nextOwner',
    'nextTopic',
    'lostReason',
  ] satisfies ColumnKey<'clients'>[],
  contacts: [...REFRESH_CONTACT_COLUMNS, 'by', 'channel', 'summary'] satisfies ColumnKey<'contacts'>[],
  changes: ['date', 'clientId', 'what', 'old', 'new'] satisfies ColumnKey<'changes'>[],
};

/** A contact attempt: a Contacts row with a Date and an Outcome. */
export interface Attempt {
  /** Position in the Contacts tab: the tie-break after Date. */
  row: number;
  ms: number;
  day: DayKey;
  by: string;
  clientKey: string;
  channel: Channel | null;
  outcome: Outcome;
  result: Result | null;
  summary: string;
}

export interface ClientView {
  record: ClientRecord;
  /** The ID as written (or as the refresh will assign it). */
  id: string;
  key: string;
  name: string;
  owner: string;
  grade: Grade;
  stage: Stage | null;
  status: Status;
  /** Date of the latest reached contact (or the cell's, when later). */
  lastContact: DayKey | null;
  created: DayKey | null;
  nextFollowUp: DayKey | null;
  expiry: DayKey | null;
  /** This client's attempts, oldest first (Date, then row order). */
  attempts: Attempt[];
  moves: Move[];
}

export interface ReportData {
  input: ReportInput;
  today: DayKey;
  clients: ClientView[];
  byKey: Map<string, ClientView>;
  /** Every attempt, oldest first, including those whose client ID matches no client. */
  attempts: Attempt[];
  /** Team names in Team order: the active ones, or everyone when nobody is marked active. */
  team: string[];
}

function byTime(a: { ms: number; row: number }, b: { ms: number; row: number }): number {
  return a.ms - b.ms || a.row - b.row;
}

/**
 * Everything the reports share, computed once. `computed`: the rules' result over exactly these
 * clients and contacts when the caller has it already (a refresh that read the same rows and writes
 * its result), so the rules do not run twice; the moves it is recording now (a Stage changed without
 * being recorded, contacts caught up) count as made now, as the Changes rows it appends will say.
 */
export function prepareReports(input: ReportInput, computed?: RefreshResult): ReportData {
  const recording = computed?.changes.map((c) => recordingNow(c, input.now)) ?? [];
  const { tz, settings } = input;
  const today = dayKey(input.now, tz);
  const person = personSpelling(input.team);
  const attempts: Attempt[] = [];
  input.contacts.forEach((c, row) => {
    if (c === null || c.date === null || c.outcome === null) return;
    const ms = c.date.getTime();
    attempts.push({
      row,
      ms,
      day: dayKey(c.date, tz),
      by: person(c.by),
      clientKey: idKey(c.clientId),
      channel: c.channel,
      outcome: c.outcome,
      result: c.result,
      summary: c.summary,
    });
  });
  attempts.sort(byTime);
  computed ??= refreshClients(input.clients, input.contacts, settings, today, tz, {
    now: input.now,
    lang: input.lang,
  });
  const moves = clientMoves(recording.length > 0 ? [...input.changes, ...recording] : input.changes, tz);
  const clients: ClientView[] = [];
  const byKey = new Map<string, ClientView>();
  input.clients.forEach((record, i) => {
    const c = computed.clients[i];
    if (record === null || c === null) return;
    const key = idKey(c.id);
    if (byKey.has(key)) return;
    const view: ClientView = {
      record,
      id: c.id,
      key,
      name: record.name,
      owner: person(record.owner),
      grade: c.grade,
      stage: record.stage,
      status: c.status,
      lastContact: c.lastContact,
      created: dayOf(record.created, tz),
      nextFollowUp: dayOf(record.nextFollowUp, tz),
      expiry: dayOf(record.expiryDate, tz),
      attempts: [],
      moves: moves.get(key) ?? [],
    };
    clients.push(view);
    byKey.set(key, view);
  });
  for (const a of attempts) byKey.get(a.clientKey)?.attempts.push(a);
  const members = input.team.filter((m): m is TeamMember => m !== null && m.name.trim() !== '');
  const active = members.filter((m) => m.active);
  const team = [...new Set((active.length > 0 ? active : members).map((m) => m.name.trim()))];
  return { input, today, clients, byKey, attempts, team };
}

/**
 * A person's name as the reports show it: the Team's spelling when the name is a Team member by the one
 * person rule (core/people.ts), so "alice" and "Alice" are one row; else the name trimmed.
 */
function personSpelling(team: readonly (TeamMember | null)[]): (name: string) => string {
  const spelled = new Map<string, string>();
  for (const m of team) {
    const key = m === null ? '' : personKey(m.name);
    if (m !== null && key !== '' && !spelled.has(key)) spelled.set(key, m.name.trim());
  }
  return (name) => spelled.get(personKey(name)) ?? name.trim();
}

/**
 * The people a per-person table lists: the team in Team order (all of it, or with `withIdle` false
 * only those the data names), then anyone else the data names, alphabetically; nobody (a blank
 * name) last.
 */
export function roster(data: ReportData, named: Iterable<string>, withIdle = true): string[] {
  const names = new Set(named);
  const team = data.team.filter((n) => withIdle || names.has(n));
  const onTeam = new Set(data.team);
  const others = [...names].filter((n) => n !== '' && !onTeam.has(n)).sort((a, b) => a.localeCompare(b));
  return [...team, ...others, ...(names.has('') ? [''] : [])];
}

/** A person as a cell: the name, or "(nobody)". */
export function personLabel(name: string, lang: Lang): string {
  return name === '' ? t(lang, 'report.nobody') : name;
}

/** 'YYYY-MM-DD HH:mm' of an instant in tz. */
export function momentText(now: Date, tz: string): string {
  const local = new Date(now.getTime() + tzOffsetMs(now.getTime(), tz));
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${dayKey(now, tz)} ${hh}:${mm}`;
}

/** A change a refresh is appending, as the Changes row it becomes. */
function recordingNow(change: PlannedChange, now: Date): ChangeRecord {
  return {
    id: '',
    date: change.at ?? now,
    clientId: change.clientId,
    what: change.what,
    old: change.old,
    new: change.new,
    by: change.by ?? '',
    reason: '',
  };
}
