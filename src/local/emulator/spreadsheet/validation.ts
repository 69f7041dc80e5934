/**
 * Data validation: the builder, the immutable rule, and validation runs on a sheet.
 * Source: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * (requireValueInList(values, showDropdown?), setAllowInvalid: true = warn, false = reject; new rules
 * allow invalid data by default; Range.setDataValidation(null) removes validation).
 * The emulator stores rules; it does not reject script writes (scripts bypass the UI's check).
 */
import type { CheckboxValue, GridRect, SheetModel, ValidationCriteria, ValidationRule, ValidationRun } from '../model';
import { AppsScriptException } from '../runtime';
import type { Doc } from './doc';
import { DataValidationCriteria } from './enums';
import { columnSegments, containsCell, splitRuns } from './grid';

type GasDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

function criteriaType(c: ValidationCriteria): Criteria {
  return DataValidationCriteria[c.type];
}

function criteriaValues(c: ValidationCriteria): unknown[] {
  switch (c.type) {
    case 'VALUE_IN_LIST':
      return [[...c.values], c.showDropdown];
    case 'NUMBER_BETWEEN':
      return [c.min, c.max];
    case 'CUSTOM_FORMULA':
      return [c.formula];
    case 'CHECKBOX':
      return checkboxValues(c);
    default:
      return [];
  }
}

/**
 * Checkbox criteria from requireCheckbox / insertCheckboxes arguments: none (TRUE/FALSE), a checked
 * value (unchecked is blank), or both. Live Apps Script reads them back from getCriteriaValues as
 * [], [checked] and [checked, unchecked] (gas-fakes test/testsheetsdatavalidations.js, "inserting
 * checkboxes", run on live).
 */
export function checkboxCriteria(custom: unknown[]): ValidationCriteria {
  const value = (v: unknown, name: string): CheckboxValue => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    throw new AppsScriptException(`Invalid argument: ${name}`);
  };
  if (custom.length === 0 || custom[0] === undefined) return { type: 'CHECKBOX' };
  const checked = value(custom[0], 'checkedValue');
  if (custom.length === 1 || custom[1] === undefined) return { type: 'CHECKBOX', checked };
  return { type: 'CHECKBOX', checked, unchecked: value(custom[1], 'uncheckedValue') };
}

function checkboxValues(c: Extract<ValidationCriteria, { type: 'CHECKBOX' }>): unknown[] {
  if (c.checked === undefined) return [];
  return c.unchecked === undefined ? [c.checked] : [c.checked, c.unchecked];
}

/** What a cell of a new checkbox holds: FALSE, the custom unchecked value, or blank. */
export function uncheckedValue(c: ValidationCriteria): CheckboxValue | '' {
  if (c.type !== 'CHECKBOX' || c.checked === undefined) return false;
  return c.unchecked ?? '';
}

export class EmulatedDataValidation implements Pick<
  GasDataValidation,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'DataValidation';
  }

  constructor(
    private readonly doc: Doc,
    readonly rule: ValidationRule,
  ) {}

  copy(): GasBuilder {
    this.doc.call('DataValidation.copy', 'document.read');
    return asBuilder(new EmulatedDataValidationBuilder(this.doc, { ...this.rule }));
  }

  getAllowInvalid(): boolean {
    this.doc.call('DataValidation.getAllowInvalid', 'document.read');
    return this.rule.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.doc.call('DataValidation.getCriteriaType', 'document.read');
    return criteriaType(this.rule.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.doc.call('DataValidation.getCriteriaValues', 'document.read');
    return criteriaValues(this.rule.criteria);
  }

  getHelpText(): string {
    this.doc.call('DataValidation.getHelpText', 'document.read');
    return this.rule.helpText ?? '';
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireValueInList'
  | 'setAllowInvalid'
  | 'setHelpText';

export class EmulatedDataValidationBuilder implements Pick<GasBuilder, BuilderMethods> {
  /** The class name, as live Apps Script prints its objects (gas-fakes test/testsheets*.js, run on live). */
  toString(): string {
    return 'DataValidationBuilder';
  }

  private criteria: ValidationCriteria | null;
  private allowInvalid: boolean;
  private helpText: string | undefined;

  constructor(
    private readonly doc: Doc,
    from?: ValidationRule,
  ) {
    this.criteria = from?.criteria ?? null;
    this.allowInvalid = from?.allowInvalid ?? true;
    this.helpText = from?.helpText;
  }

  private set(method: string, criteria: ValidationCriteria): GasBuilder {
    this.doc.call(`DataValidationBuilder.${method}`, 'document.read');
    this.criteria = criteria;
    return asBuilder(this);
  }

  requireValueInList(values: string[], showDropdown = true): GasBuilder {
    if (!Array.isArray(values)) throw new AppsScriptException('Invalid argument: values');
    return this.set('requireValueInList', { type: 'VALUE_IN_LIST', values: values.map(String), showDropdown });
  }

  /** TRUE/FALSE, or custom checked (and unchecked) values, as live Apps Script takes them. */
  requireCheckbox(...custom: unknown[]): GasBuilder {
    return this.set('requireCheckbox', checkboxCriteria(custom));
  }

  requireDate(): GasBuilder {
    return this.set('requireDate', { type: 'DATE_IS_VALID_DATE' });
  }

  requireNumberBetween(start: number, end: number): GasBuilder {
    return this.set('requireNumberBetween', { type: 'NUMBER_BETWEEN', min: Number(start), max: Number(end) });
  }

  requireFormulaSatisfied(formula: string): GasBuilder {
    return this.set('requireFormulaSatisfied', { type: 'CUSTOM_FORMULA', formula: String(formula) });
  }

  setAllowInvalid(allowInvalidData: boolean): GasBuilder {
    this.doc.call('DataValidationBuilder.setAllowInvalid', 'document.read');
    this.allowInvalid = Boolean(allowInvalidData);
    return asBuilder(this);
  }

  setHelpText(helpText: string): GasBuilder {
    this.doc.call('DataValidationBuilder.setHelpText', 'document.read');
    this.helpText = String(helpText);
    return asBuilder(this);
  }

  getAllowInvalid(): boolean {
    this.doc.call('DataValidationBuilder.getAllowInvalid', 'document.read');
    return this.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.doc.call('DataValidationBuilder.getCriteriaType', 'document.read');
    // An empty builder has none: live reads null (gas-fakes test/testsheetsdatavalidations.js).
    return this.criteria ? criteriaType(this.criteria) : (null as unknown as Criteria);
  }

  getCriteriaValues(): unknown[] {
    this.doc.call('DataValidationBuilder.getCriteriaValues', 'document.read');
    return this.criteria ? criteriaValues(this.criteria) : [];
  }

  getHelpText(): string | null {
    this.doc.call('DataValidationBuilder.getHelpText', 'document.read');
    return this.helpText ?? null;
  }

  copy(): GasBuilder {
    this.doc.call('DataValidationBuilder.copy', 'document.read');
    const copy = new EmulatedDataValidationBuilder(this.doc);
    copy.criteria = this.criteria;
    copy.allowInvalid = this.allowInvalid;
    copy.helpText = this.helpText;
    return asBuilder(copy);
  }

  build(): GasDataValidation {
    this.doc.call('DataValidationBuilder.build', 'document.read');
    // [U] message wording: Sheets refuses a rule without criteria.
    if (!this.criteria) throw new AppsScriptException('You must specify a criteria type for the data validation rule.');
    const rule: ValidationRule = { criteria: this.criteria, allowInvalid: this.allowInvalid };
    if (this.helpText !== undefined) rule.helpText = this.helpText;
    return validationView(this.doc, rule);
  }
}

function asBuilder(b: EmulatedDataValidationBuilder): GasBuilder {
  return b as unknown as GasBuilder;
}

export function validationView(doc: Doc, rule: ValidationRule): GasDataValidation {
  return new EmulatedDataValidation(doc, rule) as unknown as GasDataValidation;
}

export function ruleOf(v: GasDataValidation | null): ValidationRule | null {
  if (v === null || v === undefined) return null;
  if (!(v instanceof EmulatedDataValidation)) throw new AppsScriptException('Invalid argument: rule');
  return v.rule;
}

/** Sets (or with null, removes) the rule on a rectangle; later runs replace earlier ones. */
export function applyValidation(sheet: SheetModel, rect: GridRect, rule: ValidationRule | null): void {
  sheet.validations = splitRuns(sheet.validations, rect, () => null);
  if (!rule) return;
  const last = sheet.validations[sheet.validations.length - 1];
  if (
    last &&
    last.rule === rule &&
    last.rect.col === rect.col &&
    last.rect.numCols === rect.numCols &&
    last.rect.row + last.rect.numRows === rect.row
  ) {
    last.rect = { ...last.rect, numRows: last.rect.numRows + rect.numRows };
  } else {
    sheet.validations.push({ rect: { ...rect }, rule });
  }
}

/** The rule in force at one cell (1-based), or null. */
export function validationAt(sheet: SheetModel, row: number, col: number): ValidationRule | null {
  let rule: ValidationRule | null = null;
  for (const run of sheet.validations) if (containsCell(run.rect, row, col)) rule = run.rule;
  return rule;
}

/** Rules of a rectangle as [row][col], by sweeping each column once. */
export function validationGrid(sheet: SheetModel, rect: GridRect): Array<Array<ValidationRule | null>> {
  const out: Array<Array<ValidationRule | null>> = Array.from({ length: rect.numRows }, () =>
    new Array<ValidationRule | null>(rect.numCols).fill(null),
  );
  const runs: ValidationRun[] = sheet.validations;
  for (let c = 0; c < rect.numCols; c++) {
    for (const seg of columnSegments(runs, rect.col + c, rect.row, rect.row + rect.numRows - 1)) {
      if (!seg.active.length) continue;
      const rule = runs[seg.active[seg.active.length - 1]].rule;
      for (let r = seg.from; r <= seg.to; r++) out[r - rect.row][c] = rule;
    }
  }
  return out;
}
