/** Data validation and conditional format rules. */
import { open } from './harness';

describe('data validation (item 36)', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
  test('requireValueInList keeps values and dropdown; allowInvalid defaults to true', () => {
    const { app, sheet } = open();
    const rule = app.newDataValidation().requireValueInList(['A', 'B', 'C'], true).setHelpText('Pick a grade').build();
    sheet.getRange('B2:B100').setDataValidation(rule);
    const got = sheet.getRange('B50').getDataValidation();
    expect(got?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['A', 'B', 'C'], true]);
    expect(got?.getAllowInvalid()).toBe(true);
    expect(got?.getHelpText()).toBe('Pick a grade');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
  });

  test('setAllowInvalid(false) rejects; other criteria round-trip', () => {
    const { app, sheet } = open();
    const b = app.newDataValidation();
    sheet.getRange('A1').setDataValidation(b.requireCheckbox().setAllowInvalid(false).build());
    sheet.getRange('A2').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange('A3').setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).build());
    sheet.getRange('A4').setDataValidation(app.newDataValidation().requireFormulaSatisfied('=A4>0').build());
    const rules = sheet
      .getRange('A1:A4')
      .getDataValidations()
      .map((row) => row[0]);
    expect(rules.map((r) => r && String(r.getCriteriaType()))).toEqual([
      'CHECKBOX',
      'DATE_IS_VALID_DATE',
      'NUMBER_BETWEEN',
      'CUSTOM_FORMULA',
    ]);
    expect(rules[0]?.getAllowInvalid()).toBe(false);
    expect(rules[2]?.getCriteriaValues()).toEqual([1, 5]);
    expect(rules[3]?.getCriteriaValues()).toEqual(['=A4>0']);
  });

  test('setDataValidation(null) removes validation; later rules replace earlier ones', () => {
    const { app, sheet } = open();
    const list = app.newDataValidation().requireValueInList(['x']).build();
    const box = app.newDataValidation().requireCheckbox().build();
    sheet.getRange('A1:A10').setDataValidation(list);
    sheet.getRange('A5:A6').setDataValidation(box);
    sheet.getRange('A10').setDataValidation(null);
    const types = sheet
      .getRange('A1:A10')
      .getDataValidations()
      .map(([r]) => (r ? String(r.getCriteriaType()) : null));
    expect(types).toEqual([
      ...Array(4).fill('VALUE_IN_LIST'),
      'CHECKBOX',
      'CHECKBOX',
      ...Array(3).fill('VALUE_IN_LIST'),
      null,
    ]);
  });

  test('setDataValidations per cell and copy()', () => {
    const { app, sheet } = open();
    const rule = app.newDataValidation().requireValueInList(['a', 'b'], false).build();
    sheet.getRange('A1:B1').setDataValidations([[rule, null]]);
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    const copied = sheet.getRange('A1').getDataValidation()?.copy().setAllowInvalid(false).build();
    expect(copied?.getCriteriaValues()).toEqual([['a', 'b'], false]);
    expect(copied?.getAllowInvalid()).toBe(false);
  });

  test('insertCheckboxes sets checkbox validation and false values (range#insertCheckboxes)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes()
    const { app, sheet } = open();
    sheet.getRange('C1:C3').insertCheckboxes();
    expect(sheet.getRange('C1:C3').getValues()).toEqual([[false], [false], [false]]);
    expect(sheet.getRange('C2').getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
  });

  test('validation rows follow inserted rows (item 25)', () => {
    const { app, sheet } = open();
    sheet.getRange('A2:A3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.insertRowsAfter(3, 2);
    expect(sheet.getRange('A5').getDataValidation()).not.toBeNull();
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
    expect(sheet.getRange('A3').getDataValidation()).not.toBeNull();
  });
});

describe('conditional format rules (items 33–35)', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
  test('builder conditions and formats read back through getBooleanCondition', () => {
    const { app, sheet } = open();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2<TODAY()')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([sheet.getRange('A2:K1000')])
      .build();
    const cond = rule.getBooleanCondition();
    expect(cond?.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(cond?.getCriteriaValues()).toEqual(['=$E2<TODAY()']);
    expect([cond?.getBackground(), cond?.getFontColor(), cond?.getBold(), cond?.getItalic()]).toEqual([
      '#f4cccc',
      '#990000',
      true,
      null,
    ]);
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:K1000']);
  });

  test('whenDateBefore(RelativeDate), whenDateEqualTo, empty/not empty, text', () => {
    const { app, sheet } = open();
    const range = sheet.getRange('E2:E100');
    const mk = () => app.newConditionalFormatRule().setRanges([range]).setItalic(true);
    const rules = [
      mk().whenDateBefore(app.RelativeDate.TODAY).build(),
      mk().whenDateEqualTo(app.RelativeDate.TOMORROW).build(),
      mk().whenCellEmpty().build(),
      mk().whenCellNotEmpty().setStrikethrough(true).build(),
      mk().whenTextEqualTo('Lost').build(),
    ];
    expect(rules.map((r) => String(r.getBooleanCondition()?.getCriteriaType()))).toEqual([
      'DATE_BEFORE_RELATIVE',
      'DATE_EQUAL_TO_RELATIVE',
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'TEXT_EQUAL_TO',
    ]);
    expect(rules[0].getBooleanCondition()?.getCriteriaValues()).toEqual(['TODAY']);
    expect(rules[3].getBooleanCondition()?.getStrikethrough()).toBe(true);
  });

  test('setConditionalFormatRules replaces all rules and keeps order (item 35)', () => {
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
    const { app, sheet } = open();
    const range = sheet.getRange('A1:A10');
    const a = app.newConditionalFormatRule().whenCellEmpty().setBackground('#ff0000').setRanges([range]).build();
    const b = app.newConditionalFormatRule().whenTextEqualTo('x').setBackground('#00ff00').setRanges([range]).build();
    sheet.setConditionalFormatRules([a, b]);
    const rules = sheet.getConditionalFormatRules();
    rules.push(app.newConditionalFormatRule().whenCellNotEmpty().setRanges([range]).build());
    sheet.setConditionalFormatRules(rules.reverse());
    expect(sheet.getConditionalFormatRules().map((r) => String(r.getBooleanCondition()?.getCriteriaType()))).toEqual([
      'CELL_NOT_EMPTY',
      'TEXT_EQUAL_TO',
      'CELL_EMPTY',
    ]);
    sheet.setConditionalFormatRules([]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  test('setRanges([]) clears ranges, and a rule without ranges is refused — unverified wording (item 34)', () => {
    const { app, sheet } = open();
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('A1')])
      .setRanges([])
      .build();
    expect(rule.getRanges()).toEqual([]);
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow('at least one range');
  });

  test('rule ranges move when rows are inserted above them', () => {
    const { app, sheet } = open();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges([sheet.getRange('B2:B5')])
        .build(),
    ]);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('B3:B6');
  });
});
