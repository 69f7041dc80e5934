/**
 * The Log contact form's state, apart from the DOM: what the user typed (kept across errors and
 * language switches), whether it is saving, the problems per field, and what is sent. The proposed
 * next date is filled in until the user picks a date themselves: the grade's interval after a
 * reached contact, Settings' retry days after an unreached attempt. It is only a proposal: nothing
 * changes in the sheet until the form is saved with it.
 */
import { daysBetween } from '../core/dates';
import { type Lang, type Message, message, t } from '../core/i18n';
import type { ClientCard, ClientHit, FieldProblem, IsoDay, LogContactEntry } from '../contract/types';

/** The form holds every field of the entry it sends (src/contract/types.ts), each as typed. */
export type LogFormValues = { [K in Exclude<keyof LogContactEntry, 'clientId'>]-?: string };

export type LogField = keyof LogFormValues | 'clientId';

export interface LogFormState {
  client: ClientHit | null;
  card: ClientCard | null;
  values: LogFormValues;
  /** the user chose the next date themselves: never overwrite it with a proposal */
  nextDateTouched: boolean;
  saving: boolean;
  problems: Partial<Record<LogField, Message>>;
  /** a sentence for the whole form (server error, "fix the fields below", "saved") */
  banner: { kind: 'error' | 'ok'; message: Message | string } | null;
}

/** gradeOverride '' means "clear"; this value means "leave as it is". */
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
    nextDate: '',
    nextOwner: '',
    nextTopic: '',
    stage: KEEP,
    gradeOverride: KEEP,
  };
}

export function newLogForm(me: string): LogFormState {
  return {
    client: null,
    card: null,
    values: emptyValues(me),
    nextDateTouched: false,
    saving: false,
    problems: {},
    banner: null,
  };
}

/** Server problems name Contacts columns; the form names its inputs after the entry's fields. */
const FIELD_OF_COLUMN: Record<string, LogField> = {
  nextFollowUp: 'nextDate',
  stageAfter: 'stage',
  gradeAfter: 'gradeOverride',
};

/** The form's fields in the order they are shown: focus goes to the first one with a problem. */
export const LOG_FIELD_ORDER: readonly LogField[] = [
  'clientId',
  'channel',
  'outcome',
  'summary',
  'objections',
  'result',
  'attitude',
  'nextDate',
  'nextOwner',
  'nextTopic',
  'date',
  'by',
  'reason',
  'stage',
  'gradeOverride',
];

export function firstProblem(problems: Partial<Record<LogField, Message>>): LogField | null {
  return LOG_FIELD_ORDER.find((f) => problems[f] !== undefined) ?? null;
}

export function problemsByField(problems: readonly FieldProblem[]): Partial<Record<LogField, Message>> {
  const out: Partial<Record<LogField, Message>> = {};
  for (const p of problems) {
    const field = (FIELD_OF_COLUMN[p.field] ?? p.field) as LogField;
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
  if (state.nextDateTouched || state.card === null) return state.values.nextDate;
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

/**
 * Every problem the form can see before asking the server, all at once (the server checks them again,
 * and more): a client, an outcome, a summary when reached, days that are days and in order.
 */
export function checkLogForm(
  state: LogFormState,
  today: IsoDay,
  fieldName: (field: 'outcome' | 'summary' | 'date' | 'nextFollowUp') => string,
): Partial<Record<LogField, Message>> {
  const v = state.values;
  const out: Partial<Record<LogField, Message>> = {};
  if (state.client === null) out.clientId = message('sidebar.error.pickClient');
  if (v.outcome === '') out.outcome = message('sidebar.error.required', { field: fieldName('outcome') });
  if (summaryRequired(v.outcome) && v.summary.trim() === '') {
    out.summary =
      v.outcome === 'reached'
        ? message('sidebar.error.required', { field: fieldName('summary') })
        : message('sidebar.error.summaryIfReached', { field: fieldName('summary') });
  }
  const contactDay = v.date.trim() === '' ? today : readDay(v.date);
  if (contactDay === null) out.date = message('sidebar.error.notADate', { field: fieldName('date'), value: v.date });
  else if (daysBetween(today, contactDay) > 0) out.date = message('sidebar.error.futureDate', { date: contactDay });
  if (v.nextDate.trim() !== '') {
    const next = readDay(v.nextDate);
    if (next === null) {
      out.nextDate = message('sidebar.error.notADate', { field: fieldName('nextFollowUp'), value: v.nextDate });
    } else if (contactDay !== null && daysBetween(contactDay, next) < 0) {
      out.nextDate = message('sidebar.error.nextBeforeContact', { date: next, contact: contactDay });
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
  next.values.nextDate = proposedNextDate(next);
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
    nextDateTouched: state.nextDateTouched || key === 'nextDate',
    problems: { ...state.problems, [key]: undefined },
  };
  if (key === 'outcome') {
    next.values.nextDate = proposedNextDate(next);
    if (!summaryRequired(String(value))) next.problems.summary = undefined;
  }
  return next;
}

/** What logContact receives: blanks left out, so the server applies its defaults. */
export function toEntry(state: LogFormState): LogContactEntry {
  const v = state.values;
  const entry: LogContactEntry = { clientId: state.client?.id ?? '', channel: v.channel, outcome: v.outcome };
  // Every other field goes as typed when filled; Stage and the grade have their own "keep" choice.
  const optional = (Object.keys(v) as (keyof LogFormValues)[]).filter(
    (key) => !['channel', 'outcome', 'stage', 'gradeOverride'].includes(key),
  );
  for (const key of optional) if (v[key] !== '') (entry as unknown as Record<string, string>)[key] = v[key];
  for (const key of ['date', 'nextDate'] as const) if (entry[key] !== undefined) entry[key] = readDay(v[key]) ?? v[key];
  if (v.stage !== KEEP && v.stage !== '') entry.stage = v.stage;
  if (v.gradeOverride !== KEEP) entry.gradeOverride = v.gradeOverride;
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
