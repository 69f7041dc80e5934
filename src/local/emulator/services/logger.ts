/**
 * Logger: collects log lines in the environment (the execution log); `console` is left to Node.
 *
 * Source: https://developers.google.com/apps-script/reference/base/logger (log(format, ...values)
 * substitutes %s; getLog returns everything logged; clear empties it).
 */
import type { EnvironmentState, Execution } from '../runtime';
import { serviceState } from './state';

export interface LogLine {
  executionId: number;
  at: number;
  message: string;
}

export function loggerState(env: EnvironmentState): { lines: LogLine[] } {
  return serviceState(env, 'logger', () => ({ lines: [] as LogLine[] }));
}

export interface LoggerApi {
  log(data: unknown, ...values: unknown[]): LoggerApi;
  getLog(): string;
  clear(): void;
}

function show(value: unknown): string {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export function createLogger(exec: Execution): LoggerApi {
  const state = loggerState(exec.env);
  const logger: LoggerApi = {
    log(data, ...values) {
      exec.call('Logger.log', 'utilities');
      let i = 0;
      const message =
        typeof data === 'string' && values.length > 0
          ? data.replace(/%s|%d/g, (m) => (i < values.length ? show(values[i++]) : m))
          : show(data);
      state.lines.push({ executionId: exec.id, at: exec.env.clock.now(), message });
      return logger;
    },
    getLog() {
      exec.call('Logger.getLog', 'utilities');
      return state.lines.map((l) => `${l.message}\n`).join('');
    },
    clear() {
      exec.call('Logger.clear', 'utilities');
      state.lines.length = 0;
    },
  };
  return logger;
}
