/** Number formats, display values and cell formatting. */
import { open } from './harness';
import { fromSerial, toSerial } from '../../../../src/local/emulator/spreadsheet';

describe('formats: display values (range#getDisplayValues, items 3, 39)', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  // https://developers.google.com/workspace/sheets/api/guides/formats
  const date = (sheetTz: string) =>
    new Date(Date.UTC(2026, 2, 1, 6, 5) - (sheetTz === 'Asia/Shanghai' ? 8 * 3600_000 : 0));

  const cases: Array<[string, unknown, string]> = [
    ['yyyy-mm-dd', date('Asia/Shanghai'), '2026-03-01'],
    ['yyyy-mm-dd hh:mm', date('Asia/Shanghai'), '2026-03-01 06:05'],
    ['yyyy"年"m"月"d"日"', date('Asia/Shanghai'), '2026年3月1日'],
    ['m/d/yyyy', date('Asia/Shanghai'), '3/1/2026'],
    ['0', 12.6, '13'],
    ['0.0', 12.34, '12.3'],
    ['0.00', 2, '2.00'],
    ['#,##0', 1234567.8, '1,234,568'],
    ['0%', 0.256, '26%'],
    ['0.0%', 0.256, '25.6%'],
    ['@', 'text', 'text'],
    ['0.00', -1.5, '-1.50'],
  ];
  test.each(cases)('%s renders %p as %s', (pattern, value, expected) => {
    const { sheet } = open({ timeZone: 'Asia/Shanghai' });
    const cell = sheet.getRange('A1').setNumberFormat(pattern).setValue(value);
    expect(cell.getDisplayValue()).toBe(expected);
  });

  test('dates without a format use the locale default: en_US M/d/yyyy, zh_CN yyyy/M/d', () => {
    const us = open({ timeZone: 'UTC', locale: 'en_US' });
    us.sheet.getRange('A1').setValue('2026-03-01');
    expect(us.sheet.getRange('A1').getDisplayValue()).toBe('3/1/2026');
    const cn = open({ timeZone: 'UTC', locale: 'zh_CN' });
    cn.sheet.getRange('A1').setValue('2026-03-01');
    expect(cn.sheet.getRange('A1').getDisplayValue()).toBe('2026/3/1');
  });

  test('general numbers, booleans and empties', () => {
    const { sheet } = open();
    sheet.getRange('A1:E1').setValues([[13800138000, 0.1 + 0.2, true, '', 'x']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['13800138000', '0.3', 'TRUE', '', 'x']]);
  });

  test('"50%" typed into an unformatted cell gets a percent format — unverified (item 8)', () => {
    const { sheet } = open();
    sheet.getRange('A1:A2').setValues([['50%'], ['12.5%']]);
    expect(sheet.getRange('A1:A2').getDisplayValues()).toEqual([['50%'], ['12.50%']]);
  });

  test('a number written into a date-formatted cell displays as a date (serial in the sheet zone)', () => {
    const { sheet } = open({ timeZone: 'America/Los_Angeles' });
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue(46082);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-01');
  });

  test('getNumberFormat of an untouched cell is the Sheets default', () => {
    const { sheet } = open();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A1:A3').setNumberFormats([['@'], ['0.00'], ['@']]);
    expect(sheet.getRange('A1:A3').getNumberFormats()).toEqual([['@'], ['0.00'], ['@']]);
  });
});

describe('formats: serial helpers (item 14)', () => {
  // https://developers.google.com/workspace/sheets/api/guides/formats (About date & time values)
  test('serials count days since 1899-12-30 in the given zone, both ways', () => {
    const d = new Date('2026-02-28T16:00:00Z'); // 2026-03-01 00:00 in Shanghai
    expect(toSerial(d, 'Asia/Shanghai')).toBe(46082);
    expect(fromSerial(46082, 'Asia/Shanghai').getTime()).toBe(d.getTime());
    expect(fromSerial(46082.5, 'UTC').toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(toSerial(fromSerial(45000.25, 'America/Los_Angeles'), 'America/Los_Angeles')).toBeCloseTo(45000.25, 9);
  });

  test('serials across a DST change keep the wall clock', () => {
    const before = fromSerial(46089, 'America/New_York'); // 2026-03-08, DST starts 2 AM
    const after = fromSerial(46090, 'America/New_York');
    expect(after.getTime() - before.getTime()).toBe(23 * 3600_000);
  });
});

describe('formats: fonts, colours, alignment (range#setFontWeight etc.)', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setFontWeight(String)
  test('setters and getters, with defaults for untouched cells', () => {
    const { sheet } = open();
    const header = sheet.getRange('A1:C1');
    header
      .setFontWeight('bold')
      .setFontColor('#FFFFFF')
      .setBackground('#336699')
      .setFontSize(12)
      .setFontFamily('Roboto')
      .setFontStyle('italic')
      .setHorizontalAlignment('center')
      .setVerticalAlignment('middle')
      .setWrap(true);
    expect(header.getFontWeights()).toEqual([['bold', 'bold', 'bold']]);
    expect(sheet.getRange('B1').getFontColor()).toBe('#ffffff');
    expect(sheet.getRange('C1').getBackground()).toBe('#336699');
    expect([header.getFontSize(), header.getFontFamily(), header.getFontStyle()]).toEqual([12, 'Roboto', 'italic']);
    expect([header.getHorizontalAlignment(), header.getVerticalAlignment(), header.getWrap()]).toEqual([
      'center',
      'middle',
      true,
    ]);
    const plain = sheet.getRange('A2');
    expect([plain.getFontWeight(), plain.getFontColor(), plain.getBackground(), plain.getFontSize()]).toEqual([
      'normal',
      '#000000',
      '#ffffff',
      10,
    ]);
  });

  test('null resets a property; per-cell backgrounds; later formats win', () => {
    const { sheet } = open();
    sheet.getRange('A1:B2').setBackground('red');
    sheet.getRange('B2').setBackground(null);
    expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([
      ['#ff0000', '#ff0000'],
      ['#ff0000', '#ffffff'],
    ]);
    sheet.getRange('A1:B1').setBackgrounds([['#000000', null]]);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#000000', '#ffffff']]);
  });

  test('format runs stay few when formatting row by row (size independent of range size)', () => {
    const { sheet, env } = open();
    for (let r = 1; r <= 500; r++) sheet.getRange(r, 1, 1, 5).setBackground('#eeeeee');
    sheet.getRange('C:C').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('C:C').setNumberFormat('yyyy-mm-dd');
    expect(env.spreadsheet.sheets[0].styles.length).toBeLessThanOrEqual(2);
  });
});
