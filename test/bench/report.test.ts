/** What BENCHMARKS.md says beyond the measurements: the script's own heap as a column (bench/report.ts). */
import type { Measurement } from '../../bench/measure';
import { HEADER, markdown, rowCells, type Report } from '../../bench/report';

const m: Measurement = {
  outcome: 'ok',
  calls: 50,
  cellsRead: 1000,
  cellsWritten: 10,
  wallMs: 100,
  peakHeapMb: 1644,
  heapGrowthMb: 312,
  modelledMs: 1000,
  worstMs: 2000,
  responseBytes: null,
  executions: 1,
};

function report(): Report {
  return {
    rows: [{ size: 'ceiling', entry: 'daily run (+ digests)', group: 'daily', fn: 'runDaily', refreshes: true, m }],
    naive: [],
    targets: [],
    workbooks: [],
    ceilingExplanation: '',
    notBenchmarked: [],
    totalMs: 1,
    command: 'npm run bench',
  };
}

describe('the script’s own heap', () => {
  test('is a column of its own, next to the total', () => {
    const at = HEADER.indexOf('script heap MB');
    expect(at).toBe(HEADER.indexOf('peak heap MB') + 1);
    const cells = rowCells(report().rows[0]);
    expect(cells[HEADER.indexOf('peak heap MB')]).toBe('1644');
    expect(cells[at]).toBe('312');
    expect(markdown(report())).toMatch(/\| 1644 \| 312 \|/);
  });
});
