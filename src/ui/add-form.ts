/**
 * The Add client form's state: typed values (kept across errors), the duplicate candidates the
 * server found, and what is sent.
 */
import { type Message, message } from '../core/i18n';
import { entryRequired } from '../core/schema';
import type { DuplicateCandidate, FieldProblem, NewClientFields } from '../contract/types';

/** The fields the form offers, in order; keys are Clients column keys. */
export const ADD_FIELDS = [
  'name',
  'contact',
  'title',
  'phone',
  'email',
  'address',
  'kind',
  'source',
  'owner',
  'stage',
  'need',
  'needConfirmed',
  'budgetConfirmed',
  'decisionMaker',
  'competitors',
  'expectedDate',
  'notes',
] as const;

export type AddField = (typeof ADD_FIELDS)[number];

export interface AddFormState {
  values: Record<AddField, string>;
  saving: boolean;
  problems: Partial<Record<string, Message>>;
  duplicates: DuplicateCandidate[];
  /** Save was refused for these duplicates: "Add anyway" is offered */
  refusedForDuplicates: boolean;
  banner: { kind: 'error' | 'ok'; message: Message | string } | null;
}

export function newAddForm(me: string): AddFormState {
  const values = Object.fromEntries(ADD_FIELDS.map((f) => [f, ''])) as Record<AddField, string>;
  values.owner = me;
  return { values, saving: false, problems: {}, duplicates: [], refusedForDuplicates: false, banner: null };
}

/** A new form holding what a search found nothing for: as the email, the phone, or else the name. */
export function prefilled(state: AddFormState, query: string): AddFormState {
  const text = query.trim();
  const key: AddField = text.includes('@') ? 'email' : /^[\d\s+()\-.]{5,}$/.test(text) ? 'phone' : 'name';
  return { ...state, values: { ...state.values, [key]: text } };
}

/** The problems the form can see itself, all at once: a name (each field a save needs), an email that looks like one. */
export function checkAddForm(
  state: AddFormState,
  fieldName: (field: AddField) => string,
): Partial<Record<string, Message>> {
  const out: Partial<Record<string, Message>> = {};
  for (const f of ADD_FIELDS) {
    if (entryRequired('clients', f) && state.values[f].trim() === '') {
      out[f] = message('sidebar.error.required', { field: fieldName(f) });
    }
  }
  const email = state.values.email.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    out.email = message('sidebar.error.notAnEmail', { field: fieldName('email'), value: email });
  }
  return out;
}

/** The first field with a problem, in the form's order. */
export function firstAddProblem(problems: Partial<Record<string, Message>>): AddField | null {
  return ADD_FIELDS.find((f) => problems[f] !== undefined) ?? null;
}

export function toFields(state: AddFormState): NewClientFields {
  const out: NewClientFields = {};
  for (const key of ADD_FIELDS) if (state.values[key] !== '') out[key] = state.values[key];
  return out;
}

export function withProblems(state: AddFormState, problems: readonly FieldProblem[]): AddFormState {
  const byField: Partial<Record<string, Message>> = {};
  for (const p of problems) if (!(p.field in byField)) byField[p.field] = p.message;
  return {
    ...state,
    problems: byField,
    duplicates: [],
    refusedForDuplicates: false,
    saving: false,
    banner: { kind: 'error', message: { key: 'sidebar.error.fix' } },
  };
}
