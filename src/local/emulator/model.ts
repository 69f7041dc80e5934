/**
 * The in-memory document model behind the emulated SpreadsheetApp.
 *
 * This is the "Google side" state of one spreadsheet: what a real spreadsheet keeps on Google's
 * servers. The emulated Spreadsheet/Sheet/Range objects are views over it; the .xlsx loader and
 * saver (src/local/xlsx) convert between it and a workbook file. Keep it plain data.
 *
 * Memory matters: the benchmark's ceiling case holds close to 10 million cells, so values are kept
 * as row arrays of primitives and everything else (formulas, styles, validations) is sparse.
 */

/** A stored cell value as getValues() returns it; '' is an empty cell. Dates are stored as Date. */
export type CellValue = string | number | boolean | Date;

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  /** '#rrggbb' */
  color?: string;
  size?: number;
  family?: string;
}

/** Formatting of a cell; every property optional, later writes override earlier ones. */
export interface CellStyle {
  /** Sheets number format pattern, e.g. 'yyyy-mm-dd', '0.0%', '@' (plain text). */
  numberFormat?: string;
  font?: FontStyle;
  /** '#rrggbb' */
  background?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
}

/** 1-based inclusive rectangle on one sheet. */
export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A style applied to a rectangle; runs are applied in order, later runs win per property. */
export interface StyleRun {
  rect: GridRect;
  style: CellStyle;
}

/** A checkbox's custom checked or unchecked value (requireCheckbox(checkedValue, uncheckedValue)). */
export type CheckboxValue = string | number | boolean;

export type ValidationCriteria =
  | { type: 'VALUE_IN_LIST'; values: string[]; showDropdown: boolean }
  | { type: 'CHECKBOX'; checked?: CheckboxValue; unchecked?: CheckboxValue }
  | { type: 'DATE_IS_VALID_DATE' }
  | { type: 'NUMBER_BETWEEN'; min: number; max: number }
  | { type: 'CUSTOM_FORMULA'; formula: string };

export interface ValidationRule {
  criteria: ValidationCriteria;
  allowInvalid: boolean;
  helpText?: string;
}

/** A validation over a rectangle; later runs replace earlier ones where they overlap. null removes. */
export interface ValidationRun {
  rect: GridRect;
  rule: ValidationRule | null;
}

export type ConditionalCondition =
  | { type: 'CUSTOM_FORMULA'; formula: string }
  | { type: 'DATE_BEFORE'; relative: 'TODAY' | 'TOMORROW' | 'YESTERDAY' | 'PAST_WEEK' }
  | { type: 'DATE_EQUAL_TO'; relative: 'TODAY' | 'TOMORROW' | 'YESTERDAY' }
  | { type: 'CELL_EMPTY' }
  | { type: 'CELL_NOT_EMPTY' }
  | { type: 'TEXT_EQUAL_TO'; text: string };

export interface ConditionalFormatRule {
  ranges: GridRect[];
  condition: ConditionalCondition;
  format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean; strikethrough?: boolean };
}

export interface ProtectionModel {
  /** null = whole sheet */
  rect: GridRect | null;
  description: string;
  warningOnly: boolean;
}

export interface ChartModel {
  id: number;
  /** e.g. 'COLUMN', 'BAR', 'PIE', 'LINE', 'AREA' (Charts.ChartType names) */
  type: string;
  ranges: GridRect[];
  /** anchor: 1-based row/col plus pixel offsets */
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface DeveloperMetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** 'SPREADSHEET', 'SHEET', or a whole row/column of this sheet */
  location:
    { type: 'SPREADSHEET' } | { type: 'SHEET' } | { type: 'ROW'; index: number } | { type: 'COLUMN'; index: number };
}

export interface SheetModel {
  /** stable numeric id (Sheet.getSheetId) */
  id: number;
  name: string;
  /** values[r][c], 0-based; rows may be shorter than the sheet's width; missing cells are ''. */
  values: CellValue[][];
  /** formulas by key r * MAX_COLUMNS + c (0-based); the cached result stays in values. */
  formulas: Map<number, string>;
  /** notes by the same key */
  notes: Map<number, string>;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** pixel widths by 1-based column */
  columnWidths: Map<number, number>;
  styles: StyleRun[];
  validations: ValidationRun[];
  conditionalFormats: ConditionalFormatRule[];
  protections: ProtectionModel[];
  charts: ChartModel[];
  developerMetadata: DeveloperMetadataModel[];
  hidden: boolean;
  tabColor: string | null;
}

export interface NamedRangeModel {
  name: string;
  sheetId: number;
  rect: GridRect;
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  /** IANA time zone, e.g. 'Asia/Shanghai' */
  timeZone: string;
  /** e.g. 'en_US', 'zh_CN' */
  locale: string;
  sheets: SheetModel[];
  namedRanges: NamedRangeModel[];
  developerMetadata: DeveloperMetadataModel[];
  /** editors and viewers by email, for access checks (mail only to people who can open the file) */
  editors: string[];
  viewers: string[];
  nextSheetId: number;
  nextObjectId: number;
}

/** Sheets' column ceiling; also the stride of the sparse cell keys. */
export const MAX_COLUMNS = 18278;
/** Google's limit: cells in all tabs, empty grid cells included. */
export const MAX_CELLS = 10_000_000;
/** Google's limit: characters in one cell. */
export const MAX_CELL_CHARS = 50_000;

export function cellKey(row0: number, col0: number): number {
  return row0 * MAX_COLUMNS + col0;
}

export function newSheetModel(id: number, name: string, maxRows = 1000, maxColumns = 26): SheetModel {
  return {
    id,
    name,
    values: [],
    formulas: new Map(),
    notes: new Map(),
    maxRows,
    maxColumns,
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: new Map(),
    styles: [],
    validations: [],
    conditionalFormats: [],
    protections: [],
    charts: [],
    developerMetadata: [],
    hidden: false,
    tabColor: null,
  };
}

export function newSpreadsheetModel(opts: {
  id?: string;
  name?: string;
  timeZone: string;
  locale: string;
}): SpreadsheetModel {
  return {
    id: opts.id ?? 'local-spreadsheet',
    name: opts.name ?? 'Client Tracker',
    timeZone: opts.timeZone,
    locale: opts.locale,
    sheets: [newSheetModel(0, 'Sheet1')],
    namedRanges: [],
    developerMetadata: [],
    editors: [],
    viewers: [],
    nextSheetId: 1,
    nextObjectId: 1,
  };
}
