/**
 * The emulated SpreadsheetApp, and the pure helpers the .xlsx loader/saver shares with it.
 */
import type { Execution } from '../runtime';
import { EmulatedSpreadsheetApp } from './app';

export function createSpreadsheetApp(exec: Execution): EmulatedSpreadsheetApp {
  return new EmulatedSpreadsheetApp(exec);
}

export type { EmulatedSpreadsheetApp };
export { toSerial, fromSerial, zonedDate, wallClock } from './dates';
export { styleAt, styleGrid } from './styles';
export { validationAt, validationGrid } from './validation';
export { displayValue } from './numfmt';
export { cursorOf, setCursor } from './doc';
export { lastRow, lastColumn, totalCells } from './values';
export type { ToastRecord } from './spreadsheet';
