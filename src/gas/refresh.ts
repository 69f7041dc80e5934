/**
 * Refresh (menu item, and part of the daily run): recomputes every computed column of every client —
 * an ID where missing, Grade, Status, Last contact, Pool release, Segment — in one pass, and writes
 * those columns only, each as one batch over the rows from the first to the last cell that changes
 * (none when nothing does), so the number of Spreadsheet calls does not depend on the number of
 * clients or contacts, and a refresh with little to change writes little. Cells people typed are
 * never rewritten: the ID column is written only over the rows that had no ID, and only when there
 * are some.
 */
import { type CellUse, cellWarning } from '../core/cell-limit';
import { addDays, dayKey, startOfDayMs, today } from '../core/dates';
import { cellAt } from '../core/grid';
import { type Lang, joinList, message, render, t } from '../core/i18n';
import { type ColumnDef, type ColumnKey, column, label, tabName } from '../core/schema';
import { completedRow } from './typed-contacts';
import { workbookCellUse } from './cell-use';
import { sameCell, writeRuns, writeSpan } from './cells';
import { type ChangeEntry, openChangeLog } from './changes';
import { type ClientsPass, ROWS_MOVED, computeClients, withStableRows } from './clients-pass';
import { readSettings } from './settings-tab';
import { type WorkbookContext, workbookContext } from './context';
import { withDocumentLock } from './lock';
import { keepTodayCurrent } from './today-cell';
import { queueHandovers, sendQueuedHandovers } from './handover-mail';
import { keepSearchIndexAfterRefresh, warmSearchIndex } from './sidebar/search-index';
import { type MenuReport, limitLines, reportInAlert } from './problems';
import { teamProblems } from './roles';
import { keepTableCoveredIfGrown } from './coverage';
import { columnIndex, findTab, idsStillMatch, rawCell, sheetRow, sheetsByName } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RefreshSummary {
  lang: Lang;
  /** Client rows refreshed (blank rows are not counted). */
  clients: number;
  idsAssigned: number;
  gradesChanged: number;
  /** From one status to another (a first status for a new row is not a change). */
  statusesChanged: number;
  /** Every problem found, as sentences in the workbook's language; the rows concerned were still refreshed. */
  problems: string[];
  /** Cells the file uses of Google's limit, after the refresh (src/core/cell-limit.ts). */
  cells?: CellUse;
}

const COMPUTED = ['grade', 'status', 'lastContact', 'poolRelease', 'segment'] as const;
type Computed = (typeof COMPUTED)[number];

/** The Clients columns a refresh writes (and so must find). */
export const REFRESH_WRITES: readonly ColumnKey<'clients'>[] = COMPUTED;

/**
 * Writes what a pass computed into the computed columns (and IDs where missing), logging grade
 * changes and new IDs on Changes; ROWS_MOVED (nothing written) when the Clients rows moved since the
 * pass read them. The pass must have been read with `needs` = REFRESH_WRITES.
 */
export function writeRefresh(
  pass: ClientsPass,
  sheets: Map<string, Sheet>,
  ctx: WorkbookContext,
): RefreshSummary | typeof ROWS_MOVED {
  const { clients: tbl, result, problems } = pass;
  const { lang, tz } = ctx;
  const cols = Object.fromEntries(COMPUTED.map((key) => [key, [] as unknown[]])) as Record<Computed, unknown[]>;
  const at = Object.fromEntries(COMPUTED.map((key) => [key, columnIndex(tbl, key)])) as Record<Computed, number>;
  // Rows whose cell changes, per column: only the span between the first and the last is written.
  const touched = Object.fromEntries(COMPUTED.map((key) => [key, [] as number[]])) as Record<Computed, number[]>;
  const idCol = columnIndex(tbl, 'id');
  const ids: unknown[] = [];
  const missingIds: number[] = [];
  // IDs an earlier version stored with a visible apostrophe ('C-0001, docs/google-readings.md): repaired.
  const strayApostrophes: number[] = [];
  let clients = 0;
  let statusesChanged = 0;
  const cell = (i: number, col: number): unknown => cellAt(tbl.grid, i, col);
  tbl.records.forEach((record, i) => {
    const computed = result.clients[i];
    ids.push(cell(i, idCol));
    if (record === null || computed === null) {
      // A blank row: its cells stay exactly as they are.
      for (const key of COMPUTED) cols[key].push(cell(i, at[key]));
      return;
    }
    clients++;
    if (record.id === '') {
      ids[i] = computed.id;
      missingIds.push(i);
    } else if (hasStrayApostrophe(ids[i])) {
      ids[i] = (ids[i] as string).slice(1);
      strayApostrophes.push(i);
    }
    if (record.status !== null && record.status !== computed.status) statusesChanged++;
    const put = (key: Computed, next: unknown): void => {
      const now = cell(i, at[key]);
      if (sameCell(now, next)) cols[key].push(now);
      else {
        cols[key].push(next);
        touched[key].push(i);
      }
    };
    put('grade', label('grades', computed.grade, lang));
    put('status', label('statuses', computed.status, lang));
    // A day goes in as its first instant; a Date is made only for a cell that changes.
    const putDay = (key: Computed, day: string): void => {
      const now = cell(i, at[key]);
      const ms = startOfDayMs(day, tz);
      if (now instanceof Date && now.getTime() === ms) cols[key].push(now);
      else {
        cols[key].push(new Date(ms));
        touched[key].push(i);
      }
    };
    // No reached contact and nothing readable in the cell: leave it (blank, or text already reported).
    if (computed.lastContact === null) cols.lastContact.push(cell(i, at.lastContact));
    else putDay('lastContact', computed.lastContact);
    if (computed.poolRelease === null) put('poolRelease', '');
    else putDay('poolRelease', computed.poolRelease);
    put('segment', computed.segment === null ? '' : label('segments', computed.segment, lang));
  });
  const changes: ChangeEntry[] = result.changes.map((c) => ({
    clientId: c.clientId,
    what: c.what,
    old: c.old,
    new: c.new,
    by: c.by,
    reason: c.reason,
    at: c.at,
  }));
  const caughtUp = caughtUpCells(pass, ctx);
  // Everything that could stop the operation is checked before the first write.
  const log = changes.length > 0 ? openChangeLog(sheets, ctx) : null;
  // Rows that moved matter only to a write: with nothing to write, the ID column is not read again.
  const writes =
    missingIds.length +
    strayApostrophes.length +
    changes.length +
    caughtUp.count +
    COMPUTED.reduce((n, key) => n + touched[key].length, 0);
  if (writes > 0 && !idsStillMatch(tbl, 'id')) return ROWS_MOVED;
  for (const key of COMPUTED) writeSpan(tbl.sheet, sheetRow(tbl, 0), at[key], cols[key], touched[key]);
  // ID is a column people own (a formula, a link, a colleague's typing between two new IDs): only the
  // cells that change are written, one call per run of consecutive rows.
  writeRuns(tbl.sheet, sheetRow(tbl, 0), idCol, new Map([...missingIds, ...strayApostrophes].map((i) => [i, ids[i]])));
  if (missingIds.length > 0) pass.ids.save();
  for (const [col, cells] of caughtUp.clients) writeRuns(tbl.sheet, sheetRow(tbl, 0), col, cells);
  for (const [col, cells] of caughtUp.contactCells)
    writeRuns(pass.contacts.sheet, sheetRow(pass.contacts, 0), col, cells);
  log?.append(changes);
  // A caught-up row that handed today's step to someone else: its mail goes out with the next run that may send mail.
  queueHandovers(result.handovers, today(ctx.now, tz));
  return {
    lang,
    clients,
    idsAssigned: changes.filter((c) => c.what === 'idAssigned').length,
    gradesChanged: changes.filter((c) => c.what === 'gradeChange').length,
    statusesChanged,
    problems,
  };
}

/** A cell that reads as "'C-0001": the apostrophe of an old guard, kept as a character. */
function hasStrayApostrophe(value: unknown): boolean {
  return typeof value === 'string' && value.length > 1 && value.charCodeAt(0) === 39 && value.trim().length > 1;
}

/** Contacts rows this recent with a blank By are listed by every Refresh (docs/rule-path.md). */
const NO_BY_DAYS = 7;
/** At most this many row numbers are named; the count says the rest. */
const NO_BY_ROWS = 20;

function refreshPass(sheets: Map<string, Sheet>, ctx: WorkbookContext): RefreshSummary | typeof ROWS_MOVED {
  const since = startOfDayMs(addDays(today(ctx.now, ctx.tz), -(NO_BY_DAYS - 1)), ctx.tz);
  const pass = computeClients(
    sheets,
    ctx,
    readSettings(sheets, ctx.lang),
    REFRESH_WRITES,
    // Recent rows: By (listed when blank), and the stage and step they give (an edit nobody applied).
    { recentContacts: { columns: ['by'], dateKey: 'date', sinceMs: since }, recheckSince: since },
    true,
  );
  const summary = writeRefresh(pass, sheets, ctx);
  if (summary === ROWS_MOVED) return summary;
  return { ...summary, problems: [...summary.problems, ...withoutBy(pass, since, ctx.lang)] };
}

/**
 * Recent contacts nobody is named for: a row typed where the typist's address is not known (onEdit) is
 * left with By blank, never filled with whoever runs Refresh later, and listed here until someone
 * fills it in (docs/domain.md#the-sheet-is-an-entry-point-too).
 */
function withoutBy(pass: ClientsPass, sinceMs: number, lang: Lang): string[] {
  const { contacts } = pass;
  const byCol = contacts.headers.map.by;
  if (byCol === undefined) return [];
  const rows: number[] = [];
  contacts.records.forEach((record, i) => {
    if (record === null || record.date === null || record.date.getTime() < sinceMs) return;
    if (record.outcome !== null && record.by.trim() === '') rows.push(sheetRow(contacts, i));
  });
  if (rows.length === 0) return [];
  const named = joinList([...rows.slice(0, NO_BY_ROWS).map(String), ...(rows.length > NO_BY_ROWS ? ['…'] : [])], lang);
  return [
    t(lang, 'problem.contactNoBy', {
      tab: tabName('contacts', lang),
      days: NO_BY_DAYS,
      by: String(contacts.grid.header[byCol] ?? '').trim(),
      rows: named,
    }),
  ];
}

/** What follows every refresh, whoever ran it: the today cell is current, the search index still right. */
export function afterRefresh(ctx: WorkbookContext, sheets?: Map<string, Sheet>): void {
  keepTodayCurrent(ctx.tz, ctx.now);
  // Rows people added below the grid get the highlighting and protections too (coverage.ts): the
  // rules are read and stretched only when the grid is not the one last covered.
  const clients = sheets ? findTab(sheets, 'clients') : null;
  if (clients) keepTableCoveredIfGrown(clients, clients.getMaxRows());
  keepSearchIndexAfterRefresh(ctx.ss);
}

/** Refreshes every client; for the menu and the daily run. Throws a UserError (nothing written) when it cannot. */
export function refreshWorkbook(): RefreshSummary {
  const ctx = workbookContext();
  return withDocumentLock(ctx.lang, () => {
    const sheets = sheetsByName(ctx.ss, ctx.lang);
    const summary = withStableRows(sheets, ctx.lang, () => refreshPass(sheets, ctx));
    afterRefresh(ctx, sheets);
    // Refresh has the workbook open already: the first search after it (after the daily run) is fast.
    warmSearchIndex(sheets, ctx);
    return { ...summary, cells: workbookCellUse(ctx.ss) };
  });
}

/** What the menu shows after a refresh; `mail`: who was told about handovers typed into the sheet, or why not. */
export function refreshReport(summary: RefreshSummary, mail: readonly string[] = []): MenuReport {
  const { lang } = summary;
  // A file nearly at Google's cell limit comes first: it is what the user has to act on.
  const warning = summary.cells ? cellWarning(summary.cells) : null;
  const lines = [
    ...(warning ? [render(lang, warning), ''] : []),
    t(lang, 'refresh.done', { clients: summary.clients }),
    t(lang, 'refresh.counts', {
      grades: summary.gradesChanged,
      statuses: summary.statusesChanged,
      ids: summary.idsAssigned,
    }),
  ];
  if (summary.gradesChanged + summary.idsAssigned > 0) {
    lines.push(t(lang, 'refresh.changesLogged', { tab: tabName('changes', lang) }));
  }
  lines.push(...mail);
  if (summary.problems.length > 0) {
    lines.push(
      '',
      t(lang, 'refresh.problems', { count: summary.problems.length }),
      ...limitLines(summary.problems, lang),
    );
  }
  return { title: render(lang, message('menu.refresh')), lines };
}

/** Menu: Refresh grades and status. A menu run may send mail: handovers typed into the sheet go out now. */
export function menuRefresh(): void {
  reportInAlert(() => {
    const summary = refreshWorkbook();
    const ctx = workbookContext();
    const mail = sendQueuedHandovers(ctx, sheetsByName(ctx.ss, ctx.lang));
    return refreshReport({ ...summary, problems: [...teamProblems(ctx), ...summary.problems] }, mail);
  });
}

/**
 * The cells Refresh writes after applying contacts nobody had applied: each client's Stage and next
 * step where they changed (only those cells: people own these columns), each applied row's ID, and
 * Stage recorded wherever a move was just logged or a blank one adopted.
 */
function caughtUpCells(
  pass: ClientsPass,
  ctx: WorkbookContext,
): { clients: Map<number, Map<number, unknown>>; contactCells: Map<number, Map<number, unknown>>; count: number } {
  const { clients: tbl, result } = pass;
  const { lang, tz } = ctx;
  const out = new Map<number, Map<number, unknown>>();
  let count = 0;
  const put = (key: ColumnKey<'clients'>, row: number, before: unknown, value: unknown): void => {
    const col = tbl.headers.map[key];
    if (col === undefined || sameCell(before, value)) return;
    if (before instanceof Date && value instanceof Date && before.getTime() === value.getTime()) return;
    let cells = out.get(col);
    if (!cells) out.set(col, (cells = new Map()));
    cells.set(row, rawCell(column('clients', key), value));
    count++;
  };
  result.caughtUp.forEach((after, i) => {
    const record = tbl.records[i];
    if (after === null || record === null) return;
    const cell = (key: ColumnKey<'clients'>): unknown => {
      const col = tbl.headers.map[key];
      return col === undefined ? '' : cellAt(tbl.grid, i, col);
    };
    put('stage', i, cell('stage'), after.stage === null ? '' : label('stages', after.stage, lang));
    // A date people typed with a time of day stays as typed when it is the same day.
    const typedDay = cell('nextFollowUp');
    if (!(typedDay instanceof Date && after.nextFollowUp !== null && dayKey(typedDay, tz) === after.nextFollowUp))
      put(
        'nextFollowUp',
        i,
        typedDay,
        after.nextFollowUp === null ? '' : new Date(startOfDayMs(after.nextFollowUp, tz)),
      );
    put('nextOwner', i, cell('nextOwner'), after.nextOwner);
    put('nextTopic', i, cell('nextTopic'), after.nextTopic);
    put('planSet', i, cell('planSet'), after.planSetMs === null ? '' : new Date(after.planSetMs));
  });
  // Stage recorded follows every Stage whose move is now on Changes (a tab set up before the column
  // existed has none: its moves wait until Setup adds it).
  for (const key of ['stageRecorded', 'stepRecorded'] as const) {
    const col = tbl.headers.map[key];
    if (col === undefined) continue;
    result.clients.forEach((computed, i) => {
      if (computed !== null && tbl.records[i] !== null) put(key, i, cellAt(tbl.grid, i, col), computed[key]);
    });
  }
  // Stage set follows every stage a caught-up contact gave or a typed move recorded.
  const setCol = tbl.headers.map.stageSet;
  if (setCol !== undefined)
    result.clients.forEach((computed, i) => {
      if (computed === null || tbl.records[i] === null) return;
      const was = cellAt(tbl.grid, i, setCol);
      if (computed.stageSetMs === null) return; // nothing set: what the cell holds stays
      put('stageSet', i, was, new Date(computed.stageSetMs));
    });
  // Each applied row gets its ID and is completed as onEdit completes it: only cells left blank.
  const contactCells = new Map<number, Map<number, unknown>>();
  const complete = (col: number | undefined, index: number, value: unknown, def: ColumnDef): void => {
    if (col === undefined || value === '' || value === null) return;
    const now = pass.pendingCells.get(index)?.[col];
    if (now !== '' && now !== null && now !== undefined) return; // what people typed stays
    let cells = contactCells.get(col);
    if (!cells) contactCells.set(col, (cells = new Map()));
    cells.set(index, rawCell(def, value));
  };
  const map = pass.contacts.headers.map;
  for (const done of result.applied) {
    complete(map.id, done.index, done.id, column('contacts', 'id'));
    for (const [key, value] of Object.entries(completedRow(done, ctx)) as [ColumnKey<'contacts'>, unknown][])
      complete(map[key], done.index, value, column('contacts', key));
  }
  let completed = 0;
  for (const cells of contactCells.values()) completed += cells.size;
  return { clients: out, contactCells, count: count + completed };
}
