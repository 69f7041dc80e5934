/**
 * Date arguments of custom functions, read as the day they show whichever way Sheets converts them.
 * A date cell reaches the function as midnight of its day either in the spreadsheet's time zone or
 * in the script's (not documented: docs/google-readings.md, customFunctionDates). A Date that is not
 * a midnight in the spreadsheet's zone but is one in the script's came the second way: it is moved to
 * the same day's midnight in the spreadsheet's zone, which the rules expect. Dates the function returns
 * go back the way the arguments came, so the cell shows the day computed.
 */
import { dayKey, startOfDay } from '../core/dates';

export interface FormulaZones {
  sheet: string;
  script: string;
}

function isMidnight(d: Date, zone: string): boolean {
  return startOfDay(dayKey(d, zone), zone).getTime() === d.getTime();
}

/** Whether this Date arrived as midnight in the script's zone rather than the spreadsheet's. */
function cameFromScriptZone(d: Date, zones: FormulaZones): boolean {
  return zones.script !== zones.sheet && !isMidnight(d, zones.sheet) && isMidnight(d, zones.script);
}

function mapDates(value: unknown, fn: (d: Date) => Date): unknown {
  if (value instanceof Date) return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapDates(v, fn));
  return value;
}

/** The arguments with every date at its day's midnight in the spreadsheet's zone; and how they came. */
export function normaliseDateArgs<T extends unknown[]>(args: T, zones: FormulaZones): { args: T; scriptZone: boolean } {
  let scriptZone = false;
  const out = args.map((a) =>
    mapDates(a, (d) => {
      if (!cameFromScriptZone(d, zones)) return d;
      scriptZone = true;
      return startOfDay(dayKey(d, zones.script), zones.sheet);
    }),
  ) as T;
  return { args: out, scriptZone };
}

/** A result's dates (midnights in the spreadsheet's zone) the way the arguments came. */
export function resultDates<T>(result: T, zones: FormulaZones, scriptZone: boolean): T {
  if (!scriptZone) return result;
  return mapDates(result, (d) => startOfDay(dayKey(d, zones.sheet), zones.script)) as T;
}
