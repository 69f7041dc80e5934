/**
 * Value semantics of Range.getValues/setValues/setValue and Sheet.appendRow.
 * Each test names its source; "unverified" marks behaviour APPS_SCRIPT.md lists as [U].
 */
import { open } from './harness';

const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';

describe('values: reading', () => {
  test('empty cells read as empty strings, never null (range#getValues)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
    const { sheet } = open();
    expect(sheet.getRange(1, 1, 2, 3).getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  test('numbers, booleans and dates come back as their types, dates as fresh copies (range#getValues)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
    const { sheet } = open();
    const when = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    sheet.getRange('A1:C1').setValues([[42, true, when]]);
    const [[n, b, d]] = sheet.getRange('A1:C1').getValues();
    expect(n).toBe(42);
    expect(b).toBe(true);
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).getTime()).toBe(when.getTime());
    (d as Date).setFullYear(1999);
    expect((sheet.getRange('C1').getValue() as Date).getTime()).toBe(when.getTime());
    when.setFullYear(2000); // the caller's object is not stored either
    expect((sheet.getRange('C1').getValue() as Date).getTime()).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
  });
});

describe('values: typed input (USER_ENTERED)', () => {
  const cases: Array<[string, string, unknown]> = [
    ['digit strings become numbers and lose leading zeros (item 7)', '00123', 123],
    ['an 11-digit phone number becomes a number (item 7)', '13800138000', 13800138000],
    ['a minus sign makes a negative number (item 7)', '-5', -5],
    ['"1e5" becomes 100000 — unverified (item 8)', '1e5', 100000],
    ['"50%" becomes 0.5 — unverified (item 8)', '50%', 0.5],
    ['"$1,000" becomes 1000 in en_US — unverified (item 8)', '$1,000', 1000],
    ['"TRUE" becomes a boolean — unverified (item 13)', 'TRUE', true],
    ['"false" in any case becomes a boolean — unverified (item 13)', 'false', false],
    ['a leading apostrophe keeps text without the apostrophe (item 11)', "'00123", '00123'],
    ['plain words stay text', 'Acme Ltd', 'Acme Ltd'],
    ['Chinese text stays text', '张三', '张三'],
    ['a dashed phone number stays text', '138-0013-8000', '138-0013-8000'],
  ];
  test.each(cases)('%s (range#setValue)', (_name, input, expected) => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption
    const { sheet } = open();
    sheet.getRange('A1').setValue(input);
    expect(sheet.getRange('A1').getValue()).toEqual(expected);
  });

  test('a leading = stores a formula, not evaluated; the cached value is empty (item 5)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
    const { sheet } = open();
    sheet.getRange('A1:B1').setValues([['=IMPORTXML("https://example.com","//a")', 'x']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=IMPORTXML("https://example.com","//a")');
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('B1').getFormula()).toBe('');
    sheet.getRange('A1').setValue('plain');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('a "+86 ..." phone number is a broken formula reading #ERROR! — unverified (item 9)', () => {
    const { sheet } = open();
    sheet.getRange('A1').setValue('+86 138 0013 8000');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(sheet.getRange('A1').getFormula()).toBe('=+86 138 0013 8000');
  });

  test('a plain-text (@) cell keeps "00123" as text — unverified (item 12)', () => {
    const { sheet } = open();
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1:A2').setValues([['00123'], ['TRUE']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['00123'], ['TRUE']]);
  });

  test('a = string in a plain-text cell still becomes a formula — unverified (item 12)', () => {
    const { sheet } = open();
    sheet.getRange('A1').setNumberFormat('@').setValue('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
  });

  test('null and undefined in setValues leave cells empty — unverified (item 13)', () => {
    const { sheet } = open();
    sheet.getRange('A1:B1').setValues([['x', 'y']]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
  });

  test('setValue on a block fills every cell (range#setValue)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
    const { sheet } = open();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });
});

describe('values: dates in the spreadsheet time zone', () => {
  test('"2026-03-01" is local midnight in the spreadsheet zone, whatever the process TZ — unverified (item 10)', () => {
    const { sheet } = open({ timeZone: 'Asia/Shanghai' });
    sheet.getRange('A1').setValue('2026-03-01');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  test('"2026/3/1" parses in every locale — unverified (item 10)', () => {
    for (const locale of ['en_US', 'en_GB', 'zh_CN']) {
      const { sheet } = open({ timeZone: 'America/New_York', locale });
      sheet.getRange('A1').setValue('2026/3/1');
      expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-01T05:00:00.000Z');
    }
  });

  test('"3/1/2026" is 1 March in en_US and 3 January in en_GB — unverified (item 10)', () => {
    const us = open({ timeZone: 'UTC', locale: 'en_US' });
    us.sheet.getRange('A1').setValue('3/1/2026');
    expect((us.sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const gb = open({ timeZone: 'UTC', locale: 'en_GB' });
    gb.sheet.getRange('A1').setValue('3/1/2026');
    expect((gb.sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-03T00:00:00.000Z');
  });

  test('"2026年3月1日" and "2026-03-01 14:30" parse as dates — unverified (item 10)', () => {
    const { sheet } = open({ timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
    sheet.getRange('A1:B1').setValues([['2026年3月1日', '2026-03-01 14:30']]);
    const [[a, b]] = sheet.getRange('A1:B1').getValues();
    expect((a as Date).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect((b as Date).toISOString()).toBe('2026-03-01T06:30:00.000Z');
  });

  test('an impossible date stays text — unverified (item 10)', () => {
    const { sheet } = open();
    sheet.getRange('A1').setValue('2026-02-30');
    expect(sheet.getRange('A1').getValue()).toBe('2026-02-30');
  });

  test('a JS Date keeps its instant and displays in the spreadsheet zone (item 15)', () => {
    // http://tmdean.blogspot.com/2015/06/ ; https://developers.google.com/workspace/sheets/api/guides/formats
    const { sheet } = open({ timeZone: 'Asia/Shanghai' });
    const instant = new Date('2026-03-01T20:00:00Z'); // 2 March 04:00 in Shanghai
    sheet.getRange('A1').setValue(instant);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(instant.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/2/2026 4:00:00');
  });

  test('changing the spreadsheet zone keeps the wall-clock date (serials do not move, item 14)', () => {
    // https://developers.google.com/workspace/sheets/api/guides/formats (About date & time values)
    const { ss, sheet } = open({ timeZone: 'Asia/Shanghai' });
    sheet.getRange('A1').setValue('2026-03-01');
    ss.setSpreadsheetTimeZone('America/Los_Angeles');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/1/2026');
  });
});

describe('values: shape errors', () => {
  test('row count mismatch names both counts (item 18)', () => {
    // https://github.com/brucemcpherson/gas-fakes/blob/main/src/services/spreadsheetapp/fakesheetrange.js
    const { sheet } = open();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  test('column count mismatch names both counts (item 18)', () => {
    const { sheet } = open();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('values: appendRow', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  test('lands on row 1 of an empty sheet, then below the last content row (item 23)', () => {
    const { sheet } = open();
    sheet.appendRow(['a', 1]);
    sheet.getRange('C5').setValue('far');
    sheet.appendRow(['b', '0042']);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['a', 1]]);
    expect(sheet.getRange('A6:B6').getValues()).toEqual([['b', 42]]);
  });

  test('applies the = rule (item 5)', () => {
    const { sheet } = open();
    sheet.appendRow(['=NOW()']);
    expect(sheet.getRange('A1').getFormula()).toBe('=NOW()');
    expect(sheet.getLastRow()).toBe(1);
  });

  test('grows the sheet by one row when the last row is full — unverified (item 24)', () => {
    const { sheet } = open();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['next']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('next');
  });

  test('grows columns for a long row (item 23)', () => {
    const { sheet } = open();
    sheet.appendRow(new Array(30).fill('x'));
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getLastColumn()).toBe(30);
  });
});

describe('values: performance', () => {
  test(`setValues/getValues of 250,000 x 17 keep every value (${RANGE}#setValues(Object)); speed is npm run bench's`, () => {
    const { sheet } = open();
    sheet.insertRowsAfter(1000, 249_000);
    const rows = Array.from({ length: 250_000 }, (_, i) => [
      `Client ${i}`,
      i,
      '13800138000',
      new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      'A',
      true,
      'note',
      i * 1.5,
      '',
      '广州',
      'x',
      'y',
      'z',
      1,
      2,
      3,
      4,
    ]);
    sheet.getRange('D:D').setNumberFormat('yyyy-mm-dd');
    sheet.getRange(1, 1, 250_000, 17).setValues(rows);
    const back = sheet.getRange(1, 1, 250_000, 17).getValues();
    expect(back[249_999][1]).toBe(249_999);
    expect(back[5][2]).toBe(13800138000);
    expect((back[123_456][3] as Date).toISOString()).toBe(
      new Date(Date.UTC(2026, 0, 1 + (123_456 % 300))).toISOString(),
    );
    expect(back[200_000].slice(9, 11)).toEqual(['广州', 'x']);
  });
});
