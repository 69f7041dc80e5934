/**
 * A benchmark workbook: the product's own setup (menuSetup through the built bundle) makes the tabs,
 * headers, formats, validations and rules; the rows are then grown the way a user's paste would grow
 * them (insertRowsAfter inside the table, so formats extend) and filled straight into the model,
 * which is fast enough for ten million cells.
 */
import { APPEND_SPARE_ROWS } from '../src/core/grid';
import { dayKey, startOfDay } from '../src/core/dates';
import { type ColumnKey, type TableName, findHeaders, matchTabName } from '../src/core/schema';
import { settingLabel } from '../src/core/settings';
import {
  ManualClock,
  createEnvironment,
  globalsFor,
  startExecution,
  type EnvironmentState,
} from '../src/local/emulator';
import type { CellValue, SheetModel } from '../src/local/emulator/model';
import { totalCells } from '../src/local/emulator/spreadsheet/values';
import { type Bundle, run } from '../src/local/runner';
import { type Clock, type TeamMember, contactId, generateClient, generateContacts, team, teamRow } from './data';

export const TIME_ZONE = 'Asia/Shanghai';
/** 09:00 in Shanghai on a Monday: the daily run's weekly summary falls on it too. */
export const START = Date.parse('2026-03-02T01:00:00Z');

export interface Size {
  label: string;
  clients: number;
  contacts: number;
}

export interface BenchWorkbook {
  env: EnvironmentState;
  clock: ManualClock;
  size: Size;
  members: TeamMember[];
  /** who clicks menus and owns the daily trigger */
  manager: TeamMember;
  /** who uses the sidebar */
  rep: TeamMember;
  cells: number;
  buildMs: number;
}

export function sheetOf(env: EnvironmentState, table: TableName): SheetModel {
  const names = env.spreadsheet.sheets.map((s) => s.name);
  const name = matchTabName(table, names);
  const sheet = env.spreadsheet.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`setup made no ${table} tab (have ${names.join(', ')})`);
  return sheet;
}

function headerMap<T extends TableName>(sheet: SheetModel, table: T): Partial<Record<ColumnKey<T>, number>> {
  return findHeaders(table, sheet.values[0] ?? []).map;
}

/** Width of the header row: the cells a data row needs (the grid may be wider). */
function usedWidth(sheet: SheetModel): number {
  const header = sheet.values[0] ?? [];
  let w = header.length;
  while (w > 0 && header[w - 1] === '') w--;
  return w;
}

function newEnvironment(bundle: Bundle, members: readonly TeamMember[]): { env: EnvironmentState; clock: ManualClock } {
  const clock = new ManualClock(START);
  const env = createEnvironment({
    clock,
    timeZone: TIME_ZONE,
    locale: 'en_US',
    oauthScopes: bundle.manifest.oauthScopes ?? null,
  });
  env.spreadsheet.editors.push(...members.map((m) => m.email));
  return { env, clock };
}

function setUp(bundle: Bundle, env: EnvironmentState, user: string): void {
  run(bundle, env, { authMode: 'FULL', kind: 'menu', activeUser: user, effectiveUser: user }, 'menuSetup');
}

/**
 * Grows a tab to hold `dataRows` rows under the header, inserting inside the table as a paste would,
 * with the spare rows the product's own appends leave (a workbook in use has them).
 */
function growTo(env: EnvironmentState, sheet: SheetModel, dataRows: number): void {
  const missing = dataRows + 1 + APPEND_SPARE_ROWS - sheet.maxRows;
  if (missing <= 0) return;
  const exec = startExecution(env, { authMode: 'FULL', kind: 'editor', timeLimitMs: Number.POSITIVE_INFINITY });
  try {
    const app = globalsFor(exec).SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    app.getActiveSpreadsheet().getSheetByName(sheet.name)?.insertRowsAfter(2, missing);
  } finally {
    exec.end();
  }
}

/** The tab widths and fixed cells setup leaves, to size the ceiling case from the real layout. */
export interface Layout {
  clientsWidth: number;
  contactsWidth: number;
  clientsColumnsUsed: number;
  contactsColumnsUsed: number;
  /** cells of every other tab (Team, Changes, Settings, …) */
  otherCells: number;
}

export function probeLayout(bundle: Bundle): Layout {
  const members = team();
  const { env } = newEnvironment(bundle, members);
  setUp(bundle, env, members[1].email);
  const clients = sheetOf(env, 'clients');
  const contacts = sheetOf(env, 'contacts');
  return {
    clientsWidth: clients.maxColumns,
    contactsWidth: contacts.maxColumns,
    clientsColumnsUsed: usedWidth(clients),
    contactsColumnsUsed: usedWidth(contacts),
    otherCells:
      totalCells(env.spreadsheet) - clients.maxRows * clients.maxColumns - contacts.maxRows * contacts.maxColumns,
  };
}

/** Sets one Settings value by its label (the tab is a key/value table written by setup). */
function setSetting(env: EnvironmentState, key: Parameters<typeof settingLabel>[0], value: CellValue): void {
  const sheet = sheetOf(env, 'settings');
  const map = headerMap(sheet, 'settings');
  const label = settingLabel(key, 'en');
  const row = sheet.values.find((r, i) => i > 0 && r[map.key ?? 0] === label);
  if (!row) throw new Error(`Settings has no row "${label}"`);
  row[map.value ?? 1] = value;
}

/**
 * The contact log as people make it: one row appended per contact, so oldest first (rows of the same
 * moment keep their order), with IDs numbered in that order. Generated client by client, the rows
 * would be grouped by client, which no real log is.
 */
function inLoggedOrder(rows: CellValue[][], cols: Partial<Record<ColumnKey<'contacts'>, number>>): CellValue[][] {
  const date = cols.date;
  const id = cols.id;
  if (date === undefined) return rows;
  const time = (r: CellValue[]) => (r[date] instanceof Date ? (r[date] as Date).getTime() : 0);
  const sorted = rows
    .map((row, i) => ({ row, i, t: time(row) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.row);
  if (id !== undefined) sorted.forEach((row, i) => (row[id] = contactId(i)));
  return sorted;
}

export function buildWorkbook(bundle: Bundle, size: Size): BenchWorkbook {
  const started = performance.now();
  const members = team();
  const manager = members[1];
  const reps = members.filter((m) => m.role === 'salesperson');
  const { env, clock } = newEnvironment(bundle, members);
  setUp(bundle, env, manager.email);
  // The shared pool on, so pool release and the pool warnings have work to do.
  setSetting(env, 'poolEnabled', 'Yes');

  const teamSheet = sheetOf(env, 'team');
  const teamWidth = usedWidth(teamSheet);
  const teamCols = headerMap(teamSheet, 'team');
  members.forEach((m, i) => (teamSheet.values[i + 1] = teamRow(m, teamCols, teamWidth)));
  // Who ran setup was its director until now: they confirm the team's roles, as a team would (docs/roles.md).
  run(
    bundle,
    env,
    { authMode: 'FULL', kind: 'menu', activeUser: manager.email, effectiveUser: manager.email },
    'menuConfirmRoles',
  );

  const clientsSheet = sheetOf(env, 'clients');
  const contactsSheet = sheetOf(env, 'contacts');
  growTo(env, clientsSheet, size.clients);
  growTo(env, contactsSheet, size.contacts);

  const today = dayKey(new Date(START), TIME_ZONE);
  const dates: Clock = { today, tz: TIME_ZONE, midnightMs: startOfDay(today, TIME_ZONE).getTime() };
  const clientCols = headerMap(clientsSheet, 'clients');
  const contactCols = headerMap(contactsSheet, 'contacts');
  const clientWidth = usedWidth(clientsSheet);
  const contactWidth = usedWidth(contactsSheet);
  const clientRows: CellValue[][] = [clientsSheet.values[0]];
  const contactRows: CellValue[][] = [contactsSheet.values[0]];
  // Contacts spread evenly: client i gets floor((i+1)·r) − floor(i·r) of them.
  const ratio = size.contacts / size.clients;
  for (let i = 0; i < size.clients; i++) {
    const n = Math.floor((i + 1) * ratio) - Math.floor(i * ratio);
    const client = generateClient(i, n, reps, clientCols, clientWidth, dates);
    clientRows.push(client.row);
    for (const row of generateContacts(
      client.plan,
      contactRows.length - 1,
      client.lastReachedOffset,
      contactCols,
      contactWidth,
      dates,
    )) {
      contactRows.push(row);
    }
  }
  clientsSheet.values = clientRows;
  contactsSheet.values = [contactRows[0], ...inLoggedOrder(contactRows.slice(1), contactCols)];
  return {
    env,
    clock,
    size,
    members,
    manager,
    rep: reps[0],
    cells: totalCells(env.spreadsheet),
    buildMs: performance.now() - started,
  };
}
