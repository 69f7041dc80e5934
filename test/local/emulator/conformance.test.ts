/**
 * The emulator agrees with live Apps Script where a live run is known. Each fact comes from the test
 * suite of gas-fakes (https://github.com/brucemcpherson/gas-fakes, the files named per test), which
 * runs the same assertions on live Apps Script; these are our own tests of those facts.
 */
import type { EnumMember } from '../../../src/local/emulator/spreadsheet/enums';
import { open } from './spreadsheet/harness';

describe('agrees with live Apps Script', () => {
  test('A1 notation of whole rows and columns, R1C1 cells and an empty sheet prefix', () => {
    // gas-fakes test/testsheetsdeveloper.js: "5:7" reads "5:7" (every column), "D:F" reads "D:F"
    // (every row), "5:2" reads "2:5", "D:B" reads "B:D"; test/testsheets.js, "getRange with R1C1
    // notation": "R5C3" is C5, "R10C5:R1C2" is B1:E10, "r1c1:r2c2" is A1:B2;
    // test/testsheetssets.js, "clearing ranges": getRange("!c2:e5") is this sheet's C2:E5.
    const { ss, sheet } = open();
    const rows = sheet.getRange('5:7');
    expect([rows.getA1Notation(), rows.getNumRows(), rows.getNumColumns()]).toEqual(['5:7', 3, sheet.getMaxColumns()]);
    const cols = sheet.getRange('D:F');
    expect([cols.getA1Notation(), cols.getNumRows(), cols.getNumColumns()]).toEqual(['D:F', sheet.getMaxRows(), 3]);
    expect(sheet.getRange('5:2').getA1Notation()).toBe('2:5');
    expect(sheet.getRange('D:B').getA1Notation()).toBe('B:D');
    expect(ss.getRange('Sheet1!3:4').getA1Notation()).toBe('3:4');
    expect(sheet.getRange('C5:B2').getA1Notation()).toBe('B2:C5');
    expect(sheet.getRange(5, 1, 3, sheet.getMaxColumns()).getA1Notation()).toBe('A5:Z7');

    const r5c3 = sheet.getRange('R5C3');
    expect([r5c3.getA1Notation(), r5c3.getRow(), r5c3.getColumn()]).toEqual(['C5', 5, 3]);
    expect(sheet.getRange('R2C2:R4C5').getA1Notation()).toBe('B2:E4');
    expect(sheet.getRange('R10C5:R1C2').getA1Notation()).toBe('B1:E10');
    expect(sheet.getRange('r1c1:r2c2').getA1Notation()).toBe('A1:B2');

    const block = sheet.getRange('!c2:e5');
    expect([block.getA1Notation(), block.getSheet().getName()]).toEqual(['C2:E5', 'Sheet1']);
  });

  test('Sheet.clear() keeps data validations (Range.clear() and clearDataValidations remove them)', () => {
    // gas-fakes test/testsheets.js, the clear() section: values and backgrounds go, notes and data
    // validations stay ("clear() should NOT clear data validations").
    const { app, sheet } = open();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).build();
    sheet
      .getRange('A1:C3')
      .setValues([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ])
      .setBackground('#ff0000')
      .setNote('n');
    sheet.getRange('A1:C3').setDataValidation(rule);
    sheet.clear();
    const range = sheet.getRange('A1:C3');
    expect(
      range
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(
      range
        .getBackgrounds()
        .flat()
        .every((b) => b === '#ffffff'),
    ).toBe(true);
    expect(
      range
        .getNotes()
        .flat()
        .every((n) => n === 'n'),
    ).toBe(true);
    expect(
      range
        .getDataValidations()
        .flat()
        .every((v) => v !== null),
    ).toBe(true);
    range.clearDataValidations();
    expect(range.getDataValidation()).toBeNull();
  });

  test('setNumberFormat("general") reads back the default format, and still shows as General', () => {
    // gas-fakes test/testsheets.js, the NumberFormat row of the formats table: "general" is received
    // back as "0.###############" on live.
    const { sheet } = open();
    const cell = sheet.getRange('A1').setValue(1234.5).setNumberFormat('0.00');
    expect(cell.getDisplayValue()).toBe('1234.50');
    cell.setNumberFormat('general');
    expect(cell.getNumberFormat()).toBe('0.###############');
    expect(cell.getDisplayValue()).toBe('1234.5');
    sheet.getRange('B1:C1').setNumberFormats([['General', '@']]);
    expect(sheet.getRange('B1:C1').getNumberFormats()).toEqual([['0.###############', '@']]);
    sheet.getRangeList(['D1']).setNumberFormat('GENERAL');
    expect(sheet.getRange('D1').getNumberFormat()).toBe('0.###############');
  });

  test('setFormula on a block moves relative references per cell; setFormula(null) clears', () => {
    // gas-fakes test/testsheets.js: setFormula("=A1") on a 2x2 block reads back
    // [["=A1", "=B1"], ["=A2", "=B2"]] on live; the Formula row of the formats table sets null and
    // reads back "".
    const { sheet } = open();
    const block = sheet.getRange('C3:D4').setFormula('=A1');
    expect(block.getFormulas()).toEqual([
      ['=A1', '=B1'],
      ['=A2', '=B2'],
    ]);
    sheet.getRange('F1:G2').setFormula('=SUM($A$1:B$2)+"A1"&Sheet1!C3+LOG10(A1)+COUNTA(B:B)');
    expect(sheet.getRange('F1:G2').getFormulas()).toEqual([
      ['=SUM($A$1:B$2)+"A1"&Sheet1!C3+LOG10(A1)+COUNTA(B:B)', '=SUM($A$1:C$2)+"A1"&Sheet1!D3+LOG10(B1)+COUNTA(C:C)'],
      ['=SUM($A$1:B$2)+"A1"&Sheet1!C4+LOG10(A2)+COUNTA(B:B)', '=SUM($A$1:C$2)+"A1"&Sheet1!D4+LOG10(B2)+COUNTA(C:C)'],
    ]);
    sheet.getRange('C3:D4').setFormula(null as unknown as string);
    expect(sheet.getRange('C3:D4').getFormulas()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('C3').getValue()).toBe('');
    sheet.getRange('A9').setValue('kept').setFormula('');
    expect(sheet.getRange('A9').getValue()).toBe('kept');
  });

  test('a new cell wraps; CSS colour names are taken and read back as hex', () => {
    // gas-fakes test/testsheets.js, the wrap section: after clearFormat(), getWrap() is true on live,
    // and setWraps(false) reads back the OVERFLOW strategy; test/testsheetssets.js, "Color Name
    // Support": all CSS colour names work in setBackground(s)/setFontColor(s), in any case, read back
    // as '#rrggbb' ('aliceblue' '#f0f8ff', 'LIGHTCORAL' '#f08080').
    const { sheet } = open();
    const cell = sheet.getRange('A1');
    expect(cell.getWrap()).toBe(true);
    cell.setWrap(false);
    expect([cell.getWrap(), String(cell.getWrapStrategy())]).toEqual([false, 'OVERFLOW']);
    cell.setWrap(true);
    expect([cell.getWrap(), String(cell.getWrapStrategy())]).toEqual([true, 'WRAP']);

    cell.setBackground('aliceblue');
    expect(cell.getBackground()).toBe('#f0f8ff');
    cell.setBackground('LIGHTCORAL');
    expect(cell.getBackground()).toBe('#f08080');
    sheet.getRange('B1:C1').setBackgrounds([['darkslategrey', 'papayawhip']]);
    expect(sheet.getRange('B1:C1').getBackgrounds()).toEqual([['#2f4f4f', '#ffefd5']]);
    sheet.getRange('D1').setFontColor('navy');
    expect(sheet.getRange('D1').getFontColor()).toBe('#000080');
    expect(() => cell.setBackground('not-a-colour')).toThrow();
  });

  test('an empty validation builder has no criteria type; checkboxes take custom values', () => {
    // gas-fakes test/testsheetsdatavalidations.js: newDataValidation().getCriteriaType() is null and
    // getCriteriaValues() is []; "inserting checkboxes": insertCheckboxes(), ("DONE") and ("YES",
    // "NO") read back CHECKBOX with [], ["DONE"] and ["YES", "NO"]; requireCheckbox("YES", "NO")
    // builds a checkbox rule.
    const { app, sheet } = open();
    const builder = app.newDataValidation();
    expect(builder.getCriteriaType()).toBeNull();
    expect(builder.getCriteriaValues()).toEqual([]);
    expect(String(builder)).toBe('DataValidationBuilder');

    sheet.getRange('A1:A2').insertCheckboxes();
    sheet.getRange('B1:B2').insertCheckboxes('DONE');
    sheet.getRange('C1:C2').insertCheckboxes('YES', 'NO');
    const read = (a1: string) => sheet.getRange(a1).getDataValidation();
    expect(['A1', 'B1', 'C1'].map((a1) => String(read(a1)?.getCriteriaType()))).toEqual([
      'CHECKBOX',
      'CHECKBOX',
      'CHECKBOX',
    ]);
    expect(['A1', 'B1', 'C1'].map((a1) => read(a1)?.getCriteriaValues())).toEqual([[], ['DONE'], ['YES', 'NO']]);
    // new checkboxes hold the unchecked value: FALSE, blank, or the custom one (range#insertCheckboxes)
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[false, '', 'NO']]);

    const custom = app.newDataValidation().requireCheckbox('YES', 'NO').build();
    sheet.getRange('D1').setDataValidation(custom).setValue('YES');
    expect(sheet.getRange('D1').getDataValidation()?.getCriteriaValues()).toEqual(['YES', 'NO']);
    expect(sheet.getRange('D1').getValue()).toBe('YES');
    sheet
      .getRange('E1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(1, 2).build())
      .insertCheckboxes();
    expect(String(sheet.getRange('E1').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
  });

  test('toString() of ranges, charts, rules and builders is the class name', () => {
    // gas-fakes test/testsheets*.js, run on live: toString() gives "Range", "EmbeddedChart",
    // "DataValidation", "DataValidationBuilder", and so on.
    const { app, ss, sheet } = open();
    const range = sheet.getRange('A1:B2');
    expect(String(range)).toBe('Range');
    expect(String(sheet)).toBe('Sheet');
    expect(String(ss)).toBe('Spreadsheet');
    expect(String(sheet.getRangeList(['A1']))).toBe('RangeList');
    const builder = app.newDataValidation().requireDate();
    expect([String(builder), String(builder.build())]).toEqual(['DataValidationBuilder', 'DataValidation']);
    const cf = app.newConditionalFormatRule().whenCellEmpty().setRanges([range]);
    expect([String(cf), String(cf.build()), String(cf.build().getBooleanCondition())]).toEqual([
      'ConditionalFormatRuleBuilder',
      'ConditionalFormatRule',
      'BooleanCondition',
    ]);
    const chartBuilder = sheet.newChart().addRange(range).setPosition(1, 1, 0, 0);
    expect(String(chartBuilder)).toBe('EmbeddedChartBuilder');
    sheet.insertChart(chartBuilder.build());
    expect(String(sheet.getCharts()[0])).toBe('EmbeddedChart');
    expect(String(sheet.protect())).toBe('Protection');
  });

  test('enum members are objects with name, toString and compareTo', () => {
    // gas-fakes test/testenums.js: every member's compareTo(itself) is 0; test/testsheets*.js print
    // members by toString() ("CHECKBOX", "WRAP", "RANGE", "DOCUMENT").
    const { app, sheet } = open();
    // the @types declare enum members as TypeScript enums; live they are objects like this
    const { WRAP, CLIP } = app.WrapStrategy as unknown as Record<'WRAP' | 'CLIP', EnumMember>;
    expect([String(WRAP), WRAP.toString(), WRAP.name()]).toEqual(['WRAP', 'WRAP', 'WRAP']);
    expect(WRAP.compareTo(WRAP)).toBe(0);
    expect(WRAP.compareTo(CLIP)).not.toBe(0);
    expect(Math.sign(WRAP.compareTo(CLIP))).toBe(-Math.sign(CLIP.compareTo(WRAP)));
    expect(JSON.stringify({ w: WRAP })).toBe('{"w":"WRAP"}');
    sheet.getRange('A1').setWrapStrategy(app.WrapStrategy.WRAP);
    expect(sheet.getRange('A1').getWrapStrategy()).toBe(app.WrapStrategy.WRAP);
    sheet.protect();
    expect(sheet.getProtections(app.ProtectionType.SHEET)[0].getProtectionType()).toBe(app.ProtectionType.SHEET);
    sheet.addDeveloperMetadata('k', 'v', app.DeveloperMetadataVisibility.PROJECT);
    sheet.addDeveloperMetadata('k2', 'DOCUMENT');
    const [meta, meta2] = sheet.getDeveloperMetadata();
    expect([meta.getVisibility(), meta2.getValue(), meta2.getVisibility()]).toEqual([
      app.DeveloperMetadataVisibility.PROJECT,
      'DOCUMENT',
      app.DeveloperMetadataVisibility.DOCUMENT,
    ]);
  });
});
