/**
 * Create-and-update: which fields of a client already in the register take the list's value, and when
 * a value is a change (docs/import.md "Updating clients already in the register"). Shared by the
 * planner (the preview's before → after) and the batched writer (what it writes), so the two agree.
 */
import { phoneDigits } from '../client-match';
import { type ListName, parseEnum } from '../lists';
import { samePerson } from '../people';
import { column } from '../schema';
import type { ClientField } from './fields';

/**
 * The fields an update import writes: what the salesperson types about a client and no rule reads.
 * Not the name (the match key), not the ID, not what the rules derive or read (stage, grade and its
 * facts, dates, deal value and satisfaction: the segment), and not the owner (a hand-over): those
 * stay as the register has them.
 */
export const UPDATE_FIELDS = [
  'contact',
  'title',
  'phone',
  'email',
  'address',
  'kind',
  'source',
  'collaborator',
  'need',
  'competitors',
  'lostReason',
  'notes',
] as const satisfies readonly ClientField[];
export type UpdateField = (typeof UPDATE_FIELDS)[number];

const UPDATABLE = new Set<string>(UPDATE_FIELDS);

export function isUpdateField(field: string): field is UpdateField {
  return UPDATABLE.has(field);
}

/** A value as the rule compares it: list values as codes, phones as their digits, emails and text trimmed. */
function normal(field: UpdateField, value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const def = column('clients', field);
  if (def.type === 'enum' && def.list) return parseEnum(def.list as ListName, text) ?? text.trim();
  if (field === 'phone') return phoneDigits(text).join(' ') || text.trim();
  if (field === 'email') return text.trim().toLowerCase();
  return text.trim();
}

/**
 * Whether the list's value changes the register's: an empty list value never does (it never blanks
 * a register value), an equal one after the validation's normalisation (phone digits, list values in
 * either language, a person by the one rule) does not.
 */
export function changesField(field: UpdateField, register: unknown, list: unknown): boolean {
  const after = normal(field, list);
  if (after === '') return false;
  const before = normal(field, register);
  if (column('clients', field).type === 'person') return !samePerson(before, after);
  return before !== after;
}
