/**
 * RangeList: ranges of one sheet formatted with one call per method.
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
 */
import { Execution } from '../../../../src/local/emulator/runtime';
import { createSpreadsheetApp, styleAt } from '../../../../src/local/emulator/spreadsheet';
import { makeEnv, open } from './harness';

describe('Sheet.getRangeList and the RangeList setters', () => {
  test('each setter formats every range of the list and nothing between them', () => {
    const { sheet, env } = open();
    sheet
      .getRangeList(['A1:C1', 'B4', 'E2:E3'])
      .setFontWeight('bold')
      .setFontColor('#FFFFFF')
      .setBackground('#1f3a5f')
      .setWrap(true)
      .setFontSize(14)
      .setNumberFormat('0.0%');
    const model = env.spreadsheet.sheets[0];
    for (const [row, col] of [
      [1, 1],
      [1, 3],
      [4, 2],
      [2, 5],
      [3, 5],
    ]) {
      expect(styleAt(model, row, col)).toEqual({
        numberFormat: '0.0%',
        background: '#1f3a5f',
        wrap: true,
        font: { bold: true, color: '#ffffff', size: 14 },
      });
    }
    expect(styleAt(model, 2, 1)).toEqual({});
    expect(styleAt(model, 1, 4)).toEqual({});
    expect(styleAt(model, 4, 5)).toEqual({});
  });

  test('a formatted list reads back through its ranges like ranges formatted one by one', () => {
    const { sheet } = open();
    sheet.getRangeList(['A1', 'C3']).setFontWeight('bold').setFontStyle('italic').setHorizontalAlignment('center');
    const c3 = sheet.getRange('C3');
    expect([c3.getFontWeight(), c3.getFontStyle(), c3.getHorizontalAlignment()]).toEqual(['bold', 'italic', 'center']);
    expect(sheet.getRange('B2').getFontWeight()).toBe('normal');
  });

  test('setters return the list itself, so calls chain', () => {
    const { sheet } = open();
    const list = sheet.getRangeList(['A1', 'B2']);
    expect(list.setFontWeight('bold')).toBe(list);
    expect(list.setBackground('#e8eaed').setNumberFormat('@')).toBe(list);
  });

  test('getRanges gives the ranges in the order they were listed', () => {
    const { sheet } = open();
    const ranges = sheet.getRangeList(['C3:D4', 'A1', 'B:B']).getRanges();
    expect(ranges.map((r) => r.getA1Notation())).toEqual(['C3:D4', 'A1', 'B1:B1000']);
    ranges[1].setValue('x');
    expect(sheet.getRange('A1').getValue()).toBe('x');
  });

  test('ranges from getRanges can carry a conditional format rule', () => {
    const { sheet, app, env } = open();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=ISEVEN(ROW())')
      .setBackground('#f3f6fa')
      .setRanges(sheet.getRangeList(['A4:C9', 'A14:B20']).getRanges())
      .build();
    sheet.setConditionalFormatRules([rule]);
    expect(env.spreadsheet.sheets[0].conditionalFormats[0].ranges).toEqual([
      { row: 4, col: 1, numRows: 6, numCols: 3 },
      { row: 14, col: 1, numRows: 7, numCols: 2 },
    ]);
  });

  test('clearFormat, clearContent and clear act on every range of the list', () => {
    const { sheet, env } = open();
    sheet.getRange('A1:C3').setValue(7).setFontWeight('bold');
    sheet.getRangeList(['A1', 'C3']).clearFormat();
    sheet.getRangeList(['B2']).clearContent();
    sheet.getRangeList(['A3']).clear();
    const model = env.spreadsheet.sheets[0];
    expect(styleAt(model, 1, 1)).toEqual({});
    expect(styleAt(model, 3, 3)).toEqual({});
    expect(styleAt(model, 2, 2).font?.bold).toBe(true);
    expect(styleAt(model, 3, 1)).toEqual({});
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      [7, 7, 7],
      [7, '', 7],
      ['', 7, 7],
    ]);
  });
});

describe('RangeList costs one service call per method, however many ranges it holds', () => {
  test('getRangeList is one Sheet call and each setter one RangeList call', () => {
    const { sheet, exec } = open();
    exec.counters.reset();
    const a1s = Array.from({ length: 50 }, (_, i) => `A${2 * i + 1}:C${2 * i + 1}`);
    sheet.getRangeList(a1s).setFontWeight('bold').setBackground('#e8eaed').getRanges();
    expect(exec.counters.snapshot().calls).toEqual({
      'Sheet.getRangeList': 1,
      'RangeList.setFontWeight': 1,
      'RangeList.setBackground': 1,
      'RangeList.getRanges': 1,
    });
    expect(exec.counters.spreadsheetCalls()).toBe(4);
  });

  test('each write is recorded once, with whether the document lock was held', () => {
    const { sheet, exec, env } = open();
    const list = sheet.getRangeList(['A1', 'B2', 'C3']);
    list.setFontWeight('bold');
    exec.holdsDocumentLock = true;
    list.setNumberFormat('0');
    list.getRanges();
    expect(env.writes).toEqual([
      { executionId: exec.id, method: 'RangeList.setFontWeight', sheet: 'Sheet1', lockHeld: false },
      { executionId: exec.id, method: 'RangeList.setNumberFormat', sheet: 'Sheet1', lockHeld: true },
    ]);
  });

  test('a custom function may read the list but not format it (items 55–57)', () => {
    const env = makeEnv();
    const app = createSpreadsheetApp(new Execution(env, { authMode: 'CUSTOM_FUNCTION', kind: 'customFunction' }));
    const list = app.getActiveSpreadsheet().getSheets()[0].getRangeList(['A1', 'B2']);
    expect(list.getRanges()).toHaveLength(2);
    expect(() => list.setBackground('#ff0000')).toThrow('You do not have permission to call RangeList.setBackground.');
    expect(styleAt(env.spreadsheet.sheets[0], 1, 1)).toEqual({});
  });
});

describe('getRangeList refuses what getRange refuses', () => {
  test('invalid A1 notation throws "Range not found", like getRange(a1Notation)', () => {
    const { sheet } = open();
    expect(() => sheet.getRangeList(['A1', 'nonsense!!'])).toThrow('Range not found');
  });

  test('a range past the grid throws the coordinates error (item 22)', () => {
    const { sheet } = open();
    expect(() => sheet.getRangeList(['A1', 'A999:A1001'])).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  test('every range is on the list’s own sheet: another sheet’s name is not found', () => {
    const { ss, sheet } = open();
    ss.insertSheet('Clients');
    expect(() => sheet.getRangeList(['Clients!A1'])).toThrow('Range not found');
    expect(sheet.getRangeList(['Sheet1!A1']).getRanges()[0].getA1Notation()).toBe('A1');
  });

  test('an empty list throws — unverified wording: the reference only says the list is non-empty', () => {
    const { sheet } = open();
    expect(() => sheet.getRangeList([])).toThrow('Invalid argument: a1Notations must not be empty.');
  });

  test('nothing is formatted when one notation of the list is invalid', () => {
    const { sheet, env } = open();
    expect(() => sheet.getRangeList(['A1', 'ZZZ']).setFontWeight('bold')).toThrow('Range not found');
    expect(styleAt(env.spreadsheet.sheets[0], 1, 1)).toEqual({});
  });
});
