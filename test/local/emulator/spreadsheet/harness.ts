/** An environment on a fresh spreadsheet with a manual clock, and executions over it. */
import { createEnvironment } from '../../../../src/local/emulator';
import { newSpreadsheetModel, type SpreadsheetModel } from '../../../../src/local/emulator/model';
import {
  Execution,
  ManualClock,
  type EnvironmentState,
  type ExecutionOptions,
} from '../../../../src/local/emulator/runtime';
import { createSpreadsheetApp } from '../../../../src/local/emulator/spreadsheet';

export const NOW = Date.UTC(2026, 2, 15, 4, 0, 0); // 2026-03-15 12:00 in Shanghai

export function makeEnv(
  opts: { timeZone?: string; locale?: string; spreadsheet?: SpreadsheetModel } = {},
): EnvironmentState {
  return createEnvironment({
    spreadsheet:
      opts.spreadsheet ??
      newSpreadsheetModel({ timeZone: opts.timeZone ?? 'Asia/Shanghai', locale: opts.locale ?? 'en_US' }),
    clock: new ManualClock(NOW),
  });
}

export function open(
  opts: { timeZone?: string; locale?: string; env?: EnvironmentState } & Partial<ExecutionOptions> = {},
): {
  env: EnvironmentState;
  exec: Execution;
  app: ReturnType<typeof createSpreadsheetApp>;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
} {
  const env = opts.env ?? makeEnv(opts);
  const exec = new Execution(env, { authMode: opts.authMode ?? 'FULL', kind: opts.kind ?? 'editor' });
  const app = createSpreadsheetApp(exec);
  const ss = app.getActiveSpreadsheet();
  return { env, exec, app, ss, sheet: ss.getSheets()[0] };
}
