/**
 * CT_TODAY: a named cell holding today's date, for the custom functions. Custom functions may not
 * use TODAY() or NOW() as arguments and only recalculate when an argument changes, so formulas take
 * this cell as `asOf`; setup creates it and every refresh and daily run set it to today.
 * https://developers.google.com/apps-script/guides/sheets/functions#arguments
 */
import { type Lang, message, render } from '../core/i18n';
import { startOfDay, today } from '../core/dates';

export const TODAY_NAME = 'CT_TODAY';
const LABEL_COLUMN = 5;
const FIRST_ROW = 8;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Creates CT_TODAY on the Settings tab (column E/F, below the legend, in the first free pair of cells). */
export function ensureTodayCell(settings: Sheet, lang: Lang, tz: string, now: Date): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (ss.getRangeByName(TODAY_NAME)) return false;
  const rows = 40;
  if (settings.getMaxRows() < FIRST_ROW + rows) {
    settings.insertRowsAfter(settings.getMaxRows(), FIRST_ROW + rows - settings.getMaxRows());
  }
  const block = settings.getRange(FIRST_ROW, LABEL_COLUMN, rows, 2).getValues();
  const free = block.findIndex((r) => r[0] === '' && r[1] === '');
  const row = FIRST_ROW + Math.max(free, 0);
  settings
    .getRange(row, LABEL_COLUMN)
    .setValue(render(lang, message('today.label')))
    .setFontWeight('bold');
  const cell = settings.getRange(row, LABEL_COLUMN + 1);
  cell.setNumberFormat('yyyy-mm-dd').setValue(startOfDay(today(now, tz), tz));
  ss.setNamedRange(TODAY_NAME, cell);
  return true;
}

/** Keeps CT_TODAY at today's date (one read, and one write only when the day has changed). */
export function keepTodayCurrent(tz: string, now: Date): void {
  const cell = SpreadsheetApp.getActiveSpreadsheet().getRangeByName(TODAY_NAME);
  if (!cell) return;
  const value = startOfDay(today(now, tz), tz);
  const current = cell.getValue();
  if (!(current instanceof Date) || current.getTime() !== value.getTime()) cell.setValue(value);
}
