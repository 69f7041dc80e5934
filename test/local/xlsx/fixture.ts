/** A hand-built spreadsheet model that exercises everything the .xlsx layer keeps. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  cellKey,
  newSheetModel,
  newSpreadsheetModel,
  type CellStyle,
  type SheetModel,
  type SpreadsheetModel,
  type ValidationRun,
} from '../../../src/local/emulator/model';
import { mergeStyle, styleKey } from '../../../src/local/xlsx/cell-style';

export const STAGES = Array.from({ length: 40 }, (_, i) => `Stage ${String(i + 1).padStart(2, '0')} – negotiation`);

/** 2026-03-02 09:30 on Shanghai's wall clock */
export const SIGNED_SHANGHAI = new Date(Date.UTC(2026, 2, 2, 1, 30));
/** 2026-03-05 (midnight, Shanghai) */
export const FOLLOW_UP_SHANGHAI = new Date(Date.UTC(2026, 2, 4, 16, 0));

export function clientsModel(): SpreadsheetModel {
  const model = newSpreadsheetModel({
    id: 'sheet-123',
    name: 'Client Tracker 客户',
    timeZone: 'Asia/Shanghai',
    locale: 'zh_CN',
  });
  const clients = model.sheets[0];
  clients.name = 'Clients';
  clients.values = [
    ['Name', 'Phone', 'Signed', 'Next follow-up', 'Share', 'Double share', 'Stage', 'Grade', 'VIP'],
    ['张伟', '013800138000', SIGNED_SHANGHAI, FOLLOW_UP_SHANGHAI, 0.125, 0.25, STAGES[3], 'A', true],
    ['Alice Chen', '42', new Date(Date.UTC(2025, 11, 31, 16, 0)), '', 0.5, 1, STAGES[39], 'B', false],
  ];
  clients.formulas.set(cellKey(1, 5), '=E2*2');
  clients.formulas.set(cellKey(2, 5), '=E3*2');
  clients.notes.set(cellKey(1, 0), '老客户，请优先跟进');
  clients.frozenRows = 1;
  clients.columnWidths = new Map([
    [1, 160],
    [2, 120],
    [7, 68],
  ]);
  const header: CellStyle = {
    font: { bold: true, color: '#ffffff' },
    background: '#3c78d8',
    horizontalAlignment: 'center',
  };
  clients.styles = [
    { rect: { row: 1, col: 1, numRows: 1, numCols: 9 }, style: header },
    { rect: { row: 2, col: 2, numRows: 999, numCols: 1 }, style: { numberFormat: '@' } },
    { rect: { row: 2, col: 3, numRows: 999, numCols: 2 }, style: { numberFormat: 'yyyy-mm-dd' } },
    { rect: { row: 2, col: 5, numRows: 999, numCols: 2 }, style: { numberFormat: '0.0%' } },
    { rect: { row: 3, col: 1, numRows: 1, numCols: 9 }, style: { background: '#fce5cd', wrap: true } },
    // overrides part of the row above: later runs win per property
    { rect: { row: 3, col: 1, numRows: 1, numCols: 1 }, style: { font: { italic: true, family: 'Arial', size: 12 } } },
  ];
  clients.validations = [
    { rect: { row: 2, col: 7, numRows: 999, numCols: 1 }, rule: listRule(STAGES) },
    {
      rect: { row: 2, col: 8, numRows: 999, numCols: 1 },
      rule: { ...listRule(['A', 'B', 'C']), helpText: 'Grade A–C' },
    },
    {
      rect: { row: 2, col: 9, numRows: 999, numCols: 1 },
      rule: { criteria: { type: 'CHECKBOX' }, allowInvalid: false },
    },
    {
      rect: { row: 2, col: 5, numRows: 999, numCols: 1 },
      rule: { criteria: { type: 'NUMBER_BETWEEN', min: 0, max: 1 }, allowInvalid: true },
    },
    {
      rect: { row: 2, col: 3, numRows: 999, numCols: 1 },
      rule: { criteria: { type: 'DATE_IS_VALID_DATE' }, allowInvalid: false },
    },
    {
      rect: { row: 2, col: 1, numRows: 999, numCols: 1 },
      rule: { criteria: { type: 'CUSTOM_FORMULA', formula: '=LEN(A2)<=50' }, allowInvalid: false },
    },
    // a hole in the list column
    { rect: { row: 10, col: 7, numRows: 1, numCols: 1 }, rule: null },
  ];
  const data = { row: 2, col: 1, numRows: 999, numCols: 9 };
  clients.conditionalFormats = [
    {
      ranges: [data],
      condition: { type: 'CUSTOM_FORMULA', formula: '=$D2<TODAY()' },
      format: { background: '#f4cccc' },
    },
    {
      ranges: [col(4)],
      condition: { type: 'DATE_BEFORE', relative: 'TODAY' },
      format: { fontColor: '#cc0000', bold: true },
    },
    { ranges: [col(4)], condition: { type: 'DATE_BEFORE', relative: 'PAST_WEEK' }, format: { strikethrough: true } },
    { ranges: [col(4)], condition: { type: 'DATE_EQUAL_TO', relative: 'TODAY' }, format: { background: '#fff2cc' } },
    { ranges: [col(4)], condition: { type: 'DATE_EQUAL_TO', relative: 'TOMORROW' }, format: { italic: true } },
    { ranges: [col(8)], condition: { type: 'CELL_EMPTY' }, format: { background: '#eeeeee' } },
    { ranges: [col(8), col(7)], condition: { type: 'CELL_NOT_EMPTY' }, format: { fontColor: '#274e13' } },
    { ranges: [col(8)], condition: { type: 'TEXT_EQUAL_TO', text: 'A "gold"' }, format: { background: '#d9ead3' } },
  ];
  clients.charts = [
    {
      id: 7,
      type: 'COLUMN',
      ranges: [{ row: 1, col: 5, numRows: 3, numCols: 1 }],
      position: { row: 2, col: 11, offsetX: 0, offsetY: 0 },
      options: { title: 'Share' },
    },
  ];
  clients.protections = [
    { rect: { row: 1, col: 1, numRows: 1, numCols: 9 }, description: 'Headers', warningOnly: true },
  ];
  clients.developerMetadata = [
    { id: 8, key: 'ct.table', value: 'clients', visibility: 'PROJECT', location: { type: 'SHEET' } },
  ];

  const archive = newSheetModel(1, 'Archive 归档');
  archive.hidden = true;
  archive.tabColor = '#ff0000';
  archive.values = [['Old client'], ['王芳']];
  model.sheets.push(archive);
  model.nextSheetId = 2;
  model.nextObjectId = 9;
  model.namedRanges = [{ name: 'ClientNames', sheetId: 0, rect: { row: 2, col: 1, numRows: 999, numCols: 1 } }];
  model.editors = ['boss@example.com'];
  model.viewers = ['auditor@example.com'];
  return model;
}

function col(c: number) {
  return { row: 2, col: c, numRows: 999, numCols: 1 };
}

function listRule(values: string[]): NonNullable<ValidationRun['rule']> {
  return { criteria: { type: 'VALUE_IN_LIST', values, showDropdown: true }, allowInvalid: false };
}

/** Each cell's style after all runs, as a comparable key, for rows 1..rows and columns 1..cols. */
export function resolvedStyles(sheet: SheetModel, rows = sheet.maxRows, cols = sheet.maxColumns): string[][] {
  const grid: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: string[] = [];
    for (let c = 1; c <= cols; c++) {
      let style: CellStyle = {};
      for (const run of sheet.styles) if (covers(run.rect, r, c)) style = mergeStyle(style, run.style);
      line.push(styleKey(style));
    }
    grid.push(line);
  }
  return grid;
}

/** Each cell's validation rule after all runs (later replace earlier). */
export function resolvedValidations(
  sheet: SheetModel,
  rows = sheet.maxRows,
  cols = sheet.maxColumns,
): ValidationRun['rule'][][] {
  const grid: ValidationRun['rule'][][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: ValidationRun['rule'][] = [];
    for (let c = 1; c <= cols; c++) {
      let rule: ValidationRun['rule'] = null;
      for (const run of sheet.validations) if (covers(run.rect, r, c)) rule = run.rule;
      line.push(rule);
    }
    grid.push(line);
  }
  return grid;
}

function covers(rect: { row: number; col: number; numRows: number; numCols: number }, r: number, c: number): boolean {
  return r >= rect.row && r < rect.row + rect.numRows && c >= rect.col && c < rect.col + rect.numCols;
}

/** Rows padded to the same width, so models that trim rows differently compare equal. */
export function paddedValues(sheet: SheetModel): unknown[][] {
  const width = Math.max(0, ...sheet.values.map((row) => row.length));
  return sheet.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/** A fresh folder under the OS temp dir; `cleanup` removes it. */
export function tempFolder(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-xlsx-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
