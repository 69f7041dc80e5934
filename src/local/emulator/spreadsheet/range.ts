/**
 * Range: a rectangle of one sheet, a view over the model.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/range (the methods below).
 */
import { cachedFormulaValue } from './formula-cache';
import { MAX_COLUMNS, cellKey, type CellValue, type GridRect, type SheetModel } from '../model';
import { AppsScriptException } from '../runtime';
import { rectToA1, type Whole } from './a1';
import { shiftFormula } from './formula-shift';
import { normalizeColor } from './colors';
import { cursorOf, type Doc } from './doc';
import { WrapStrategy } from './enums';
import { displayValue } from './numfmt';
import { addRowColumnMetadata, metadataView, rangeMetadata } from './metadata';
import { protectionView } from './protection';
import { sortRows, type SortKey } from './structure';
import { applyStyle, clearStyles, numberFormatColumns, styleGrid, type StylePatch } from './styles';
import {
  applyValidation,
  checkboxCriteria,
  ruleOf,
  uncheckedValue,
  validationGrid,
  validationView,
} from './validation';
import { clearValues, commitRows, readValues, writeValues } from './values';
import { sheetView } from './sheet';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The Range methods the emulator implements; anything else is absent at run time. */
export type RangeMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDeveloperMetadata'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontColors'
  | 'getFontFamily'
  | 'getFontSize'
  | 'getFontStyle'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getWrap'
  | 'getWrapStrategy'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWrapStrategy'
  | 'sort';

/** What getNumberFormat reports for a cell nobody formatted. [C] observed default of Sheets. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

/**
 * A number format as getNumberFormat reads it back: "general" (any case) is the default format, which
 * live Apps Script reads back as '0.###############' (gas-fakes test/testsheets.js, the NumberFormat
 * row of the formats table, run on live).
 */
export function storedNumberFormat(format: unknown): string {
  const text = String(format);
  return text.toLowerCase() === 'general' ? DEFAULT_NUMBER_FORMAT : text;
}

export class EmulatedRange implements Pick<GasRange, RangeMethods> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'Range';
  }

  constructor(
    readonly doc: Doc,
    readonly sheetModel: SheetModel,
    readonly rect: GridRect,
    /** Asked for as whole rows or columns ('5:7', 'D:F'), which A1 notation then names so. */
    readonly whole: Whole = null,
  ) {}

  private get api(): GasRange {
    return this as unknown as GasRange;
  }

  private read(method: string): void {
    this.doc.call(`Range.${method}`, 'document.read');
  }

  private write(method: string): void {
    this.doc.write(`Range.${method}`, this.sheetModel);
  }

  private get cells(): number {
    return this.rect.numRows * this.rect.numCols;
  }

  private checkShape(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw new AppsScriptException(
        `The parameters (${typeName(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== this.rect.numRows) {
      throw new AppsScriptException(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rect.numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this.rect.numCols) {
        throw new AppsScriptException(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.rect.numCols}.`,
        );
      }
    }
  }

  // ---- geometry

  getRow(): number {
    this.read('getRow');
    return this.rect.row;
  }
  getColumn(): number {
    this.read('getColumn');
    return this.rect.col;
  }
  getNumRows(): number {
    this.read('getNumRows');
    return this.rect.numRows;
  }
  getNumColumns(): number {
    this.read('getNumColumns');
    return this.rect.numCols;
  }
  getLastRow(): number {
    this.read('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    this.read('getLastColumn');
    return this.rect.col + this.rect.numCols - 1;
  }
  getA1Notation(): string {
    this.read('getA1Notation');
    return rectToA1(this.rect, this.whole);
  }
  getGridId(): number {
    this.read('getGridId');
    return this.sheetModel.id;
  }
  getSheet(): GasSheet {
    this.read('getSheet');
    return sheetView(this.doc, this.sheetModel);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    this.read('offset');
    return this.sheetRange(
      this.rect.row + rowOffset,
      this.rect.col + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numCols,
    );
  }

  getCell(row: number, column: number): GasRange {
    this.read('getCell');
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols) {
      throw new AppsScriptException('Cell reference out of range');
    }
    return rangeView(this.doc, this.sheetModel, {
      row: this.rect.row + row - 1,
      col: this.rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  private sheetRange(row: number, col: number, numRows: number, numCols: number): GasRange {
    return rangeView(this.doc, this.sheetModel, checkedRect(this.sheetModel, row, col, numRows, numCols));
  }

  activate(): GasRange {
    this.read('activate');
    const cursor = cursorOf(this.doc.model);
    cursor.activeSheetId = this.sheetModel.id;
    cursor.selections.set(this.sheetModel.id, { ...this.rect });
    return this.api;
  }

  // ---- values

  getValue(): unknown {
    this.read('getValue');
    this.doc.exec.countCells(1, 0);
    return readValues(this.sheetModel, { ...this.rect, numRows: 1, numCols: 1 })[0][0];
  }

  getValues(): unknown[][] {
    this.read('getValues');
    this.doc.exec.countCells(this.cells, 0);
    return readValues(this.sheetModel, this.rect);
  }

  setValue(value: unknown): GasRange {
    this.write('setValue');
    this.doc.exec.countCells(0, this.cells);
    const row = new Array<unknown>(this.rect.numCols).fill(value);
    writeValues(
      this.doc.model,
      this.sheetModel,
      this.rect,
      Array.from({ length: this.rect.numRows }, () => row),
      this.doc.plainText,
    );
    return this.api;
  }

  setValues(values: unknown[][]): GasRange {
    this.write('setValues');
    this.checkShape(values, 'setValues');
    this.doc.exec.countCells(0, this.cells);
    writeValues(this.doc.model, this.sheetModel, this.rect, values, this.doc.plainText);
    return this.api;
  }

  getDisplayValue(): string {
    this.read('getDisplayValue');
    this.doc.exec.countCells(1, 0);
    return this.displayValues({ ...this.rect, numRows: 1, numCols: 1 })[0][0];
  }

  getDisplayValues(): string[][] {
    this.read('getDisplayValues');
    this.doc.exec.countCells(this.cells, 0);
    return this.displayValues(this.rect);
  }

  private displayValues(rect: GridRect): string[][] {
    const values = readValues(this.sheetModel, rect);
    const formats = numberFormatColumns(this.sheetModel, rect);
    const loc = this.doc.locale;
    const tz = this.doc.timeZone;
    return values.map((row, r) =>
      row.map((v, c) => {
        const f = formats?.[c]?.[r];
        return displayValue(v, f === DEFAULT_NUMBER_FORMAT ? undefined : f, loc, tz);
      }),
    );
  }

  isBlank(): boolean {
    this.read('isBlank');
    this.doc.exec.countCells(this.cells, 0);
    const values = readValues(this.sheetModel, this.rect);
    if (values.some((row) => row.some((v) => v !== ''))) return false;
    return !this.formulaGrid().some((row) => row.some((f) => f !== ''));
  }

  // ---- formulas

  private formulaGrid(): string[][] {
    const map = this.sheetModel.formulas;
    const out = Array.from({ length: this.rect.numRows }, () => new Array<string>(this.rect.numCols).fill(''));
    if (map.size === 0) return out;
    for (let r = 0; r < this.rect.numRows; r++) {
      for (let c = 0; c < this.rect.numCols; c++) {
        const f = map.get(cellKey(this.rect.row - 1 + r, this.rect.col - 1 + c));
        if (f !== undefined) out[r][c] = f;
      }
    }
    return out;
  }

  getFormula(): string {
    this.read('getFormula');
    return this.sheetModel.formulas.get(cellKey(this.rect.row - 1, this.rect.col - 1)) ?? '';
  }

  getFormulas(): string[][] {
    this.read('getFormulas');
    this.doc.exec.countCells(this.cells, 0);
    return this.formulaGrid();
  }

  setFormula(formula: string): GasRange {
    this.write('setFormula');
    this.doc.exec.countCells(0, this.cells);
    // One formula on a block moves per cell like a fill (formula-shift.ts); null or '' clears.
    const text = formula === null || formula === undefined ? '' : String(formula);
    this.storeFormulas(
      Array.from({ length: this.rect.numRows }, (_, r) =>
        Array.from({ length: this.rect.numCols }, (_, c) => shiftFormula(text, r, c)),
      ),
    );
    return this.api;
  }

  setFormulas(formulas: string[][]): GasRange {
    this.write('setFormulas');
    this.checkShape(formulas, 'setFormulas');
    this.doc.exec.countCells(0, this.cells);
    this.storeFormulas(formulas);
    return this.api;
  }

  /**
   * Formula cells hold the value the emulator's evaluator gives them (the formulas the add-on
   * writes: see formula-cache.ts), else '' as a formula it does not evaluate.
   */
  private storeFormulas(formulas: string[][]): void {
    const rows: CellValue[][] = [];
    const keys: Array<[number, string]> = [];
    formulas.forEach((row, r) => {
      const out: CellValue[] = [];
      row.forEach((f, c) => {
        const key = cellKey(this.rect.row - 1 + r, this.rect.col - 1 + c);
        const text = String(f ?? '');
        if (text === '') {
          // an empty formula clears a formula cell (live: setFormula(null) reads back '', gas-fakes
          // test/testsheets.js, the Formula row of the formats table) and keeps a plain value
          const had = this.sheetModel.formulas.has(key);
          if (had) this.sheetModel.formulas.delete(key);
          out.push(had ? '' : (this.sheetModel.values[this.rect.row - 1 + r]?.[this.rect.col - 1 + c] ?? ''));
        } else {
          out.push('');
          keys.push([key, text.startsWith('=') ? text : `=${text}`]);
        }
      });
      rows.push(out);
    });
    commitRows(this.sheetModel, this.rect, rows);
    for (const [key, f] of keys) this.sheetModel.formulas.set(key, f);
    const now = this.doc.exec.env.clock.now();
    for (const [key, f] of keys) {
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      const value = cachedFormulaValue(this.sheetModel, this.doc.timeZone, now, r + 1, c + 1, f);
      if (value !== '') commitRows(this.sheetModel, { row: r + 1, col: c + 1, numRows: 1, numCols: 1 }, [[value]]);
    }
  }

  // ---- notes

  getNote(): string {
    this.read('getNote');
    return this.sheetModel.notes.get(cellKey(this.rect.row - 1, this.rect.col - 1)) ?? '';
  }

  getNotes(): string[][] {
    this.read('getNotes');
    const map = this.sheetModel.notes;
    return Array.from({ length: this.rect.numRows }, (_, r) =>
      Array.from(
        { length: this.rect.numCols },
        (_, c) => map.get(cellKey(this.rect.row - 1 + r, this.rect.col - 1 + c)) ?? '',
      ),
    );
  }

  /** [U] every cell of the range gets the note. */
  setNote(note: string | null): GasRange {
    this.write('setNote');
    this.storeNotes(() => note);
    return this.api;
  }

  setNotes(notes: Array<Array<string | null>>): GasRange {
    this.write('setNotes');
    this.checkShape(notes, 'setNotes');
    this.storeNotes((r, c) => notes[r][c]);
    return this.api;
  }

  clearNote(): GasRange {
    this.write('clearNote');
    this.storeNotes(() => null);
    return this.api;
  }

  private storeNotes(noteAt: (r: number, c: number) => string | null | undefined): void {
    for (let r = 0; r < this.rect.numRows; r++) {
      for (let c = 0; c < this.rect.numCols; c++) {
        const key = cellKey(this.rect.row - 1 + r, this.rect.col - 1 + c);
        const note = noteAt(r, c);
        if (note === null || note === undefined || note === '') this.sheetModel.notes.delete(key);
        else this.sheetModel.notes.set(key, String(note));
      }
    }
  }

  // ---- formats

  private styles(): ReturnType<typeof styleGrid> {
    return styleGrid(this.sheetModel, this.rect);
  }

  private topLeftStyle(): ReturnType<typeof styleGrid>[number][number] {
    return styleGrid(this.sheetModel, { ...this.rect, numRows: 1, numCols: 1 })[0][0];
  }

  private style(method: string, patch: StylePatch): GasRange {
    this.write(method);
    applyStyle(this.sheetModel, this.rect, patch);
    return this.api;
  }

  /** Per-cell formats: consecutive equal cells of a row become one run, so runs stay few. */
  private stylePerCell<T>(method: string, grid: T[][], patchOf: (v: T) => StylePatch): GasRange {
    this.write(method);
    this.checkShape(grid, method);
    for (let r = 0; r < this.rect.numRows; r++) {
      let start = 0;
      for (let c = 1; c <= this.rect.numCols; c++) {
        if (c < this.rect.numCols && grid[r][c] === grid[r][start]) continue;
        applyStyle(
          this.sheetModel,
          { row: this.rect.row + r, col: this.rect.col + start, numRows: 1, numCols: c - start },
          patchOf(grid[r][start]),
        );
        start = c;
      }
    }
    return this.api;
  }

  getNumberFormat(): string {
    this.read('getNumberFormat');
    return this.topLeftStyle().numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    this.read('getNumberFormats');
    return this.styles().map((row) => row.map((s) => s.numberFormat ?? DEFAULT_NUMBER_FORMAT));
  }
  setNumberFormat(numberFormat: string): GasRange {
    return this.style('setNumberFormat', { numberFormat: storedNumberFormat(numberFormat) });
  }
  setNumberFormats(numberFormats: string[][]): GasRange {
    return this.stylePerCell('setNumberFormats', numberFormats, (f) => ({ numberFormat: storedNumberFormat(f) }));
  }

  getBackground(): string {
    this.read('getBackground');
    return this.topLeftStyle().background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    this.read('getBackgrounds');
    return this.styles().map((row) => row.map((s) => s.background ?? '#ffffff'));
  }
  setBackground(color: string | null): GasRange {
    return this.style('setBackground', { background: color === null ? null : normalizeColor(color) });
  }
  setBackgrounds(color: Array<Array<string | null>>): GasRange {
    return this.stylePerCell('setBackgrounds', color, (c) => ({ background: c === null ? null : normalizeColor(c) }));
  }

  getFontColor(): string {
    this.read('getFontColor');
    return this.topLeftStyle().font?.color ?? '#000000';
  }
  getFontColors(): string[][] {
    this.read('getFontColors');
    return this.styles().map((row) => row.map((s) => s.font?.color ?? '#000000'));
  }
  setFontColor(color: string | null): GasRange {
    return this.style('setFontColor', { font: { color: color === null ? null : normalizeColor(color) } });
  }

  setFontColors(colors: Array<Array<string | null>>): GasRange {
    return this.stylePerCell('setFontColors', colors, (c) => ({
      font: { color: c === null ? null : normalizeColor(c) },
    }));
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.read('getFontWeight');
    return this.topLeftStyle().font?.bold ? 'bold' : 'normal';
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.read('getFontWeights');
    return this.styles().map((row) => row.map((s) => (s.font?.bold ? 'bold' : 'normal')));
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this.style('setFontWeight', { font: { bold: fontWeight === null ? null : fontWeight === 'bold' } });
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    this.read('getFontStyle');
    return this.topLeftStyle().font?.italic ? 'italic' : 'normal';
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRange {
    return this.style('setFontStyle', { font: { italic: fontStyle === null ? null : fontStyle === 'italic' } });
  }

  getFontSize(): number {
    this.read('getFontSize');
    return this.topLeftStyle().font?.size ?? 10;
  }
  setFontSize(size: number): GasRange {
    return this.style('setFontSize', { font: { size: Number(size) } });
  }

  getFontFamily(): string {
    this.read('getFontFamily');
    return this.topLeftStyle().font?.family ?? 'Arial';
  }
  setFontFamily(fontFamily: string | null): GasRange {
    return this.style('setFontFamily', { font: { family: fontFamily } });
  }

  getHorizontalAlignment(): string {
    this.read('getHorizontalAlignment');
    return this.topLeftStyle().horizontalAlignment ?? 'general';
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    const value = alignment === null || alignment === 'normal' ? null : alignment;
    return this.style('setHorizontalAlignment', { horizontalAlignment: value });
  }

  getVerticalAlignment(): string {
    this.read('getVerticalAlignment');
    return this.topLeftStyle().verticalAlignment ?? 'bottom';
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRange {
    return this.style('setVerticalAlignment', { verticalAlignment: alignment });
  }

  /**
   * A cell nobody set reads getWrap() true on live Apps Script while its strategy reads OVERFLOW;
   * once set, wrap and strategy agree (gas-fakes test/testsheets.js, the wrap section, run on live:
   * clearFormat() then getWrap() is true; setWraps(false) reads back OVERFLOW).
   */
  getWrap(): boolean {
    this.read('getWrap');
    return this.topLeftStyle().wrap ?? true;
  }
  setWrap(isWrapEnabled: boolean): GasRange {
    return this.style('setWrap', { wrap: Boolean(isWrapEnabled) });
  }
  getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    this.read('getWrapStrategy');
    return this.topLeftStyle().wrap ? WrapStrategy.WRAP : WrapStrategy.OVERFLOW;
  }
  /** CLIP is stored as "no wrap": the model has one wrap flag. */
  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): GasRange {
    return this.style('setWrapStrategy', { wrap: String(strategy) === 'WRAP' });
  }

  /** Borders are accepted and not stored (the model has no borders). */
  setBorder(): GasRange {
    this.write('setBorder');
    return this.api;
  }

  // ---- validation

  getDataValidation(): DataValidation | null {
    this.read('getDataValidation');
    const rule = validationGrid(this.sheetModel, { ...this.rect, numRows: 1, numCols: 1 })[0][0];
    return rule ? validationView(this.doc, rule) : null;
  }

  getDataValidations(): Array<Array<DataValidation | null>> {
    this.read('getDataValidations');
    const views = new Map<object, DataValidation>();
    return validationGrid(this.sheetModel, this.rect).map((row) =>
      row.map((rule) => {
        if (!rule) return null;
        let view = views.get(rule);
        if (!view) views.set(rule, (view = validationView(this.doc, rule)));
        return view;
      }),
    );
  }

  setDataValidation(rule: DataValidation | null): GasRange {
    this.write('setDataValidation');
    applyValidation(this.sheetModel, this.rect, ruleOf(rule));
    return this.api;
  }

  setDataValidations(rules: Array<Array<DataValidation | null>>): GasRange {
    this.write('setDataValidations');
    this.checkShape(rules, 'setDataValidations');
    for (let r = 0; r < this.rect.numRows; r++) {
      let start = 0;
      for (let c = 1; c <= this.rect.numCols; c++) {
        if (c < this.rect.numCols && rules[r][c] === rules[r][start]) continue;
        const rect = { row: this.rect.row + r, col: this.rect.col + start, numRows: 1, numCols: c - start };
        applyValidation(this.sheetModel, rect, ruleOf(rules[r][start]));
        start = c;
      }
    }
    return this.api;
  }

  clearDataValidations(): GasRange {
    this.write('clearDataValidations');
    applyValidation(this.sheetModel, this.rect, null);
    return this.api;
  }

  /**
   * Validation CHECKBOX (TRUE/FALSE or custom values) and every cell set to the unchecked value:
   * false, the custom unchecked value, or blank when only a checked value is given (range#insertCheckboxes).
   */
  insertCheckboxes(...custom: unknown[]): GasRange {
    this.write('insertCheckboxes');
    const criteria = checkboxCriteria(custom);
    this.doc.exec.countCells(0, this.cells);
    applyValidation(this.sheetModel, this.rect, { criteria, allowInvalid: false });
    const row = new Array<unknown>(this.rect.numCols).fill(uncheckedValue(criteria));
    writeValues(
      this.doc.model,
      this.sheetModel,
      this.rect,
      Array.from({ length: this.rect.numRows }, () => row),
      this.doc.plainText,
    );
    return this.api;
  }

  // ---- clearing

  /**
   * clear(): contents and formats; options pick parts. Per the reference, clearing formats also
   * clears data validation. Notes (comments) are cleared only with commentsOnly.
   */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    this.write('clear');
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!any || o.contentsOnly) clearValues(this.sheetModel, this.rect);
    if (!any || o.formatOnly) clearStyles(this.sheetModel, this.rect);
    if (!any || o.formatOnly || o.validationsOnly) applyValidation(this.sheetModel, this.rect, null);
    if (o.commentsOnly) this.storeNotes(() => null);
    return this.api;
  }

  clearContent(): GasRange {
    this.write('clearContent');
    clearValues(this.sheetModel, this.rect);
    return this.api;
  }

  clearFormat(): GasRange {
    this.write('clearFormat');
    clearStyles(this.sheetModel, this.rect);
    return this.api;
  }

  // ---- sort, protection, metadata

  /** `column` counts sheet columns ([U] docs/apps-script.md#item-26); spec: number, {column, ascending} or an array. */
  sort(sortSpecObj: unknown): GasRange {
    this.write('sort');
    const specs = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const keys: SortKey[] = specs.map((spec) => {
      if (typeof spec === 'number') return { column: spec, ascending: true };
      if (spec && typeof spec === 'object' && 'column' in spec) {
        const { column, ascending } = spec as { column: unknown; ascending?: unknown };
        return { column: Number(column), ascending: ascending === undefined ? true : Boolean(ascending) };
      }
      throw new AppsScriptException('Invalid argument: sortSpecObj');
    });
    for (const key of keys) {
      if (!(key.column >= this.rect.col && key.column < this.rect.col + this.rect.numCols)) {
        throw new AppsScriptException(`The column to sort by (${key.column}) is outside the range.`);
      }
    }
    this.doc.exec.countCells(this.cells, this.cells);
    sortRows(this.doc.model, this.sheetModel, this.rect, keys);
    return this.api;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.write('protect');
    const model = { rect: { ...this.rect }, description: '', warningOnly: false };
    this.sheetModel.protections.push(model);
    return protectionView(this.doc, this.sheetModel, model);
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GasRange {
    this.write('addDeveloperMetadata');
    addRowColumnMetadata(this.doc, this.sheetModel, this.rect, key, valueOrVisibility, visibility);
    return this.api;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.read('getDeveloperMetadata');
    return rangeMetadata(this.sheetModel, this.rect).map((m) => metadataView(this.doc, this.sheetModel, m));
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Object';
}

/** Validates coordinates per and returns the rectangle. */
export function checkedRect(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): GridRect {
  if (!Number.isFinite(row) || !Number.isFinite(col) || !Number.isFinite(numRows) || !Number.isFinite(numCols)) {
    throw new AppsScriptException('Invalid argument: the range coordinates must be numbers.');
  }
  if (numRows < 1) throw new AppsScriptException('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw new AppsScriptException('The number of columns in the range must be at least 1.');
  if (row < 1) throw new AppsScriptException('The starting row of the range is too small.');
  if (col < 1) throw new AppsScriptException('The starting column of the range is too small.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) {
    throw new AppsScriptException('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return { row: Math.floor(row), col: Math.floor(col), numRows: Math.floor(numRows), numCols: Math.floor(numCols) };
}

export function rangeView(doc: Doc, sheet: SheetModel, rect: GridRect, whole: Whole = null): GasRange {
  return new EmulatedRange(doc, sheet, { ...rect }, whole) as unknown as GasRange;
}

/** Back from the API type to the emulator's range; anything else is an invalid argument. */
export function fromApiRange(range: GasRange): EmulatedRange {
  if (!(range instanceof EmulatedRange)) throw new AppsScriptException('Invalid argument: range');
  return range;
}
