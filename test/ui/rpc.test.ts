/**
 * The sidebar's typed wrapper over google.script.run: one promise per call, resolved by the success
 * handler, rejected by the failure handler, with undefined arguments sent as null.
 */
import { RPC_NAMES, createRpc, type ScriptRunner } from '../../src/ui/rpc';
import { api } from '../../src/server/api';
import { EXPOSURES } from '../../src/server/exposures';
import { PAGE_CALLS } from '../../src/contract/calls';

function fakeRun(reply: (name: string, args: unknown[]) => { ok: boolean; value: unknown }): {
  runner: ScriptRunner;
  calls: [string, unknown[]][];
} {
  const calls: [string, unknown[]][] = [];
  const make = (ok?: (v: unknown) => void, fail?: (e: Error) => void): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_t, prop: string) {
        if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, fail);
        if (prop === 'withFailureHandler') return (f: (e: Error) => void) => make(ok, f);
        return (...args: unknown[]) => {
          calls.push([prop, args]);
          const r = reply(prop, args);
          setTimeout(() => (r.ok ? ok?.(r.value) : fail?.(new Error(String(r.value)))));
        };
      },
    });
  return { runner: make(), calls };
}

test('every server API function has a wrapper of the same name', () => {
  expect([...RPC_NAMES].sort()).toEqual(Object.keys(api).sort());
});

test('every call the pages make is an exposure checked as a page call (the contract’s list is the roles table’s)', () => {
  const pageKind = Object.entries(EXPOSURES)
    .filter(([, row]) => row.kind === 'sidebar')
    .map(([name]) => name);
  // buildAllReports answers google.script.run too (it returns the tabs it built: client-tracker call), but no page calls it.
  expect(pageKind.filter((name) => name !== 'buildAllReports').sort()).toEqual([...PAGE_CALLS].sort());
});

test('a call resolves with what the server returned and sends its arguments', async () => {
  const { runner, calls } = fakeRun(() => ({ ok: true, value: { hits: [], more: false } }));
  await expect(createRpc(runner).searchClients('acme', undefined)).resolves.toEqual({ hits: [], more: false });
  expect(calls).toEqual([['searchClients', ['acme', null]]]);
});

test('a server error rejects with its sentence', async () => {
  const { runner } = fakeRun(() => ({ ok: false, value: 'There is no client with ID “C-1”.' }));
  await expect(createRpc(runner).getClientCard('C-1')).rejects.toThrow('There is no client with ID “C-1”.');
});
