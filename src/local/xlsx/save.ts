/**
 * Saves the model as an .xlsx (what Excel and LibreOffice can show) plus the sidecar (the rest), as
 * one change (commit.ts): both, and any other files of the same run (the outbox's .eml files), are
 * written to temporary files first; a failure or a kill leaves the old ones untouched or, once
 * committed, all the new ones in place.
 */
import ExcelJS from 'exceljs';
import type { CellFormulaValue, CellValue as ExcelCellValue, Style, Workbook, Worksheet } from 'exceljs';
import {
  MAX_COLUMNS,
  type CellStyle,
  type CellValue,
  type GridRect,
  type SheetModel,
  type SpreadsheetModel,
  type StyleRun,
  type ValidationRule,
  type ValidationRun,
} from '../emulator/model';
import { absoluteRectA1, cellA1, quotedSheetName, rectA1 } from './a1';
import { canonicalStyle, isEmptyStyle, mergeStyle, styleKey, toArgb, toExcelStyle } from './cell-style';
import { toExcelConditionalFormatting } from './conditional-format';
import { worksheetExtras } from './exceljs-extras';
import { columnSegments, segmentsToRects, type Folding, type Segment } from './grid-runs';
import { LISTS_SHEET, WORKBOOK_KEYWORD, pxToWidth } from './layout';
import { commitFiles, type FileWrite } from './commit';
import { writePresentation } from './presentation';
import { SIDECAR_VERSION, sidecarPath, type Sidecar, type SidecarSheet } from './sidecar';
import { needsSidecar, toExcelValidation, type ListStore } from './validation';
import { assertTimeZone, toWallClock } from './wall-clock';

/** Excel's limit on the characters in one cell. */
const EXCEL_CELL_CHARS = 32_767;

/**
 * A visible no-op style: a cell carrying it looks plain but, unlike a cell with no style at all,
 * does not take its column's style.
 */
const PLAIN_STYLE: Partial<Style> = { protection: { locked: true } };

const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

/**
 * Writes `model` to `path` and its sidecar next to it. `state.services` (the services' own
 * exported state) is stored as is; everything else in the sidecar comes from the model. `alongside`
 * are written in the same change (all or none). The caller holds the workbook's lock.
 */
export async function saveWorkbook(
  path: string,
  model: SpreadsheetModel,
  state: Pick<Sidecar, 'services'> | null = null,
  alongside: readonly FileWrite[] = [],
): Promise<void> {
  assertSheetNames(model);
  assertTimeZone(model.timeZone);
  const { workbook, sidecarValidations } = buildWorkbook(model);
  const sidecar = buildSidecar(model, sidecarValidations, state?.services ?? null);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  await commitFiles(path, [
    { path, content: xlsx },
    { path: sidecarPath(path), content: `${JSON.stringify(sidecar, null, 2)}\n` },
    ...alongside,
  ]);
}

function assertSheetNames(model: SpreadsheetModel): void {
  const seen = new Set<string>();
  for (const { name } of model.sheets) {
    const lower = name.toLowerCase();
    const problem =
      name.length === 0
        ? 'is empty'
        : name.length > 31
          ? 'is longer than 31 characters'
          : /[:\\/?*[\]]/.test(name)
            ? 'contains one of : \\ / ? * [ ]'
            : name.startsWith("'") || name.endsWith("'")
              ? 'begins or ends with an apostrophe'
              : lower === 'history'
                ? 'is reserved by Excel'
                : name === LISTS_SHEET
                  ? 'is reserved for the lists of data validation rules'
                  : seen.has(lower)
                    ? 'is used by another tab (Excel ignores case)'
                    : null;
    if (problem) throw new Error(`Excel cannot hold a tab named "${name}": the name ${problem}. Rename the tab first.`);
    seen.add(lower);
  }
}

function buildWorkbook(model: SpreadsheetModel): {
  workbook: Workbook;
  sidecarValidations: Map<number, ValidationRun[]>;
} {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Client Tracker';
  workbook.title = model.name;
  workbook.keywords = `${WORKBOOK_KEYWORD} timeZone=${model.timeZone} locale=${model.locale}`;
  // Cached formula results come from the emulator; let Excel and LibreOffice compute their own.
  workbook.calcProperties.fullCalcOnLoad = true;
  const lists = new HelperLists();
  const sidecarValidations = new Map<number, ValidationRun[]>();
  for (const sheet of model.sheets) {
    sidecarValidations.set(sheet.id, writeSheet(workbook, sheet, model.timeZone, lists));
    writePresentation(workbook, workbook.getWorksheet(sheet.name)!, sheet, model);
  }
  for (const named of model.namedRanges) {
    const sheet = model.sheets.find((s) => s.id === named.sheetId);
    if (sheet) workbook.definedNames.add(`${quotedSheetName(sheet.name)}!${absoluteRectA1(named.rect)}`, named.name);
  }
  lists.writeTo(workbook);
  const activeTab = Math.max(
    0,
    model.sheets.findIndex((s) => !s.hidden),
  );
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: 'visible' }];
  return { workbook, sidecarValidations };
}

/** Writes one tab; returns the validations only the sidecar can keep. */
function writeSheet(workbook: Workbook, sheet: SheetModel, timeZone: string, lists: ListStore): ValidationRun[] {
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: sheet.tabColor ? { tabColor: { argb: toArgb(sheet.tabColor) } } : {},
    views:
      sheet.frozenRows || sheet.frozenColumns
        ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
        : [],
  });
  for (const [col, px] of sheet.columnWidths) ws.getColumn(col).width = pxToWidth(px);
  // Column styles first: cells created afterwards start from them, as in Excel.
  const cellStyles = writeColumnStyles(ws, sheet);
  writeValues(ws, sheet, timeZone);
  for (const { col, segment, style } of cellStyles) {
    for (let row = segment.start; row <= segment.end; row++) ws.getRow(row).getCell(col).style = style;
  }
  const sidecarOnly = writeValidations(ws, sheet, lists);
  sheet.conditionalFormats.forEach((rule, i) => ws.addConditionalFormatting(toExcelConditionalFormatting(rule, i + 1)));
  return sidecarOnly;
}

function rightmostColumn(runs: { rect: GridRect }[]): number {
  return runs.reduce((last, { rect }) => Math.max(last, rect.col + rect.numCols - 1), 0);
}

const styleFolding: Folding<StyleRun, CellStyle> = {
  empty: {},
  fold: (runs) => runs.reduce<CellStyle>((style, run) => mergeStyle(style, run.style), {}),
  key: styleKey,
};

/**
 * Gives each column the style most of its rows have, and returns the stretches that differ, to be
 * styled cell by cell.
 */
function writeColumnStyles(
  ws: Worksheet,
  sheet: SheetModel,
): { col: number; segment: Segment<CellStyle>; style: Partial<Style> }[] {
  const lastCol = Math.min(sheet.maxColumns, rightmostColumn(sheet.styles));
  const styles = sheet.styles.map((run) => ({ rect: run.rect, style: canonicalStyle(run.style) }));
  const differing: { col: number; segment: Segment<CellStyle>; style: Partial<Style> }[] = [];
  for (let col = 1; col <= lastCol; col++) {
    const segments = columnSegments(styles, col, sheet.maxRows, styleFolding);
    const rowsByKey = new Map<string, number>();
    for (const s of segments) rowsByKey.set(s.key, (rowsByKey.get(s.key) ?? 0) + s.end - s.start + 1);
    const columnKey = [...rowsByKey].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
    const columnStyle = segments.find((s) => s.key === columnKey)?.value ?? {};
    if (!isEmptyStyle(columnStyle)) ws.getColumn(col).style = toExcelStyle(columnStyle);
    for (const segment of segments) {
      if (segment.key === columnKey) continue;
      const style = isEmptyStyle(segment.value) ? PLAIN_STYLE : toExcelStyle(segment.value);
      differing.push({ col, segment, style });
    }
  }
  return differing;
}

function writeValues(ws: Worksheet, sheet: SheetModel, timeZone: string): void {
  // row -> columns it needs to visit to reach its last formula
  const formulaWidths = new Map<number, number>();
  let lastRow = sheet.values.length - 1;
  for (const key of sheet.formulas.keys()) {
    const r = Math.floor(key / MAX_COLUMNS);
    formulaWidths.set(r, Math.max(formulaWidths.get(r) ?? 0, (key % MAX_COLUMNS) + 1));
    lastRow = Math.max(lastRow, r);
  }
  for (let r = 0; r <= lastRow; r++) {
    const values = sheet.values[r] ?? [];
    const formulaWidth = formulaWidths.get(r);
    const width = Math.max(values.length, formulaWidth ?? 0);
    let row: ExcelJS.Row | null = null;
    for (let c = 0; c < width; c++) {
      const value = values[c] ?? '';
      const formula = formulaWidth === undefined ? undefined : sheet.formulas.get(r * MAX_COLUMNS + c);
      if (value === '' && formula === undefined) continue;
      if (typeof value === 'string' && value.length > EXCEL_CELL_CHARS) {
        throw new Error(
          `Cell ${sheet.name}!${cellA1(r + 1, c + 1)} holds ${value.length} characters; Excel holds at most ${EXCEL_CELL_CHARS}.`,
        );
      }
      row ??= ws.getRow(r + 1);
      row.getCell(c + 1).value =
        formula === undefined ? toExcelValue(value, timeZone) : toFormula(formula, value, timeZone);
    }
  }
  for (const [key, note] of sheet.notes) {
    ws.getRow(Math.floor(key / MAX_COLUMNS) + 1).getCell((key % MAX_COLUMNS) + 1).note = note;
  }
}

function toExcelValue(value: CellValue, timeZone: string): ExcelCellValue {
  if (typeof value === 'string') return xmlSafe(value);
  return value instanceof Date ? toWallClock(value, timeZone) : value;
}

/**
 * Characters an XML file cannot carry (C0 controls but tab and line feed, lone surrogates, U+FFFE,
 * U+FFFF), a carriage return (XML would read it back as a line feed), and text that already looks
 * like such an escape. One U+FFFF written raw made the whole file unreadable.
 */

const NOT_IN_XML = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]|_(?=x[0-9A-F]{4}_)/gu;

/**
 * A string as the workbook stores it: each character XML cannot carry as the `_xHHHH_` escape of
 * the Office Open XML format (ECMA-376 ST_Xstring), which Excel, LibreOffice and exceljs read back
 * as the character; an underscore that would start such an escape is itself escaped (`_x005F_`).
 * docs/text.md says why such characters should never reach a cell, and what happens if one does.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_IN_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function toFormula(formula: string, cached: CellValue, timeZone: string): CellFormulaValue {
  const text = formula.replace(/^=/, '');
  if (cached === '') return { formula: text, date1904: false };
  if (typeof cached === 'string' && ERROR_VALUES.has(cached)) {
    return { formula: text, result: { error: cached as ExcelJS.CellErrorValue['error'] }, date1904: false };
  }
  const result =
    cached instanceof Date ? toWallClock(cached, timeZone) : typeof cached === 'string' ? xmlSafe(cached) : cached;
  return { formula: text, result, date1904: false };
}

const validationFolding: Folding<ValidationRun, ValidationRule | null> = {
  empty: null,
  // later runs replace earlier ones
  fold: (runs) => runs[runs.length - 1].rule,
  key: (rule) => (rule ? JSON.stringify(rule) : ''),
};

function writeValidations(ws: Worksheet, sheet: SheetModel, lists: ListStore): ValidationRun[] {
  if (!sheet.validations.length) return [];
  const lastCol = Math.min(sheet.maxColumns, rightmostColumn(sheet.validations));
  const columns: { col: number; segments: Segment<ValidationRule | null>[] }[] = [];
  for (let col = 1; col <= lastCol; col++) {
    columns.push({ col, segments: columnSegments(sheet.validations, col, sheet.maxRows, validationFolding) });
  }
  const sidecarOnly: ValidationRun[] = [];
  const extras = worksheetExtras(ws);
  for (const { rect, value: rule } of segmentsToRects(columns, (rule) => rule !== null)) {
    if (!rule) continue;
    if (needsSidecar(rule)) sidecarOnly.push({ rect: { ...rect }, rule });
    const excelRule = toExcelValidation(rule, lists);
    if (excelRule) extras.dataValidations.add(rectA1(rect), excelRule);
  }
  return sidecarOnly;
}

/** Lists too long to inline, one per column of a very hidden `_lists` tab. */
class HelperLists implements ListStore {
  private readonly lists: string[][] = [];
  private readonly references = new Map<string, string>();

  reference(values: string[]): string {
    const key = JSON.stringify(values);
    let reference = this.references.get(key);
    if (!reference) {
      this.lists.push(values);
      const rect: GridRect = { row: 1, col: this.lists.length, numRows: Math.max(1, values.length), numCols: 1 };
      reference = `${quotedSheetName(LISTS_SHEET)}!${absoluteRectA1(rect)}`;
      this.references.set(key, reference);
    }
    return reference;
  }

  writeTo(workbook: Workbook): void {
    if (!this.lists.length) return;
    const ws = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
    this.lists.forEach((values, i) => {
      values.forEach((value, r) => {
        ws.getRow(r + 1).getCell(i + 1).value = value;
      });
    });
  }
}

function buildSidecar(model: SpreadsheetModel, validations: Map<number, ValidationRun[]>, services: unknown): Sidecar {
  const sheets: SidecarSheet[] = model.sheets.map((sheet) => ({
    name: sheet.name,
    id: sheet.id,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    protections: sheet.protections,
    charts: sheet.charts,
    developerMetadata: sheet.developerMetadata,
    validations: validations.get(sheet.id) ?? [],
  }));
  return {
    version: SIDECAR_VERSION,
    timeZone: model.timeZone,
    locale: model.locale,
    spreadsheetId: model.id,
    spreadsheetName: model.name,
    editors: model.editors,
    viewers: model.viewers,
    developerMetadata: model.developerMetadata,
    nextSheetId: model.nextSheetId,
    nextObjectId: model.nextObjectId,
    sheets,
    services,
  };
}
