/**
 * SpreadsheetApp enums. As on live Apps Script, members are objects: toString() and name() give the
 * member's name, ordinal() its position, compareTo() the difference of positions (gas-fakes
 * test/testenums.js and the toString() checks of test/testsheets*.js, run on live). Compare members
 * with === or by String(member); toJSON keeps them serialising as their names.
 * Source: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#properties
 */
type S = typeof GoogleAppsScript.Spreadsheet;

/** One enum member. */
export interface EnumMember {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
  compareTo(other: EnumMember): number;
}

function member(name: string, ordinal: number): EnumMember {
  return Object.freeze({
    name: () => name,
    ordinal: () => ordinal,
    toString: () => name,
    toJSON: () => name,
    compareTo: (other: EnumMember) => ordinal - other.ordinal(),
  });
}

function makeEnum<T>(names: string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n, i) => [n, member(n, i)]))) as unknown as T;
}

export const RelativeDate = makeEnum<S['RelativeDate']>([
  'TODAY',
  'TOMORROW',
  'YESTERDAY',
  'PAST_WEEK',
  'PAST_MONTH',
  'PAST_YEAR',
]);

export const DataValidationCriteria = makeEnum<S['DataValidationCriteria']>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const BooleanCriteria = makeEnum<S['BooleanCriteria']>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const ProtectionType = makeEnum<S['ProtectionType']>(['RANGE', 'SHEET']);
export const Dimension = makeEnum<S['Dimension']>(['COLUMNS', 'ROWS']);
export const WrapStrategy = makeEnum<S['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);
export const DeveloperMetadataVisibility = makeEnum<S['DeveloperMetadataVisibility']>(['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum<S['DeveloperMetadataLocationType']>([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
]);
export const SheetType = makeEnum<S['SheetType']>(['GRID', 'OBJECT']);
