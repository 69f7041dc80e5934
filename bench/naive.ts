/**
 * The naive baseline, kept only here: the per-row `getRange(r, c).getValue()` / `setValue()` style of
 * the typical Sheets CRM script, doing the same work as our refresh (grade, status, last contact) and
 * our overdue report, through the same emulator. It is charitable — it finds columns by header once
 * and hoists getLastRow() out of its loops — so the ratio it shows is a floor, not a straw man.
 */
import { type DayKey, dayKey } from '../src/core/dates';
import { gradeClient } from '../src/core/grade';
import { label, parseEnum, readYesNo } from '../src/core/lists';
import { type ColumnKey, header } from '../src/core/schema';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { computeStatus, daysOverdue, followUpState } from '../src/core/status';
import { type Execution, globalsFor, startExecution } from '../src/local/emulator';
import { type Measurement, measure } from './measure';
import type { BenchWorkbook } from './workbook';
import { TIME_ZONE, sheetOf } from './workbook';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column numbers by English header, read once (a typical script hard-codes them instead). */
function columnsOf<T extends 'clients' | 'contacts'>(sheet: Sheet, table: T): (key: ColumnKey<T>) => number {
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const cache = new Map<ColumnKey<T>, number>();
  return (key) => {
    let col = cache.get(key);
    if (col === undefined) {
      col = headers.indexOf(header(table, key, 'en')) + 1;
      if (col === 0) throw new Error(`naive script: no column ${String(key)}`);
      cache.set(key, col);
    }
    return col;
  };
}

function asDay(value: unknown): DayKey | null {
  return value instanceof Date ? dayKey(value, TIME_ZONE) : null;
}

/**
 * The latest reached contact per client ID, read cell by cell (Client ID, Outcome and Date of every
 * row; with `summary`, also the Summary of each newer reached contact).
 */
function lastReached(contacts: Sheet, summary: boolean): Map<string, { date: Date; summary: unknown }> {
  const k = columnsOf(contacts, 'contacts');
  const last = new Map<string, { date: Date; summary: unknown }>();
  const rows = contacts.getLastRow();
  for (let r = 2; r <= rows; r++) {
    const id = String(contacts.getRange(r, k('clientId')).getValue());
    const outcome = contacts.getRange(r, k('outcome')).getValue();
    const date = contacts.getRange(r, k('date')).getValue();
    if (parseEnum('outcomes', outcome) !== 'reached' || !(date instanceof Date)) continue;
    const seen = last.get(id);
    if (!seen || seen.date < date) {
      last.set(id, { date, summary: summary ? contacts.getRange(r, k('summary')).getValue() : '' });
    }
  }
  return last;
}

/** Refresh the way a typical script does it: every cell is its own call. */
export function naiveRefresh(app: App, now: Date): void {
  const ss = app.getActiveSpreadsheet();
  const clients = ss.getSheetByName('Clients')!;
  const contacts = ss.getSheetByName('Contacts')!;
  const today = dayKey(now, TIME_ZONE);
  const last = lastReached(contacts, false);
  const c = columnsOf(clients, 'clients');
  const clientRows = clients.getLastRow();
  for (let r = 2; r <= clientRows; r++) {
    const id = String(clients.getRange(r, c('id')).getValue());
    const needConfirmed = readYesNo(clients.getRange(r, c('needConfirmed')).getValue()) === true;
    const budgetConfirmed = readYesNo(clients.getRange(r, c('budgetConfirmed')).getValue()) === true;
    const decisionMaker = readYesNo(clients.getRange(r, c('decisionMaker')).getValue()) === true;
    const expected = asDay(clients.getRange(r, c('expectedDate')).getValue());
    const stage = parseEnum('stages', clients.getRange(r, c('stage')).getValue());
    const owner = String(clients.getRange(r, c('owner')).getValue());
    const status = parseEnum('statuses', clients.getRange(r, c('status')).getValue());
    const created = asDay(clients.getRange(r, c('created')).getValue());
    const reached = last.get(id)?.date ?? null;
    const grade = gradeClient(
      { needConfirmed, budgetConfirmed, decisionMaker, expectedDate: expected, gradeOverride: null },
      DEFAULT_SETTINGS,
      today,
    ).grade;
    const lastContact = reached ? dayKey(reached, TIME_ZONE) : null;
    const next = computeStatus({ stage, owner, previousStatus: status, lastContact, created }, DEFAULT_SETTINGS, today);
    clients.getRange(r, c('grade')).setValue(grade);
    clients.getRange(r, c('status')).setValue(label('statuses', next, 'en'));
    if (reached) clients.getRange(r, c('lastContact')).setValue(reached);
  }
}

/**
 * The overdue report the way a typical script builds it, doing the work ours does: overdue and
 * unplanned clients worst first, each with the summary of its last reached contact (one pass over
 * Contacts, cell by cell, like the naive refresh), then a count per next owner; every line is an
 * appendRow.
 */
export function naiveOverdueReport(app: App, now: Date): void {
  const ss = app.getActiveSpreadsheet();
  const clients = ss.getSheetByName('Clients')!;
  const contacts = ss.getSheetByName('Contacts')!;
  const today = dayKey(now, TIME_ZONE);
  const reached = lastReached(contacts, true);
  const name = 'Naive overdue';
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  const report = ss.insertSheet(name);
  report.appendRow([
    'Owner',
    'Client',
    'ID',
    'State',
    'Days overdue',
    'Next follow-up',
    'Grade',
    'Stage',
    'Topic',
    'Last contact',
    'Summary',
  ]);
  const c = columnsOf(clients, 'clients');
  const rows = clients.getLastRow();
  const late: { days: number; overdue: boolean; line: unknown[] }[] = [];
  const perOwner = new Map<string, number>();
  for (let r = 2; r <= rows; r++) {
    const status = parseEnum('statuses', clients.getRange(r, c('status')).getValue());
    const next = asDay(clients.getRange(r, c('nextFollowUp')).getValue());
    if (status === null || status === 'inPool') continue;
    const state = followUpState(status, next, today);
    if (state !== 'overdue' && state !== 'unplanned') continue;
    const id = String(clients.getRange(r, c('id')).getValue());
    const owner = String(clients.getRange(r, c('nextOwner')).getValue() || clients.getRange(r, c('owner')).getValue());
    const last = clients.getRange(r, c('lastContact')).getValue();
    const days = state === 'overdue' ? daysOverdue(status, next, today) : 0;
    perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
    late.push({
      days,
      overdue: state === 'overdue',
      line: [
        owner,
        clients.getRange(r, c('name')).getValue(),
        id,
        state,
        days,
        clients.getRange(r, c('nextFollowUp')).getValue(),
        clients.getRange(r, c('grade')).getValue(),
        clients.getRange(r, c('stage')).getValue(),
        clients.getRange(r, c('nextTopic')).getValue(),
        last,
        reached.get(id)?.summary ?? '',
      ],
    });
  }
  late.sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.days - a.days);
  for (const l of late) report.appendRow(l.line);
  report.appendRow(['']);
  for (const [owner, count] of perOwner) report.appendRow([owner, count]);
}

/**
 * Runs a naive function as one execution with no time limit (it would need many: the modelled time
 * says how many), so its full call count is measured.
 */
export function runNaive(wb: BenchWorkbook, fn: (app: App, now: Date) => void): Measurement {
  return measure(
    wb.env,
    () => {
      const execution: Execution = startExecution(wb.env, {
        authMode: 'FULL',
        kind: 'editor',
        activeUser: wb.manager.email,
        timeLimitMs: Number.POSITIVE_INFINITY,
      });
      try {
        fn(globalsFor(execution).SpreadsheetApp as App, new Date(wb.clock.now()));
        return { value: undefined, execution };
      } finally {
        execution.end();
      }
    },
    { modelClock: false, response: false, liveHeap: false },
  );
}

/** The tabs the naive script expects exist under their English names. */
export function naiveCanRun(wb: BenchWorkbook): boolean {
  return sheetOf(wb.env, 'clients').name === 'Clients' && sheetOf(wb.env, 'contacts').name === 'Contacts';
}
