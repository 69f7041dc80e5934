/**
 * Checking what the sidebar sends, field by field, before anything is written: one sentence per
 * bad field, in the user's language, naming the column as the sheet does. Text is kept exactly as
 * typed (it is written with asText, so nothing in it can become a formula); text a cell cannot hold
 * is refused here, so the sheet never receives half a save.
 */
import { readAmount } from '../../core/amounts';
import { type DayKey, parseDateCell } from '../../core/dates';
import { type Lang, type Message, type MessageKey, type Params, message, render } from '../../core/i18n';
import { type ListCode, type ListName, labels, parseEnum, readYesNo } from '../../core/lists';
import { type ColumnKey, type TableName, type TeamMember, header } from '../../core/schema';
import type { FieldProblem } from '../../server/api-types';
import { MAX_CELL_CHARS, fitsInCell } from '../table';
import { memberByName } from './session';

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
    const msg: Message = message(key, params);
    this.problems.push({ field, message: msg, text: render(this.lang, msg) });
  }

  /** Free text: any characters, kept as typed; required text may not be blank. */
  text(field: ColumnKey<T>, value: unknown, required = false): string {
    const text = value === null || value === undefined ? '' : String(value);
    if (required && text.trim() === '') this.fail(field, 'sidebar.error.required', { field: this.fieldName(field) });
    else if (!fitsInCell(text)) {
      this.fail(field, 'sidebar.error.tooLong', {
        field: this.fieldName(field),
        length: text.length,
        max: MAX_CELL_CHARS,
      });
    }
    return text;
  }

  /** A value of a list, as its code or its label in either language; '' or absent → null. */
  choice<L extends ListName>(field: ColumnKey<T>, list: L, value: unknown, required = false): ListCode<L> | null {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (text === '') {
      if (required) this.fail(field, 'sidebar.error.required', { field: this.fieldName(field) });
      return null;
    }
    const code = parseEnum(list, text);
    if (code === null) {
      this.fail(field, 'sidebar.error.notInList', {
        field: this.fieldName(field),
        value: text.slice(0, 100),
        allowed: labels(list, this.lang).join(this.lang === 'zh-CN' ? '、' : ', '),
      });
    }
    return code;
  }

  /** A day, 'YYYY-MM-DD' (or any form the sheet reads as a date); '' or absent → null. */
  day(field: ColumnKey<T>, value: unknown): DayKey | null {
    if (value === null || value === undefined || String(value).trim() === '') return null;
    const parsed = parseDateCell(String(value), this.tz);
    if (!parsed.ok) {
      this.fail(field, 'sidebar.error.notADate', { field: this.fieldName(field), value: String(value).slice(0, 100) });
      return null;
    }
    return parsed.day;
  }

  /** A person by Team name (case and spaces forgiven), answered with the name as the Team tab spells it. */
  person(field: ColumnKey<T>, value: unknown, required = false): string {
    const text = value === null || value === undefined ? '' : String(value).trim();
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

  number(field: ColumnKey<T>, value: unknown): number | null {
    if (value === null || value === undefined || String(value).trim() === '') return null;
    if (typeof value === 'number' && isFinite(value)) return value;
    const amount = readAmount(String(value));
    if (amount !== null) return amount;
    this.fail(field, 'sidebar.error.notANumber', { field: this.fieldName(field), value: String(value).slice(0, 100) });
    return null;
  }

  yesNo(field: ColumnKey<T>, value: unknown): boolean {
    const yes = readYesNo(value);
    if (yes === null) {
      this.fail(field, 'sidebar.error.notInList', {
        field: this.fieldName(field),
        value: String(value).slice(0, 100),
        allowed: labels('yesNo', this.lang).join(this.lang === 'zh-CN' ? '、' : ', '),
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
