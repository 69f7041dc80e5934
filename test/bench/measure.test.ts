/**
 * The script's own heap (bench/measure.ts): what a run holds, apart from what existed before it and
 * from the garbage it leaves for V8 to collect.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { EnvironmentState, Execution } from '../../src/local/emulator';
import { measure } from '../../bench/measure';

// Jest runs without --expose-gc: this gives the test the same full GC the benchmark uses.
v8.setFlagsFromString('--expose-gc');
(globalThis as { gc?: () => void }).gc = vm.runInNewContext('gc') as () => void;

const MB = 1024 * 1024;

/**
 * A run of `calls` Spreadsheet calls that keeps `keptMb` from its first call to its end and, between
 * two calls, builds `garbageMb` it drops just before the next call (as a script drops a block it has
 * read and folded): V8 has had no reason to collect that yet when the call comes.
 */
function fakeRun(env: EnvironmentState, calls: number, garbageMb: number, keptMb: number) {
  const execution = {
    counters: { cellsRead: 0, cellsWritten: 0, spreadsheetCalls: () => calls },
  } as unknown as Execution;
  // Plain arrays of doubles live on V8's heap (a typed array's bytes do not).
  const kept: number[][] = [];
  for (let i = 0; i < calls; i++) {
    for (const hook of env.hooks) hook(execution, 'Range.getValues');
    let block: number[] | null = new Array<number>((garbageMb * MB) / 8).fill(i + 0.5);
    while (kept.length < keptMb) kept.push(new Array<number>(MB / 8).fill(block[0]));
    block = null;
    void block;
  }
  return { value: kept.length, execution };
}

test('counts what the run holds, not the garbage it leaves behind', () => {
  const env = { hooks: [], clock: { now: () => 0 } } as unknown as EnvironmentState;
  const m = measure(env, () => fakeRun(env, 40, 120, 80), { modelClock: false, response: false });
  expect(m.outcome).toBe('ok');
  // 80 MB held from the first call on; 120 MB built and dropped before every call, which a peak taken
  // without a GC would add (200 MB or more). The bounds leave room for V8's own bookkeeping in a busy
  // test worker.
  expect(m.heapGrowthMb).toBeGreaterThan(50);
  expect(m.heapGrowthMb).toBeLessThan(170);
});
