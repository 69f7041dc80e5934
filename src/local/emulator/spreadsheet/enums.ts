/**
 * SpreadsheetApp enums. Real Apps Script enum members are objects whose toString() is the member
 * name; the emulator uses the name strings themselves, which compare, print and serialise the same.
 * Source: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#properties
 */
type S = typeof GoogleAppsScript.Spreadsheet;

function makeEnum<T>(names: string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
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
