/**
 * The offline Apps Script: one Environment per spreadsheet (Google's side of the world), and one
 * Execution per script run, whose globals() are what the bundle sees as SpreadsheetApp, MailApp, …
 */
import { newSpreadsheetModel, type SpreadsheetModel } from './model';
import {
  CallCounter,
  Execution,
  type Clock,
  type EnvironmentState,
  type ExecutionOptions,
  systemClock,
} from './runtime';
import { createSpreadsheetApp } from './spreadsheet';
import { createServices, sessionState, uiState } from './services';
import { type AddOnInstall, shareAddOnInstall } from './services/account';
import { type Assumptions, type DeploymentMode, assume } from './readings';

export interface EnvironmentOptions {
  spreadsheet?: SpreadsheetModel;
  timeZone?: string;
  locale?: string;
  clock?: Clock;
  oauthScopes?: string[] | null;
  callLatencyMs?: number;
  /** appsscript.json's timeZone (Session.getScriptTimeZone); defaults to the spreadsheet's */
  scriptTimeZone?: string;
  /** the browser locale of the user (Session.getActiveUserLocale), e.g. 'en' or 'zh_CN' */
  userLocale?: string;
  /** the add-on's name: the title of its menu under Extensions */
  addonTitle?: string;
  /** bound to this spreadsheet, or an editor add-on (the default) */
  mode?: DeploymentMode;
  /** answers to the questions the reference leaves open (readings.ts); the others keep the emulator's */
  readings?: Assumptions;
  /** an add-on installation shared with other environments (the user's cache spans their files) */
  addOnInstall?: AddOnInstall;
}

export function createEnvironment(opts: EnvironmentOptions = {}): EnvironmentState {
  const env: EnvironmentState = {
    spreadsheet:
      opts.spreadsheet ??
      newSpreadsheetModel({ timeZone: opts.timeZone ?? 'Asia/Shanghai', locale: opts.locale ?? 'en_US' }),
    clock: opts.clock ?? systemClock,
    oauthScopes: opts.oauthScopes ?? null,
    callLatencyMs: opts.callLatencyMs ?? 0,
    counters: new CallCounter(),
    writes: [],
    services: new Map(),
    hooks: [],
    nextExecutionId: 1,
  };
  const session = sessionState(env);
  session.scriptTimeZone = opts.scriptTimeZone ?? env.spreadsheet.timeZone;
  if (opts.userLocale) session.userLocale = opts.userLocale;
  uiState(env).addonTitle = opts.addonTitle ?? 'Client Tracker';
  assume(env, { mode: opts.mode, readings: opts.readings });
  if (opts.addOnInstall) shareAddOnInstall(env, opts.addOnInstall);
  return env;
}

export function startExecution(env: EnvironmentState, options: ExecutionOptions): Execution {
  return new Execution(env, options);
}

/** The global names a script sees during this execution. */
export function globalsFor(exec: Execution): Record<string, unknown> {
  return { SpreadsheetApp: createSpreadsheetApp(exec), ...createServices(exec) };
}

export { Execution, ManualClock, CallCounter, AppsScriptException } from './runtime';
export type { EnvironmentState, ExecutionOptions, AuthModeName, ExecutionKind } from './runtime';
export {
  READINGS,
  READING_NAMES,
  assume,
  reading,
  readingsState,
  kindReadings,
  unkindReadings,
  parseAssumption,
  type Assumptions,
  type DeploymentMode,
  type ReadingName,
  type Readings,
} from './readings';
export { newAddOnInstall, type AddOnInstall } from './services/account';
