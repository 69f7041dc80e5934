/**
 * Tables parsed from the columns they were read as (src/core/grid.ts: one flat array per column): a
 * column read over part of the rows reads as '' elsewhere, and a bad cell still names its own row.
 */
import { type Grid, cellAt, columnCells, columnOf, gridOfRows } from '../../src/core/grid';
import { readGrid, readTable } from '../../src/core/records';

const SH = 'Asia/Shanghai';
const HEADER = ['Contact ID', 'Date', 'Client ID', 'By', 'Outcome'];

/** Contacts read as openTable reads them: Date and Client ID in full, By and Outcome over rows 2–3 only. */
function partlyRead(): Grid {
  const dateAndClient = [
    [new Date('2026-03-01T02:00:00Z'), 'C1'],
    [new Date('2026-03-02T02:00:00Z'), 'C2'],
    [new Date('2026-03-03T02:00:00Z'), 'C3'],
    [new Date('2026-03-04T02:00:00Z'), 'C4'],
  ];
  const byAndOutcome = [
    ['Amy', 'Reached'],
    ['Li Na', 'maybe later'],
  ];
  return {
    header: HEADER,
    length: 4,
    columns: [
      undefined,
      columnOf(dateAndClient, 0, 0),
      columnOf(dateAndClient, 1, 0),
      columnOf(byAndOutcome, 0, 1),
      columnOf(byAndOutcome, 1, 1),
    ],
  };
}

test('a cell outside the block its column was read in, or in a column not read, is blank', () => {
  const grid = partlyRead();
  expect(cellAt(grid, 0, 3)).toBe('');
  expect(cellAt(grid, 1, 3)).toBe('Amy');
  expect(cellAt(grid, 3, 4)).toBe('');
  expect(cellAt(grid, 2, 0)).toBe('');
  expect(columnCells(grid, 2)).toEqual(['C1', 'C2', 'C3', 'C4']);
  expect(columnCells(grid, 4)).toEqual(['', 'Reached', 'maybe later', '']);
});

test('records from a partly read grid: blanks outside the span, and a bad cell named by its own row', () => {
  const read = readGrid('contacts', partlyRead(), SH);
  expect(read.records.map((r) => [r?.clientId, r?.by, r?.outcome])).toEqual([
    ['C1', '', null],
    ['C2', 'Amy', 'reached'],
    ['C3', 'Li Na', null],
    ['C4', '', null],
  ]);
  expect(read.problems).toHaveLength(1);
  expect(read.problems[0].index).toBe(2);
  expect(read.problems[0].message.params?.who).toBe('row 4');
});

test('a grid over whole rows reads exactly as the rows do', () => {
  const rows = [HEADER, ['K1', new Date('2026-03-01T02:00:00Z'), 'C1', 'Amy', 'Reached'], ['', '', '', '', '']];
  const grid = gridOfRows(rows);
  expect(grid.length).toBe(2);
  expect(readGrid('contacts', grid, SH)).toEqual(readTable('contacts', rows, SH));
  expect(readTable('contacts', rows, SH).records[1]).toBeNull();
});
