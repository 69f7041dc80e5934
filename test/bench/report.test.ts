/**
 * What BENCHMARKS.md says beyond the measurements: the script's own heap as a column, and the plan past
 * one spreadsheet with its numbers computed from the schema (bench/report.ts, bench/scale.ts).
 */
import type { Measurement } from '../../bench/measure';
import { HEADER, markdown, rowCells, type Report } from '../../bench/report';
import { scalePlan } from '../../bench/scale';
import { CELL_LIMIT } from '../../src/core/cell-limit';
import { TABLES } from '../../src/core/schema';

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

const plan = scalePlan({ contactsPerClient: 7.5, otherCells: 41_000 });

function report(): Report {
  return {
    rows: [{ size: 'ceiling', entry: 'daily run (+ digests)', group: 'daily', fn: 'runDaily', refreshes: true, m }],
    naive: [],
    targets: [],
    workbooks: [],
    ceilingExplanation: '',
    scale: plan,
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

describe('how long one file lasts', () => {
  test('each contact costs a Contacts row and its share of a Clients row, with the schema’s widths', () => {
    expect(plan.clientColumns).toBe(TABLES.clients.length);
    expect(plan.contactColumns).toBe(TABLES.contacts.length);
    expect(plan.cellsPerContact).toBeCloseTo(TABLES.contacts.length + TABLES.clients.length / 7.5);
    expect(plan.contactsPerYear).toBe(20 * 30 * 250);
  });

  test('the years fill exactly the cells left, the warning before the limit', () => {
    expect(plan.startCells + plan.yearsToLimit * plan.cellsPerYear).toBeCloseTo(CELL_LIMIT);
    expect(plan.startCells + plan.yearsToWarning * plan.cellsPerYear).toBeCloseTo(CELL_LIMIT * 0.9);
    // With today's 37 + 17 columns: about three years.
    expect(plan.yearsToLimit).toBeGreaterThan(2.5);
    expect(plan.yearsToLimit).toBeLessThan(3.5);
  });

  test('BENCHMARKS.md has the section with these numbers, and links the reasoning', () => {
    const md = markdown(report());
    expect(md).toContain('## Past one spreadsheet (plan, not built)');
    expect(md).toContain(`after **${plan.yearsToWarning.toFixed(1)} years**`);
    expect(md).toContain(`after **${plan.yearsToLimit.toFixed(1)} years**`);
    expect(md).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(md).toContain('[docs/scale.md](docs/scale.md)');
  });
});
