/**
 * The sidebar's one way to call the server: a promise per call, typed by the server's own
 * `ServerApi`, so the UI and src/server/api.ts cannot drift apart (a renamed function or a changed
 * argument fails to compile). Only the type is imported: no server code reaches the page.
 * https://developers.google.com/apps-script/guides/html/communication
 */
import { PAGE_CALLS, type PageCall } from '../contract/calls';
import type { ServerApi } from '../server/api';

/** The part of google.script.run the wrapper uses; each with* returns a new runner. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [functionName: string]: unknown;
}

/** Every server function, returning a promise of what it returns. */
export type Rpc = {
  [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;
};

/** The calls the pages make: the contract's one list. */
export const RPC_NAMES: readonly PageCall[] = PAGE_CALLS;

function call(runner: ScriptRunner, name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ready = runner.withSuccessHandler(resolve).withFailureHandler(reject);
    const fn = ready[name];
    if (typeof fn !== 'function') {
      reject(new Error(`google.script.run has no ${name}`));
      return;
    }
    // google.script.run refuses undefined inside arrays and Dates; the API takes plain JSON only.
    (fn as (...a: unknown[]) => void).apply(
      ready,
      args.map((a) => (a === undefined ? null : a)),
    );
  });
}

export function createRpc(runner: ScriptRunner): Rpc {
  const rpc = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of RPC_NAMES) rpc[name] = (...args: unknown[]) => call(runner, name, args);
  return rpc as unknown as Rpc;
}
