/**
 * What a sidecar (`FILE.xlsx.ct-state.json`) may hold, checked with zod before anything reads it: a
 * hand-edited or damaged file is refused with one sentence naming the first wrong value, instead of
 * hanging a command (`"sheets":[{}]` once spun forever looking for a free tab id) or failing deep inside
 * with a TypeError. Unknown keys are kept (a newer version may add some); limits follow Sheets' own
 * (10 million cells, 18,278 columns), so no valid file can make a loop run away.
 */
import { z } from 'zod';
import { MAX_CELLS, MAX_COLUMNS } from '../emulator/model';
import { isValidTimeZone } from '../emulator/spreadsheet/dates';

const count = (max: number) => z.number().int().min(0).max(max);
const positive = (max: number) => z.number().int().min(1).max(max);
const id = count(2 ** 31 - 1);
const text = z.string();

const rect = z
  .object({
    row: positive(MAX_CELLS),
    col: positive(MAX_COLUMNS),
    numRows: positive(MAX_CELLS),
    numCols: positive(MAX_COLUMNS),
  })
  .passthrough();

const developerMetadata = z
  .object({
    id,
    key: text,
    value: text.nullable(),
    visibility: z.enum(['DOCUMENT', 'PROJECT']),
    location: z.discriminatedUnion('type', [
      z.object({ type: z.literal('SPREADSHEET') }).passthrough(),
      z.object({ type: z.literal('SHEET') }).passthrough(),
      z.object({ type: z.literal('ROW'), index: positive(MAX_CELLS) }).passthrough(),
      z.object({ type: z.literal('COLUMN'), index: positive(MAX_COLUMNS) }).passthrough(),
    ]),
  })
  .passthrough();

const criteria = z.discriminatedUnion('type', [
  z.object({ type: z.literal('VALUE_IN_LIST'), values: z.array(text), showDropdown: z.boolean() }).passthrough(),
  z.object({ type: z.literal('CHECKBOX') }).passthrough(),
  z.object({ type: z.literal('DATE_IS_VALID_DATE') }).passthrough(),
  z.object({ type: z.literal('NUMBER_BETWEEN'), min: z.number(), max: z.number() }).passthrough(),
  z.object({ type: z.literal('CUSTOM_FORMULA'), formula: text }).passthrough(),
]);

const validation = z
  .object({
    rect,
    rule: z.object({ criteria, allowInvalid: z.boolean(), helpText: text.optional() }).passthrough().nullable(),
  })
  .passthrough();

const protection = z.object({ rect: rect.nullable(), description: text, warningOnly: z.boolean() }).passthrough();

const chart = z
  .object({
    id,
    type: text,
    ranges: z.array(rect),
    position: z
      .object({ row: positive(MAX_CELLS), col: positive(MAX_COLUMNS), offsetX: z.number(), offsetY: z.number() })
      .passthrough(),
    options: z.record(z.unknown()),
  })
  .passthrough();

const sheet = z
  .object({
    name: text.min(1),
    id,
    maxRows: positive(MAX_CELLS),
    maxColumns: positive(MAX_COLUMNS),
    protections: z.array(protection).optional(),
    charts: z.array(chart).optional(),
    developerMetadata: z.array(developerMetadata).optional(),
    validations: z.array(validation).optional(),
  })
  .passthrough();

const sentMail = z
  .object({
    from: text,
    to: z.array(text),
    cc: z.array(text),
    bcc: z.array(text),
    subject: text,
    body: text,
    htmlBody: text.nullable(),
    name: text.nullable(),
    replyTo: text.nullable(),
    noReply: z.boolean(),
    attachments: z.array(z.unknown()),
    sentAt: z.number(),
  })
  .passthrough();

const trigger = z
  .object({
    id: text,
    handler: text,
    eventType: text,
    source: text,
    sourceId: text.nullable(),
    documentId: text.nullable(),
    creator: text,
    createdAt: z.number(),
    schedule: z.record(z.unknown()).nullable(),
  })
  .passthrough();

const propertyStore = z.record(z.union([text, z.number(), z.boolean()]));

/** The emulated services' saved state (emulator/services/persistence.ts), checked before it is imported. */
export const servicesSchema = z
  .object({
    version: z.literal(1),
    properties: z
      .object({ script: propertyStore, document: propertyStore, user: z.record(propertyStore) })
      .partial()
      .passthrough()
      .optional(),
    triggers: z
      .object({ editorAddOn: z.boolean(), nextId: positive(2 ** 31 - 1), list: z.array(trigger) })
      .partial()
      .passthrough()
      .optional(),
    mail: z
      .object({
        account: z.enum(['consumer', 'workspace']),
        dailyQuota: count(1_000_000).nullable(),
        sent: z.array(sentMail),
        usage: z.record(z.object({ windowStartMs: z.number(), recipients: count(1_000_000) }).passthrough()),
      })
      .partial()
      .passthrough()
      .optional(),
    session: z.object({ scriptTimeZone: text, userLocale: text }).partial().passthrough().optional(),
  })
  .passthrough();

export const sidecarSchema = z
  .object({
    version: z.literal(1),
    timeZone: text.refine(isValidTimeZone, { params: { problem: 'timeZone' } }),
    locale: text,
    spreadsheetId: text.optional(),
    spreadsheetName: text.optional(),
    editors: z.array(text),
    viewers: z.array(text),
    developerMetadata: z.array(developerMetadata).optional(),
    nextSheetId: id.optional(),
    nextObjectId: id.optional(),
    sheets: z.array(sheet),
    /** opaque here: checked by findServicesProblem when the services import it */
    services: z.unknown(),
  })
  .passthrough();

/** The first thing wrong in a sidecar: where (`sheets[0].name`) and what, as words for a person. */
export interface SidecarProblem {
  where: string;
  problem:
    | { kind: 'missing' }
    | { kind: 'type'; expected: string }
    | { kind: 'atLeast'; limit: number }
    | { kind: 'atMost'; limit: number }
    | { kind: 'oneOf'; options: string }
    | { kind: 'timeZone' }
    | { kind: 'other' };
}

export function findProblem(data: unknown): SidecarProblem | null {
  return firstProblem(sidecarSchema.safeParse(data), []);
}

/** The first thing wrong in the sidecar's `services` part. */
export function findServicesProblem(services: unknown): SidecarProblem | null {
  return firstProblem(servicesSchema.safeParse(services), ['services']);
}

function firstProblem(result: z.SafeParseReturnType<unknown, unknown>, prefix: string[]): SidecarProblem | null {
  if (result.success) return null;
  // A wrong "type" in a list makes zod report the union; the first issue is the most specific one.
  const issue = result.error.issues[0];
  const where = [...prefix, ...issue.path].reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : String(key)),
    '',
  );
  return { where: where || '(the whole file)', problem: describe(issue) };
}

function describe(issue: z.ZodIssue): SidecarProblem['problem'] {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? { kind: 'missing' } : { kind: 'type', expected: issue.expected };
    case 'too_small':
      return { kind: 'atLeast', limit: Number(issue.minimum) };
    case 'too_big':
      return { kind: 'atMost', limit: Number(issue.maximum) };
    case 'invalid_enum_value':
      return { kind: 'oneOf', options: issue.options.join(', ') };
    case 'invalid_literal':
      return { kind: 'oneOf', options: JSON.stringify(issue.expected) };
    case 'invalid_union_discriminator':
      return { kind: 'oneOf', options: issue.options.map(String).join(', ') };
    case 'custom':
      return (issue.params as { problem?: string } | undefined)?.problem === 'timeZone'
        ? { kind: 'timeZone' }
        : { kind: 'other' };
    default:
      return { kind: 'other' };
  }
}
