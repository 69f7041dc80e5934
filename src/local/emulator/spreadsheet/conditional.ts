/**
 * Conditional format rules: builder, rule and boolean condition.
 * Sources: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * (setRanges replaces the ranges; whenDateBefore(RelativeDate)), and
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
 * (replaces all rules, order = evaluation order).
 * Modelled conditions: custom formula, date before/equal to a relative date, empty, not empty, text equal.
 */
import type { ConditionalCondition, ConditionalFormatRule, SheetModel } from '../model';
import { AppsScriptException } from '../runtime';
import type { Doc } from './doc';
import { BooleanCriteria } from './enums';
import { normalizeColor } from './colors';
import { fromApiRange, rangeView } from './range';

type GasRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GasBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GasCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type RelativeDateName = 'TODAY' | 'TOMORROW' | 'YESTERDAY' | 'PAST_WEEK';

type Format = ConditionalFormatRule['format'];

function criteriaOf(c: ConditionalCondition): [GoogleAppsScript.Spreadsheet.BooleanCriteria, unknown[]] {
  switch (c.type) {
    case 'CUSTOM_FORMULA':
      return [BooleanCriteria.CUSTOM_FORMULA, [c.formula]];
    case 'DATE_BEFORE':
      return [BooleanCriteria.DATE_BEFORE_RELATIVE, [c.relative]];
    case 'DATE_EQUAL_TO':
      return [BooleanCriteria.DATE_EQUAL_TO_RELATIVE, [c.relative]];
    case 'CELL_EMPTY':
      return [BooleanCriteria.CELL_EMPTY, []];
    case 'CELL_NOT_EMPTY':
      return [BooleanCriteria.CELL_NOT_EMPTY, []];
    case 'TEXT_EQUAL_TO':
      return [BooleanCriteria.TEXT_EQUAL_TO, [c.text]];
  }
}

export class EmulatedBooleanCondition implements Pick<
  GasCondition,
  | 'getBackground'
  | 'getBold'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getFontColor'
  | 'getItalic'
  | 'getStrikethrough'
> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'BooleanCondition';
  }

  constructor(
    private readonly doc: Doc,
    private readonly condition: ConditionalCondition,
    private readonly format: Format,
  ) {}

  getBackground(): string | null {
    this.doc.call('BooleanCondition.getBackground', 'document.read');
    return this.format.background ?? null;
  }
  getBold(): boolean | null {
    this.doc.call('BooleanCondition.getBold', 'document.read');
    return this.format.bold ?? null;
  }
  getItalic(): boolean | null {
    this.doc.call('BooleanCondition.getItalic', 'document.read');
    return this.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    this.doc.call('BooleanCondition.getStrikethrough', 'document.read');
    return this.format.strikethrough ?? null;
  }
  getFontColor(): string | null {
    this.doc.call('BooleanCondition.getFontColor', 'document.read');
    return this.format.fontColor ?? null;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.doc.call('BooleanCondition.getCriteriaType', 'document.read');
    return criteriaOf(this.condition)[0];
  }
  getCriteriaValues(): unknown[] {
    this.doc.call('BooleanCondition.getCriteriaValues', 'document.read');
    return criteriaOf(this.condition)[1];
  }
}

/** A built rule: the model rule plus the sheet its ranges belong to (null before it has ranges). */
export class EmulatedConditionalFormatRule implements Pick<
  GasRule,
  'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'
> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'ConditionalFormatRule';
  }

  constructor(
    private readonly doc: Doc,
    readonly rule: ConditionalFormatRule,
    readonly sheet: SheetModel | null,
  ) {}

  copy(): GasBuilder {
    this.doc.call('ConditionalFormatRule.copy', 'document.read');
    return new EmulatedConditionalFormatRuleBuilder(this.doc, this.rule, this.sheet) as unknown as GasBuilder;
  }
  getBooleanCondition(): GasCondition | null {
    this.doc.call('ConditionalFormatRule.getBooleanCondition', 'document.read');
    return new EmulatedBooleanCondition(this.doc, this.rule.condition, this.rule.format) as unknown as GasCondition;
  }
  getGradientCondition(): null {
    this.doc.call('ConditionalFormatRule.getGradientCondition', 'document.read');
    return null;
  }
  getRanges(): GasRange[] {
    this.doc.call('ConditionalFormatRule.getRanges', 'document.read');
    const sheet = this.sheet;
    return sheet ? this.rule.ranges.map((r) => rangeView(this.doc, sheet, r)) : [];
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getGradientCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenDateBefore'
  | 'whenDateEqualTo'
  | 'whenFormulaSatisfied'
  | 'whenTextEqualTo';

export class EmulatedConditionalFormatRuleBuilder implements Pick<GasBuilder, BuilderMethods> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }

  private condition: ConditionalCondition | null;
  private format: Format;
  private ranges: ConditionalFormatRule['ranges'];
  private sheet: SheetModel | null;

  constructor(
    private readonly doc: Doc,
    from?: ConditionalFormatRule,
    sheet?: SheetModel | null,
  ) {
    this.condition = from?.condition ?? null;
    this.format = { ...from?.format };
    this.ranges = from ? from.ranges.map((r) => ({ ...r })) : [];
    this.sheet = sheet ?? null;
  }

  private self(method: string): GasBuilder {
    this.doc.call(`ConditionalFormatRuleBuilder.${method}`, 'document.read');
    return this as unknown as GasBuilder;
  }

  private when(method: string, condition: ConditionalCondition): GasBuilder {
    const b = this.self(method);
    this.condition = condition;
    return b;
  }

  whenFormulaSatisfied(formula: string): GasBuilder {
    return this.when('whenFormulaSatisfied', { type: 'CUSTOM_FORMULA', formula: String(formula) });
  }
  whenCellEmpty(): GasBuilder {
    return this.when('whenCellEmpty', { type: 'CELL_EMPTY' });
  }
  whenCellNotEmpty(): GasBuilder {
    return this.when('whenCellNotEmpty', { type: 'CELL_NOT_EMPTY' });
  }
  whenTextEqualTo(text: string): GasBuilder {
    return this.when('whenTextEqualTo', { type: 'TEXT_EQUAL_TO', text: String(text) });
  }
  /** Relative dates only: the model does not hold absolute dates. */
  whenDateBefore(date: GoogleAppsScript.Spreadsheet.RelativeDate | GoogleAppsScript.Base.Date): GasBuilder {
    const relative = relativeName(date, ['TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK']);
    return this.when('whenDateBefore', { type: 'DATE_BEFORE', relative });
  }
  whenDateEqualTo(date: GoogleAppsScript.Spreadsheet.RelativeDate | GoogleAppsScript.Base.Date): GasBuilder {
    const relative = relativeName(date, ['TODAY', 'TOMORROW', 'YESTERDAY']) as 'TODAY' | 'TOMORROW' | 'YESTERDAY';
    return this.when('whenDateEqualTo', { type: 'DATE_EQUAL_TO', relative });
  }

  setBackground(color: string | null): GasBuilder {
    const b = this.self('setBackground');
    this.format.background = color === null ? undefined : normalizeColor(color);
    return b;
  }
  setFontColor(color: string | null): GasBuilder {
    const b = this.self('setFontColor');
    this.format.fontColor = color === null ? undefined : normalizeColor(color);
    return b;
  }
  setBold(bold: boolean | null): GasBuilder {
    const b = this.self('setBold');
    this.format.bold = bold ?? undefined;
    return b;
  }
  setItalic(italic: boolean | null): GasBuilder {
    const b = this.self('setItalic');
    this.format.italic = italic ?? undefined;
    return b;
  }
  setStrikethrough(strikethrough: boolean | null): GasBuilder {
    const b = this.self('setStrikethrough');
    this.format.strikethrough = strikethrough ?? undefined;
    return b;
  }

  setRanges(ranges: GasRange[]): GasBuilder {
    const b = this.self('setRanges');
    const own = ranges.map(fromApiRange);
    const sheets = new Set(own.map((r) => r.sheetModel));
    if (sheets.size > 1)
      throw new AppsScriptException('All ranges of a conditional format rule must be on the same sheet.');
    this.ranges = own.map((r) => ({ ...r.rect }));
    this.sheet = own[0]?.sheetModel ?? this.sheet;
    return b;
  }

  getRanges(): GasRange[] {
    this.doc.call('ConditionalFormatRuleBuilder.getRanges', 'document.read');
    const sheet = this.sheet;
    return sheet ? this.ranges.map((r) => rangeView(this.doc, sheet, r)) : [];
  }
  getBooleanCondition(): GasCondition | null {
    this.doc.call('ConditionalFormatRuleBuilder.getBooleanCondition', 'document.read');
    return this.condition
      ? (new EmulatedBooleanCondition(this.doc, this.condition, this.format) as unknown as GasCondition)
      : null;
  }
  getGradientCondition(): null {
    this.doc.call('ConditionalFormatRuleBuilder.getGradientCondition', 'document.read');
    return null;
  }
  copy(): GasBuilder {
    this.doc.call('ConditionalFormatRuleBuilder.copy', 'document.read');
    const rule = this.condition ? { condition: this.condition, format: this.format, ranges: this.ranges } : undefined;
    const copy = new EmulatedConditionalFormatRuleBuilder(this.doc, rule, this.sheet);
    return copy as unknown as GasBuilder;
  }

  build(): GasRule {
    this.doc.call('ConditionalFormatRuleBuilder.build', 'document.read');
    // [U] wording: a rule needs a condition.
    if (!this.condition) throw new AppsScriptException('Conditional format rule must have a condition.');
    const rule: ConditionalFormatRule = {
      ranges: this.ranges.map((r) => ({ ...r })),
      condition: this.condition,
      format: { ...this.format },
    };
    return new EmulatedConditionalFormatRule(this.doc, rule, this.sheet) as unknown as GasRule;
  }
}

function relativeName<T extends RelativeDateName>(date: unknown, allowed: T[]): T {
  if (date instanceof Date) {
    throw new AppsScriptException('Emulator: conditional formats with an absolute date are not supported.');
  }
  const name = String(date) as T;
  if (!allowed.includes(name)) throw new AppsScriptException(`Emulator: relative date ${name} is not supported here.`);
  return name;
}

export function ruleFromApi(rule: GasRule): EmulatedConditionalFormatRule {
  if (!(rule instanceof EmulatedConditionalFormatRule)) throw new AppsScriptException('Invalid argument: rules');
  return rule;
}
