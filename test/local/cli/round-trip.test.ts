/**
 * demo → save → load → save: the second file holds the same cells, formats, validations and
 * conditional format rules as the first, seen both through the loader and through exceljs alone.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { SheetModel, SpreadsheetModel } from '../../../src/local/emulator/model';
import { styleGrid, validationGrid } from '../../../src/local/emulator/spreadsheet';
import { styleKey } from '../../../src/local/xlsx/cell-style';
import { loadWorkbook } from '../../../src/local/xlsx/load';
import { saveWorkbook } from '../../../src/local/xlsx/save';
import { cli, ensureBuilt, openXlsx, tempDir } from './run-cli';

let first: SpreadsheetModel;
let second: SpreadsheetModel;
let firstXlsx: ExcelJS.Workbook;
let secondXlsx: ExcelJS.Workbook;

beforeAll(async () => {
  ensureBuilt();
  const dir = tempDir();
  expect(cli(dir, ['demo', '--workbook', 'demo.xlsx', '--now', '2026-03-02T09:00']).code).toBe(0);
  const loaded = await loadWorkbook(path.join(dir, 'demo.xlsx'));
  await saveWorkbook(path.join(dir, 'again.xlsx'), loaded.model, { services: loaded.sidecar?.services ?? null });
  first = (await loadWorkbook(path.join(dir, 'demo.xlsx'))).model;
  second = (await loadWorkbook(path.join(dir, 'again.xlsx'))).model;
  firstXlsx = await openXlsx(path.join(dir, 'demo.xlsx'));
  secondXlsx = await openXlsx(path.join(dir, 'again.xlsx'));
});

const TABS = ['Clients', 'Contacts', 'Team', 'Changes', 'Settings'];
const sheet = (model: SpreadsheetModel, name: string): SheetModel => model.sheets.find((s) => s.name === name)!;
const whole = (s: SheetModel) => ({ row: 1, col: 1, numRows: s.maxRows, numCols: s.maxColumns });

describe.each(TABS)('the %s tab after a second save', (tab) => {
  test('has the same cells, notes, grid size, frozen rows and column widths', () => {
    const [a, b] = [sheet(first, tab), sheet(second, tab)];
    expect(b.values).toEqual(a.values);
    expect([...b.notes]).toEqual([...a.notes]);
    expect([b.maxRows, b.maxColumns, b.frozenRows]).toEqual([a.maxRows, a.maxColumns, a.frozenRows]);
    expect([...b.columnWidths]).toEqual([...a.columnWidths]);
  });

  test('has the same formats in every cell of the grid', () => {
    const keys = (s: SheetModel) => styleGrid(s, whole(s)).map((row) => row.map(styleKey));
    expect(keys(sheet(second, tab))).toEqual(keys(sheet(first, tab)));
  });

  test('has the same validation on every cell and the same conditional format rules', () => {
    const [a, b] = [sheet(first, tab), sheet(second, tab)];
    expect(validationGrid(b, whole(b))).toEqual(validationGrid(a, whole(a)));
    expect(b.conditionalFormats).toEqual(a.conditionalFormats);
  });

  test('reads the same in exceljs: values, number formats, fonts, fills, validations and rules', () => {
    const [a, b] = [firstXlsx.getWorksheet(tab)!, secondXlsx.getWorksheet(tab)!];
    const cells = (ws: ExcelJS.Worksheet) => {
      const out: unknown[] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell((cell, c) => out.push([r, c, cell.value, cell.numFmt, cell.font, cell.fill])),
      );
      return out;
    };
    expect(cells(b)).toEqual(cells(a));
    const extras = (ws: ExcelJS.Worksheet) =>
      ws as unknown as { dataValidations: { model: unknown }; conditionalFormattings: unknown };
    expect(extras(b).dataValidations.model).toEqual(extras(a).dataValidations.model);
    expect(extras(b).conditionalFormattings).toEqual(extras(a).conditionalFormattings);
  });
});

test('the Clients tab keeps its four highlighting rules, with their colours', () => {
  expect(sheet(second, 'Clients').conditionalFormats.map((r) => r.format.background)).toEqual([
    '#f4c7c3',
    '#fde9a9',
    '#e0e0e0',
    '#d5cfe8',
  ]);
});
