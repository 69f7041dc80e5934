/**
 * Checking what the sidebar sends, field by field, before anything is written: one sentence per
 * bad field, in the user's language, naming the column as the sheet does. Text follows the one rule
 * of core/text.ts (docs/text.md): kept exactly as typed (it is written with asText, so nothing in it
 * can become a formula), or refused here — too long for a cell, a character no file can carry, not
 * text at all — so the sheet never receives half a save. Numbers are checked against the range the
 * schema gives their column.
 */
import { readAmount } from '../../core/amounts';
import { type DayKey, parseDateCell } from '../../core/dates';
import { type Lang, type Message, type MessageKey, type Params, joinList, message, render } from '../../core/i18n';
import { type ListCode, type ListName, labels, parseEnum, readYesNo } from '../../core/lists';
import {
  type ColumnDef,
  type ColumnKey,
  type TableName,
  type TeamMember,
  column,
  header,
  inColumnRange,
} from '../../core/schema';
import { checkText, textFaultMessage } from '../../core/text';
import type { FieldProblem } from '../../contract/types';
import { memberByName } from './session';

/** A refused value as the sentence quotes it: short, and never "[object Object]". */
function shown(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 100);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value)?.slice(0, 100) ?? '';
}

export class FieldChecker<T extends TableName> {
  readonly problems: FieldProblem[] = [];

  constructor(
    readonly table: T,
    readonly lang: Lang,
    readonly tz: string,
    readonly team: readonly TeamMember[],
  ) {}

  get ok(): boolean {
    return this.problems.length === 0;
  }

  fieldName(field: ColumnKey<T>): string {
    return header(this.table, field, this.lang);
  }

  fail(field: string, key: MessageKey, params: Params = {}): void {
    this.failWith(field, message(key, params));
  }

  failWith(field: string, msg: Message): void {
    this.problems.push({ field, message: msg, text: render(this.lang, msg) });
  }

  /** Free text under the text rule (core/text.ts), kept as typed; required text may not be blank. */
  text(field: ColumnKey<T>, value: unknown, required = false): string {
    const checked = checkText(value);
    if (!checked.ok) {
      this.failWith(field, textFaultMessage(this.fieldName(field), checked.fault));
      return '';
    }
    const text = checked.text;
    if (required && text.trim() === '') this.fail(field, 'sidebar.error.required', { field: this.fieldName(field) });
    return text;
  }

  /** A value of a list, as its code or its label in either language; '' or absent → null. */
  choice<L extends ListName>(field: ColumnKey<T>, list: L, value: unknown, required = false): ListCode<L> | null {
    const text =
      typeof value === 'string' || typeof value === 'number' ? String(value).trim() : value == null ? '' : null;
    if (text === '') {
      if (required) this.fail(field, 'sidebar.error.required', { field: this.fieldName(field) });
      return null;
    }
    const code = text === null ? null : parseEnum(list, text);
    if (code === null) {
      this.fail(field, 'sidebar.error.notInList', {
        field: this.fieldName(field),
        value: shown(value),
        allowed: joinList(labels(list, this.lang), this.lang),
      });
    }
    return code;
  }

  /** A day, 'YYYY-MM-DD' (or any form the sheet reads as a date); '' or absent → null. */
  day(field: ColumnKey<T>, value: unknown): DayKey | null {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
    const parsed = typeof value === 'string' ? parseDateCell(value, this.tz) : { ok: false as const };
    if (!parsed.ok) {
      this.fail(field, 'sidebar.error.notADate', { field: this.fieldName(field), value: shown(value) });
      return null;
    }
    return parsed.day;
  }

  /** A person by Team name (case and spaces forgiven), answered with the name as the Team tab spells it. */
  person(field: ColumnKey<T>, value: unknown, required = false): string {
    const checked = checkText(value);
    if (!checked.ok) {
      this.failWith(field, textFaultMessage(this.fieldName(field), checked.fault));
      return '';
    }
    const text = checked.text.trim();
    if (text === '') {
      if (required) this.fail(field, 'sidebar.error.required', { field: this.fieldName(field) });
      return '';
    }
    if (this.team.length === 0) return this.text(field, text);
    const member = memberByName(this.team, text);
    if (member === null) {
      this.fail(field, 'sidebar.error.notOnTeam', { field: this.fieldName(field), value: text.slice(0, 100) });
      return text;
    }
    return member.name.trim();
  }

  /** A number, within the range the schema gives the column (Satisfaction 1–5); '' or absent → null. */
  number(field: ColumnKey<T>, value: unknown): number | null {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
    let n: number | null = null;
    if (typeof value === 'number' && isFinite(value)) n = value;
    else if (typeof value === 'string') n = readAmount(value);
    if (n === null) {
      this.fail(field, 'sidebar.error.notANumber', { field: this.fieldName(field), value: shown(value) });
      return null;
    }
    const def: ColumnDef = column(this.table, field);
    if (!inColumnRange(def, n)) {
      this.fail(field, 'sidebar.error.outOfRange', {
        field: this.fieldName(field),
        value: n,
        min: def.min ?? '',
        max: def.max ?? '',
      });
      return null;
    }
    return n;
  }

  yesNo(field: ColumnKey<T>, value: unknown): boolean {
    const yes = readYesNo(value);
    if (yes === null) {
      this.fail(field, 'sidebar.error.notInList', {
        field: this.fieldName(field),
        value: shown(value),
        allowed: joinList(labels('yesNo', this.lang), this.lang),
      });
      return false;
    }
    return yes;
  }

  email(field: ColumnKey<T>, value: unknown): string {
    const text = this.text(field, value).trim();
    if (text !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
      this.fail(field, 'sidebar.error.notAnEmail', { field: this.fieldName(field), value: text.slice(0, 100) });
    }
    return text;
  }
}
