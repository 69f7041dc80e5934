/**
 * How many of Google's 10,000,000 cells this spreadsheet uses (src/core/cell-limit.ts holds the rule
 * and the sentence): two Spreadsheet calls per tab, getMaxRows and getMaxColumns, whatever the data.
 */
import { type CellUse, cellUse } from '../core/cell-limit';

export function workbookCellUse(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CellUse {
  return cellUse(ss.getSheets().map((sheet) => ({ rows: sheet.getMaxRows(), columns: sheet.getMaxColumns() })));
}
