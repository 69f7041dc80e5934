/**
 * The Log contact form's state, apart from the DOM: what the user typed (kept across errors and
 * language switches), whether it is saving, the problems per field, and what is sent. The proposed
 * next date is filled in until the user picks a date themselves: the grade's interval after a
 * reached contact, Settings' retry days after an unreached attempt. It is only a proposal: nothing
 * changes in the sheet until the form is saved with it.
 */
import { daysBetween } from '../core/dates';
import { type Lang, type Message, message, t } from '../core/i18n';
import { type ColumnKey, columns, entryRequired } from '../core/schema';
import type { ClientCard, ClientHit, FieldProblem, IsoDay, LogContactEntry } from '../contract/types';

/**
 * The form holds every field of the entry it sends (src/contract/types.ts), each as typed, under its
 * Contacts column's key: the server's problems name the same fields.
 */
export type LogFormValues = { [K in Exclude<keyof LogContactEntry, 'clientId'>]-?: string };

export type LogField = keyof LogFormValues | 'clientId';

export interface LogFormState {
  client: ClientHit | null;
  card: ClientCard | null;
  values: LogFormValues;
  /** the user chose the next follow-up themselves: never overwrite it with a proposal */
  nextFollowUpTouched: boolean;
  saving: boolean;
  problems: Partial<Record<LogField, Message>>;
  /** a sentence for the whole form (server error, "fix the fields below", "saved") */
  banner: { kind: 'error' | 'ok'; message: Message | string } | null;
}

/** Stage after and Grade after: this value means "leave as it is" (a blank Grade after clears a grade set by hand). */
export const KEEP = '__keep__';

export function emptyValues(me: string): LogFormValues {
  return {
    channel: 'phone',
    outcome: '',
    result: '',
    summary: '',
    objections: '',
    attitude: '',
    reason: '',
    date: '',
    by: me,
    nextFollowUp: '',
    nextOwner: '',
    nextTopic: '',
    stageAfter: KEEP,
    gradeAfter: KEEP,
  };
}

export function newLogForm(me: string): LogFormState {
  return {
    client: null,
    card: null,
    values: emptyValues(me),
    nextFollowUpTouched: false,
    saving: false,
    problems: {},
    banner: null,
  };
}

/** The form's fields in the order they are shown: focus goes to the first one with a problem. */
export const LOG_FIELD_ORDER = [
  'clientId',
  'channel',
  'outcome',
  'summary',
  'objections',
  'result',
  'attitude',
  'nextFollowUp',
  'nextOwner',
  'nextTopic',
  'date',
  'by',
  'reason',
  'stageAfter',
  'gradeAfter',
] as const satisfies readonly LogField[];

/** A field of the entry the form does not place does not compile, naming the field. */
const everyFieldPlaced: Record<Exclude<LogField, (typeof LOG_FIELD_ORDER)[number]>, never> = {};
void everyFieldPlaced;

export function firstProblem(problems: Partial<Record<LogField, Message>>): LogField | null {
  return LOG_FIELD_ORDER.find((f) => problems[f] !== undefined) ?? null;
}

export function problemsByField(problems: readonly FieldProblem[]): Partial<Record<LogField, Message>> {
  const out: Partial<Record<LogField, Message>> = {};
  for (const p of problems) {
    const field = p.field as LogField;
    if (!(field in out)) out[field] = p.message;
  }
  return out;
}

/** Whether Summary must be filled: for a reached contact, and while no outcome is chosen (it may be one). */
export function summaryRequired(outcome: string): boolean {
  return outcome === '' || outcome === 'reached';
}

/**
 * The proposal for the outcome chosen, while the user has not picked a date: the grade's interval
 * after a reached contact, the retry days after any other outcome, none before an outcome is chosen.
 */
export function proposedNextDate(state: LogFormState): string {
  if (state.nextFollowUpTouched || state.card === null) return state.values.nextFollowUp;
  const outcome = state.values.outcome;
  if (outcome === '') return '';
  return outcome === 'reached' ? state.card.proposedNextFollowUp : state.card.proposedRetry;
}

/** A typed day as YYYY-MM-DD ('2026/3/9' and '2026.03.09' too), or null when it is not a calendar day. */
export function readDay(text: string): IsoDay | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The fields a save needs a value in (entry: 'required' in the schema), the client apart. */
const REQUIRED_FIELDS = LOG_FIELD_ORDER.filter(
  (f): f is Exclude<(typeof LOG_FIELD_ORDER)[number], 'clientId'> => f !== 'clientId' && entryRequired('contacts', f),
);

/** Whether the form marks a field * (Summary: see summaryRequired). */
export function logFieldRequired(field: keyof LogFormValues): boolean {
  return (REQUIRED_FIELDS as readonly string[]).includes(field);
}

/**
 * Every problem the form can see before asking the server, all at once (the server checks them again,
 * and more): a client, an outcome, a summary when reached, days that are days and in order.
 */
export function checkLogForm(
  state: LogFormState,
  today: IsoDay,
  fieldName: (field: ColumnKey<'contacts'>) => string,
): Partial<Record<LogField, Message>> {
  const v = state.values;
  const out: Partial<Record<LogField, Message>> = {};
  if (state.client === null) out.clientId = message('sidebar.error.pickClient');
  for (const f of REQUIRED_FIELDS) {
    if (v[f].trim() === '') out[f] = message('sidebar.error.required', { field: fieldName(f) });
  }
  if (summaryRequired(v.outcome) && v.summary.trim() === '') {
    out.summary =
      v.outcome === 'reached'
        ? message('sidebar.error.required', { field: fieldName('summary') })
        : message('sidebar.error.summaryIfReached', { field: fieldName('summary') });
  }
  const contactDay = v.date.trim() === '' ? today : readDay(v.date);
  if (contactDay === null) out.date = message('sidebar.error.notADate', { field: fieldName('date'), value: v.date });
  else if (daysBetween(today, contactDay) > 0) out.date = message('sidebar.error.futureDate', { date: contactDay });
  if (v.nextFollowUp.trim() !== '') {
    const next = readDay(v.nextFollowUp);
    if (next === null) {
      out.nextFollowUp = message('sidebar.error.notADate', { field: fieldName('nextFollowUp'), value: v.nextFollowUp });
    } else if (contactDay !== null && daysBetween(contactDay, next) < 0) {
      out.nextFollowUp = message('sidebar.error.nextBeforeContact', { date: next, contact: contactDay });
    }
  }
  return out;
}

/** What the saved contact did, said where it is seen: "Logged for Harbor Hotel · next: Amy Liu, 2026-12-09." */
export function loggedLine(card: ClientCard, lang: Lang): string {
  const f = card.fields;
  const next =
    f.nextFollowUp === null
      ? t(lang, 'sidebar.logged.noNext')
      : t(lang, 'sidebar.logged.next', { owner: f.nextOwner || '—', date: f.nextFollowUp });
  return t(lang, 'sidebar.logged', { client: f.name, next });
}

export function withClient(state: LogFormState, client: ClientHit, card: ClientCard | null): LogFormState {
  const next: LogFormState = { ...state, client, card, problems: { ...state.problems, clientId: undefined } };
  const owner = card?.fields.owner ?? client.owner;
  const values = { ...state.values };
  if (values.nextOwner === '') values.nextOwner = owner;
  next.values = values;
  next.values.nextFollowUp = proposedNextDate(next);
  return next;
}

export function withValue<K extends keyof LogFormValues>(
  state: LogFormState,
  key: K,
  value: LogFormValues[K],
): LogFormState {
  const next: LogFormState = {
    ...state,
    values: { ...state.values, [key]: value },
    nextFollowUpTouched: state.nextFollowUpTouched || key === 'nextFollowUp',
    problems: { ...state.problems, [key]: undefined },
  };
  if (key === 'outcome') {
    next.values.nextFollowUp = proposedNextDate(next);
    if (!summaryRequired(String(value))) next.problems.summary = undefined;
  }
  return next;
}

/** The Contacts columns that hold days: the form sends them as YYYY-MM-DD. */
const DAY_FIELDS = new Set<string>(
  columns('contacts')
    .filter((c) => c.type === 'date')
    .map((c) => c.key),
);

/** What logContact receives: blanks left out, so the server applies its defaults. */
export function toEntry(state: LogFormState): LogContactEntry {
  const v = state.values;
  const entry: LogContactEntry = { clientId: state.client?.id ?? '', channel: v.channel, outcome: v.outcome };
  const sent = entry as unknown as Record<string, string>;
  // Every other field goes as typed when filled. Stage after and Grade after have their own "keep"
  // choice; a blank Grade after goes too: it clears the grade set by hand.
  for (const key of Object.keys(v) as (keyof LogFormValues)[]) {
    const value = v[key];
    const kept = key === 'stageAfter' || key === 'gradeAfter' ? value === KEEP : false;
    if (key in entry || kept || (value === '' && key !== 'gradeAfter')) continue;
    sent[key] = DAY_FIELDS.has(key) ? (readDay(value) ?? value) : value;
  }
  return entry;
}

/** After a save: a fresh form on the same client, with the card the server sent back. */
export function afterSave(state: LogFormState, card: ClientCard, me: string): LogFormState {
  const fresh = newLogForm(me);
  return withClient(
    { ...fresh, banner: { kind: 'ok', message: { key: 'sidebar.saved' } } },
    state.client as ClientHit,
    card,
  );
}
