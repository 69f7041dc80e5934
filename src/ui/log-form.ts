/**
 * The Log contact form's state, apart from the DOM: what the user typed (kept across errors and
 * language switches), whether it is saving, the problems per field, and what is sent. The proposed
 * next date is filled in for a reached contact until the user picks a date themselves.
 */
import type { Message } from '../core/i18n';
import type { ClientCard, ClientHit, FieldProblem, LogContactEntry } from '../server/api-types';

export interface LogFormValues {
  channel: string;
  outcome: string;
  result: string;
  summary: string;
  objections: string;
  attitude: string;
  reason: string;
  date: string;
  by: string;
  nextDate: string;
  nextOwner: string;
  nextTopic: string;
  stage: string;
  gradeOverride: string;
}

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

export function problemsByField(problems: readonly FieldProblem[]): Partial<Record<LogField, Message>> {
  const out: Partial<Record<LogField, Message>> = {};
  for (const p of problems) {
    const field = (FIELD_OF_COLUMN[p.field] ?? p.field) as LogField;
    if (!(field in out)) out[field] = p.message;
  }
  return out;
}

/** The proposal applies to reached contacts only, and only while the user has not picked a date. */
export function proposedNextDate(state: LogFormState): string {
  if (state.nextDateTouched || state.card === null || state.values.outcome !== 'reached') return state.values.nextDate;
  return state.card.proposedNextFollowUp;
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
  if (key === 'outcome') next.values.nextDate = proposedNextDate(next);
  return next;
}

/** What logContact receives: blanks left out, so the server applies its defaults. */
export function toEntry(state: LogFormState): LogContactEntry {
  const v = state.values;
  const entry: LogContactEntry = { clientId: state.client?.id ?? '', channel: v.channel, outcome: v.outcome };
  const optional: (keyof LogFormValues)[] = [
    'result',
    'summary',
    'objections',
    'attitude',
    'reason',
    'date',
    'by',
    'nextDate',
    'nextOwner',
    'nextTopic',
  ];
  for (const key of optional) if (v[key] !== '') (entry as unknown as Record<string, string>)[key] = v[key];
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
