/**
 * A Stage changed in the sheet reaches Changes, the reports and the register the same way whether it
 * was typed with onEdit running, typed where onEdit never ran (the Sheets app under the reading where
 * it does not fire, a dropped event, a script), or pasted as a block — and whether Refresh or All
 * reports is the first to see it (docs/rule-path.md, Stage recorded).
 */
import { editCells, rowsOf } from './clients-fixture';
import { teamWorkbook } from './schedule/fixture';
import type { TestWorkbook } from '../helpers/workbook';

type Path = 'typed' | 'typed, onEdit never ran' | 'pasted';

/** Epsilon (C-5, B3) is won and Acme (C-1, no stage yet) gets its first stage, A. */
function week(path: Path): TestWorkbook {
  const wb = teamWorkbook();
  wb.menu('menuRefresh'); // a workbook in use: every stage recorded
  if (path === 'pasted') {
    // The whole Stage column pasted back with two cells changed (rows 2–8: C-1 … C-7).
    editCells(wb, 'Clients', 2, 'Stage', [['A'], [''], [''], [''], ['Won'], [''], ['']]);
  } else {
    const fire = path === 'typed';
    editCells(wb, 'Clients', 6, 'Stage', [['Won']], { fire });
    editCells(wb, 'Clients', 2, 'Stage', [['A']], { fire });
  }
  // All reports straight away: it must count what it is recording, not only what Changes held.
  wb.menu('menuReportsAll');
  return wb;
}

const stageRows = (wb: TestWorkbook) =>
  rowsOf(wb, 'Changes')
    .filter((c) => c.What === 'Stage change')
    .map((c) => [c['Client ID'], c.Old, c.New, c.Reason])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]))); // the order they were found in may differ

const wonBy = (wb: TestWorkbook, person: string): unknown => {
  const monthly = wb.values('Report · Monthly');
  const head = monthly.find((r) => r[0] === 'Person')!;
  return monthly.find((r) => r[0] === person)![head.indexOf('Won')];
};

describe('a Stage changed in the sheet, three ways', () => {
  const paths: Path[] = ['typed', 'typed, onEdit never ran', 'pasted'];
  const books = new Map(paths.map((p) => [p, week(p)]));

  test.each(paths)('%s: one move for the win, a first stage for Acme, nothing twice', (path) => {
    expect(stageRows(books.get(path)!)).toEqual([
      ['C-1', '', 'A · Contacted not met', 'First stage recorded (not a move).'],
      ['C-5', 'B3 · Negotiation', 'Won', 'Stage changed in the sheet itself (typed, pasted or by a script).'],
    ]);
  });

  test.each(paths)('%s: the monthly summary counts the win for its owner at once', (path) => {
    expect(wonBy(books.get(path)!, '王总')).toBe(1);
  });

  test('the register and every report tab are the same whichever way the Stage came in', () => {
    const tabs = (wb: TestWorkbook) =>
      wb
        .sheetNames()
        .filter((n) => n !== 'Changes')
        .map((n) => [n, wb.values(n)]);
    const [first, ...rest] = paths.map((p) => JSON.stringify(tabs(books.get(p)!)));
    for (const other of rest) expect(other).toBe(first);
  });

  test.each(paths)('%s: Refresh afterwards finds nothing left to record', (path) => {
    const wb = books.get(path)!;
    const before = rowsOf(wb, 'Changes').length;
    wb.menu('menuRefresh');
    expect(rowsOf(wb, 'Changes')).toHaveLength(before);
  });
});
