/**
 * How Sheets hands date cells to a custom function and takes Dates back. A date cell is a day count
 * (a serial) without a zone; whether it becomes a JS Date at midnight in the spreadsheet's time zone or
 * in the script's (appsscript.json) is not documented, nor which zone turns a returned Date back into a
 * serial (readings.ts customFunctionDates: both directions follow the one answer).
 * Source: https://developers.google.com/apps-script/guides/sheets/functions#arguments
 */
import type { EnvironmentState } from './runtime';
import { reading } from './readings';
import { sessionState } from './services/session';
import { fromSerial, toSerial } from './spreadsheet/dates';

function conversionZone(env: EnvironmentState): string {
  return reading(env, 'customFunctionDates') === 'scriptZone'
    ? sessionState(env).scriptTimeZone
    : env.spreadsheet.timeZone;
}

function mapCells(value: unknown, fn: (d: Date) => Date): unknown {
  if (value instanceof Date) return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapCells(v, fn));
  return value;
}

/** A cell value (or a 2-D block) as the custom function receives it. */
export function customFunctionArgument(env: EnvironmentState, value: unknown): unknown {
  const zone = conversionZone(env);
  const sheetZone = env.spreadsheet.timeZone;
  return mapCells(value, (d) => fromSerial(toSerial(d, sheetZone), zone));
}

/** A custom function's result as the cell stores it. */
export function customFunctionResult(env: EnvironmentState, value: unknown): unknown {
  const zone = conversionZone(env);
  const sheetZone = env.spreadsheet.timeZone;
  return mapCells(value, (d) => fromSerial(toSerial(d, zone), sheetZone));
}
