/**
 * A character no XML file can carry, already in a cell (typed into the playground, loaded from
 * another tool), never makes the saved workbook unreadable: it is written as Office Open XML's
 * `_xHHHH_` escape and read back as the same character (docs/text.md). A cached formula error in a
 * date-formatted cell loads as an error value, not as a date that breaks every later command.
 */
import path from 'path';
import ExcelJS from 'exceljs';
import { newSpreadsheetModel } from '../../../src/local/emulator/model';
import { loadWorkbook } from '../../../src/local/xlsx/load';
import { saveWorkbook } from '../../../src/local/xlsx/save';
import { tempFolder } from './fixture';

const temp = tempFolder();
afterAll(temp.cleanup);

const AWKWARD = [
  'summary \uFFFF end',
  '\uFFFE at the start',
  'nul\u0000byte',
  'bell\u0007 escape\u001b[31m',
  'del\u007f',
  'windows\r\nline',
  'lone \uD800 high',
  'lone \uDC00 low',
  '😀 a pair is fine',
  'looks like an escape: _x0041_ and _x005F_ and _xFFFF_',
  'tab\tand\nnewline',
  '\uFDD0 noncharacter',
];

describe('text with characters XML cannot carry', () => {
  test('is saved to a workbook that loads again, each character read back as it was', async () => {
    const model = newSpreadsheetModel({ id: 'x', name: 'x', timeZone: 'Asia/Shanghai', locale: 'en_US' });
    model.sheets[0].name = 'Contacts';
    model.sheets[0].values = [['Summary'], ...AWKWARD.map((t) => [t])];
    const file = path.join(temp.dir, 'awkward.xlsx');
    await saveWorkbook(file, model);
    const loaded = await loadWorkbook(file);
    expect(loaded.model.sheets[0].values.slice(1).map((r) => r[0])).toEqual(AWKWARD);
  });
});

describe('a cached formula error in a date column', () => {
  test('loads as an error value, not an Invalid Date', async () => {
    const file = path.join(temp.dir, 'errors.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Clients');
    ws.getRow(1).values = ['ID', 'Expected date'];
    ws.getRow(2).values = ['C-1', { formula: '1/0', result: { error: '#DIV/0!' } }];
    ws.getColumn(2).numFmt = 'yyyy-mm-dd';
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(file);
    const loaded = await loadWorkbook(file);
    const cell = loaded.model.sheets[0].values[1][1];
    expect(cell).toBe('#ERROR!');
  });
});
