/**
 * CT_GRADE, CT_STATE, CT_DAYS_OVERDUE and CT_NEXT_DATE called as Sheets calls a custom function: in
 * AuthMode.CUSTOM_FUNCTION, a single cell as a value and a range as a 2-D array.
 * https://developers.google.com/apps-script/guides/sheets/functions#arguments
 */
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { startOfDay } from '../../src/core/dates';
import { callCustomFunction, run } from '../../src/local/runner';
import { bundle, distDir } from '../helpers/bundle';
import { newWorkbook, type TestWorkbook } from '../helpers/workbook';

const TZ = 'Asia/Shanghai';
/** 2026-03-02 in Shanghai, as Sheets passes a date cell: local midnight. */
const day = (iso: string): Date => new Date(`${iso}T00:00:00+08:00`);
const TODAY = day('2026-03-02');

function formula(wb: TestWorkbook, name: string, ...args: unknown[]): unknown {
  return run(bundle(), wb.env, { authMode: 'CUSTOM_FUNCTION', kind: 'customFunction' }, name, () => args).value;
}

describe('custom functions', () => {
  const wb = newWorkbook({ timeZone: TZ, now: '2026-03-02T01:00:00Z' });
  wb.menu('menuSetup');

  test('a client with need, budget and decision maker buying in 30 days is graded A', () => {
    expect(formula(wb, 'CT_GRADE', 'yes', 'yes', 'yes', day('2026-04-01'), TODAY)).toBe('A');
  });

  test('one day past the A window is B when talking to the decision maker', () => {
    expect(formula(wb, 'CT_GRADE', '是', '是', '是', day('2026-04-02'), TODAY)).toBe('B');
  });

  test('a whole column gives a column, blank rows stay blank, and a bad date says so in its own cell', () => {
    const need = [['yes'], [''], ['yes'], ['no']];
    const budget = [['yes'], [''], ['no'], ['yes']];
    const dm = [['yes'], [''], ['yes'], ['yes']];
    const expected = [[day('2026-03-10')], [''], ['next spring'], [day('2026-03-10')]];
    expect(formula(wb, 'CT_GRADE', need, budget, dm, expected, TODAY)).toEqual([
      ['A'],
      [''],
      ['CT_GRADE: expectedDate is not a date'],
      ['D'],
    ]);
  });

  test('without a date as asOf the formula fails with a readable sentence, not a stack trace', () => {
    expect(() => formula(wb, 'CT_GRADE', 'yes', 'yes', 'yes', day('2026-04-01'), '')).toThrow(
      /^CT_GRADE: asOf is not a date; use the named range CT_TODAY\.$/,
    );
  });

  test('follow-up state: yesterday is overdue, today is due, blank is unplanned, in the workbook language', () => {
    const next = [[day('2026-03-01')], [day('2026-03-02')], [day('2026-03-09')], ['']];
    const status = [['Active'], ['Active'], ['跟进中'], ['Active']];
    expect(formula(wb, 'CT_STATE', next, status, TODAY)).toEqual([
      ['Overdue'],
      ['Due today'],
      ['Upcoming'],
      ['Unplanned'],
    ]);
  });

  test('days overdue counts whole days and is 0 when not overdue', () => {
    expect(formula(wb, 'CT_DAYS_OVERDUE', [[day('2026-02-20')], [day('2026-03-05')]], TODAY)).toEqual([[10], [0]]);
  });

  test('the proposed next date is last contact plus the grade interval (B: 7 days)', () => {
    const result = formula(wb, 'CT_NEXT_DATE', day('2026-03-02'), 'B') as Date;
    expect(result.toISOString()).toBe(day('2026-03-09').toISOString());
  });

  test('they read the Settings tab: a changed A window changes the grade', () => {
    const wb2 = newWorkbook({ timeZone: TZ });
    wb2.menu('menuSetup');
    const settings = wb2.sheet('Settings');
    const row = settings.values.findIndex((r) => r[0] === 'A window (days)');
    settings.values[row][1] = 10;
    expect(formula(wb2, 'CT_GRADE', 'yes', 'yes', 'yes', day('2026-03-20'), TODAY)).toBe('B');
  });

  test('setup creates the named cell CT_TODAY holding today in the workbook time zone', () => {
    const named = wb.env.spreadsheet.namedRanges.find((n) => n.name === 'CT_TODAY');
    expect(named).toBeDefined();
    const sheet = wb.env.spreadsheet.sheets.find((s) => s.id === named!.sheetId)!;
    const value = sheet.values[named!.rect.row - 1][named!.rect.col - 1] as Date;
    expect(value.toISOString()).toBe(TODAY.toISOString());
  });
});

describe('the built file', () => {
  const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');
  const comments: acorn.Comment[] = [];
  const program = acorn.parse(code, { ecmaVersion: 2020, onComment: comments });

  test.each(['CT_GRADE', 'CT_STATE', 'CT_DAYS_OVERDUE', 'CT_NEXT_DATE'])(
    '%s is a top-level function with its @customfunction JSDoc right above it',
    (name) => {
      const fn = program.body.find((n) => n.type === 'FunctionDeclaration' && n.id?.name === name);
      expect(fn).toBeDefined();
      const doc = comments.find((c) => code.slice(c.end, fn!.start).trim() === '');
      expect(doc?.value).toMatch(/^\*[\s\S]*@param[\s\S]*@customfunction/);
    },
  );
});

describe('CT_TODAY moves with the days', () => {
  test('a refresh on a later day sets it to that day, so the formulas recalculate', () => {
    const wb = newWorkbook({ timeZone: TZ, now: '2026-03-02T01:00:00Z' });
    wb.menu('menuSetup');
    wb.clock.set(Date.parse('2026-03-05T16:30:00Z')); // 00:30 on 6 March in Shanghai
    wb.menu('menuRefresh');
    const named = wb.env.spreadsheet.namedRanges.find((n) => n.name === 'CT_TODAY')!;
    const sheet = wb.env.spreadsheet.sheets.find((s) => s.id === named.sheetId)!;
    expect((sheet.values[named.rect.row - 1][named.rect.col - 1] as Date).toISOString()).toBe(
      day('2026-03-06').toISOString(),
    );
  });
});

describe.each([['spreadsheetZone'], ['scriptZone']] as const)(
  'unverified: a sheet in Los Angeles, the script in Shanghai, dates converted in the %s',
  (conversion) => {
    const LA = 'America/Los_Angeles';
    const wb = newWorkbook({
      timeZone: LA,
      scriptTimeZone: 'Asia/Shanghai',
      now: '2026-03-02T18:00:00Z',
      readings: { customFunctionDates: conversion },
    });
    wb.menu('menuSetup');
    /** A date cell as the sheet holds it: midnight of that day in Los Angeles. */
    const cell = (iso: string): Date => startOfDay(iso, LA);
    const call = (name: string, ...cells: unknown[]): unknown => callCustomFunction(bundle(), wb.env, name, cells);
    const today = cell('2026-03-02');

    test('yesterday’s follow-up is overdue by 1 day, today’s is due today', () => {
      expect(call('CT_STATE', [[cell('2026-03-01')], [cell('2026-03-02')]], [['Active'], ['Active']], today)).toEqual([
        ['Overdue'],
        ['Due today'],
      ]);
      expect(call('CT_DAYS_OVERDUE', cell('2026-03-01'), today)).toBe(1);
    });

    test('the proposed next date shows grade B’s 7 days later in the cell', () => {
      expect(call('CT_NEXT_DATE', cell('2026-03-02'), 'B')).toEqual(cell('2026-03-09'));
    });

    test('an expected date exactly 30 days ahead is still inside the A window', () => {
      expect(call('CT_GRADE', 'yes', 'yes', 'yes', cell('2026-04-01'), today)).toBe('A');
    });
  },
);
