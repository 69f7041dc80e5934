/**
 * What the import tests share: stopping a batch right after any one of its writes, as the 6-minute
 * limit would, to prove Continue finishes it as one straight run would (docs/import.md).
 */
import type { TestWorkbook } from '../helpers/workbook';
import { confirmTeamRoles } from '../helpers/roles';
import { type Row, addRows, trackerWorkbook } from './clients-fixture';
import { AMY, LINA, TEAM, WANG, ZHANG } from './schedule/fixture';

/** A write a batch stopped part-way may or may not have made. */
export const isWrite = (method: string): boolean =>
  /^(Range\.setValues?|Sheet\.(appendRow|insertRowsAfter))$/.test(method);

const LIMIT = /Exceeded maximum execution time/;

/**
 * Runs `run` with the clock passing the 6-minute limit right after its k-th write (the write goes
 * through, the next call throws); true when the limit stopped it. The hooks and the clock are put back.
 */
export function stopAfterWrite(wb: TestWorkbook, k: number, run: () => unknown): boolean {
  const started = wb.clock.now();
  let seen = 0;
  wb.env.hooks.push((_exec, method) => {
    if (isWrite(method) && ++seen === k) wb.clock.advance(7 * 60_000);
  });
  let stopped = false;
  try {
    run();
  } catch (e) {
    stopped = LIMIT.test((e as Error).message);
    if (!stopped) throw e;
  } finally {
    wb.env.hooks.length = 0;
    wb.clock.set(started);
  }
  return stopped;
}

/**
 * The register an update import meets: the team (roles confirmed by a director), these clients, a
 * Refresh run over them, on 2026-03-02. `clients` may need the workbook (a day in its zone).
 */
export function registerWorkbook(clients: Row[] | ((wb: TestWorkbook) => Row[])): TestWorkbook {
  const wb = trackerWorkbook({ now: '2026-03-02T01:00:00Z' });
  addRows(wb, 'Team', TEAM);
  addRows(wb, 'Clients', typeof clients === 'function' ? clients(wb) : clients);
  wb.env.spreadsheet.editors.push(ZHANG, LINA, WANG, AMY);
  confirmTeamRoles(wb);
  wb.menu('menuRefresh', WANG);
  return wb;
}
