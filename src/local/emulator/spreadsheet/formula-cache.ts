/**
 * The value a formula cell holds as written, for the formulas the emulator can evaluate
 * (src/local/emulator/formula.ts): getValues() reads it as Sheets would read the computed value.
 * For an ARRAYFORMULA this is the anchor cell's own value; the rows it spills into are not stored
 * (getValues reads them as empty; the playground draws them). Any other formula keeps '' (what
 * the emulator has always given for formulas it does not evaluate).
 */
import { parseFormula, type FormulaValue } from '../formula';
import type { CellValue, SheetModel } from '../model';
import { toSerial } from './dates';

export function cachedFormulaValue(
  sheet: SheetModel,
  timeZone: string,
  now: number,
  row: number,
  col: number,
  formula: string,
): CellValue {
  try {
    const parsed = parseFormula(formula);
    const scope = {
      today: Math.floor(toSerial(new Date(now), timeZone)),
      cell: (r: number, c: number): FormulaValue => {
        const v = sheet.values[r - 1]?.[c - 1] ?? '';
        return v === '' ? null : v instanceof Date ? toSerial(v, timeZone) : v;
      },
    };
    const value = parsed.isArray ? parsed.evaluateArray(scope, row, 0) : parsed.evaluate(scope, 0, 0);
    return value === null ? '' : value;
  } catch {
    return '';
  }
}
