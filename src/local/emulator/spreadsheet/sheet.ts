/**
 * Sheet: one tab, a view over its SheetModel.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/sheet; behaviour the
 * reference leaves open is a switch in docs/google-readings.md.
 */
import type { GridRect, SheetModel } from '../model';
import { AppsScriptException } from '../runtime';
import { parseA1, refToRect, wholeOf, type Whole } from './a1';
import { chartFromApi, chartView, newChartBuilder } from './charts';
import { normalizeColor } from './colors';
import { ruleFromApi, EmulatedConditionalFormatRule } from './conditional';
import { cursorOf, type Doc } from './doc';
import { metadataView, newMetadata } from './metadata';
import { protectionView } from './protection';
import { checkedRect, rangeView } from './range';
import { rangeListView } from './range-list';
import { namedRangeView, spreadsheetView } from './spreadsheet';
import { reading } from '../readings';
import { deleteColumns, deleteRows, insertColumns, insertRows, sortRows } from './structure';
import { clearStyles } from './styles';
import { checkCellLimit, growGrid, lastColumn, lastRow, writeValues } from './values';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export type SheetMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveRange'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getCurrentCell'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getNamedRanges'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRangeList'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet'
  | 'sort'
  | 'updateChart';

const DEFAULT_COLUMN_WIDTH = 100;

export class EmulatedSheet implements Pick<GasSheet, SheetMethods> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'Sheet';
  }

  constructor(
    readonly doc: Doc,
    readonly model: SheetModel,
  ) {}

  private get api(): GasSheet {
    return this as unknown as GasSheet;
  }

  private read(method: string): void {
    this.doc.call(`Sheet.${method}`, 'document.read');
  }

  private write(method: string): void {
    this.doc.write(`Sheet.${method}`, this.model);
  }

  private rangeOf(row: number, col: number, numRows: number, numCols: number): GasRange {
    return rangeView(this.doc, this.model, checkedRect(this.model, row, col, numRows, numCols));
  }

  // ---- identity

  getName(): string {
    this.read('getName');
    return this.model.name;
  }
  getSheetName(): string {
    this.read('getSheetName');
    return this.model.name;
  }
  setName(name: string): GasSheet {
    this.write('setName');
    assertSheetNameFree(this.doc, String(name), this.model);
    this.model.name = String(name);
    return this.api;
  }
  getSheetId(): number {
    this.read('getSheetId');
    return this.model.id;
  }
  getIndex(): number {
    this.read('getIndex');
    return this.doc.model.sheets.indexOf(this.model) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.read('getParent');
    return spreadsheetView(this.doc);
  }
  activate(): GasSheet {
    this.read('activate');
    cursorOf(this.doc.model).activeSheetId = this.model.id;
    return this.api;
  }
  getActiveRange(): GasRange | null {
    this.read('getActiveRange');
    const rect = cursorOf(this.doc.model).selections.get(this.model.id) ?? { row: 1, col: 1, numRows: 1, numCols: 1 };
    return rangeView(this.doc, this.model, rect);
  }
  getCurrentCell(): GasRange | null {
    this.read('getCurrentCell');
    const rect = cursorOf(this.doc.model).selections.get(this.model.id);
    return rangeView(this.doc, this.model, { row: rect?.row ?? 1, col: rect?.col ?? 1, numRows: 1, numCols: 1 });
  }

  // ---- ranges and size

  /** A1 notation on this sheet (a prefix naming another sheet is not found), checked against the grid. */
  private rectOfA1(a1: string): GridRect {
    return this.refOfA1(a1).rect;
  }
  private refOfA1(a1: string): { rect: GridRect; whole: Whole } {
    const ref = parseA1(a1);
    if (ref.sheetName !== null && ref.sheetName !== this.model.name) throw new AppsScriptException('Range not found');
    const rect = refToRect(ref, this.model.maxRows, this.model.maxColumns);
    return { rect: checkedRect(this.model, rect.row, rect.col, rect.numRows, rect.numCols), whole: wholeOf(ref) };
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    this.read('getRange');
    if (typeof rowOrA1 === 'string') {
      const { rect, whole } = this.refOfA1(rowOrA1);
      return rangeView(this.doc, this.model, rect, whole);
    }
    if (column === undefined) throw new AppsScriptException('Invalid argument: column');
    return this.rangeOf(rowOrA1, column, numRows ?? 1, numColumns ?? 1);
  }

  /** One call for the whole list; every notation is checked like getRange(a1Notation). */
  getRangeList(a1Notations: string[]): GasRangeList {
    this.read('getRangeList');
    if (!Array.isArray(a1Notations)) {
      const given = typeof a1Notations === 'string' ? 'String' : typeof a1Notations === 'number' ? 'number' : 'Object';
      throw new AppsScriptException(
        `The parameters (${given}) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.`,
      );
    }
    return rangeListView(
      this.doc,
      this.model,
      a1Notations.map((a1) => this.rectOfA1(String(a1))),
    );
  }

  getDataRange(): GasRange {
    this.read('getDataRange');
    return this.rangeOf(1, 1, Math.max(1, lastRow(this.model)), Math.max(1, lastColumn(this.model)));
  }

  getLastRow(): number {
    this.read('getLastRow');
    return lastRow(this.model);
  }
  getLastColumn(): number {
    this.read('getLastColumn');
    return lastColumn(this.model);
  }
  getMaxRows(): number {
    this.read('getMaxRows');
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.read('getMaxColumns');
    return this.model.maxColumns;
  }

  // ---- rows and columns

  private insertRowsAt(method: string, at: number, howMany: number, anchor: number): GasSheet {
    this.write(method);
    if (!(anchor >= 1 && anchor <= this.model.maxRows)) throw new AppsScriptException('Those rows are out of bounds.');
    if (!(howMany >= 1)) throw new AppsScriptException('The number of rows to insert must be at least 1.');
    checkCellLimit(this.doc.model, howMany * this.model.maxColumns);
    const appended = at - 1 === this.model.maxRows;
    const follow = appended && reading(this.doc.exec.env, 'rulesFollowAppendedRows') === 'grow';
    insertRows(this.doc.model, this.model, at, howMany, follow);
    return this.api;
  }
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.insertRowsAt('insertRowsAfter', afterPosition + 1, howMany, afterPosition);
  }
  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAt('insertRowAfter', afterPosition + 1, 1, afterPosition);
  }
  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertRowsAt('insertRowsBefore', beforePosition, howMany, beforePosition);
  }
  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsAt('insertRowBefore', beforePosition, 1, beforePosition);
  }

  private insertColumnsAt(method: string, at: number, howMany: number, anchor: number): GasSheet {
    this.write(method);
    if (!(anchor >= 1 && anchor <= this.model.maxColumns))
      throw new AppsScriptException('Those columns are out of bounds.');
    if (!(howMany >= 1)) throw new AppsScriptException('The number of columns to insert must be at least 1.');
    checkCellLimit(this.doc.model, howMany * this.model.maxRows);
    insertColumns(this.doc.model, this.model, at, howMany);
    return this.api;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.insertColumnsAt('insertColumnsAfter', afterPosition + 1, howMany, afterPosition);
  }
  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAt('insertColumnAfter', afterPosition + 1, 1, afterPosition);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertColumnsAt('insertColumnsBefore', beforePosition, howMany, beforePosition);
  }
  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsAt('insertColumnBefore', beforePosition, 1, beforePosition);
  }

  private removeRows(method: string, rowPosition: number, howMany: number): void {
    this.write(method);
    if (!(rowPosition >= 1 && howMany >= 1 && rowPosition + howMany - 1 <= this.model.maxRows)) {
      throw new AppsScriptException('Those rows are out of bounds.');
    }
    if (this.model.maxRows - howMany <= this.model.frozenRows) {
      throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen rows.');
    }
    deleteRows(this.doc.model, this.model, rowPosition, howMany);
  }
  deleteRow(rowPosition: number): GasSheet {
    this.removeRows('deleteRow', rowPosition, 1);
    return this.api;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.removeRows('deleteRows', rowPosition, howMany);
  }

  private removeColumns(method: string, columnPosition: number, howMany: number): void {
    this.write(method);
    if (!(columnPosition >= 1 && howMany >= 1 && columnPosition + howMany - 1 <= this.model.maxColumns)) {
      throw new AppsScriptException('Those columns are out of bounds.');
    }
    if (this.model.maxColumns - howMany <= this.model.frozenColumns) {
      throw new AppsScriptException('Sorry, it is not possible to delete all non-frozen columns.');
    }
    deleteColumns(this.doc.model, this.model, columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): GasSheet {
    this.removeColumns('deleteColumn', columnPosition, 1);
    return this.api;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.removeColumns('deleteColumns', columnPosition, howMany);
  }

  /**
   * Writes below the last row with content, from column A, with setValues' typed-input rules.
   * [U] docs/apps-script.md#item-24: when that row is past the grid the sheet grows by a row (columns grow as needed).
   */
  appendRow(rowContents: unknown[]): GasSheet {
    this.write('appendRow');
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new AppsScriptException(
        `The parameters (${Array.isArray(rowContents) ? 'Object[]' : typeof rowContents}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
      );
    }
    const row = lastRow(this.model) + 1;
    growGrid(this.doc.model, this.model, row, rowContents.length);
    this.doc.exec.countCells(0, rowContents.length);
    writeValues(
      this.doc.model,
      this.model,
      { row, col: 1, numRows: 1, numCols: rowContents.length },
      [rowContents],
      this.doc.plainText,
    );
    return this.api;
  }

  // ---- clearing

  private whole(): { row: number; col: number; numRows: number; numCols: number } {
    return { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns };
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    this.write('clear');
    const any = options?.formatOnly || options?.contentsOnly;
    if (!any || options?.contentsOnly) {
      this.model.values = [];
      this.model.formulas.clear();
    }
    // Data validations stay, as on live Apps Script (gas-fakes test/testsheets.js: "clear() should
    // NOT clear data validations", run on live); clearing them is Range.clearDataValidations().
    if (!any || options?.formatOnly) this.model.styles = [];
    return this.api;
  }
  clearContents(): GasSheet {
    this.write('clearContents');
    this.model.values = [];
    this.model.formulas.clear();
    return this.api;
  }
  clearFormats(): GasSheet {
    this.write('clearFormats');
    clearStyles(this.model, this.whole());
    return this.api;
  }

  // ---- layout

  setFrozenRows(rows: number): void {
    this.write('setFrozenRows');
    if (!(rows >= 0 && rows < this.model.maxRows)) throw new AppsScriptException('Invalid argument: rows');
    this.model.frozenRows = Math.floor(rows);
  }
  getFrozenRows(): number {
    this.read('getFrozenRows');
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.write('setFrozenColumns');
    if (!(columns >= 0 && columns < this.model.maxColumns)) throw new AppsScriptException('Invalid argument: columns');
    this.model.frozenColumns = Math.floor(columns);
  }
  getFrozenColumns(): number {
    this.read('getFrozenColumns');
    return this.model.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.write('setColumnWidth');
    this.model.columnWidths.set(columnPosition, width);
    return this.api;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    this.write('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this.api;
  }
  getColumnWidth(columnPosition: number): number {
    this.read('getColumnWidth');
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  /** Accepted and not measured: widths stay as they are. */
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this.write('autoResizeColumns');
    void startColumn;
    void numColumns;
    return this.api;
  }
  autoResizeColumn(columnPosition: number): GasSheet {
    this.write('autoResizeColumn');
    void columnPosition;
    return this.api;
  }
  hideSheet(): GasSheet {
    this.write('hideSheet');
    const visible = this.doc.model.sheets.filter((s) => !s.hidden && s !== this.model);
    if (visible.length === 0) throw new AppsScriptException("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this.api;
  }
  showSheet(): GasSheet {
    this.write('showSheet');
    this.model.hidden = false;
    return this.api;
  }
  isSheetHidden(): boolean {
    this.read('isSheetHidden');
    return this.model.hidden;
  }
  setTabColor(color: string | null): GasSheet {
    this.write('setTabColor');
    this.model.tabColor = color === null ? null : normalizeColor(color);
    return this.api;
  }
  getTabColor(): string | null {
    this.read('getTabColor');
    return this.model.tabColor;
  }

  /** Sorts the rows below the frozen ones by a column (https://developers.google.com/apps-script/reference/spreadsheet/sheet#sort(Integer)). */
  sort(columnPosition: number, ascending = true): GasSheet {
    this.write('sort');
    const first = this.model.frozenRows + 1;
    const last = lastRow(this.model);
    const width = lastColumn(this.model);
    if (last >= first && width > 0) {
      const rect = { row: first, col: 1, numRows: last - first + 1, numCols: Math.max(width, columnPosition) };
      this.doc.exec.countCells(rect.numRows * rect.numCols, rect.numRows * rect.numCols);
      sortRows(this.doc.model, this.model, rect, [{ column: columnPosition, ascending }]);
    }
    return this.api;
  }

  // ---- protection, rules, charts, names, metadata

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.write('protect');
    const existing = this.model.protections.find((p) => p.rect === null);
    const model = existing ?? { rect: null, description: '', warningOnly: false };
    if (!existing) this.model.protections.push(model);
    return protectionView(this.doc, this.model, model);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.read('getProtections');
    const wantSheet = String(type) === 'SHEET';
    return this.model.protections
      .filter((p) => (p.rect === null) === wantSheet)
      .map((p) => protectionView(this.doc, this.model, p));
  }

  getConditionalFormatRules(): GasRule[] {
    this.read('getConditionalFormatRules');
    return this.model.conditionalFormats.map(
      (rule) => new EmulatedConditionalFormatRule(this.doc, rule, this.model) as unknown as GasRule,
    );
  }
  /** Replaces every rule of the sheet; the array order is the evaluation order. */
  setConditionalFormatRules(rules: GasRule[]): void {
    this.write('setConditionalFormatRules');
    const own = rules.map(ruleFromApi);
    for (const r of own) {
      // [U] wording: Sheets refuses a rule without ranges.
      if (r.rule.ranges.length === 0)
        throw new AppsScriptException('A conditional format rule must have at least one range.');
      if (r.sheet && r.sheet !== this.model)
        throw new AppsScriptException('Conditional format rule ranges must be on this sheet.');
    }
    this.model.conditionalFormats = own.map((r) => ({
      ranges: r.rule.ranges.map((g) => ({ ...g })),
      condition: r.rule.condition,
      format: { ...r.rule.format },
    }));
  }
  clearConditionalFormatRules(): void {
    this.write('clearConditionalFormatRules');
    this.model.conditionalFormats = [];
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.read('newChart');
    return newChartBuilder(this.doc, this.model);
  }
  insertChart(chart: GasChart): void {
    this.write('insertChart');
    const own = chartFromApi(chart);
    if (own.spec.id !== 0 && this.model.charts.some((c) => c.id === own.spec.id)) {
      throw new AppsScriptException('This chart is already in the sheet; use updateChart.');
    }
    this.model.charts.push({ ...own.spec, id: this.doc.allocateId(), ranges: own.spec.ranges.map((r) => ({ ...r })) });
  }
  updateChart(chart: GasChart): void {
    this.write('updateChart');
    const own = chartFromApi(chart);
    const i = this.model.charts.findIndex((c) => c.id === own.spec.id);
    if (i < 0) throw new AppsScriptException('The chart is not in this sheet.');
    this.model.charts[i] = { ...own.spec, ranges: own.spec.ranges.map((r) => ({ ...r })) };
  }
  removeChart(chart: GasChart): void {
    this.write('removeChart');
    const own = chartFromApi(chart);
    this.model.charts = this.model.charts.filter((c) => c.id !== own.spec.id);
  }
  getCharts(): GasChart[] {
    this.read('getCharts');
    return this.model.charts.map((c) => chartView(this.doc, this.model, c));
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    this.read('getNamedRanges');
    return this.doc.model.namedRanges
      .filter((n) => n.sheetId === this.model.id)
      .map((n) => namedRangeView(this.doc, n));
  }

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GasSheet {
    this.write('addDeveloperMetadata');
    this.model.developerMetadata.push(newMetadata(this.doc, { type: 'SHEET' }, key, valueOrVisibility, visibility));
    return this.api;
  }
  /** Sheet-level metadata only, like the real method (row/column metadata is read through a range). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.read('getDeveloperMetadata');
    return this.model.developerMetadata
      .filter((m) => m.location.type === 'SHEET')
      .map((m) => metadataView(this.doc, this.model, m));
  }
}

/** Sheet names are unique ignoring case ([U] docs/apps-script.md#item-32). */
export function assertSheetNameFree(doc: Doc, name: string, self: SheetModel | null): void {
  if (name.trim() === '') throw new AppsScriptException('Invalid argument: name');
  const lower = name.toLowerCase();
  if (doc.model.sheets.some((s) => s !== self && s.name.toLowerCase() === lower)) {
    throw new AppsScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

const views = new WeakMap<Doc, WeakMap<SheetModel, GasSheet>>();

/** One view per sheet and execution, so identity comparisons behave. */
export function sheetView(doc: Doc, model: SheetModel): GasSheet {
  let byModel = views.get(doc);
  if (!byModel) views.set(doc, (byModel = new WeakMap()));
  let view = byModel.get(model);
  if (!view) byModel.set(model, (view = new EmulatedSheet(doc, model) as unknown as GasSheet));
  return view;
}

export function fromApiSheet(sheet: GasSheet): EmulatedSheet {
  if (!(sheet instanceof EmulatedSheet)) throw new AppsScriptException('Invalid argument: sheet');
  return sheet;
}
