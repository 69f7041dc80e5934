/** Google's hard limits: 50,000 characters per cell, 10,000,000 cells per workbook. */
import { open } from './harness';

describe('limits', () => {
  test('a cell over 50,000 characters throws and the whole setValues writes nothing (item 28)', () => {
    const { sheet } = open();
    const big = 'x'.repeat(50_001);
    expect(() =>
      sheet.getRange('A1:B2').setValues([
        ['ok', 'ok'],
        ['ok', big],
      ]),
    ).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50_000);
    expect(() => sheet.appendRow([big])).toThrow('Your input contains more than the maximum of 50000 characters');
  });

  test('growing the workbook past 10,000,000 cells throws (item 29)', () => {
    // https://gist.github.com/tanaikech/cc4380692790150cc090114553e38a0e
    const { ss, sheet } = open();
    const message = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    sheet.insertRowsAfter(1000, 383_615); // 384,615 x 26 = 9,999,990 cells
    expect(() => sheet.insertRowsAfter(1000, 1)).toThrow(message);
    expect(() => ss.insertSheet('More')).toThrow(message);
    expect(() => sheet.insertColumnAfter(26)).toThrow(message);
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(ss.getSheets()).toHaveLength(1);
    sheet.getRange(384_615, 1).setValue('last');
    expect(() => sheet.appendRow(['x'])).toThrow(message);
    expect(sheet.getMaxRows()).toBe(384_615);
  });
});
