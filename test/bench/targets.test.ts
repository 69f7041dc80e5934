/**
 * The benchmark's verdicts (bench/targets.ts): they decide what BENCHMARKS.md claims, so they are
 * checked on hand-made measurements.
 */
import type { Measurement } from '../../bench/measure';
import { type Row, evaluateTargets } from '../../bench/targets';

function m(over: Partial<Measurement>): Measurement {
  return {
    outcome: 'ok',
    calls: 50,
    cellsRead: 0,
    cellsWritten: 0,
    wallMs: 100,
    peakHeapMb: 100,
    heapGrowthMb: 10,
    modelledMs: 1000,
    worstMs: 2000,
    responseBytes: null,
    executions: 1,
    ...over,
  };
}

function row(size: string, entry: string, group: string, over: Partial<Measurement>, refreshes = false): Row {
  return { size, entry, group, fn: 'fn', refreshes, m: m(over) };
}

const target = (rows: Row[], name: string) => evaluateTargets(rows, []).find((t) => t.target.startsWith(name))!;

test('refresh + all reports adds the two executions when All reports does not refresh', () => {
  const rows = [
    row('50,000', 'refresh', 'refresh', { wallMs: 2000, modelledMs: 40_000 }),
    row('50,000', 'all reports', 'allReports', { wallMs: 2000, modelledMs: 30_000 }),
  ];
  const t = target(rows, 'refresh + all reports at 50,000 clients / 250,000 contacts: < 3 s Node');
  expect(t.verdict).toBe('MISS');
  expect(t.measured).toBe('4.00 s (refresh + all reports)');
  expect(target(rows, 'refresh + all reports at 50,000 clients / 250,000 contacts: modelled').measured).toBe(
    '70.00 s (refresh + all reports)',
  );
});

test('when All reports refreshes in the same execution, that execution alone is measured, and says so', () => {
  const rows = [
    row('50,000', 'refresh', 'refresh', { wallMs: 2000, modelledMs: 40_000 }),
    row('50,000', 'all reports', 'allReports', { wallMs: 2500, modelledMs: 55_000 }, true),
  ];
  const node = target(rows, 'refresh + all reports at 50,000 clients / 250,000 contacts: < 3 s Node');
  expect(node.verdict).toBe('PASS');
  expect(node.measured).toBe(
    '2.50 s (all reports: refresh and reports in one execution, on a register refreshed earlier in the run)',
  );
  expect(target(rows, 'refresh + all reports at 50,000 clients / 250,000 contacts: modelled').verdict).toBe('PASS');
});

test('calls that differ between 1,000 and 50,000 clients are named', () => {
  const rows = [
    row('1,000', 'addClient', 'sidebar', { calls: 57 }),
    row('50,000', 'addClient', 'sidebar', { calls: 59 }),
    row('1,000', 'refresh', 'refresh', { calls: 52 }),
    row('50,000', 'refresh', 'refresh', { calls: 52 }),
  ];
  const t = target(rows, 'Spreadsheet calls per operation identical');
  expect(t).toMatchObject({ verdict: 'MISS', measured: 'addClient: 57 → 59' });
});

test('a time of refresh + all reports is also given as a ratio to the refresh and the reports run one by one in the same run', () => {
  const rows = [
    row('50,000', 'refresh', 'refresh', { wallMs: 2000, modelledMs: 40_000 }),
    row('50,000', 'report: daily', 'report', { wallMs: 1500, modelledMs: 30_000 }),
    row('50,000', 'report: funnel', 'report', { wallMs: 1500, modelledMs: 30_000 }),
    row('50,000', 'all reports', 'allReports', { wallMs: 2500, modelledMs: 50_000 }, true),
  ];
  const node = target(rows, 'refresh + all reports at 50,000 clients / 250,000 contacts: < 3 s Node');
  expect(node.measured).toContain(
    '; the refresh and the 2 reports each in its own execution, in this run: 5.00 s, ours ÷ that = 0.50',
  );
  const modelled = target(rows, 'refresh + all reports at 50,000 clients / 250,000 contacts: modelled');
  expect(modelled.measured).toContain(': 100.00 s, ours ÷ that = 0.50');
  // A report that failed makes no ratio: a sum without it would flatter ours.
  rows[1] = row('50,000', 'report: daily', 'report', { outcome: 'error: quota' });
  expect(target(rows, 'refresh + all reports at 50,000 clients / 250,000 contacts: < 3 s Node').measured).not.toContain(
    'ours ÷ that',
  );
});

test('the search keystroke is also given as a ratio to a keystroke that builds its own index, in the same run', () => {
  const rows = [
    row('50,000', 'searchClients (first)', 'sidebar', { wallMs: 20, responseBytes: 2000 }),
    row('50,000', 'searchClients (next key)', 'sidebar', { wallMs: 18, responseBytes: 2000 }),
    row('50,000', 'searchClients (no index cached)', 'sidebar', { wallMs: 200, responseBytes: 2000 }),
  ];
  expect(target(rows, 'searchClients at 50,000 clients').measured).toContain(
    'a keystroke that finds no index: 200.0 ms, 2.0 KB (first keystroke ÷ that = 0.10)',
  );
});
