/** A bare environment for service tests: a manual clock and one spreadsheet. */
import { createEnvironment } from '../../../../src/local/emulator';
import { newSpreadsheetModel } from '../../../../src/local/emulator/model';
import {
  Execution,
  ManualClock,
  type EnvironmentState,
  type ExecutionOptions,
} from '../../../../src/local/emulator/runtime';
import type { CacheServiceApi } from '../../../../src/local/emulator/services/cache';
import type { Charts } from '../../../../src/local/emulator/services/charts';
import type { HtmlServiceApi } from '../../../../src/local/emulator/services/html';
import { createServices } from '../../../../src/local/emulator/services';
import type { LockServiceApi } from '../../../../src/local/emulator/services/lock';
import type { LoggerApi } from '../../../../src/local/emulator/services/logger';
import type { MailAppApi } from '../../../../src/local/emulator/services/mail';
import type { PropertiesServiceApi } from '../../../../src/local/emulator/services/properties';
import type { SessionApi } from '../../../../src/local/emulator/services/session';
import type { ScriptAppApi } from '../../../../src/local/emulator/services/triggers';
import type { UtilitiesApi } from '../../../../src/local/emulator/services/utilities';

/** Monday 2 March 2026, 09:00 in Shanghai. */
export const START = Date.UTC(2026, 2, 2, 1, 0, 0);
export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';

export function newEnv(opts: { oauthScopes?: string[] | null; now?: number } = {}): EnvironmentState & {
  clock: ManualClock;
} {
  const clock = new ManualClock(opts.now ?? START);
  const env = createEnvironment({
    spreadsheet: newSpreadsheetModel({ id: 'sheet-1', timeZone: 'Asia/Shanghai', locale: 'en_US' }),
    clock,
    oauthScopes: opts.oauthScopes ?? null,
  });
  return { ...env, clock };
}

export interface Globals {
  PropertiesService: PropertiesServiceApi;
  CacheService: CacheServiceApi;
  LockService: LockServiceApi;
  ScriptApp: ScriptAppApi;
  MailApp: MailAppApi;
  Session: SessionApi;
  Utilities: UtilitiesApi;
  HtmlService: HtmlServiceApi;
  Logger: LoggerApi;
  Charts: typeof Charts;
}

export const FULL_MENU: ExecutionOptions = { authMode: 'FULL', kind: 'menu', activeUser: ALICE };
export const SIMPLE_TRIGGER: ExecutionOptions = { authMode: 'LIMITED', kind: 'simpleTrigger', activeUser: ALICE };
export const NOT_ENABLED: ExecutionOptions = { authMode: 'NONE', kind: 'simpleTrigger', activeUser: ALICE };
export const TIME_DRIVEN: ExecutionOptions = { authMode: 'FULL', kind: 'timeDriven', effectiveUser: ALICE };
export const CUSTOM_FUNCTION: ExecutionOptions = { authMode: 'CUSTOM_FUNCTION', kind: 'customFunction' };

export function start(env: EnvironmentState, options: ExecutionOptions = FULL_MENU): { exec: Execution; g: Globals } {
  const exec = new Execution(env, options);
  return { exec, g: createServices(exec) as unknown as Globals };
}
