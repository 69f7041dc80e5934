/**
 * Create-and-update: which fields of a client already in the register take the list's value, and when
 * a value is a change (docs/import.md "Updating clients already in the register"). Shared by the
 * planner (the preview's before → after) and the batched writer (what it writes), so the two agree.
 */
import { readAmount } from '../amounts';
import { phoneDigits } from '../client-match';
import { parseDateCell } from '../dates';
import { type ListName, parseEnum, readYesNo } from '../lists';
import { samePerson } from '../people';
import { column } from '../schema';
import type { ClientField } from './fields';

/**
 * The fields an update import writes: what the salesperson types about a client. Not the name (the
 * match key), not the ID, not what the rules compute (grade, status, last contact, pool release,
 * segment), not the next step (the history's), and not the owner (a hand-over).
 */
export const PLAIN_FIELDS = [
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

/**
 * The fields the rules read: written as the list gives them, then the rules run on the row as they
 * run on a row typed into Clients (docs/import.md: a stage is a move, a grade fact may move the grade).
 */
export const RULE_FIELDS = [
  'stage',
  'needConfirmed',
  'budgetConfirmed',
  'decisionMaker',
  'expectedDate',
  'gradeOverride',
  'dealValue',
  'satisfaction',
  'expiryDate',
] as const satisfies readonly ClientField[];

export const UPDATE_FIELDS = [...PLAIN_FIELDS, ...RULE_FIELDS] as const;
export type UpdateField = (typeof UPDATE_FIELDS)[number];

const UPDATABLE = new Set<string>(UPDATE_FIELDS);

export function isUpdateField(field: string): field is UpdateField {
  return UPDATABLE.has(field);
}

const RULE = new Set<string>(RULE_FIELDS);

/** Whether the rules read the field: its change runs them on the row (docs/import.md). */
export function isRuleField(field: string): boolean {
  return RULE.has(field);
}

/**
 * A value as the rule compares it: list values as codes, phones as their digits, emails and text
 * trimmed, yes/no as the validation reads it (a blank is no), dates as their day in `tz`, numbers as
 * numbers.
 */
function normal(field: UpdateField, value: unknown, tz: string): string {
  const def = column('clients', field);
  if (def.type === 'boolean') {
    if (value === null || value === undefined || String(value).trim() === '') return '';
    const yes = readYesNo(value);
    return yes === null ? String(value).trim() : yes ? 'yes' : 'no';
  }
  if (def.type === 'date') {
    if (value === null || value === undefined || String(value).trim() === '') return '';
    const parsed = parseDateCell(value, tz);
    return parsed.ok ? (parsed.day ?? '') : String(value).trim();
  }
  if (def.type === 'number') {
    if (typeof value === 'number') return String(value);
    const n = typeof value === 'string' ? readAmount(value) : null;
    return n === null ? String(value ?? '').trim() : String(n);
  }
  const text = value === null || value === undefined ? '' : String(value);
  if (def.type === 'enum' && def.list) return parseEnum(def.list as ListName, text) ?? text.trim();
  if (field === 'phone') return phoneDigits(text).join(' ') || text.trim();
  if (field === 'email') return text.trim().toLowerCase();
  return text.trim();
}

/**
 * Whether the list's value changes the register's: an empty list value never does (it never blanks
 * a register value), an equal one after the validation's normalisation (phone digits, list values in
 * either language, a person by the one rule, yes/no and its blank, a date by its day in `tz`) does not.
 */
export function changesField(field: UpdateField, register: unknown, list: unknown, tz: string): boolean {
  const after = normal(field, list, tz);
  if (after === '') return false;
  let before = normal(field, register, tz);
  // A blank yes/no cell reads as no (the validation's reading): no over blank is no change.
  if (before === '' && column('clients', field).type === 'boolean') before = 'no';
  if (column('clients', field).type === 'person') return !samePerson(before, after);
  return before !== after;
}

/** A register cell as the preview shows it before its change: a date as its day, yes/no by its reading. */
export function registerShown(field: UpdateField, value: unknown, tz: string): string {
  const def = column('clients', field);
  if (def.type === 'date' || def.type === 'boolean') return normal(field, value, tz);
  return value === null || value === undefined ? '' : String(value);
}
