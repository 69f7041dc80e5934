/**
 * A spreadsheet in the emulator, driven through the built bundle exactly as Apps Script would:
 * menu clicks in FULL, simple triggers in LIMITED, google.script.run calls, time-driven runs.
 */
import {
  createEnvironment,
  ManualClock,
  type AddOnInstall,
  type Assumptions,
  type DeploymentMode,
  type EnvironmentState,
} from '../../src/local/emulator';
import type { CellValue, SheetModel } from '../../src/local/emulator/model';
import { callFromClient, run, type RunResult } from '../../src/local/runner';
import { uiState } from '../../src/local/emulator/services';
import { bundle } from './bundle';

export const OWNER = 'owner@example.com';

export interface TestWorkbook {
  env: EnvironmentState;
  clock: ManualClock;
  menu(fn: string, user?: string): RunResult;
  /** google.script.run from the sidebar */
  client(fn: string, args: unknown[], user?: string): unknown;
  sheet(name: string): SheetModel;
  sheetNames(): string[];
  /** the block of values a user sees, header row first, trailing blanks trimmed */
  values(name: string): CellValue[][];
  alerts(): string[];
}

export interface WorkbookOptions {
  locale?: string;
  timeZone?: string;
  now?: string;
  /** bound script or editor add-on (the emulator's default: add-on) */
  mode?: DeploymentMode;
  /** answers to the questions Google's reference leaves open (src/local/emulator/readings.ts) */
  readings?: Assumptions;
  /** shared with other workbooks: the same add-on installation (its user cache spans them) */
  addOnInstall?: AddOnInstall;
  /** appsscript.json's zone (Session.getScriptTimeZone); the spreadsheet's by default */
  scriptTimeZone?: string;
  /** the spreadsheet's ID (two workbooks of one user need two) */
  id?: string;
}

export function newWorkbook(opts: WorkbookOptions = {}): TestWorkbook {
  const timeZone = opts.timeZone ?? 'Asia/Shanghai';
  const clock = new ManualClock(Date.parse(opts.now ?? '2026-03-02T01:00:00Z'));
  const env = createEnvironment({
    clock,
    timeZone,
    locale: opts.locale ?? 'en_US',
    oauthScopes: bundle().manifest.oauthScopes ?? null,
    scriptTimeZone: opts.scriptTimeZone,
    mode: opts.mode,
    readings: opts.readings,
    addOnInstall: opts.addOnInstall,
  });
  if (opts.id) env.spreadsheet.id = opts.id;
  env.spreadsheet.editors.push(OWNER);
  const sheet = (name: string): SheetModel => {
    const found = env.spreadsheet.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}; have ${env.spreadsheet.sheets.map((s) => s.name).join(', ')}`);
    return found;
  };
  return {
    env,
    clock,
    menu: (fn, user = OWNER) =>
      run(bundle(), env, { authMode: 'FULL', kind: 'menu', activeUser: user, effectiveUser: user }, fn),
    client: (fn, args, user = OWNER) => callFromClient(bundle(), env, user, fn, args),
    sheet,
    sheetNames: () => env.spreadsheet.sheets.map((s) => s.name),
    values: (name) => {
      const rows = sheet(name).values.map((r) => {
        const row = [...r];
        while (row.length > 0 && row[row.length - 1] === '') row.pop();
        return row;
      });
      while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
      return rows;
    },
    alerts: () => uiState(env).dialogs.map((d) => `${d.title}\n${d.prompt}`),
  };
}

/** Deep copy of everything setup could touch, to prove a second run changes nothing. */
export function snapshot(env: EnvironmentState): string {
  return JSON.stringify(env.spreadsheet, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
}
