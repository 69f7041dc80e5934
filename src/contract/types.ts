/**
 * What crosses google.script.run between the sidebar and the server: plain JSON only (no Dates:
 * google.script.run turns a result holding a Date into null), days as 'YYYY-MM-DD' in the
 * spreadsheet's time zone and instants as ISO strings. Shapes follow the schema, so adding a
 * column to the schema adds it here.
 */
import type { Lang, Message } from '../core/i18n';
import type { Grade } from '../core/lists';
import type { ClientRecord, ContactRecord, NewContactFields } from '../core/schema';
import type { FollowUpState } from '../core/status';

/** A calendar day in the spreadsheet's time zone, 'YYYY-MM-DD'. */
export type IsoDay = string;
/** An instant, new Date().toISOString(). */
export type IsoInstant = string;

/** A record with its Dates as days: what the sidebar reads. */
type DaysAsText<R> = { [K in keyof R]: R[K] extends Date | null ? IsoDay | null : R[K] };

export type ClientFields = DaysAsText<ClientRecord>;

/** One contact of the history; `date` keeps the time of day, the other dates are days. */
export type ContactEntry = Omit<DaysAsText<ContactRecord>, 'date'> & { date: IsoInstant | null; day: IsoDay | null };

export type SidebarView = 'log' | 'add' | 'card';

/** What the sidebar needs on opening. */
export interface SidebarContext {
  lang: Lang;
  /** the signed-in user's Team name ('' when the Team tab does not know their email) */
  me: string;
  email: string;
  /** Team names, for the who-follows-up pickers */
  team: string[];
  today: IsoDay;
  timeZone: string;
  /** the client on the row under the cursor when the cursor is on the Clients tab */
  selectedClientId: string | null;
  /** which view the menu item asked for */
  view: SidebarView;
  intervals: Record<Grade, number>;
  skipWeekends: boolean;
  /**
   * why the intervals above are the defaults (no Settings tab, or none of it readable), shown once at
   * the top of the sidebar; null when they come from the Settings tab
   */
  settingsFallback: Message | null;
  /**
   * whether the user's confirmed role lets them hand over all of a person's clients (managers and
   * directors): the card offers that action only to them; the server checks again when it is used
   */
  mayHandOverAll: boolean;
}

export interface SearchOptions {
  /** at most 20 */
  limit?: number;
}

export interface ClientHit {
  id: string;
  name: string;
  contact: string;
  phone: string;
  owner: string;
  /** owned by, or next step owned by, the signed-in user */
  mine: boolean;
}

export interface SearchResult {
  hits: ClientHit[];
  /** more clients matched than were returned */
  more: boolean;
}

export interface ClientCard {
  fields: ClientFields;
  /** the grade that counts and why, in order */
  grade: Grade;
  gradeComputed: Grade;
  gradeOverridden: boolean;
  gradeReasons: Message[];
  state: FollowUpState;
  /** today + the grade's interval: the next follow-up a reached contact today would get */
  proposedNextFollowUp: IsoDay;
  intervalDays: number;
  /** today + Settings' retry days (working days when weekends are skipped): proposed after an unreached attempt */
  proposedRetry: IsoDay;
  retryDays: number;
  /** every contact attempt, newest first */
  history: ContactEntry[];
}

/**
 * A claim's or a hand-over's answer: the card as saved, without the history, which they do not
 * change and which the sidebar already shows (reading it again would cost the client's blocks of
 * Contacts rows on every claim: docs/calls.md "One answer, one call").
 */
export type CardUpdate = Omit<ClientCard, 'history'>;

/**
 * Log contact's answer: the card as saved and the contact just added (`added`). The history comes
 * too when the save had to read it (an attempt not reached, a backdated contact: the rules need the
 * latest reached contact before it); otherwise the sidebar adds `added` to the history it shows, and
 * a save costs the same however long the client's history (docs/calls.md).
 */
export type LoggedCard = CardUpdate & { added: ContactEntry; history?: ContactEntry[] };

/**
 * The contact form as the sidebar sends it, read off the Contacts columns (core/schema.ts): each
 * column by its key, as typed, list values as codes or labels in any language; Client ID, Channel and
 * Outcome must be there, the contact's own ID and the client's name are filled in by the server.
 * `date` defaults to now (a day, '2026-03-01', or an instant); `by` to the signed-in user's Team name;
 * `stageAfter` absent leaves the stage; `gradeAfter` is a grade set by hand ('' clears it, absent
 * leaves it).
 */
export type LogContactEntry = NewContactFields;

/** Client fields by their camelCase column keys, as typed into the Add client form. */
export type NewClientFields = Partial<Record<keyof ClientRecord, string | number | boolean>>;

export interface AddClientOptions {
  /** add even though similar clients exist (the user saw the candidates) */
  allowDuplicate?: boolean;
}

export type DuplicateReason = 'phone' | 'email' | 'name';

/** What the Add client form checks for duplicates while it is being typed. */
export interface DuplicateQuery {
  name?: string;
  phone?: string;
  email?: string;
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  contact: string;
  phone: string;
  email: string;
  owner: string;
  reasons: DuplicateReason[];
}

/** One sentence about one field: `message` for the sidebar to show in its language, `text` rendered already. */
export interface FieldProblem {
  field: string;
  message: Message;
  text: string;
}

export interface Notice {
  message: Message;
  text: string;
}

/**
 * The answer of every write: done (with what changed and anything worth telling), or refused with a
 * sentence per field and nothing written. Problems that are not about a field (another task holds
 * the lock, a tab is missing) are thrown and reach the sidebar's failure handler.
 */
export type WriteResult<T> =
  { ok: true; value: T; notices: Notice[] } | { ok: false; problems: FieldProblem[]; duplicates: DuplicateCandidate[] };

export interface ReassignSummary {
  clientIds: string[];
  /** the new owner, as the Team spells them */
  owner: string;
}

/** How many clients a person owns now: what the user confirms before handing over all of them. */
export interface HandoverCount {
  owner: string;
  count: number;
}
