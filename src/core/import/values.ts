/**
 * One row of a list, read as the sidebar reads a form: text under the one text rule (kept exactly as
 * typed, or refused with one sentence), dates in the forms Chinese teams type (2026/3/5, 2026年3月5日,
 * 2026.3.5, 2026-03-05, an Excel serial), yes/no as 是/否/有/无, list values in either language,
 * people by their Team name. The values come out as Add client and Log contact take them (days as
 * YYYY-MM-DD, list values as codes), so writing them is the sidebar's own save, and a row the
 * sidebar would refuse is refused here first, with the sidebar's sentence.
 */
import { readAmount } from '../amounts';
import { type DayKey, daysBetween, parseDateCell } from '../dates';
import { type Lang, type Message, joinList, message } from '../i18n';
import { type ListName, labels, parseEnum, readYesNo } from '../lists';
import { memberByName } from '../people';
import { type ColumnDef, type TeamMember, inColumnRange } from '../schema';
import { checkText, textFaultMessage } from '../text';
import {
  CLIENT_FIELDS,
  type ClientField,
  type ContactField,
  type HeaderMapping,
  type ImportField,
  fieldColumn,
  fieldLabel,
} from './fields';

/** A client field's value as Add client takes it. */
export type FieldValue = string | number | boolean;

export interface ContactValues {
  /** null: the row gives no date */
  date: DayKey | null;
  by: string;
  channel: string | null;
  outcome: string | null;
  result: string | null;
  summary: string;
  objections: string;
  attitude: string | null;
  reason: string | null;
}

export interface ListRow {
  /** the row's number in the list (1-based, as the file or tab shows it) */
  line: number;
  client: Partial<Record<ClientField, FieldValue>>;
  /** the contact the row carries (a date, an outcome, a summary…), or null */
  contact: ContactValues | null;
  problems: Message[];
  /** people the row names who are not on the Team */
  notOnTeam: string[];
  /** each list field's source text and what it became (a code) or null when it is not on the list */
  listValues: { field: ImportField; text: string; code: string | null }[];
}

export interface ReadContext {
  lang: Lang;
  tz: string;
  today: DayKey;
  team: readonly TeamMember[];
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A number that is a serial day (Excel and Sheets count days from 1899-12-30), written as text in a CSV. */
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

class RowReader {
  readonly problems: Message[] = [];
  readonly notOnTeam: string[] = [];
  readonly listValues: ListRow['listValues'] = [];

  constructor(readonly ctx: ReadContext) {}

  private name(field: ImportField): string {
    return fieldLabel(field, this.ctx.lang);
  }

  text(field: ImportField, raw: unknown): string {
    const checked = checkText(typeof raw === 'boolean' ? String(raw) : raw);
    if (!checked.ok) {
      this.problems.push(textFaultMessage(this.name(field), checked.fault));
      return '';
    }
    return checked.text;
  }

  day(field: ImportField, raw: unknown): DayKey | null {
    const value = typeof raw === 'string' && SERIAL.test(raw.trim()) ? Number(raw.trim()) : raw;
    const parsed = parseDateCell(value, this.ctx.tz);
    if (!parsed.ok) {
      this.problems.push(message('sidebar.error.notADate', { field: this.name(field), value: shown(raw) }));
      return null;
    }
    return parsed.day;
  }

  person(field: ImportField, raw: unknown): string {
    const text = this.text(field, raw).trim();
    if (text === '' || this.ctx.team.length === 0) return text;
    const member = memberByName(this.ctx.team, text);
    if (member !== null) return member.name.trim();
    this.problems.push(message('sidebar.error.notOnTeam', { field: this.name(field), value: text.slice(0, 100) }));
    this.notOnTeam.push(text);
    return text;
  }

  choice(field: ImportField, list: ListName, raw: unknown): string | null {
    const text = this.text(field, raw).trim();
    if (text === '') return null;
    const code = parseEnum(list, text) as string | null;
    this.listValues.push({ field, text, code });
    if (code === null) {
      this.problems.push(
        message('sidebar.error.notInList', {
          field: this.name(field),
          value: text.slice(0, 100),
          allowed: joinList(labels(list, this.ctx.lang), this.ctx.lang),
        }),
      );
    }
    return code;
  }

  yesNo(field: ImportField, raw: unknown): boolean {
    const yes = readYesNo(typeof raw === 'string' ? raw : raw === true || raw === false ? raw : String(raw));
    if (yes === null) {
      this.problems.push(
        message('sidebar.error.notInList', {
          field: this.name(field),
          value: shown(raw),
          allowed: joinList(labels('yesNo', this.ctx.lang), this.ctx.lang),
        }),
      );
      return false;
    }
    return yes;
  }

  number(field: ImportField, def: ColumnDef, raw: unknown): number | null {
    const n = typeof raw === 'number' && isFinite(raw) ? raw : typeof raw === 'string' ? readAmount(raw) : null;
    if (n === null) {
      this.problems.push(message('sidebar.error.notANumber', { field: this.name(field), value: shown(raw) }));
      return null;
    }
    if (!inColumnRange(def, n)) {
      this.problems.push(
        message('sidebar.error.outOfRange', {
          field: this.name(field),
          value: n,
          min: def.min ?? '',
          max: def.max ?? '',
        }),
      );
      return null;
    }
    return n;
  }

  email(field: ImportField, raw: unknown): string {
    const text = this.text(field, raw).trim();
    if (text !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
      this.problems.push(message('sidebar.error.notAnEmail', { field: this.name(field), value: text.slice(0, 100) }));
    }
    return text;
  }

  /** A client field, by its column's type; null when blank or refused. */
  clientValue(field: ClientField, raw: unknown): FieldValue | null {
    const def = fieldColumn(field);
    switch (def.type) {
      case 'text':
      case 'plainText': {
        const text = field === 'email' ? this.email(field, raw) : this.text(field, cellText(raw));
        return text === '' ? null : text;
      }
      case 'person':
        return this.person(field, raw) || null;
      case 'date':
        return this.day(field, raw);
      case 'number':
        return this.number(field, def, raw);
      case 'boolean':
        return this.yesNo(field, raw);
      case 'enum':
        return this.choice(field, def.list ?? 'yesNo', raw);
    }
  }
}

/** A value quoted in a sentence: short, never "[object Object]". */
function shown(value: unknown): string {
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.slice(0, 100);
  return String(value).slice(0, 100);
}

/** A number in a text column (a phone number a spreadsheet stored as a number) is its digits, not 1.38e10. */
function cellText(raw: unknown): unknown {
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    return Number.isInteger(raw) ? raw.toLocaleString('en-US', { useGrouping: false }) : String(raw);
  }
  return raw;
}

/** Whether the row carries a contact: any of its contact fields filled. */
const HISTORY_FIELDS: readonly ContactField[] = ['contactDate', 'outcome', 'summary', 'result', 'objections'];

/** Reads one data row of the list by its header mapping. */
export function readListRow(
  cells: readonly unknown[],
  line: number,
  mapping: HeaderMapping,
  ctx: ReadContext,
): ListRow {
  const reader = new RowReader(ctx);
  const raw = (field: ImportField): unknown => {
    const col = mapping.fields[field];
    return col === undefined ? undefined : cells[col];
  };
  const client: Partial<Record<ClientField, FieldValue>> = {};
  for (const field of CLIENT_FIELDS) {
    const value = raw(field);
    if (isBlank(value)) continue;
    const read = reader.clientValue(field, value);
    if (read !== null) client[field] = read;
  }
  let contact: ContactValues | null = null;
  if (HISTORY_FIELDS.some((f) => !isBlank(raw(f)))) {
    const date = isBlank(raw('contactDate')) ? null : reader.day('contactDate', raw('contactDate'));
    const outcome = reader.choice('outcome', 'outcomes', raw('outcome'));
    contact = {
      date,
      by: reader.person('by', raw('by')),
      channel: reader.choice('channel', 'channels', raw('channel')),
      outcome,
      result: reader.choice('result', 'results', raw('result')),
      summary: reader.text('summary', cellText(raw('summary'))),
      objections: reader.text('objections', cellText(raw('objections'))),
      attitude: reader.choice('attitude', 'attitudes', raw('attitude')),
      reason: reader.choice('reason', 'reasons', raw('reason')),
    };
    if (outcome !== null) checkAttempt(contact, reader, ctx);
  }
  return {
    line,
    client,
    contact,
    problems: reader.problems,
    notOnTeam: reader.notOnTeam,
    listValues: reader.listValues,
  };
}

/** What Log contact refuses in an attempt: no date, a date in the future, a reached call with nothing said. */
function checkAttempt(contact: ContactValues, reader: RowReader, ctx: ReadContext): void {
  if (contact.date === null) {
    reader.problems.push(message('import.error.noDate', { field: fieldLabel('contactDate', ctx.lang) }));
  } else if (daysBetween(ctx.today, contact.date) > 0) {
    reader.problems.push(message('sidebar.error.futureDate', { date: contact.date }));
  }
  if (contact.outcome === 'reached' && contact.summary.trim() === '') {
    reader.problems.push(message('sidebar.error.summaryIfReached', { field: fieldLabel('summary', ctx.lang) }));
  }
}
