/**
 * The Add client form's state: typed values (kept across errors), the duplicate candidates the
 * server found, and what is sent.
 */
import type { Message } from '../core/i18n';
import type { DuplicateCandidate, FieldProblem, NewClientFields } from '../server/api-types';

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
  banner: { kind: 'error' | 'ok'; message: Message | string } | null;
}

export function newAddForm(me: string): AddFormState {
  const values = Object.fromEntries(ADD_FIELDS.map((f) => [f, ''])) as Record<AddField, string>;
  values.owner = me;
  return { values, saving: false, problems: {}, duplicates: [], banner: null };
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
    saving: false,
    banner: { kind: 'error', message: { key: 'sidebar.error.fix' } },
  };
}
