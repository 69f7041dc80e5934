/** Range geometry, A1 notation and coordinate errors. Sources cited per test. */
import { open } from './harness';

describe('ranges', () => {
  test('getRange(row, col, numRows, numCols) is 1-based (sheet#getRange)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
    const { sheet } = open();
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([5, 7]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
  });

  test('A1 notation: cells, blocks, whole columns and rows (sheet#getRange(String))', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
    const { sheet } = open();
    expect(sheet.getRange('B3').getA1Notation()).toBe('B3');
    expect(sheet.getRange('$A$1:$C$10').getA1Notation()).toBe('A1:C10');
    const cols = sheet.getRange('A:B');
    expect([cols.getRow(), cols.getNumRows(), cols.getNumColumns()]).toEqual([1, 1000, 2]);
    const rows = sheet.getRange('2:3');
    expect([rows.getRow(), rows.getNumRows(), rows.getColumn(), rows.getNumColumns()]).toEqual([2, 2, 1, 26]);
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
  });

  test('Spreadsheet.getRange accepts a sheet-qualified A1 (spreadsheet#getRange)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRange(String)
    const { ss } = open();
    const clients = ss.insertSheet('Clients');
    clients.getRange('B2').setValue('x');
    ss.insertSheet('My Sheet').getRange('A1').setValue('y');
    ss.setActiveSheet(ss.getSheets()[0]);
    expect(ss.getRange("'Clients'!B2").getValue()).toBe('x');
    expect(ss.getRange('Clients!B2').getSheet().getName()).toBe('Clients');
    expect(ss.getRange("'My Sheet'!A1").getValue()).toBe('y');
    expect(ss.getRange('B2').getSheet().getName()).toBe('Sheet1');
  });

  test('zero rows or columns throw the documented messages (item 22)', () => {
    // https://github.com/brucemcpherson/gas-fakes/blob/main/src/services/spreadsheetapp/fakesheetrange.js
    const { sheet } = open();
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
  });

  test('an empty sheet has last row 0, so getRange(2, 1, getLastRow() - 1, n) throws (item 20)', () => {
    const { sheet } = open();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(() => sheet.getRange(2, 1, sheet.getLastRow() - 1, 3)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  test('starting row/column below 1 and ranges past the grid throw (item 22)', () => {
    const { sheet } = open();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  test('last row/column, data range, getMaxRows (item 19)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
    const { sheet } = open();
    sheet.getRange('B2:C3').setValues([
      [1, ''],
      ['', 'x'],
    ]);
    sheet.getRange('A10').setValue('');
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.getRange('E7').setFormula('=1');
    expect(sheet.getLastRow()).toBe(7);
  });

  test('offset and getCell are relative (range#offset, range#getCell)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#offset(Integer,Integer)
    const { sheet } = open();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.getCell(3, 1)).toThrow('Cell reference out of range');
  });

  test('isBlank sees values and formulas (range#isBlank)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#isBlank()
    const { sheet } = open();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setFormula('=A1');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });

  test('activate moves the cursor that getActiveRange and getCurrentCell read (range#activate)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#activate()
    const { ss, app } = open();
    const other = ss.insertSheet('Other');
    other.getRange('C4:D5').activate();
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('C4:D5');
    expect(app.getCurrentCell().getA1Notation()).toBe('C4');
  });

  test('clear, clearContent and clearFormat pick their parts (range#clear)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#clear()
    const { sheet, app } = open();
    const r = sheet.getRange('A1:B1');
    const rule = app.newDataValidation().requireCheckbox().build();
    r.setValues([[1, 2]])
      .setBackground('#ff0000')
      .setDataValidation(rule);
    r.clearContent();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getBackground()).toBe('#ff0000');
    r.setValue(3).clearFormat();
    expect(r.getBackground()).toBe('#ffffff');
    expect(r.getValue()).toBe(3);
    r.clear({ validationsOnly: true });
    expect(r.getDataValidation()).toBeNull();
    r.setBackground('blue').clear();
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getBackground()).toBe('#ffffff');
  });

  test('Range.sort orders numbers, then text, then booleans, blanks last (item 26)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object)
    const { sheet } = open();
    sheet.getRange('A1:B5').setValues([
      ['b', 1],
      ['', 2],
      [true, 3],
      [10, 4],
      ['A', 5],
    ]);
    sheet.getRange('A1:B5').sort(1);
    expect(sheet.getRange('A1:B5').getValues()).toEqual([
      [10, 4],
      ['A', 5],
      ['b', 1],
      [true, 3],
      ['', 2],
    ]);
    sheet.getRange('A1:B5').sort({ column: 2, ascending: false });
    expect(sheet.getRange('B1:B5').getValues().flat()).toEqual([5, 4, 3, 2, 1]);
  });

  test('Sheet.sort keeps frozen header rows in place (sheet#sort)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#sort(Integer,Boolean)
    const { sheet } = open();
    sheet.getRange('A1:A4').setValues([['Name'], ['c'], ['a'], ['b']]);
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['Name', 'a', 'b', 'c']);
    sheet.sort(1, false);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['Name', 'c', 'b', 'a']);
  });

  test('notes are sparse per cell (range#setNote)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#setNote(String)
    const { sheet } = open();
    sheet.getRange('A1').setNote('hello');
    sheet.getRange('A2:B2').setNotes([['x', null]]);
    expect(sheet.getRange('A1:B2').getNotes()).toEqual([
      ['hello', ''],
      ['x', ''],
    ]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
  });
});
