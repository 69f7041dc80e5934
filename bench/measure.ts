/**
 * Measures one execution: Spreadsheet calls and cells moved (the emulator's counters), wall time in
 * Node, peak heap (sampled on the emulator's per-call hook, after a full GC before the run) and the
 * script's own share of it (the same samples taken after a full GC each, less the heap before), and
 * the modelled Apps Script time. While it runs, the emulator's clock advances by the modelled cost of each call, so the
 * 6-minute (30 s for simple triggers) limit and any time budget the product keeps see modelled time.
 */
import v8 from 'node:v8';
import type { EnvironmentState, Execution } from '../src/local/emulator';
import { CALL_MS, READ_CELL_MS, WORST_CALL_MS, WRITE_CELL_MS, modelledMs } from './costs';

export interface Measurement {
  /** 'ok', or what stopped it (the exception's message) */
  outcome: string;
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  wallMs: number;
  peakHeapMb: number;
  /**
   * What the run itself held at its worst, apart from the workbook: the heap still in use after a full
   * GC at each sample point, above the same before the run (with --expose-gc; without it, the peak
   * above the heap before the run, garbage included)
   */
  heapGrowthMb: number;
  modelledMs: number;
  worstMs: number;
  /** bytes of the JSON answer, for the sidebar API */
  responseBytes: number | null;
  /** executions it took (more than one when a run resumed) */
  executions: number;
}

const MB = 1024 * 1024;

function collect(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return gc !== undefined;
}

function heapUsed(): number {
  return v8.getHeapStatistics().used_heap_size;
}

export interface MeasureOptions {
  /** advance the emulator's clock by the modelled cost of each call (off for the naive baseline) */
  modelClock: boolean;
  /** the JSON size of the value matters */
  response: boolean;
  /**
   * measure the script's own heap with a full GC every LIVE_EVERY calls (off for the naive baseline:
   * its hundreds of thousands of calls would take thousands of GCs)
   */
  liveHeap?: boolean;
}

/** Calls between two heap samples (each with a full GC when the script's own heap is measured). */
const SAMPLE_EVERY = 16;

/**
 * Runs `body` (one execution) and measures it. The execution is picked up from the emulator's call
 * hook, so it is known even when the run throws.
 */
export function measure(
  env: EnvironmentState,
  body: () => { value: unknown; execution: Execution },
  options: MeasureOptions,
): Measurement {
  const live = collect() && options.liveHeap !== false;
  const heapBefore = heapUsed();
  let peak = heapBefore;
  // The heap in use after a full GC at each sample (every SAMPLE_EVERY calls, and at the end): what
  // the run still holds, without the garbage not collected yet (which depends on when V8 collects, not
  // on the script). Time spent in these collections is left out of the wall time.
  let livePeak = heapBefore;
  let gcMs = 0;
  const sample = (): void => {
    peak = Math.max(peak, heapUsed());
    if (!live) return;
    const t = performance.now();
    collect();
    gcMs += performance.now() - t;
    livePeak = Math.max(livePeak, heapUsed());
  };
  let exec: Execution | null = null;
  let seenRead = 0;
  let seenWritten = 0;
  let tick = 0;
  const hook = (e: Execution, method?: string): void => {
    if (process.env.BENCH_TRACE && method) {
      const frames = (new Error().stack ?? '')
        .split('\n')
        .filter((l) => l.includes('Code.js'))
        .slice(0, 4);
      process.stdout.write(
        `      ${method}  ${frames
          .map((f) =>
            f
              .trim()
              .replace(/^at /, '')
              .replace(/\(.*Code\.js:(\d+):\d+\)/, '@$1'),
          )
          .join(' < ')}\n`,
      );
    }
    if (exec !== e) {
      exec = e;
      seenRead = e.counters.cellsRead;
      seenWritten = e.counters.cellsWritten;
    }
    if (options.modelClock) {
      // Cells of the previous call are charged now: the hook runs before a call moves its cells.
      const read = Math.max(0, e.counters.cellsRead - seenRead);
      const written = Math.max(0, e.counters.cellsWritten - seenWritten);
      env.clock.advance?.(CALL_MS + read * READ_CELL_MS + written * WRITE_CELL_MS);
    }
    seenRead = e.counters.cellsRead;
    seenWritten = e.counters.cellsWritten;
    if (tick++ % SAMPLE_EVERY === 0) sample();
  };
  env.hooks.push(hook);
  let outcome = 'ok';
  let value: unknown;
  const started = performance.now();
  try {
    const result = body();
    exec = result.execution;
    value = result.value;
  } catch (err) {
    outcome = err instanceof Error ? err.message : String(err);
  } finally {
    env.hooks.splice(env.hooks.indexOf(hook), 1);
  }
  sample();
  const wallMs = performance.now() - started - gcMs;
  const counters = (exec as Execution | null)?.counters;
  const moved = {
    calls: counters?.spreadsheetCalls() ?? 0,
    cellsRead: counters?.cellsRead ?? 0,
    cellsWritten: counters?.cellsWritten ?? 0,
  };
  // BENCH_CALLS=1 prints each execution's Spreadsheet calls by method, to find where calls go.
  if (process.env.BENCH_CALLS && counters) {
    const byMethod = Object.entries(counters.snapshot().calls).filter(([m]) => !m.startsWith('Utilities.'));
    process.stdout.write(`    calls: ${byMethod.map(([m, n]) => `${m}×${n}`).join(', ')}\n`);
  }
  let responseBytes: number | null = null;
  if (options.response && outcome === 'ok') responseBytes = Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
  return {
    outcome,
    ...moved,
    wallMs,
    peakHeapMb: peak / MB,
    heapGrowthMb: ((live ? livePeak : peak) - heapBefore) / MB,
    modelledMs: modelledMs(moved),
    worstMs: modelledMs(moved, WORST_CALL_MS),
    responseBytes,
    executions: 1,
  };
}

/** Adds up measurements of consecutive executions (a run that resumed). */
export function combine(parts: readonly Measurement[]): Measurement {
  const last = parts[parts.length - 1];
  const sum = (f: (m: Measurement) => number) => parts.reduce((n, m) => n + f(m), 0);
  return {
    outcome: last.outcome,
    calls: sum((m) => m.calls),
    cellsRead: sum((m) => m.cellsRead),
    cellsWritten: sum((m) => m.cellsWritten),
    wallMs: sum((m) => m.wallMs),
    peakHeapMb: Math.max(...parts.map((m) => m.peakHeapMb)),
    heapGrowthMb: Math.max(...parts.map((m) => m.heapGrowthMb)),
    modelledMs: sum((m) => m.modelledMs),
    worstMs: sum((m) => m.worstMs),
    responseBytes: last.responseBytes,
    executions: parts.length,
  };
}
