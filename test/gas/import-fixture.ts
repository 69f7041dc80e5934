/**
 * What the import tests share: the register an import meets, the list tab File ▸ Import leaves, the
 * dialog's calls on it, and stopping a batch right after any one of its writes, as the 6-minute limit
 * would, to prove Continue finishes it as one straight run would (docs/import.md).
 */
import type { TestWorkbook } from '../helpers/workbook';
import { confirmTeamRoles } from '../helpers/roles';
import { type Row, addRows, asEditor, trackerWorkbook } from './clients-fixture';
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

/** A cell of a list as it lands in a tab. */
export type Cell = string | number | Date;

/** What importRun answers: the batch and how far it got, or the sentence that stopped it. */
export type Step = { ok: true; batch: string; done: number; total: number; text: string } | { ok: false; text: string };

/**
 * The list in a tab named 名单, as File ▸ Import ▸ Insert new sheet(s) leaves it (short rows padded).
 * With "Convert text to numbers, dates and formulas" unticked the cells stay text: `text` says which
 * ones a test keeps so, the phone column (the second) or every cell.
 */
export function putListTab(wb: TestWorkbook, list: Cell[][], text: 'phones' | 'all' = 'phones'): void {
  asEditor(wb, (ss) => {
    const sheet = ss.insertSheet('名单');
    const width = Math.max(...list.map((r) => r.length));
    if (text === 'all') sheet.getRange(1, 1, list.length, width).setNumberFormat('@');
    else sheet.getRange(1, 2, list.length, 1).setNumberFormat('@');
    sheet
      .getRange(1, 1, list.length, width)
      .setValues(list.map((r) => [...r, ...Array<Cell>(width - r.length).fill('')]));
  });
}

/** What `run` returns, and how many writes it made (the ones stopAfterWrite can stop a batch after). */
export function countWrites<T>(wb: TestWorkbook, run: () => T): { value: T; writes: number } {
  let writes = 0;
  wb.env.hooks.push((_exec, method) => {
    if (isWrite(method)) writes++;
  });
  try {
    return { value: run(), writes };
  } finally {
    wb.env.hooks.length = 0;
  }
}

/** Continues a batch until importRun says its `total` rows are done (a stopped batch needs one call more). */
export function continueUntilDone(run: () => unknown, total: number): void {
  for (let guard = 0; guard < 3; guard++) if ((run() as { done?: number }).done === total) return;
}

/** The director (王总) runs a batch of the 名单 tab with update on, `size` rows a call ('' starts it). */
export const runListTab = (wb: TestWorkbook, batch: string, size: number): Step =>
  wb.client('importRun', [{ tab: '名单', update: true, batch, size }], WANG) as Step;

/** The director's preview of the 名单 tab with update on. */
export const previewListTab = (wb: TestWorkbook) =>
  wb.client('importPreview', [{ tab: '名单', update: true }], WANG) as { ok: boolean; lines: string[] };

/** The batch a step answered ('' when it was refused). */
export const batchOf = (step: Step | BatchResult): string =>
  !step.ok ? '' : 'value' in step ? step.value.batch : step.batch;

/** What importBatch (the planner's rows handed to the writer) answers. */
export type BatchResult = { ok: true; value: { batch: string } } | { ok: false; text: string };

/** The Clients, Contacts and Changes tabs as they are: what a stopped-and-continued batch must equal. */
export const threeTabs = (wb: TestWorkbook) => ({
  clients: wb.values('Clients'),
  contacts: wb.values('Contacts'),
  changes: wb.values('Changes'),
});
