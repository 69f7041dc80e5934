/**
 * A Stage changed in the sheet reaches Changes, the reports and the register the same way whether it
 * was typed with onEdit running, typed where onEdit never ran (the Sheets app under the reading where
 * it does not fire, a dropped event, a script), or pasted as a block — and whether Refresh or All
 * reports is the first to see it (docs/rule-path.md, Stage recorded).
 */
import { client, dayText, editCells, rowsOf } from './clients-fixture';
import { WANG, teamWorkbook } from './schedule/fixture';
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

type PlanWay = 'typed' | 'typed, onEdit never ran' | 'typed, never seen, then Refresh' | 'pasted';

/**
 * At 18:30 someone types a plan for Acme (C-1) into its cells: 9 March, 张伟, call back. Then a call
 * made at 10:00 that day is logged in the sidebar, proposing 4 March. The typed plan is the later
 * decision: it stays, and it is logged once on Changes, however it came in.
 */
function typedPlan(way: PlanWay): TestWorkbook {
  const wb = teamWorkbook();
  wb.menu('menuRefresh');
  wb.clock.set(Date.parse('2026-03-02T10:30:00Z'));
  if (way === 'pasted') {
    editCells(wb, 'Clients', 2, 'Next follow-up', [['2026-03-09', '张伟', 'call back']]);
  } else {
    const fire = way === 'typed';
    editCells(wb, 'Clients', 2, 'Next follow-up', [['2026-03-09']], { fire });
    editCells(wb, 'Clients', 2, 'Next owner', [['张伟']], { fire });
    editCells(wb, 'Clients', 2, 'Next topic', [['call back']], { fire });
    if (way === 'typed, never seen, then Refresh') wb.menu('menuRefresh');
  }
  wb.clock.set(Date.parse('2026-03-02T10:45:00Z'));
  const logged = wb.client(
    'logContact',
    [
      {
        clientId: 'C-1',
        date: '2026-03-02T02:00:00Z',
        channel: 'Phone',
        outcome: 'Reached',
        summary: 'Called in the morning',
        nextFollowUp: '2026-03-04',
      },
    ],
    WANG,
  ) as { ok: boolean };
  if (!logged.ok) throw new Error(JSON.stringify(logged));
  wb.menu('menuRefresh');
  return wb;
}

describe('a plan typed into Clients, then an earlier call logged in the sidebar', () => {
  const ways: PlanWay[] = ['typed', 'typed, onEdit never ran', 'typed, never seen, then Refresh', 'pasted'];
  const books = new Map(ways.map((w) => [w, typedPlan(w)]));

  test.each(ways)('%s: the typed plan stays in force, with its owner and topic', (way) => {
    const acme = client(books.get(way)!, 'Acme');
    expect([dayText(books.get(way)!, acme['Next follow-up']), acme['Next owner'], acme['Next topic']]).toEqual([
      '2026-03-09',
      '张伟',
      'call back',
    ]);
  });

  test.each(ways)('%s: Changes logs the plan as it was left, and Next step set has a time', (way) => {
    const wb = books.get(way)!;
    const plans = rowsOf(wb, 'Changes').filter((c) => c.What === 'Next step set' && c['Client ID'] === 'C-1');
    // onEdit logs the day and the topic as each is typed (the owner alone is a handover, not a new
    // plan: reassigning logs those); unseen or pasted, the plan is one row.
    expect(plans).toHaveLength(way === 'typed' ? 2 : 1);
    expect([plans.at(-1)!.New, plans.at(-1)!.Reason]).toEqual([
      '2026-03-09 · 张伟 · call back',
      'Plan changed in the sheet itself (typed, pasted or by a script).',
    ]);
    expect(client(wb, 'Acme')['Next step set']).toBeInstanceOf(Date);
  });
});
