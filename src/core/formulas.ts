/**
 * The rules as spreadsheet formulas (CT_GRADE, CT_STATE, CT_DAYS_OVERDUE, CT_NEXT_DATE): the same
 * core functions the refresh and the sidebar use, applied cell by cell. A range argument arrives as
 * a 2-D array and a single cell as a value (https://developers.google.com/apps-script/guides/sheets/functions#arguments);
 * single values broadcast against ranges, a blank row gives a blank result, and a bad cell gives a
 * readable error text in its own cell instead of failing the whole column.
 */
import { type DayKey, parseDateCell, startOfDay } from './dates';
import { gradeClient } from './grade';
import { type Lang, t } from './i18n';
import { type Grade, type Status, parseEnum, readYesNo } from './lists';
import { proposeNextFollowUp } from './cadence';
import { type Settings } from './settings';
import { daysOverdue, followUpState, statusFromCells } from './status';

export type FormulaCell = string | number | boolean | Date;
export type FormulaArg = FormulaCell | FormulaCell[][] | null | undefined;
export type FormulaResult = FormulaCell | FormulaCell[][];

/** An argument that makes the whole formula unusable (asOf missing, say): the cell shows #ERROR! with this text. */
export class FormulaError extends Error {}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Applies fn row by row over the arguments, broadcasting single values; returns a value or a column. */
export function mapRows(args: FormulaArg[], fn: (cells: unknown[]) => FormulaCell): FormulaResult {
  const ranges = args.filter((a): a is FormulaCell[][] => Array.isArray(a));
  if (ranges.length === 0) return fn(args);
  const rows = Math.max(...ranges.map((r) => r.length));
  const out: FormulaCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells = args.map((a) => (Array.isArray(a) ? (a[r]?.[0] ?? '') : a));
    const rangeCells = args.flatMap((a, i) => (Array.isArray(a) ? [cells[i]] : []));
    out.push([rangeCells.every(isBlank) ? '' : fn(cells)]);
  }
  return out;
}

/** asOf must be one date cell (CT_TODAY); custom functions may not use TODAY() themselves. */
export function asOfDay(name: string, asOf: FormulaArg, tz: string): DayKey {
  const single = Array.isArray(asOf) ? asOf[0]?.[0] : asOf;
  const cell = parseDateCell(single ?? '', tz);
  if (!cell.ok || cell.day === null)
    throw new FormulaError(`${name}: asOf is not a date; use the named range CT_TODAY.`);
  return cell.day;
}

function dayArg(name: string, param: string, value: unknown, tz: string): DayKey | null | string {
  const cell = parseDateCell(value ?? '', tz);
  if (!cell.ok) return `${name}: ${param} is not a date`;
  return cell.day;
}

export function ctGrade(args: FormulaArg[], settings: Settings, tz: string): FormulaResult {
  const today = asOfDay('CT_GRADE', args[4], tz);
  return mapRows(args.slice(0, 4), ([need, budget, decisionMaker, expected]) => {
    const day = dayArg('CT_GRADE', 'expectedDate', expected, tz);
    if (typeof day === 'string' && day.startsWith('CT_')) return day;
    return gradeClient(
      {
        needConfirmed: readYesNo(need) === true,
        budgetConfirmed: readYesNo(budget) === true,
        decisionMaker: readYesNo(decisionMaker) === true,
        expectedDate: day,
        gradeOverride: null,
      },
      settings,
      today,
    ).grade;
  });
}

/**
 * The status a row's follow-up state is judged on (statusFromCells): a Stage of Won or Lost decides
 * even when the Status cell has not been recomputed yet; a blank Status is a new, Active client.
 */
function rowStatus(name: string, statusCell: unknown, stageCell: unknown): { status: Status } | { error: string } {
  const status = statusFromCells(
    parseEnum('stages', stageCell),
    parseEnum('statuses', statusCell),
    isBlank(statusCell),
  );
  return status === null ? { error: `${name}: status “${String(statusCell)}” is not a status` } : { status };
}

/** CT_STATE(nextFollowUp, status, asOf, [stage]): followUpState's words; blank for no state. */
export function ctState(args: FormulaArg[], tz: string, lang: Lang): FormulaResult {
  const today = asOfDay('CT_STATE', args[2], tz);
  return mapRows([args[0], args[1], args[3]], ([next, statusCell, stageCell]) => {
    const day = dayArg('CT_STATE', 'nextFollowUp', next, tz);
    if (typeof day === 'string' && day.startsWith('CT_')) return day;
    const row = rowStatus('CT_STATE', statusCell, stageCell);
    if ('error' in row) return row.error;
    const state = followUpState(row.status, day, today);
    return state === 'none' ? '' : t(lang, `state.${state}`);
  });
}

/**
 * CT_DAYS_OVERDUE(nextFollowUp, status, asOf, [stage]): days past the next follow-up of an overdue
 * client, 0 for any other (Won, Lost and pooled clients are never overdue). The two-argument form
 * of earlier versions, (nextFollowUp, asOf), still counts the days but cannot know the status.
 */
export function ctDaysOverdue(args: FormulaArg[], tz: string): FormulaResult {
  const legacy = args.length < 3 || args[2] === undefined;
  const [nextArg, statusArg, asOf, stageArg] = legacy ? [args[0], '', args[1], ''] : args;
  const today = asOfDay('CT_DAYS_OVERDUE', asOf, tz);
  return mapRows([nextArg, statusArg, stageArg], ([next, statusCell, stageCell]) => {
    const day = dayArg('CT_DAYS_OVERDUE', 'nextFollowUp', next, tz);
    if (typeof day === 'string' && day.startsWith('CT_')) return day;
    const row = rowStatus('CT_DAYS_OVERDUE', statusCell, stageCell);
    if ('error' in row) return row.error;
    return daysOverdue(row.status, day, today);
  });
}

/** The cadence's proposed next follow-up, as a date cell (local midnight in the workbook's zone). */
export function ctNextDate(args: FormulaArg[], settings: Settings, tz: string): FormulaResult {
  return mapRows(args.slice(0, 2), ([last, gradeCell]) => {
    const day = dayArg('CT_NEXT_DATE', 'lastContact', last, tz);
    if (typeof day === 'string' && day.startsWith('CT_')) return day;
    if (day === null) return '';
    const grade: Grade | null = parseEnum('grades', gradeCell);
    if (grade === null) return `CT_NEXT_DATE: grade “${String(gradeCell)}” is not A, B, C or D`;
    return startOfDay(proposeNextFollowUp(day, grade, settings), tz);
  });
}
