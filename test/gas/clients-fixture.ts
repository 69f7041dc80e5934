/**
 * A set-up tracker workbook in the emulator, filled the way a person would: rows typed through the
 * emulator's SpreadsheetApp (so values go through Sheets' typed-input parsing), cells looked up by
 * header name, and days in the spreadsheet's time zone.
 */
import { startOfDay } from '../../src/core/dates';
import { run, type RunResult } from '../../src/local/runner';
import { bundle } from '../helpers/bundle';
import { globalsFor, startExecution } from '../../src/local/emulator';
import type { CellValue } from '../../src/local/emulator/model';
import { newWorkbook, type TestWorkbook, type WorkbookOptions } from '../helpers/workbook';

export type Row = Record<string, CellValue>;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A fresh workbook, set up through the menu, with the clock at `now`. */
export function trackerWorkbook(opts: WorkbookOptions = {}): TestWorkbook {
  const wb = newWorkbook({
    ...opts,
    now: opts.now ?? '2026-03-02T01:00:00Z',
    timeZone: opts.timeZone ?? 'Asia/Shanghai',
  });
  wb.menu('menuSetup');
  return wb;
}

/** Runs code as another execution with the emulator's SpreadsheetApp (a person or another script). */
export function asEditor<T>(wb: TestWorkbook, fn: (ss: Spreadsheet) => T): T {
  const exec = startExecution(wb.env, { authMode: 'FULL', kind: 'editor', activeUser: 'editor@example.com' });
  try {
    const app = globalsFor(exec).SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    return fn(app.getActiveSpreadsheet());
  } finally {
    exec.end();
  }
}

/** The day as the spreadsheet's time zone starts it (what a date cell holds). */
export function day(wb: TestWorkbook, key: string): Date {
  return startOfDay(key, wb.env.spreadsheet.timeZone);
}

/** Types rows under the header, each value under its header name; unnamed columns stay blank. */
export function addRows(wb: TestWorkbook, tab: string, rows: Row[]): void {
  if (rows.length === 0) return;
  asEditor(wb, (ss) => {
    const sheet = ss.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
    const block = rows.map((row) => {
      const out: CellValue[] = new Array(width).fill('');
      for (const [name, value] of Object.entries(row)) {
        const col = header.indexOf(name);
        if (col < 0) throw new Error(`${tab} has no column ${name}`);
        out[col] = value;
      }
      return out;
    });
    const first = sheet.getLastRow() + 1;
    const spare = sheet.getMaxRows() - first + 1;
    if (spare < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - spare);
    sheet.getRange(first, 1, rows.length, width).setValues(block);
  });
}

/** A column of the user's own, after the last header. */
export function addUserColumn(wb: TestWorkbook, tab: string, name: string): void {
  asEditor(wb, (ss) => {
    const sheet = ss.getSheetByName(tab)!;
    const col = sheet.getLastColumn() + 1;
    if (sheet.getMaxColumns() < col) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, col).setValue(name);
  });
}

export function headerIndex(wb: TestWorkbook, tab: string, name: string): number {
  const col = wb.sheet(tab).values[0].indexOf(name);
  if (col < 0) throw new Error(`${tab} has no column ${name}`);
  return col;
}

/** The data rows of a tab as records by header name. */
export function rowsOf(wb: TestWorkbook, tab: string): Row[] {
  const [header, ...rows] = wb.values(tab);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? ''])));
}

/** One client's row by Name. */
export function client(wb: TestWorkbook, name: string): Row {
  const found = rowsOf(wb, 'Clients').find((r) => r.Name === name);
  if (!found) throw new Error(`no client ${name}`);
  return found;
}

/** Sets a value on the Settings tab, by the key's English label. */
export function setSetting(wb: TestWorkbook, key: string, value: CellValue): void {
  const sheet = wb.sheet('Settings');
  const keyCol = headerIndex(wb, 'Settings', 'Key');
  const valueCol = headerIndex(wb, 'Settings', 'Value');
  const row = sheet.values.findIndex((r) => r[keyCol] === key);
  if (row < 1) throw new Error(`no setting ${key}`);
  sheet.values[row][valueCol] = value;
}

/** A Date cell as its day in the spreadsheet's time zone ('' stays ''), for readable assertions. */
export function dayText(wb: TestWorkbook, value: CellValue | undefined): string {
  if (!(value instanceof Date)) return String(value ?? '');
  return new Intl.DateTimeFormat('en-CA', { timeZone: wb.env.spreadsheet.timeZone }).format(value);
}

/** The last alert's text: title, then the lines. */
export function lastAlert(wb: TestWorkbook): string {
  const alerts = wb.alerts();
  return alerts[alerts.length - 1] ?? '';
}

/**
 * A person edits a block of cells (top-left at sheet row `row`, under `header`) and Sheets fires the
 * onEdit simple trigger with the event it would send: value/oldValue only when one cell changed, and
 * no email for the typist. `fire: false` is the edit onEdit never sees (the mobile app under the
 * reading where it does not fire, a dropped event, a script's write). Returns the trigger's run.
 */
export function editCells(
  wb: TestWorkbook,
  tab: string,
  row: number,
  header: string,
  values: CellValue[][],
  opts: { fire?: boolean } = {},
): RunResult | null {
  const col = headerIndex(wb, tab, header) + 1;
  const single = values.length === 1 && values[0].length === 1;
  const old = single ? (wb.sheet(tab).values[row - 1]?.[col - 1] ?? '') : '';
  asEditor(wb, (ss) => {
    const sheet = ss.getSheetByName(tab)!;
    const needed = row + values.length - 1;
    if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
    sheet.getRange(row, col, values.length, values[0].length).setValues(values);
  });
  if (opts.fire === false) return null;
  return run(bundle(), wb.env, { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: '' }, 'onEdit', (_exec, g) => {
    const ss = (g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const range = ss.getSheetByName(tab)!.getRange(row, col, values.length, values[0].length);
    const event: Record<string, unknown> = { authMode: 'LIMITED', range, source: ss, user: { getEmail: () => '' } };
    if (single) {
      event.value = String(wb.sheet(tab).values[row - 1][col - 1]);
      if (old !== '') event.oldValue = String(old);
    }
    return [event];
  });
}

/** The next empty row of a tab (1-based), below its last row with anything in it. */
export function nextRow(wb: TestWorkbook, tab: string): number {
  return wb.values(tab).length + 1;
}

/** Types a row cell by cell in the order given, each cell its own edit (as a person types). */
export function typeRow(wb: TestWorkbook, tab: string, row: number, cells: Row, opts: { fire?: boolean } = {}): void {
  for (const [header, value] of Object.entries(cells)) editCells(wb, tab, row, header, [[value]], opts);
}

/** Pastes rows as one block under the header at `row` (one edit, no value/oldValue in the event). */
export function pasteRows(
  wb: TestWorkbook,
  tab: string,
  row: number,
  rows: Row[],
  opts: { fire?: boolean } = {},
): void {
  const header = wb.values(tab)[0].map(String);
  const block = rows.map((r) => header.map((h) => (h in r ? r[h] : '')));
  editCells(wb, tab, row, header[0], block as CellValue[][], opts);
}
