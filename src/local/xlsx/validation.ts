/** Data validation rules between the model and Excel's dataValidation. */
import type { DataValidation } from 'exceljs';
import type { ValidationCriteria, ValidationRule } from '../emulator/model';

/** Excel refuses an inline list ("a,b,c") longer than this. */
const INLINE_LIST_LIMIT = 255;

/** Where lists too long (or too awkward) to inline are kept; returns a reference like '_lists'!$A$1:$A$40. */
export interface ListStore {
  reference(values: string[]): string;
}

/** Rules an .xlsx cannot hold exactly; the sidecar keeps them and they win on load. */
export function needsSidecar(rule: ValidationRule): boolean {
  return rule.criteria.type === 'CHECKBOX' || (rule.criteria.type === 'VALUE_IN_LIST' && !rule.criteria.showDropdown);
}

/** The closest Excel rule, or null when Excel has none (checkboxes). */
export function toExcelValidation(rule: ValidationRule, lists: ListStore): DataValidation | null {
  const common: Partial<DataValidation> = {
    allowBlank: true,
    showErrorMessage: true,
    // Sheets' "show a warning" lets the value in; Excel's warning style does too, after asking.
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  };
  const { criteria } = rule;
  switch (criteria.type) {
    case 'VALUE_IN_LIST':
      return { ...common, type: 'list', formulae: [listFormula(criteria.values, lists)] };
    case 'CHECKBOX':
      return null;
    case 'DATE_IS_VALID_DATE':
      // any date from 1900-01-01 (Excel's first) on
      return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'NUMBER_BETWEEN':
      return { ...common, type: 'decimal', operator: 'between', formulae: [criteria.min, criteria.max] };
    case 'CUSTOM_FORMULA':
      return { ...common, type: 'custom', formulae: [criteria.formula.replace(/^=/, '')] };
  }
}

function listFormula(values: string[], lists: ListStore): string {
  const inline = values.join(',');
  const inlinable = inline.length + 2 <= INLINE_LIST_LIMIT && values.every((v) => !/[",]/.test(v));
  return inlinable ? `"${inline}"` : lists.reference(values);
}

/**
 * The model's rule for an Excel rule, or null for kinds the model has no word for. `rangeValues`
 * reads a list kept in cells (our `_lists` sheet or the user's own range).
 */
export function fromExcelValidation(
  dv: DataValidation,
  rangeValues: (reference: string) => string[] | null,
): ValidationRule | null {
  const allowInvalid = !dv.showErrorMessage || dv.errorStyle === 'warning' || dv.errorStyle === 'information';
  const rule = (criteria: ValidationCriteria): ValidationRule => ({
    criteria,
    allowInvalid,
    ...(dv.prompt ? { helpText: dv.prompt } : {}),
  });
  const first: unknown = dv.formulae?.[0];
  switch (dv.type) {
    case 'list': {
      if (typeof first !== 'string') return null;
      const inline = first.startsWith('"') ? first.slice(1, -1) : null;
      const values = inline === null ? rangeValues(first) : inline === '' ? [] : inline.split(',');
      return values ? rule({ type: 'VALUE_IN_LIST', values, showDropdown: true }) : null;
    }
    case 'date':
      return rule({ type: 'DATE_IS_VALID_DATE' });
    case 'decimal':
    case 'whole': {
      const second: unknown = dv.formulae?.[1];
      if (dv.operator !== 'between' || typeof first !== 'number' || typeof second !== 'number') return null;
      return rule({ type: 'NUMBER_BETWEEN', min: first, max: second });
    }
    case 'custom':
      return typeof first === 'string' ? rule({ type: 'CUSTOM_FORMULA', formula: `=${first}` }) : null;
    default:
      return null;
  }
}
