/**
 * Loads an .xlsx (and its sidecar, when there is one) into the emulator's spreadsheet model.
 * Cells are read once, row by row; styles and validations come out as runs over column stretches.
 */
import { existsSync } from 'fs';
import { basename, extname } from 'path';
import ExcelJS from 'exceljs';
import type { Cell, DataValidation, Workbook, Worksheet } from 'exceljs';
import {
  MAX_CELLS,
  MAX_COLUMNS,
  type CellStyle,
  type CellValue,
  type GridRect,
  type NamedRangeModel,
  type SheetModel,
  type SpreadsheetModel,
  type StyleRun,
  type ValidationRule,
  type ValidationRun,
} from '../emulator/model';
import { parseRectA1, parseSheetRectA1 } from './a1';
import { fromColor, fromExcelStyle, isEmptyStyle, styleKey } from './cell-style';
import { fromExcelConditionalFormattings } from './conditional-format';
import { worksheetExtras } from './exceljs-extras';
import { SegmentBuilder, segmentsToRects, type Segment } from './grid-runs';
import { LISTS_SHEET, isExplicitWidth, widthToPx, workbookSetting } from './layout';
import { readSidecar, type Sidecar, type SidecarSheet } from './sidecar';
import { fromExcelValidation } from './validation';
import { assertTimeZone, fromWallClock } from './wall-clock';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_LOCALE = 'en_US';
/** A new Google Sheets tab's grid. */
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

export interface LoadedWorkbook {
  model: SpreadsheetModel;
  /** the sidecar as read (its services state is for the caller), or null when there is none */
  sidecar: Sidecar | null;
}

export async function loadWorkbook(path: string): Promise<LoadedWorkbook> {
  if (!existsSync(path)) throw new Error(`The workbook ${path} does not exist.`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new Error(`${path} is not an .xlsx workbook (${(error as Error).message}).`);
  }
  const sidecar = await readSidecar(path);
  const timeZone = sidecar?.timeZone ?? workbookSetting(workbook.keywords, 'timeZone') ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const locale = sidecar?.locale ?? workbookSetting(workbook.keywords, 'locale') ?? DEFAULT_LOCALE;

  const worksheets = workbook.worksheets.filter((ws) => !isListsSheet(ws));
  if (!worksheets.length) throw new Error(`${path} has no tabs to load.`);
  const saved = new Map((sidecar?.sheets ?? []).map((s) => [s.name, s]));
  const ids = sheetIds(worksheets, saved, sidecar);
  const rangeValues = listReader(workbook);
  const sheets = worksheets.map((ws, i) => readSheet(ws, ids[i], saved.get(ws.name), timeZone, rangeValues));
  fitToCellLimit(sheets, path);

  const model: SpreadsheetModel = {
    id: sidecar?.spreadsheetId ?? 'local-spreadsheet',
    name: sidecar?.spreadsheetName ?? (workbook.title || basename(path, extname(path))),
    timeZone,
    locale,
    sheets,
    namedRanges: readNamedRanges(workbook, sheets),
    developerMetadata: sidecar?.developerMetadata ?? [],
    editors: sidecar?.editors ?? [],
    viewers: sidecar?.viewers ?? [],
    nextSheetId: Math.max(sidecar?.nextSheetId ?? 0, ...ids.map((id) => id + 1)),
    nextObjectId: Math.max(sidecar?.nextObjectId ?? 1, nextObjectId(sheets, sidecar)),
  };
  return { model, sidecar };
}

function isListsSheet(ws: Worksheet): boolean {
  return ws.name === LISTS_SHEET && ws.state === 'veryHidden';
}

/** Ids the sidecar remembers, by tab name; new tabs get fresh ones. */
function sheetIds(worksheets: Worksheet[], saved: Map<string, SidecarSheet>, sidecar: Sidecar | null): number[] {
  let next = Math.max(sidecar?.nextSheetId ?? 0, ...[...saved.values()].map((s) => s.id + 1));
  const used = new Set<number>();
  return worksheets.map((ws) => {
    const id = saved.get(ws.name)?.id;
    if (id !== undefined && !used.has(id)) {
      used.add(id);
      return id;
    }
    while (used.has(next)) next++;
    used.add(next);
    return next++;
  });
}

function nextObjectId(sheets: SheetModel[], sidecar: Sidecar | null): number {
  const ids = [
    ...(sidecar?.developerMetadata ?? []).map((m) => m.id),
    ...sheets.flatMap((s) => [...s.charts.map((c) => c.id), ...s.developerMetadata.map((m) => m.id)]),
  ];
  return ids.reduce((max, id) => Math.max(max, id + 1), 1);
}

/** Values of a range like '_lists'!$A$1:$A$40, as strings; null when it is not a readable range. */
function listReader(workbook: Workbook): (reference: string) => string[] | null {
  const cache = new Map<string, string[] | null>();
  return (reference) => {
    if (!cache.has(reference)) {
      const parsed = parseSheetRectA1(reference);
      const ws = parsed ? workbook.getWorksheet(parsed.sheetName) : undefined;
      let values: string[] | null = null;
      if (parsed && ws) {
        values = [];
        const { rect } = parsed;
        for (let r = rect.row; r < rect.row + rect.numRows; r++) {
          for (let c = rect.col; c < rect.col + rect.numCols; c++) {
            const value = ws.getRow(r).getCell(c).value;
            values.push(value === null || value === undefined ? '' : String(value));
          }
        }
      }
      cache.set(reference, values);
    }
    return cache.get(reference) ?? null;
  };
}

interface StyleEntry {
  value: CellStyle;
  key: string;
}

function readSheet(
  ws: Worksheet,
  id: number,
  saved: SidecarSheet | undefined,
  timeZone: string,
  rangeValues: (reference: string) => string[] | null,
): SheetModel {
  const values: CellValue[][] = [];
  const formulas = new Map<number, string>();
  const notes = new Map<number, string>();
  const builders = new Map<number, SegmentBuilder<CellStyle>>();
  const columnStyles = new Map<number, StyleEntry>();
  const columnStyle = (col: number): StyleEntry => {
    let entry = columnStyles.get(col);
    if (!entry) {
      const value = fromExcelStyle(ws.getColumn(col).style);
      entry = { value, key: styleKey(value) };
      columnStyles.set(col, entry);
    }
    return entry;
  };
  let usedRows = 0;
  let usedCols = 0;

  // includeEmpty: styled cells without a value still carry formatting.
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    let rowValues: CellValue[] | null = null;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (c > MAX_COLUMNS) return;
      const style = fromExcelStyle(cell.style);
      const key = styleKey(style);
      let builder = builders.get(c);
      if (!builder) builders.set(c, (builder = new SegmentBuilder(columnStyle(c))));
      builder.add(r, style, key);

      const value = cellValue(cell, timeZone);
      const formula = cellFormula(cell);
      const note = cellNote(cell);
      if (formula !== null) formulas.set((r - 1) * MAX_COLUMNS + (c - 1), formula);
      if (note !== null) notes.set((r - 1) * MAX_COLUMNS + (c - 1), note);
      if (value !== '') {
        rowValues ??= values[r - 1] = [];
        while (rowValues.length < c - 1) rowValues.push('');
        rowValues[c - 1] = value;
      }
      if (value !== '' || formula !== null || note !== null) {
        usedRows = Math.max(usedRows, r);
        usedCols = Math.max(usedCols, c);
      }
    });
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];

  const maxRows = Math.max(usedRows, saved?.maxRows ?? DEFAULT_ROWS);
  const maxColumns = Math.min(MAX_COLUMNS, Math.max(usedCols, saved?.maxColumns ?? DEFAULT_COLUMNS));
  const view = ws.views?.[0];
  const frozen = view?.state === 'frozen' ? view : null;

  return {
    id,
    name: ws.name,
    values,
    formulas,
    notes,
    maxRows,
    maxColumns,
    frozenRows: frozen?.ySplit ?? 0,
    frozenColumns: frozen?.xSplit ?? 0,
    columnWidths: readWidths(ws, maxColumns),
    styles: readStyles(builders, columnStyle, maxRows, maxColumns),
    validations: [...readValidations(ws, maxRows, maxColumns, rangeValues), ...(saved?.validations ?? [])],
    conditionalFormats: fromExcelConditionalFormattings(worksheetExtras(ws).conditionalFormattings ?? []),
    protections: saved?.protections ?? [],
    charts: saved?.charts ?? [],
    developerMetadata: saved?.developerMetadata ?? [],
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    tabColor: fromColor(ws.properties.tabColor) ?? null,
  };
}

function cellValue(cell: Cell, timeZone: string): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  return plainValue(cell.value, timeZone);
}

/** A cell value (or a formula's cached result) as getValues() would return it. */
function plainValue(value: unknown, timeZone: string): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // exceljs turns a cached formula error in a date-formatted cell into an Invalid Date, losing which
  // error it was; the cell still holds an error, as getValues would show it.
  if (value instanceof Date) return isNaN(value.getTime()) ? '#ERROR!' : fromWallClock(value, timeZone);
  if (typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return richText(v.richText);
  if ('hyperlink' in v) return plainValue(v.text, timeZone);
  if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result, timeZone);
  if (typeof v.error === 'string') return v.error;
  return '';
}

function richText(runs: unknown[]): string {
  return runs.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
}

function cellFormula(cell: Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const formula = cell.formula;
  return formula ? `=${formula}` : null;
}

function cellNote(cell: Cell): string | null {
  const note: unknown = cell.note;
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown }).texts)) {
    return richText((note as { texts: unknown[] }).texts);
  }
  return null;
}

function readWidths(ws: Worksheet, maxColumns: number): Map<number, number> {
  const widths = new Map<number, number>();
  (ws.columns ?? []).forEach((column, i) => {
    const col = i + 1;
    if (col <= maxColumns && isExplicitWidth(column.width)) widths.set(col, widthToPx(column.width));
  });
  return widths;
}

function readStyles(
  builders: Map<number, SegmentBuilder<CellStyle>>,
  columnStyle: (col: number) => StyleEntry,
  maxRows: number,
  maxColumns: number,
): StyleRun[] {
  const columns: { col: number; segments: Segment<CellStyle>[] }[] = [];
  for (let col = 1; col <= maxColumns; col++) {
    const builder = builders.get(col) ?? new SegmentBuilder(columnStyle(col));
    columns.push({ col, segments: clip(builder.finish(maxRows), maxRows) });
  }
  return segmentsToRects(columns, (style) => !isEmptyStyle(style)).map(({ rect, value }) => ({
    rect,
    style: copyStyle(value),
  }));
}

function clip<T>(segments: Segment<T>[], maxRows: number): Segment<T>[] {
  return segments.filter((s) => s.start <= maxRows).map((s) => (s.end > maxRows ? { ...s, end: maxRows } : s));
}

/** Runs get their own style objects: the model is edited in place. */
function copyStyle(style: CellStyle): CellStyle {
  return style.font ? { ...style, font: { ...style.font } } : { ...style };
}

function readValidations(
  ws: Worksheet,
  maxRows: number,
  maxColumns: number,
  rangeValues: (reference: string) => string[] | null,
): ValidationRun[] {
  // exceljs expands every range to its cells, sharing one object per rule: regroup by that object.
  const cellsByRule = new Map<DataValidation, Map<number, number[]>>();
  for (const [address, dv] of Object.entries(worksheetExtras(ws).dataValidations?.model ?? {})) {
    const cell = dv && parseRectA1(address);
    if (!dv || !cell || cell.row > maxRows || cell.col > maxColumns) continue;
    let byColumn = cellsByRule.get(dv);
    if (!byColumn) cellsByRule.set(dv, (byColumn = new Map()));
    let rows = byColumn.get(cell.col);
    if (!rows) byColumn.set(cell.col, (rows = []));
    rows.push(cell.row);
  }
  const runs: ValidationRun[] = [];
  for (const [dv, byColumn] of cellsByRule) {
    const rule = fromExcelValidation(dv, rangeValues);
    if (!rule) continue;
    const columns = [...byColumn].map(([col, rows]) => ({ col, segments: rowSegments(rows, rule) }));
    for (const { rect } of segmentsToRects(columns, () => true)) runs.push({ rect, rule: copyRule(rule) });
  }
  return runs;
}

function rowSegments(rows: number[], rule: ValidationRule): Segment<ValidationRule>[] {
  const segments: Segment<ValidationRule>[] = [];
  for (const row of rows.sort((a, b) => a - b)) {
    const last = segments[segments.length - 1];
    if (last && last.end === row - 1) last.end = row;
    else segments.push({ start: row, end: row, value: rule, key: '' });
  }
  return segments;
}

function copyRule(rule: ValidationRule): ValidationRule {
  return JSON.parse(JSON.stringify(rule)) as ValidationRule;
}

function readNamedRanges(workbook: Workbook, sheets: SheetModel[]): NamedRangeModel[] {
  const named: NamedRangeModel[] = [];
  for (const { name, ranges } of workbook.definedNames.model) {
    if (name.startsWith('_xlnm.') || ranges.length !== 1) continue;
    const parsed = parseSheetRectA1(ranges[0]);
    const sheet = parsed && sheets.find((s) => s.name === parsed.sheetName);
    if (parsed && sheet) named.push({ name, sheetId: sheet.id, rect: parsed.rect });
  }
  return named;
}

/** Grows only what the workbook holds past Sheets' limit: the default padding shrinks first. */
function fitToCellLimit(sheets: SheetModel[], path: string): void {
  const total = () => sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  if (total() <= MAX_CELLS) return;
  for (const sheet of sheets) {
    const used = usedExtent(sheet);
    sheet.maxRows = Math.max(1, used.rows);
    sheet.maxColumns = Math.max(1, used.cols);
    const inGrid = (rect: GridRect) => clipRect(rect, sheet.maxRows, sheet.maxColumns);
    sheet.styles = sheet.styles.flatMap((run) => inGrid(run.rect).map((rect) => ({ ...run, rect })));
    sheet.validations = sheet.validations.flatMap((run) => inGrid(run.rect).map((rect) => ({ ...run, rect })));
    sheet.conditionalFormats = sheet.conditionalFormats
      .map((rule) => ({ ...rule, ranges: rule.ranges.flatMap(inGrid) }))
      .filter((rule) => rule.ranges.length);
  }
  if (total() > MAX_CELLS) {
    throw new Error(
      `${path} holds more than ${MAX_CELLS.toLocaleString('en-US')} cells, the most a Google spreadsheet can.`,
    );
  }
}

/** The part of `rect` inside the grid, as a list of zero or one rectangles. */
function clipRect(rect: GridRect, maxRows: number, maxColumns: number): GridRect[] {
  const numRows = Math.min(rect.row + rect.numRows - 1, maxRows) - rect.row + 1;
  const numCols = Math.min(rect.col + rect.numCols - 1, maxColumns) - rect.col + 1;
  return numRows > 0 && numCols > 0 ? [{ ...rect, numRows, numCols }] : [];
}

function usedExtent(sheet: SheetModel): { rows: number; cols: number } {
  let rows = sheet.values.length;
  let cols = sheet.values.reduce((max, row) => Math.max(max, row.length), 0);
  for (const key of [...sheet.formulas.keys(), ...sheet.notes.keys()]) {
    rows = Math.max(rows, Math.floor(key / MAX_COLUMNS) + 1);
    cols = Math.max(cols, (key % MAX_COLUMNS) + 1);
  }
  return { rows, cols };
}
